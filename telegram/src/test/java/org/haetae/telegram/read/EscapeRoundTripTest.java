package org.haetae.telegram.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.haetae.demo.export.TdJsonWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random texts written with Telegram's own escaping (control characters as \xHH) must read back
 * exactly; with a small string bound they must read back as a prefix, never as garbage.
 */
class EscapeRoundTripTest {
  @TempDir Path dir;

  private static final String ALPHABET = "ab \"\\/\n\r\t\u0000\u0001\u0007\u001b\u001f한글é\u2028";

  private static String randomText(Random r) {
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(40);
    for (int i = 0; i < n; i++) {
      if (r.nextInt(10) == 0) {
        b.append("😀"); // a surrogate pair: 4 bytes in UTF-8
      } else {
        b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
      }
    }
    return b.toString();
  }

  private List<String> roundTrip(List<String> texts, ReaderOptions options) throws Exception {
    try (OutputStream out = Files.newOutputStream(dir.resolve("result.json"));
        TdJsonWriter w = new TdJsonWriter(out)) {
      w.beginObject().field("name", "n").field("type", "private_group").field("id", 1);
      w.key("messages").beginArray();
      for (int i = 0; i < texts.size(); i++) {
        w.beginObject().field("id", i + 1).field("type", "message").field("text", texts.get(i));
        w.endObject();
      }
      w.endArray().endObject();
    }
    Collected c = Collected.read(new ExportReader(dir, options));
    assertThat(c.summary.complete()).isTrue();
    return c.messages.stream().map(m -> m.text().plain()).toList();
  }

  @Test
  void textsReadBackExactly() throws Exception {
    Random r = new Random(99);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      texts.add(randomText(r));
    }
    assertThat(roundTrip(texts, ReaderOptions.DEFAULT)).isEqualTo(texts);
  }

  @Test
  void boundedTextsAreCleanPrefixes() throws Exception {
    Random r = new Random(7);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      texts.add(randomText(r));
    }
    List<String> back = roundTrip(texts, new ReaderOptions(9, 48, 1000));
    for (int i = 0; i < texts.size(); i++) {
      String got = back.get(i);
      assertThat(texts.get(i)).as("message %d", i).startsWith(got);
      assertThat(got.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(9 * 4);
      // No replacement characters: cuts never split a UTF-8 sequence.
      assertThat(got).doesNotContain("\uFFFD");
    }
  }
}
