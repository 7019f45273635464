package org.haetae.pipeline.progress;

/**
 * Where a long job reports how far it is: a progress bar on a terminal, plain lines in a log, a
 * job's status in the server. Implementations are thread-safe; {@link Task#advance} is called per
 * item and must be cheap.
 */
public interface ProgressSink {
  /** One counted step of a job. */
  interface Task extends AutoCloseable {
    void advance(long n);

    @Override
    void close();
  }

  /** Starts counting {@code total} items ({@code total <= 0}: unknown). */
  Task start(String label, long total);

  /** A new stage of the job begins, e.g. "ingest EXPORT". */
  default void stage(String what) {}

  /** Something a person should know about the result (never evidence content). */
  default void warn(String message) {}

  /** Reports nothing. */
  ProgressSink SILENT =
      (label, total) ->
          new Task() {
            @Override
            public void advance(long n) {}

            @Override
            public void close() {}
          };
}
