package org.haetae.report.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.haetae.analysis.result.ActorProfile;
import org.haetae.analysis.result.BankMatch;
import org.haetae.analysis.result.CaseAnalysis;
import org.haetae.analysis.result.CaseFinding;
import org.haetae.analysis.result.CaseInfo;
import org.haetae.analysis.result.ExportInfo;
import org.haetae.analysis.result.MessageRef;
import org.haetae.analysis.result.NameUse;
import org.haetae.analysis.result.RoleClaim;
import org.haetae.analysis.result.SpreadEvent;
import org.haetae.analysis.result.SpreadTrail;
import org.haetae.analysis.result.TextFlag;
import org.haetae.report.view.CaseIndex;
import org.haetae.report.view.Dates;

/**
 * {@code report.pdf}: the case for a prosecutor's file. Text only, no images: the summary with the
 * figures that bind it to the custody log, the ranked accounts with each role and the messages that
 * earned it, the matches, how each victim's image spread, flags and findings.
 */
public final class PdfReport {
  /**
   * @param maxRows rows per table and accounts listed
   * @param maxEvents appearances listed per spread trail
   * @param koreanFont embed the Korean font; false only to test the fallback
   */
  public record Options(int maxRows, int maxEvents, boolean koreanFont) {
    public static final Options DEFAULT = new Options(500, 50, true);

    public Options {
      if (maxRows < 1 || maxEvents < 1) {
        throw new IllegalArgumentException("limits must be positive");
      }
    }
  }

  /**
   * What was written.
   *
   * @param warnings things the reader of the PDF should know, e.g. that a font was missing
   */
  public record Result(int pages, List<String> warnings) {
    public Result {
      warnings = List.copyOf(warnings);
    }
  }

  private final CaseAnalysis analysis;
  private final CaseIndex index;
  private final Options options;
  private final PageFlow flow;

  private PdfReport(CaseAnalysis analysis, Options options, PageFlow flow) {
    this.analysis = analysis;
    this.index = new CaseIndex(analysis);
    this.options = options;
    this.flow = flow;
  }

