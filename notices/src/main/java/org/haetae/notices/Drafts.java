package org.haetae.notices;

import static org.haetae.notices.Language.EN;
import static org.haetae.notices.Language.KO;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.haetae.notices.Notice.Section;

/** The wording of every notice, in English and Korean. Called only with a complete request. */
final class Drafts {
  private static final DateTimeFormatter SEEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /** The statutes quoted by the Korean request. */
  static final String KR_ACT = "「성폭력범죄의 처벌 등에 관한 특례법」(성폭력처벌법)";

  static final String KR_ARTICLE = "제14조의2(허위영상물 등의 반포등)";

  private Drafts() {}

  static Notice draft(NoticeRequest r) {
    return switch (r.kind()) {
      case DSA_ART16 -> r.language() == KO ? dsaKo(r) : dsaEn(r);
      case TAKE_IT_DOWN -> r.language() == KO ? takeItDownKo(r) : takeItDownEn(r);
      case KR_KCSC -> kcsc(r);
    };
  }

  // ---------------------------------------------------------------- DSA Article 16

  private static Notice dsaEn(NoticeRequest r) {
    boolean minor = r.victim().minor();
    String subject =
        (minor
                ? "Notice under Article 16 DSA: child sexual abuse material (synthetic images of a"
                    + " minor)"
                : "Notice under Article 16 DSA: non-consensual sexual deepfake of a real person")
            + reference(r);
    List<Section> s = new ArrayList<>();
    List<String> intro = new ArrayList<>();
    intro.add("To the provider of " + platforms(r, "the service") + ",");
    intro.add(
        "This is a notice under Article 16 of Regulation (EU) 2022/2065 (Digital Services Act)."
            + " It concerns sexually explicit synthetic images or videos (\"deepfakes\") of a real,"
            + " identifiable person, made and published on your service without her consent. Please"
            + " remove the items listed below or disable access to them, confirm receipt of this"
            + " notice without undue delay (Article 16(4)) and inform the notifier of your decision"
            + " and of the possibilities for redress (Article 16(5)).");
    if (minor) {
      intro.add(
          "The person depicted is a minor. This notice concerns child sexual abuse material, an"
              + " offence under Articles 3 to 7 of Directive 2011/93/EU; under Article 16(2)(c)"
              + " DSA it does not need the notifier's name or e-mail address.");
    }
    if (r.notifier().role() == Notifier.Role.TRUSTED_FLAGGER) {
      intro.add(
          "This notice comes from a trusted flagger: under Article 22 DSA it is to be given"
              + " priority and decided without undue delay.");
    }
    s.add(new Section(null, intro));
    s.add(new Section("Exact location of the information (Article 16(2)(b))", items(r, EN)));
    List<String> why = new ArrayList<>();
    why.add("Person depicted: " + r.victim().shownAs(EN) + (minor ? " (a minor)" : ""));
    why.add(r.explanation());
    s.add(new Section("Why the information is illegal (Article 16(2)(a))", why));
    s.add(new Section("Notifier (Article 16(2)(c))", List.of(notifier(r, EN))));
    List<String> bonaFide = new ArrayList<>();
    bonaFide.add(
        "I confirm my bona fide belief that the information and allegations contained in this"
            + " notice are accurate and complete.");
    signed(r, EN).ifPresent(bonaFide::add);
    s.add(new Section("Statement of bona fide belief (Article 16(2)(d))", bonaFide));
    return new Notice(r.kind(), EN, subject, s);
  }

