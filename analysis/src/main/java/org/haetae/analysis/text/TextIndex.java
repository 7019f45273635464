package org.haetae.analysis.text;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Full-text index of a case's messages, searchable in Korean and English at once.
 *
 * <p>Each message is indexed twice: through Nori (Korean morphology, so 합성해 and 합성한 both find 합성)
 * and through the English analyser (stemming, so deepfakes finds deepfake). A query is parsed for
 * both and either may match. The text is stored so that hits come back with highlighted snippets;
 * the index lives inside the case folder, which is where evidence content belongs.
 */
public final class TextIndex implements Closeable {
  static final String KO = "ko";
  static final String EN = "en";
  private static final String KEY = "key";
  private static final String CHAT = "chat";
  private static final String MSG = "msg";
  private static final String FROM = "from";
  private static final String DATE = "date";

  private final Directory dir;
  private final Analyzer analyzer;

  private TextIndex(Directory dir) {
    this.dir = dir;
    this.analyzer =
        new PerFieldAnalyzerWrapper(
            new KoreanAnalyzer(), Map.of(KO, new KoreanAnalyzer(), EN, new EnglishAnalyzer()));
  }

  public static TextIndex at(Path folder) throws IOException {
    return new TextIndex(FSDirectory.open(folder));
  }

  /**
   * Starts the index afresh and takes documents as they come: for a whole case read once, where
   * replacing by key (as {@link #write} does) would cost a lookup per message. Documents may be
   * added from several threads; closing the writer commits.
   */
  public Writer rebuild() throws IOException {
    IndexWriterConfig c = new IndexWriterConfig(analyzer);
    c.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    c.setRAMBufferSizeMB(64);
    return new Writer(new IndexWriter(dir, c));
  }

  /** Adds documents to a fresh index; see {@link #rebuild}. */
  public static final class Writer implements Closeable {
    private final IndexWriter w;

    private Writer(IndexWriter w) {
      this.w = w;
    }

    public void add(TextDocument d) throws IOException {
      w.addDocument(document(d));
    }

    @Override
    public void close() throws IOException {
      w.commit();
      w.close();
    }
  }

  private static Document document(TextDocument d) {
    Document doc = new Document();
    doc.add(new StringField(KEY, d.chatId() + "/" + d.messageId(), Field.Store.NO));
    doc.add(new StoredField(CHAT, d.chatId()));
    doc.add(new StoredField(MSG, d.messageId()));
    doc.add(new StoredField(FROM, d.fromId()));
    doc.add(new StoredField(DATE, d.dateUnix()));
    doc.add(new LongPoint(DATE, d.dateUnix()));
    doc.add(new TextField(KO, d.text(), Field.Store.YES));
    doc.add(new TextField(EN, d.text(), Field.Store.YES));
    return doc;
  }

  /** Adds or replaces messages (keyed by chat and message id, so re-indexing is idempotent). */
  public void write(Iterable<TextDocument> docs) throws IOException {
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
      for (TextDocument d : docs) {
        w.updateDocument(new Term(KEY, d.chatId() + "/" + d.messageId()), document(d));
      }
      w.commit();
    }
  }

  /**
   * Searches with the usual query syntax (words, "phrases", AND/OR/NOT, wildcards*).
   *
   * @throws IllegalArgumentException when the query does not parse; the message says where
   */
  public List<TextHit> search(String query, int limit, Highlight marks) throws IOException {
    if (!DirectoryReader.indexExists(dir)) {
      return List.of();
    }
    Query q = parse(query);
    try (DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      TopDocs top = searcher.search(q, Math.max(1, limit));
      UnifiedHighlighter hl =
          UnifiedHighlighter.builder(searcher, analyzer)
              .withFormatter(
                  new DefaultPassageFormatter(
                      marks.before(), marks.after(), " … ", marks.escapeHtml()))
              .withMaxLength(100_000)
              .build();
      Map<String, String[]> snippets = hl.highlightFields(new String[] {KO, EN}, q, top);
      StoredFields stored = searcher.storedFields();
      List<TextHit> hits = new ArrayList<>();
      for (int i = 0; i < top.scoreDocs.length; i++) {
        ScoreDoc sd = top.scoreDocs[i];
        Document d = stored.document(sd.doc);
        String snippet = snippets.get(KO)[i];
        if (snippet == null || !snippet.contains(marks.before())) {
          String en = snippets.get(EN)[i];
          snippet = en != null ? en : snippet;
        }
        hits.add(
            new TextHit(
                d.get(CHAT),
                d.getField(MSG).numericValue().longValue(),
                d.get(FROM),
                d.getField(DATE).numericValue().longValue(),
                sd.score,
                snippet == null ? "" : snippet));
      }
      return hits;
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
    analyzer.close();
    dir.close();
  }
}
