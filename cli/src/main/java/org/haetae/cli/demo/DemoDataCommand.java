package org.haetae.cli.demo;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.haetae.cli.UserInputException;
import org.haetae.demo.investigation.GroundTruth;
import org.haetae.demo.investigation.Investigation;
import org.haetae.demo.pictures.SyntheticPictures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "demo-data",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a synthetic, harmless investigation with its ground truth into OUT_DIR:",
      "  exports/seized-phone-account/  account export of a suspect's seized phone",
      "  exports/undercover-big-group/  chat export of a big Korean group",
      "  exports/english-room/          chat export of an English-language room",
      "  bank/demo-victims.csv          victim bank, HMA CSV (PDQ; two MD5)",
      "  ground-truth.json              roles per account, planted and harmless files",
      "  README.txt                     what this folder is and what to run next",
      "  images/                        loose sample pictures for 'haetae hash'",
      "The exports overlap like real ones: the big group is in two of them, the same user ids appear under names that changed between export days. Victim pictures appear exact, re-encoded, resized, cropped, captioned and in combination; harmless pictures are passed around too; some files were not downloaded. Pictures are drawn from shapes and gradients, names and numbers are invented; 'victim' is only a label. The same seed gives the same files.",
      "Default: about 300 accounts, 5,000 messages, 270 picture messages, in a few seconds. --messages or --images switch to the benchmark scale (320x240 pictures, constant memory)."
    })
public final class DemoDataCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "OUT_DIR", description = "Folder to write (created if missing).")
  Path out;

  @Option(names = "--seed", description = "Seed of the generator (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(
      names = "--messages",
      paramLabel = "N",
      description = "Messages in all rooms (benchmark scale; default 5000).")
  Long messages;

  @Option(
      names = "--images",
      paramLabel = "N",
      description = "Messages carrying a picture (benchmark scale; default 270).")
  Integer images;

  @Option(
      names = "--force",
      description =
          "Write into a folder that is not empty, replacing what an earlier demo-data wrote there.")
  boolean force;

  private static final List<String> OWN_ENTRIES =
      List.of("exports", "bank", "images", Investigation.GROUND_TRUTH_FILE, "README.txt");

  @Override
  public Integer call() throws IOException {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new UserInputException(out + ": exists and is not a folder");
    }
    if (Files.isDirectory(out) && !empty(out)) {
      if (!force) {
        throw new UserInputException(
            out + ": folder is not empty; choose another or add --force to replace its demo data");
      }
      for (String entry : OWN_ENTRIES) {
        delete(out.resolve(entry));
      }
    }
    Investigation.Options options;
    try {
      options =
          messages == null && images == null
              ? Investigation.Options.demo(seed)
              : Investigation.Options.scaled(
                  seed, messages == null ? 5_000 : messages, images == null ? 270 : images);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
    long start = System.nanoTime();
    Investigation.Manifest m;
    try {
      m = Investigation.write(out, options);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
    int samples = samplePictures(out.resolve("images"));
    double seconds = (System.nanoTime() - start) / 1e9;
    print(m, samples, seconds);
    return 0;
  }

  private void print(Investigation.Manifest m, int samples, double seconds) {
    PrintWriter o = spec.commandLine().getOut();
    o.printf("wrote a synthetic investigation to %s in %.1f s (seed %d)%n", out, seconds, seed);
    o.printf(
        "  %d exports, %d chats, %d accounts, %,d messages (%,d message objects in result.json"
            + " files), %,d picture messages, %,d picture files%n",
        m.exports(),
        m.chats(),
        m.accounts(),
        m.messages(),
        m.exportedMessages(),
        m.pictureMessages(),
        m.imageFiles());
    for (Investigation.ExportSummary s : m.exportSummaries()) {
      o.printf(
          "  exports/%-22s %-11s %2d chats %,9d messages %,7d picture files %,6d not"
              + " downloaded%n",
          s.name(), s.shape(), s.chats(), s.messages(), s.imageFiles(), s.placeholders());
    }
    o.printf(
        "  %s: %d entries for %d victim originals (never written themselves)%n",
        Investigation.BANK_FILE, m.bankEntries(), m.victimOriginals());
    StringBuilder roles = new StringBuilder();
    for (String role : GroundTruth.ROLES) {
      roles.append(roles.isEmpty() ? "" : ", ").append(role).append(' ');
      roles.append(m.roleCounts().get(role));
    }
    o.printf(
        "  %s: %d planted victim-picture files; accounts by role: %s%n",
        Investigation.GROUND_TRUTH_FILE, m.victimVariants(), roles);
    o.printf("  images/: %d sample pictures; README.txt%n", samples);
    o.println("next:");
    o.println("  haetae bank import demo-victims " + out.resolve(Investigation.BANK_FILE));
    o.println(
        "  haetae scan "
            + out.resolve("exports")
            + "/* --bank demo-victims --out "
            + out.toAbsolutePath().normalize()
            + "-case");
  }

  /**
   * Loose sample pictures for trying {@code haetae hash} and {@code match}: six pictures, each also
   * cropped, shrunk, brightened and turned, and four unrelated ones.
   */
  private static int samplePictures(Path images) throws IOException {
    Path originals = Files.createDirectories(images.resolve("originals"));
    Path reshared = Files.createDirectories(images.resolve("reshared"));
    Path unrelated = Files.createDirectories(images.resolve("unrelated"));
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
    return count;
  }

  private static int write(BufferedImage img, Path file, String format) throws IOException {
    if (!ImageIO.write(img, format, file.toFile())) {
      throw new IOException("no writer for " + format);
    }
    return 1;
  }

  private static boolean empty(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  private static void delete(Path p) throws IOException {
    if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }
}
