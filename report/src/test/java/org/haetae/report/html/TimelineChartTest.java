package org.haetae.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.haetae.analysis.result.BankMatch;
import org.haetae.analysis.result.CaseAnalysis;
import org.haetae.analysis.result.MessageRef;
import org.haetae.report.CaseFixture;
import org.haetae.report.view.CaseIndex;
import org.junit.jupiter.api.Test;

class TimelineChartTest {
  @Test
  void barsCountEveryDatedMatchOncePerRoom() {
    CaseAnalysis a = CaseFixture.analysis();
    Map<String, Integer> legend = new LinkedHashMap<>();
    String svg = TimelineChart.matchesPerPeriod(a.matches(), new CaseIndex(a), legend);
    Matcher m = Pattern.compile(": (\\d+) matched post").matcher(svg);
    int total = 0;
    while (m.find()) {
      total += Integer.parseInt(m.group(1));
    }
    assertThat(total).isEqualTo(a.matches().size());
    assertThat(legend).containsOnlyKeys("chat1001", "chat1002", "chat1003");
    assertThat(svg).contains("2024-03-01").contains("per day");
  }

  @Test
  void longSpansUseLongerBars() {
    assertThat(TimelineChart.bucketDays(0)).isEqualTo(1);
    assertThat(TimelineChart.bucketDays(119)).isEqualTo(1);
    assertThat(TimelineChart.bucketDays(120)).isEqualTo(7);
    assertThat(TimelineChart.bucketDays(3 * 365)).isEqualTo(30);
    assertThat(TimelineChart.bucketDays(100 * 365)).isEqualTo(365);
  }

  @Test
  void noDatesNoChart() {
    CaseAnalysis a = CaseFixture.analysis();
    List<BankMatch> undated =
        List.of(
            new BankMatch(
                new MessageRef("chat1001", 1L, 0, "x"), "a", "b", "e", "pdq", 0, Map.of()));
    assertThat(TimelineChart.matchesPerPeriod(undated, new CaseIndex(a), new LinkedHashMap<>()))
        .isNull();
  }
}
