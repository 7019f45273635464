package org.haetae.server.access.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** TOTP against the RFC 6238 reference values, and Base32 against RFC 4648. */
class TotpTest {
  /** The SHA1 seed of RFC 6238 Appendix B. */
  static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  private static String at(long unixSeconds, int digits) {
    return Totp.code(RFC_SEED, Totp.step(Instant.ofEpochSecond(unixSeconds)), digits);
  }

  @Test
  void matchesTheRfc6238Sha1Vectors() {
    long[] times = {59L, 1111111109L, 1111111111L, 1234567890L, 2000000000L, 20000000000L};
    String[] codes = {"94287082", "07081804", "14050471", "89005924", "69279037", "65353130"};
    for (int i = 0; i < times.length; i++) {
      assertThat(at(times[i], 8)).as("T=%d", times[i]).isEqualTo(codes[i]);
      // Six digits are the last six of the eight (the value modulo 10^6).
      assertThat(at(times[i], 6)).as("T=%d", times[i]).isEqualTo(codes[i].substring(2));
    }
    // Steps as in the RFC's table: T=59 is step 1, 20000000000 is step 0x27BC86AA.
    assertThat(Totp.step(Instant.ofEpochSecond(59))).isEqualTo(1);
    assertThat(Totp.step(Instant.ofEpochSecond(20000000000L))).isEqualTo(0x27BC86AAL);
    assertThat(at(1111111109L, 6)).isEqualTo("081804");
  }

  @Test
  void acceptsACodeOnlyWithinOneStepOfNow() {
    long step = 37_037_036L;
    String code = Totp.code(RFC_SEED, step, 6);
    assertThat(Totp.verify(RFC_SEED, code, step, 1)).hasValue(step);
    assertThat(Totp.verify(RFC_SEED, code, step - 1, 1)).hasValue(step);
    assertThat(Totp.verify(RFC_SEED, code, step + 1, 1)).hasValue(step);
    assertThat(Totp.verify(RFC_SEED, code, step + 2, 1)).isEmpty();
    assertThat(Totp.verify(RFC_SEED, code, step - 2, 1)).isEmpty();
    assertThat(Totp.verify(RFC_SEED, code.substring(0, 3) + " " + code.substring(3), step, 1))
        .hasValue(step);
    // Not six digits, or no code at all.
    assertThat(Totp.verify(RFC_SEED, null, step, 1)).isEmpty();
    assertThat(Totp.verify(RFC_SEED, "", step, 1)).isEmpty();
    assertThat(Totp.verify(RFC_SEED, at(59, 8), 1, 1)).isEmpty();
    assertThat(Totp.verify(RFC_SEED, "12345a", step, 1)).isEmpty();
    assertThat(Totp.verify("another key of twenty".getBytes(), code, step, 1)).isEmpty();
    assertThatThrownBy(() -> Totp.code(RFC_SEED, step, 10))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void base32MatchesRfc4648WithoutPadding() {
    String[][] vectors = {
      {"", ""},
      {"f", "MY"},
      {"fo", "MZXQ"},
      {"foo", "MZXW6"},
      {"foob", "MZXW6YQ"},
      {"fooba", "MZXW6YTB"},
      {"foobar", "MZXW6YTBOI"}
    };
    for (String[] v : vectors) {
      byte[] raw = v[0].getBytes(StandardCharsets.US_ASCII);
      assertThat(Totp.base32(raw)).isEqualTo(v[1]);
      assertThat(Totp.fromBase32(v[1])).isEqualTo(raw);
    }
    // The RFC's padded form, lower case and spaces (as apps show secrets) decode too.
    assertThat(Totp.fromBase32("MZXW6YQ=")).isEqualTo("foob".getBytes(StandardCharsets.US_ASCII));
    assertThat(Totp.fromBase32("mzxw 6ytb oi")).isEqualTo("foobar".getBytes());
    assertThat(Totp.base32(RFC_SEED)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    // Lengths that are no whole number of bytes, characters outside the alphabet, and leftover
    // bits that are not zero ("MY" is 'f', "M2" the same byte with stray bits) are refused.
    for (String bad : new String[] {"M", "MZX", "MZXW6Y", "MZ1Q", "MZ!Q", "M2"}) {
      assertThatThrownBy(() -> Totp.fromBase32(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void base32RoundTripsAnyBytes() {
    Random r = new Random(6238);
    for (int n = 0; n <= 41; n++) {
      byte[] b = new byte[n];
      r.nextBytes(b);
      String s = Totp.base32(b);
      assertThat(s).matches("[A-Z2-7]*").hasSize((n * 8 + 4) / 5);
      assertThat(Totp.fromBase32(s)).isEqualTo(b);
    }
  }

  @Test
  void newSecretsAreTwentyRandomBytesAndMakeAKeyUri() {
    byte[] a = Totp.newSecret();
    assertThat(a).hasSize(20).isNotEqualTo(Totp.newSecret());
    String secret = Totp.base32(a);
    assertThat(secret).hasSize(32);
    assertThat(Totp.uri("kim", secret))
        .isEqualTo("otpauth://totp/Haetae:kim?secret=" + secret + "&issuer=Haetae");
    assertThat(Totp.uri("kim.lee@police", "ABC"))
        .isEqualTo("otpauth://totp/Haetae:kim.lee%40police?secret=ABC&issuer=Haetae");
  }
}
