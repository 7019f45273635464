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
import org.haetae.server.accounts.AccountQueries;
import org.haetae.server.audit.AuditTrail;
import org.haetae.server.db.Database;
import org.haetae.server.media.MediaOrder;
import org.haetae.server.media.MediaQueries;
import org.haetae.server.web.Pager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
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
      JdbcClient jdbc = JdbcClient.create(db.dataSource());
      CaseStore store = new CaseStore(db.dataSource());
      UUID id = store.put(analysis, "reads", tmp.toString());
      CaseOverview overview = new CaseOverview(jdbc);
      AccountQueries accounts = new AccountQueries(jdbc);

      CaseOverview.Summary s = overview.summary(id);
      assertThat(s.title()).isEqualTo("reads");
      assertThat(s.rooms()).isEqualTo(analysis.chats().size());
      assertThat(s.accounts()).isEqualTo(analysis.accounts().size());
      assertThat(s.flags()).isEqualTo(analysis.flags().size()).isPositive();
      assertThat(s.flagsToReview()).isEqualTo(s.flags());
      assertThat(s.findings()).isEqualTo(analysis.findings().size());
      assertThat(overview.rooms(id, Pager.of(0, 2))).hasSizeLessThanOrEqualTo(2);
      assertThatThrownBy(() -> overview.summary(UUID.randomUUID()))
          .isInstanceOf(ResponseStatusException.class);

      // An account's roles come back with every message they cite, in the analysis' order.
      ActorProfile top =
          analysis.accounts().stream().filter(p -> !p.roles().isEmpty()).findFirst().orElseThrow();
      Map<String, List<AccountQueries.Role>> roles =
          accounts.rolesOf(id, List.of(top.key(), "nobody"));
      assertThat(roles).containsOnlyKeys(top.key());
      for (RoleClaim claim : top.roles()) {
        AccountQueries.Role r =
            roles.get(top.key()).stream()
                .filter(x -> x.role().equals(claim.role().code()))
                .findFirst()
                .orElseThrow();
        assertThat(r.evidence()).containsExactlyInAnyOrderElementsOf(claim.evidence());
        assertThat(r.evidenceCount()).isEqualTo(claim.evidenceCount());
      }
      String room = top.chats().get(0);
      assertThat(accounts.members(id, room, Pager.of(0, 200)))
          .extracting(AccountQueries.Member::key)
          .contains(top.key());
      assertThat(accounts.memberCount(id, room)).isPositive();

      // A cited message is completed with the file it carried; the media pages find files by room.
      List<Cited> cited =
          new MessageLookup(jdbc, new org.haetae.server.texts.CaseTextsCache())
              .complete(id, tmp.resolve("no-index"), List.of(post));
      assertThat(cited).singleElement().extracting(Cited::mediaSha256).isEqualTo(item.sha256());
      org.haetae.server.media.MediaQueries media = new org.haetae.server.media.MediaQueries(jdbc);
      assertThat(media.list(id, false, post.chatKey(), MediaOrder.REVIEW, Pager.of(0, 200)))
          .extracting(org.haetae.server.media.MediaQueries.MediaRow::sha256)
          .contains(item.sha256());
      assertThat(media.count(id, false, "no-such-room")).isZero();
      assertThat(media.list(id, false, room2, MediaOrder.REVIEW, Pager.of(0, 200))).hasSize(2);
      assertThat(media.list(id, true, room2, MediaOrder.REVIEW, Pager.of(0, 200))).hasSize(1);
      // The spread timeline holds the file's posts and its variant's, oldest first.
      assertThat(media.timeline(id, media.media(id, item.sha256())))
          .extracting(p -> p.chatKey() + "#" + p.messageId() + (p.variant() ? "v" : ""))
          .containsExactly(room1 + "#7", room2 + "#9", room2 + "#11v");
      assertThat(media.nearDuplicates(id, media.media(id, item.sha256())))
          .extracting(org.haetae.server.media.MediaQueries.MediaRow::sha256)
          .containsExactly(variant.sha256());

      // A flag's review survives a new import of the case, which replaces the flags.
      FlagReviews reviews =
          new FlagReviews(
              jdbc,
              new AuditTrail(jdbc),
              new TransactionTemplate(new DataSourceTransactionManager(db.dataSource())));
      CaseOverview.FlagRow flag = overview.flags(id, null, null, Pager.of(0, 1)).get(0);
      assertThat(reviews.decide(id, flag.id(), true, "reviewer")).isTrue();
      assertThat(reviews.decide(id, -1, true, "reviewer")).isFalse();
      store.put(analysis, "reads", tmp.toString());
      assertThat(overview.summary(id).flagsToReview()).isEqualTo(s.flags() - 1);
      List<CaseOverview.FlagRow> after =
          overview.flags(id, flag.category(), null, Pager.of(0, 200));
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
      assertThat(new AuditTrail(jdbc).ofCase(id, 0, 10))
          .extracting(AuditTrail.Entry::action)
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
      UUID id = new CaseStore(db.dataSource()).put(analysis, "faces", tmp.toString());
      MediaQueries media = new MediaQueries(jdbc);
      CaseOverview overview = new CaseOverview(jdbc);

      // What the models said comes back as the scan wrote it.
      MediaQueries.Signals s = media.media(id, faceHit.sha256()).signals();
      assertThat(s.explicit()).isCloseTo(0.91, within(1e-9));
      assertThat(s.topClass()).isEqualTo("porn");
      assertThat(s.model()).isEqualTo(FaceFixtures.CLASSIFIER);
      assertThat(s.faces()).isEqualTo(2);
      assertThat(s.classes()).containsOnlyKeys("drawing", "hentai", "neutral", "porn", "sexy");
      assertThat(s.classes().get("hentai")).isCloseTo(0.11, within(1e-9));
      assertThat(s.needsConfirmation()).isTrue();
      assertThat(media.media(id, mild.sha256()).signals().needsConfirmation()).isFalse();
      assertThat(media.media(id, unscored.sha256()).signals()).isNull();
      MediaQueries.Signals onlyFaces = media.media(id, facesOnly.sha256()).signals();
      assertThat(onlyFaces.explicit()).isNull();
      assertThat(onlyFaces.faces()).isEqualTo(1);
      assertThat(onlyFaces.needsConfirmation()).isFalse();

      // The review queue: victims' files first, the most explicit first, the unscored last.
      assertThat(order(media, id, MediaOrder.REVIEW)).isEqualTo("213456");
      assertThat(order(media, id, MediaOrder.LEAST_EXPLICIT)).isEqualTo("124356");
      assertThat(order(media, id, MediaOrder.DATE)).isEqualTo("654321");
      assertThat(order(media, id, MediaOrder.POSTS)).isEqualTo("123456");
      assertThat(MediaOrder.of(null)).isEqualTo(MediaOrder.REVIEW);
      assertThat(MediaOrder.of("least-explicit")).isEqualTo(MediaOrder.LEAST_EXPLICIT);
      assertThatThrownBy(() -> MediaOrder.of("explicit; drop table media"))
          .isInstanceOf(ResponseStatusException.class);

      // A face match keeps why it matched; a hash match has no face.
      assertThat(media.matches(id, hashHit.sha256()))
          .singleElement()
          .satisfies(m -> assertThat(m.face()).isNull());
      assertThat(media.matches(id, faceHit.sha256()))
          .hasSize(2)
          .allSatisfy(m -> assertThat(m.how()).isEqualTo("face"));
      List<MediaQueries.FaceLead> leads = media.faceLeads(id, faceHit.sha256());
      assertThat(leads).extracting(MediaQueries.FaceLead::entryId).containsExactly("P-7", "P-9");
      MediaQueries.FaceLead lead = leads.get(0);
      assertThat(lead.bank()).isEqualTo("face:enrolled");
      assertThat(lead.face().similarity()).isCloseTo(0.57, within(1e-9));
      assertThat(lead.face().distance()).isCloseTo(0.43, within(1e-9));
      assertThat(lead.face().rank()).isEqualTo(1);
      assertThat(lead.face().box()).containsExactly(10.0, 20.0, 30.0, 40.0);
      assertThat(lead.face().model()).isEqualTo(FaceFixtures.EMBEDDER);
      assertThat(lead.posts()).isEqualTo(1);
      // Drawn in percent of the picture's size; not at all when the size is unknown.
      assertThat(lead.boxStyle(new MediaQueries.Size(200, 100)))
          .isEqualTo("left:5.00%;top:20.00%;width:15.00%;height:40.00%");
      assertThat(lead.boxStyle(null)).isNull();

      // Face matches are counted apart from hash matches, and listed after them.
      assertThat(overview.matchedFiles(id)).isEqualTo(new CaseOverview.MatchedFiles(1, 1));
      CaseOverview.Summary sum = overview.summary(id);
      assertThat(sum.matchedMedia()).isEqualTo(2);
      assertThat(sum.hashMatchedMedia()).isEqualTo(1);
      assertThat(sum.faceMatchedMedia()).isEqualTo(1);
      assertThat(overview.victims(id, Pager.of(0, 10)))
          .extracting(v -> v.bank() + "/" + v.entryId() + " " + v.face() + " " + v.files())
          .containsExactly(
              "victims/7 false 1", "face:enrolled/P-7 true 1", "face:enrolled/P-9 true 1");

      // A file whose posts have no date comes last in the date order.
      jdbc.sql("update media set first_seen = null where case_id = ? and sha256 = ?")
          .params(id, facesOnly.sha256())
          .update();
      assertThat(order(media, id, MediaOrder.DATE)).isEqualTo("543216");
    }
  }

  /** The files in this order, each by the character its SHA-256 repeats. */
  private static String order(MediaQueries media, UUID id, MediaOrder o) {
    StringBuilder out = new StringBuilder();
    for (MediaQueries.MediaRow r : media.list(id, false, null, o, Pager.of(0, 200))) {
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
