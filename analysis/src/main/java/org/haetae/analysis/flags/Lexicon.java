package org.haetae.analysis.flags;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The editable list of words and patterns that flag a message for a person to review. A flag is a
 * pointer, never a verdict.
 *
 * <p>File format (UTF-8), one rule per line:
 *
 * <pre>
 * # comment
 * [category]            starts a category, e.g. [solicitation]
 * term: 지인능욕         matches the words anywhere, ignoring case, width and spacing
 * regex: 01[016789]-?\d{3,4}-?\d{4}   a Java regular expression
 * </pre>
 */
public record Lexicon(List<Rule> rules) {

  /** One term or pattern of a category. */
  public record Rule(String category, String label, Pattern pattern, int line) {}

  public Lexicon {
    rules = List.copyOf(rules);
  }

  /** The lexicon shipped with Haetae (Korean and English). */
  public static Lexicon builtIn() {
    try (InputStream in = Lexicon.class.getResourceAsStream("default-lexicon.txt")) {
      if (in == null) {
        throw new IllegalStateException("built-in lexicon missing from the jar");
      }
      return parse(new InputStreamReader(in, StandardCharsets.UTF_8), "built-in lexicon");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @throws LexiconException naming the file and line of the first bad rule
   */
  public static Lexicon load(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(r, file.toString());
    }
  }

  public static Lexicon parse(Reader reader, String source) throws IOException {
    List<Rule> rules = new ArrayList<>();
    String category = null;
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
        if (!t.endsWith("]") || t.length() < 3) {
          throw new LexiconException(source, lineNo, "a category is written [name]");
        }
        category = t.substring(1, t.length() - 1).strip();
        if (!category.matches("[a-z][a-z0-9_]*")) {
          throw new LexiconException(
              source, lineNo, "category names are lower-case letters, digits and _");
        }
        continue;
      }
      if (category == null) {
        throw new LexiconException(source, lineNo, "rule before any [category]");
      }
      int colon = t.indexOf(':');
      if (colon < 0) {
        throw new LexiconException(source, lineNo, "expected 'term: ...' or 'regex: ...'");
      }
      String kind = t.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = t.substring(colon + 1).strip();
      if (value.isEmpty()) {
        throw new LexiconException(source, lineNo, "empty " + kind);
      }
      Pattern p =
          switch (kind) {
            case "term" -> termPattern(value);
            case "regex" -> {
              try {
                yield Pattern.compile(value, Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE);
              } catch (PatternSyntaxException e) {
                throw new LexiconException(
                    source, lineNo, "bad regex: " + e.getDescription() + " at " + e.getIndex());
              }
            }
            default ->
                throw new LexiconException(
                    source, lineNo, "unknown rule kind '" + kind + "' (term or regex)");
          };
      rules.add(new Rule(category, value, p, lineNo));
    }
    return new Lexicon(rules);
  }

  /** Text as rules see it: compatibility forms folded (full-width letters, etc.). */
  static String normalise(String text) {
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
}
