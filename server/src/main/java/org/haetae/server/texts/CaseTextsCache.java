package org.haetae.server.texts;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.haetae.pipeline.texts.CaseTexts;
import org.springframework.stereotype.Service;

/**
 * Keeps the text indexes of recently read cases open, so that a search or a page of messages does
 * not open an index first. At most {@code capacity} cases stay open, the least recently read going
 * first; a case is reopened once a new scan has rebuilt its index (checked at most every {@code
 * checkEvery} per case). An index is closed only when no read is using it, so evicting or replacing
 * one never breaks a read under way.
 */
@Service
public class CaseTextsCache {
  /** What to do with a case's open texts; they must not be kept beyond the call. */
  @FunctionalInterface
  public interface Reader<T> {
    T read(CaseTexts texts) throws IOException;
  }

  private static final class Entry {
    final Path dir;
    final CaseTexts texts;
    int readers; // guarded by the cache
    boolean retired; // guarded by the cache: out of the map, to be closed by its last reader
    volatile long checkedNanos;

    Entry(Path dir, CaseTexts texts) {
      this.dir = dir;
      this.texts = texts;
      this.checkedNanos = System.nanoTime();
    }
  }

  private final int capacity;
  private final long checkEveryNanos;
  private final LinkedHashMap<Path, Entry> open = new LinkedHashMap<>(16, 0.75f, true);
  private boolean closed;

  public CaseTextsCache() {
    this(32, Duration.ofSeconds(1));
  }

  public CaseTextsCache(int capacity, Duration checkEvery) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.capacity = capacity;
    this.checkEveryNanos = checkEvery.toNanos();
  }

  /**
   * Runs {@code reader} on the case's texts, opening them if need be.
   *
   * @throws org.haetae.pipeline.InputException when the case has no text index
   */
  public <T> T read(Path caseDir, Reader<T> reader) throws IOException {
    Entry e = acquire(caseDir.toAbsolutePath().normalize());
    try {
      return reader.read(e.texts);
    } finally {
      release(e, false);
    }
  }

  /**
   * As {@link #read}, but a case whose index is missing or outdated gives {@code absent}: a page
   * that lists messages still renders (saying there are none to show) for an empty case or one
   * scanned by an older version. Not for searches, whose bad query must reach the person.
   */
  public <T> T readOr(Path caseDir, Reader<T> reader, T absent) throws IOException {
    try {
      return read(caseDir, reader);
    } catch (org.haetae.pipeline.InputException e) {
      return absent;
    }
  }

  /** How many cases are open. */
  public synchronized int size() {
    return open.size();
  }

  private Entry acquire(Path dir) throws IOException {
    while (true) {
      Entry e;
      synchronized (this) {
        checkOpen();
        e = open.get(dir);
        if (e != null) {
          e.readers++;
        }
      }
      if (e == null) {
        return opened(dir);
      }
      long now = System.nanoTime();
      if (now - e.checkedNanos < checkEveryNanos || e.texts.isCurrent()) {
        e.checkedNanos = now;
        return e;
      }
      release(e, true); // a new scan rebuilt it: open again
    }
  }

  /** Opens a case not yet open (outside the lock: other cases are read meanwhile). */
  private Entry opened(Path dir) throws IOException {
    Entry fresh = new Entry(dir, CaseTexts.open(dir));
    List<CaseTexts> toClose = new ArrayList<>();
    Entry e;
    synchronized (this) {
      Entry other = closed ? null : open.get(dir);
      if (closed || other != null) {
        toClose.add(fresh.texts); // closed meanwhile, or another thread was first
        e = other;
      } else {
        open.put(dir, fresh);
        e = fresh;
        Iterator<Entry> eldest = open.values().iterator();
        while (open.size() > capacity) {
          Entry old = eldest.next();
          eldest.remove();
          old.retired = true;
          if (old.readers == 0) {
            toClose.add(old.texts);
          }
        }
      }
      if (e != null) {
        e.readers++;
      }
    }
    closeAll(toClose);
    if (e == null) {
      checkOpen();
    }
    return e;
  }

  private void release(Entry e, boolean retire) throws IOException {
    boolean last;
    synchronized (this) {
      if (retire && !e.retired) {
        e.retired = true;
        open.remove(e.dir, e);
      }
      e.readers--;
      last = e.retired && e.readers == 0;
    }
    if (last) {
      e.texts.close();
    }
  }

  private synchronized void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the case texts cache is closed");
    }
  }

  /** Closes every case no read is using; those in use close when their last read ends. */
  @PreDestroy
  public void close() throws IOException {
    List<CaseTexts> toClose = new ArrayList<>();
    synchronized (this) {
      closed = true;
      for (Map.Entry<Path, Entry> m : open.entrySet()) {
        Entry e = m.getValue();
        e.retired = true;
        if (e.readers == 0) {
          toClose.add(e.texts);
        }
      }
      open.clear();
    }
    closeAll(toClose);
  }

  private static void closeAll(List<CaseTexts> texts) throws IOException {
    IOException first = null;
    for (CaseTexts t : texts) {
      try {
        t.close();
      } catch (IOException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
