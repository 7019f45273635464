package org.haetae.telegram.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.haetae.demo.export.SyntheticExport;
import org.haetae.demo.export.SyntheticExport.Shape;
import org.haetae.telegram.model.MediaStatus;
import org.haetae.telegram.model.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports written like Telegram Desktop writes them, every variant, both shapes. */
class SyntheticExportReadTest {
  @TempDir Path dir;

  @Test
  void singleChatWithEveryVariantMatchesWhatWasWritten() throws Exception {
    SyntheticExport.Manifest written =
        SyntheticExport.write(dir, SyntheticExport.Options.everyVariant(7, Shape.SINGLE_CHAT));
    Collected c = Collected.read(new ExportReader(dir));

    assertThat(c.summary.complete()).isTrue();
    assertThat(c.summary.shape()).isEqualTo("single_chat");
    assertThat(c.messages).hasSize((int) written.messages());
    assertThat(c.messages.stream().filter(m -> "service".equals(m.type())).count())
        .isEqualTo(written.serviceMessages());
    long refs = c.messages.stream().mapToLong(m -> m.media().size()).sum();
    long present =
        c.messages.stream()
            .flatMap(m -> m.media().stream())
            .filter(r -> r.status() == MediaStatus.PRESENT)
            .count();
    assertThat(refs).isEqualTo(written.mediaRefs());
    assertThat(present).isEqualTo(written.presentMediaRefs());
    assertThat(c.findings("media_missing")).hasSize((int) written.missingMediaRefs());
    // Every placeholder kind is recognised as such.
    assertThat(
            c.messages.stream()
                .flatMap(m -> m.media().stream())
                .map(r -> r.status())
                .collect(Collectors.toSet()))
        .contains(
            MediaStatus.PRESENT,
            MediaStatus.NOT_INCLUDED,
            MediaStatus.EXCEEDS_MAXIMUM_SIZE,
            MediaStatus.UNAVAILABLE);

    Set<String> actions =
        c.messages.stream()
            .filter(m -> m.action() != null)
            .map(m -> m.action().action())
            .filter(Objects::nonNull)
            .collect(Collectors.toSet());
    assertThat(actions)
        .contains(
            "create_group",
            "invite_members",
            "join_group_by_link",
            "remove_members",
            "pin_message",
            "migrate_to_supergroup",
            "migrate_from_group",
            "set_messages_ttl");
    assertThat(c.messages)
        .anySatisfy(
            m -> {
              assertThat(m.action()).isNotNull();
              assertThat(m.action().action()).isNull();
              assertThat(m.action().informationText()).isEqualTo("custom service text");
            });
    Message create =
        c.messages.stream()
            .filter(m -> m.action() != null && "create_group".equals(m.action().action()))
            .findFirst()
            .orElseThrow();
    assertThat(create.action().members()).containsExactly("Member 0", "Member 1", null);
    assertThat(c.messages).anySatisfy(m -> assertThat(m.type()).isEqualTo("unsupported"));
    assertThat(c.messages)
        .anySatisfy(m -> assertThat(m.forwardedFrom()).isEqualTo("Forward Source"));
    assertThat(c.messages).anySatisfy(m -> assertThat(m.viaBot()).isEqualTo("@gif"));
    assertThat(c.messages).anySatisfy(m -> assertThat(m.author()).isEqualTo("Channel Signer"));
    assertThat(c.messages).anySatisfy(m -> assertThat(m.editedUnixtime()).isNotNull());
    assertThat(c.messages)
        .anySatisfy(m -> assertThat(m.replyToPeerId()).isEqualTo("channel4000000001"));
    assertThat(c.messages)
        .anySatisfy(m -> assertThat(m.rawJson().json()).contains("\"reactions\""));
    // \xHH escapes, rejected by strict parsers, come back as the control characters they stand for.
    assertThat(written.xEscapes()).isPositive();
    assertThat(c.messages).anySatisfy(m -> assertThat(m.text().plain()).contains("\u0001"));
    assertThat(c.findings("nonstandard_escapes")).hasSize(1);
    // Entities carry their offsets into the plain text.
    Message formatted =
        c.messages.stream().filter(m -> m.text().entities().size() >= 20).findFirst().orElseThrow();
    formatted
        .text()
        .entities()
        .forEach(
            e ->
                assertThat(
                        formatted
                            .text()
                            .plain()
                            .substring(e.offset(), e.offset() + e.text().length()))
                    .isEqualTo(e.text()));
    assertThat(formatted.text().entities())
        .extracting(e -> e.type())
        .contains("mention", "hashtag", "link", "email", "phone", "text_link", "mention_name");
    // Names over time: one account was renamed during the export.
    assertThat(c.accounts)
        .anySatisfy(
            a -> {
              assertThat(a.id().toString()).isEqualTo("user1001");
              assertThat(a.names()).hasSize(2);
            });
    for (Message m : c.messages) {
      assertThat(m.dateUnixtime()).isNotNull();
    }
  }

  @Test
  void accountExportReadsChatsLeftChatsContactsAndProfilePictures() throws Exception {
    SyntheticExport.Manifest written =
        SyntheticExport.write(dir, SyntheticExport.Options.everyVariant(3, Shape.ACCOUNT));
    Collected c = Collected.read(new ExportReader(dir));

    assertThat(c.summary.shape()).isEqualTo("account");
    assertThat(c.summary.complete()).isTrue();
    assertThat(c.chats).hasSize((int) written.chats());
    assertThat(c.chats)
        .extracting(ch -> ch.section())
        .containsExactly("chats", "chats", "left_chats");
    assertThat(c.chats).extracting(ch -> ch.ordinal()).containsExactly(0, 1, 2);
    assertThat(c.messages).hasSize((int) written.messages());
    assertThat(c.contacts).hasSize(3);
    assertThat(c.contacts.get(0).userId()).isEqualTo("1000");
    long refs =
        c.messages.stream().mapToLong(m -> m.media().size()).sum()
            + c.sections.stream().mapToLong(s -> s.media().size()).sum();
    assertThat(refs).isEqualTo(written.mediaRefs());
    assertThat(c.sections)
        .anySatisfy(
            s -> {
              assertThat(s.section()).isEqualTo("profile_pictures");
              assertThat(s.media())
                  .singleElement()
                  .satisfies(r -> assertThat(r.status()).isEqualTo(MediaStatus.PRESENT));
            });
    assertThat(c.sections).anySatisfy(s -> assertThat(s.section()).isEqualTo("sessions"));
    assertThat(c.accounts)
        .anySatisfy(
            a -> {
              assertThat(a.self()).isTrue();
              assertThat(a.names().get(0).name()).isEqualTo("Exporting Investigator");
            });
  }

  @Test
  void bulkExportCountsAndImages() throws Exception {
    SyntheticExport.Manifest written =
        SyntheticExport.write(
            dir, new SyntheticExport.Options(11, Shape.ACCOUNT, 4, 500, 40, false));
    Collected c = Collected.read(new ExportReader(dir));
    assertThat(c.messages).hasSize(2000);
    assertThat(written.imageFiles()).isEqualTo(40 + 2);
    assertThat(c.messages.stream().flatMap(m -> m.media().stream()).count()).isEqualTo(40);
    assertThat(c.messages).extracting(Message::seq).doesNotHaveDuplicates();
  }
}
