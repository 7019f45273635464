package org.haetae.analysis.text;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOUtils;

/**
 * Full-text index of a case's messages, searchable in Korean and English at once, and readable by
 * sender or by room.
 *
 * <p>Each message is indexed twice: through Nori (Korean morphology, so 합성해 and 합성한 both find 합성)
 * and through the English analyser (stemming, so deepfakes finds deepfake). A query is parsed for
 * both and either may match. The text is stored so that hits come back with highlighted snippets;
 * the index lives inside the case folder, which is where evidence content belongs. Chat and sender
 * are indexed as exact terms, and date and message id as doc values, so that a room's or an
 * account's messages can be listed oldest first, a page at a time.
 *
 * <p>One open index serves any number of threads: reads share one reader, which is refreshed only
 * after this object's own writes.
 */
public final class TextIndex implements Closeable {
  static final String KO = "ko";
  static final String EN = "en";
  private static final String KEY = "key";
  private static final String CHAT = "chat";
  private static final String MSG = "msg";
  private static final String FROM = "from";
  private static final String DATE = "date";
  private static final Set<String> STORED = Set.of(CHAT, MSG, FROM, DATE, KO);
  private static final Sort BY_DATE =
      new Sort(new SortField(DATE, SortField.Type.LONG), new SortField(MSG, SortField.Type.LONG));
  private static final Comparator<Match> MATCH_BY_DATE =
      Comparator.comparingLong(Match::date)
          .thenComparingLong(Match::msg)
          .thenComparingInt(Match::doc);
  private static final Comparator<Match> MATCH_BY_SCORE =
      Comparator.comparingDouble((Match m) -> -m.score()).thenComparingInt(Match::doc);

  private final Directory dir;
  private final Analyzer analyzer;
  private final boolean writable;
  private final Object refreshing = new Object();
  private volatile SearcherManager searchers; // null until there is an index to read
  private volatile boolean stale;

  /**
   * Some of the messages a read found, and how many it found in all.
   *
   * @param total every match, a message counted once however many chats of one room hold it
   */
  public record Page<T>(List<T> items, long total) {}

  /** The index was written by an older Haetae, which indexed too little to list messages. */
  public static final class OutdatedException extends IOException {
    private static final long serialVersionUID = 1L;

    OutdatedException(String message) {
      super(message);
    }
  }

  private TextIndex(Directory dir, boolean writable) {
    this.dir = dir;
    this.writable = writable;
    this.analyzer =
        new PerFieldAnalyzerWrapper(
            new KoreanAnalyzer(), Map.of(KO, new KoreanAnalyzer(), EN, new EnglishAnalyzer()));
  }

  /**
   * The index in {@code folder} (made if missing) for writing, and for reading what has been
   * written: reads see every write of this object once it has finished.
   */
  public static TextIndex at(Path folder) throws IOException {
    return new TextIndex(FSDirectory.open(folder), true);
  }

