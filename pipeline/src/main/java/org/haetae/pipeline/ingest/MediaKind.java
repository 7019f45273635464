package org.haetae.pipeline.ingest;

/**
 * What a stored file is, told from its first bytes rather than its name (names in a hostile export
 * mean nothing). Images get hashed now; videos are stored and listed, hashed by a later stage.
 */
enum MediaKind {
  IMAGE,
  VIDEO,
  AUDIO,
  OTHER;

  static MediaKind sniff(byte[] head, int n) {
    if (starts(head, n, 0xFF, 0xD8, 0xFF)
        || starts(head, n, 0x89, 'P', 'N', 'G')
        || starts(head, n, 'G', 'I', 'F', '8')
        || starts(head, n, 'B', 'M')
        || starts(head, n, 'I', 'I', 0x2A, 0)
        || starts(head, n, 'M', 'M', 0, 0x2A)
        || (starts(head, n, 'R', 'I', 'F', 'F') && at(head, n, 8, 'W', 'E', 'B', 'P'))) {
      return IMAGE;
    }
    if (at(head, n, 4, 'f', 't', 'y', 'p') || starts(head, n, 0x1A, 0x45, 0xDF, 0xA3)) {
      return VIDEO;
    }
    if (starts(head, n, 'O', 'g', 'g', 'S')
        || starts(head, n, 'I', 'D', '3')
        || starts(head, n, 0xFF, 0xFB)) {
      return AUDIO;
    }
    return OTHER;
  }

  String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  private static boolean starts(byte[] b, int n, int... sig) {
    return at(b, n, 0, sig);
  }

  private static boolean at(byte[] b, int n, int off, int... sig) {
    if (n < off + sig.length) {
      return false;
    }
    for (int i = 0; i < sig.length; i++) {
      if ((b[off + i] & 0xFF) != sig[i]) {
        return false;
      }
    }
    return true;
  }
}
