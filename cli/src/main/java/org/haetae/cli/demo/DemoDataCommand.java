package org.haetae.cli.demo;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.haetae.cli.UserInputException;
import org.haetae.telegram.synth.SyntheticExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "demo-data",
    mixinStandardHelpOptions = true,
    description = {
      "Writes synthetic demo material into OUT_DIR: images/originals (procedural pictures),"
          + " images/reshared (the same pictures cropped, resized, rotated, brightened and"
          + " re-encoded, as they look after being passed around), images/unrelated, and export/:"
          + " a Telegram Desktop account export (result.json and media folders) with every"
          + " message, media and service variant and the placeholders of files not downloaded.",
      "Everything is generated: no real photograph is used."
    })
public final class DemoDataCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "OUT_DIR", description = "Folder to write (created if missing).")
  Path out;

  @Override
  public Integer call() throws IOException {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new UserInputException(out + ": exists and is not a folder");
    }
    Path originals = Files.createDirectories(out.resolve("images/originals"));
    Path reshared = Files.createDirectories(out.resolve("images/reshared"));
    Path unrelated = Files.createDirectories(out.resolve("images/unrelated"));
    int count = 0;
    for (int i = 1; i <= 6; i++) {
      BufferedImage p = SyntheticPictures.picture(800, 600, i);
      String name = String.format("picture-%02d", i);
      count += write(p, originals.resolve(name + ".png"), "png");
      count += write(SyntheticPictures.crop(p, 0.9), reshared.resolve(name + "-crop.jpg"), "jpg");
      count +=
          write(SyntheticPictures.resize(p, 0.4), reshared.resolve(name + "-small.jpg"), "jpg");
      count +=
          write(SyntheticPictures.brighten(p, 25), reshared.resolve(name + "-bright.jpg"), "jpg");
      count += write(SyntheticPictures.rotate90(p), reshared.resolve(name + "-rot90.png"), "png");
    }
    for (int i = 1; i <= 4; i++) {
      count +=
          write(
              SyntheticPictures.picture(640, 480, 1000 + i),
              unrelated.resolve(String.format("other-%02d.jpg", i)),
              "jpg");
    }
    spec.commandLine()
        .getOut()
        .println("wrote " + count + " images under " + out.resolve("images"));
    Path export = out.resolve("export");
    if (Files.exists(export.resolve("result.json"))) {
      spec.commandLine().getOut().println("kept the existing Telegram export in " + export);
    } else {
      SyntheticExport.Manifest m =
          SyntheticExport.write(
              export, SyntheticExport.Options.everyVariant(1, SyntheticExport.Shape.ACCOUNT));
      spec.commandLine()
          .getOut()
          .println(
              "wrote a Telegram export of "
                  + m.chats()
                  + " chats, "
                  + m.messages()
                  + " messages and "
                  + m.mediaFiles()
                  + " media files to "
                  + export);
    }
    return 0;
  }

  private static int write(BufferedImage img, Path file, String format) throws IOException {
    if (!ImageIO.write(img, format, file.toFile())) {
      throw new IOException("no writer for " + format);
    }
    return 1;
  }
}
