package org.haetae.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DecoderErrorTest {
  @Test
  void keepsTheExceptionButNothingUnprintableOrLong() {
    assertThat(Ingestion.decoderError(new ArrayIndexOutOfBoundsException("Index 9 out of bounds")))
        .isEqualTo("java.lang.ArrayIndexOutOfBoundsException: Index 9 out of bounds");
    assertThat(Ingestion.decoderError(new IllegalStateException("bad\u0000marker é")))
        .isEqualTo("java.lang.IllegalStateException: bad?marker ?");
    assertThat(Ingestion.decoderError(new IllegalStateException("x".repeat(500)))).hasSize(200);
    assertThat(Ingestion.decoderError(new NullPointerException()))
        .isEqualTo("java.lang.NullPointerException");
  }
}