  /** Writes the PDF; leaves {@code out} open. */
  public static Result write(CaseAnalysis analysis, Options options, OutputStream out)
      throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PdfFonts fonts = PdfFonts.load(doc, options.koreanFont());
      PageFlow flow = new PageFlow(doc, fonts);
      PdfReport r = new PdfReport(analysis, options, flow);
      List<String> warnings = new ArrayList<>();
      if (fonts.warning != null) {
        warnings.add("report.pdf: " + fonts.warning);
      }
      r.summary(fonts.warning);
      r.accounts();
      r.matches();
      r.spread();
      r.flags();
      r.findings();
      flow.finish("Haetae case " + analysis.info().caseId());
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle("Haetae case report " + analysis.info().caseId());
      info.setCreator("Haetae");
      info.setSubject("Case analysis, roles with cited messages, matches, spread, custody");
      doc.save(out);
      return new Result(doc.getNumberOfPages(), warnings);
    }
  }

  private void summary(String fontWarning) throws IOException {
    CaseInfo i = analysis.info();
    flow.newPage();
    flow.title("Haetae case report");
    flow.paragraph("Case " + i.caseId() + ", analysis of " + i.generatedAt() + ". Dates are UTC.");
    if (fontWarning != null) {
      flow.note("Note: " + fontWarning + ".");
    }
    flow.heading("Summary");
    List<List<String>> kv = new ArrayList<>();
    kv.add(List.of("Case id", i.caseId()));
    kv.add(List.of("Rooms", Long.toString(analysis.chats().size())));
    kv.add(List.of("Accounts", Long.toString(analysis.accounts().size())));
    kv.add(List.of("Messages read", Long.toString(i.messages())));
    kv.add(List.of("Media files (distinct)", Long.toString(analysis.media().size())));
    kv.add(List.of("Matched posts", Long.toString(analysis.matches().size())));
    kv.add(
        List.of(
            "Victims affected",
            index.victims() + " (distinct matched bank entries, each one victim's image)"));
    kv.add(List.of("Flagged messages", Long.toString(analysis.flags().size())));
    kv.add(List.of("Findings", Long.toString(analysis.findings().size())));
    kv.add(List.of("Banks", String.join(", ", i.banks())));
    kv.add(
        List.of(
            "Matching",
            "PDQ distance at most " + i.maxDistance() + ", quality at least " + i.minQuality()));
    kv.add(List.of("Custody log entries", Long.toString(i.custodyEntries())));
    kv.add(List.of("Lexicons", i.lexicons().isEmpty() ? "-" : String.join("; ", i.lexicons())));
    kv.add(List.of("Custody head", nz(i.custodyHead())));
    kv.add(List.of("Merkle root", nz(i.merkleRoot())));
    flow.table(new float[] {1.2f, 4f}, null, kv);
    flow.note(
        "The custody head and Merkle root bind this report to the case's custody log:"
            + " `haetae verify` checks the log, and its signed checkpoints carry the same root.");
    flow.heading("Exports");
    List<List<String>> rows = new ArrayList<>();
    for (ExportInfo e : i.exports()) {
      rows.add(
          List.of(
              e.id(),
              nz(e.shape()) + (e.owner() == null ? "" : "\nowner: " + index.accountName(e.owner())),
              e.messages() + " messages\n" + e.mediaFiles() + " media files",
              nz(e.resultSha256())));
    }
    flow.table(
        new float[] {1.2f, 1.6f, 1.4f, 3.6f},
        List.of("Export", "Shape", "Read", "SHA-256 of result.json"),
        rows);
    flow.note(
        "Roles: creator, requester, distributor, admin, possessor, member. The law treats them"
            + " differently, so each role below cites the messages that earned it. Roles and flags"
            + " are pointers for a person to check, not verdicts.");
  }

  private void accounts() throws IOException {
    List<ActorProfile> all = analysis.accounts();
    flow.newPage();
    flow.heading("Accounts, ranked by severity");
    int rank = 0;
    for (ActorProfile a : CaseIndex.head(all, options.maxRows())) {
      rank++;
      flow.subheading("#" + rank + "  " + a.displayName());
      StringBuilder line = new StringBuilder();
      line.append("Id ").append(a.key());
      if (a.namedOnly()) {
        line.append(" (name only, no account id)");
      }
      line.append("; score ").append(String.format(Locale.ROOT, "%.1f", a.score()));
      line.append("; ").append(a.chats().size()).append(" room(s); ");
      line.append(a.messages()).append(" message(s).");
      if (a.names().size() > 1) {
        line.append(" Names used: ")
            .append(a.names().stream().map(NameUse::name).collect(Collectors.joining(", ")))
            .append('.');
      }
      if (!a.usernames().isEmpty()) {
        line.append(" Usernames: ").append(String.join(", ", a.usernames())).append('.');
      }
      flow.paragraph(line.toString());
      if (a.roles().isEmpty()) {
        continue;
      }
      List<List<String>> rows = new ArrayList<>();
      for (RoleClaim r : a.roles()) {
        StringBuilder cites = new StringBuilder();
        for (MessageRef m : r.evidence()) {
          cites.append(CaseIndex.cite(m)).append('\n');
        }
        if (r.evidenceCount() > r.evidence().size()) {
          cites.append(r.evidenceCount() - r.evidence().size()).append(" more");
        }
        rows.add(List.of(r.role().code(), nz(r.reason()), cites.toString().strip()));
      }
      flow.table(new float[] {1f, 3f, 2.6f}, List.of("Role", "Why", "Cited messages"), rows);
    }
    more(all.size(), "accounts");
  }

  private void matches() throws IOException {
    List<BankMatch> all = analysis.matches();
    flow.newPage();
    flow.heading("Matches against the banks");
    if (all.isEmpty()) {
      flow.paragraph("No media matched the banks.");
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    for (BankMatch m : CaseIndex.head(all, options.maxRows())) {
      rows.add(
          List.of(
              Dates.minute(m.message().dateUnix()),
              index.chatName(m.message().chatKey()) + "\n" + m.message().label(),
              m.bank() + "\n" + m.entryId(),
              m.how() + ", " + m.distance(),
              shortHash(m.mediaSha256())));
    }
    flow.table(
        new float[] {1.5f, 2.4f, 1.8f, 0.9f, 1.4f},
        List.of("Date", "Room and message", "Bank and entry", "How, distance", "File"),
        rows);
    more(all.size(), "matches");
  }

  private void spread() throws IOException {
    List<SpreadTrail> all = analysis.spread();
    flow.newPage();
    flow.heading("How each victim's image spread");
    if (all.isEmpty()) {
      flow.paragraph("No bank entry matched.");
      return;
    }
    for (SpreadTrail t : CaseIndex.head(all, options.maxRows())) {
      flow.subheading(t.bank() + " / " + t.entryId());
      StringBuilder s = new StringBuilder();
      s.append("Reached ").append(t.rooms().size()).append(" room(s) and ");
      s.append(t.membersReached()).append(" account(s) in them; ");
      s.append(t.events().size()).append(" appearance(s), ");
      s.append(t.variants()).append(" distinct file(s).");
      if (!t.labels().isEmpty()) {
        s.append(" Labels: ")
            .append(
                new TreeMap<>(t.labels())
                    .entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", ")));
      }
      flow.paragraph(s.toString());
      List<List<String>> rows = new ArrayList<>();
      for (SpreadEvent e : CaseIndex.head(t.events(), options.maxEvents())) {
        rows.add(
            List.of(
                Dates.minute(e.message().dateUnix()),
                nz(e.kind()),
                index.chatName(e.message().chatKey()) + "\n" + e.message().label(),
                index.accountName(e.actorKey())
                    + (e.forwardedFrom() == null
                        ? ""
                        : "\nfrom " + index.accountName(e.forwardedFrom())),
                Integer.toString(e.distance())));
      }
      flow.table(
          new float[] {1.5f, 1f, 2.4f, 2.2f, 0.8f},
          List.of("Date", "How", "Room and message", "Posted by", "Distance"),
          rows);
      if (t.events().size() > options.maxEvents()) {
        flow.note((t.events().size() - options.maxEvents()) + " more appearances in report.json.");
      }
    }
    more(all.size(), "bank entries");
  }

  private void flags() throws IOException {
    List<TextFlag> all = analysis.flags();
    flow.heading("Flagged messages");
    if (all.isEmpty()) {
      flow.paragraph("No message was flagged.");
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    for (TextFlag f : CaseIndex.head(all, options.maxRows())) {
      rows.add(
          List.of(
              nz(f.category()) + "\n" + nz(f.rule()),
              nz(f.excerpt()),
              index.accountName(f.actorKey()),
              f.message() == null ? "" : CaseIndex.cite(f.message())));
    }
    flow.table(
        new float[] {1.4f, 3f, 1.4f, 1.8f},
        List.of("Category and rule", "Excerpt", "By", "Message"),
        rows);
    more(all.size(), "flags");
  }

  private void findings() throws IOException {
    List<CaseFinding> all = analysis.findings();
    flow.heading("Findings about the material");
    if (all.isEmpty()) {
      flow.paragraph("Nothing to report: every file was read and hashed.");
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    for (CaseFinding f : CaseIndex.head(all, options.maxRows())) {
      rows.add(
          List.of(
              nz(f.kind()) + "\n" + nz(f.code()),
              nz(f.detail()),
              f.message() == null ? "" : CaseIndex.cite(f.message())));
    }
    flow.table(new float[] {1.4f, 3.4f, 1.8f}, List.of("Kind", "Detail", "Message"), rows);
    more(all.size(), "findings");
  }

  private void more(int total, String what) throws IOException {
    if (total > options.maxRows()) {
      flow.note((total - options.maxRows()) + " more " + what + " in report.json.");
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String shortHash(String sha) {
    return sha == null || sha.length() <= 16 ? nz(sha) : sha.substring(0, 16);
  }
}
