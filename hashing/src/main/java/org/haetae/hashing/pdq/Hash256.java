package org.haetae.hashing.pdq;

/**
 * A 256-bit perceptual hash. Bit {@code k} (0..255) has weight 2^k; the hex form is big-endian, so
 * it matches the ThreatExchange reference's 64-character text form character for character.
 *
 * <p>Stored as four longs: {@code w0} holds bits 0..63, {@code w3} bits 192..255.
 */
public record Hash256(long w0, long w1, long w2, long w3) implements Comparable<Hash256> {

  public static final int BITS = 256;
  public static final int HEX_LENGTH = 64;
  public static final Hash256 ZERO = new Hash256(0, 0, 0, 0);

  /**
   * Parses 64 hex digits (either case).
   *
   * @throws HashFormatException naming what is wrong with the text (length or the first bad char)
   */
  public static Hash256 fromHex(CharSequence hex) {
    if (hex == null) {
      throw new HashFormatException("no hash given");
    }
    if (hex.length() != HEX_LENGTH) {
      throw new HashFormatException(
          "a PDQ hash has " + HEX_LENGTH + " hex digits, this one has " + hex.length());
    }
    long[] words = new long[4];
    for (int i = 0; i < HEX_LENGTH; i++) {
      char c = hex.charAt(i);
      int digit = Character.digit(c, 16);
      if (digit < 0 || c > 'f') {
        throw new HashFormatException(
            "not a hex digit at position " + (i + 1) + ": '" + printable(c) + "'");
      }
      int word = 3 - i / 16;
      words[word] = (words[word] << 4) | digit;
    }
    return new Hash256(words[0], words[1], words[2], words[3]);
  }

  /** True when the text is exactly 64 hex digits. */
  public static boolean isHex(CharSequence hex) {
    if (hex == null || hex.length() != HEX_LENGTH) {
      return false;
    }
    for (int i = 0; i < HEX_LENGTH; i++) {
      char c = hex.charAt(i);
      if (Character.digit(c, 16) < 0 || c > 'f') {
        return false;
      }
    }
    return true;
  }

  /** Builds a hash from its words, {@code words[0]} holding bits 0..63. */
  public static Hash256 ofWords(long[] words) {
    if (words.length != 4) {
      throw new IllegalArgumentException("a 256-bit hash has 4 words, got " + words.length);
    }
    return new Hash256(words[0], words[1], words[2], words[3]);
  }

  /** Word {@code i} (0..3), word 0 holding bits 0..63. */
  public long word(int i) {
    return switch (i) {
      case 0 -> w0;
      case 1 -> w1;
      case 2 -> w2;
      case 3 -> w3;
      default -> throw new IndexOutOfBoundsException("word " + i + " of 4");
    };
  }

  public long[] words() {
    return new long[] {w0, w1, w2, w3};
  }

  public boolean bit(int k) {
    checkBit(k);
    return ((word(k >>> 6) >>> (k & 63)) & 1L) != 0;
  }

  public Hash256 withBitFlipped(int k) {
    checkBit(k);
    long[] w = words();
    w[k >>> 6] ^= 1L << (k & 63);
    return ofWords(w);
  }

  public int distance(Hash256 other) {
    return Long.bitCount(w0 ^ other.w0)
        + Long.bitCount(w1 ^ other.w1)
        + Long.bitCount(w2 ^ other.w2)
        + Long.bitCount(w3 ^ other.w3);
  }

  public int bitCount() {
    return Long.bitCount(w0) + Long.bitCount(w1) + Long.bitCount(w2) + Long.bitCount(w3);
  }

  public String toHex() {
    StringBuilder sb = new StringBuilder(HEX_LENGTH);
    appendWord(sb, w3);
    appendWord(sb, w2);
    appendWord(sb, w1);
    appendWord(sb, w0);
    return sb.toString();
  }

  @Override
  public String toString() {
    return toHex();
  }

  /** Orders as the unsigned 256-bit numbers the hex forms spell. */
  @Override
  public int compareTo(Hash256 o) {
    int c = Long.compareUnsigned(w3, o.w3);
    if (c == 0) {
      c = Long.compareUnsigned(w2, o.w2);
    }
    if (c == 0) {
      c = Long.compareUnsigned(w1, o.w1);
    }
    if (c == 0) {
      c = Long.compareUnsigned(w0, o.w0);
    }
    return c;
  }

  private static void appendWord(StringBuilder sb, long w) {
    String s = Long.toHexString(w);
    for (int i = s.length(); i < 16; i++) {
      sb.append('0');
    }
    sb.append(s);
  }

  private static void checkBit(int k) {
    if (k < 0 || k >= BITS) {
      throw new IndexOutOfBoundsException("bit " + k + " of " + BITS);
    }
  }

  private static String printable(char c) {
    return Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
  }
}
