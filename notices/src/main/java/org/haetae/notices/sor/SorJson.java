package org.haetae.notices.sor;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A {@link StatementOfReasons} as the JSON object the DSA Transparency Database takes (schema v2):
 * field names and enumeration values exactly as the schema spells them, yes/no fields as {@code
 * "Yes"}/{@code "No"}, dates as {@code yyyy-MM-dd}. Streaming (Jackson core), no data binding.
 */
public final class SorJson {
  /** The fields written, in order. Absent optional values and empty lists are left out. */
  public static final List<String> FIELDS =
      List.of(
          "decision_visibility",
          "decision_visibility_other",
          "decision_monetary",
          "decision_monetary_other",
          "decision_provision",
          "decision_account",
          "account_type",
          "decision_ground",
          "illegal_content_legal_ground",
          "illegal_content_explanation",
          "incompatible_content_ground",
          "incompatible_content_explanation",
          "incompatible_content_illegal",
          "content_type",
          "content_type_other",
          "category",
          "category_addition",
          "category_specification",
          "category_specification_other",
          "source_type",
          "source_identity",
          "automated_detection",
          "automated_decision",
          "decision_facts",
          "application_date",
          "end_date",
          "territorial_scope",
          "content_date",
          "puid",
          "url");

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
          .build();

  private SorJson() {}