  private static Notice dsaKo(NoticeRequest r) {
    boolean minor = r.victim().minor();
    String subject =
        (minor
                ? "디지털서비스법(DSA) 제16조에 따른 신고: 아동 성착취물(미성년자를 합성한 성적 이미지)"
                : "디지털서비스법(DSA) 제16조에 따른 신고: 실존 인물의 동의 없는 성적 딥페이크")
            + reference(r);
    List<Section> s = new ArrayList<>();
    List<String> intro = new ArrayList<>();
    intro.add(platforms(r, "서비스 제공자") + " 귀중");
    intro.add(
        "이 신고는 유럽연합 디지털서비스법(규정 (EU) 2022/2065) 제16조에 따른 신고입니다. 실존하는 특정 인물을"
            + " 본인의 동의 없이 성적으로 합성한 이미지 또는 영상(딥페이크)이 귀사의 서비스에 게시되어 있습니다."
            + " 아래 게시물을 삭제하거나 접근을 차단하고, 이 신고의 접수를 지체 없이 확인하며(제16조제4항), 결정"
            + " 내용과 이의 제기 방법을 신고인에게 알려 주시기 바랍니다(제16조제5항).");
    if (minor) {
      intro.add(
          "피해자는 미성년자입니다. 이 신고는 지침 2011/93/EU 제3조부터 제7조까지의 아동 성적 학대 범죄에 관한"
              + " 것이므로, DSA 제16조제2항(c)에 따라 신고인의 성명과 이메일 주소가 없어도 유효합니다.");
    }
    if (r.notifier().role() == Notifier.Role.TRUSTED_FLAGGER) {
      intro.add(
          "이 신고는 신뢰할 수 있는 신고자(trusted flagger)가 제출한 것으로, DSA 제22조에 따라 우선적으로 지체 없이 처리되어야 합니다.");
    }
    s.add(new Section(null, intro));
    s.add(new Section("정보의 정확한 위치 (제16조제2항(b))", items(r, KO)));
    List<String> why = new ArrayList<>();
    why.add("피해자: " + r.victim().shownAs(KO) + (minor ? " (미성년자)" : ""));
    why.add(r.explanation());
    s.add(new Section("불법성에 대한 설명 (제16조제2항(a))", why));
    s.add(new Section("신고인 (제16조제2항(c))", List.of(notifier(r, KO))));
    List<String> bonaFide = new ArrayList<>();
    bonaFide.add("본인은 이 신고에 담긴 정보와 주장이 정확하고 완전하다고 선의로 믿고 있음을 확인합니다.");
    signed(r, KO).ifPresent(bonaFide::add);
    s.add(new Section("선의의 확인 (제16조제2항(d))", bonaFide));
    return new Notice(r.kind(), KO, subject, s);
  }

  // ---------------------------------------------------------------- TAKE IT DOWN Act

  private static Notice takeItDownEn(NoticeRequest r) {
    String subject =
        "Removal request under the TAKE IT DOWN Act: non-consensual intimate depiction (digital"
            + " forgery)"
            + reference(r);
    List<Section> s = new ArrayList<>();
    s.add(
        new Section(
            null,
            List.of(
                "To the notice-and-removal process of " + platforms(r, "the platform") + ",",
                "This is a removal request under the TAKE IT DOWN Act (signed 19 May 2025). It"
                    + " concerns intimate visual depictions of an identifiable individual,"
                    + " including computer-generated digital forgeries, published on your platform"
                    + " without her consent.")));
    s.add(new Section("Identification and location of the depiction", items(r, EN)));
    s.add(
        new Section(
            "Identifiable individual",
            List.of(
                "Person depicted: "
                    + r.victim().shownAs(EN)
                    + (r.victim().minor() ? " (a minor)" : ""))));
    s.add(
        new Section(
            "Statement of good faith",
            List.of(
                "The identifiable individual has a good-faith belief that the intimate visual"
                    + " depictions identified above are not consensual: she did not consent to"
                    + " their creation or publication.",
                "Supporting information:\n" + r.explanation())));
    List<String> removal = new ArrayList<>();
    removal.add(
        "Under the TAKE IT DOWN Act a covered platform must remove the intimate visual depiction"
            + " within 48 hours of receiving a valid removal request, and make reasonable efforts"
            + " to identify and remove any known identical copies of it. Please remove the items"
            + " above within 48 hours of receiving this request, and remove every identical copy"
            + " you know of as well, including copies matching these hashes:");
    removal.add(hashes(r, EN));
    s.add(new Section("Removal within 48 hours, and identical copies", removal));
    s.add(new Section("Contact information", List.of(notifier(r, EN))));
    List<String> sig = new ArrayList<>();
    sig.add("Signature: " + r.signature() + "\nDate: " + r.signedOn());
    sig.add(
        r.notifier().role() == Notifier.Role.VICTIM
            ? "Signed by the identifiable individual herself."
            : "Signed by "
                + orElse(r.notifier().name(), "the requester")
                + " ("
                + r.notifier().role().label(EN)
                + "), authorised to act on behalf of "
                + r.notifier().actingOnBehalfOf()
                + ".");
    if (r.reportReference() != null) {
      sig.add("Reference: " + r.reportReference());
    }
    s.add(new Section("Signature", sig));
    return new Notice(r.kind(), EN, subject, s);
  }

