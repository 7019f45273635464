package org.haetae.evidence.casefolder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.haetae.evidence.custody.CustodyEvent;
import org.haetae.evidence.custody.CustodyException;
import org.haetae.evidence.custody.LogScan;
import org.haetae.evidence.keys.VaultKey;
import org.haetae.evidence.vault.Vault;

/**
 * Re-checks a whole case: the custody log (hashes, chain, checkpoints, signatures), every blob
 * against its logged digests and its address, that the vault holds nothing the log does not account
 * for, and the record files against the digests logged for them.
 */
public final class CaseVerifier {
  private static final Pattern BLOB = Pattern.compile("[0-9a-f]{64}");

  /** Progress callback: called once per blob checked. */
  public interface Listener {
    void blobChecked();
  }

  private record Logged(long seq, long size, String storedSha256) {}

  private CaseVerifier() {}

  /**
   * @param key the vault key, or null to check the encrypted files only (a warning says so)
   */
  public static VerifyReport verify(CaseFolder folder, VaultKey key, Listener listener)
      throws IOException {
    List<String> warnings = new ArrayList<>();
    Map<String, Logged> blobs = new LinkedHashMap<>();
    // Per record set (an export's records, or the outputs of a scan): the files and the entry.
    Map<String, LoggedFiles> fileSets = new LinkedHashMap<>();
    String[] keyId = {null};
    LogScan.Result scan;
    try {
      scan =
          LogScan.scan(
              folder.custodyLog(),
              e -> {
                switch (e.event()) {
                  case CustodyEvent.CaseOpened o when e.seq() == 0 -> keyId[0] = o.vaultKeyId();
                  case CustodyEvent.Stored s ->
                      blobs.putIfAbsent(
                          s.sha256(), new Logged(e.seq(), s.size(), s.storedSha256()));
                  case CustodyEvent.Records r when r.files() != null ->
                      // Records of logs from before several exports per case name no export.
                      logFiles(
                          fileSets,
                          r.export() == null ? "records/" : "records/" + r.export() + "/",
                          e.seq(),
                          r.files());
                  case CustodyEvent.Outputs o when o.files() != null ->
                      logFiles(fileSets, "", e.seq(), o.files());
                  default -> {}
                }
              });
    } catch (CustodyException e) {
      return new VerifyReport(e.getMessage(), e.seq(), 0, null, warnings);
    }
    if (scan.entries() == 0) {
      return new VerifyReport("no custody log in " + folder.dir(), 0, 0, null, warnings);
    }
    if (scan.tornTail() != null) {
      return new VerifyReport(
          "custody log entry "
              + scan.entries()
              + " (byte "
              + scan.goodBytes()
              + ") is torn: cut off mid-line; running ingest again repairs it",
          scan.entries(),
          0,
          scan.head(),
          warnings);
    }
    if (scan.lastCheckpoint() < scan.entries() - 1) {
      warnings.add(
          (scan.entries() - 1 - scan.lastCheckpoint())
              + " entries after the last signed checkpoint (an unfinished run)");
    }
    if (key != null && keyId[0] != null && !keyId[0].equals(key.id())) {
      throw new IllegalArgumentException(
          "the vault key given is not this case's key (case key id " + keyId[0] + ")");
    }
    if (key == null) {
      warnings.add("no vault key: encrypted files checked, contents not decrypted");
    }
    Vault vault = new Vault(folder.evidence(), key, false);
    long checked = 0;
    for (Map.Entry<String, Logged> b : blobs.entrySet()) {
      Logged l = b.getValue();
      String problem =
          key == null
              ? vault.checkStored(b.getKey(), l.storedSha256())
              : vault.check(b.getKey(), l.size(), l.storedSha256());
      if (problem != null) {
        return new VerifyReport(
            "blob " + b.getKey() + " (custody log entry " + l.seq() + "): " + problem,
            scan.entries(),
            checked,
            scan.head(),
            warnings);
      }
      checked++;
      if (listener != null) {
        listener.blobChecked();
      }
    }
    Set<String> unlogged = new TreeSet<>();
    try (Stream<String> s = vault.addresses()) {
      s.filter(a -> !blobs.containsKey(a)).forEach(unlogged::add);
    }
    if (!unlogged.isEmpty()) {
      String a = unlogged.iterator().next();
      return new VerifyReport(
          (BLOB.matcher(a).matches() ? "blob " : "file ")
              + a
              + " in the vault is not in the custody log",
          scan.entries(),
          checked,
          scan.head(),
          warnings);
    }
    for (Map.Entry<String, LoggedFiles> f : fileSets.entrySet()) {
      Path p = folder.dir().resolve(f.getKey()).normalize();
      // The log names files inside the case only; anything else is not read.
      String actual =
          !p.startsWith(folder.dir().normalize())
              ? "outside the case folder"
              : Files.isRegularFile(p) ? sha256(p) : "missing";
      if (!actual.equals(f.getValue().sha256())) {
        return new VerifyReport(
            (f.getKey().startsWith("records/") ? "record file " : "output file ")
                + f.getKey()
                + " (custody log entry "
                + f.getValue().seq()
                + "): "
                + (actual.equals("missing") || actual.startsWith("outside")
                    ? actual
                    : "differs from the digest logged"),
            scan.entries(),
            checked,
            scan.head(),
            warnings);
      }
    }
    return new VerifyReport(null, scan.entries(), checked, scan.head(), warnings);
  }

  /** SHA-256 of a file, hex. */
  public static String sha256(Path file) throws IOException {
    try (InputStream in =
        new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private record LoggedFiles(long seq, String sha256) {}

  private static void logFiles(
      Map<String, LoggedFiles> sets, String base, long seq, Map<String, String> files) {
    // A later entry for the same file supersedes an earlier one (a new scan).
    files.forEach((name, sha) -> sets.put(base + name, new LoggedFiles(seq, sha)));
  }
}
