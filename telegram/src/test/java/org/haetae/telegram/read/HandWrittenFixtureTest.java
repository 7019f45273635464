package org.haetae.telegram.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.haetae.telegram.model.MediaStatus;
import org.haetae.telegram.model.Message;
import org.haetae.telegram.model.PeerId;
import org.junit.jupiter.api.Test;

/**
 * A small full-account export written by hand (src/test/resources/fixtures/account): no public one
 * was found. It is cut off inside the last message of its left channel, like an interrupted export.
 */
class HandWrittenFixtureTest {
  @Test
  void accountExportCutOffInItsLastChat() throws Exception {
    Path dir = Path.of(getClass().getResource("/fixtures/account/result.json").toURI()).getParent();
    Collected c = Collected.read(new ExportReader(dir));

    assertThat(c.summary.shape()).isEqualTo("account");
    assertThat(c.summary.complete()).isFalse();
    assertThat(c.summary.lastMessageId()).isEqualTo(2L);
    assertThat(c.summary.error()).contains("ends before the export does").contains("message id 2");
    assertThat(c.chats)
        .extracting(ch -> ch.name() + "/" + ch.section() + "/" + ch.complete())
        .containsExactly("Group A/chats/true", "Old Channel/left_chats/false");
    assertThat(c.messages).extracting(Message::id).containsExactly(10L, 11L, 12L, 1L, 2L);

    Message invite = c.messages.get(0);
    assertThat(invite.action().action()).isEqualTo("invite_members");
    assertThat(invite.action().members()).containsExactly("Contact One", null);
    Message linked = c.messages.get(1);
    assertThat(linked.text().plain()).isEqualTo("see https://example.org and\u0007 call +00 123");
    assertThat(linked.text().entities())
        .extracting(e -> e.type() + "@" + e.offset())
        .containsExactly("link@4", "phone@34");
    assertThat(linked.editedUnixtime()).isEqualTo(1706789100L);
    Message traversal = c.messages.get(2);
    assertThat(traversal.media().get(0).status()).isEqualTo(MediaStatus.PATH_TRAVERSAL);
    assertThat(traversal.forwardedFrom()).isEqualTo("Somebody Else");
    Message channelPost = c.messages.get(4);
    assertThat(channelPost.author()).isEqualTo("Signer");
    assertThat(channelPost.fromId()).isEqualTo(new PeerId("channel", 1900000002L));
    assertThat(channelPost.media().get(0).status()).isEqualTo(MediaStatus.NOT_INCLUDED);
    assertThat(channelPost.text().entities().get(0).type()).isEqualTo("hashtag");

    assertThat(c.contacts)
        .singleElement()
        .satisfies(k -> assertThat(k.userId()).isEqualTo("5550001"));
    assertThat(c.sections)
        .anySatisfy(
            s -> {
              assertThat(s.section()).isEqualTo("profile_pictures");
              assertThat(s.media().get(0).status()).isEqualTo(MediaStatus.NOT_INCLUDED);
            });
    assertThat(c.accounts)
        .anySatisfy(
            a -> {
              assertThat(a.id()).isEqualTo(new PeerId("user", 5550001));
              assertThat(a.names())
                  .extracting(n -> n.name())
                  .containsExactly("Contact One", "Contact One (new name)");
              assertThat(a.names().get(0).firstSeen()).isEqualTo(1706788860L);
            });
    assertThat(c.accounts)
        .anySatisfy(
            a -> {
              // personal_information's bare user_id is a user: it joins the account seen as an
              // actor.
              assertThat(a.id()).isEqualTo(new PeerId("user", 777000111));
              assertThat(a.self()).isTrue();
              assertThat(a.names()).extracting(n -> n.name()).contains("Hand Written");
            });
    assertThat(c.findings("media_missing")).hasSize(3);
  }
}