  /**
   * The index in {@code folder}, read-only, as it was committed when opened (see {@link
   * #isCurrent}).
   *
   * @throws IndexNotFoundException when there is no index there
   * @throws OutdatedException when an older Haetae wrote it
   */
  public static TextIndex open(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      throw new IndexNotFoundException("no text index in " + folder);
    }
    TextIndex t = new TextIndex(FSDirectory.open(folder), false);
    try {
      t.searchers = new SearcherManager(t.dir, CHECKED);
    } catch (IOException | RuntimeException e) {
      IOUtils.closeWhileHandlingException(t);
      throw e;
    }
    return t;
  }

  /**
   * Starts the index afresh and takes documents as they come: for a whole case read once, where
   * replacing by key (as {@link #write} does) would cost a lookup per message. Documents may be
   * added from several threads; closing the writer commits.
   */
  public Writer rebuild() throws IOException {
    checkWritable();
    IndexWriterConfig c = new IndexWriterConfig(analyzer);
    c.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    c.setRAMBufferSizeMB(64);
    return new Writer(new IndexWriter(dir, c), () -> stale = true);
  }

  /** Adds documents to a fresh index; see {@link #rebuild}. */
  public static final class Writer implements Closeable {
    private final IndexWriter w;
    private final Runnable committed;

    private Writer(IndexWriter w, Runnable committed) {
      this.w = w;
      this.committed = committed;
    }

    public void add(TextDocument d) throws IOException {
      w.addDocument(document(d));
    }

    @Override
    public void close() throws IOException {
      w.commit();
      w.close();
      committed.run();
    }
  }

  private static Document document(TextDocument d) {
    Document doc = new Document();
    doc.add(new StringField(KEY, key(d.chatId(), d.messageId()), Field.Store.NO));
    doc.add(new StringField(CHAT, d.chatId(), Field.Store.YES));
    doc.add(new SortedDocValuesField(CHAT, new BytesRef(d.chatId())));
    doc.add(new StoredField(MSG, d.messageId()));
    doc.add(new NumericDocValuesField(MSG, d.messageId()));
    doc.add(new StringField(FROM, d.fromId(), Field.Store.YES));
    doc.add(new StoredField(DATE, d.dateUnix()));
    doc.add(new LongPoint(DATE, d.dateUnix()));
    doc.add(new NumericDocValuesField(DATE, d.dateUnix()));
    doc.add(new TextField(KO, d.text(), Field.Store.YES));
    doc.add(new TextField(EN, d.text(), Field.Store.YES));
    return doc;
  }

  private static String key(String chatId, long messageId) {
    return chatId + "/" + messageId;
  }

  /** Adds or replaces messages (keyed by chat and message id, so re-indexing is idempotent). */
  public void write(Iterable<TextDocument> docs) throws IOException {
    checkWritable();
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
      for (TextDocument d : docs) {
        w.updateDocument(new Term(KEY, key(d.chatId(), d.messageId())), document(d));
      }
      w.commit();
    }
    stale = true;
  }

  private void checkWritable() {
    if (!writable) {
      throw new IllegalStateException("this text index was opened read-only");
    }
  }

  /**
   * Searches with the usual query syntax (words, "phrases", AND/OR/NOT, wildcards*), best first.
   *
   * @throws IllegalArgumentException when the query does not parse; the message says where
   */
  public List<TextHit> search(String query, int limit, Highlight marks) throws IOException {
    return search(query, 0, Math.max(1, limit), marks, UnaryOperator.identity()).items();
  }

  /**
   * Searches as {@link #search(String, int, Highlight)} does, a page at a time.
   *
   * @param roomOf the room each chat id belongs to: messages with one id in chats of one room are
   *     one message, found once ({@code UnaryOperator.identity()} when every chat is its own room)
   * @throws IllegalArgumentException when the query does not parse, or offset or limit is out of
   *     range
   */
  public Page<TextHit> search(
      String query, int offset, int limit, Highlight marks, UnaryOperator<String> roomOf)
      throws IOException {
    checkPage(offset, limit);
    Query q = parse(query);
    return read(
        s -> {
          Page<ScoreDoc> page = page(s, q, null, roomOf, offset, limit);
          if (page.items().isEmpty()) {
            return new Page<>(List.of(), page.total());
          }
          int[] docs = page.items().stream().mapToInt(d -> d.doc).toArray();
          UnifiedHighlighter hl =
              UnifiedHighlighter.builder(s, analyzer)
                  .withFormatter(
                      new DefaultPassageFormatter(
                          marks.before(), marks.after(), " … ", marks.escapeHtml()))
                  .withMaxLength(100_000)
                  .build();
          Map<String, String[]> snippets =
              hl.highlightFields(new String[] {KO, EN}, q, docs, new int[] {1, 1});
          StoredFields stored = s.storedFields();
          List<TextHit> hits = new ArrayList<>();
          for (int i = 0; i < docs.length; i++) {
            TextMessage m = message(stored.document(docs[i], STORED));
            String snippet = snippets.get(KO)[i];
            if (snippet == null || !snippet.contains(marks.before())) {
              String en = snippets.get(EN)[i];
              snippet = en != null ? en : snippet;
            }
            hits.add(
                new TextHit(
                    m.chatId(),
                    m.messageId(),
                    m.fromId(),
                    m.dateUnix(),
                    page.items().get(i).score,
                    snippet == null ? "" : snippet));
          }
          return new Page<>(hits, page.total());
        },
        new Page<>(List.of(), 0));
  }

  /**
   * What one account wrote, oldest first (then by message id).
   *
   * @param roomOf as for {@link #search(String, int, int, Highlight, UnaryOperator)}
   */
  public Page<TextMessage> fromSender(
      String fromId, int offset, int limit, UnaryOperator<String> roomOf) throws IOException {
    return listed(new TermQuery(new Term(FROM, fromId)), roomOf, offset, limit);
  }

  /**
   * The messages of one room, oldest first (then by message id). The room is the given chats
   * together, as several exports hold it: a message id that more than one of them holds is listed
   * once.
   */
  public Page<TextMessage> inChats(Collection<String> chatIds, int offset, int limit)
      throws IOException {
    Set<String> chats = Set.copyOf(chatIds);
    Query q = new TermInSetQuery(CHAT, chats.stream().map(BytesRef::new).toList());
    return listed(q, chat -> chats.contains(chat) ? "" : chat, offset, limit);
  }

  /** The messages named, those the index holds, oldest first; the rest are left out. */
  public List<TextMessage> find(Collection<TextMessage.Id> ids) throws IOException {
    if (ids.isEmpty()) {
      return List.of();
    }
    Query q =
        new TermInSetQuery(
            KEY, ids.stream().map(i -> new BytesRef(key(i.chatId(), i.messageId()))).toList());
    return read(
        s -> {
          List<Match> found = matches(s, q, false, UnaryOperator.identity());
          found.sort(MATCH_BY_DATE);
          StoredFields stored = s.storedFields();
          List<TextMessage> out = new ArrayList<>();
          for (Match m : found) {
            out.add(message(stored.document(m.doc(), STORED)));
          }
          return out;
        },
        List.of());
  }

  /**
   * Whether reads still see the latest commit on disk; false once another writer (a new scan) has
   * changed the index, or when it can no longer be read.
   */
  public boolean isCurrent() {
    try {
      SearcherManager m = searchers();
      if (m == null) {
        return !DirectoryReader.indexExists(dir);
      }
      IndexSearcher s = m.acquire();
      try {
        return ((DirectoryReader) s.getIndexReader()).isCurrent();
      } finally {
        m.release(s);
      }
    } catch (IOException e) {
      return false;
    }
  }

  private Page<TextMessage> listed(Query q, UnaryOperator<String> roomOf, int offset, int limit)
      throws IOException {
    checkPage(offset, limit);
    return read(
        s -> {
          Page<ScoreDoc> page = page(s, q, BY_DATE, roomOf, offset, limit);
          StoredFields stored = s.storedFields();
          List<TextMessage> out = new ArrayList<>();
          for (ScoreDoc d : page.items()) {
            out.add(message(stored.document(d.doc, STORED)));
          }
          return new Page<>(out, page.total());
        },
        new Page<>(List.of(), 0));
  }

  private static void checkPage(int offset, int limit) {
    if (offset < 0) {
      throw new IllegalArgumentException("the offset must not be negative");
    }
    if (limit < 1) {
      throw new IllegalArgumentException("the limit must be at least 1");
    }
  }

  private static TextMessage message(Document d) {
    return new TextMessage(
        d.get(CHAT),
        d.getField(MSG).numericValue().longValue(),
        d.get(FROM),
        d.getField(DATE).numericValue().longValue(),
        d.get(KO));
  }

  /**
   * One page of the matches of {@code q}, by {@code sort} or by score when it is null. When no two
   * chats of the index share a room, Lucene pages and counts; otherwise every match is gathered so
   * that each message counts once.
   */
  private static Page<ScoreDoc> page(
      IndexSearcher s, Query q, Sort sort, UnaryOperator<String> roomOf, int offset, int limit)
      throws IOException {
    if (!sharesRooms(s, roomOf)) {
      int n = (int) Math.min((long) offset + limit, Math.max(1, s.getIndexReader().maxDoc()));
      TopDocs top =
          sort == null
              ? s.search(q, new TopScoreDocCollectorManager(n, Integer.MAX_VALUE))
              : s.search(q, new TopFieldCollectorManager(sort, n, Integer.MAX_VALUE));
      List<ScoreDoc> docs = List.of(top.scoreDocs);
      return new Page<>(
          docs.subList(Math.min(offset, docs.size()), docs.size()), top.totalHits.value());
    }
    List<Match> all = matches(s, q, sort == null, roomOf);
    all.sort(sort == null ? MATCH_BY_SCORE : MATCH_BY_DATE);
    Set<Same> seen = new HashSet<>();
    List<ScoreDoc> items = new ArrayList<>();
    long total = 0;
    for (Match m : all) {
      if (seen.add(new Same(m.room(), m.msg()))) {
        if (total >= offset && items.size() < limit) {
          items.add(new ScoreDoc(m.doc(), m.score()));
        }
        total++;
      }
    }
    return new Page<>(items, total);
  }

  /** Whether two chat ids of the index name one room, so that a message may be held twice. */
  private static boolean sharesRooms(IndexSearcher s, UnaryOperator<String> roomOf)
      throws IOException {
    Set<String> chats = new HashSet<>();
    Set<String> rooms = new HashSet<>();
    for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
      Terms terms = leaf.reader().terms(CHAT);
      if (terms == null) {
        continue;
      }
      TermsEnum e = terms.iterator();
      for (BytesRef b = e.next(); b != null; b = e.next()) {
        String chat = b.utf8ToString();
        if (chats.add(chat) && !rooms.add(roomOf.apply(chat))) {
          return true;
        }
      }
    }
    return false;
  }

  private record Match(int doc, float score, long date, long msg, String room) {}

  private record Same(String room, long msg) {}

  /** Every match of {@code q}, with what paging and counting once need. */
  private static List<Match> matches(
      IndexSearcher s, Query q, boolean scores, UnaryOperator<String> roomOf) throws IOException {
    return s.search(
        q,
        new CollectorManager<MatchCollector, List<Match>>() {
          @Override
          public MatchCollector newCollector() {
            return new MatchCollector(scores, roomOf);
          }

          @Override
          public List<Match> reduce(Collection<MatchCollector> collectors) {
            List<Match> out = new ArrayList<>();
            collectors.forEach(c -> out.addAll(c.out));
            return out;
          }
        });
  }

  private static final class MatchCollector implements Collector {
    private final boolean scores;
    private final UnaryOperator<String> roomOf;
    private final List<Match> out = new ArrayList<>();

    MatchCollector(boolean scores, UnaryOperator<String> roomOf) {
      this.scores = scores;
      this.roomOf = roomOf;
    }

    @Override
    public ScoreMode scoreMode() {
      return scores ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext leaf) throws IOException {
      SortedDocValues chat = DocValues.getSorted(leaf.reader(), CHAT);
      NumericDocValues date = DocValues.getNumeric(leaf.reader(), DATE);
      NumericDocValues msg = DocValues.getNumeric(leaf.reader(), MSG);
      String[] rooms = new String[chat.getValueCount()];
      for (int ord = 0; ord < rooms.length; ord++) {
        rooms[ord] = roomOf.apply(chat.lookupOrd(ord).utf8ToString());
      }
      return new LeafCollector() {
        private Scorable scorer;

        @Override
        public void setScorer(Scorable scorer) {
          this.scorer = scorer;
        }

        @Override
        public void collect(int doc) throws IOException {
          out.add(
              new Match(
                  leaf.docBase + doc,
                  scores ? scorer.score() : 0f,
                  date.advanceExact(doc) ? date.longValue() : 0,
                  msg.advanceExact(doc) ? msg.longValue() : 0,
                  chat.advanceExact(doc) ? rooms[chat.ordValue()] : ""));
        }
      };
    }
  }

  /** Opens searchers, refusing an index an older Haetae wrote. */
  private static final SearcherFactory CHECKED =
      new SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previous)
            throws IOException {
          FieldInfo chat = FieldInfos.getMergedFieldInfos(reader).fieldInfo(CHAT);
          if (chat != null && chat.getDocValuesType() != DocValuesType.SORTED) {
            throw new OutdatedException(
                "the text index was written by an older version of Haetae; scan the case again");
          }
          return super.newSearcher(reader, previous);
        }
      };

  private interface Read<T> {
    T apply(IndexSearcher s) throws IOException;
  }

  /** Runs {@code r} on the current searcher, or answers {@code none} when there is no index. */
  private <T> T read(Read<T> r, T none) throws IOException {
    SearcherManager m = searchers();
    if (m == null) {
      return none;
    }
    IndexSearcher s = m.acquire();
    try {
      return r.apply(s);
    } finally {
      m.release(s);
    }
  }

  private SearcherManager searchers() throws IOException {
    SearcherManager m = searchers;
    if (m != null && !stale) {
      return m;
    }
    synchronized (refreshing) {
      if (searchers == null) {
        if (!DirectoryReader.indexExists(dir)) {
          return null;
        }
        stale = false;
        searchers = new SearcherManager(dir, CHECKED);
      } else if (stale) {
        stale = false;
        searchers.maybeRefreshBlocking();
      }
      return searchers;
    }
  }

  private Query parse(String query) {
    if (query == null || query.isBlank()) {
      throw new IllegalArgumentException("empty query");
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String field : List.of(KO, EN)) {
      QueryParser p = new QueryParser(field, analyzer);
      p.setDefaultOperator(QueryParser.Operator.AND);
      try {
        b.add(p.parse(query), BooleanClause.Occur.SHOULD);
      } catch (ParseException e) {
        throw new IllegalArgumentException("cannot parse query: " + firstLine(e.getMessage()), e);
      }
    }
    return b.build();
  }

  private static String firstLine(String s) {
    int nl = s == null ? -1 : s.indexOf('\n');
    return nl < 0 ? String.valueOf(s) : s.substring(0, nl);
  }

  @Override
  public void close() throws IOException {
    IOUtils.close(searchers, analyzer, dir);
  }
}
