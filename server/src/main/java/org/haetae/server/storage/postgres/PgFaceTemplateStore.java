package org.haetae.server.storage.postgres;

import java.util.List;
import java.util.UUID;
import org.haetae.server.storage.FaceTemplateStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link FaceTemplateStore} on PostgreSQL: table report_faces. */
final class PgFaceTemplateStore implements FaceTemplateStore {
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  PgFaceTemplateStore(JdbcClient jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  @Override
  public Added add(
      UUID report,
      String model,
      byte[] sealed,
      String photoSha256,
      String consentText,
      String by,
      int max) {
    return tx.execute(
        s -> {
          // One report at a time: the count and the duplicate check hold until commit.
          jdbc.sql("select id from reports where id = ? for update")
              .param(report)
              .query()
              .listOfRows();
          long n =
              jdbc.sql("select count(*) from report_faces where report_id = ?")
                  .param(report)
                  .query(Long.class)
                  .single();
          if (n >= max) {
            return new Added.Full();
          }
          if (photoSha256 != null
              && jdbc.sql(
                          "select count(*) from report_faces where report_id = ? and"
                              + " photo_sha256 = ?")
                      .params(report, photoSha256)
                      .query(Long.class)
                      .single()
                  > 0) {
            return new Added.Duplicate();
          }
          return new Added.Stored(
              jdbc.sql(
                      "insert into report_faces (report_id, model, descriptor, photo_sha256,"
                          + " consent_text, consent_by, consent_at) values (?,?,?,?,?,?,now())"
                          + " returning id")
                  .params(report, model, sealed, photoSha256, consentText, by)
                  .query(Long.class)
                  .single());
        });
  }

  @Override
  public List<Row> of(UUID report) {
    return jdbc.sql(
            "select id, model, created_at, consent_by, consent_at from report_faces"
                + " where report_id = ? order by id")
        .param(report)
        .query(
            (r, i) ->
                new Row(
                    r.getLong(1),
                    r.getString(2),
                    r.getTimestamp(3).toInstant(),
                    r.getString(4),
                    r.getTimestamp(5).toInstant()))
        .list();
  }

  @Override
  public Summary summary(UUID report) {
    return jdbc.sql("select count(*), max(consent_at) from report_faces where report_id = ?")
        .param(report)
        .query((r, i) -> new Summary(r.getInt(1), Columns.instant(r, 2)))
        .single();
  }

  @Override
  public boolean any() {
    return jdbc.sql("select exists (select 1 from report_faces)").query(Boolean.class).single();
  }

  @Override
  public int deleteAll(UUID report) {
    return jdbc.sql("delete from report_faces where report_id = ?").param(report).update();
  }

  @Override
  public List<Sealed> sealed(UUID report) {
    return jdbc.sql("select model, descriptor from report_faces where report_id = ? order by id")
        .param(report)
        .query((r, i) -> new Sealed(r.getString(1), r.getBytes(2)))
        .list();
  }

  @Override
  public List<Enrolled> all(String model) {
    return jdbc.sql(
            "select f.report_id, r.reference, f.model, f.descriptor, f.photo_sha256,"
                + " f.consent_text, f.consent_by, f.consent_at, f.created_at"
                + " from report_faces f join reports r on r.id = f.report_id"
                + " where f.model = ? order by r.reference, f.id")
        .param(model)
        .query(
            (r, i) ->
                new Enrolled(
                    r.getObject(1, UUID.class),
                    r.getString(2),
                    r.getString(3),
                    r.getBytes(4),
                    r.getString(5),
                    r.getString(6),
                    r.getString(7),
                    r.getTimestamp(8).toInstant(),
                    r.getTimestamp(9).toInstant()))
        .list();
  }
}