  /**
   * Writes {@code sor} as one JSON object (UTF-8, indented) to {@code out}, which stays open.
   *
   * @throws InvalidStatementException when {@link StatementOfReasons#validate()} finds problems;
   *     nothing is written then
   */
  public static void write(StatementOfReasons sor, OutputStream out) throws IOException {
    List<String> problems = sor.validate();
    if (!problems.isEmpty()) {
      throw new InvalidStatementException(problems);
    }
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      names(g, "decision_visibility", sor.decisionVisibility());
      string(g, "decision_visibility_other", sor.decisionVisibilityOther());
      string(g, "decision_monetary", sor.decisionMonetary());
      string(g, "decision_monetary_other", sor.decisionMonetaryOther());
      string(g, "decision_provision", sor.decisionProvision());
      string(g, "decision_account", sor.decisionAccount());
      string(g, "account_type", sor.accountType());
      string(g, "decision_ground", sor.decisionGround());
      string(g, "illegal_content_legal_ground", sor.illegalContentLegalGround());
      string(g, "illegal_content_explanation", sor.illegalContentExplanation());
      string(g, "incompatible_content_ground", sor.incompatibleContentGround());
      string(g, "incompatible_content_explanation", sor.incompatibleContentExplanation());
      string(g, "incompatible_content_illegal", yesNo(sor.incompatibleContentIllegal()));
      names(g, "content_type", sor.contentType());
      string(g, "content_type_other", sor.contentTypeOther());
      string(g, "category", sor.category());
      names(g, "category_addition", sor.categoryAddition());
      names(g, "category_specification", sor.categorySpecification());
      string(g, "category_specification_other", sor.categorySpecificationOther());
      string(g, "source_type", sor.sourceType());
      string(g, "source_identity", sor.sourceIdentity());
      string(g, "automated_detection", yesNo(sor.automatedDetection()));
      string(g, "automated_decision", sor.automatedDecision());
      string(g, "decision_facts", sor.decisionFacts());
      string(g, "application_date", sor.applicationDate());
      string(g, "end_date", sor.endDate());
      names(g, "territorial_scope", sor.territorialScope());
      string(g, "content_date", sor.contentDate());
      string(g, "puid", sor.puid());
      string(g, "url", sor.url());
      g.writeEndObject();
    }
  }

  private static String yesNo(Boolean b) {
    return b == null ? null : b ? "Yes" : "No";
  }

  private static void string(JsonGenerator g, String field, Object value) throws IOException {
    if (value != null) {
      g.writeStringField(field, value.toString());
    }
  }

  private static void names(JsonGenerator g, String field, List<?> values) throws IOException {
    if (values.isEmpty()) {
      return;
    }
    g.writeArrayFieldStart(field);
    for (Object v : values) {
      g.writeString(v.toString());
    }
    g.writeEndArray();
  }

  /**
   * Reads one statement of reasons from {@code in} (which stays open). Accepts what the database
   * and its exports hold: schema v1 names (renamed categories and keywords become their v2
   * successors, such as {@code STATEMENT_CATEGORY_NON_CONSENSUAL_BEHAVIOUR} and {@code
   * KEYWORD_NON_CONSENSUAL_ITEMS_DEEPFAKE}), a single string where v2 has a list, a list encoded as
   * a JSON string, booleans for yes/no fields, date-times for dates; fields it does not know
   * ({@code uuid}, {@code platform_name}, ...) are skipped.
   *
   * @throws InvalidStatementException naming every field with a missing, unknown or malformed value
   * @throws IOException when the input is not JSON
   */
  public static StatementOfReasons read(InputStream in) throws IOException {
    try (JsonParser p = FACTORY.createParser(in)) {
      return new Reader(p).read();
    }
  }

  private static final class Reader {
    private final JsonParser p;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> bad = new LinkedHashSet<>();
    private final StatementOfReasons.Builder b = StatementOfReasons.builder();

    Reader(JsonParser p) {
      this.p = p;
    }

    StatementOfReasons read() throws IOException {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new InvalidStatementException(List.of("(document): expected a JSON object"));
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        field(field);
      }
      StatementOfReasons sor = b.build();
      for (String problem : sor.validate(true)) {
        if (!bad.contains(problem.substring(0, problem.indexOf(':')))) {
          problems.add(problem);
        }
      }
      if (!problems.isEmpty()) {
        throw new InvalidStatementException(problems);
      }
      return sor;
    }

    private void field(String f) throws IOException {
      switch (f) {
        case "decision_visibility" ->
            b.decisionVisibility(list(f, Values.of(DecisionVisibility.class)));
        case "decision_visibility_other" -> b.decisionVisibilityOther(text(f));
        case "decision_monetary" -> b.decisionMonetary(one(f, Values.of(DecisionMonetary.class)));
        case "decision_monetary_other" -> b.decisionMonetaryOther(text(f));
        case "decision_provision" ->
            b.decisionProvision(one(f, Values.of(DecisionProvision.class)));
        case "decision_account" -> b.decisionAccount(one(f, Values.of(DecisionAccount.class)));
        case "account_type" -> b.accountType(one(f, Values.of(AccountType.class)));
        case "decision_ground" -> b.decisionGround(one(f, Values.of(DecisionGround.class)));
        case "illegal_content_legal_ground" -> b.illegalContentLegalGround(text(f));
        case "illegal_content_explanation" -> b.illegalContentExplanation(text(f));
        case "incompatible_content_ground" -> b.incompatibleContentGround(text(f));
        case "incompatible_content_explanation" -> b.incompatibleContentExplanation(text(f));
        case "incompatible_content_illegal" -> b.incompatibleContentIllegal(yesNo(f));
        case "content_type" -> b.contentType(list(f, Values.of(ContentType.class)));
        case "content_type_other" -> b.contentTypeOther(text(f));
        case "category" -> b.category(one(f, CATEGORIES));
        case "category_addition" -> b.categoryAddition(list(f, CATEGORIES));
        case "category_specification" -> b.categorySpecification(list(f, KEYWORDS));
        case "category_specification_other" -> b.categorySpecificationOther(text(f));
        case "source_type" -> b.sourceType(one(f, Values.of(SourceType.class)));
        case "source_identity" -> b.sourceIdentity(text(f));
        case "automated_detection" -> b.automatedDetection(yesNo(f));
        case "automated_decision" ->
            b.automatedDecision(one(f, Values.of(AutomatedDecision.class)));
        case "decision_facts" -> b.decisionFacts(text(f));
        case "application_date" -> b.applicationDate(date(f));
        case "end_date" -> b.endDate(date(f));
        case "territorial_scope" -> b.territorialScope(list(f, SCOPES));
        case "content_date" -> b.contentDate(date(f));
        case "puid" -> b.puid(text(f));
        case "url" -> b.url(text(f));
        default -> p.skipChildren();
      }
    }

    private void problem(String field, String message) {
      bad.add(field);
      problems.add(field + ": " + message);
    }

    /** A scalar as text; null for JSON null; a problem for arrays and objects. */
    private String text(String field) throws IOException {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_NULL) {
        return null;
      }
      if (t.isScalarValue()) {
        return p.getText();
      }
      p.skipChildren();
      problem(field, "expected a string");
      return null;
    }

    private <T> T one(String field, Values<T> values) throws IOException {
      String s = text(field);
      if (s == null || s.isBlank()) {
        return null;
      }
      Optional<T> v = values.parse().apply(s.strip());
      if (v.isEmpty()) {
        problem(field, "unknown value \"" + s + "\" (" + values.expected() + ")");
      }
      return v.orElse(null);
    }

    private <T> List<T> list(String field, Values<T> values) throws IOException {
      List<String> raw = new ArrayList<>();
      JsonToken t = p.currentToken();
      if (t == JsonToken.START_ARRAY) {
        while (p.nextToken() != JsonToken.END_ARRAY) {
          String s = text(field);
          if (s != null) {
            raw.add(s);
          }
        }
      } else {
        String s = text(field);
        if (s != null && s.strip().startsWith("[")) {
          // The database stores lists as JSON text, and some exports pass that text on.
          try (JsonParser inner = FACTORY.createParser(s)) {
            if (inner.nextToken() == JsonToken.START_ARRAY) {
              while (inner.nextToken() == JsonToken.VALUE_STRING) {
                raw.add(inner.getText());
              }
            }
          } catch (IOException e) {
            problem(field, "not a list");
          }
        } else if (s != null && !s.isBlank()) {
          raw.add(s);
        }
      }
      List<T> out = new ArrayList<>();
      List<String> unknown = new ArrayList<>();
      for (String s : raw) {
        Optional<T> v = values.parse().apply(s.strip());
        if (v.isPresent()) {
          if (!out.contains(v.get())) {
            out.add(v.get());
          }
        } else {
          unknown.add(s);
        }
      }
      if (!unknown.isEmpty()) {
        problem(
            field,
            "unknown value"
                + (unknown.size() > 1 ? "s " : " ")
                + unknown.stream().map(u -> "\"" + u + "\"").collect(Collectors.joining(", "))
                + " ("
                + values.expected()
                + ")");
      }
      return out;
    }

    private Boolean yesNo(String field) throws IOException {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
        return t == JsonToken.VALUE_TRUE;
      }
      String s = text(field);
      if (s == null) {
        return null;
      }
      return switch (s.strip()) {
        case "Yes" -> Boolean.TRUE;
        case "No" -> Boolean.FALSE;
        default -> {
          problem(field, "unknown value \"" + s + "\" (expected Yes or No)");
          yield null;
        }
      };
    }

    /** {@code yyyy-MM-dd}, or a date-time starting with it ({@code T}, space or {@code -H}). */
    private LocalDate date(String field) throws IOException {
      String s = text(field);
      if (s == null || s.isBlank()) {
        return null;
      }
      String d = s.strip();
      if (d.length() > 10 && " T-".indexOf(d.charAt(10)) >= 0) {
        d = d.substring(0, 10);
      }
      try {
        return LocalDate.parse(d);
      } catch (DateTimeParseException e) {
        problem(field, "not a date (yyyy-MM-dd): \"" + s + "\"");
        return null;
      }
    }
  }

  /** How to parse the values of one field, and what to say when one is unknown. */
  private record Values<T>(Function<String, Optional<T>> parse, String expected) {
    static <E extends Enum<E>> Values<E> of(Class<E> type) {
      List<E> all = Arrays.asList(type.getEnumConstants());
      return new Values<>(
          s -> all.stream().filter(e -> e.name().equals(s)).findFirst(),
          "expected one of " + all.stream().map(Enum::name).collect(Collectors.joining(", ")));
    }
  }

  private static final Values<Category> CATEGORIES =
      new Values<>(
          Category::parse, "expected a STATEMENT_CATEGORY_ value of schema v2 (or its v1 name)");
  private static final Values<Keyword> KEYWORDS =
      new Values<>(Keyword::parse, "expected a KEYWORD_ value of schema v2 (or its v1 name)");
  private static final Values<String> SCOPES =
      new Values<>(
          s -> TerritorialScope.valid(s) ? Optional.of(s) : Optional.empty(),
          "expected an EEA country code, EU, EEA or EEA_no_IS");
}
