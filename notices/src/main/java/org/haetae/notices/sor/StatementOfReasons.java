package org.haetae.notices.sor;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A platform's statement of reasons (DSA Article 17), with the fields of the DSA Transparency
 * Database (schema v2) that Article 24(5) submissions use. Each component is named after its JSON
 * field ({@code decisionVisibility} is {@code decision_visibility}). Absent values are null (lists:
 * empty); blank strings become null. {@link #validate()} checks required fields and the conditional
 * ones; {@link SorJson} writes and reads the JSON.
 */
public record StatementOfReasons(
    List<DecisionVisibility> decisionVisibility,
    String decisionVisibilityOther,
    DecisionMonetary decisionMonetary,
    String decisionMonetaryOther,
    DecisionProvision decisionProvision,
    DecisionAccount decisionAccount,
    AccountType accountType,
    DecisionGround decisionGround,
    String illegalContentLegalGround,
    String illegalContentExplanation,
    String incompatibleContentGround,
    String incompatibleContentExplanation,
    Boolean incompatibleContentIllegal,
    List<ContentType> contentType,
    String contentTypeOther,
    Category category,
    List<Category> categoryAddition,
    List<Keyword> categorySpecification,
    String categorySpecificationOther,
    SourceType sourceType,
    String sourceIdentity,
    Boolean automatedDetection,
    AutomatedDecision automatedDecision,
    String decisionFacts,
    LocalDate applicationDate,
    LocalDate endDate,
    List<String> territorialScope,
    LocalDate contentDate,
    String puid,
    String url) {

  /** The Transparency Database's limit on {@code puid}. */
  public static final int PUID_MAX = 500;

  public StatementOfReasons {
    decisionVisibility = list(decisionVisibility);
    decisionVisibilityOther = clean(decisionVisibilityOther);
    decisionMonetaryOther = clean(decisionMonetaryOther);
    illegalContentLegalGround = clean(illegalContentLegalGround);
    illegalContentExplanation = clean(illegalContentExplanation);
    incompatibleContentGround = clean(incompatibleContentGround);
    incompatibleContentExplanation = clean(incompatibleContentExplanation);
    contentType = list(contentType);
    contentTypeOther = clean(contentTypeOther);
    categoryAddition = list(categoryAddition);
    categorySpecification = list(categorySpecification);
    categorySpecificationOther = clean(categorySpecificationOther);
    sourceIdentity = clean(sourceIdentity);
    decisionFacts = clean(decisionFacts);
    territorialScope = list(territorialScope);
    puid = clean(puid);
    url = clean(url);
  }

  private static <T> List<T> list(List<T> l) {
    return l == null ? List.of() : List.copyOf(l);
  }

  private static String clean(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this statement's values, to change some. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.decisionVisibility = decisionVisibility;
    b.decisionVisibilityOther = decisionVisibilityOther;
    b.decisionMonetary = decisionMonetary;
    b.decisionMonetaryOther = decisionMonetaryOther;
    b.decisionProvision = decisionProvision;
    b.decisionAccount = decisionAccount;
    b.accountType = accountType;
    b.decisionGround = decisionGround;
    b.illegalContentLegalGround = illegalContentLegalGround;
    b.illegalContentExplanation = illegalContentExplanation;
    b.incompatibleContentGround = incompatibleContentGround;
    b.incompatibleContentExplanation = incompatibleContentExplanation;
    b.incompatibleContentIllegal = incompatibleContentIllegal;
    b.contentType = contentType;
    b.contentTypeOther = contentTypeOther;
    b.category = category;
    b.categoryAddition = categoryAddition;
    b.categorySpecification = categorySpecification;
    b.categorySpecificationOther = categorySpecificationOther;
    b.sourceType = sourceType;
    b.sourceIdentity = sourceIdentity;
    b.automatedDetection = automatedDetection;
    b.automatedDecision = automatedDecision;
    b.decisionFacts = decisionFacts;
    b.applicationDate = applicationDate;
    b.endDate = endDate;
    b.territorialScope = territorialScope;
    b.contentDate = contentDate;
    b.puid = puid;
    b.url = url;
    return b;
  }

  /**
   * Every problem, each starting with the JSON field it concerns; empty when the statement can be
   * submitted. Schema v1 values retired in v2 are problems here.
   */
  public List<String> validate() {
    return validate(false);
  }

  /** As {@link #validate()}; {@code allowRetired} accepts v1 values v2 dropped (when reading). */
  List<String> validate(boolean allowRetired) {
    List<String> p = new ArrayList<>();
    if (decisionVisibility.isEmpty()
        && decisionMonetary == null
        && decisionProvision == null
        && decisionAccount == null) {
      p.add(
          "decision_visibility: at least one decision is required (decision_visibility,"
              + " decision_monetary, decision_provision or decision_account)");
    }
    if (decisionVisibility.contains(DecisionVisibility.DECISION_VISIBILITY_OTHER)
        && decisionVisibilityOther == null) {
      p.add("decision_visibility_other: required with DECISION_VISIBILITY_OTHER");
    }
    if (decisionMonetary == DecisionMonetary.DECISION_MONETARY_OTHER
        && decisionMonetaryOther == null) {
      p.add("decision_monetary_other: required with DECISION_MONETARY_OTHER");
    }
    if (decisionGround == null) {
      p.add("decision_ground: required");
    } else if (decisionGround == DecisionGround.DECISION_GROUND_ILLEGAL_CONTENT) {
      required(p, "illegal_content_legal_ground", illegalContentLegalGround, decisionGround);
      required(p, "illegal_content_explanation", illegalContentExplanation, decisionGround);
      absent(p, "incompatible_content_ground", incompatibleContentGround, decisionGround);
      absent(p, "incompatible_content_explanation", incompatibleContentExplanation, decisionGround);
      absent(p, "incompatible_content_illegal", incompatibleContentIllegal, decisionGround);
    } else {
      required(p, "incompatible_content_ground", incompatibleContentGround, decisionGround);
      required(
          p, "incompatible_content_explanation", incompatibleContentExplanation, decisionGround);
      required(p, "incompatible_content_illegal", incompatibleContentIllegal, decisionGround);
      absent(p, "illegal_content_legal_ground", illegalContentLegalGround, decisionGround);
      absent(p, "illegal_content_explanation", illegalContentExplanation, decisionGround);
    }
    if (contentType.isEmpty()) {
      p.add("content_type: at least one is required");
    }
    if (contentType.contains(ContentType.CONTENT_TYPE_OTHER) && contentTypeOther == null) {
      p.add("content_type_other: required with CONTENT_TYPE_OTHER");
    }
    if (category == null) {
      p.add("category: required");
    } else if (!allowRetired && category.retired()) {
      p.add("category: " + category + " is a schema v1 value that v2 no longer has");
    }
    for (Category c : categoryAddition) {
      if (!allowRetired && c.retired()) {
        p.add("category_addition: " + c + " is a schema v1 value that v2 no longer has");
      }
    }
    for (Keyword k : categorySpecification) {
      if (!allowRetired && k.retired()) {
        p.add("category_specification: " + k + " is a schema v1 value that v2 no longer has");
      }
    }
    if (categorySpecification.contains(Keyword.KEYWORD_OTHER)
        && categorySpecificationOther == null) {
      p.add("category_specification_other: required with KEYWORD_OTHER");
    }
    if (sourceType == null) {
      p.add("source_type: required");
    }
    if (automatedDetection == null) {
      p.add("automated_detection: required");
    }
    if (automatedDecision == null) {
      p.add("automated_decision: required");
    }
    if (decisionFacts == null) {
      p.add("decision_facts: required");
    }
    if (applicationDate == null) {
      p.add("application_date: required");
    }
    if (contentDate == null) {
      p.add("content_date: required");
    }
    if (applicationDate != null && endDate != null && endDate.isBefore(applicationDate)) {
      p.add("end_date: " + endDate + " is before application_date " + applicationDate);
    }
    if (applicationDate != null && contentDate != null && contentDate.isAfter(applicationDate)) {
      p.add("content_date: " + contentDate + " is after application_date " + applicationDate);
    }
    for (String t : territorialScope) {
      if (!TerritorialScope.valid(t)) {
        p.add(
            "territorial_scope: unknown value \""
                + t
                + "\" (expected an EEA country code, EU, EEA or EEA_no_IS)");
      }
    }
    if (puid == null) {
      p.add("puid: required");
    } else if (puid.length() > PUID_MAX) {
      p.add("puid: longer than " + PUID_MAX + " characters");
    }
    if (url != null && !httpUrl(url)) {
      p.add("url: not an absolute http or https URL");
    }
    return p;
  }

  private static void required(List<String> p, String field, Object value, DecisionGround g) {
    if (value == null) {
      p.add(field + ": required with " + g);
    }
  }

  private static void absent(List<String> p, String field, Object value, DecisionGround g) {
    if (value != null) {
      p.add(field + ": not allowed with " + g);
    }
  }

  private static boolean httpUrl(String s) {
    try {
      URI u = new URI(s);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** Builds a {@link StatementOfReasons}; setters are named after the record components. */
  public static final class Builder {
    private List<DecisionVisibility> decisionVisibility = List.of();
    private String decisionVisibilityOther;
    private DecisionMonetary decisionMonetary;
    private String decisionMonetaryOther;
    private DecisionProvision decisionProvision;
    private DecisionAccount decisionAccount;
    private AccountType accountType;
    private DecisionGround decisionGround;
    private String illegalContentLegalGround;
    private String illegalContentExplanation;
    private String incompatibleContentGround;
    private String incompatibleContentExplanation;
    private Boolean incompatibleContentIllegal;
    private List<ContentType> contentType = List.of();
    private String contentTypeOther;
    private Category category;
    private List<Category> categoryAddition = List.of();
    private List<Keyword> categorySpecification = List.of();
    private String categorySpecificationOther;
    private SourceType sourceType;
    private String sourceIdentity;
    private Boolean automatedDetection;
    private AutomatedDecision automatedDecision;
    private String decisionFacts;
    private LocalDate applicationDate;
    private LocalDate endDate;
    private List<String> territorialScope = List.of();
    private LocalDate contentDate;
    private String puid;
    private String url;

    private Builder() {}

    public Builder decisionVisibility(List<DecisionVisibility> v) {
      decisionVisibility = v;
      return this;
    }

    public Builder decisionVisibility(DecisionVisibility... v) {
      return decisionVisibility(List.of(v));
    }

    public Builder decisionVisibilityOther(String v) {
      decisionVisibilityOther = v;
      return this;
    }

    public Builder decisionMonetary(DecisionMonetary v) {
      decisionMonetary = v;
      return this;
    }

    public Builder decisionMonetaryOther(String v) {
      decisionMonetaryOther = v;
      return this;
    }

    public Builder decisionProvision(DecisionProvision v) {
      decisionProvision = v;
      return this;
    }

    public Builder decisionAccount(DecisionAccount v) {
      decisionAccount = v;
      return this;
    }

    public Builder accountType(AccountType v) {
      accountType = v;
      return this;
    }

    public Builder decisionGround(DecisionGround v) {
      decisionGround = v;
      return this;
    }

    public Builder illegalContentLegalGround(String v) {
      illegalContentLegalGround = v;
      return this;
    }

    public Builder illegalContentExplanation(String v) {
      illegalContentExplanation = v;
      return this;
    }

    public Builder incompatibleContentGround(String v) {
      incompatibleContentGround = v;
      return this;
    }

    public Builder incompatibleContentExplanation(String v) {
      incompatibleContentExplanation = v;
      return this;
    }

    public Builder incompatibleContentIllegal(Boolean v) {
      incompatibleContentIllegal = v;
      return this;
    }

    public Builder contentType(List<ContentType> v) {
      contentType = v;
      return this;
    }

    public Builder contentType(ContentType... v) {
      return contentType(List.of(v));
    }

    public Builder contentTypeOther(String v) {
      contentTypeOther = v;
      return this;
    }

    public Builder category(Category v) {
      category = v;
      return this;
    }

    public Builder categoryAddition(List<Category> v) {
      categoryAddition = v;
      return this;
    }

    public Builder categorySpecification(List<Keyword> v) {
      categorySpecification = v;
      return this;
    }

    public Builder categorySpecification(Keyword... v) {
      return categorySpecification(List.of(v));
    }

    public Builder categorySpecificationOther(String v) {
      categorySpecificationOther = v;
      return this;
    }

    public Builder sourceType(SourceType v) {
      sourceType = v;
      return this;
    }

    public Builder sourceIdentity(String v) {
      sourceIdentity = v;
      return this;
    }

    public Builder automatedDetection(Boolean v) {
      automatedDetection = v;
      return this;
    }

    public Builder automatedDecision(AutomatedDecision v) {
      automatedDecision = v;
      return this;
    }

    public Builder decisionFacts(String v) {
      decisionFacts = v;
      return this;
    }

    public Builder applicationDate(LocalDate v) {
      applicationDate = v;
      return this;
    }

    public Builder endDate(LocalDate v) {
      endDate = v;
      return this;
    }

    public Builder territorialScope(List<String> v) {
      territorialScope = v;
      return this;
    }

    public Builder territorialScope(String... v) {
      return territorialScope(List.of(v));
    }

    public Builder contentDate(LocalDate v) {
      contentDate = v;
      return this;
    }

    public Builder puid(String v) {
      puid = v;
      return this;
    }

    public Builder url(String v) {
      url = v;
      return this;
    }

    public StatementOfReasons build() {
      return new StatementOfReasons(
          decisionVisibility,
          decisionVisibilityOther,
          decisionMonetary,
          decisionMonetaryOther,
          decisionProvision,
          decisionAccount,
          accountType,
          decisionGround,
          illegalContentLegalGround,
          illegalContentExplanation,
          incompatibleContentGround,
          incompatibleContentExplanation,
          incompatibleContentIllegal,
          contentType,
          contentTypeOther,
          category,
          categoryAddition,
          categorySpecification,
          categorySpecificationOther,
          sourceType,
          sourceIdentity,
          automatedDetection,
          automatedDecision,
          decisionFacts,
          applicationDate,
          endDate,
          territorialScope,
          contentDate,
          puid,
          url);
    }
  }
}
