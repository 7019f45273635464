package org.haetae.matching.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.haetae.hashing.pdq.Hash256;
import org.haetae.matching.bank.BankFormat;

/** Guesses a bank file's format from its first few kilobytes (for {@code --format auto}). */
public final class FormatDetector {
  private FormatDetector() {}

  public static BankFormat detect(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(8192);
    }
    return detect(new String(head, StandardCharsets.UTF_8));
  }

  static BankFormat detect(String head) {
    String text = head.startsWith("\uFEFF") ? head.substring(1) : head;
    String trimmed = text.stripLeading();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      return BankFormat.VICS;
    }
    // Vote over the first data lines, so one malformed first line does not decide the format.
    int pdqLike = 0;
    int teLike = 0;
    int seen = 0;
    for (String line : trimmed.split("\r?\n|\r")) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      String lower = l.toLowerCase(Locale.ROOT);
      if (seen == 0 && lower.contains("signal_type")) {
        return BankFormat.HMA_CSV;
      }
      if (seen == 0 && lower.startsWith("pdq_hex")) {
        return BankFormat.PDQ;
      }
      List<String> fields = List.of(l.split(",", -1));
      boolean hex = Hash256.isHex(fields.getFirst().strip());
      int n = fields.size();
      if (hex && (n == 1 || n == 5 || (n == 2 && fields.get(1).strip().matches("\\d{1,3}")))) {
        pdqLike++;
      } else if (hex || seen == 0) {
        teLike++;
      }
      if (++seen == 20) {
        break;
      }
    }
    if (pdqLike > 0 && pdqLike >= teLike) {
      return BankFormat.PDQ;
    }
    return BankFormat.TE_CSV;
  }
}
