package org.haetae.analysis.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.haetae.analysis.CaseAnalyzer;
import org.haetae.analysis.flags.Lexicon;
import org.haetae.analysis.intake.ExportIntake;
import org.haetae.analysis.media.MediaCatalog;
import org.haetae.analysis.media.MediaFacts;
import org.haetae.analysis.media.MediaMatch;
import org.haetae.analysis.result.ActorProfile;
import org.haetae.analysis.result.CaseAnalysis;
import org.haetae.analysis.result.Role;
import org.haetae.analysis.result.RoleClaim;
import org.haetae.telegram.model.Chat;
import org.haetae.telegram.model.MediaRef;
import org.haetae.telegram.model.MediaStatus;
import org.haetae.telegram.model.Message;
import org.haetae.telegram.model.PeerId;
import org.haetae.telegram.model.ServiceAction;
import org.haetae.telegram.model.Text;
import org.junit.jupiter.api.Test;

/**
 * The same everyday words in different rooms and with different answers: context decides, and the
 * requester role says which context.
 */
class RequestContextTest {
  private final Map<String, MediaFacts> files = new HashMap<>();
  private final Map<String, List<MediaMatch>> matches = new HashMap<>();
  private final List<Message> messages = new ArrayList<>();
  private long seq;

  private void file(String path, boolean matched) {
    String sha = String.format("%08x", path.hashCode()).repeat(8);
    String pdq = String.format("%08x", (path + "pdq").hashCode()).repeat(8);
    files.put(path, new MediaFacts(sha, null, pdq, 100, "image"));
    if (matched) {
      matches.put(sha, List.of(new MediaMatch("victims", path, "pdq", 0, Map.of())));
    }
  }

  private void msg(int chat, long id, String from, String text, String photo, Long replyTo) {
    List<MediaRef> media = List.of();
    if (photo != null) {
      media =
          List.of(
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
    }
    messages.add(
        new Message(
            seq++,
            chat,
            id,
            "message",
            null,
            1000 + 60 * id,
            null,
            null,
            from,
            PeerId.parse(from).orElseThrow(),
            null,
            null,
            null,
            replyTo,
            null,
            null,
            new Text(text, List.of(), false),
            media,
            null,
            null));
  }

  private CaseAnalysis analyse() throws Exception {
    MediaCatalog catalog =
        new MediaCatalog() {
          @Override
          public MediaFacts lookup(String export, String relativePath) {
            return files.get(relativePath);
          }

          @Override
          public List<MediaMatch> matches(String sha256) {
            return matches.getOrDefault(sha256, List.of());
          }
        };
    try (CaseAnalyzer analyzer =
        new CaseAnalyzer(new CaseAnalyzer.Settings(31, 50), catalog, Lexicon.builtIn(), null)) {
      ExportIntake in = analyzer.intake("e");
      messages.forEach(in::message);
      in.chat(new Chat(0, "chats", 1L, "private_supergroup", "trading", 10, true, null));
      in.chat(new Chat(1, "chats", 2L, "private_supergroup", "family", 10, true, null));
      analyzer.exportRead(in, "/x", "0".repeat(64), "account", 2);
      return analyzer.finish(
          new CaseAnalyzer.Context("c", "now", List.of("victims"), "h", "r", 1, List.of()));
    }
  }

  private static RoleClaim requester(CaseAnalysis a, String key) {
    for (ActorProfile p : a.accounts()) {
      if (p.key().equals(key)) {
        return p.roles().stream().filter(r -> r.role() == Role.REQUESTER).findFirst().orElse(null);
      }
    }
    return null;
  }

  @Test
  void everydayWordsAreDecidedByTheRoomAndTheAnswer() throws Exception {
    for (String f : List.of("v1.jpg", "v2.jpg", "a.jpg", "b.jpg", "c.jpg", "d.jpg")) {
      file(f, f.startsWith("v"));
    }
    // A room where matched pictures are posted.
    msg(0, 1, "user1", "", "v1.jpg", null);
    msg(0, 2, "user2", "이거 가능?", "a.jpg", null);
    msg(0, 20, "user3", "이거 부탁해요", null, null);
    msg(0, 21, "user4", "", "v2.jpg", 20L);
    // An ordinary room: the same words, a new photo in reply.
    msg(1, 1, "user5", "이거 가능?", "b.jpg", null);
    msg(1, 2, "user6", "케이크 가게가 된대", "c.jpg", 1L);
    // Legitimate retouching is not a request even where matched pictures are posted.
    msg(0, 40, "user7", "증명사진 배경 보정 해주실 분", "d.jpg", null);
    CaseAnalysis a = analyse();

    RoleClaim byRoom = requester(a, "user2");
    assertThat(byRoom).isNotNull();
    assertThat(byRoom.reason()).contains("by context").contains("room carries matched material");
    RoleClaim byAnswer = requester(a, "user3");
    assertThat(byAnswer).isNotNull();
    assertThat(byAnswer.reason()).contains("answered with matched media (chat1#21)");
    assertThat(requester(a, "user5")).isNull();
    assertThat(requester(a, "user7")).isNull();
  }

  @Test
  void plainWordsNeedNoContext() throws Exception {
    msg(1, 1, "user1", "같은 반 김OO 딥페 해주실 분 구해요", null, null);
    msg(1, 2, "user2", "딥페이크 만들어 달라는 사람 있으면 신고하세요", null, null);
    CaseAnalysis a = analyse();
    RoleClaim r = requester(a, "user1");
    assertThat(r).isNotNull();
    assertThat(r.reason()).doesNotContain("by context").contains("relation");
    assertThat(requester(a, "user2")).isNull();
  }

  @Test
  void aNameOnlyInvitedIsListedAsAMember() throws Exception {
    msg(1, 1, "user1", "안녕", null, null);
    messages.add(
        new Message(
            seq++,
            1,
            2L,
            "service",
            null,
            1200L,
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
                "invite_members",
                "Host",
                PeerId.parse("user1").orElseThrow(),
                null,
                List.of("Quiet Friend"),
                null,
                null,
                null,
                null),
            null));
    CaseAnalysis a = analyse();
    ActorProfile quiet =
        a.accounts().stream()
            .filter(p -> p.key().equals("name:Quiet Friend"))
            .findFirst()
            .orElse(null);
    assertThat(quiet).isNotNull();
    assertThat(quiet.namedOnly()).isTrue();
    assertThat(quiet.roles()).extracting(RoleClaim::role).containsExactly(Role.MEMBER);
    assertThat(quiet.roles().get(0).evidence()).extracting(e -> e.messageId()).containsExactly(2L);
  }
}
