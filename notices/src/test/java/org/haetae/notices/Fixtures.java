package org.haetae.notices;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Complete requests of every kind, all invented. */
final class Fixtures {
  static final String PDQ = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";
  static final String MD5 = "d41d8cd98f00b204e9800998ecf8427e";
  static final String URL_1 = "https://example-host.eu/view/8812?img=3";
  static final String URL_2 = "https://t.me/s/example_room/1234";
  static final String VICTIM_NAME = "김지은";
  static final String PSEUDONYM = "피해자 A (J.K.)";
  static final String EXPLANATION_EN =
      "The images show the face of the person depicted, taken from her public profile photos, on"
          + " sexually explicit synthetic bodies. She never consented to their making or"
          + " publication. Haetae's hash match and the support centre's review confirm the"
          + " source photos.";
  static final String EXPLANATION_KO =
      "피해자의 SNS 프로필 사진에 있는 얼굴을 성적인 합성 이미지에 붙인 허위영상물입니다. 피해자는 제작과 게시에 동의한 적이"
          + " 없으며, 지원센터가 원본 사진과의 일치를 확인했습니다.";

  private Fixtures() {}

  static Notifier supportCentre() {
    return new Notifier(
        "Minji Park",
        "디지털성범죄피해자지원센터",
        "minji.park@support.example.org",
        "+82 2 735 8994",
        Notifier.Role.SUPPORT_CENTRE,
        PSEUDONYM);
  }

  static Victim adult() {
    return new Victim(VICTIM_NAME, PSEUDONYM, false, false);
  }

  static Victim minor() {
    return new Victim(VICTIM_NAME, PSEUDONYM, true, false);
  }

  static List<ContentLocation> locations() {
    return List.of(
        new ContentLocation(
            URL_1,
            "example-host.eu",
            "Synthetic nude image with the person's face",
            Instant.parse("2025-03-02T09:15:00Z"),
            PDQ,
            MD5),
        new ContentLocation(
            URL_2, "Telegram", "Repost of the same image in a public channel", null, null, MD5));
  }

  static NoticeRequest request(NoticeKind kind, Language language) {
    return new NoticeRequest(
        kind,
        supportCentre(),
        adult(),
        locations(),
        kind == NoticeKind.KR_KCSC || language == Language.KO ? EXPLANATION_KO : EXPLANATION_EN,
        "/s/ Minji Park",
        LocalDate.of(2025, 6, 2),
        language,
        "HAE-2025-0042",
        true);
  }

  /** A request with {@code n} locations, for a notice over several pages. */
  static NoticeRequest many(NoticeKind kind, Language language, int n) {
    List<ContentLocation> l = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      l.add(
          new ContentLocation(
              "https://example-host.eu/view/" + (10_000 + i) + "?a=very-long-parameter-" + i,
              "example-host.eu",
              "Copy " + i + " of the synthetic image",
              null,
              PDQ,
              null));
    }
    NoticeRequest r = request(kind, language);
    return new NoticeRequest(
        kind,
        r.notifier(),
        r.victim(),
        l,
        r.explanation(),
        r.signature(),
        r.signedOn(),
        language,
        r.reportReference(),
        true);
  }
}
