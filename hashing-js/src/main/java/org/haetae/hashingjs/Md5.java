package org.haetae.hashingjs;

/**
 * MD5 (RFC 1321), for the browser: TeaVM's class library has no {@code MessageDigest}, and Web
 * Crypto has no MD5. Plain int arithmetic, which TeaVM compiles exactly; checked against the RFC's
 * test suite and the JDK's MD5.
 */
public final class Md5 {
  private Md5() {}

  private static final int[] S = {
    7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9,
    14, 20, 5, 9, 14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21,
    6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21
  };

  /** floor(abs(sin(i + 1)) * 2^32), as RFC 1321 tabulates it. */
  private static final int[] K = {
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391
  };

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** The MD5 of {@code data} as 32 lower-case hex digits. */
  public static String hex(byte[] data) {
    byte[] d = digest(data);
    char[] out = new char[32];
    for (int i = 0; i < 16; i++) {
      out[2 * i] = HEX[(d[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[d[i] & 0xf];
    }
    return new String(out);
  }

  /** The 16-byte MD5 of {@code data}. */
  public static byte[] digest(byte[] data) {
    int a0 = 0x67452301;
    int b0 = 0xefcdab89;
    int c0 = 0x98badcfe;
    int d0 = 0x10325476;
    int n = data.length;
    int full = n / 64;
    // The tail: the last partial block, 0x80, zeros, and the length in bits (little-endian).
    int tailLen = (n % 64) < 56 ? 64 : 128;
    byte[] tail = new byte[tailLen];
    System.arraycopy(data, full * 64, tail, 0, n % 64);
    tail[n % 64] = (byte) 0x80;
    long bits = (long) n * 8;
    for (int i = 0; i < 8; i++) {
      tail[tailLen - 8 + i] = (byte) (bits >>> (8 * i));
    }
    int[] m = new int[16];
    int blocks = full + tailLen / 64;
    for (int blk = 0; blk < blocks; blk++) {
      byte[] src = blk < full ? data : tail;
      int off = blk < full ? blk * 64 : (blk - full) * 64;
      for (int i = 0; i < 16; i++) {
        int p = off + 4 * i;
        m[i] =
            (src[p] & 0xff)
                | (src[p + 1] & 0xff) << 8
                | (src[p + 2] & 0xff) << 16
                | (src[p + 3] & 0xff) << 24;
      }
      int a = a0;
      int b = b0;
      int c = c0;
      int d = d0;
      for (int i = 0; i < 64; i++) {
        int f;
        int g;
        if (i < 16) {
          f = (b & c) | (~b & d);
          g = i;
        } else if (i < 32) {
          f = (d & b) | (~d & c);
          g = (5 * i + 1) & 15;
        } else if (i < 48) {
          f = b ^ c ^ d;
          g = (3 * i + 5) & 15;
        } else {
          f = c ^ (b | ~d);
          g = (7 * i) & 15;
        }
        f = f + a + K[i] + m[g];
        a = d;
        d = c;
        c = b;
        b = b + Integer.rotateLeft(f, S[i]);
      }
      a0 += a;
      b0 += b;
      c0 += c;
      d0 += d;
    }
    byte[] out = new byte[16];
    int[] words = {a0, b0, c0, d0};
    for (int w = 0; w < 4; w++) {
      for (int i = 0; i < 4; i++) {
        out[4 * w + i] = (byte) (words[w] >>> (8 * i));
      }
    }
    return out;
  }
}
