package org.haetae.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.haetae.analysis.actors.ActorBook;
import org.haetae.analysis.flags.FlagScanner;
import org.haetae.analysis.flags.Lexicon;
import org.haetae.analysis.graph.CaseGraph;
import org.haetae.analysis.graph.GraphBuilder;
import org.haetae.analysis.intake.CaseMaterial;
import org.haetae.analysis.intake.ExportIntake;
import org.haetae.analysis.intake.Post;
import org.haetae.analysis.media.MediaCatalog;
import org.haetae.analysis.media.MediaFacts;
import org.haetae.analysis.media.MediaMatch;
import org.haetae.analysis.requests.RequestJudge;
import org.haetae.analysis.requests.RequestReader;
import org.haetae.analysis.result.ActorProfile;
import org.haetae.analysis.result.CaseAnalysis;
import org.haetae.analysis.result.CaseFinding;
import org.haetae.analysis.result.CaseInfo;
import org.haetae.analysis.result.ChatSummary;
import org.haetae.analysis.result.ExportInfo;
import org.haetae.analysis.result.MediaItem;
import org.haetae.analysis.result.MessageRef;
import org.haetae.analysis.result.RoleClaim;
import org.haetae.analysis.result.TextFlag;
import org.haetae.analysis.roles.RoleFinder;
import org.haetae.analysis.rooms.Room;
import org.haetae.analysis.rooms.RoomBook;
import org.haetae.analysis.rooms.RoomPart;
import org.haetae.analysis.spread.NearDuplicates;
import org.haetae.analysis.spread.SpreadTracer;
import org.haetae.analysis.text.TextDocument;
import org.haetae.analysis.text.TextIndex;
import org.haetae.telegram.model.Finding;

/**
 * Analyses a case: takes each export's records through an {@link ExportIntake}, then resolves
 * accounts, rooms and media across all of them and finds roles, spread and the graph.
 *
 * <p>Usage: {@code intake(id)} per export, feed it to the export reader, {@code exportRead(...)},
 * then {@code finish(...)} once.
 */
public final class CaseAnalyzer implements AutoCloseable {
  /** Findings and flags kept in the result; beyond these only counts are kept. */
  static final int MAX_FLAGS = 50_000;

  static final int MAX_FINDINGS = 20_000;
  static final int MAX_REFS_PER_MEDIA = 50;

  /**
   * @param maxDistance PDQ radius for near-duplicate clusters (the matching radius)
   * @param minQuality images below it are not clustered
   */
  public record Settings(int maxDistance, int minQuality) {}

  /**
   * What the analysis cannot know by itself.
   *
   * @param extraFindings findings of earlier stages (files that could not be hashed)
   */
  public record Context(
      String caseId,
      String generatedAt,
      List<String> banks,
      String custodyHead,
      String merkleRoot,
      long custodyEntries,
      List<CaseFinding> extraFindings) {}

  private final Settings settings;
  private final RecordingCatalog media;
  private final FlagScanner flags;
  private final Lexicon lexicon;
  private final TextIndex.Writer text;
  private final RoomBook rooms = new RoomBook();
  private final ActorBook actors = new ActorBook();
  private final List<Post> posts = new ArrayList<>();
  private final List<ExportIntake> intakes = new ArrayList<>();
  private final List<ExportInfo> exports = new ArrayList<>();
  private final List<PendingFinding> findings = new ArrayList<>();
  private long findingsLeftOut;

  private final ExecutorService indexer;
  private final Semaphore queued = new Semaphore(4096);
  private final AtomicReference<IOException> indexFailure = new AtomicReference<>();

  private record PendingFinding(RoomPart part, Finding finding) {}

  /**
   * @param text where message texts go, or null for no text index
   */
  public CaseAnalyzer(
      Settings settings, MediaCatalog media, Lexicon lexicon, TextIndex.Writer text) {
    this.settings = settings;
    this.media = new RecordingCatalog(media);
    this.flags = new FlagScanner(lexicon);
    this.lexicon = lexicon;
    this.text = text;
    // Tokenising Korean is the slowest part of reading; it runs beside the reader.
    this.indexer =
        text == null
            ? null
            : Executors.newSingleThreadExecutor(
                r -> {
                  Thread t = new Thread(r, "haetae-text-index");
                  t.setDaemon(true);
                  return t;
                });
  }