  private static Notice takeItDownKo(NoticeRequest r) {
    String subject = "미국 TAKE IT DOWN 법에 따른 삭제 요청: 동의 없는 성적 이미지(디지털 위조물)" + reference(r);
    List<Section> s = new ArrayList<>();
    s.add(
        new Section(
            null,
            List.of(
                platforms(r, "플랫폼") + " 신고·삭제 담당자 귀중",
                "이 요청은 미국 TAKE IT DOWN 법(2025년 5월 19일 서명)에 따른 삭제 요청입니다. 식별 가능한 개인의 성적"
                    + " 이미지가, 컴퓨터로 생성된 디지털 위조물을 포함하여, 본인의 동의 없이 귀사의 플랫폼에"
                    + " 게시되어 있습니다.")));
    s.add(new Section("게시물의 식별 정보와 위치", items(r, KO)));
    s.add(
        new Section(
            "식별 가능한 개인",
            List.of("피해자: " + r.victim().shownAs(KO) + (r.victim().minor() ? " (미성년자)" : ""))));
    s.add(
        new Section(
            "선의의 진술",
            List.of(
                "피해자는 위 성적 이미지가 동의 없이 만들어지고 게시된 것이라고 선의로 믿고 있습니다. 피해자는 그" + " 제작과 게시에 동의한 적이 없습니다.",
                "뒷받침하는 정보:\n" + r.explanation())));
    List<String> removal = new ArrayList<>();
    removal.add(
        "TAKE IT DOWN 법에 따라 대상 플랫폼은 유효한 삭제 요청을 받은 때부터 48시간 이내에 해당 이미지를 삭제하고,"
            + " 알려진 동일한 복제물(identical copies)을 찾아 삭제하기 위해 합리적인 노력을 해야 합니다. 위"
            + " 게시물을 이 요청을 받은 때부터 48시간 이내에 삭제하고, 아래 해시값과 일치하는 복제물을 포함하여 알고"
            + " 있는 모든 동일한 복제물도 삭제해 주시기 바랍니다.");
    removal.add(hashes(r, KO));
    s.add(new Section("48시간 이내 삭제와 동일한 복제물", removal));
    s.add(new Section("연락처", List.of(notifier(r, KO))));
    List<String> sig = new ArrayList<>();
    sig.add("서명: " + r.signature() + "\n날짜: " + r.signedOn());
    sig.add(
        r.notifier().role() == Notifier.Role.VICTIM
            ? "식별 가능한 개인(피해자) 본인이 서명하였습니다."
            : orElse(r.notifier().name(), "요청인")
                + "("
                + r.notifier().role().label(KO)
                + ")이(가) "
                + r.notifier().actingOnBehalfOf()
                + "을(를) 대리할 권한을 가지고 서명하였습니다.");
    if (r.reportReference() != null) {
      sig.add("참조 번호: " + r.reportReference());
    }
    s.add(new Section("서명", sig));
    return new Notice(r.kind(), KO, subject, s);
  }

  // ---------------------------------------------------------------- Korea (KCSC / hotline)

