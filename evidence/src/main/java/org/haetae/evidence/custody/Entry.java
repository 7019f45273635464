package org.haetae.evidence.custody;

import java.util.Map;

/**
 * One line of the custody log.
 *
 * @param seq position in the log, from 0
 * @param type what happened: {@code case_opened}, {@code acquisition}, {@code stored}, {@code
 *     hashed}, {@code checkpoint}, ...
 * @param prev hash of the previous entry (64 zeros for the first)
 * @param hash SHA-256 of this entry's body: the line without its {@code ,"hash":"..."} member
 * @param fields every member of the body, parsed
 * @param event what the entry records, typed: what code reads (switch over it)
 * @param line the line exactly as stored, without the newline
 */
public record Entry(
    long seq,
    String type,
    String time,
    String prev,
    String hash,
    Map<String, Object> fields,
    CustodyEvent event,
    String line) {
  /**
   * A member as a string, for tools and tests that look at raw lines; code reads {@link #event}.
   */
  public String string(String name) {
    return fields.get(name) instanceof String s ? s : null;
  }

  /** A member as a number, for tools and tests that look at raw lines. */
  public long number(String name, long otherwise) {
    return fields.get(name) instanceof Number n ? n.longValue() : otherwise;
  }
}
