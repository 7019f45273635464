package org.haetae.analysis.flags;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The editable list of words and patterns that flag a message for a person to review, and that the
 * request rule weighs. A flag is a pointer, never a verdict.
 *
 * <p>File format (UTF-8), one rule per line:
 *
 * <pre>
 * # comment
 * version: 2026.12-1     (before the first category) the lexicon's version, for the record
 * [category]             starts a category, e.g. [solicitation]
 * [euphemism_cue weight=0.5]   a category whose rules weigh 0.5 unless they say otherwise
 * term: 지인능욕          matches the words anywhere, ignoring case, width and spacing
 * term(0.7): 합성         the same, weighing 0.7
 * regex: 01[016789]-?\d{3,4}-?\d{4}   a Java regular expression
 * stem: 만들              a Korean word stem (as Nori analyses it) or an English word and its
 *                        inflections
 * </pre>
 *
 * <p>A lexicon records where its rules came from ({@link Source}: name, version, SHA-256 of the
 * file), so a report can say exactly which words were looked for. {@link #plus} adds a case lexicon
 * to it.
 */
public record Lexicon(List<Rule> rules, List<Source> sources) {

  /** How a rule matches. */
  public enum Kind {
    TERM,
    REGEX,
    STEM
  }

  /**
   * One rule of a category.
   *
   * @param pattern what matches the text (null for a stem)
   * @param weight how much the rule counts where the request rule weighs words (1 by default)
   */
  public record Rule(
      String category, String label, Kind kind, Pattern pattern, double weight, int line) {}

  /**
   * A lexicon file the rules came from.
   *
   * @param version the file's {@code version:} line, or "unversioned"
   * @param sha256 of the file's bytes as read
   */
  public record Source(String name, String version, String sha256, int rules) {
    /** As a report or the custody log shows it. */
    public String label() {
      return name + " " + version + " (sha256 " + sha256.substring(0, 12) + ")";
    }
  }

  public static final String BUILT_IN = "built-in";

  private static final Pattern CATEGORY =
      Pattern.compile("\\[\\s*([^\\]\\s]+)\\s*(?:weight\\s*=\\s*([0-9.]+))?\\s*]");
  private static final Pattern RULE_HEAD =
      Pattern.compile("([A-Za-z]+)\\s*(?:\\(\\s*([0-9.]+)\\s*\\))?");

  public Lexicon {
    rules = List.copyOf(rules);
    sources = List.copyOf(sources);
  }

  /** Rules without a record of their source (tests, tools). */
  public Lexicon(List<Rule> rules) {
    this(rules, List.of());
  }

  /** The lexicon shipped with Haetae (Korean and English). */
  public static Lexicon builtIn() {
    try (InputStream in = Lexicon.class.getResourceAsStream("default-lexicon.txt")) {
      if (in == null) {
        throw new IllegalStateException("built-in lexicon missing from the jar");
      }
      return parse(in.readAllBytes(), BUILT_IN);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @throws LexiconException naming the file and line of the first bad rule
   */
  public static Lexicon load(Path file) throws IOException {
    return parse(Files.readAllBytes(file), file.toString());
  }

  private static Lexicon parse(byte[] bytes, String source) throws IOException {
    Lexicon l = parse(new StringReader(new String(bytes, StandardCharsets.UTF_8)), source);
    String name = source.equals(BUILT_IN) ? BUILT_IN : Path.of(source).getFileName().toString();
    return new Lexicon(
        l.rules,
        List.of(new Source(name, l.sources.get(0).version(), sha256(bytes), l.rules.size())));
  }

  public static Lexicon parse(java.io.Reader reader, String source) throws IOException {
    List<Rule> rules = new ArrayList<>();
    String category = null;
    double categoryWeight = 1;
    String version = "unversioned";
    BufferedReader br = new BufferedReader(reader);
    int lineNo = 0;
    for (String line; (line = br.readLine()) != null; ) {
      lineNo++;
      String t = line.strip();
      if (lineNo == 1 && t.startsWith("\uFEFF")) {
        t = t.substring(1).strip();
      }
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      if (t.startsWith("[")) {
        Matcher c = CATEGORY.matcher(t);
        if (!c.matches()) {
          throw new LexiconException(
              source, lineNo, "a category is written [name] or [name weight=0.5]");
        }
        category = c.group(1);
        if (!category.matches("[a-z][a-z0-9_]*")) {
          throw new LexiconException(
              source, lineNo, "category names are lower-case letters, digits and _");
        }
        categoryWeight = c.group(2) == null ? 1 : weight(c.group(2), source, lineNo);
        continue;
      }
      int colon = t.indexOf(':');
      if (category == null) {
        if (colon > 0 && t.substring(0, colon).strip().equalsIgnoreCase("version")) {
          version = t.substring(colon + 1).strip();
          if (version.isEmpty()) {
            throw new LexiconException(source, lineNo, "empty version");
          }
          continue;
        }
        throw new LexiconException(source, lineNo, "rule before any [category]");
      }
      if (colon < 0) {
        throw new LexiconException(
            source, lineNo, "expected 'term: ...', 'regex: ...' or 'stem: ...'");
      }
      Matcher head = RULE_HEAD.matcher(t.substring(0, colon).strip());
      if (!head.matches()) {
        throw new LexiconException(source, lineNo, "expected 'term: ...', 'term(0.5): ...'");
      }
      String kind = head.group(1).toLowerCase(Locale.ROOT);
      double w = head.group(2) == null ? categoryWeight : weight(head.group(2), source, lineNo);
      String value = t.substring(colon + 1).strip();
      if (value.isEmpty()) {
        throw new LexiconException(source, lineNo, "empty " + kind);
      }
      Rule rule =
          switch (kind) {
            case "term" -> new Rule(category, value, Kind.TERM, termPattern(value), w, lineNo);
            case "regex" -> {
              try {
                yield new Rule(
                    category,
                    value,
                    Kind.REGEX,
                    Pattern.compile(value, Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE),
                    w,
                    lineNo);
              } catch (PatternSyntaxException e) {
                throw new LexiconException(
                    source, lineNo, "bad regex: " + e.getDescription() + " at " + e.getIndex());
              }
            }
            case "stem" -> {
              if (value.contains(" ")) {
                throw new LexiconException(source, lineNo, "a stem is one word");
              }
              yield new Rule(
                  category, normalise(value).toLowerCase(Locale.ROOT), Kind.STEM, null, w, lineNo);
            }
            default ->
                throw new LexiconException(
                    source, lineNo, "unknown rule kind '" + kind + "' (term, regex or stem)");
          };
      rules.add(rule);
    }
    return new Lexicon(rules, List.of(new Source(source, version, "", rules.size())));
  }

  private static double weight(String s, String source, int line) {
    try {
      double w = Double.parseDouble(s);
      if (w < 0 || w > 1) {
        throw new NumberFormatException();
      }
      return w;
    } catch (NumberFormatException e) {
      throw new LexiconException(source, line, "a weight is a number from 0 to 1");
    }
  }

  /**
   * This lexicon with a case lexicon's rules added: an investigator's words for one case, on top of
   * the built-in ones.
   */
  public Lexicon plus(Lexicon caseLexicon) {
    List<Rule> all = new ArrayList<>(rules);
    all.addAll(caseLexicon.rules);
    List<Source> from = new ArrayList<>(sources);
    from.addAll(caseLexicon.sources);
    return new Lexicon(all, from);
  }

  /** The rules of one category. */
  public List<Rule> category(String name) {
    return rules.stream().filter(r -> r.category().equals(name)).toList();
  }

  /** Text as rules see it: compatibility forms folded (full-width letters, etc.). */
  public static String normalise(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC);
  }

  /** A term matches with any amount of white space between its words (or none, in Korean). */
  private static Pattern termPattern(String term) {
    String[] words = normalise(term).split("\\s+");
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words.length; i++) {
      if (i > 0) {
        sb.append("\\s*");
      }
      sb.append(Pattern.quote(words[i]));
    }
    return Pattern.compile(sb.toString(), Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
