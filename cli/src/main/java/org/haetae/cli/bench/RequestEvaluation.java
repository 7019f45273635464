package org.haetae.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.haetae.analysis.CaseAnalyzer;
import org.haetae.analysis.flags.Lexicon;
import org.haetae.analysis.intake.ExportIntake;
import org.haetae.analysis.media.MediaCatalog;
import org.haetae.analysis.media.MediaFacts;
import org.haetae.analysis.media.MediaMatch;
import org.haetae.analysis.result.ActorProfile;
import org.haetae.analysis.result.CaseAnalysis;
import org.haetae.analysis.result.MessageRef;
import org.haetae.analysis.result.Role;
import org.haetae.analysis.result.RoleClaim;
import org.haetae.telegram.model.Account;
import org.haetae.telegram.model.Chat;
import org.haetae.telegram.model.MediaRef;
import org.haetae.telegram.model.MediaStatus;
import org.haetae.telegram.model.Message;
import org.haetae.telegram.model.PeerId;
import org.haetae.telegram.model.Text;

/**
 * The hand-written request evaluation set ({@code request-evaluation.txt}, format in its header)
 * run through the real analysis: its rooms become one case of messages, pictures and bank matches,
 * and the requester role the analysis gives is compared with what each message is labelled.
 */
public final class RequestEvaluation {
  /** The built-in set. */
  public static final String RESOURCE = "request-evaluation.txt";

  /** One labelled or background message. */
  record Line(
      int room,
      String roomTitle,
      long id,
      String sender,
      String media,
      Long replyTo,
      String expect,
      String family,
      String text,
      int lineNo) {
    boolean judged() {
      return expect != null;
    }

    boolean request() {
      return "REQ".equals(expect);
    }
  }

  /**
   * Counts of one family (or of all messages).
   *
   * @param requests labelled requests
   * @param lookAlikes labelled look-alikes
   * @param found labelled messages found to be requests
   * @param truePositives labelled requests found
   */
  public record Score(long requests, long lookAlikes, long found, long truePositives) {
    public double precision() {
      return found == 0 ? 1 : (double) truePositives / found;
    }

    public double recall() {
      return requests == 0 ? 1 : (double) truePositives / requests;
    }

    public long falsePositives() {
      return found - truePositives;
    }

    Score plus(boolean request, boolean hit) {
      return new Score(
          requests + (request ? 1 : 0),
          lookAlikes + (request ? 0 : 1),
          found + (hit ? 1 : 0),
          truePositives + (request && hit ? 1 : 0));
    }
  }

  /**
   * What the analysis made of the set.
   *
   * @param families per family, messages
   * @param messages all labelled messages
   * @param accounts senders of labelled messages: requester role against having sent a request
   * @param errors each message judged wrongly, with its line
   */
  public record Result(
      Map<String, Score> families, Score messages, Score accounts, List<String> errors) {}

  private final List<Line> lines;
  private final List<String> rooms;

  private RequestEvaluation(List<Line> lines, List<String> rooms) {
    this.lines = lines;
    this.rooms = rooms;
  }

