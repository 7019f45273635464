package org.haetae.cli.match;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.haetae.cli.DataDirOption;
import org.haetae.cli.ExitCodes;
import org.haetae.cli.UserInputException;
import org.haetae.cli.bank.Banks;
import org.haetae.cli.input.InputFiles;
import org.haetae.cli.output.Csv;
import org.haetae.cli.parallel.OrderedParallel;
import org.haetae.cli.progress.Progress;
import org.haetae.hashing.ImageHasher;
import org.haetae.hashing.ImageHashes;
import org.haetae.hashing.image.DecodeLimits;
import org.haetae.hashing.image.ImageDecodeException;
import org.haetae.matching.bank.BankEntry;
import org.haetae.matching.bank.BankFormat;
import org.haetae.matching.bank.BankInfo;
import org.haetae.matching.format.BankFileReader;
import org.haetae.matching.format.ReadListener;
import org.haetae.matching.match.Match;
import org.haetae.matching.match.MatchResult;
import org.haetae.matching.match.Matcher;
import org.haetae.matching.match.Query;
import org.haetae.matching.store.BankStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "match",
    mixinStandardHelpOptions = true,
    description = {
      "Match images, folders of images, or hash lists against banks.",
      "Prints CSV 'path,bank,entry_id,distance' for every bank entry within --max-distance, nearest"
          + " first (distance 0 also for exact MD5/SHA-256 matches). A hash list is plain PDQ lines"
          + " or the output of 'haetae hash'; its rows are named FILE:LINE.",
      "Images whose PDQ quality is below --min-quality are not PDQ-matched (MD5/SHA-256 still"
          + " are): each is named on stderr as 'low quality', and in --json as low_quality. Files"
          + " that do not decode and bad hash-list lines are named on stderr; the run goes on and"
          + " exits 2."
    })
public final class MatchCommand implements Callable<Integer> {
  private static final JsonFactory JSON = new JsonFactory();

  @Spec CommandSpec spec;
  @Mixin DataDirOption dataDir;

  @Parameters(
      paramLabel = "FILE|DIR|HASHFILE",
      arity = "1..*",
      description = "Images, folders, or hash lists.")
  List<Path> inputs;

  @Option(
      names = "--bank",
      paramLabel = "NAME",
      split = ",",
      description =
          "Bank to match against; repeat it or separate names with commas (default: every"
              + " enabled bank).")
  List<String> bankNames;

  @Option(
      names = "--max-distance",
      paramLabel = "D",
      defaultValue = "31",
      description = "Largest PDQ Hamming distance that matches (default: ${DEFAULT-VALUE}).")
  int maxDistance;

  @Option(
      names = "--min-quality",
      paramLabel = "Q",
      defaultValue = "50",
      description = "Smallest PDQ quality that is matched (default: ${DEFAULT-VALUE}).")
  int minQuality;

  @Option(
      names = "--dihedral",
      description = "Also match rotated and flipped copies (images only: 8 hashes per image).")
  boolean dihedral;

  @Option(names = "--json", description = "One JSON object per input instead of CSV rows.")
  boolean json;

