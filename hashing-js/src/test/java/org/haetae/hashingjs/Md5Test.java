package org.haetae.hashingjs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The browser's MD5 (compiled by TeaVM) on the JVM: RFC 1321's test suite and the JDK's MD5. */
class Md5Test {

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(
      emptyValue = "",
      value = {
        "'', d41d8cd98f00b204e9800998ecf8427e",
        "a, 0cc175b9c0f1b6a831c399e269772661",
        "abc, 900150983cd24fb0d6963f7d28e17f72",
        "message digest, f96b697d7cb7938d525a2f31aaf161d0",
        "abcdefghijklmnopqrstuvwxyz, c3fcd3d76192e4007dfb496cca67e13b",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789,"
            + " d174ab98d277d9f5a5611c2c9f419d9f",
        "12345678901234567890123456789012345678901234567890123456789012345678901234567890,"
            + " 57edf4a22be3c955ac49da2e2107b67a"
      })
  void rfc1321TestSuite(String input, String md5) {
    assertThat(Md5.hex(input.getBytes(StandardCharsets.US_ASCII))).isEqualTo(md5);
  }

  @Test
  void agreesWithTheJdkOnEveryLengthAroundTheBlockBoundaries() throws Exception {
    Random rnd = new Random(1321);
    MessageDigest jdk = MessageDigest.getInstance("MD5");
    for (int n = 0; n <= 300; n++) {
      byte[] data = new byte[n];
      rnd.nextBytes(data);
      assertThat(Md5.hex(data))
          .as("length " + n)
          .isEqualTo(HexFormat.of().formatHex(jdk.digest(data)));
    }
    byte[] big = new byte[3_000_017];
    rnd.nextBytes(big);
    assertThat(Md5.digest(big)).isEqualTo(jdk.digest(big));
  }
}
