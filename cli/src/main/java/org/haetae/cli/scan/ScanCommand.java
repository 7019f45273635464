package org.haetae.cli.scan;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.haetae.analysis.result.ActorProfile;
import org.haetae.analysis.result.CaseAnalysis;
import org.haetae.analysis.result.CaseInfo;
import org.haetae.analysis.result.RoleClaim;
import org.haetae.cli.DataDirOption;
import org.haetae.cli.ExitCodes;
import org.haetae.cli.UserInputException;
import org.haetae.cli.bank.Banks;
import org.haetae.cli.face.FaceBankOption;
import org.haetae.cli.progress.Progress;
import org.haetae.evidence.casefolder.CaseFolder;
import org.haetae.evidence.custody.CustodyException;
import org.haetae.faces.bank.FaceBank;
import org.haetae.faces.bank.FaceBanks;
import org.haetae.faces.search.FaceEngine;
import org.haetae.faces.search.FaceMatcher;
import org.haetae.matching.match.Matcher;
import org.haetae.pipeline.ingest.Ingestion;
import org.haetae.pipeline.keys.Keys;
import org.haetae.pipeline.scan.FaceScan;
import org.haetae.pipeline.scan.Scan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = {
      "The main job. Ingests every Telegram export into one case (files stored encrypted,"
          + " images hashed, each step in the signed custody log), matches every file against the"
          + " banks (PDQ within the radius, MD5 and SHA-256 exactly), finds the accounts and their"
          + " roles (creator, requester, distributor, admin, possessor, member) with the messages"
          + " that prove each, follows every matched image through the rooms, indexes all text"
          + " for haetae search, and writes the report.",
      "Writes CASE_DIR/report.html, report.pdf, report.json, manifest.json, manifest.csv,"
          + " analysis/graph.gexf and analysis/graph.graphml.",
      "Interrupted? Run the same command again: ingestion resumes where it stopped; matching,"
          + " analysis and the report are made again."
    },
    footer = {
      "",
      "Flags and roles point at messages for a person to read; they are not verdicts.",
      "Exit codes: 0 done, 2 bad input, 3 the case's custody log is damaged."
    })
