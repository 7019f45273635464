package org.haetae.pipeline.scan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.haetae.analysis.CaseAnalyzer;
import org.haetae.analysis.flags.Lexicon;
import org.haetae.analysis.graph.GraphFiles;
import org.haetae.analysis.intake.ExportIntake;
import org.haetae.analysis.result.CaseAnalysis;
import org.haetae.analysis.text.TextIndex;
import org.haetae.evidence.casefolder.CaseFolder;
import org.haetae.evidence.casefolder.CaseVerifier;
import org.haetae.evidence.custody.CustodyEvent;
import org.haetae.evidence.custody.CustodyException;
import org.haetae.evidence.custody.CustodyLog;
import org.haetae.evidence.keys.SigningKey;
import org.haetae.evidence.keys.VaultKey;
import org.haetae.evidence.vault.Vault;
import org.haetae.hashing.digest.ContentDigests;
import org.haetae.matching.match.Matcher;
import org.haetae.matching.store.BankStore;
import org.haetae.pipeline.InputException;
import org.haetae.pipeline.ingest.Ingestion;
import org.haetae.pipeline.progress.ProgressSink;
import org.haetae.telegram.model.Message;
import org.haetae.telegram.read.ExportReader;
import org.haetae.telegram.read.ExportSink;
import org.haetae.telegram.read.ReadSummary;
import org.haetae.telegram.read.ReaderOptions;

/**
 * The main job: ingest every export into one case, match every stored file against the banks,
 * analyse, and write the report, logging each stage in the custody log.
 *
 * <p>A killed scan resumes: ingestion continues where the log says it stopped (see {@link
 * Ingestion}); matching, analysis and the report are derived from the evidence and are simply made
 * again, each output written to a temporary file and moved into place.
 */
public final class Scan {
  /** Where scan outputs go, relative to the case folder. */
  public static final String TEXT_INDEX = "analysis/text-index";

  public static final String ROOMS = "analysis/rooms.json";
  public static final String GEXF = "analysis/graph.gexf";
  public static final String GRAPHML = "analysis/graph.graphml";

  /**
   * @param lexicon null for the built-in one
   * @param thumbnails put blurred thumbnails of matched media in report.html
   * @param faces search images for enrolled faces and score them, or null to skip the face stage
   * @param caseLexicons lexicons whose rules are added to the built-in one (or to {@code lexicon})
   */
  public record Options(
      List<Path> exports,
      List<String> banks,
      Matcher.Settings match,
      Path lexicon,
      int threads,
      boolean thumbnails,
      ProgressSink progress,
      FaceScan faces,
      List<Path> caseLexicons) {
    public Options {
      caseLexicons = caseLexicons == null ? List.of() : List.copyOf(caseLexicons);
    }

    /** With the face stage and no case lexicon. */
    public Options(
        List<Path> exports,
        List<String> banks,
        Matcher.Settings match,
        Path lexicon,
        int threads,
        boolean thumbnails,
        ProgressSink progress,
        FaceScan faces) {
      this(exports, banks, match, lexicon, threads, thumbnails, progress, faces, List.of());
    }

    /** Without the face stage. */
    public Options(
        List<Path> exports,
        List<String> banks,
        Matcher.Settings match,
        Path lexicon,
        int threads,
        boolean thumbnails,
        ProgressSink progress) {
      this(exports, banks, match, lexicon, threads, thumbnails, progress, null);
    }
  }

  /**
   * What a scan did, for the command to print.
   *
   * @param seconds wall time per stage: ingest, match, analyse, report
   */
  public record Result(
      CaseAnalysis analysis,
      List<Ingestion.Result> ingested,
      int filesMatched,
      List<Path> outputs,
      Map<String, Double> seconds) {}

  private final Map<String, Double> seconds = new LinkedHashMap<>();
  private long stageStarted = System.nanoTime();
  private String stageName;

  private final CaseFolder folder;
  private final VaultKey key;
  private final SigningKey signer;
  private final BankStore banks;
  private final Options options;

  public Scan(
      CaseFolder folder, VaultKey key, SigningKey signer, BankStore banks, Options options) {
    this.folder = folder;
    this.key = key;
    this.signer = signer;
    this.banks = banks;
    this.options = options;
  }

