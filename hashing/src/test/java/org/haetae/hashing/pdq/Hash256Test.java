package org.haetae.hashing.pdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class Hash256Test {
  private static final String HEX =
      "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";

  @Test
  void hexRoundTripsInEitherCase() {
    assertThat(Hash256.fromHex(HEX).toHex()).isEqualTo(HEX);
    assertThat(Hash256.fromHex(HEX.toUpperCase()).toHex()).isEqualTo(HEX);
  }

  @Test
  void bitZeroIsTheLastHexDigitsLowBitAsInTheReference() {
    Hash256 h = Hash256.ZERO.withBitFlipped(0);
    assertThat(h.toHex()).isEqualTo("0".repeat(63) + "1");
    assertThat(Hash256.ZERO.withBitFlipped(255).toHex()).isEqualTo("8" + "0".repeat(63));
    assertThat(Hash256.ZERO.withBitFlipped(64).toHex())
        .isEqualTo("0".repeat(47) + "1" + "0".repeat(16));
  }

  @Test
  void rejectsWrongLengthWithTheLengthInTheMessage() {
    assertThatThrownBy(() -> Hash256.fromHex(HEX.substring(1)))
        .isInstanceOf(HashFormatException.class)
        .hasMessageContaining("63");
    assertThatThrownBy(() -> Hash256.fromHex(""))
        .isInstanceOf(HashFormatException.class)
        .hasMessageContaining("0");
    assertThatThrownBy(() -> Hash256.fromHex(null)).isInstanceOf(HashFormatException.class);
  }

  @Test
  void rejectsNonHexNamingThePosition() {
    String bad = HEX.substring(0, 10) + "g" + HEX.substring(11);
    assertThatThrownBy(() -> Hash256.fromHex(bad))
        .isInstanceOf(HashFormatException.class)
        .hasMessageContaining("position 11")
        .hasMessageContaining("'g'");
    // Unicode digits that Character.digit accepts are not hex for us.
    String fullwidth = "\uff10" + HEX.substring(1);
    assertThatThrownBy(() -> Hash256.fromHex(fullwidth)).isInstanceOf(HashFormatException.class);
    assertThat(Hash256.isHex(fullwidth)).isFalse();
    assertThat(Hash256.isHex(HEX)).isTrue();
  }

  @Test
  void distanceCountsDifferingBits() {
    Random rnd = new Random(3);
    for (int i = 0; i < 200; i++) {
      Hash256 a = new Hash256(rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong());
      Hash256 b = a;
      int flips = rnd.nextInt(257);
      java.util.Set<Integer> bits = new java.util.HashSet<>();
      while (bits.size() < flips) {
        bits.add(rnd.nextInt(256));
      }
      for (int k : bits) {
        b = b.withBitFlipped(k);
      }
      assertThat(a.distance(b)).isEqualTo(flips);
      assertThat(b.distance(a)).isEqualTo(flips);
      for (int k : bits) {
        assertThat(a.bit(k)).isNotEqualTo(b.bit(k));
      }
    }
  }

  @Test
  void ordersAsTheHexTextOrders() {
    Random rnd = new Random(5);
    for (int i = 0; i < 500; i++) {
      Hash256 a = new Hash256(rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong());
      Hash256 b = new Hash256(rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong());
      assertThat(Integer.signum(a.compareTo(b)))
          .isEqualTo(Integer.signum(a.toHex().compareTo(b.toHex())));
    }
  }

  @Test
  void bitIndexOutOfRangeIsRefused() {
    assertThatThrownBy(() -> Hash256.ZERO.bit(256)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> Hash256.ZERO.withBitFlipped(-1))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }
}
