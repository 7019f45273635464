package org.haetae.matching.format;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV, one record at a time, tolerant of what bank files really contain: a byte-order
 * mark, CRLF or LF, quoted fields spanning lines. A malformed record (bad quoting, too long) comes
 * back as an error naming its line, and reading resumes on the next line, so one bad line never
 * costs the rest of the file. A quote that is never closed would swallow everything after it; so
 * the record is rejected and reading resumes on the line after the opening quote.
 */
final class CsvReader {
  /** Longest record accepted; bank lines are a few hundred characters, this is a runaway guard. */
  static final int MAX_RECORD_CHARS = 64 * 1024;

  private static final int NONE = -2;

  /** A record, or an error for the record starting at {@code line}. */
  record Record(long line, List<String> fields, String error) {
    boolean blank() {
      return error == null && fields.size() == 1 && fields.getFirst().isBlank();
    }
  }

  private final Reader in;
  private long line = 1;
  private int pending = NONE;
  private boolean started;

  /** Characters of the current record, kept so an unclosed quote can be re-read line by line. */
  private final StringBuilder raw = new StringBuilder();

  private String replay = "";
  private int replayPos;

  CsvReader(Reader in) {
    this.in = in;
  }

  private int read() throws IOException {
    int c;
    if (pending != NONE) {
      c = pending;
      pending = NONE;
    } else if (replayPos < replay.length()) {
      c = replay.charAt(replayPos++);
    } else {
      c = in.read();
      if (!started) {
        started = true;
        if (c == '\uFEFF') {
          c = in.read();
        }
      }
    }
    if (c >= 0) {
      raw.append((char) c);
    }
    return c;
  }

  private void unread(int c) {
    pending = c;
    if (c >= 0) {
      raw.setLength(raw.length() - 1);
    }
  }

  /** The next record, or null at the end of the input. */
  Record next() throws IOException {
    raw.setLength(0);
    long start = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int state = 0; // 0 start of field, 1 unquoted, 2 quoted, 3 after closing quote
    boolean any = false;
    while (true) {
      int c = read();
      if (c == -1) {
        if (!any) {
          return null;
        }
        if (state == 2) {
          return resumeAfterOpeningLine(
              start, "quoted field opened on line " + start + " is never closed");
        }
        fields.add(field.toString());
        return new Record(start, fields, null);
      }
      any = true;
      if (raw.length() > MAX_RECORD_CHARS) {
        if (state == 2) {
          return resumeAfterOpeningLine(
              start,
              "quoted field opened on line "
                  + start
                  + " runs past "
                  + MAX_RECORD_CHARS
                  + " characters");
        }
        skipLine(c);
        return new Record(
            start, null, "line longer than " + MAX_RECORD_CHARS + " characters, skipped");
      }
      boolean newline = c == '\n' || c == '\r';
      if (newline && state != 2) {
        endOfLine(c);
        fields.add(field.toString());
        return new Record(start, fields, null);
      }
      switch (state) {
        case 0, 1 -> {
          if (c == ',') {
            fields.add(field.toString());
            field.setLength(0);
            state = 0;
          } else if (c == '"' && state == 0) {
            state = 2;
          } else if (c == '"') {
            skipLine(c);
            return new Record(start, null, "quote inside an unquoted field");
          } else {
            field.append((char) c);
            state = 1;
          }
        }
        case 2 -> {
          if (c == '"') {
            state = 3;
          } else {
            if (c == '\n') {
              line++;
            } else if (c == '\r') {
              int n = read();
              unread(n);
              if (n != '\n') {
                line++;
              }
            }
            field.append((char) c);
          }
        }
        default -> {
          if (c == '"') {
            field.append('"');
            state = 2;
          } else if (c == ',') {
            fields.add(field.toString());
            field.setLength(0);
            state = 0;
          } else {
            skipLine(c);
            return new Record(start, null, "text after a closing quote");
          }
        }
      }
    }
  }

  /** Rejects the record at {@code start} and re-reads what followed its first line. */
  private Record resumeAfterOpeningLine(long start, String reason) {
    String consumed = raw.toString();
    int nl = firstLineEnd(consumed);
    String rest = nl < 0 ? "" : consumed.substring(nl);
    String unreadReplay = replay.substring(replayPos);
    replay = rest + (pending >= 0 ? String.valueOf((char) pending) : "") + unreadReplay;
    pending = NONE;
    replayPos = 0;
    line = start + 1;
    return new Record(start, null, reason);
  }

  /** Index just past the first line break (CR, LF or CRLF), or -1. */
  private static int firstLineEnd(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        return i + 1;
      }
      if (c == '\r') {
        return i + 1 < s.length() && s.charAt(i + 1) == '\n' ? i + 2 : i + 1;
      }
    }
    return -1;
  }

  /** Consumes the LF of a CRLF and counts the line. */
  private void endOfLine(int c) throws IOException {
    if (c == '\r') {
      int n = read();
      if (n != '\n') {
        unread(n);
      }
    }
    line++;
  }

  private void skipLine(int c) throws IOException {
    while (c != -1 && c != '\n' && c != '\r') {
      c = read();
    }
    if (c != -1) {
      endOfLine(c);
    }
  }
}
