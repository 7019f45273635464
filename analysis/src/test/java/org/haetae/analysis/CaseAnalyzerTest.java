package org.haetae.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.haetae.analysis.flags.Lexicon;
import org.haetae.analysis.graph.GraphFiles;
import org.haetae.analysis.intake.ExportIntake;
import org.haetae.analysis.media.MediaCatalog;
import org.haetae.analysis.media.MediaFacts;
import org.haetae.analysis.media.MediaMatch;
import org.haetae.analysis.result.ActorProfile;
import org.haetae.analysis.result.CaseAnalysis;
import org.haetae.analysis.result.Role;
import org.haetae.analysis.result.SpreadTrail;
import org.haetae.telegram.model.Account;
import org.haetae.telegram.model.Chat;
import org.haetae.telegram.model.MediaRef;
import org.haetae.telegram.model.MediaStatus;
import org.haetae.telegram.model.Message;
import org.haetae.telegram.model.PeerId;
import org.haetae.telegram.model.ServiceAction;
import org.haetae.telegram.model.Text;
import org.junit.jupiter.api.Test;

/** Roles, spread and the graph from hand-written messages whose meaning is plain. */
class CaseAnalyzerTest {
  // Two victim images (bank entries V1, V2) and a meme everybody reposts.
  static final String V1 = "a".repeat(64);
  static final String V1_CROP = "b".repeat(64);
  static final String V2 = "c".repeat(64);
  static final String MEME = "d".repeat(64);
  static final String ANSWER = "e".repeat(64);

  static final class Catalog implements MediaCatalog {
    final Map<String, MediaFacts> files = new HashMap<>();
    final Map<String, List<MediaMatch>> matches = new HashMap<>();

    void file(String path, String sha, String pdq, MediaMatch... m) {
      files.put(path, new MediaFacts(sha, null, pdq, 100, "image"));
      if (m.length > 0) {
        matches.put(sha, List.of(m));
      }
    }

    @Override
    public MediaFacts lookup(String export, String relativePath) {
      return files.get(relativePath);
    }

    @Override
    public List<MediaMatch> matches(String sha256) {
      return matches.getOrDefault(sha256, List.of());
    }
  }

  static final class Chat1 {
    final List<Message> messages = new ArrayList<>();
    long seq;

    Message msg(
        long id,
        long date,
        String fromId,
        String from,
        String text,
        String photo,
        Long replyTo,
        String forwardedFrom) {
      List<MediaRef> media =
          photo == null
              ? List.of()
              : List.of(
                  new MediaRef(
                      "photo",
                      photo,
                      MediaStatus.PRESENT,
                      photo,
                      "photo",
                      null,
                      null,
                      10L,
                      10,
                      10,
                      null));
      Message m =
          new Message(
              seq++,
              0,
              id,
              "message",
              null,
              date,
              null,
              null,
              from,
              PeerId.parse(fromId).orElseThrow(),
              null,
              forwardedFrom,
              null,
              replyTo,
              null,
              null,
              new Text(text, List.of(), false),
              media,
              null,
              null);
      messages.add(m);
      return m;
    }

    Message service(long id, long date, String actorId, String actor, String action) {
      Message m =
          new Message(
              seq++,
              0,
              id,
              "service",
              null,
              date,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              Text.EMPTY,
              List.of(),
              new ServiceAction(
                  action,
                  actor,
                  PeerId.parse(actorId).orElseThrow(),
                  null,
                  List.of(),
                  null,
                  null,
                  null,
                  null),
              null);
      messages.add(m);
      return m;
    }
  }

