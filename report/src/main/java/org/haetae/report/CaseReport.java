package org.haetae.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.haetae.analysis.result.CaseAnalysis;
import org.haetae.evidence.casefolder.CaseFolder;
import org.haetae.evidence.custody.CustodyException;
import org.haetae.evidence.keys.VaultKey;
import org.haetae.evidence.vault.Vault;
import org.haetae.report.html.HtmlReport;
import org.haetae.report.json.JsonReport;
import org.haetae.report.manifest.EvidenceManifest;
import org.haetae.report.pdf.PdfReport;
import org.haetae.report.thumbnail.Thumbnail;
import org.haetae.report.thumbnail.Thumbnails;

/**
 * Writes a case's report files: {@code manifest.json}, {@code manifest.csv}, {@code report.json},
 * {@code report.html} and {@code report.pdf}. Each file appears whole or not at all (written beside
 * its name, then moved over it), so a killed run leaves the previous report or none, never half of
 * one. Prints and logs nothing.
 */
public final class CaseReport {
  public static final String MANIFEST_JSON = "manifest.json";
  public static final String MANIFEST_CSV = "manifest.csv";
  public static final String REPORT_JSON = "report.json";
  public static final String REPORT_HTML = "report.html";
  public static final String REPORT_PDF = "report.pdf";

  /**
   * @param thumbnails put blurred thumbnails of matched images in report.html (needs the vault key)
   * @param maxThumbnails at most this many thumbnails
   * @param maxTableRows rows per table in report.html and report.pdf; report.json is never cut
   */
  public record Options(boolean thumbnails, int maxThumbnails, int maxTableRows) {
    public static final Options DEFAULT = new Options(true, 200, 500);

    public Options {
      if (maxThumbnails < 0 || maxTableRows < 1) {
        throw new IllegalArgumentException("maxThumbnails >= 0 and maxTableRows >= 1");
      }
    }
  }

  /** One file written, with what the caller logs in the custody log to bind it. */
  public record WrittenFile(Path path, String sha256, long size) {}

  /**
   * @param files in the order written
   * @param warnings what a person should know about the output (a missing font); never evidence
   */
  public record Written(List<WrittenFile> files, List<String> warnings) {
    public Written {
      files = List.copyOf(files);
      warnings = List.copyOf(warnings);
    }

    public List<Path> paths() {
      return files.stream().map(WrittenFile::path).toList();
    }
  }

  private CaseReport() {}

  /**
   * Writes every report file into {@code outDir} (usually the case folder itself).
   *
   * @param folder the case, whose custody log the manifest is read from (and checked)
   * @param key the vault key, for thumbnails; null for a report without images
   * @throws CustodyException when the custody log is broken: a report would then prove nothing
   */
  public static Written write(
      CaseAnalysis analysis, CaseFolder folder, VaultKey key, Path outDir, Options options)
      throws IOException, CustodyException {
    Files.createDirectories(outDir);
    List<WrittenFile> files = new ArrayList<>();
    List<String> warnings = new ArrayList<>();

    EvidenceManifest manifest = EvidenceManifest.read(folder);
    files.add(atomically(outDir.resolve(MANIFEST_JSON), manifest::writeJson));
    files.add(atomically(outDir.resolve(MANIFEST_CSV), manifest::writeCsv));
    manifest = null; // the item list can be large; the rest does not need it

    files.add(atomically(outDir.resolve(REPORT_JSON), out -> JsonReport.write(analysis, out)));

    Map<String, Thumbnail> thumbnails = Map.of();
    if (options.thumbnails() && key != null && options.maxThumbnails() > 0) {
      Vault vault = new Vault(folder.evidence(), key, false);
      thumbnails = Thumbnails.ofMatched(analysis, vault, options.maxThumbnails());
    }
    HtmlReport.Options html =
        new HtmlReport.Options(
            options.maxTableRows(),
            HtmlReport.Options.DEFAULT.maxNetworkNodes(),
            HtmlReport.Options.DEFAULT.maxEvents());
    Map<String, Thumbnail> thumbs = thumbnails;
    files.add(
        atomically(
            outDir.resolve(REPORT_HTML), out -> HtmlReport.write(analysis, thumbs, html, out)));

    PdfReport.Options pdf =
        new PdfReport.Options(options.maxTableRows(), PdfReport.Options.DEFAULT.maxEvents(), true);
    PdfReport.Result[] result = new PdfReport.Result[1];
    files.add(
        atomically(
            outDir.resolve(REPORT_PDF), out -> result[0] = PdfReport.write(analysis, pdf, out)));
    warnings.addAll(result[0].warnings());
    return new Written(files, warnings);
  }

  /** Something that writes one file's content. */
  @FunctionalInterface
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes {@code target} through a temporary file in the same folder, flushed to disk before it
   * takes the name, and returns its SHA-256 as written.
   */
  static WrittenFile atomically(Path target, Content content) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    MessageDigest digest = sha256();
    long size;
    try {
      try (FileChannel ch =
          FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        OutputStream out =
            new DigestOutputStream(
                new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16), digest);
        content.writeTo(out);
        out.flush();
        ch.force(true);
        size = ch.size();
      }
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
    return new WrittenFile(target, HexFormat.of().formatHex(digest.digest()), size);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
