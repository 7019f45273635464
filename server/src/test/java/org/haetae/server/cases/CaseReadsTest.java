package org.haetae.server.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.haetae.server.FaceFixtures.facesOnly;
import static org.haetae.server.FaceFixtures.scored;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.haetae.analysis.result.ActorProfile;
import org.haetae.analysis.result.CaseAnalysis;
import org.haetae.analysis.result.MediaItem;
import org.haetae.analysis.result.MessageRef;
import org.haetae.analysis.result.RoleClaim;
import org.haetae.server.FaceFixtures;
import org.haetae.server.access.OpenCase;
import org.haetae.server.access.OpenCases;
import org.haetae.server.db.Database;
import org.haetae.server.storage.AccountReads;
import org.haetae.server.storage.AuditLog;
import org.haetae.server.storage.CaseReads;
import org.haetae.server.storage.Decision;
import org.haetae.server.storage.MediaOrder;
import org.haetae.server.storage.MediaReads;
import org.haetae.server.storage.Reviews;
import org.haetae.server.storage.postgres.PostgresStores;
import org.haetae.server.web.Pager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.server.ResponseStatusException;

/** What the pages read, against the real (embedded) PostgreSQL. */
class CaseReadsTest {
  @TempDir Path tmp;

  @Test
  void dashboardAccountsAndFlagReviewsReadWhatTheScanFound() throws Exception {
    CaseAnalysis analysed = new org.haetae.server.CaseStoreTestAccess().analyse(tmp);
    // Two files (one matched, posted in two rooms, and a near-duplicate of it) added by hand: the
    // generated export's analysis has no media catalogue.
    String room1 = analysed.chats().get(0).key();
    String room2 = analysed.chats().get(analysed.chats().size() - 1).key();
    org.haetae.analysis.result.MessageRef post =
        new org.haetae.analysis.result.MessageRef(room1, 7L, 1_700_000_000L, "e1");
    org.haetae.analysis.result.MediaItem item =
        new org.haetae.analysis.result.MediaItem(
            "a".repeat(64),
            "b".repeat(32),
            "c".repeat(64),
            100,
            "image",
            "e1/p.jpg",
            3,
            true,
            List.of(
                post, new org.haetae.analysis.result.MessageRef(room2, 9L, 1_700_000_100L, "e1")),
            2);
    org.haetae.analysis.result.MediaItem variant =
        new org.haetae.analysis.result.MediaItem(
            "d".repeat(64),
            null,
            "e".repeat(64),
            90,
            "image",
            "e1/q.jpg",
            3,
            false,
            List.of(new org.haetae.analysis.result.MessageRef(room2, 11L, 1_700_000_200L, "e1")),
            1);
    CaseAnalysis analysis =
        new CaseAnalysis(
            analysed.info(),
            analysed.chats(),
            analysed.accounts(),
            List.of(item, variant),
            analysed.matches(),
            analysed.spread(),
            analysed.flags(),
            analysed.findings(),
            analysed.graph());
    try (Database db =
        Database.open(new Database.Settings(null, null, null, tmp.resolve("data/pg")))) {
      PostgresStores stores = PostgresStores.on(db.dataSource());
      UUID id = stores.caseImport().put(analysis, "reads", tmp.toString());
      OpenCase c = OpenCases.open(id, "reads", tmp, "reviewer", stores.audit());
      CaseReads overview = stores.cases();
      AccountReads accounts = stores.accounts();

      CaseReads.Summary s = overview.summary(c);
      assertThat(s.title()).isEqualTo("reads");
      assertThat(s.rooms()).isEqualTo(analysis.chats().size());
      assertThat(s.accounts()).isEqualTo(analysis.accounts().size());
      assertThat(s.flags()).isEqualTo(analysis.flags().size()).isPositive();
      assertThat(s.flagsToReview()).isEqualTo(s.flags());
      assertThat(s.findings()).isEqualTo(analysis.findings().size());
      assertThat(overview.rooms(c, 0, 2)).hasSizeLessThanOrEqualTo(2);
      assertThat(overview.locate(id)).contains(new CaseReads.Location("reads", tmp));
      assertThat(overview.locate(UUID.randomUUID())).isEmpty();

      // An account's roles come back with every message they cite, in the analysis' order.
      ActorProfile top =
          analysis.accounts().stream().filter(p -> !p.roles().isEmpty()).findFirst().orElseThrow();
      Map<String, List<AccountReads.ClaimedRole>> roles =
          accounts.rolesOf(c, List.of(top.key(), "nobody"));
      assertThat(roles).containsOnlyKeys(top.key());
      for (RoleClaim claim : top.roles()) {
        AccountReads.ClaimedRole r =
            roles.get(top.key()).stream()
                .filter(x -> x.role().equals(claim.role().code()))
                .findFirst()
                .orElseThrow();
        assertThat(r.evidence()).containsExactlyInAnyOrderElementsOf(claim.evidence());
        assertThat(r.evidenceCount()).isEqualTo(claim.evidenceCount());
      }
      String room = top.chats().get(0);
      assertThat(accounts.members(c, room, 0, 200))
          .extracting(AccountReads.Member::key)
          .contains(top.key());
      assertThat(accounts.memberCount(c, room)).isPositive();

      // A cited message is completed with the file it carried; the media pages find files by room.
      // The case's folder has no index here: the text is missing, the media is not.
      OpenCase noIndex = OpenCases.open(id, "reads", tmp.resolve("no-index"), "r", stores.audit());
      List<Cited> cited =
          new MessageLookup(stores.media(), new org.haetae.server.texts.CaseTextsCache())
              .complete(noIndex, List.of(post));
      assertThat(cited).singleElement().extracting(Cited::mediaSha256).isEqualTo(item.sha256());
      MediaReads media = stores.media();
      assertThat(media.list(c, false, post.chatKey(), MediaOrder.REVIEW, 0, 200))
          .extracting(MediaReads.MediaRow::sha256)
          .contains(item.sha256());
      assertThat(media.count(c, false, "no-such-room")).isZero();
      assertThat(media.list(c, false, room2, MediaOrder.REVIEW, 0, 200)).hasSize(2);
      assertThat(media.list(c, true, room2, MediaOrder.REVIEW, 0, 200)).hasSize(1);
      // The spread timeline holds the file's posts and its variant's, oldest first.
      MediaReads.Media file = media.media(c, item.sha256()).orElseThrow();
      assertThat(media.timeline(c, file))
          .extracting(p -> p.chatKey() + "#" + p.messageId() + (p.variant() ? "v" : ""))
          .containsExactly(room1 + "#7", room2 + "#9", room2 + "#11v");
      assertThat(media.nearDuplicates(c, file))
          .extracting(MediaReads.MediaRow::sha256)
          .containsExactly(variant.sha256());
      assertThat(media.expand(c, item.sha256().substring(0, 16))).containsExactly(item.sha256());
      assertThat(media.media(c, "not-a-hash")).isEmpty();

      // A flag's review survives a new import of the case, which replaces the flags.
      Reviews reviews = stores.reviews();
      CaseReads.FlagRow flag = overview.flags(c, null, null, 0, 1).get(0);
      assertThat(reviews.decideFlag(c, flag.id(), Decision.CONFIRMED)).isTrue();
      assertThat(reviews.decideFlag(c, -1, Decision.CONFIRMED)).isFalse();
      stores.caseImport().put(analysis, "reads", tmp.toString());
      assertThat(overview.summary(c).flagsToReview()).isEqualTo(s.flags() - 1);
      assertThat(reviews.flagDecisions(c))
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.chatKey()).isEqualTo(flag.chatKey());
                assertThat(d.messageId()).isEqualTo(flag.messageId());
                assertThat(d.decision()).isEqualTo(Decision.CONFIRMED);
                assertThat(d.decidedBy()).isEqualTo("reviewer");
                assertThat(d.decidedAt()).isNotNull();
              });
      List<CaseReads.FlagRow> after = overview.flags(c, flag.category(), null, 0, 200);
      assertThat(after)
          .filteredOn(f -> "confirmed".equals(f.decision()))
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.chatKey()).isEqualTo(flag.chatKey());
                assertThat(f.messageId()).isEqualTo(flag.messageId());
                assertThat(f.decidedBy()).isEqualTo("reviewer");
              });
      // Unreviewed flags come first.
      assertThat(after.get(after.size() - 1).decision()).isEqualTo("confirmed");
      assertThat(stores.audit().ofCase(c, 0, 10))
          .extracting(AuditLog.Entry::action)
          .contains("flag_confirmed");
    }
  }

  /** A one-post image whose SHA-256 is {@code c} repeated, posted at message {@code n}. */
  private static MediaItem image(char c, String room, long n, long date) {
    return new MediaItem(
        String.valueOf(c).repeat(64),
        null,
        null,
        100,
        "image",
        "e1/" + c + ".jpg",
        (int) n,
        false,
        List.of(new MessageRef(room, n, date, "e1")),
        1);
  }

  @Test
  void explicitScoresAndFaceMatchesAreStoredAndOrderTheReviewQueue() throws Exception {
    CaseAnalysis analysed = new org.haetae.server.CaseStoreTestAccess().analyse(tmp);
    String room = analysed.chats().get(0).key();
    // Posted in the reverse order of their names: the date order is 6, 5, 4, 3, 2, 1.
    long t = 1_700_000_000L;
    MediaItem hashHit = FaceFixtures.with(image('1', room, 1, t + 600), scored(0.2, 0.1, 0), true);
    MediaItem faceHit = FaceFixtures.with(image('2', room, 2, t + 500), scored(0.8, 0.11, 2), true);
    MediaItem worst = FaceFixtures.with(image('3', room, 3, t + 400), scored(0.9, 0.05, 0), false);
    MediaItem mild = FaceFixtures.with(image('4', room, 4, t + 300), scored(0.05, 0.05, 0), false);
    MediaItem unscored = image('5', room, 5, t + 200);
    MediaItem facesOnly = FaceFixtures.with(image('6', room, 6, t + 100), facesOnly(1), false);
    MessageRef at = faceHit.messages().get(0);
    CaseAnalysis analysis =
        FaceFixtures.with(
            analysed,
            List.of(hashHit, faceHit, worst, mild, unscored, facesOnly),
            List.of(
                FaceFixtures.hash(hashHit.messages().get(0), hashHit.sha256(), "victims", "7"),
                FaceFixtures.face(at, faceHit.sha256(), "enrolled", "P-9", 0.55, 2, 10, 20, 30, 40),
                FaceFixtures.face(
                    at, faceHit.sha256(), "enrolled", "P-7", 0.43, 1, 10, 20, 30, 40)));
    try (Database db =
        Database.open(new Database.Settings(null, null, null, tmp.resolve("data/pg")))) {
      JdbcClient jdbc = JdbcClient.create(db.dataSource());
      PostgresStores stores = PostgresStores.on(db.dataSource());
      UUID id = stores.caseImport().put(analysis, "faces", tmp.toString());
      OpenCase c = OpenCases.open(id, "faces", tmp, "reviewer", stores.audit());
      MediaReads media = stores.media();
      CaseReads overview = stores.cases();

      // What the models said comes back as the scan wrote it.
      MediaReads.Signals s = media.media(c, faceHit.sha256()).orElseThrow().signals();
      assertThat(s.explicit()).isCloseTo(0.91, within(1e-9));
      assertThat(s.topClass()).isEqualTo("porn");
      assertThat(s.model()).isEqualTo(FaceFixtures.CLASSIFIER);
      assertThat(s.faces()).isEqualTo(2);
      assertThat(s.classes()).containsOnlyKeys("drawing", "hentai", "neutral", "porn", "sexy");
      assertThat(s.classes().get("hentai")).isCloseTo(0.11, within(1e-9));
      assertThat(s.needsConfirmation()).isTrue();
      assertThat(media.media(c, mild.sha256()).orElseThrow().signals().needsConfirmation())
          .isFalse();
      assertThat(media.media(c, unscored.sha256()).orElseThrow().signals()).isNull();
      MediaReads.Signals onlyFaces = media.media(c, facesOnly.sha256()).orElseThrow().signals();
      assertThat(onlyFaces.explicit()).isNull();
      assertThat(onlyFaces.faces()).isEqualTo(1);
      assertThat(onlyFaces.needsConfirmation()).isFalse();

      // The review queue: victims' files first, the most explicit first, the unscored last.
      assertThat(order(media, c, MediaOrder.REVIEW)).isEqualTo("213456");
      assertThat(order(media, c, MediaOrder.LEAST_EXPLICIT)).isEqualTo("124356");
      assertThat(order(media, c, MediaOrder.DATE)).isEqualTo("654321");
      assertThat(order(media, c, MediaOrder.POSTS)).isEqualTo("123456");
      assertThat(MediaOrder.of(null)).isEqualTo(MediaOrder.REVIEW);
      assertThat(MediaOrder.of("least-explicit")).isEqualTo(MediaOrder.LEAST_EXPLICIT);
      assertThatThrownBy(() -> MediaOrder.of("explicit; drop table media"))
          .isInstanceOf(ResponseStatusException.class);

      // A face match keeps why it matched; a hash match has no face.
      assertThat(media.matches(c, hashHit.sha256()))
          .singleElement()
          .satisfies(m -> assertThat(m.face()).isNull());
      assertThat(media.matches(c, faceHit.sha256()))
          .hasSize(2)
          .allSatisfy(m -> assertThat(m.how()).isEqualTo("face"));
      List<MediaReads.FaceLead> leads = media.faceLeads(c, faceHit.sha256());
      assertThat(leads).extracting(MediaReads.FaceLead::entryId).containsExactly("P-7", "P-9");
      MediaReads.FaceLead lead = leads.get(0);
      assertThat(lead.bank()).isEqualTo("face:enrolled");
      assertThat(lead.face().similarity()).isCloseTo(0.57, within(1e-9));
      assertThat(lead.face().distance()).isCloseTo(0.43, within(1e-9));
      assertThat(lead.face().rank()).isEqualTo(1);
      assertThat(lead.face().box()).containsExactly(10.0, 20.0, 30.0, 40.0);
      assertThat(lead.face().model()).isEqualTo(FaceFixtures.EMBEDDER);
      assertThat(lead.posts()).isEqualTo(1);
      // Drawn in percent of the picture's size; not at all when the size is unknown.
      assertThat(lead.boxStyle(new MediaReads.Size(200, 100)))
          .isEqualTo("left:5.00%;top:20.00%;width:15.00%;height:40.00%");
      assertThat(lead.boxStyle(null)).isNull();

      // Face matches are counted apart from hash matches, and listed after them.
      assertThat(overview.matchedFiles(c)).isEqualTo(new CaseReads.MatchedFiles(1, 1));
      CaseReads.Summary sum = overview.summary(c);
      assertThat(sum.matchedMedia()).isEqualTo(2);
      assertThat(sum.hashMatchedMedia()).isEqualTo(1);
      assertThat(sum.faceMatchedMedia()).isEqualTo(1);
      assertThat(overview.victims(c, 0, 10))
          .extracting(v -> v.bank() + "/" + v.entryId() + " " + v.face() + " " + v.files())
          .containsExactly(
              "victims/7 false 1", "face:enrolled/P-7 true 1", "face:enrolled/P-9 true 1");

      // A file whose posts have no date comes last in the date order.
      jdbc.sql("update media set first_seen = null where case_id = ? and sha256 = ?")
          .params(id, facesOnly.sha256())
          .update();
      assertThat(order(media, c, MediaOrder.DATE)).isEqualTo("543216");
      // A picture to show is an image of the case; its score decides the second choice.
      assertThat(media.image(c, worst.sha256()))
          .hasValueSatisfying(
              i -> assertThat(MediaReads.Signals.needsConfirmation(i.explicit())).isTrue());
      assertThat(media.image(c, "0".repeat(64))).isEmpty();
    }
  }

  /** The files in this order, each by the character its SHA-256 repeats. */
  private static String order(MediaReads media, OpenCase c, MediaOrder o) {
    StringBuilder out = new StringBuilder();
    for (MediaReads.MediaRow r : media.list(c, false, null, o, 0, 200)) {
      out.append(r.sha256().charAt(0));
    }
    return out.toString();
  }

  @Test
  void pagingIsCheckedBeforeAnythingIsRead() {
    assertThatThrownBy(() -> Pager.of(-1, 10)).isInstanceOf(ResponseStatusException.class);
    assertThatThrownBy(() -> Pager.of(0, 0)).isInstanceOf(ResponseStatusException.class);
    assertThatThrownBy(() -> Pager.of(0, Pager.MAX_SIZE + 1))
        .isInstanceOf(ResponseStatusException.class);
    assertThatThrownBy(() -> Pager.of(Pager.MAX_OFFSET, 2))
        .isInstanceOf(ResponseStatusException.class);
    Pager p = Pager.of(2, 10).withTotal(25);
    assertThat(p.offset()).isEqualTo(20);
    assertThat(p.from()).isEqualTo(21);
    assertThat(p.to()).isEqualTo(25);
    assertThat(p.pages()).isEqualTo(3);
    assertThat(p.hasNext()).isFalse();
    assertThat(p.hasPrevious()).isTrue();
    Pager empty = Pager.of(0, 10).withTotal(0);
    assertThat(empty.from()).isZero();
    assertThat(empty.pages()).isEqualTo(1);
    assertThat(empty.hasNext()).isFalse();
  }
}
