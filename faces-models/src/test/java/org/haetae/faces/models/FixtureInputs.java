package org.haetae.faces.models;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.haetae.faces.models.convert.JsLiteral;

/**
 * The model inputs cut from face-api's demo photos, made the same way by the tests and by {@link
 * #main}, which writes them as PNG for the Node fixture generator (scripts/faces-fixtures). JPEG
 * decoders differ between Node and Java, so the photos are decoded here only, and Node reads the
 * lossless PNGs; the fixtures record the SHA-256 of each input's RGB bytes.
 *
 * <p>Crops: for each face in {@code faceapi-demo-faces.json}, its aligned box (rounded outwards,
 * clipped to the photo) resampled to 150x150 for the recognition net; each whole photo resampled to
 * 224x224 for nsfwjs (which also stretches to a square); the centred square of {@value
 * #DETECTOR_PHOTO} resampled to 256x256 and 128x128 for BlazeFace. Resampling averages the source
 * pixels each target pixel covers, in integers, rounding half up.
 */
final class FixtureInputs {
  static final String DETECTOR_PHOTO = "demo/sample1.jpg";
  static final String METHOD =
      "javax.imageio JPEG decode; recognition: aligned box floored/ceiled and clipped, then"
          + " area-averaged to 150x150; nsfw: whole photo area-averaged to 224x224; blazeface:"
          + " centred square of "
          + DETECTOR_PHOTO
          + " area-averaged to 256 and 128 (integer means, half up)";

  /** One model input: {@code face} is -1 unless it is a face crop. */
  record Input(String kind, String photo, int face, int size, byte[] rgb) {
    String pngName() {
      String base = photo.substring(photo.lastIndexOf('/') + 1).replace(".jpg", "");
      return kind + "-" + base + (face >= 0 ? "-" + face : "") + "-" + size + ".png";
    }
  }

  private static List<Input> cached;

  private FixtureInputs() {}