  public Result run() throws IOException, CustodyException {
    Lexicon lexicon = lexicon(options.lexicon());
    for (Path caseLexicon : options.caseLexicons()) {
      lexicon = lexicon.plus(lexicon(caseLexicon));
    }
    for (String b : options.banks()) {
      if (banks.find(b).isEmpty()) {
        throw new InputException("no bank named " + b + " (see haetae bank list)");
      }
    }
    // 1. Ingest: store, hash and log every export (resumable).
    List<Ingestion.Result> ingested = new ArrayList<>();
    for (Path export : options.exports()) {
      stage("ingest " + export);
      Ingestion.Options d = Ingestion.Options.defaults();
      ingested.add(
          new Ingestion(
                  export,
                  folder,
                  key,
                  signer,
                  new Ingestion.Options(
                      options.threads(),
                      d.durable(),
                      d.checkpointEvery(),
                      ReaderOptions.DEFAULT,
                      options.progress()))
              .run());
    }
    try (CaseFolder.Lock lock = folder.tryLock()) {
      if (lock == null) {
        throw new InputException(folder.dir() + ": another process is working on this case");
      }
      return analyse(lexicon, ingested);
    }
  }

  private Result analyse(Lexicon lexicon, List<Ingestion.Result> ingested)
      throws IOException, CustodyException {
    // 2. Match every stored file against the banks.
    stage(
        "match against "
            + (options.banks().isEmpty() ? "no banks" : String.join(", ", options.banks())));
    CaseMedia media = CaseMedia.read(folder.custodyLog());
    Matcher matcher = Matcher.load(banks, options.banks(), options.match());
    int matched;
    try (ProgressSink.Task p = options.progress().start("match", media.files())) {
      matched = media.match(matcher, CaseMedia.labels(banks, options.banks()), () -> p.advance(1));
    }
    int facesLooked = 0;
    if (options.faces() != null) {
      stage(
          "faces: search images for "
              + (options.faces().banks().isEmpty()
                  ? "no enrolled faces (explicit scores only)"
                  : "enrolled faces of " + String.join(", ", options.faces().bankNames())));
      try (CustodyLog log = openLog()) {
        facesLooked =
            new CaseFaces(
                    options.faces(), new Vault(folder.evidence(), key, false), options.threads())
                .run(media, log, options.progress());
      }
    }
    // The state of the log the analysis describes: up to and including the match entry.
    String head;
    String root;
    long entries;
    try (CustodyLog log = openLog()) {
      FaceScan faces = options.faces();
      log.append(
          new CustodyEvent.Matched(
              "scan",
              options.banks(),
              options.match().maxDistance(),
              options.match().minQuality(),
              media.files(),
              matched,
              faces == null
                  ? null
                  : new CustodyEvent.FaceStage(
                      faces.bankNames(),
                      faces.threshold(),
                      faces.fingerprint(),
                      facesLooked,
                      media.filesWithFaceMatches()),
              // Which words the analysis looked for: every lexicon by name, version and digest.
              lexicon.sources().stream()
                  .map(
                      s ->
                          new CustodyEvent.LexiconUsed(
                              s.name(), s.version(), s.sha256(), s.rules()))
                  .toList()));
      head = log.head();
      root = log.root();
      entries = log.size();
    }

    // 3. Analyse: read every export again (as acquired), with the text index beside.
    Path textDir = folder.dir().resolve(TEXT_INDEX);
    Files.createDirectories(textDir);
    CaseAnalysis analysis;
    Map<String, String> roomKeys;
    try (TextIndex index = TextIndex.at(textDir);
        TextIndex.Writer text = index.rebuild();
        CaseAnalyzer analyzer =
            new CaseAnalyzer(
                new CaseAnalyzer.Settings(
                    options.match().maxDistance(), options.match().minQuality()),
                media,
                lexicon,
                text)) {
      for (int i = 0; i < options.exports().size(); i++) {
        Path export = options.exports().get(i);
        Ingestion.Result r = ingested.get(i);
        stage("analyse " + export);
        read(analyzer, export, r);
      }
      analysis =
          analyzer.finish(
              new CaseAnalyzer.Context(
                  media.caseId(),
                  Instant.now().toString(),
                  options.banks(),
                  head,
                  root,
                  entries,
                  media.failures()));
      roomKeys = analyzer.textRoomKeys();
    }

    // 4. Write the outputs and bind them to the log by digest.
    stage("report");
    List<Path> outputs = new ArrayList<>();
    outputs.add(writeJson(folder.dir().resolve(ROOMS), roomKeys));
    outputs.add(
        atomically(folder.dir().resolve(GEXF), o -> GraphFiles.writeGexf(analysis.graph(), o)));
    outputs.add(
        atomically(
            folder.dir().resolve(GRAPHML), o -> GraphFiles.writeGraphMl(analysis.graph(), o)));
    outputs.addAll(
        ReportStage.write(analysis, folder, options.thumbnails() ? key : null, options.progress()));
    try (CustodyLog log = openLog()) {
      Map<String, String> files = new LinkedHashMap<>();
      for (Path p : outputs) {
        files.put(
            folder.dir().relativize(p).toString().replace(java.io.File.separatorChar, '/'),
            CaseVerifier.sha256(p));
      }
      log.append(
          new CustodyEvent.Outputs(
              "scan", files, analysis.accounts().size(), analysis.matches().size()));
      log.checkpoint();
    }
    stage(null);
    return new Result(analysis, ingested, matched, outputs, seconds);
  }