  private static Notice kcsc(NoticeRequest r) {
    String subject = "[삭제·접속차단 요청] 허위영상물(성적 딥페이크) 유포 게시물" + reference(r);
    List<Section> s = new ArrayList<>();
    s.add(
        new Section(
            null,
            List.of(
                "수신: 방송통신심의위원회 / " + platforms(r, "해당 플랫폼") + " 신고 담당자",
                "피해자의 얼굴 등을 이용하여 성적으로 합성한 허위영상물이 유포되고 있어, 아래와 같이 삭제 및 접속차단을" + " 요청합니다.")));
    s.add(new Section("요청인", List.of(notifier(r, KO))));
    s.add(
        new Section(
            "피해자",
            List.of(
                "피해자: "
                    + r.victim().shownAs(KO)
                    + "\n미성년자 여부: "
                    + (r.victim().minor() ? "예(아동·청소년)" : "아니오"))));
    s.add(new Section("피해 게시물 URL", items(r, KO)));
    s.add(new Section("피해 내용", List.of(r.explanation())));
    List<String> request = new ArrayList<>();
    request.add(
        "위 게시물은 피해자의 얼굴·신체 등을 대상으로 한 영상물을 피해자의 의사에 반하여 성적 욕망 또는 수치심을 유발할"
            + " 수 있는 형태로 편집·합성·가공한 허위영상물로서, 피해자의 동의 없이 반포되고 있습니다. 위 게시물의 즉시"
            + " 삭제 및 접속차단을 요청하며, 아래 해시값과 동일한 복제물도 함께 삭제·차단하여 주시기 바랍니다.");
    request.add(hashes(r, KO));
    s.add(new Section("삭제·차단 요청 취지", request));
    s.add(
        new Section(
            "근거 법령",
            List.of(
                KR_ACT
                    + " "
                    + KR_ARTICLE
                    + ": 사람의 얼굴·신체 또는 음성을 대상으로 한 영상물 등을 대상자의 의사에 반하여 성적 욕망 또는"
                    + " 수치심을 유발할 수 있는 형태로 편집·합성·가공하는 행위와 이를 반포하는 행위, 그리고 (2024년"
                    + " 개정으로) 이를 소지·구입·저장 또는 시청하는 행위를 처벌합니다.")));
    List<String> sign = new ArrayList<>();
    if (r.confirmed()) {
      sign.add("요청인은 위 내용이 사실과 다름없음을 확인합니다.");
    }
    signed(r, KO).ifPresent(sign::add);
    if (!sign.isEmpty()) {
      s.add(new Section("확인 및 서명", sign));
    }
    if (r.language() == EN) {
      s.add(
          new Section(
              "English summary",
              List.of(
                  "Request to remove and block access to sexual deepfake material (\"false video"
                      + " material\", Article 14-2 of the Act on Special Cases Concerning the"
                      + " Punishment of Sexual Crimes) published without the consent of the person"
                      + " depicted, and to remove identical copies.",
                  "Requester: "
                      + orElse(r.notifier().name(), "-")
                      + " ("
                      + r.notifier().role().label(EN)
                      + ")"
                      + contactsEn(r.notifier())
                      + "\nPerson depicted: "
                      + r.victim().shownAs(EN)
                      + (r.victim().minor() ? " (a minor)" : "")
                      + "\nItems: "
                      + r.locations().size()
                      + " URL(s), listed above under 피해 게시물 URL."
                      + (r.reportReference() == null
                          ? ""
                          : "\nReference: " + r.reportReference()))));
    }
    return new Notice(r.kind(), KO, subject, s);
  }

  // ---------------------------------------------------------------- shared parts

  private static String contactsEn(Notifier n) {
    StringBuilder b = new StringBuilder();
    if (n.email() != null) {
      b.append(", ").append(n.email());
    }
    if (n.phone() != null) {
      b.append(", ").append(n.phone());
    }
    return b.toString();
  }

  private static String reference(NoticeRequest r) {
    return r.reportReference() == null ? "" : " [" + r.reportReference() + "]";
  }

  private static String platforms(NoticeRequest r, String otherwise) {
    Set<String> names = new LinkedHashSet<>();
    for (ContentLocation l : r.locations()) {
      String p = l.platformOrHost();
      if (p != null) {
        names.add(p);
      }
    }
    return names.isEmpty() ? otherwise : String.join(", ", names);
  }

  private static String orElse(String s, String otherwise) {
    return s == null ? otherwise : s;
  }

