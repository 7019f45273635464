package org.haetae.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.haetae.cli.demo.DemoBank;
import org.haetae.cli.demo.RoleAccuracy;
import org.haetae.demo.investigation.GroundTruth;
import org.haetae.demo.investigation.Investigation;
import org.haetae.evidence.casefolder.CaseFolder;
import org.haetae.evidence.keys.SigningKey;
import org.haetae.evidence.keys.VaultKey;
import org.haetae.matching.match.Matcher;
import org.haetae.matching.store.FileBankStore;
import org.haetae.pipeline.progress.ProgressSink;
import org.haetae.pipeline.scan.Scan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scan against generated investigations whose ground truth is known: precision and recall of
 * every role, and how many planted victim-image files (edited copies) were matched to their entry.
 * The seeds are not the ones the lexicon was developed on.
 */
class RoleAccuracyTest {
  static final long[] SEEDS = {101, 102};

  @TempDir Path tmp;

  @Test
  void rolesAndPlantedEditsAgainstGroundTruth() throws Exception {
    Map<String, long[]> roles = new LinkedHashMap<>();
    Map<String, long[]> edits = new LinkedHashMap<>();
    List<String> errors = new ArrayList<>();
    for (long seed : SEEDS) {
      RoleAccuracy acc = scan(seed);
      acc.roles().forEach((r, s) -> add(roles, r, s));
      acc.editRecall().forEach((e, s) -> add(edits, e, s));
      acc.errors().forEach(e -> errors.add("seed " + seed + ": " + e));
    }
    long tp = 0;
    long predicted = 0;
    long actual = 0;
    for (Map.Entry<String, long[]> e : roles.entrySet()) {
      long[] c = e.getValue();
      tp += c[0];
      predicted += c[1];
      actual += c[2];
      System.out.printf(
          Locale.ROOT,
          "role %-12s precision %.3f recall %.3f (%d found, %d true)%n",
          e.getKey(),
          ratio(c[0], c[1]),
          ratio(c[0], c[2]),
          c[1],
          c[2]);
    }
    edits.forEach(
        (k, c) ->
            System.out.printf(Locale.ROOT, "planted %-10s matched %d of %d%n", k, c[0], c[2]));
    errors.forEach(System.out::println);
    double precision = ratio(tp, predicted);
    double recall = ratio(tp, actual);
    System.out.printf(Locale.ROOT, "roles overall precision %.3f recall %.3f%n", precision, recall);
    assertThat(precision).as("role precision").isGreaterThanOrEqualTo(0.95);
    assertThat(recall).as("role recall").isGreaterThanOrEqualTo(0.95);
    // The roles that carry the heaviest charges are checked on their own too.
    for (String role : List.of("creator", "distributor", "requester")) {
      long[] c = roles.get(role);
      assertThat(ratio(c[0], c[1])).as(role + " precision").isGreaterThanOrEqualTo(0.9);
      assertThat(ratio(c[0], c[2])).as(role + " recall").isGreaterThanOrEqualTo(0.9);
    }
    long[] all = edits.get("all");
    assertThat(all[2]).isPositive();
    assertThat(ratio(all[0], all[2])).as("planted files matched").isGreaterThanOrEqualTo(0.95);
  }

  private RoleAccuracy scan(long seed) throws Exception {
    Path dir = tmp.resolve("seed-" + seed);
    Path material = dir.resolve("material");
    Investigation.write(material, Investigation.Options.demo(seed));
    FileBankStore banks = new FileBankStore(dir.resolve("banks"));
    DemoBank.importFrom(material, banks, "v", (l, why) -> {});
    List<Path> exports = Investigation.exports(material);
    Scan.Result r =
        new Scan(
                new CaseFolder(dir.resolve("case")),
                VaultKey.load(null, dir.resolve("keys/vault.key")),
                SigningKey.load(dir.resolve("keys/signing.key")),
                banks,
                new Scan.Options(
                    exports,
                    List.of("v"),
                    Matcher.Settings.DEFAULT,
                    null,
                    2,
                    false,
                    ProgressSink.SILENT))
            .run();
    return RoleAccuracy.of(
        r.analysis(), GroundTruth.read(material.resolve(Investigation.GROUND_TRUTH_FILE)));
  }

  private static void add(Map<String, long[]> m, String key, RoleAccuracy.Score s) {
    long[] c = m.computeIfAbsent(key, k -> new long[3]);
    c[0] += s.truePositives();
    c[1] += s.predicted();
    c[2] += s.actual();
  }

  private static double ratio(long a, long b) {
    return b == 0 ? 1 : (double) a / b;
  }
}
