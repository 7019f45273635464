package org.haetae.report.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.haetae.analysis.result.CaseAnalysis;
import org.haetae.report.CaseFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JsonReportTest {
  static CaseAnalysis analysis;
  static JsonNode json;

  @BeforeAll
  static void write() throws Exception {
    analysis = CaseFixture.analysis();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonReport.write(analysis, out);
    json = new ObjectMapper().readTree(out.toByteArray());
  }

  private static List<String> keys(JsonNode n) {
    List<String> k = new ArrayList<>();
    n.fieldNames().forEachRemaining(k::add);
    return k;
  }

  @Test
  void topLevelKeysAreTheContract() {
    assertThat(keys(json))
        .contains(
            "case",
            "chats",
            "accounts",
            "media",
            "matches",
            "findings",
            "custody_head",
            "spread",
            "flags",
            "graph",
            "merkle_root");
    assertThat(json.get("custody_head").asText()).isEqualTo("1".repeat(64));
    assertThat(json.get("merkle_root").asText()).isEqualTo("2".repeat(64));
  }

  @Test
  void caseSaysWhatWasAnalysedAndHow() {
    JsonNode c = json.get("case");
    assertThat(c.get("case_id").asText()).isEqualTo(CaseFixture.CASE_ID);
    assertThat(c.get("generated_at").asText()).isEqualTo("2024-03-10T09:00:00Z");
    assertThat(c.get("exports")).hasSize(2);
    assertThat(c.at("/exports/1/owner").asText()).isEqualTo("user100");
    assertThat(c.get("banks").get(0).asText()).isEqualTo(CaseFixture.BANK);
    assertThat(c.get("max_distance").asInt()).isEqualTo(31);
    assertThat(c.get("min_quality").asInt()).isEqualTo(50);
    assertThat(c.at("/counts/accounts").asInt()).isEqualTo(5);
    assertThat(c.at("/counts/matches").asInt()).isEqualTo(6);
    assertThat(c.at("/counts/victims").asInt()).isEqualTo(3);
  }

  @Test
  void accountsCarryRolesWithCitedMessages() {
    JsonNode a = json.get("accounts").get(0);
    assertThat(keys(a))
        .contains("id", "names", "roles", "chats", "score", "usernames", "named_only", "messages");
    assertThat(a.get("id").asText()).isEqualTo("user100");
    assertThat(a.at("/names/1/name").asText()).isEqualTo(CaseFixture.KOREAN_NAME);
    assertThat(a.get("score").asDouble()).isEqualTo(42.5);
    JsonNode role = a.get("roles").get(1);
    assertThat(keys(role)).containsExactly("role", "reason", "evidence", "evidence_count");
    assertThat(role.get("role").asText()).isEqualTo("distributor");
    assertThat(role.get("evidence_count").asInt()).isEqualTo(5);
    JsonNode cite = role.get("evidence").get(1);
    assertThat(keys(cite)).containsExactly("chat", "message_id", "date", "export");
    assertThat(cite.get("chat").asText()).isEqualTo("chat1002");
    assertThat(cite.get("message_id").asLong()).isEqualTo(501);
    assertThat(cite.get("date").asText()).isEqualTo("2024-03-03T00:00:00Z");
    assertThat(cite.get("export").asText()).isEqualTo(CaseFixture.EXPORT_2);
    JsonNode possessor = json.get("accounts").get(2).at("/roles/0/evidence/0");
    assertThat(possessor.get("message_id").isNull()).isTrue();
    assertThat(possessor.get("date").isNull()).isTrue();
    assertThat(json.get("accounts").get(3).get("named_only").asBoolean()).isTrue();
  }

  @Test
  void mediaMatchesSpreadFlagsFindingsAndGraph() {
    JsonNode m = json.get("media").get(0);
    assertThat(keys(m)).contains("sha256", "pdq", "quality", "messages");
    assertThat(m.get("messages")).hasSize(2);
    assertThat(json.get("media").get(3).get("pdq").isNull()).isTrue();

    JsonNode match = json.get("matches").get(1);
    assertThat(keys(match))
        .contains(
            "message_id",
            "chat_id",
            "media_sha256",
            "bank",
            "entry_id",
            "distance",
            "how",
            "labels");
    assertThat(match.get("chat_id").asText()).isEqualTo("chat1002");
    assertThat(match.get("distance").asInt()).isEqualTo(12);
    assertThat(match.at("/labels/victim_case").asText()).isEqualTo("VC-1");

    JsonNode trail = json.get("spread").get(0);
    assertThat(trail.get("entry_id").asText()).isEqualTo("V-002");
    assertThat(trail.get("events")).hasSize(3);
    assertThat(trail.at("/events/2/forwarded_from").asText()).isEqualTo("user100");

    assertThat(json.at("/flags/0/category").asText()).isEqualTo("solicitation");
    assertThat(json.at("/flags/0/message/message_id").asLong()).isEqualTo(10);
    assertThat(json.at("/findings/1/message").isNull()).isTrue();
    assertThat(json.at("/graph/nodes").asInt()).isEqualTo(analysis.graph().nodes().size());
    assertThat(json.at("/graph/edges").asInt()).isEqualTo(analysis.graph().edges().size());
    assertThat(json.at("/graph/node_kinds/chat").asInt()).isEqualTo(3);
  }
}
