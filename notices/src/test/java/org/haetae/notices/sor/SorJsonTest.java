package org.haetae.notices.sor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.haetae.notices.ReferenceNotes;
import org.junit.jupiter.api.Test;

class SorJsonTest {

  /** A platform removing a sexual deepfake after an Article 16 notice from a support centre. */
  static StatementOfReasons deepfakeRemoval() {
    return StatementOfReasons.builder()
        .decisionVisibility(DecisionVisibility.DECISION_VISIBILITY_CONTENT_REMOVED)
        .decisionAccount(DecisionAccount.DECISION_ACCOUNT_SUSPENDED)
        .accountType(AccountType.ACCOUNT_TYPE_PRIVATE)
        .decisionGround(DecisionGround.DECISION_GROUND_ILLEGAL_CONTENT)
        .illegalContentLegalGround("Sexual deepfake of a real person (national criminal law)")
        .illegalContentExplanation("Sexually explicit synthetic image made without her consent.")
        .contentType(ContentType.CONTENT_TYPE_IMAGE, ContentType.CONTENT_TYPE_SYNTHETIC_MEDIA)
        .category(Category.STATEMENT_CATEGORY_CYBER_VIOLENCE)
        .categoryAddition(List.of(Category.STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN))
        .categorySpecification(
            Keyword.KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE,
            Keyword.KEYWORD_NON_CONSENSUAL_IMAGE_SHARING)
        .sourceType(SourceType.SOURCE_ARTICLE_16)
        .sourceIdentity("Digital Sex Crime Victim Support Center")
        .automatedDetection(true)
        .automatedDecision(AutomatedDecision.AUTOMATED_DECISION_PARTIALLY)
        .decisionFacts("Notice with PDQ hash; a moderator confirmed the match.")
        .applicationDate(LocalDate.of(2025, 6, 3))
        .endDate(LocalDate.of(2026, 6, 3))
        .territorialScope("EU", "NO")
        .contentDate(LocalDate.of(2025, 3, 2))
        .puid("post-8812-img-3")
        .url("https://example-host.eu/view/8812?img=3")
        .build();
  }

  /** The other branch: terms of service, with every "other" field filled. */
  static StatementOfReasons termsOfService() {
    return StatementOfReasons.builder()
        .decisionVisibility(
            DecisionVisibility.DECISION_VISIBILITY_CONTENT_DISABLED,
            DecisionVisibility.DECISION_VISIBILITY_OTHER)
        .decisionVisibilityOther("Blocked re-uploads by hash")
        .decisionMonetary(DecisionMonetary.DECISION_MONETARY_OTHER)
        .decisionMonetaryOther("Tips disabled")
        .decisionProvision(DecisionProvision.DECISION_PROVISION_PARTIAL_SUSPENSION)
        .decisionGround(DecisionGround.DECISION_GROUND_INCOMPATIBLE_CONTENT)
        .incompatibleContentGround("Community rules 4.2: synthetic intimate imagery")
        .incompatibleContentExplanation("Synthetic nude of an identifiable person.")
        .incompatibleContentIllegal(true)
        .contentType(ContentType.CONTENT_TYPE_OTHER)
        .contentTypeOther("Sticker pack")
        .category(Category.STATEMENT_CATEGORY_PROTECTION_OF_MINORS)
        .categorySpecification(
            Keyword.KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL_DEEPFAKE, Keyword.KEYWORD_OTHER)
        .categorySpecificationOther("Sticker made from a school photo")
        .sourceType(SourceType.SOURCE_TRUSTED_FLAGGER)
        .automatedDetection(false)
        .automatedDecision(AutomatedDecision.AUTOMATED_DECISION_NOT_AUTOMATED)
        .decisionFacts("Trusted flagger notice, reviewed by a person.")
        .applicationDate(LocalDate.of(2025, 6, 3))
        .contentDate(LocalDate.of(2025, 6, 1))
        .puid("sticker-77")
        .build();
  }

