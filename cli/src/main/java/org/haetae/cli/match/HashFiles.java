package org.haetae.cli.match;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.haetae.hashing.pdq.Hash256;

/**
 * Tells a list of hashes (plain PDQ lines, or what {@code haetae hash} prints) from an image, by
 * its first line: no image format starts with 64 hex digits or a {@code pdq_hex} header.
 */
final class HashFiles {
  private HashFiles() {}

  static boolean isHashList(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(4096);
    }
    for (byte b : head) {
      if (b == 0) {
        return false;
      }
    }
    String text = new String(head, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    for (String line : text.split("\r?\n|\r")) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      if (l.toLowerCase(java.util.Locale.ROOT).startsWith("pdq_hex")) {
        return true;
      }
      int comma = l.indexOf(',');
      return Hash256.isHex(comma < 0 ? l : l.substring(0, comma).strip());
    }
    return false;
  }
}
