package org.haetae.server.storage.postgres;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Rows of one case inserted in batches on one connection, and the column values they bind. */
final class Batches {
  /** Rows sent to the server at a time. */
  static final int BATCH = 1000;

  private Batches() {}

  /** Binds one item's columns after the case id. */
  @FunctionalInterface
  interface Binder<T> {
    void bind(PreparedStatement s, T item) throws SQLException;
  }

  /** Inserts rows in batches; parameter 1 of {@code sql} is always the case id. */
  static <T> void batch(Connection c, String sql, UUID id, List<T> items, Binder<? super T> binder)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      int pending = 0;
      for (T item : items) {
        s.setObject(1, id);
        binder.bind(s, item);
        s.addBatch();
        if (++pending == BATCH) {
          s.executeBatch();
          pending = 0;
        }
      }
      s.executeBatch();
    }
  }

  static Array textArray(Connection c, List<String> values) throws SQLException {
    return c.createArrayOf("text", values.stream().map(Columns::clean).toArray());
  }

  static void setLong(PreparedStatement s, int i, Long v) throws SQLException {
    if (v == null) {
      s.setNull(i, Types.BIGINT);
    } else {
      s.setLong(i, v);
    }
  }

  static void setInt(PreparedStatement s, int i, Integer v) throws SQLException {
    if (v == null) {
      s.setNull(i, Types.INTEGER);
    } else {
      s.setInt(i, v);
    }
  }

  static void setDouble(PreparedStatement s, int i, Double v) throws SQLException {
    if (v == null || v.isNaN() || v.isInfinite()) {
      s.setNull(i, Types.DOUBLE);
    } else {
      s.setDouble(i, v);
    }
  }

  static Timestamp time(Long unix) {
    return unix == null ? null : Timestamp.from(Instant.ofEpochSecond(unix));
  }
}
