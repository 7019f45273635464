package org.haetae.server.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.haetae.hashing.pdq.Hash256;
import org.haetae.pipeline.InputException;
import org.haetae.server.storage.ReportStore;
import org.haetae.server.storage.ReportStore.HashIn;
import org.haetae.server.storage.ReportStore.NewReport;
import org.haetae.server.storage.ReportStore.Report;
import org.haetae.server.web.Missing;
import org.springframework.stereotype.Service;

/**
 * Reports filed through the portal: what happened, where, the hashes of the pictures to protect
 * (never the pictures). Checks what a person sends before the {@link ReportStore} keeps it;
 * personal details stay in the database and never reach a log.
 */
@Service
public class Reports {
  /** Longest free text accepted in one field. */
  static final int MAX_TEXT = 10_000;

  /** Most hashes one request may register (a phone's photo selection, not a bulk import). */
  static final int MAX_HASHES = 500;

  private final ReportStore store;

  public Reports(ReportStore store) {
    this.store = store;
  }

  /** Files a report for {@code owner}, after checking what she filled in. */
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
    String platform = text(r.platform(), "platform", false);
    return store.create(
        owner,
        new NewReport(
            filedFor,
            what,
            r.happenedOn(),
            platform,
            links,
            contactBy,
            text(r.contact(), "contact", false),
            r.minor()));
  }

  /** The report; 404 when there is none. */
  public Report get(UUID id) {
    return store.find(id).orElseThrow(() -> Missing.no("report"));
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
    List<HashIn> clean = new ArrayList<>();
    for (HashIn h : in) {
      clean.add(
          new HashIn(
              lower(h.pdq()),
              h.quality(),
              lower(h.md5()),
              lower(h.sha256()),
              text(h.label(), "label", false)));
    }
    return store.addHashes(id, clean);
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