  @Option(names = "--header", description = "Print the CSV header line first.")
  boolean header;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: cores).")
  Integer threads;

  /** One input (image or hash-list line) and what became of it. */
  private record Outcome(String label, MatchResult result, int quality, String error) {}

  @Override
  public Integer call() throws IOException {
    if (maxDistance < 0 || maxDistance > 256) {
      throw new UserInputException("--max-distance must be 0..256");
    }
    if (minQuality < 0 || minQuality > 100) {
      throw new UserInputException("--min-quality must be 0..100");
    }
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (n < 1) {
      throw new UserInputException("--threads must be at least 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    InputFiles in = InputFiles.expand(inputs);
    if (in.files().isEmpty() && !in.problems().isEmpty()) {
      throw new UserInputException(String.join("; ", in.problems()));
    }
    Matcher matcher = loadMatcher();

    List<Path> images = new ArrayList<>();
    List<Path> hashLists = new ArrayList<>();
    for (Path f : in.files()) {
      (HashFiles.isHashList(f) ? hashLists : images).add(f);
    }
    Tally tally = new Tally();
    tally.failed += in.problems().size();
    in.problems().forEach(p -> err.println("error: " + p));
    if (header && !json) {
      out.println("path,bank,entry_id,distance");
    }
    if (dihedral && !hashLists.isEmpty()) {
      err.println("note: --dihedral needs images; hash-list rows are matched as given");
    }
    for (Path list : hashLists) {
      matchHashList(list, matcher, tally, out, err);
    }
    ImageHasher.Options options = new ImageHasher.Options(DecodeLimits.DEFAULT, dihedral, false);
    ThreadLocal<ImageHasher> hashers = ThreadLocal.withInitial(() -> new ImageHasher(options));
    try (Progress progress = Progress.start("match", images.size())) {
      OrderedParallel.run(
          images,
          n,
          path -> {
            try {
              ImageHashes h = hashers.get().hash(path);
              Query q =
                  new Query(
                      h.pdq().hash(),
                      h.pdq().quality(),
                      h.dihedral().map(d -> d.hashes()).orElse(null),
                      h.digests().md5(),
                      h.digests().sha256());
              return new Outcome(path.toString(), matcher.match(q), h.pdq().quality(), null);
            } catch (ImageDecodeException e) {
              return new Outcome(path.toString(), null, -1, e.getMessage());
            }
          },
          o -> {
            progress.advance(1);
            report(o, tally, out, err);
          });
    }
    out.flush();
    err.println(
        "matched "
            + tally.matched
            + " of "
            + tally.inputs
            + " input(s) against "
            + matcher.size()
            + " bank entries"
            + (tally.lowQuality > 0 ? "; " + tally.lowQuality + " low quality" : "")
            + (tally.failed > 0 ? "; " + tally.failed + " failed" : ""));
    err.flush();
    return tally.failed > 0 ? ExitCodes.BAD_INPUT : ExitCodes.OK;
  }

  private static final class Tally {
    int inputs;
    int matched;
    int lowQuality;
    int failed;
  }

  private Matcher loadMatcher() throws IOException {
    BankStore store = Banks.store(dataDir);
    List<String> names = new ArrayList<>();
    if (bankNames == null || bankNames.isEmpty()) {
      for (BankInfo b : store.list()) {
        if (b.enabled()) {
          names.add(b.name());
        }
      }
      if (names.isEmpty()) {
        throw new UserInputException(
            "no enabled banks under " + dataDir.path() + " (see 'haetae bank import')");
      }
    } else {
      for (String raw : bankNames) {
        String name = Banks.name(raw);
        BankInfo b =
            store
                .find(name)
                .orElseThrow(
                    () ->
                        new UserInputException(
                            "no bank named '" + name + "' (see 'haetae bank list')"));
        if (!b.enabled()) {
          throw new UserInputException(
              "bank " + name + " is disabled (enable it with 'haetae bank enable " + name + "')");
        }
        if (!names.contains(name)) {
          names.add(name);
        }
      }
    }
    return Matcher.load(store, names, new Matcher.Settings(maxDistance, minQuality));
  }

  private void matchHashList(
      Path list, Matcher matcher, Tally tally, PrintWriter out, PrintWriter err)
      throws IOException {
    try (InputStream in = Files.newInputStream(list)) {
      BankFileReader.of(BankFormat.PDQ)
          .read(
              in,
              new ReadListener() {
                @Override
                public void entry(long line, BankEntry e) {
                  Query q = new Query(e.pdq(), e.quality(), null, e.md5(), e.sha256());
                  report(
                      new Outcome(list + ":" + line, matcher.match(q), e.quality(), null),
                      tally,
                      out,
                      err);
                }

                @Override
                public void rejected(long line, String reason) {
                  report(new Outcome(list + ":" + line, null, -1, reason), tally, out, err);
                }
              });
    }
  }

  private void report(Outcome o, Tally tally, PrintWriter out, PrintWriter err) {
    tally.inputs++;
    if (o.error() != null) {
      tally.failed++;
      err.println("error: " + o.label() + ": " + o.error());
      return;
    }
    MatchResult r = o.result();
    if (r.lowQuality()) {
      tally.lowQuality++;
      err.println(
          "low quality: "
              + o.label()
              + ": PDQ quality "
              + o.quality()
              + " < "
              + minQuality
              + ", not PDQ-matched (MD5/SHA-256 still checked)");
    }
    if (!r.matches().isEmpty()) {
      tally.matched++;
    }
    if (json) {
      out.println(jsonLine(o));
    } else {
      for (Match m : r.matches()) {
        out.println(
            Csv.row(
                List.of(
                    o.label(),
                    m.bank(),
                    Long.toString(m.entryId()),
                    Integer.toString(m.distance()))));
      }
    }
  }

  private static String jsonLine(Outcome o) {
    StringWriter sw = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(sw)) {
      g.writeStartObject();
      g.writeStringField("path", o.label());
      if (o.quality() >= 0) {
        g.writeNumberField("quality", o.quality());
      }
      g.writeBooleanField("low_quality", o.result().lowQuality());
      g.writeArrayFieldStart("matches");
      for (Match m : o.result().matches()) {
        g.writeStartObject();
        g.writeStringField("bank", m.bank());
        g.writeNumberField("entry_id", m.entryId());
        if (!m.sourceId().isEmpty()) {
          g.writeStringField("source_id", m.sourceId());
        }
        g.writeNumberField("distance", m.distance());
        g.writeStringField("kind", m.kind().code());
        g.writeStringField("variant", m.variant().label());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sw.toString();
  }
}