  public static RequestEvaluation builtIn() throws IOException {
    try (InputStream in = RequestEvaluation.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " missing from the jar");
      }
      return parse(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
    }
  }

  public int messages() {
    return lines.size();
  }

  public long labelled() {
    return lines.stream().filter(Line::judged).count();
  }

  /**
   * @throws IllegalArgumentException naming the source and line of a malformed line
   */
  public static RequestEvaluation parse(Reader reader, String source) throws IOException {
    List<Line> lines = new ArrayList<>();
    List<String> rooms = new ArrayList<>();
    BufferedReader br = new BufferedReader(reader);
    int no = 0;
    for (String raw; (raw = br.readLine()) != null; ) {
      no++;
      String t = raw.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      if (t.startsWith("==")) {
        rooms.add(t.substring(2).strip());
        continue;
      }
      if (rooms.isEmpty()) {
        throw bad(source, no, "a message before any '== room'");
      }
      int bar = t.indexOf('|');
      if (bar < 0) {
        throw bad(source, no, "no '|' before the text");
      }
      String[] f = t.substring(0, bar).strip().split("\\s+");
      if (f.length != 5) {
        throw bad(source, no, "expected ID SENDER MEDIA REPLY EXPECT before '|'");
      }
      long id;
      try {
        id = Long.parseLong(f[0]);
      } catch (NumberFormatException e) {
        throw bad(source, no, "message id is not a number: " + f[0]);
      }
      String media = f[2];
      if (!media.equals("-")
          && !media.equals("pic")
          && !media.equals("matched")
          && !media.matches("same:\\d+")) {
        throw bad(source, no, "media is -, pic, matched or same:N");
      }
      Long reply = null;
      if (!f[3].equals("-")) {
        if (!f[3].matches(">\\d+")) {
          throw bad(source, no, "reply is - or >N");
        }
        reply = Long.parseLong(f[3].substring(1));
      }
      String expect = null;
      String family = null;
      if (!f[4].equals("-")) {
        String[] e = f[4].split(":", 2);
        if (e.length != 2 || !(e[0].equals("REQ") || e[0].equals("NOT")) || e[1].isEmpty()) {
          throw bad(source, no, "expect is -, REQ:family or NOT:family");
        }
        expect = e[0];
        family = e[1];
      }
      lines.add(
          new Line(
              rooms.size() - 1,
              rooms.get(rooms.size() - 1),
              id,
              f[1],
              media,
              reply,
              expect,
              family,
              t.substring(bar + 1).strip(),
              no));
    }
    return new RequestEvaluation(lines, rooms);
  }

  private static IllegalArgumentException bad(String source, int line, String why) {
    return new IllegalArgumentException(source + ":" + line + ": " + why);
  }

  /** Runs the set through the analysis with this lexicon. */
  public Result run(Lexicon lexicon) throws IOException {
    Catalog catalog = new Catalog();
    Map<String, PeerId> accounts = new LinkedHashMap<>();
    List<Message> messages = new ArrayList<>();
    long seq = 0;
    long date = 1_700_000_000L;
    for (Line l : lines) {
      PeerId who =
          accounts.computeIfAbsent(accountKey(l), k -> new PeerId("user", 1000 + accounts.size()));
      List<MediaRef> media = List.of();
      if (!l.media().equals("-")) {
        String path =
            l.media().startsWith("same:")
                ? path(l.room(), Long.parseLong(l.media().substring(5)))
                : path(l.room(), l.id());
        if (!l.media().startsWith("same:")) {
          catalog.add(path, l.media().equals("matched"));
        }
        media =
            List.of(
                new MediaRef(
                    "photo",
                    path,
                    MediaStatus.PRESENT,
                    path,
                    "photo",
                    null,
                    null,
                    1000L,
                    640,
                    640,
                    null));
      }
      date += 60;
      messages.add(
          new Message(
              seq++,
              l.room(),
              l.id(),
              "message",
              null,
              date,
              null,
              null,
              l.sender().replace("*", ""),
              who,
              null,
              null,
              null,
              l.replyTo(),
              null,
              null,
              new Text(l.text(), List.of(), false),
              media,
              null,
              null));
    }
    CaseAnalysis analysis;
    try (CaseAnalyzer analyzer =
        new CaseAnalyzer(new CaseAnalyzer.Settings(31, 50), catalog, lexicon, null)) {
      ExportIntake in = analyzer.intake("evaluation");
      for (Message m : messages) {
        in.message(m);
      }
      for (int r = 0; r < rooms.size(); r++) {
        long count = 0;
        for (Line l : lines) {
          count += l.room() == r ? 1 : 0;
        }
        in.chat(
            new Chat(r, "chats", 5000L + r, "private_supergroup", rooms.get(r), count, true, null));
      }
      for (Map.Entry<String, PeerId> a : accounts.entrySet()) {
        String name = a.getKey().substring(a.getKey().indexOf('/') + 1);
        in.account(
            new Account(
                a.getValue(), List.of(new Account.NameSeen(name, null, null, 1)), false, 1));
      }
      analyzer.exportRead(in, "evaluation", "0".repeat(64), "account", rooms.size());
      analysis =
          analyzer.finish(
              new CaseAnalyzer.Context(
                  "evaluation", "now", List.of("eval-victims"), "", "", 0, List.of()));
    }
    return score(analysis, accounts);
  }

  private Result score(CaseAnalysis analysis, Map<String, PeerId> accounts) {
    Set<String> foundMessages = new TreeSet<>();
    Set<String> foundAccounts = new TreeSet<>();
    for (ActorProfile p : analysis.accounts()) {
      for (RoleClaim c : p.roles()) {
        if (c.role() == Role.REQUESTER) {
          foundAccounts.add(p.key());
          for (MessageRef r : c.evidence()) {
            foundMessages.add(r.chatKey() + "#" + r.messageId());
          }
        }
      }
    }
    Map<String, Score> families = new TreeMap<>();
    Score all = new Score(0, 0, 0, 0);
    List<String> errors = new ArrayList<>();
    Map<String, boolean[]> byAccount = new HashMap<>(); // labelled: {asked, judged}
    for (Line l : lines) {
      if (!l.judged()) {
        continue;
      }
      boolean hit = foundMessages.contains("chat" + (5000L + l.room()) + "#" + l.id());
      families.merge(
          l.family(),
          new Score(0, 0, 0, 0).plus(l.request(), hit),
          (a, b) ->
              new Score(
                  a.requests() + b.requests(),
                  a.lookAlikes() + b.lookAlikes(),
                  a.found() + b.found(),
                  a.truePositives() + b.truePositives()));
      all = all.plus(l.request(), hit);
      if (hit != l.request()) {
        errors.add(
            String.format(
                "line %d %s %s:%s [%s] %s",
                l.lineNo(),
                hit ? "false request" : "missed request",
                l.expect(),
                l.family(),
                l.media(),
                l.text()));
      }
      boolean[] acc = byAccount.computeIfAbsent(accountKey(l), k -> new boolean[1]);
      acc[0] |= l.request();
    }
    Score accountScore = new Score(0, 0, 0, 0);
    for (Map.Entry<String, boolean[]> e : byAccount.entrySet()) {
      PeerId id = accounts.get(e.getKey());
      boolean found = foundAccounts.contains("user" + id.id());
      accountScore = accountScore.plus(e.getValue()[0], found);
    }
    return new Result(families, all, accountScore, errors);
  }

  private String accountKey(Line l) {
    return l.sender().startsWith("*")
        ? "*/" + l.sender().substring(1)
        : l.room() + "/" + l.sender();
  }

  private static String path(int room, long id) {
    return "photos/room" + room + "_" + id + ".jpg";
  }

  /** Each picture is its own file, far from every other in PDQ; "matched" ones match a bank. */
  private static final class Catalog implements MediaCatalog {
    private final Map<String, MediaFacts> files = new HashMap<>();
    private final Map<String, List<MediaMatch>> matches = new HashMap<>();

    void add(String path, boolean matched) {
      String sha = sha256(path);
      // A PDQ made of the file's own digest: unrelated pictures are ~128 bits apart.
      files.put(path, new MediaFacts(sha, null, sha256("pdq " + path), 100, "image"));
      if (matched) {
        matches.put(sha, List.of(new MediaMatch("eval-victims", path, "pdq", 0, Map.of())));
      }
    }

    @Override
    public MediaFacts lookup(String export, String relativePath) {
      return files.get(relativePath);
    }

    @Override
    public List<MediaMatch> matches(String sha256) {
      return matches.getOrDefault(sha256, List.of());
    }

    private static String sha256(String s) {
      try {
        return HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