public final class ScanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "EXPORT_DIR", arity = "1..*", description = "Telegram Desktop exports.")
  List<Path> exports;

  @Option(
      names = "--bank",
      paramLabel = "NAME",
      description = "Bank to match against (repeatable; see haetae bank list).")
  List<String> banks = new ArrayList<>();

  @Option(names = "--out", required = true, paramLabel = "CASE_DIR", description = "Case folder.")
  Path out;

  @Option(
      names = "--max-distance",
      paramLabel = "D",
      description = "PDQ match radius (default ${DEFAULT-VALUE}).")
  int maxDistance = Matcher.Settings.DEFAULT.maxDistance();

  @Option(
      names = "--min-quality",
      paramLabel = "Q",
      description =
          "PDQ quality below which images are not matched by PDQ (default ${DEFAULT-VALUE}).")
  int minQuality = Matcher.Settings.DEFAULT.minQuality();

  @Option(
      names = "--lexicon",
      paramLabel = "FILE",
      description =
          "Lexicon replacing the built-in one (a full copy; see docs/analysis.md). Its name,"
              + " version and SHA-256 go to the custody log and the report.")
  Path lexicon;

  @Option(
      names = "--case-lexicon",
      paramLabel = "FILE",
      description =
          "A case lexicon: rules added to the built-in lexicon for this case (words the rooms"
              + " use, targets, guards; same format). Repeatable; each is recorded like the"
              + " built-in one.")
  List<Path> caseLexicons = new ArrayList<>();

  @Option(
      names = "--no-thumbnails",
      description = "Leave media thumbnails out of report.html (they are blurred otherwise).")
  boolean noThumbnails;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads (default: all cores).")
  Integer threads;

  @Option(names = "--key-file", paramLabel = "FILE", description = "Vault key file.")
  Path keyFile;

  @Option(
      names = "--faces",
      paramLabel = "BANK",
      description =
          "Face bank to search every image for (repeatable; see haetae face list). Also scores"
              + " every image for explicit content, to order review.")
  List<String> faceBanks = new ArrayList<>();

  @Option(
      names = "--explicit",
      description =
          "Score every image for explicit content (to order review) even without --faces.")
  boolean explicit;

  @Option(
      names = "--face-threshold",
      paramLabel = "D",
      description =
          "Descriptor distance at or below which a face is put up for review (default"
              + " ${DEFAULT-VALUE}; see docs/faces.md for the measured error rates).")
  double faceThreshold = FaceMatcher.DEFAULT_THRESHOLD;

  @Mixin DataDirOption dataDir;

  @Override
  public Integer call() throws IOException {
    for (Path e : exports) {
      if (!Files.isDirectory(e)) {
        throw new UserInputException(e + ": not a folder");
      }
      if (Files.isDirectory(out) && Files.isSameFile(out, e)) {
        throw new UserInputException(out + ": the case folder cannot be an export folder");
      }
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new UserInputException(out + ": exists and is not a folder");
    }
    List<String> names = banks.stream().map(Banks::name).toList();
    if (threads != null && threads < 1) {
      throw new UserInputException("--threads must be at least 1");
    }
    Matcher.Settings settings;
    try {
      settings = new Matcher.Settings(maxDistance, minQuality);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
    PrintWriter w = spec.commandLine().getOut();
    if (names.isEmpty()) {
      spec.commandLine().getErr().println("warning: no --bank given: nothing will be matched");
    }
    Keys keys = Keys.load(dataDir.path(), keyFile, true);
    List<FaceBank> faces = new ArrayList<>();
    if (!faceBanks.isEmpty()) {
      FaceBanks store = FaceBankOption.banks(dataDir.path(), false);
      for (String b : faceBanks) {
        try {
          faces.add(
              store
                  .find(FaceBanks.checkName(b))
                  .orElseThrow(
                      () ->
                          new UserInputException(
                              "no face bank named " + b + " (see haetae face list --all)")));
        } catch (IllegalArgumentException e) {
          throw new UserInputException(e.getMessage());
        }
      }
    }
    if (faceThreshold <= 0 || faceThreshold > 2) {
      throw new UserInputException("--face-threshold is a distance between 0 and 2");
    }
    boolean faceStage = !faces.isEmpty() || explicit;
    Scan.Result r;
    try (FaceEngine engine = faceStage ? FaceEngine.bundled(FaceEngine.Options.defaults()) : null) {
      r =
          new Scan(
                  new CaseFolder(out),
                  keys.vault(),
                  keys.signing(),
                  Banks.store(dataDir),
                  new Scan.Options(
                      exports,
                      names,
                      settings,
                      lexicon,
                      threads == null ? Runtime.getRuntime().availableProcessors() : threads,
                      !noThumbnails,
                      Progress.terminal(),
                      faceStage ? new FaceScan(engine, faces, faceThreshold) : null,
                      caseLexicons))
              .run();
    } catch (CustodyException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      spec.commandLine().getErr().println("the case's custody log is damaged (run haetae verify)");
      return ExitCodes.INTEGRITY_FAILURE;
    }
    summary(w, r);
    return ExitCodes.OK;
  }

  /** Prints what a scan found, the top accounts, and the files it wrote. */
  public static void summary(PrintWriter w, Scan.Result r) {
    CaseAnalysis a = r.analysis();
    CaseInfo i = a.info();
    w.printf(
        "case %s: %d exports, %d rooms, %d messages, %d media files%n",
        i.caseId(), i.exports().size(), a.chats().size(), i.messages(), i.mediaFiles());
    for (Ingestion.Result in : r.ingested()) {
      if (!in.records().complete()) {
        w.printf(
            "export %s is cut off (%s): everything before that point was read%n",
            in.export(), in.records().error());
      }
    }
    w.printf(
        "matched: %d files, %d messages, %d victims' images (bank entries)%n",
        r.filesMatched(), i.matchedMessages(), i.victims());
    long faceLeads =
        a.matches().stream()
            .filter(m -> m.face() != null)
            .map(m -> m.mediaSha256())
            .distinct()
            .count();
    if (faceLeads > 0) {
      w.printf(
          "enrolled faces: candidates in %d images, for a person to review (not an"
              + " identification)%n",
          faceLeads);
    }
    long withRoles =
        a.accounts().stream()
            .filter(p -> p.roles().size() > 1 || !p.has(org.haetae.analysis.result.Role.MEMBER))
            .count();
    w.printf("accounts: %d, %d with a role beyond member%n", a.accounts().size(), withRoles);
    int shown = 0;
    for (ActorProfile p : a.accounts()) {
      if (shown++ == 10
          || p.roles().stream().allMatch(c -> c.role() == org.haetae.analysis.result.Role.MEMBER)) {
        break;
      }
      w.printf(
          "  %6.1f  %-16s %-24s %s%n",
          p.score(),
          p.key(),
          clip(p.displayName(), 24),
          String.join(", ", p.roles().stream().map(RoleClaim::role).map(x -> x.code()).toList()));
    }
    w.printf("flags for review: %d; findings: %d%n", a.flags().size(), a.findings().size());
    for (Path p : r.outputs()) {
      w.println("wrote " + p);
    }
    w.printf("custody: %d entries, head %s%n", i.custodyEntries(), i.custodyHead());
    w.flush();
  }

  private static String clip(String s, int n) {
    String t = s.replaceAll("\\p{Cntrl}", " ");
    return t.length() <= n ? t : t.substring(0, n - 1) + "…";
  }
}
