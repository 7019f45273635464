package org.haetae.cli.hash;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.haetae.cli.ExitCodes;
import org.haetae.cli.UserInputException;
import org.haetae.cli.input.InputFiles;
import org.haetae.cli.output.Csv;
import org.haetae.cli.parallel.OrderedParallel;
import org.haetae.cli.progress.Progress;
import org.haetae.hashing.ImageHasher;
import org.haetae.hashing.ImageHashes;
import org.haetae.hashing.image.DecodeLimits;
import org.haetae.hashing.image.ImageDecodeException;
import org.haetae.hashing.pdq.Dihedral;
import org.haetae.hashing.pdq.Hash256;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "hash",
    mixinStandardHelpOptions = true,
    description = {
      "PDQ (with quality), MD5 and SHA-256 of image files.",
      "Prints CSV 'pdq_hex,quality,md5,sha256,path' per image, in a stable order. Files that do"
          + " not decode are named on stderr with the reason; the run goes on and exits 2."
    })
public final class HashCommand implements Callable<Integer> {
  private static final JsonFactory JSON = new JsonFactory();

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE|DIR", arity = "1..*", description = "Images or folders of them.")
  List<Path> inputs;

  @Option(names = "--header", description = "Print a header line first (CSV only).")
  boolean header;

  @Option(
      names = "--dihedral",
      description =
          "Also print the hashes of the 7 other rotations and flips (columns after path:"
              + " rot90,rot180,rot270,flipx,flipy,flip_plus1,flip_minus1).")
  boolean dihedral;

  @Option(names = "--json", description = "JSON lines instead of CSV.")
  boolean json;

  @Option(
      names = "--exif-orientation",
      description = "Turn JPEGs upright by their EXIF tag before hashing (the reference does not).")
  boolean exifOrientation;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads (default: all cores).")
  Integer threads;

  @Option(
      names = "--max-pixels",
      paramLabel = "N",
      description = "Refuse images declaring more pixels than this (default: ${DEFAULT-VALUE}).",
      defaultValue = "50000000")
  long maxPixels;

  /** One file's outcome: a result or the reason it has none. */
  private record Outcome(Path path, ImageHashes hashes, String error) {}

  @Override
  public Integer call() {
    if (maxPixels <= 0) {
      throw new UserInputException("--max-pixels must be positive");
    }
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (n < 1) {
      throw new UserInputException("--threads must be at least 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    InputFiles in = InputFiles.expand(inputs);
    in.problems().forEach(p -> err.println("error: " + p));

    ImageHasher.Options options =
        new ImageHasher.Options(
            new DecodeLimits(maxPixels, DecodeLimits.DEFAULT.maxFileBytes()),
            dihedral,
            exifOrientation);
    ThreadLocal<ImageHasher> hashers = ThreadLocal.withInitial(() -> new ImageHasher(options));

    if (header && !json) {
      out.println(headerLine());
    }
    int[] failed = {in.problems().size()};
    int[] ok = {0};
    try (Progress progress = Progress.start("hash", in.files().size())) {
      OrderedParallel.run(
          in.files(),
          n,
          path -> {
            try {
              return new Outcome(path, hashers.get().hash(path), null);
            } catch (ImageDecodeException e) {
              return new Outcome(path, null, e.getMessage());
            }
          },
          o -> {
            progress.advance(1);
            if (o.error() != null) {
              failed[0]++;
              err.println("error: " + o.path() + ": " + o.error());
            } else {
              ok[0]++;
              out.println(json ? jsonLine(o.hashes()) : csvLine(o.hashes()));
            }
          });
    }
    out.flush();
    if (failed[0] > 0) {
      err.println("hashed " + ok[0] + " file(s); " + failed[0] + " failed");
    }
    err.flush();
    return failed[0] > 0 ? ExitCodes.BAD_INPUT : ExitCodes.OK;
  }

  private String headerLine() {
    List<String> cols = new ArrayList<>(List.of("pdq_hex", "quality", "md5", "sha256", "path"));
    if (dihedral) {
      for (Dihedral d : Dihedral.values()) {
        if (d != Dihedral.ORIGINAL) {
          cols.add(d.label());
        }
      }
    }
    return String.join(",", cols);
  }

  private String csvLine(ImageHashes h) {
    List<String> cols = new ArrayList<>();
    cols.add(h.pdq().hash().toHex());
    cols.add(Integer.toString(h.pdq().quality()));
    cols.add(h.digests().md5());
    cols.add(h.digests().sha256());
    cols.add(h.path().toString());
    h.dihedral()
        .ifPresent(
            all -> {
              for (Dihedral d : Dihedral.values()) {
                if (d != Dihedral.ORIGINAL) {
                  cols.add(all.get(d).toHex());
                }
              }
            });
    return Csv.row(cols);
  }

  private static String jsonLine(ImageHashes h) {
    StringWriter sw = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(sw)) {
      g.writeStartObject();
      g.writeStringField("path", h.path().toString());
      g.writeStringField("pdq", h.pdq().hash().toHex());
      g.writeNumberField("quality", h.pdq().quality());
      g.writeStringField("md5", h.digests().md5());
      g.writeStringField("sha256", h.digests().sha256());
      g.writeStringField("format", h.format());
      g.writeNumberField("width", h.width());
      g.writeNumberField("height", h.height());
      if (h.orientation() != 1) {
        g.writeNumberField("exif_orientation", h.orientation());
      }
      if (h.dihedral().isPresent()) {
        g.writeObjectFieldStart("dihedral");
        for (Dihedral d : Dihedral.values()) {
          Hash256 x = h.dihedral().get().get(d);
          g.writeStringField(d.label(), x.toHex());
        }
        g.writeEndObject();
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sw.toString();
  }
}
