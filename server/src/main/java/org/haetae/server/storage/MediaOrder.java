package org.haetae.server.storage;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The orders the media grid and its JSON listing offer; {@link #REVIEW} unless asked. */
public enum MediaOrder {
  /**
   * Files that matched a victim (by hash or an enrolled face) first; in each group the most
   * explicit first, so that the worst is dealt with first; files no classifier scored after the
   * scored ones.
   */
  REVIEW("review"),
  /** As {@link #REVIEW}, the least explicit first: for a reviewer who has to start gently. */
  LEAST_EXPLICIT("least-explicit"),
  /** By first post, oldest first. */
  DATE("date"),
  /** Matched files first, then the most posted: the order before files were scored. */
  POSTS("posts");

  private final String code;

  MediaOrder(String code) {
    this.code = code;
  }

  /** The parameter's value. */
  public String code() {
    return code;
  }

  /** The order a parameter names; {@link #REVIEW} for none; 400 for one that does not exist. */
  public static MediaOrder of(String code) {
    if (code == null || code.isBlank()) {
      return REVIEW;
    }
    for (MediaOrder o : values()) {
      if (o.code.equals(code.strip())) {
        return o;
      }
    }
    throw new ResponseStatusException(
        HttpStatus.BAD_REQUEST, "order is review, least-explicit, date or posts");
  }
}