  /** A sink for one export's records. */
  public ExportIntake intake(String exportId) {
    ExportIntake in =
        new ExportIntake(
            exportId,
            rooms,
            actors,
            media,
            flags,
            new RequestReader(lexicon),
            new ExportIntake.Out() {
              @Override
              public void post(Post post) {
                posts.add(post);
              }

              @Override
              public void finding(RoomPart part, Finding f) {
                if (findings.size() < MAX_FINDINGS) {
                  findings.add(new PendingFinding(part, f));
                } else {
                  findingsLeftOut++;
                }
              }

              @Override
              public void text(TextDocument doc) {
                index(doc);
              }
            });
    intakes.add(in);
    return in;
  }

  /** Records what the reader said of an export once it has been read through {@code in}. */
  public void exportRead(
      ExportIntake in, String path, String resultSha256, String shape, long chats) {
    exports.add(
        new ExportInfo(
            in.export(),
            path,
            resultSha256,
            shape,
            in.owner() < 0 ? null : actors.get(in.owner()).key(),
            chats,
            in.messages(),
            in.mediaFiles()));
  }

  private void index(TextDocument doc) {
    if (indexer == null) {
      return;
    }
    queued.acquireUninterruptibly();
    indexer.execute(
        () -> {
          try {
            text.add(doc);
          } catch (IOException e) {
            indexFailure.compareAndSet(null, e);
          } finally {
            queued.release();
          }
        });
  }

  /** Key of each room as the text index names it ({@code EXPORT:ORDINAL}) to its case key. */
  public Map<String, String> textRoomKeys() {
    return rooms.partKeys();
  }

  public CaseAnalysis finish(Context ctx) throws IOException {
    awaitIndexer();
    rooms.merge();
    CaseMaterial material = material();
    RoleFinder roles = new RoleFinder(material);
    Map<Integer, List<RoleClaim>> claims = roles.find();
    List<ActorProfile> accounts = new ArrayList<>();
    for (Map.Entry<Integer, List<RoleClaim>> e : claims.entrySet()) {
      ActorBook.Actor a = actors.get(e.getKey());
      Set<String> chats = new java.util.TreeSet<>();
      for (Room r : rooms.rooms()) {
        if (r.members().get(e.getKey())) {
          chats.add(r.key());
        }
      }
      for (RoleClaim c : e.getValue()) {
        c.evidence().forEach(ref -> chats.add(ref.chatKey()));
      }
      accounts.add(
          new ActorProfile(
              a.key(),
              a.namedOnly(),
              a.names(),
              a.usernames(),
              List.copyOf(chats),
              a.messages(),
              e.getValue(),
              roles.score(e.getKey(), e.getValue())));
    }
    accounts.sort(
        Comparator.comparingDouble((ActorProfile p) -> -p.score())
            .thenComparing(ActorProfile::key));
    CaseGraph graph = GraphBuilder.build(material, accounts);
    SpreadTracer spread = new SpreadTracer(material);
    var matches = spread.matches();
    Map<String, Long> matchedPerRoom = new HashMap<>();
    Set<String> matchedMessages = new HashSet<>();
    Set<String> victims = new HashSet<>();
    for (var bm : matches) {
      if (matchedMessages.add(bm.message().label())) {
        matchedPerRoom.merge(bm.message().chatKey(), 1L, Long::sum);
      }
      victims.add(bm.bank() + "/" + bm.entryId());
    }
    List<ChatSummary> chats = new ArrayList<>();
    for (Room r : rooms.rooms()) {
      chats.add(r.summary(matchedPerRoom.getOrDefault(r.key(), 0L)));
    }
    long messages = 0;
    for (ChatSummary c : chats) {
      messages += c.messages();
    }
    CaseInfo info =
        new CaseInfo(
            ctx.caseId(),
            ctx.generatedAt(),
            exports,
            ctx.banks(),
            settings.maxDistance(),
            settings.minQuality(),
            messages,
            media.seen.size(),
            matchedMessages.size(),
            victims.size(),
            ctx.custodyHead(),
            ctx.merkleRoot(),
            ctx.custodyEntries(),
            lexicon.sources().stream().map(Lexicon.Source::label).toList());
    return new CaseAnalysis(
        info,
        chats,
        accounts,
        mediaItems(material),
        matches,
        spread.trails(),
        textFlags(material),
        findings(material, ctx),
        graph);
  }

