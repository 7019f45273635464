package org.haetae.server.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.haetae.hashing.pdq.Hash256;
import org.haetae.pipeline.InputException;
import org.haetae.server.cases.CaseOverview;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * Reports filed through the portal: what happened, where, the hashes of the pictures to protect
 * (never the pictures), and the history the victim sees. Personal details stay in the database and
 * never reach a log.
 */
@Service
public class ReportStore {
  /** Longest free text accepted in one field. */
  static final int MAX_TEXT = 10_000;

  /** Most hashes one request may register (a phone's photo selection, not a bulk import). */
  static final int MAX_HASHES = 500;

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  public ReportStore(JdbcClient jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  /** What a person fills in to file a report. */
  public record NewReport(
      String filedFor,
      String whatHappened,
      LocalDate happenedOn,
      String platform,
      List<String> links,
      String contactBy,
      String contact,
      boolean minor) {}

  public record Report(
      UUID id,
      String reference,
      String owner,
      String filedFor,
      String whatHappened,
      LocalDate happenedOn,
      String platform,
      String contactBy,
      String contact,
      boolean minor,
      String urgency,
      String status,
      String assignedTo,
      Instant createdAt,
      Instant updatedAt) {}

  public record Link(long id, String url, String platform, String note, Instant addedAt) {}

  public record HashRow(
      long id,
      String pdq,
      Integer quality,
      String md5,
      String sha256,
      String label,
      Instant addedAt,
      Instant withdrawnAt) {}

  /** A hash as the browser computed it. */
  public record HashIn(String pdq, Integer quality, String md5, String sha256, String label) {}

  public record Event(Instant at, String kind, String detail, boolean forVictim) {}

  private static final String COLUMNS =
      "id, reference, owner, filed_for, what_happened, happened_on, platform, contact_by,"
          + " contact, minor, urgency, status, assigned_to, created_at, updated_at";

  public UUID create(String owner, NewReport r) {
    String what = text(r.whatHappened(), "what happened", true);
    String filedFor = oneOf(r.filedFor(), "filed for", "self", "guardian", "support_staff");
    String contactBy = oneOf(r.contactBy(), "contact", "portal", "email", "phone");
    if (!contactBy.equals("portal") && (r.contact() == null || r.contact().isBlank())) {
      throw new InputException("say how to reach you, or choose to be contacted in the portal");
    }
    List<String> links =
        r.links() == null
            ? List.of()
            : r.links().stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    for (String l : links) {
      if (!l.matches("(?i)https?://\\S+|tg://\\S+|t\\.me/\\S+|@\\w+")) {
        throw new InputException("not a link: " + abbreviate(l));
      }
    }
    UUID id = UUID.randomUUID();
    tx.executeWithoutResult(
        s -> {
          long n = jdbc.sql("select nextval('report_numbers')").query(Long.class).single();
          String reference = String.format(Locale.ROOT, "R-%d-%06d", Year.now().getValue(), n);
          jdbc.sql(
                  "insert into reports (id, reference, owner, filed_for, what_happened,"
                      + " happened_on, platform, contact_by, contact, minor)"
                      + " values (?,?,?,?,?,?,?,?,?,?)")
              .params(
                  id,
                  reference,
                  owner,
                  filedFor,
                  what,
                  r.happenedOn(),
                  text(r.platform(), "platform", false),
                  contactBy,
                  text(r.contact(), "contact", false),
                  r.minor())
              .update();
          for (String l : links) {
            jdbc.sql("insert into report_links (report_id, url, platform) values (?,?,?)")
                .params(id, l, text(r.platform(), "platform", false))
                .update();
          }
          event(id, "filed", null, true);
        });
    return id;
  }

  public Report get(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from reports where id = ?")
        .param(id)
        .query(ReportStore::report)
        .optional()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such report"));
  }

  public List<Report> ofOwner(String owner) {
    return jdbc.sql("select " + COLUMNS + " from reports where owner = ? order by created_at desc")
        .param(owner)
        .query(ReportStore::report)
        .list();
  }

  public List<Link> links(UUID id) {
    return jdbc.sql(
            "select id, url, platform, note, added_at from report_links where report_id = ?"
                + " order by id")
        .param(id)
        .query(
            (r, i) ->
                new Link(
                    r.getLong(1),
                    r.getString(2),
                    r.getString(3),
                    r.getString(4),
                    r.getTimestamp(5).toInstant()))
        .list();
  }

  public List<HashRow> hashes(UUID id) {
    return jdbc.sql(
            "select id, pdq, quality, md5, sha256, label, added_at, withdrawn_at"
                + " from report_hashes where report_id = ? order by id")
        .param(id)
        .query(
            (r, i) ->
                new HashRow(
                    r.getLong(1),
                    r.getString(2),
                    (Integer) r.getObject(3),
                    r.getString(4),
                    r.getString(5),
                    r.getString(6),
                    r.getTimestamp(7).toInstant(),
                    CaseOverview.instant(r, 8)))
        .list();
  }

  /**
   * Registers hashes computed on the victim's device. Every value is checked; one bad value refuses
   * the whole request, naming it, so nothing half-registered is left behind.
   *
   * @return the ids of the new hashes
   */
  public List<Long> addHashes(UUID id, List<HashIn> in) {
    if (in == null || in.isEmpty()) {
      throw new InputException("no hashes sent");
    }
    if (in.size() > MAX_HASHES) {
      throw new InputException("at most " + MAX_HASHES + " pictures at a time");
    }
    int n = 0;
    for (HashIn h : in) {
      checkHashes("picture " + ++n, h.pdq(), h.quality(), h.md5(), h.sha256());
    }
    List<Long> ids =
        tx.execute(
            s -> {
              List<Long> out = new java.util.ArrayList<>();
              for (HashIn h : in) {
                out.add(
                    jdbc.sql(
                            "insert into report_hashes (report_id, pdq, quality, md5, sha256,"
                                + " label) values (?,?,?,?,?,?) returning id")
                        .params(
                            id,
                            lower(h.pdq()),
                            h.quality(),
                            lower(h.md5()),
                            lower(h.sha256()),
                            text(h.label(), "label", false))
                        .query(Long.class)
                        .single());
              }
              event(id, "hashes_added", Integer.toString(in.size()), true);
              touch(id);
              return out;
            });
    return ids;
  }

  /**
   * Checks hashes sent from outside (a browser, a platform) before anything is stored or matched.
   *
   * @param what how the error names the item ({@code picture 3})
   * @throws InputException naming the item and the field at fault
   */
  public static void checkHashes(
      String what, String pdq, Integer quality, String md5, String sha256) {
    if (pdq == null && md5 == null && sha256 == null) {
      throw new InputException(what + ": no hash");
    }
    if (pdq != null && !Hash256.isHex(pdq)) {
      throw new InputException(what + ": the PDQ hash is not 64 hex digits");
    }
    if (quality != null && (quality < 0 || quality > 100)) {
      throw new InputException(what + ": quality must be 0..100");
    }
    if (md5 != null && !md5.matches("[0-9a-fA-F]{32}")) {
      throw new InputException(what + ": the MD5 is not 32 hex digits");
    }
    if (sha256 != null && !sha256.matches("[0-9a-fA-F]{64}")) {
      throw new InputException(what + ": the SHA-256 is not 64 hex digits");
    }
  }

  /**
   * Withdraws one hash, or all when {@code hashId} is null; withdrawn hashes are no longer matched.
   *
   * @return how many were withdrawn
   */
  public int withdraw(UUID id, Long hashId) {
    Integer n =
        tx.execute(
            s -> {
              int k =
                  jdbc.sql(
                          "update report_hashes set withdrawn_at = now() where report_id = ?"
                              + " and withdrawn_at is null and (?::bigint is null or id = ?)")
                      .params(id, hashId, hashId)
                      .update();
              if (k > 0) {
                event(id, "hashes_withdrawn", Integer.toString(k), true);
                touch(id);
              }
              return k;
            });
    return n == null ? 0 : n;
  }

  public void event(UUID id, String kind, String detail, boolean forVictim) {
    jdbc.sql("insert into report_events (report_id, kind, detail, for_victim) values (?,?,?,?)")
        .params(id, kind, detail, forVictim)
        .update();
  }

  public List<Event> events(UUID id, boolean victimView) {
    return jdbc.sql(
            "select at, kind, detail, for_victim from report_events where report_id = ?"
                + " and (for_victim or not ?) order by at, id")
        .params(id, victimView)
        .query(
            (r, i) ->
                new Event(
                    r.getTimestamp(1).toInstant(), r.getString(2), r.getString(3), r.getBoolean(4)))
        .list();
  }

  void touch(UUID id) {
    jdbc.sql("update reports set updated_at = now() where id = ?").param(id).update();
  }

  private static Report report(java.sql.ResultSet r, int i) throws java.sql.SQLException {
    java.sql.Date d = r.getDate(6);
    return new Report(
        r.getObject(1, UUID.class),
        r.getString(2),
        r.getString(3),
        r.getString(4),
        r.getString(5),
        d == null ? null : d.toLocalDate(),
        r.getString(7),
        r.getString(8),
        r.getString(9),
        r.getBoolean(10),
        r.getString(11),
        r.getString(12),
        r.getString(13),
        r.getTimestamp(14).toInstant(),
        r.getTimestamp(15).toInstant());
  }

  static String text(String s, String what, boolean required) {
    if (s == null || s.isBlank()) {
      if (required) {
        throw new InputException("please fill in " + what);
      }
      return null;
    }
    if (s.length() > MAX_TEXT) {
      throw new InputException(what + " is too long (at most " + MAX_TEXT + " characters)");
    }
    return s.strip();
  }

  static String oneOf(String s, String what, String... allowed) {
    String v = s == null || s.isBlank() ? allowed[0] : s.strip();
    for (String a : allowed) {
      if (a.equals(v)) {
        return v;
      }
    }
    throw new InputException(what + ": not one of " + String.join(", ", allowed));
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "…";
  }
}
