package org.haetae.faces.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BundledModelTest {

  @Test
  void idsAreUniqueAndNameTheirPackageVersion() {
    Set<String> ids =
        Arrays.stream(BundledModel.values()).map(BundledModel::id).collect(Collectors.toSet());
    assertThat(ids).hasSize(BundledModel.values().length);
    assertThat(BundledModel.FACE_API_RECOGNITION.id())
        .isEqualTo("face-api-1.7.15/face_recognition");
    assertThat(BundledModel.NSFWJS_MOBILENET_V2.id()).isEqualTo("nsfwjs-4.4.0/mobilenet_v2");
    assertThat(BundledModel.BLAZEFACE_BACK_256.id()).isEqualTo("blazeface-1.2.0/back_256");
    assertThat(BundledModel.BLAZEFACE_FRONT_128.id()).isEqualTo("blazeface-1.2.0/front_128");
    for (BundledModel m : BundledModel.values()) {
      assertThat(m.id()).contains(m.source().version());
    }
  }

  @Test
  void everyModelIsInTheJarAsOnnx() {
    for (BundledModel m : BundledModel.values()) {
      byte[] bytes = m.bytes();
      assertThat(bytes.length).as(m.id()).isGreaterThan(100_000);
      // An ONNX ModelProto starts with field 1 (ir_version), a varint: tag byte 0x08.
      assertThat(bytes[0]).as(m.id()).isEqualTo((byte) 0x08);
      assertThat(m.resourceName()).endsWith(".onnx");
    }
  }

  @Test
  void theSourcesAreThePinnedPackagesWithTheirLicences() throws IOException {
    assertThat(BundledModel.FACE_API_RECOGNITION.source())
        .isEqualTo(
            new ModelSource(
                "@vladmandic/face-api",
                "1.7.15",
                "MIT",
                "model/face_recognition_model-weights_manifest.json",
                "META-INF/licenses/vladmandic-face-api/LICENSE"));
    assertThat(BundledModel.NSFWJS_MOBILENET_V2.source().npmPackage()).isEqualTo("nsfwjs");
    assertThat(BundledModel.BLAZEFACE_BACK_256.source().license()).isEqualTo("Apache-2.0");
    for (BundledModel m : BundledModel.values()) {
      try (InputStream in =
          BundledModel.class.getClassLoader().getResourceAsStream(m.source().licenseResource())) {
        assertThat(in).as("licence of %s", m.source().npmPackage()).isNotNull();
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        assertThat(text)
            .contains(m.source().license().equals("MIT") ? "MIT License" : "Apache License");
      }
    }
  }

  @Test
  void theContractNamesMatchTheDocumentation() {
    assertThat(BundledModel.FACE_API_RECOGNITION.inputSize()).isEqualTo(150);
    assertThat(BundledModel.NSFWJS_MOBILENET_V2.inputSize()).isEqualTo(224);
    assertThat(BundledModel.NSFWJS_MOBILENET_V2.outputNames()).containsExactly("scores");
    assertThat(BundledModel.NSFW_CLASSES)
        .containsExactly("Drawing", "Hentai", "Neutral", "Porn", "Sexy");
  }
}
