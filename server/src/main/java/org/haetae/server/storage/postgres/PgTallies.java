package org.haetae.server.storage.postgres;

import static org.haetae.server.storage.postgres.Columns.timestamp;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.haetae.server.storage.Tallies;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link Tallies} on PostgreSQL. */
final class PgTallies implements Tallies {
  private final JdbcClient jdbc;

  PgTallies(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Map<LocalDate, Long> reportsPerWeek(Instant since) {
    Map<LocalDate, Long> out = new LinkedHashMap<>();
    jdbc.sql(
            "select (date_trunc('week', created_at at time zone 'UTC'))::date, count(*)"
                + " from reports where created_at >= ? group by 1 order by 1")
        .param(timestamp(since))
        .query((r, i) -> out.put(r.getDate(1).toLocalDate(), r.getLong(2)))
        .list();
    return out;
  }

  @Override
  public List<Count> reportsPerPlatform() {
    return jdbc.sql(
            "select coalesce(platform, '(unknown)'), count(*) from reports group by 1"
                + " order by 2 desc, 1 limit 20")
        .query((r, i) -> new Count(r.getString(1), r.getLong(2)))
        .list();
  }

  @Override
  public long reportsSince(Instant since) {
    return jdbc.sql("select count(*) from reports where created_at >= ?")
        .param(timestamp(since))
        .query(Long.class)
        .single();
  }

  @Override
  public long reportsBetween(Instant from, Instant to) {
    return jdbc.sql("select count(*) from reports where created_at >= ? and created_at < ?")
        .params(timestamp(from), timestamp(to))
        .query(Long.class)
        .single();
  }

  @Override
  public long noticesSent() {
    return jdbc.sql("select count(*) from notices where sent_at is not null")
        .query(Long.class)
        .single();
  }

  @Override
  public double[] hoursToRemoval() {
    return jdbc
        .sql(
            "select extract(epoch from removed_at - sent_at) / 3600.0 from notices"
                + " where removed_at is not null and sent_at is not null")
        .query(Double.class)
        .list()
        .stream()
        .mapToDouble(Double::doubleValue)
        .toArray();
  }

  @Override
  public long noticesRemovedOrSentBefore(Instant sentBefore) {
    return jdbc.sql(
            "select count(*) from notices where sent_at is not null and (removed_at is not"
                + " null or sent_at < ?)")
        .param(timestamp(sentBefore))
        .query(Long.class)
        .single();
  }

  @Override
  public List<Count> matchesPerBank() {
    return jdbc.sql("select bank, count(*) from matches group by bank order by 2 desc limit 20")
        .query((r, i) -> new Count(r.getString(1), r.getLong(2)))
        .list();
  }

  @Override
  public List<Count> portalMatches() {
    return new ArrayList<>(
        jdbc.sql(
                "select 'portal (' || source || case kind when 'face' then ', face lead' else ''"
                    + " end || ')', count(*) from report_matches group by source, kind order by 1")
            .query((r, i) -> new Count(r.getString(1), r.getLong(2)))
            .list());
  }
}
