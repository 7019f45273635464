package org.haetae.evidence.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.haetae.evidence.custody.CustodyEvent.ExplicitScores;
import org.haetae.evidence.custody.CustodyEvent.FaceBox;
import org.haetae.evidence.custody.CustodyEvent.FaceHit;
import org.haetae.evidence.keys.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Events the case fixture does not hold go through the codec and back unchanged. */
class EventCodecTest {
  @TempDir java.nio.file.Path dir;

  static CustodyEvent roundTrip(CustodyEvent event) throws EntryCodec.BadEntry {
    String body =
        EntryCodec.body(
            3, "2024-01-01T00:00:00Z", event.type(), EntryCodec.ZERO, EventCodec.encode(event));
    return EntryCodec.decode(EntryCodec.line(body, EntryCodec.sha256(body))).event();
  }

  @Test
  void everyKindSurvivesTheCodec() throws Exception {
    Map<String, Double> classes = new LinkedHashMap<>();
    classes.put("drawing", 0.01);
    classes.put("neutral", 0.98);
    classes.put("porn", 1.0);
    List<CustodyEvent> events =
        List.of(
            new CustodyEvent.Faces(
                "aa",
                "fp",
                "det",
                "emb",
                640,
                480,
                List.of(new FaceBox(1, 2, 30, 40, 0.987)),
                new ExplicitScores("nsfw", classes, 0.5),
                0.25,
                List.of(
                    new FaceHit("victims", "p1", 0.31, 0.69, 1, new FaceBox(1, 2, 30, 40, null)))),
            new CustodyEvent.Faces(
                "bb", "fp", "det", "emb", 10, 10, List.of(), null, null, List.of()),
            new CustodyEvent.FacesFailed("cc", "fp", "corrupt"),
            new CustodyEvent.FacesFailed("cc", "fp", null),
            new CustodyEvent.HashFailed("dd", "decoder_error", "ArrayIndexOutOfBoundsException: 7"),
            new CustodyEvent.HashFailed("dd", "too_large", null),
            new CustodyEvent.Records(
                "e1",
                Map.of("messages.jsonl", "ff"),
                "single_chat",
                1,
                2,
                3,
                Map.of("bad_json", 1L),
                false,
                "unexpected end",
                120L),
            new CustodyEvent.Matched("scan", List.of("b"), 31, 50, 7, 1, null),
            new CustodyEvent.Viewed("ee", "inv", true, 0.9876, true),
            new CustodyEvent.Unknown("future_kind", Map.of("x", 1L)));
    for (CustodyEvent e : events) {
      assertThat(roundTrip(e)).isEqualTo(e);
    }
  }

  @Test
  void anIncompleteReadWithoutAnErrorStillWritesItsNullsAsBefore() {
    Map<String, Object> m =
        EventCodec.encode(
            new CustodyEvent.Records(
                "e1", Map.of(), "account", 0, 0, 0, Map.of(), false, null, null));
    assertThat(m).containsKeys("error", "error_offset");
    assertThat(new ArrayList<>(m.keySet()).subList(0, 2)).containsExactly("export", "files");
  }

  @Test
  void theLogWritesItsOwnEntriesAndNoUnknownOnes() throws Exception {
    try (CustodyLog log =
        CustodyLog.open(
            dir.resolve("custody.log"),
            SigningKey.load(dir.resolve("signing.key")),
            CustodyLog.Genesis.NONE,
            100,
            Clock.systemUTC(),
            e -> {})) {
      assertThatThrownBy(() -> log.append(new CustodyEvent.Checkpoint(1, "a", "b", "c")))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> log.append(new CustodyEvent.Unknown("x", Map.of())))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(log.append(new CustodyEvent.Exported("report.pdf", "00", "inv")).event())
          .isEqualTo(new CustodyEvent.Exported("report.pdf", "00", "inv"));
    }
  }
}
