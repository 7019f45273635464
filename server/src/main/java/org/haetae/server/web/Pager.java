package org.haetae.server.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Where a page of a long list starts and ends. Every list in the UI is paged, so an empty case and
 * a case with a million messages render the same way.
 *
 * @param page zero-based page number
 * @param size items per page
 * @param total how many items there are in all
 */
public record Pager(int page, int size, long total) {
  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 200;

  /** Deepest offset a page may ask for; deeper lists are narrowed by a search instead. */
  public static final int MAX_OFFSET = 100_000;

  /** Checks the request's paging before anything is read. */
  public static Pager of(int page, int size) {
    if (page < 0 || size < 1 || size > MAX_SIZE || (long) page * size > MAX_OFFSET) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST,
          "page must be 0 or more, size 1.." + MAX_SIZE + ", offset at most " + MAX_OFFSET);
    }
    return new Pager(page, size, 0);
  }

  public Pager withTotal(long total) {
    return new Pager(page, size, total);
  }

  public int offset() {
    return page * size;
  }

  public int pages() {
    return (int) Math.max(1, Math.min((total + size - 1) / size, MAX_OFFSET / size + 1));
  }

  public boolean hasPrevious() {
    return page > 0;
  }

  public boolean hasNext() {
    return page + 1 < pages();
  }

  /** 1-based number of the first item shown, 0 when there is none. */
  public long from() {
    return total == 0 ? 0 : Math.min(total, (long) offset() + 1);
  }

  public long to() {
    return Math.min(total, (long) offset() + size);
  }
}
