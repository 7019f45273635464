package org.haetae.server.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.haetae.analysis.result.ActorProfile;
import org.haetae.analysis.result.CaseAnalysis;
import org.haetae.analysis.result.RoleClaim;
import org.haetae.server.accounts.AccountQueries;
import org.haetae.server.audit.AuditTrail;
import org.haetae.server.db.Database;
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
      assertThat(media.list(id, false, post.chatKey(), Pager.of(0, 200)))
          .extracting(org.haetae.server.media.MediaQueries.MediaRow::sha256)
          .contains(item.sha256());
      assertThat(media.count(id, false, "no-such-room")).isZero();
      assertThat(media.list(id, false, room2, Pager.of(0, 200))).hasSize(2);
      assertThat(media.list(id, true, room2, Pager.of(0, 200))).hasSize(1);
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