  @Test
  void findsEveryRoleWithItsMessages() throws Exception {
    Catalog catalog = new Catalog();
    String pdq1 = "0".repeat(64);
    String pdq1crop = "1" + "0".repeat(63);
    catalog.file(
        "photos/v1.jpg", V1, pdq1, new MediaMatch("victims", "V1", "pdq", 0, Map.of("case", "C1")));
    catalog.file(
        "photos/v1-crop.jpg",
        V1_CROP,
        pdq1crop,
        new MediaMatch("victims", "V1", "pdq", 1, Map.of("case", "C1")));
    catalog.file(
        "photos/v2.jpg", V2, "f".repeat(64), new MediaMatch("victims", "V2", "md5", 0, Map.of()));
    catalog.file("photos/meme.jpg", MEME, "0f".repeat(32));
    catalog.file("photos/answer.jpg", ANSWER, "3c".repeat(32));

    Chat1 c = new Chat1();
    c.service(1, 1000, "user1", "Boss", "create_group");
    c.msg(2, 1100, "user2", "Asker", "김OO 합성 해주세요 인스타 @someone", null, null, null);
    c.msg(3, 1200, "user3", "Maker", "여기", "photos/v1.jpg", 2L, null);
    c.msg(4, 1300, "user4", "Spreader", "", "photos/v1-crop.jpg", null, null);
    c.msg(5, 1400, "user5", "Forwarder", "", "photos/v1.jpg", null, "Maker");
    c.msg(6, 1500, "user6", "Plain", "안녕하세요", "photos/meme.jpg", null, null);
    c.msg(7, 1600, "user7", "Other", "ㅋㅋ", "photos/meme.jpg", null, null);
    c.msg(8, 1700, "user6", "Plain", "딥페이크 처벌법 기사 봤어?", null, null, null);
    c.msg(9, 1800, "user2", "Asker", "친구 사진 합성 만들어 주세요", null, null, null);
    c.msg(10, 1900, "user8", "Answerer", "done", "photos/answer.jpg", 9L, null);
    c.service(11, 2000, "user1", "Boss", "pin_message");
    c.msg(12, 2100, "user5", "Forwarder", "", "photos/v2.jpg", null, "Somebody Outside");

    CaseAnalyzer analyzer =
        new CaseAnalyzer(new CaseAnalyzer.Settings(31, 50), catalog, Lexicon.builtIn(), null);
    ExportIntake in = analyzer.intake("exp1");
    for (Message m : c.messages) {
      in.message(m);
    }
    in.chat(new Chat(0, "single", 777L, "private_supergroup", "방", c.seq, true, null));
    for (int u = 1; u <= 8; u++) {
      in.account(new Account(new PeerId("user", u), List.of(), false, 1));
    }
    in.account(
        new Account(
            new PeerId("user", 3),
            List.of(new Account.NameSeen("Maker", 1200L, 1200L, 1)),
            false,
            0));
    analyzer.exportRead(in, "/x", "0".repeat(64), "single_chat", 1);
    CaseAnalysis a =
        analyzer.finish(
            new CaseAnalyzer.Context("case", "now", List.of("victims"), "h", "r", 1, List.of()));

    Map<String, ActorProfile> by = new HashMap<>();
    a.accounts().forEach(p -> by.put(p.key(), p));
    assertThat(roles(by.get("user1"))).containsExactly(Role.ADMIN);
    assertThat(roles(by.get("user2"))).containsExactly(Role.REQUESTER);
    assertThat(roles(by.get("user3"))).containsExactlyInAnyOrder(Role.CREATOR, Role.DISTRIBUTOR);
    assertThat(roles(by.get("user4"))).containsExactly(Role.DISTRIBUTOR);
    assertThat(roles(by.get("user5"))).containsExactly(Role.DISTRIBUTOR);
    // Posting and reposting a harmless picture, or talking about the news, is no role.
    assertThat(roles(by.get("user6"))).containsExactly(Role.MEMBER);
    assertThat(roles(by.get("user7"))).containsExactly(Role.MEMBER);
    // New media in answer to a request.
    assertThat(roles(by.get("user8"))).containsExactly(Role.CREATOR);

    // Each role cites its messages.
    assertThat(by.get("user3").roles().get(0).evidence())
        .extracting(r -> r.messageId())
        .contains(3L);
    assertThat(by.get("user1").roles().get(0).evidence().stream().map(r -> r.messageId()).toList())
        .containsExactly(1L, 11L);
    assertThat(by.get("user2").roles().get(0).evidence().stream().map(r -> r.messageId()).toList())
        .containsExactly(2L, 9L);
    // The forward source is resolved by its unique name; an unknown one stays a name.
    SpreadTrail v1 =
        a.spread().stream().filter(t -> t.entryId().equals("V1")).findFirst().orElseThrow();
    assertThat(v1.events())
        .extracting(e -> e.kind())
        .containsExactly("first_post", "repost", "forward");
    assertThat(v1.events().get(2).forwardedFrom()).isEqualTo("user3");
    assertThat(v1.variants()).isEqualTo(2);
    assertThat(v1.rooms()).containsExactly("chat777");
    SpreadTrail v2 =
        a.spread().stream().filter(t -> t.entryId().equals("V2")).findFirst().orElseThrow();
    assertThat(v2.events().get(0).forwardedFrom()).isEqualTo("name:Somebody Outside");
    // The creator ranks above a plain distributor, who ranks above a member.
    assertThat(by.get("user3").score()).isGreaterThan(by.get("user4").score());
    assertThat(by.get("user4").score()).isGreaterThan(by.get("user6").score());
    assertThat(a.matches()).hasSize(4);
    assertThat(a.info().victims()).isEqualTo(2);
    assertThat(a.flags())
        .extracting(f -> f.category())
        .contains("solicitation", "personal_details");
    assertThat(a.flags()).noneMatch(f -> f.category().endsWith("_cue"));

    ByteArrayOutputStream gexf = new ByteArrayOutputStream();
    GraphFiles.writeGexf(a.graph(), gexf);
    ByteArrayOutputStream graphml = new ByteArrayOutputStream();
    GraphFiles.writeGraphMl(a.graph(), graphml);
    var f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    var gexfDoc =
        f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(gexf.toByteArray()));
    assertThat(gexfDoc.getElementsByTagName("node").getLength())
        .isEqualTo(a.graph().nodes().size());
    assertThat(gexfDoc.getElementsByTagName("edge").getLength())
        .isEqualTo(a.graph().edges().size());
    var mlDoc =
        f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(graphml.toByteArray()));
    assertThat(mlDoc.getElementsByTagName("node").getLength()).isEqualTo(a.graph().nodes().size());
    assertThat(graphml.toString(StandardCharsets.UTF_8)).contains("chat777").contains("admin");
  }

  private static List<Role> roles(ActorProfile p) {
    assertThat(p).isNotNull();
    return p.roles().stream().map(r -> r.role()).toList();
  }
}
