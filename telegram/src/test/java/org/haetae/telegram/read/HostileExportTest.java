package org.haetae.telegram.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.haetae.demo.export.SyntheticExport;
import org.haetae.demo.export.SyntheticExport.Shape;
import org.haetae.telegram.model.Finding;
import org.haetae.telegram.model.MediaStatus;
import org.haetae.telegram.model.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports made to hurt: bad paths, broken JSON, huge and deep values. Never fatal. */
class HostileExportTest {
  @TempDir Path dir;
  @TempDir Path outside;

  private static String chat(String messages) {
    return "{\n \"name\": \"x\",\n \"type\": \"private_group\",\n \"id\": 5,\n \"messages\": ["
        + messages
        + "\n ]\n}\n";
  }

  private static String photoMessage(int id, String path) {
    return "{\"id\": "
        + id
        + ", \"type\": \"message\", \"date\": \"2024-01-01T00:00:00\","
        + " \"date_unixtime\": \"1704067200\", \"from\": \"A\", \"from_id\": \"user1\","
        + " \"photo\": \""
        + path
        + "\", \"text\": \"\"}";
  }

  private Collected readJson(String json) throws Exception {
    Files.writeString(dir.resolve("result.json"), json);
    return Collected.read(new ExportReader(dir));
  }

  @Test
  void pathsOutsideTheExportAreClassifiedNeverFollowed() throws Exception {
    Files.createDirectories(dir.resolve("photos"));
    Files.write(dir.resolve("photos/ok.jpg"), new byte[] {1});
    Path secret = Files.write(outside.resolve("secret.jpg"), new byte[] {2});
    Files.createSymbolicLink(dir.resolve("photos/out.jpg"), secret);
    Files.createSymbolicLink(dir.resolve("linkdir"), outside);
    Files.createSymbolicLink(dir.resolve("photos/in.jpg"), dir.resolve("photos/ok.jpg"));
    String[] paths = {
      "photos/ok.jpg",
      "../../../../etc/passwd",
      "photos/../../x.jpg",
      "/etc/passwd",
      "C:\\\\Windows\\\\x.jpg",
      "..\\\\..\\\\x.jpg",
      "photos/out.jpg",
      "linkdir/secret.jpg",
      "photos/in.jpg",
      "photos/none.jpg",
      "photos",
      "(File not included. Change data exporting settings to download.)",
      "(Photo exceeds maximum size. Change data exporting settings to download.)",
      ""
    };
    MediaStatus[] expected = {
      MediaStatus.PRESENT,
      MediaStatus.PATH_TRAVERSAL,
      MediaStatus.PATH_TRAVERSAL,
      MediaStatus.ABSOLUTE_PATH,
      MediaStatus.ABSOLUTE_PATH,
      MediaStatus.PATH_TRAVERSAL,
      MediaStatus.SYMLINK_OUTSIDE,
      MediaStatus.SYMLINK_OUTSIDE,
      MediaStatus.SYMLINK,
      MediaStatus.MISSING,
      MediaStatus.NOT_A_FILE,
      MediaStatus.NOT_INCLUDED,
      MediaStatus.EXCEEDS_MAXIMUM_SIZE,
      MediaStatus.INVALID_PATH
    };
    StringBuilder msgs = new StringBuilder();
    for (int i = 0; i < paths.length; i++) {
      msgs.append(i == 0 ? "\n" : ",\n").append(photoMessage(i + 1, paths[i]));
    }
    Collected c = readJson(chat(msgs.toString()));
    assertThat(c.summary.complete()).isTrue();
    for (int i = 0; i < paths.length; i++) {
      assertThat(c.byId(i + 1).media().get(0).status()).as(paths[i]).isEqualTo(expected[i]);
    }
    assertThat(c.byId(1).media().get(0).relativePath()).isEqualTo("photos/ok.jpg");
    assertThat(c.messages.stream().flatMap(m -> m.media().stream()))
        .filteredOn(r -> r.status() != MediaStatus.PRESENT)
        .allSatisfy(r -> assertThat(r.relativePath()).isNull());
    assertThat(c.findings("media_missing")).hasSize(paths.length - 1);
  }

  @Test
  void exportCutAnywhereKeepsEverythingBeforeTheCut() throws Exception {
    Path full = dir.resolve("full");
    SyntheticExport.write(full, new SyntheticExport.Options(5, Shape.ACCOUNT, 3, 40, 0, false));
    byte[] bytes = Files.readAllBytes(full.resolve("result.json"));
    Collected whole = Collected.read(new ExportReader(full));
    assertThat(whole.summary.complete()).isTrue();
    Random r = new Random(42);
    for (int trial = 0; trial < 40; trial++) {
      int cut = 1 + r.nextInt(bytes.length - 3);
      Files.write(dir.resolve("result.json"), Arrays.copyOf(bytes, cut));
      Collected c = Collected.read(new ExportReader(dir));
      assertThat(c.summary.complete()).as("cut at %d", cut).isFalse();
      assertThat(c.summary.errorOffset()).isBetween(0L, (long) cut);
      assertThat(c.findings("export_truncated"))
          .singleElement()
          .satisfies(f -> assertThat(f.byteOffset()).isEqualTo(c.summary.errorOffset()));
      // What was read is exactly the prefix of the complete export.
      for (int i = 0; i < c.messages.size(); i++) {
        assertThat(c.messages.get(i)).isEqualTo(whole.messages.get(i));
      }
      if (!c.messages.isEmpty()) {
        Message last = c.messages.get(c.messages.size() - 1);
        assertThat(c.summary.lastMessageId()).isEqualTo(last.id());
        assertThat(c.summary.error()).contains("after message id " + last.id());
        // Messages end before the cut: the last complete one is entirely before it.
        assertThat(new String(bytes, 0, cut, StandardCharsets.UTF_8))
            .contains("\"id\": " + last.id());
      }
    }
  }

