package org.haetae.demo.investigation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Draws and writes media files on all cores while the JSON is written on the calling thread. A
 * file's bytes depend only on what it shows, so the order in which threads finish does not matter
 * for the result. At most a bounded number of files wait in memory.
 */
final class MediaFiles implements AutoCloseable {
  private final ExecutorService pool;
  private final Semaphore slots;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  MediaFiles(int threads) {
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "demo-media");
              t.setDaemon(true);
              return t;
            });
    this.slots = new Semaphore(threads * 8);
  }

  void write(Path file, Supplier<byte[]> bytes) {
    rethrow();
    slots.acquireUninterruptibly();
    pool.execute(
        () -> {
          try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes.get());
          } catch (IOException | RuntimeException e) {
            failure.compareAndSet(null, e);
          } finally {
            slots.release();
          }
        });
  }

  /** Waits for every file; reports the first failure. */
  @Override
  public void close() throws IOException {
    pool.shutdown();
    try {
      if (!pool.awaitTermination(1, TimeUnit.HOURS)) {
        throw new IOException("media files still being written after an hour");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing media files", e);
    }
    rethrow();
  }

  private void rethrow() {
    Throwable t = failure.get();
    if (t instanceof IOException io) {
      throw new UncheckedIOException(io);
    }
    if (t instanceof RuntimeException re) {
      throw re;
    }
  }
}
