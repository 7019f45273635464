package org.haetae.faces.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.haetae.faces.embed.Descriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaceBanksTest {
  @TempDir Path dir;

  private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");

  private static SecretKeySpec key(int seed) {
    byte[] k = new byte[32];
    java.util.Arrays.fill(k, (byte) seed);
    return new SecretKeySpec(k, "AES");
  }

  private static EnrolledPerson person(String id, float v) {
    float[] vector = new float[128];
    java.util.Arrays.fill(vector, v);
    return new EnrolledPerson(
        id,
        "label " + id,
        new Consent("consent of the person", "staff-1", T),
        T,
        List.of(new EnrolledFace(new Descriptor("m/1", vector), "ab".repeat(32), 0.93, T)));
  }

  @Test
  void aBankRoundTripsAndIsNotReadableWithoutTheKey() throws IOException {
    FaceBanks banks = new FaceBanks(dir, key(1));
    FaceBank b = banks.openOrCreate("victims").with(person("p1", 0.25f)).with(person("p2", -0.5f));
    banks.save(b);

    FaceBank back = banks.find("victims").orElseThrow();
    assertThat(back.people()).extracting(EnrolledPerson::id).containsExactly("p1", "p2");
    assertThat(back.people().get(0).faces().get(0).descriptor())
        .isEqualTo(b.people().get(0).faces().get(0).descriptor());
    assertThat(back.people().get(1).consent()).isEqualTo(b.people().get(1).consent());
    assertThat(banks.names()).containsExactly("victims");

    byte[] file = Files.readAllBytes(dir.resolve("victims.facebank"));
    String asText = new String(file, StandardCharsets.ISO_8859_1);
    assertThat(asText).doesNotContain("p1").doesNotContain("label").doesNotContain("consent");

    assertThatThrownBy(() -> new FaceBanks(dir, key(2)).find("victims"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("wrong vault key");
  }

  @Test
  void anAlteredOrRenamedBankFileIsRefused() throws IOException {
    FaceBanks banks = new FaceBanks(dir, key(1));
    banks.save(new FaceBank("victims", List.of(person("p1", 0.1f))));
    byte[] file = Files.readAllBytes(dir.resolve("victims.facebank"));
    file[file.length - 20] ^= 1;
    Files.write(dir.resolve("altered.facebank"), file);
    assertThatThrownBy(() -> banks.find("altered")).hasMessageContaining("altered");
    // The name is bound in: the intact file under another name does not open either.
    Files.copy(dir.resolve("victims.facebank"), dir.resolve("others.facebank"));
    assertThatThrownBy(() -> banks.find("others")).hasMessageContaining("cannot be opened");
  }

  @Test
  void enrollingAgainAddsTemplatesAndRemovalForgetsThePerson() throws IOException {
    FaceBanks banks = new FaceBanks(dir, key(1));
    FaceBank b =
        new FaceBank("victims", List.of()).with(person("p1", 0.1f)).with(person("p1", 0.2f));
    assertThat(b.people()).hasSize(1);
    assertThat(b.templates()).isEqualTo(2);
    banks.save(b.without("p1"));
    assertThat(banks.find("victims").orElseThrow().people()).isEmpty();
    assertThat(banks.delete("victims")).isTrue();
    assertThat(banks.names()).isEmpty();
  }

  @Test
  void aFaceIsNeverEnrolledWithoutARecordedBasis() {
    assertThatThrownBy(() -> new Consent(" ", "staff", T)).hasMessageContaining("consent");
    assertThatThrownBy(() -> new Consent("consent", "", T)).hasMessageContaining("who recorded");
    assertThatThrownBy(() -> FaceBanks.checkName("../x")).hasMessageContaining("face bank name");
  }
}