  /** Reads an export again for the analysis, after checking it is still the one acquired. */
  private void read(CaseAnalyzer analyzer, Path export, Ingestion.Result r) throws IOException {
    ExportReader reader = new ExportReader(export, ReaderOptions.DEFAULT);
    Path resultJson = reader.resultJson();
    ContentDigests d = ContentDigests.of(resultJson);
    if (!Ingestion.exportId(d.sha256()).equals(r.export())) {
      throw new InputException(resultJson + " changed while the scan ran; run the scan again");
    }
    ExportIntake intake = analyzer.intake(r.export());
    long total = Math.max(0, r.records().messages());
    ReadSummary s;
    try (ProgressSink.Task p = options.progress().start("analyse", total)) {
      s =
          reader.read(
              new ExportSink() {
                long n;

                @Override
                public void message(Message m) throws IOException {
                  intake.message(m);
                  if (++n % 1024 == 0) {
                    p.advance(1024);
                  }
                }

                @Override
                public void chat(org.haetae.telegram.model.Chat chat) throws IOException {
                  intake.chat(chat);
                }

                @Override
                public void section(org.haetae.telegram.model.SectionItem item) throws IOException {
                  intake.section(item);
                }

                @Override
                public void account(org.haetae.telegram.model.Account account) throws IOException {
                  intake.account(account);
                }

                @Override
                public void finding(org.haetae.telegram.model.Finding finding) throws IOException {
                  intake.finding(finding);
                }
              });
    }
    analyzer.exportRead(
        intake, export.toAbsolutePath().normalize().toString(), d.sha256(), s.shape(), s.chats());
  }

  /** The built-in lexicon, or a file; a bad file is bad input naming file and line. */
  private static Lexicon lexicon(Path file) throws IOException {
    if (file == null) {
      return Lexicon.builtIn();
    }
    if (!Files.isRegularFile(file)) {
      throw new InputException(file + ": no such lexicon file");
    }
    try {
      return Lexicon.load(file);
    } catch (org.haetae.analysis.flags.LexiconException e) {
      throw new InputException(e.getMessage(), e);
    }
  }

  private CustodyLog openLog() throws IOException, CustodyException {
    return CustodyLog.open(
        folder.custodyLog(), signer, CustodyLog.Genesis.NONE, 1000, Clock.systemUTC(), e -> {});
  }

  /** Starts a stage (null: the end); the time of the one before is added to its name. */
  private void stage(String what) {
    long now = System.nanoTime();
    if (stageName != null) {
      seconds.merge(stageName, (now - stageStarted) / 1e9, Double::sum);
    }
    stageStarted = now;
    stageName = what == null ? null : what.split(" ")[0];
    if (what != null) {
      options.progress().stage(what);
    }
  }

  interface Writing {
    void to(OutputStream out) throws IOException;
  }

  /** Writes a file through a temporary sibling, so a killed run never leaves half a file. */
  static Path atomically(Path file, Writing w) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
      w.to(out);
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return file;
  }

  private static Path writeJson(Path file, Map<String, String> map) throws IOException {
    return atomically(
        file,
        o -> {
          try (JsonGenerator g = new JsonFactory().createGenerator(o)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            for (Map.Entry<String, String> e : map.entrySet()) {
              g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
          }
        });
  }
}