  private void awaitIndexer() throws IOException {
    if (indexer == null) {
      return;
    }
    indexer.shutdown();
    try {
      if (!indexer.awaitTermination(1, TimeUnit.DAYS)) {
        throw new IOException("text indexing did not finish");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while indexing text", e);
    }
    if (indexFailure.get() != null) {
      throw indexFailure.get();
    }
  }

  /** Merges what the exports hold: each message once, names resolved, media clustered. */
  private CaseMaterial material() {
    Map<String, Post> unique = new LinkedHashMap<>();
    List<Post> kept = new ArrayList<>();
    for (Post p : posts) {
      if (p.id() == null) {
        kept.add(p);
        continue;
      }
      String key = CaseMaterial.key(rooms.of(p.part()), p.id());
      Post before = unique.get(key);
      // Two exports of one room: keep the copy whose media were downloaded.
      if (before == null || p.media().size() > before.media().size()) {
        unique.put(key, p);
      }
    }
    kept.addAll(unique.values());
    kept.sort(
        Comparator.comparingLong(Post::date)
            .thenComparing(p -> rooms.of(p.part()).key())
            .thenComparingLong(p -> p.id() == null ? Long.MIN_VALUE : p.id()));
    int[] forwardedFrom = new int[kept.size()];
    int[] author = new int[kept.size()];
    Map<Integer, BitSet> invited = new HashMap<>();
    for (int i = 0; i < kept.size(); i++) {
      Post p = kept.get(i);
      String from = p.forwardedFrom() != null ? p.forwardedFrom() : p.savedFrom();
      forwardedFrom[i] = from == null || from.equals("(hidden account)") ? -1 : actors.byName(from);
      author[i] = p.author() == null ? -1 : actors.byName(p.author());
      if (!p.actionNames().isEmpty()) {
        Room room = rooms.of(p.part());
        for (String name : p.actionNames()) {
          // A name no account was seen with stays a named-only actor, still a member of the room.
          int who = actors.byName(name);
          if (who >= 0) {
            room.members().set(who);
            invited.computeIfAbsent(who, w -> new BitSet());
          }
        }
      }
    }
    Map<String, String> pdqs = new HashMap<>();
    Map<String, List<MediaMatch>> matches = new HashMap<>();
    for (MediaFacts f : media.seen.values()) {
      if (f.pdq() != null && f.quality() >= settings.minQuality()) {
        pdqs.put(f.sha256(), f.pdq());
      }
      List<MediaMatch> mm = media.matches(f.sha256());
      if (!mm.isEmpty()) {
        matches.put(f.sha256(), mm);
      }
    }
    Map<String, Integer> clusters = NearDuplicates.clusters(pdqs, settings.maxDistance());
    Map<String, RequestJudge.Finding> requests =
        RequestJudge.judge(
            kept,
            p -> p.id() == null ? null : CaseMaterial.key(rooms.of(p.part()), p.id()),
            p -> rooms.of(p.part()).key(),
            p -> rooms.of(p.part()).savedMessages(),
            p -> {
              for (String sha : p.media()) {
                if (matches.containsKey(sha)) {
                  return true;
                }
              }
              return false;
            },
            clusters::get);
    Map<String, Integer> owners = new HashMap<>();
    for (ExportIntake in : intakes) {
      if (in.owner() >= 0) {
        owners.put(in.export(), in.owner());
      }
    }
    return new CaseMaterial(
        rooms,
        actors,
        kept,
        forwardedFrom,
        author,
        media.seen,
        matches,
        clusters,
        owners,
        requests,
        invited);
  }

  private List<MediaItem> mediaItems(CaseMaterial m) {
    Map<String, List<MessageRef>> refs = new LinkedHashMap<>();
    Map<String, Long> counts = new HashMap<>();
    for (Post p : m.posts()) {
      for (String sha : p.media()) {
        List<MessageRef> l = refs.computeIfAbsent(sha, s -> new ArrayList<>());
        if (l.size() < MAX_REFS_PER_MEDIA) {
          l.add(m.ref(p));
        }
        counts.merge(sha, 1L, Long::sum);
      }
    }
    List<MediaItem> out = new ArrayList<>();
    for (Map.Entry<String, List<MessageRef>> e : refs.entrySet()) {
      MediaFacts f = m.media().get(e.getKey());
      out.add(
          new MediaItem(
              f.sha256(),
              f.md5(),
              f.pdq(),
              f.quality(),
              f.kind(),
              media.paths.get(f.sha256()),
              m.clusters().getOrDefault(f.sha256(), -1),
              m.matches().containsKey(f.sha256()),
              e.getValue(),
              counts.get(e.getKey()),
              media.signals(f.sha256())));
    }
    out.sort(
        Comparator.comparing((MediaItem i) -> !i.matched())
            .thenComparing(i -> i.messages().isEmpty() ? 0 : i.messages().get(0).dateUnix()));
    return out;
  }

  private List<TextFlag> textFlags(CaseMaterial m) {
    List<TextFlag> out = new ArrayList<>();
    for (Post p : m.posts()) {
      for (Post.FlagHit h : p.flags()) {
        if (out.size() >= MAX_FLAGS) {
          return out;
        }
        out.add(
            new TextFlag(m.ref(p), m.actorKey(p.sender()), h.category(), h.rule(), h.excerpt()));
      }
    }
    return out;
  }

  private List<CaseFinding> findings(CaseMaterial m, Context ctx) {
    List<CaseFinding> out = new ArrayList<>();
    for (PendingFinding f : findings) {
      Finding x = f.finding();
      MessageRef ref = f.part() == null ? null : m.ref(f.part(), x.messageId(), 0);
      out.add(new CaseFinding(x.kind(), x.code(), ref, x.detail()));
    }
    if (findingsLeftOut > 0) {
      out.add(
          new CaseFinding(
              "findings_left_out", "limit", null, findingsLeftOut + " more findings not listed"));
    }
    out.addAll(ctx.extraFindings());
    return out;
  }

  @Override
  public void close() {
    if (indexer != null) {
      // Not shutdownNow: an interrupt inside Lucene's file I/O closes the index's channels.
      indexer.shutdown();
      try {
        indexer.awaitTermination(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Remembers what was looked up, so media items can be listed without a second pass. */
  private static final class RecordingCatalog implements MediaCatalog {
    private final MediaCatalog inner;
    final Map<String, MediaFacts> seen = new ConcurrentHashMap<>();
    final Map<String, String> paths = new ConcurrentHashMap<>();
    private final Map<String, List<MediaMatch>> matches = new ConcurrentHashMap<>();

    RecordingCatalog(MediaCatalog inner) {
      this.inner = inner;
    }

    @Override
    public MediaFacts lookup(String export, String relativePath) {
      MediaFacts f = inner.lookup(export, relativePath);
      if (f != null) {
        seen.putIfAbsent(f.sha256(), f);
        paths.putIfAbsent(f.sha256(), export + "/" + relativePath);
      }
      return f;
    }

    @Override
    public List<MediaMatch> matches(String sha256) {
      return matches.computeIfAbsent(sha256, inner::matches);
    }

    @Override
    public org.haetae.analysis.media.ImageSignals signals(String sha256) {
      return inner.signals(sha256);
    }
  }
}
