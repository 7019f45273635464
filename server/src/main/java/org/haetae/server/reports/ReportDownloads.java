package org.haetae.server.reports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.haetae.evidence.casefolder.CaseVerifier;
import org.haetae.evidence.custody.CustodyEvent;
import org.haetae.report.CaseReport;
import org.haetae.server.access.CaseAccess;
import org.haetae.server.audit.AuditTrail;
import org.haetae.server.cases.CaseFolders;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Downloads of a case's report and of its evidence package: the report, the manifest, the custody
 * log and the reviewers' decisions in one zip. Every download is an export of evidence: it is
 * audited, and written to the case's custody log with the package's SHA-256.
 */
@RestController
public class ReportDownloads {
  private static final Map<String, MediaType> FILES =
      Map.of(
          CaseReport.REPORT_HTML, MediaType.TEXT_HTML,
          CaseReport.REPORT_PDF, MediaType.APPLICATION_PDF,
          CaseReport.REPORT_JSON, MediaType.APPLICATION_JSON,
          CaseReport.MANIFEST_JSON, MediaType.APPLICATION_JSON,
          CaseReport.MANIFEST_CSV, new MediaType("text", "csv"));

  /** Files of the case folder that go into the package, when present. */
  private static final List<String> PACKAGED =
      List.of(
          CaseReport.REPORT_PDF,
          CaseReport.REPORT_HTML,
          CaseReport.REPORT_JSON,
          CaseReport.MANIFEST_JSON,
          CaseReport.MANIFEST_CSV,
          "custody.log");

  private final CaseFolders folders;
  private final CaseAccess access;
  private final AuditTrail audit;
  private final JdbcClient jdbc;

  public ReportDownloads(
      CaseFolders folders, CaseAccess access, AuditTrail audit, JdbcClient jdbc) {
    this.folders = folders;
    this.access = access;
    this.audit = audit;
    this.jdbc = jdbc;
  }

  @GetMapping("/cases/{id}/files/{name}")
  public ResponseEntity<FileSystemResource> file(
      @PathVariable UUID id, @PathVariable String name, Authentication who) throws IOException {
    access.check(who, id);
    MediaType type = FILES.get(name);
    Path folder = folders.folder(id);
    Path file = folder.resolve(name);
    if (type == null || !Files.isRegularFile(file)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such file");
    }
    exported(id, folder, who.getName(), name, CaseVerifier.sha256(file));
    return ResponseEntity.ok()
        .contentType(type)
        .cacheControl(CacheControl.noStore())
        .header(
            "Content-Disposition",
            ContentDisposition.attachment().filename(name).build().toString())
        .body(new FileSystemResource(file));
  }

  @GetMapping("/cases/{id}/package.zip")
  public ResponseEntity<FileSystemResource> evidencePackage(
      @PathVariable UUID id, Authentication who) throws IOException {
    access.check(who, id);
    Path folder = folders.folder(id);
    Path zip = Files.createTempFile("haetae-package", ".zip");
    zip.toFile().deleteOnExit();
    String digest;
    try (DigestOutputStream d = new DigestOutputStream(Files.newOutputStream(zip), sha256());
        ZipOutputStream z = new ZipOutputStream(d)) {
      for (String name : PACKAGED) {
        Path f = folder.resolve(name);
        if (Files.isRegularFile(f)) {
          z.putNextEntry(new ZipEntry(name));
          Files.copy(f, z);
          z.closeEntry();
        }
      }
      z.putNextEntry(new ZipEntry("decisions.json"));
      decisions(id, z);
      z.closeEntry();
      z.putNextEntry(new ZipEntry("README.txt"));
      z.write(readme(id).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      z.closeEntry();
      z.finish();
      d.flush();
      digest = HexFormat.of().formatHex(d.getMessageDigest().digest());
    }
    exported(id, folder, who.getName(), "package.zip", digest);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/zip"))
        .cacheControl(CacheControl.noStore())
        .header(
            "Content-Disposition",
            ContentDisposition.attachment().filename("case-" + id + ".zip").build().toString())
        .body(new FileSystemResource(zip));
  }

  private void exported(UUID id, Path folder, String user, String what, String sha256)
      throws IOException {
    folders.note(folder, folders.keys(), new CustodyEvent.Exported(what, sha256, user));
    audit.record(user, "exported", id, what + " " + sha256);
  }

  /** Every reviewer decision on the case: what was decided, by whom, when. */
  private void decisions(UUID id, OutputStream out) throws IOException {
    try (JsonGenerator g =
        new JsonFactory()
            .createGenerator(out)
            .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false)
            .useDefaultPrettyPrinter()) {
      g.writeStartObject();
      g.writeStringField("case_id", id.toString());
      g.writeArrayFieldStart("roles");
      for (Map<String, Object> r :
          jdbc.sql(
                  "select account_key, role, decision, decided_by, decided_at::text"
                      + " from role_claims where case_id = ? and decision is not null"
                      + " order by decided_at")
              .param(id)
              .query()
              .listOfRows()) {
        write(g, r, Set.of());
      }
      g.writeEndArray();
      g.writeArrayFieldStart("flags");
      for (Map<String, Object> r :
          jdbc.sql(
                  "select chat_key, nullif(message_id, -1) as message_id, category, rule,"
                      + " decision, decided_by, decided_at::text from flag_decisions"
                      + " where case_id = ? order by decided_at")
              .param(id)
              .query()
              .listOfRows()) {
        write(g, r, Set.of("message_id"));
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  private static void write(JsonGenerator g, Map<String, Object> row, Set<String> numbers)
      throws IOException {
    g.writeStartObject();
    for (Map.Entry<String, Object> e : row.entrySet()) {
      if (e.getValue() == null) {
        g.writeNullField(e.getKey());
      } else if (numbers.contains(e.getKey())) {
        g.writeNumberField(e.getKey(), ((Number) e.getValue()).longValue());
      } else {
        g.writeStringField(e.getKey(), e.getValue().toString());
      }
    }
    g.writeEndObject();
  }

  private static String readme(UUID id) {
    return """
        Haetae evidence package, case %s

        report.pdf / report.html / report.json  the case report as the scan wrote it
        manifest.json / manifest.csv            every evidence file with its SHA-256 and MD5
        custody.log                             the append-only, hash-chained custody log
        decisions.json                          reviewers' confirmations and rejections

        The custody log's signed checkpoints cover the report and manifest digests; check them
        with `haetae verify` on the case folder, or prove one entry with `haetae verify --prove`.
        This package's own SHA-256 is written to the custody log as an `exported` entry.
        """
        .formatted(id);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
