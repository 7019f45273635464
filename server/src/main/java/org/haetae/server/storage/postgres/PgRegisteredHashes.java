package org.haetae.server.storage.postgres;

import java.util.List;
import java.util.UUID;
import org.haetae.hashing.pdq.Hash256;
import org.haetae.server.storage.RegisteredHashes;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link RegisteredHashes} on PostgreSQL: report_hashes against media and matches. */
final class PgRegisteredHashes implements RegisteredHashes {
  private final JdbcClient jdbc;

  PgRegisteredHashes(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Registered> inForce(List<Long> ids) {
    Long[] wanted = ids == null ? null : ids.toArray(Long[]::new);
    return jdbc.sql(
            "select id, report_id, pdq, md5, sha256 from report_hashes where withdrawn_at is null"
                + " and (?::bigint[] is null or id = any(?))")
        .params(wanted, wanted)
        .query(
            (r, i) ->
                new Registered(
                    r.getLong(1),
                    r.getObject(2, UUID.class),
                    r.getString(3) == null ? null : Hash256.fromHex(r.getString(3)),
                    r.getString(4),
                    r.getString(5)))
        .list();
  }

  @Override
  public List<UUID> caseIds() {
    return jdbc.sql("select id from cases").query(UUID.class).list();
  }

  @Override
  public List<Candidate> caseFiles(UUID caseId) {
    return jdbc.sql("select sha256, md5, pdq, quality from media where case_id = ?")
        .param(caseId)
        .query((r, i) -> new Candidate(r.getString(1), r.getString(2), r.getString(3), r.getInt(4)))
        .list();
  }

  @Override
  public List<FaceHit> faceHits(UUID caseId, String faceBank) {
    return jdbc.sql(
            """
            select distinct on (r.id, m.media_sha256)
              r.id, m.media_sha256, m.distance, m.face_distance, m.face_rank
            from matches m join reports r on r.reference = m.entry_id
            where m.case_id = ? and m.bank = ? and m.how = 'face'
              and exists (select 1 from report_faces f where f.report_id = r.id)
            order by r.id, m.media_sha256, m.face_distance nulls last, m.face_rank nulls last,
              m.distance""")
        .params(caseId, faceBank)
        .query(
            (r, i) ->
                new FaceHit(
                    r.getObject(1, UUID.class),
                    r.getString(2),
                    r.getInt(3),
                    r.getObject(4) == null ? null : r.getDouble(4),
                    r.getObject(5) == null ? null : r.getInt(5)))
        .list();
  }

  @Override
  public boolean recordHit(Hit h, String source, UUID caseId, String platform, String sha256) {
    return jdbc.sql(
                "insert into report_matches (report_id, hash_id, source, case_id, platform,"
                    + " media_sha256, distance) values (?,?,?,?,?,?,?) on conflict do nothing")
            .params(h.reportId(), h.hashId(), source, caseId, platform, sha256, h.distance())
            .update()
        == 1;
  }

  @Override
  public boolean recordFaceLead(UUID caseId, FaceHit h) {
    return jdbc.sql(
                "insert into report_matches (report_id, kind, hash_id, source, case_id,"
                    + " media_sha256, distance, face_distance, face_rank)"
                    + " values (?,'face',null,'scan',?,?,?,?,?) on conflict do nothing")
            .params(
                h.reportId(), caseId, h.mediaSha256(), h.distance(), h.faceDistance(), h.faceRank())
            .update()
        == 1;
  }
}