  /** One paragraph per item: URL, platform, description, first seen, hashes. */
  private static List<String> items(NoticeRequest r, Language lang) {
    List<String> out = new ArrayList<>();
    int i = 0;
    for (ContentLocation l : r.locations()) {
      i++;
      StringBuilder b = new StringBuilder();
      b.append(lang == KO ? "게시물 " + i : "Item " + i);
      b.append("\nURL: ").append(l.url());
      if (l.platformOrHost() != null) {
        b.append(lang == KO ? "\n플랫폼: " : "\nPlatform: ").append(l.platformOrHost());
      }
      if (l.description() != null) {
        b.append(lang == KO ? "\n설명: " : "\nDescription: ").append(l.description());
      }
      if (l.firstSeen() != null) {
        b.append(lang == KO ? "\n최초 확인: " : "\nFirst seen: ").append(SEEN.format(l.firstSeen()));
      }
      if (l.pdq() != null) {
        b.append(lang == KO ? "\nPDQ 해시: " : "\nPDQ hash: ").append(l.pdq());
      }
      if (l.md5() != null) {
        b.append(lang == KO ? "\nMD5 해시: " : "\nMD5 hash: ").append(l.md5());
      }
      out.add(b.toString());
    }
    return out;
  }

  /**
   * The hashes of the identical copies to remove, one line each, or a line saying there are none.
   */
  private static String hashes(NoticeRequest r, Language lang) {
    List<String> lines = new ArrayList<>();
    int i = 0;
    for (ContentLocation l : r.locations()) {
      i++;
      String item = lang == KO ? "게시물 " + i : "Item " + i;
      if (l.pdq() != null) {
        lines.add("- " + item + ", PDQ: " + l.pdq());
      }
      if (l.md5() != null) {
        lines.add("- " + item + ", MD5: " + l.md5());
      }
    }
    if (lines.isEmpty()) {
      return lang == KO
          ? "(해시값이 첨부되지 않았습니다. 위 게시물과 동일한 복제물을 알고 계신 곳에서 모두 삭제해 주시기 바랍니다.)"
          : "(No hashes are attached to this request: please remove identical copies of the items"
              + " above wherever you know of them.)";
    }
    return String.join("\n", lines);
  }

  /** The notifier's details, one line each; name and e-mail say why they are absent. */
  private static String notifier(NoticeRequest r, Language lang) {
    Notifier n = r.notifier();
    boolean ko = lang == KO;
    // DSA Art. 16(2)(c): name and e-mail are not required for child sexual abuse notices.
    boolean exempt = r.kind() == NoticeKind.DSA_ART16 && r.victim().minor();
    String absent =
        exempt
            ? (ko
                ? "기재하지 않음 (DSA 제16조제2항(c): 아동 성적 학대에 관한 신고)"
                : "not given (Article 16(2)(c) DSA: notice concerning child sexual abuse)")
            : (ko ? "기재하지 않음" : "not given");
    StringBuilder b = new StringBuilder();
    b.append(ko ? "성명: " : "Name: ").append(orElse(n.name(), absent));
    if (n.organisation() != null) {
      b.append(ko ? "\n소속: " : "\nOrganisation: ").append(n.organisation());
    }
    if (n.email() != null || r.kind() == NoticeKind.DSA_ART16) {
      b.append(ko ? "\n이메일: " : "\nE-mail: ").append(orElse(n.email(), absent));
    }
    if (n.phone() != null) {
      b.append(ko ? "\n전화: " : "\nPhone: ").append(n.phone());
    }
    b.append(ko ? "\n지위: " : "\nRole: ").append(n.role().label(lang));
    if (n.actingOnBehalfOf() != null) {
      b.append(ko ? "\n대리하는 사람: " : "\nActing on behalf of: ").append(n.actingOnBehalfOf());
    }
    return b.toString();
  }

  /** "Signed: ..., date" and the reference, when there are any. */
  private static Optional<String> signed(NoticeRequest r, Language lang) {
    List<String> lines = new ArrayList<>();
    if (r.signature() != null) {
      lines.add(
          (lang == KO ? "서명: " : "Signed: ")
              + r.signature()
              + (r.signedOn() == null ? "" : (lang == KO ? "\n날짜: " : "\nDate: ") + r.signedOn()));
    } else if (r.signedOn() != null) {
      lines.add((lang == KO ? "날짜: " : "Date: ") + r.signedOn());
    }
    if (r.reportReference() != null) {
      lines.add((lang == KO ? "참조 번호: " : "Reference: ") + r.reportReference());
    }
    return lines.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", lines));
  }
}
