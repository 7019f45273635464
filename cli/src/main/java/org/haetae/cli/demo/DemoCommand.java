package org.haetae.cli.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.haetae.cli.DataDirOption;
import org.haetae.cli.ExitCodes;
import org.haetae.cli.UserInputException;
import org.haetae.cli.bank.Banks;
import org.haetae.cli.progress.Progress;
import org.haetae.cli.scan.ScanCommand;
import org.haetae.cli.serve.DemoLogins;
import org.haetae.demo.investigation.GroundTruth;
import org.haetae.demo.investigation.Investigation;
import org.haetae.evidence.casefolder.CaseFolder;
import org.haetae.evidence.custody.CustodyException;
import org.haetae.faces.search.FaceEngine;
import org.haetae.faces.search.FaceMatcher;
import org.haetae.matching.format.BankImporter;
import org.haetae.matching.match.Matcher;
import org.haetae.matching.store.BankStore;
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
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Shows the main job on a synthetic investigation: generates it (three Telegram exports,"
          + " a victim bank, the ground truth: see demo-data), imports the bank as demo-victims,"
          + " scans the exports into DIR/case (every picture also scored for explicit content),"
          + " prints where the report is, and compares the roles"
          + " found with the ground truth. Then it loads the case into the service (embedded"
          + " PostgreSQL, nothing to install) and serves the investigator's web UI with demo"
          + " logins, until Ctrl-C; --no-serve stops after the scan.",
      "Everything is generated: no real person, no real image. Running it again reuses what is"
          + " there and scans again."
    })
public final class DemoCommand implements Callable<Integer> {
  static final String BANK = "demo-victims";

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      description = "Folder for the demo (default: ${DEFAULT-VALUE}).")
  Path dir = Path.of("haetae-demo");

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Seed of the generated case (default 1).")
  long seed = 1;

  @Option(
      names = "--serve",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Load the case into the service's database, make demo logins and serve it (see haetae"
              + " serve) until Ctrl-C. On by default; --no-serve only scans and reports.")
  boolean serve;

  @Option(names = "--port", paramLabel = "N", description = "Port for --serve (default 8080).")
  int port = 8080;

  @Mixin DataDirOption dataDir;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new UserInputException(dir + ": exists and is not a folder");
    }
    Path material = dir.resolve("material");
    if (!Files.isRegularFile(material.resolve(Investigation.GROUND_TRUTH_FILE))) {
      Investigation.Manifest m = Investigation.write(material, Investigation.Options.demo(seed));
      out.printf(
          "generated a synthetic investigation in %s: %d exports, %d rooms, %d accounts, %d"
              + " messages, %d pictures (%d from %d victims' originals)%n",
          material,
          m.exports(),
          m.chats(),
          m.accounts(),
          m.messages(),
          m.imageFiles(),
          m.victimVariants(),
          m.victimOriginals());
    } else {
      out.println("using the synthetic investigation already in " + material);
    }
    BankStore banks = Banks.store(dataDir);
    BankImporter.Result b =
        DemoBank.importFrom(
            material,
            banks,
            BANK,
            (line, why) -> spec.commandLine().getErr().println("bank line " + line + ": " + why));
    out.printf("bank %s: %d entries added, %d already there%n", BANK, b.added(), b.duplicates());
    out.flush();
    List<Path> exports = Investigation.exports(material);
    Keys keys = Keys.load(dataDir.path(), null, true);
    Path caseDir = dir.resolve("case");
    Scan.Result r;
    // Every picture also gets an explicit-content score, which orders the web UI's review queue.
    // The demo's pictures are generated shapes, so no face bank is searched: see haetae bench
    // faces.
    try (FaceEngine engine = FaceEngine.bundled(FaceEngine.Options.defaults())) {
      r =
          new Scan(
                  new CaseFolder(caseDir),
                  keys.vault(),
                  keys.signing(),
                  banks,
                  new Scan.Options(
                      exports,
                      List.of(BANK),
                      Matcher.Settings.DEFAULT,
                      null,
                      Runtime.getRuntime().availableProcessors(),
                      true,
                      Progress.terminal(),
                      new FaceScan(engine, List.of(), FaceMatcher.DEFAULT_THRESHOLD)))
              .run();
    } catch (CustodyException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return ExitCodes.INTEGRITY_FAILURE;
    }
    ScanCommand.summary(out, r);
    RoleAccuracy acc =
        RoleAccuracy.of(
            r.analysis(), GroundTruth.read(material.resolve(Investigation.GROUND_TRUTH_FILE)));
    out.println("against the ground truth:");
    for (Map.Entry<String, RoleAccuracy.Score> e : acc.roles().entrySet()) {
      out.printf(
          Locale.ROOT,
          "  %-12s precision %.3f  recall %.3f  (%d accounts)%n",
          e.getKey(),
          e.getValue().precision(),
          e.getValue().recall(),
          e.getValue().actual());
    }
    RoleAccuracy.Score all = acc.editRecall().get("all");
    if (all != null) {
      out.printf(
          Locale.ROOT,
          "  planted victim images matched: %d of %d%n",
          all.truePositives(),
          all.actual());
    }
    out.println();
    out.println("report: " + caseDir.resolve("report.html").toAbsolutePath().normalize());
    out.println("also:   " + caseDir.resolve("report.pdf") + ", " + caseDir.resolve("report.json"));
    out.println("try:    ./haetae search " + caseDir + " 합성");
    out.println("        ./haetae verify " + caseDir);
    out.flush();
    if (serve) {
      DemoLogins.Loaded loaded;
      try {
        loaded = DemoLogins.load(dataDir.path(), r.analysis(), caseDir);
      } catch (java.sql.SQLException e) {
        throw new IOException("loading the demo case into the database failed", e);
      }
      out.println();
      out.println("case " + loaded.caseId() + " is in the service's database");
      for (DemoLogins.Login l : loaded.all()) {
        out.println("login:  " + l.name() + " / " + l.password() + "  (" + l.note() + ")");
      }
      out.println();
      out.println(
          "open:   http://localhost:" + port + "/  and log in as " + loaded.assigned().name());
      out.println(
          "API:    curl -u "
              + loaded.assigned().name()
              + ":PASSWORD http://localhost:"
              + port
              + "/api/v1/cases/"
              + loaded.caseId()
              + "/accounts");
      out.println("spec:   http://localhost:" + port + "/v3/api-docs");
      out.flush();
      return new org.haetae.cli.serve.ServeCommand().serve(port, dataDir.path());
    }
    return ExitCodes.OK;
  }
}