  @Test
  void garbageInTheMiddleIsReportedWithItsByteOffset() throws Exception {
    String good = photoMessage(1, "(File not included.)");
    String json = chat("\n" + good + ",\n" + photoMessage(2, "a") + ",\n @@@ ,\n" + good);
    Collected c = readJson(json);
    assertThat(c.summary.complete()).isFalse();
    assertThat(c.messages).extracting(Message::id).containsExactly(1L, 2L);
    Finding f = c.findings("export_truncated").get(0);
    assertThat(f.code()).isEqualTo("malformed_json");
    long at =
        json.getBytes(StandardCharsets.UTF_8).length
            - json.substring(json.indexOf("@@@")).getBytes(StandardCharsets.UTF_8).length;
    assertThat(f.byteOffset()).isBetween(at - 2, at + 3);
    assertThat(c.chats).singleElement().satisfies(ch -> assertThat(ch.complete()).isFalse());
  }

  @Test
  void nonStandardEscapesAreDecodedButEscapedBackslashesAreNot() throws Exception {
    String msg =
        "{\"id\": 1, \"type\": \"message\", \"text\": \"a\\x01b\\x1Fc \\\\x41 \\u00e9 \\\"\\x0A\"}";
    Collected c = readJson(chat("\n" + msg + ",\n" + photoMessage(2, "p")));
    assertThat(c.summary.complete()).isTrue();
    assertThat(c.byId(1).text().plain()).isEqualTo("a\u0001b\u001Fc \\x41 \u00e9 \"\n");
    assertThat(c.byId(2).media()).hasSize(1);
  }

  @Test
  void rawControlCharactersAreAccepted() throws Exception {
    Collected c = readJson(chat("\n{\"id\": 1, \"type\": \"message\", \"text\": \"a\u0002b\"}"));
    assertThat(c.byId(1).text().plain()).isEqualTo("a\u0002b");
  }

  @Test
  void hugeTextFieldIsCutNotHeld() throws Exception {
    Path f = dir.resolve("result.json");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(f))) {
      out.write(chat("").substring(0, chat("").indexOf("[") + 1).getBytes(StandardCharsets.UTF_8));
      out.write(
          "\n{\"id\": 1, \"type\": \"message\", \"text\": \"".getBytes(StandardCharsets.UTF_8));
      byte[] chunk = "한글 text \\x01 \\\" ".repeat(1000).getBytes(StandardCharsets.UTF_8);
      for (long written = 0; written < 100L << 20; written += chunk.length) {
        out.write(chunk);
      }
      out.write("\"},\n".getBytes(StandardCharsets.UTF_8));
      out.write(photoMessage(2, "(File not included.)").getBytes(StandardCharsets.UTF_8));
      out.write("\n ]\n}\n".getBytes(StandardCharsets.UTF_8));
    }
    Collected c = Collected.read(new ExportReader(dir));
    assertThat(c.summary.complete()).isTrue();
    Message m = c.byId(1);
    assertThat(m.text().truncated()).isTrue();
    assertThat(m.text().plain().length()).isBetween(100_000, 1 << 20);
    assertThat(m.text().plain()).startsWith("한글 text \u0001 \" ");
    assertThat(c.findings("field_truncated"))
        .singleElement()
        .satisfies(x -> assertThat(x.messageId()).isEqualTo(1L));
    assertThat(c.byId(2).text().truncated()).isFalse();
  }

  @Test
  void deeplyNestedEntitiesAreReplacedAndReadingGoesOn() throws Exception {
    int depth = 200_000;
    String nested =
        "[".repeat(depth) + "{\"type\": \"bold\", \"text\": \"]]\"}" + "]".repeat(depth);
    String msg = "{\"id\": 1, \"type\": \"message\", \"text\": [\"a\", " + nested + ", \"b\"]}";
    Collected c = readJson(chat("\n" + msg + ",\n" + photoMessage(2, "p")));
    assertThat(c.summary.complete()).isTrue();
    assertThat(c.byId(1).text().plain()).isEqualTo("ab");
    assertThat(c.byId(1).rawJson().json()).contains("null");
    assertThat(c.findings("nesting_too_deep"))
        .singleElement()
        .satisfies(x -> assertThat(x.messageId()).isEqualTo(1L));
    assertThat(c.messages).hasSize(2);
  }

  @Test
  void oddValuesAreDataNotFailures() throws Exception {
    String msgs =
        "\n{\"id\": \"x\", \"type\": 5, \"from_id\": {\"a\": 1}, \"text\": 7, \"photo\": 3},"
            + "\n\"not an object\","
            + "\n{\"id\": 99999999999999999999999, \"type\": \"message\", \"from_id\": \"channel77\","
            + " \"date_unixtime\": \"12x\", \"brand_new_field\": {\"k\": [1, 2.5, true, null]}}";
    Collected c = readJson(chat(msgs));
    assertThat(c.summary.complete()).isTrue();
    assertThat(c.messages).hasSize(2);
    assertThat(c.messages.get(0).id()).isNull();
    assertThat(c.messages.get(1).fromId().kind()).isEqualTo("channel");
    assertThat(c.messages.get(1).rawJson().json())
        .contains("\"brand_new_field\":{\"k\":[1,2.5,true,null]}");
    assertThat(c.findings("message_without_id")).hasSize(2);
    assertThat(c.findings("unexpected_shape")).hasSize(1);
  }

  @Test
  void notAnExportAtAll() throws Exception {
    Collected c = readJson("[1, 2]");
    assertThat(c.summary.complete()).isFalse();
    assertThat(c.messages).isEmpty();
  }
}