  static byte[] write(StatementOfReasons sor) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SorJson.write(sor, out);
    return out.toByteArray();
  }

  static StatementOfReasons read(String json) throws Exception {
    return SorJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  /** The top-level fields of a JSON object and their values (lists as lists of strings). */
  static Map<String, Object> fields(byte[] json) throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    try (JsonParser p = new JsonFactory().createParser(json)) {
      assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        if (p.nextToken() == JsonToken.START_ARRAY) {
          List<String> list = new ArrayList<>();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            list.add(p.getText());
          }
          out.put(name, list);
        } else {
          assertThat(p.currentToken()).isEqualTo(JsonToken.VALUE_STRING);
          out.put(name, p.getText());
        }
      }
    }
    return out;
  }

  @Test
  void roundTripsBothDecisionGrounds() throws Exception {
    for (StatementOfReasons sor : List.of(deepfakeRemoval(), termsOfService())) {
      assertThat(sor.validate()).isEmpty();
      assertThat(SorJson.read(new ByteArrayInputStream(write(sor)))).isEqualTo(sor);
    }
  }

  @Test
  void writesTheSchemasFieldNamesAndValues() throws Exception {
    Map<String, Object> f = fields(write(deepfakeRemoval()));
    assertThat(f.get("decision_visibility"))
        .isEqualTo(List.of("DECISION_VISIBILITY_CONTENT_REMOVED"));
    assertThat(f.get("decision_ground")).isEqualTo("DECISION_GROUND_ILLEGAL_CONTENT");
    assertThat(f.get("category")).isEqualTo("STATEMENT_CATEGORY_CYBER_VIOLENCE");
    assertThat(f.get("category_specification"))
        .isEqualTo(
            List.of(
                "KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE",
                "KEYWORD_NON_CONSENSUAL_IMAGE_SHARING"));
    assertThat(f.get("automated_detection")).isEqualTo("Yes");
    assertThat(f.get("automated_decision")).isEqualTo("AUTOMATED_DECISION_PARTIALLY");
    assertThat(f.get("application_date")).isEqualTo("2025-06-03");
    assertThat(f.get("territorial_scope")).isEqualTo(List.of("EU", "NO"));
    assertThat(f).doesNotContainKeys("incompatible_content_ground", "decision_monetary");
    assertThat(fields(write(termsOfService())).get("incompatible_content_illegal"))
        .isEqualTo("Yes");
    // every field the module knows is written by one of the two statements, in FIELDS order
    Set<String> written = new LinkedHashSet<>(f.keySet());
    written.addAll(fields(write(termsOfService())).keySet());
    assertThat(written).containsExactlyInAnyOrderElementsOf(SorJson.FIELDS);
    assertThat(new ArrayList<>(f.keySet())).isSubsetOf(SorJson.FIELDS);
  }

  @Test
  void everyFieldAndValueNoticesListsIsKnown() {
    String section =
        ReferenceNotes.section(
            ReferenceNotes.notices(), "DSA Transparency Database: statement-of-reasons fields");
    Set<String> fieldNames = new LinkedHashSet<>();
    Matcher m = Pattern.compile("`([a-z_]+)`").matcher(section);
    while (m.find()) {
      fieldNames.add(m.group(1));
    }
    assertThat(fieldNames).contains("decision_visibility", "category_specification", "url");
    assertThat(SorJson.FIELDS).containsAll(fieldNames);

    // Values: full names, and "_X" shorthands meaning the previous value's first two words + _X.
    List<String> values = new ArrayList<>();
    Matcher v = Pattern.compile("(?<![A-Za-z0-9_])(_?[A-Z][A-Z0-9_]{3,})").matcher(section);
    String prefix = null;
    while (v.find()) {
      String token = v.group(1);
      if (token.startsWith("_")) {
        values.add(prefix + token);
      } else if (token.contains("_")) {
        String[] words = token.split("_");
        prefix = words[0] + "_" + words[1];
        values.add(token);
      }
    }
    assertThat(values)
        .contains(
            "DECISION_VISIBILITY_CONTENT_LABELLED",
            "CONTENT_TYPE_SYNTHETIC_MEDIA",
            "KEYWORD_NON_CONSENSUAL_ITEMS_DEEPFAKE");
    for (String value : values) {
      assertThat(known(value)).as("value %s from NOTICES.md", value).isTrue();
    }
  }

  private static boolean known(String value) {
    if (value.startsWith("STATEMENT_CATEGORY_")) {
      return Category.parse(value).isPresent();
    }
    if (value.startsWith("KEYWORD_")) {
      return Keyword.parse(value).isPresent();
    }
    for (Class<? extends Enum<?>> type :
        List.of(
            DecisionVisibility.class,
            DecisionMonetary.class,
            DecisionProvision.class,
            DecisionAccount.class,
            AccountType.class,
            DecisionGround.class,
            ContentType.class,
            SourceType.class,
            AutomatedDecision.class)) {
      for (Enum<?> e : type.getEnumConstants()) {
        if (e.name().equals(value)) {
          return true;
        }
      }
    }
    return false;
  }

  @Test
  void readsSchemaV1NamesAsTheirV2Successors() throws Exception {
    String v1 =
        """
        {
          "uuid": "7d0e1a3c-0000-4000-8000-000000000000",
          "platform_name": "Example Host",
          "decision_visibility": "DECISION_VISIBILITY_CONTENT_REMOVED",
          "decision_ground": "DECISION_GROUND_ILLEGAL_CONTENT",
          "illegal_content_legal_ground": "Criminal code",
          "illegal_content_explanation": "Non-consensual deepfake",
          "content_type": ["CONTENT_TYPE_IMAGE"],
          "category": "STATEMENT_CATEGORY_NON_CONSENSUAL_BEHAVIOUR",
          "category_specification": ["KEYWORD_NON_CONSENSUAL_ITEMS_DEEPFAKE"],
          "source_type": "SOURCE_ARTICLE_16",
          "source": "ignored v1 field",
          "automated_detection": "No",
          "automated_decision": "AUTOMATED_DECISION_NOT_AUTOMATED",
          "decision_facts": "Notice reviewed.",
          "territorial_scope": "[\\"DE\\",\\"FR\\"]",
          "application_date": "2023-10-01 00:00:00",
          "content_date": "2023-09-30T12:00:00",
          "end_date": null,
          "puid": "abc-1",
          "created_at": "2023-10-01 10:00:00"
        }
        """;
    StatementOfReasons sor = read(v1);
    assertThat(sor.category()).isEqualTo(Category.STATEMENT_CATEGORY_CYBER_VIOLENCE);
    assertThat(sor.categorySpecification())
        .containsExactly(Keyword.KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE);
    assertThat(sor.decisionVisibility())
        .containsExactly(DecisionVisibility.DECISION_VISIBILITY_CONTENT_REMOVED);
    assertThat(sor.territorialScope()).containsExactly("DE", "FR");
    assertThat(sor.applicationDate()).isEqualTo(LocalDate.of(2023, 10, 1));
    assertThat(sor.contentDate()).isEqualTo(LocalDate.of(2023, 9, 30));
    assertThat(sor.automatedDetection()).isFalse();
    assertThat(sor.endDate()).isNull();
    // written back in v2 names
    Map<String, Object> f = fields(write(sor));
    assertThat(f.get("category")).isEqualTo("STATEMENT_CATEGORY_CYBER_VIOLENCE");
    assertThat(f.get("category_specification"))
        .isEqualTo(List.of("KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE"));
  }

  @Test
  void aRetiredV1ValueIsReadButNeverWritten() throws Exception {
    String json =
        new String(write(deepfakeRemoval()), StandardCharsets.UTF_8)
            .replace(
                "\"STATEMENT_CATEGORY_CYBER_VIOLENCE\"",
                "\"STATEMENT_CATEGORY_PORNOGRAPHY_OR_SEXUALIZED_CONTENT\"");
    StatementOfReasons sor = read(json);
    assertThat(sor.category().retired()).isTrue();
    assertThatThrownBy(() -> write(sor))
        .isInstanceOf(InvalidStatementException.class)
        .hasMessageContaining("category: STATEMENT_CATEGORY_PORNOGRAPHY_OR_SEXUALIZED_CONTENT");
  }

  @Test
  void anUnknownValueIsRefusedNamingTheField() throws Exception {
    String good = new String(write(deepfakeRemoval()), StandardCharsets.UTF_8);
    Map<String, String> swaps =
        Map.of(
            "DECISION_VISIBILITY_CONTENT_REMOVED", "decision_visibility",
            "STATEMENT_CATEGORY_CYBER_VIOLENCE", "category",
            "KEYWORD_NON_CONSENSUAL_IMAGE_SHARING", "category_specification",
            "SOURCE_ARTICLE_16", "source_type",
            "AUTOMATED_DECISION_PARTIALLY", "automated_decision",
            "CONTENT_TYPE_IMAGE", "content_type",
            "NO", "territorial_scope");
    for (var swap : swaps.entrySet()) {
      String value = "\"" + swap.getKey() + "\"";
      assertThat(good).contains(value);
      String bad = good.replace(value, "\"" + swap.getKey() + "X\"");
      assertThatThrownBy(() -> read(bad))
          .as(swap.getValue())
          .isInstanceOf(InvalidStatementException.class)
          .satisfies(
              e ->
                  assertThat(((InvalidStatementException) e).problems())
                      .singleElement()
                      .asString()
                      .startsWith(swap.getValue() + ": unknown value \"" + swap.getKey() + "X\""));
    }
    assertThatThrownBy(() -> read(good.replace("\"Yes\"", "\"Maybe\"")))
        .hasMessageContaining("automated_detection: unknown value \"Maybe\" (expected Yes or No)");
    assertThatThrownBy(() -> read(good.replace("DECISION_GROUND_ILLEGAL_CONTENT", "LEGAL")))
        .hasMessageContaining("decision_ground: unknown value \"LEGAL\" (expected one of")
        .hasMessageContaining("DECISION_GROUND_INCOMPATIBLE_CONTENT");
    assertThatThrownBy(() -> read(good.replace("2025-06-03", "3 June 2025")))
        .hasMessageContaining("application_date: not a date");
  }

  @Test
  void missingRequiredFieldsAreNamed() throws Exception {
    assertThatThrownBy(() -> read("{}"))
        .isInstanceOf(InvalidStatementException.class)
        .satisfies(
            e ->
                assertThat(((InvalidStatementException) e).problems())
                    .extracting(p -> p.substring(0, p.indexOf(':')))
                    .containsExactly(
                        "decision_visibility",
                        "decision_ground",
                        "content_type",
                        "category",
                        "source_type",
                        "automated_detection",
                        "automated_decision",
                        "decision_facts",
                        "application_date",
                        "content_date",
                        "puid"));
    assertThatThrownBy(() -> read("[]")).hasMessageContaining("expected a JSON object");
  }

  @Test
  void conditionalFieldsFollowTheirDecision() throws Exception {
    StatementOfReasons noExplanation =
        deepfakeRemoval().toBuilder().illegalContentExplanation(null).build();
    assertThat(noExplanation.validate())
        .containsExactly(
            "illegal_content_explanation: required with DECISION_GROUND_ILLEGAL_CONTENT");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThatThrownBy(() -> SorJson.write(noExplanation, out))
        .isInstanceOf(InvalidStatementException.class)
        .hasMessageContaining("illegal_content_explanation");
    assertThat(out.size()).isZero();

    StatementOfReasons mixed =
        deepfakeRemoval().toBuilder().incompatibleContentGround("rule 4").build();
    assertThat(mixed.validate())
        .containsExactly(
            "incompatible_content_ground: not allowed with DECISION_GROUND_ILLEGAL_CONTENT");
    StatementOfReasons others =
        termsOfService().toBuilder()
            .decisionVisibilityOther(null)
            .decisionMonetaryOther(" ")
            .contentTypeOther(null)
            .categorySpecificationOther(null)
            .incompatibleContentIllegal(null)
            .build();
    assertThat(others.validate())
        .extracting(p -> p.substring(0, p.indexOf(':')))
        .containsExactly(
            "decision_visibility_other",
            "decision_monetary_other",
            "incompatible_content_illegal",
            "content_type_other",
            "category_specification_other");
    StatementOfReasons dates =
        deepfakeRemoval().toBuilder()
            .endDate(LocalDate.of(2025, 6, 1))
            .contentDate(LocalDate.of(2025, 7, 1))
            .url("example-host.eu/x")
            .puid("x".repeat(501))
            .build();
    assertThat(dates.validate())
        .extracting(p -> p.substring(0, p.indexOf(':')))
        .containsExactly("end_date", "content_date", "puid", "url");
  }
}