  /** Every input, in a fixed order. */
  static synchronized List<Input> all() {
    if (cached != null) {
      return cached;
    }
    List<Input> inputs = new ArrayList<>();
    Map<String, Object> faces = Fixtures.json("faceapi-demo-faces.json");
    for (Object p : JsLiteral.list(faces, "photos")) {
      Map<String, Object> photo = JsLiteral.asMap(p);
      String file = (String) photo.get("file");
      Path jpeg = Fixtures.faceApiFile(file);
      byte[] jpegBytes;
      BufferedImage image;
      try {
        jpegBytes = Files.readAllBytes(jpeg);
        image = ImageIO.read(jpeg.toFile());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (!Fixtures.sha256(jpegBytes).equals(photo.get("jpegSha256"))) {
        throw new IllegalStateException(jpeg + " is not the photo the fixtures were made from");
      }
      int w = image.getWidth();
      int h = image.getHeight();
      int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
      List<Object> faceList = JsLiteral.list(photo, "faces");
      for (int i = 0; i < faceList.size(); i++) {
        double[] box = boxOf(JsLiteral.asMap(faceList.get(i)).get("alignedBox"));
        int x0 = Math.max(0, (int) Math.floor(box[0]));
        int y0 = Math.max(0, (int) Math.floor(box[1]));
        int x1 = Math.min(w, (int) Math.ceil(box[0] + box[2]));
        int y1 = Math.min(h, (int) Math.ceil(box[1] + box[3]));
        inputs.add(new Input("recognition", file, i, 150, resample(argb, w, x0, y0, x1, y1, 150)));
      }
      inputs.add(new Input("nsfw", file, -1, 224, resample(argb, w, 0, 0, w, h, 224)));
      if (file.equals(DETECTOR_PHOTO)) {
        int side = Math.min(w, h);
        int x0 = (w - side) / 2;
        int y0 = (h - side) / 2;
        for (int size : new int[] {256, 128}) {
          inputs.add(
              new Input(
                  "blazeface",
                  file,
                  -1,
                  size,
                  resample(argb, w, x0, y0, x0 + side, y0 + side, size)));
        }
      }
    }
    cached = List.copyOf(inputs);
    return cached;
  }

  /** The inputs of one kind. */
  static List<Input> of(String kind) {
    return all().stream().filter(i -> i.kind().equals(kind)).toList();
  }

  private static double[] boxOf(Object list) {
    List<Object> b = JsLiteral.asList(list);
    return new double[] {
      JsLiteral.asDouble(b.get(0)),
      JsLiteral.asDouble(b.get(1)),
      JsLiteral.asDouble(b.get(2)),
      JsLiteral.asDouble(b.get(3))
    };
  }

  /**
   * The rectangle [x0, x1) x [y0, y1) of a packed-RGB image {@code stride} pixels wide, resampled
   * to size x size RGB bytes: each target pixel is the rounded mean of the source pixels it covers
   * (at least one).
   */
  static byte[] resample(int[] argb, int stride, int x0, int y0, int x1, int y1, int size) {
    int cw = x1 - x0;
    int ch = y1 - y0;
    if (cw <= 0 || ch <= 0) {
      throw new IllegalArgumentException("empty crop");
    }
    byte[] out = new byte[size * size * 3];
    for (int ty = 0; ty < size; ty++) {
      int sy0 = ty * ch / size;
      int sy1 = Math.max((ty + 1) * ch / size, sy0 + 1);
      for (int tx = 0; tx < size; tx++) {
        int sx0 = tx * cw / size;
        int sx1 = Math.max((tx + 1) * cw / size, sx0 + 1);
        long r = 0;
        long g = 0;
        long b = 0;
        for (int y = sy0; y < sy1; y++) {
          for (int x = sx0; x < sx1; x++) {
            int p = argb[(y0 + y) * stride + x0 + x];
            r += (p >> 16) & 0xff;
            g += (p >> 8) & 0xff;
            b += p & 0xff;
          }
        }
        long n = (long) (sy1 - sy0) * (sx1 - sx0);
        int o = (ty * size + tx) * 3;
        out[o] = (byte) ((r + n / 2) / n);
        out[o + 1] = (byte) ((g + n / 2) / n);
        out[o + 2] = (byte) ((b + n / 2) / n);
      }
    }
    return out;
  }

  /**
   * Writes every input as PNG, and an {@code index.json} listing them. Arguments: the output folder
   * ({@code faces-models/target/fixture-inputs}) and the npm folder the build filled ({@code
   * faces-models/target/npm}).
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: FixtureInputs <output dir> <npm dir>");
    }
    System.setProperty("haetae.faces.npm.dir", args[1]);
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    StringBuilder index = new StringBuilder();
    index.append("{\"method\":\"").append(METHOD).append("\",\"inputs\":[\n");
    List<Input> inputs = all();
    for (int n = 0; n < inputs.size(); n++) {
      Input in = inputs.get(n);
      BufferedImage png = new BufferedImage(in.size(), in.size(), BufferedImage.TYPE_INT_RGB);
      for (int y = 0; y < in.size(); y++) {
        for (int x = 0; x < in.size(); x++) {
          int o = (y * in.size() + x) * 3;
          png.setRGB(
              x,
              y,
              (in.rgb()[o] & 0xff) << 16 | (in.rgb()[o + 1] & 0xff) << 8 | in.rgb()[o + 2] & 0xff);
        }
      }
      if (!ImageIO.write(png, "png", dir.resolve(in.pngName()).toFile())) {
        throw new IOException("no PNG writer");
      }
      index
          .append(
              String.format(
                  "{\"kind\":\"%s\",\"photo\":\"%s\",\"face\":%d,\"size\":%d,\"png\":\"%s\","
                      + "\"rgbSha256\":\"%s\"}",
                  in.kind(),
                  in.photo(),
                  in.face(),
                  in.size(),
                  in.pngName(),
                  Fixtures.sha256(in.rgb())))
          .append(n + 1 < inputs.size() ? ",\n" : "\n");
    }
    index.append("]}\n");
    Files.writeString(dir.resolve("index.json"), index, StandardCharsets.UTF_8);
    System.out.println("wrote " + inputs.size() + " inputs to " + dir.toAbsolutePath());
  }
}
