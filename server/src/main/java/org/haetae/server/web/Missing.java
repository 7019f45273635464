package org.haetae.server.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** What a request named and the case (or report) does not hold: 404, saying what kind it was. */
public final class Missing {
  private Missing() {}

  /** 404 with the reason "no such {@code what}". */
  public static ResponseStatusException no(String what) {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "no such " + what);
  }
}
