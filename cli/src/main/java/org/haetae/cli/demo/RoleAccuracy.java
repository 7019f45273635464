package org.haetae.cli.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.haetae.analysis.result.ActorProfile;
import org.haetae.analysis.result.BankMatch;
import org.haetae.analysis.result.CaseAnalysis;
import org.haetae.analysis.result.RoleClaim;
import org.haetae.demo.investigation.GroundTruth;

/**
 * How the scan's roles and matches compare with a generated case's ground truth: precision and
 * recall per role (accounts with a Telegram user id; named-only actors are not in the truth), and
 * the share of planted victim-image files matched to their entry, per kind of edit.
 */
public record RoleAccuracy(
    Map<String, Score> roles, Score overall, Map<String, Score> editRecall, List<String> errors) {

  /**
   * @param truePositives found and true
   * @param predicted found
   * @param actual true
   */
  public record Score(long truePositives, long predicted, long actual) {
    public double precision() {
      return predicted == 0 ? 1 : (double) truePositives / predicted;
    }

    public double recall() {
      return actual == 0 ? 1 : (double) truePositives / actual;
    }
  }

  /** Ground truth against what the analysis found. */
  public static RoleAccuracy of(CaseAnalysis analysis, GroundTruth truth) {
    Map<String, Set<String>> found = new TreeMap<>();
    Map<String, String> why = new HashMap<>();
    for (ActorProfile p : analysis.accounts()) {
      if (p.namedOnly() || !p.key().startsWith("user")) {
        continue;
      }
      for (RoleClaim c : p.roles()) {
        found.computeIfAbsent(c.role().code(), r -> new HashSet<>()).add(p.key());
        why.put(
            c.role().code() + "/" + p.key(),
            c.reason() + " " + c.evidence().stream().map(e -> e.label()).toList());
      }
    }
    Map<String, Score> roles = new LinkedHashMap<>();
    List<String> errors = new ArrayList<>();
    long tp = 0;
    long predicted = 0;
    long actual = 0;
    for (String role : GroundTruth.ROLES) {
      Set<String> f = found.getOrDefault(role, Set.of());
      Set<String> t = truth.accountsWith(role);
      long hits = f.stream().filter(t::contains).count();
      roles.put(role, new Score(hits, f.size(), t.size()));
      tp += hits;
      predicted += f.size();
      actual += t.size();
      f.stream()
          .filter(a -> !t.contains(a))
          .sorted()
          .limit(5)
          .forEach(
              a ->
                  errors.add(
                      "false "
                          + role
                          + ": "
                          + a
                          + " (truth: "
                          + truth.roles(a)
                          + "; found because: "
                          + why.get(role + "/" + a)
                          + ")"));
      t.stream()
          .filter(a -> !f.contains(a))
          .sorted()
          .limit(5)
          .forEach(a -> errors.add("missed " + role + ": " + a));
    }
    return new RoleAccuracy(
        roles, new Score(tp, predicted, actual), editRecall(analysis, truth), errors);
  }

  /** Planted files whose message matched their own bank entry, per kind of edit. */
  private static Map<String, Score> editRecall(CaseAnalysis analysis, GroundTruth truth) {
    Set<String> matched = new HashSet<>();
    for (BankMatch m : analysis.matches()) {
      matched.add(m.message().chatKey() + "#" + m.message().messageId() + "/" + m.entryId());
    }
    Map<String, long[]> counts = new TreeMap<>();
    for (GroundTruth.Planted p : truth.planted()) {
      boolean hit = false;
      for (Long id : p.messageIds()) {
        hit |= matched.contains("chat" + p.chatId() + "#" + id + "/" + p.entryId());
      }
      List<String> kinds = new ArrayList<>(p.editKinds());
      kinds.add("all");
      for (String k : kinds) {
        long[] c = counts.computeIfAbsent(k, x -> new long[2]);
        c[0] += hit ? 1 : 0;
        c[1]++;
      }
    }
    Map<String, Score> out = new LinkedHashMap<>();
    counts.forEach((k, c) -> out.put(k, new Score(c[0], c[1], c[1])));
    return out;
  }
}
