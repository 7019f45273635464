package org.haetae.faces.evaluation;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * face-api's demo photos: six group photos, 22 faces, published with the npm package (MIT) and put
 * into the faces-models jar by its build. They are never copied into the repository.
 */
public final class DemoPhotos {
  private static final String RESOURCE = "/org/haetae/faces/models/demo/sample%d.jpg";

  private DemoPhotos() {}

  /** The six photos from the classpath; fails clearly when the jar was built without them. */
  public static List<BufferedImage> load() {
    List<BufferedImage> out = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      String name = String.format(RESOURCE, i);
      try (InputStream in = DemoPhotos.class.getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalStateException(
              name + " is not on the classpath: build faces-models (mvn install) first");
        }
        out.add(ImageIO.read(in));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  /** The six photos from a folder holding {@code sample1.jpg} to {@code sample6.jpg}. */
  public static List<BufferedImage> load(Path dir) {
    List<BufferedImage> out = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      Path p = dir.resolve("sample" + i + ".jpg");
      if (!Files.isRegularFile(p)) {
        throw new IllegalStateException(p + " is missing");
      }
      try {
        out.add(ImageIO.read(p.toFile()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }
}
