package org.haetae.cli.parallel;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a function over items on a fixed pool and hands results back in input order, with at most a
 * few items in flight per thread, so memory stays bounded however many files there are.
 */
public final class OrderedParallel {
  private OrderedParallel() {}

  public static <T, R> void run(
      List<T> items, int threads, Function<T, R> work, Consumer<R> inOrder) {
    int window = Math.max(2, threads * 2);
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "haetae-worker");
              t.setDaemon(true);
              return t;
            });
    try {
      Deque<Future<R>> inFlight = new ArrayDeque<>();
      for (T item : items) {
        if (inFlight.size() >= window) {
          inOrder.accept(await(inFlight.removeFirst()));
        }
        inFlight.addLast(pool.submit(() -> work.apply(item)));
      }
      while (!inFlight.isEmpty()) {
        inOrder.accept(await(inFlight.removeFirst()));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static <R> R await(Future<R> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
