package org.haetae.server.storage.postgres;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Reading and writing the column types the stores share. */
final class Columns {
  private Columns() {}

  /** A timestamp column as an instant, or null. */
  static Instant instant(ResultSet r, int column) throws SQLException {
    Timestamp t = r.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  /** An instant as a timestamp parameter, or null. */
  static Timestamp timestamp(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  /** A {@code text[]} column as a list. */
  static List<String> strings(ResultSet r, int column) throws SQLException {
    Array a = r.getArray(column);
    return Arrays.asList((String[]) a.getArray());
  }

  /** A nullable {@code bigint} column. */
  static Long longOrNull(ResultSet r, int column) throws SQLException {
    return (Long) r.getObject(column);
  }

  /** PostgreSQL text cannot hold NUL, which exports can; it is replaced, not dropped. */
  static String clean(String s) {
    return s == null || s.indexOf('\0') < 0 ? s : s.replace('\0', '\uFFFD');
  }
}
