package org.haetae.telegram.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.haetae.hashing.testdata.ReferenceData;
import org.haetae.telegram.model.MediaStatus;
import org.haetae.telegram.model.Message;
import org.haetae.telegram.model.PeerId;
import org.haetae.telegram.model.TextEntity;
import org.junit.jupiter.api.Test;

/** The public sample exports in shared/reference/telegram, read in place. */
class ReferenceSamplesTest {
  private static Collected read(String name) throws Exception {
    Path dir = ReferenceData.require("telegram");
    Path file = dir.resolve("innerdvations-telegram-chat-parser-" + name + ".json");
    return Collected.read(new ExportReader(dir, file, ReaderOptions.DEFAULT));
  }

  @Test
  void usersTestSample() throws Exception {
    Collected c = read("users_test");
    assertThat(c.summary.complete()).isTrue();
    assertThat(c.chats)
        .singleElement()
        .satisfies(
            ch -> {
              assertThat(ch.type()).isEqualTo("saved_messages");
              assertThat(ch.name()).isNull();
              assertThat(ch.id()).isEqualTo(1L);
              assertThat(ch.messageCount()).isEqualTo(9);
            });
    assertThat(c.messages)
        .extracting(Message::id)
        .containsExactly(100L, 200L, 300L, 400L, 500L, 600L, 700L, 800L, 900L);
    assertThat(c.byId(300).text().plain()).isEqualTo("\"quoted text\"");
    assertThat(c.byId(500).text().plain()).contains("\n- with line breaks\n");
    Message via = c.byId(200);
    assertThat(via.viaBot()).isEqualTo("@gif");
    assertThat(via.fromId()).isEqualTo(new PeerId("", 1));
    assertThat(via.dateUnixtime()).isNull();
    assertThat(via.media())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo(MediaStatus.MISSING);
              assertThat(r.mediaType()).isEqualTo("animation");
              assertThat(r.durationSeconds()).isEqualTo(4);
            });
    Message big = c.byId(400);
    assertThat(big.forwardedFrom()).isEqualTo("User3");
    assertThat(big.savedFrom()).isEqualTo("User4");
    assertThat(big.media())
        .extracting(r -> r.field() + ":" + r.status())
        .containsExactly("file:EXCEEDS_MAXIMUM_SIZE", "thumbnail:EXCEEDS_MAXIMUM_SIZE");
    Message pin = c.byId(600);
    assertThat(pin.action().action()).isEqualTo("pin_message");
    assertThat(pin.action().messageId()).isEqualTo(300L);
    assertThat(pin.action().actorId()).isEqualTo(new PeerId("", 3));
    assertThat(c.byId(700).replyToMessageId()).isEqualTo(500L);
    // Every media reference of the sample is missing here, and each is reported.
    assertThat(c.findings("media_missing")).hasSize(3);
    assertThat(c.accounts).extracting(a -> a.id().toString()).contains("1", "2", "3", "4");
  }

  @Test
  void savedSampleTextArraysBecomePlainTextWithEntities() throws Exception {
    Collected c = read("saved");
    assertThat(c.summary.complete()).isTrue();
    Message m = c.byId(173430);
    String plain = m.text().plain();
    assertThat(m.text().entities())
        .extracting(TextEntity::type)
        .containsExactly(
            "bold", "italic", "strikethrough", "underline", "mention", "text_link", "code", "link");
    for (TextEntity e : m.text().entities()) {
      assertThat(plain.substring(e.offset(), e.offset() + e.text().length())).isEqualTo(e.text());
    }
    assertThat(m.text().entities().get(5).href()).isEqualTo("http://google.com/");
    Message photo = c.byId(173429);
    assertThat(photo.media())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.field()).isEqualTo("photo");
              assertThat(r.rawPath()).isEqualTo("photos/photo_1@01-08-2020_22-01-49.jpg");
              assertThat(r.width()).isEqualTo(904);
              assertThat(r.status()).isEqualTo(MediaStatus.MISSING);
            });
    Message voice = c.byId(217584);
    assertThat(voice.media().get(0).mediaType()).isEqualTo("voice_message");
    assertThat(c.messages).anySatisfy(x -> assertThat(x.rawJson().json()).contains("\"poll\""));
  }

  @Test
  void migratedSupergroupKeepsNegativeIds() throws Exception {
    Collected c = read("public_supergroup");
    assertThat(c.messages)
        .extracting(Message::id)
        .containsExactly(-999678450L, -999678449L, -999675685L, 1L);
    Message create = c.byId(-999678450L);
    assertThat(create.action().action()).isEqualTo("create_group");
    assertThat(create.action().members()).containsExactly("Ben", "BenBot");
    assertThat(c.byId(-999675685L).action().action()).isEqualTo("migrate_to_supergroup");
    assertThat(c.byId(1).action().title()).isEqualTo("test");
    assertThat(c.chats.get(0).type()).isEqualTo("public_supergroup");
  }

  @Test
  void privateChannelPollsAreKeptRaw() throws Exception {
    Collected c = read("private_channel");
    assertThat(c.byId(1).action().action()).isEqualTo("create_channel");
    assertThat(c.byId(5).rawJson().json()).contains("\"question\":\"Poll question\"");
    assertThat(c.byId(3).replyToMessageId()).isEqualTo(2L);
    assertThat(c.chats.get(0).id()).isEqualTo(10036995664L);
  }
}
