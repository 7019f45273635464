package org.haetae.cli.demo;

import java.util.List;
import java.util.Random;

/**
 * What the synthetic rooms say, in Korean and English. Every person, school, handle and number is
 * invented; phone numbers follow the obviously fake {@code 010-0000-12xx} pattern. The request
 * wordings are varied on purpose (some contain no lexicon word at all) and some harmless messages
 * contain lexicon words (news talk, photo editing), so a plain keyword rule cannot be perfect.
 */
final class Phrases {
  private Phrases() {}

  /** A person a request names: invented, as are the school and the handle. */
  record Target(String name, String masked, String school, int grade, int classNo, String handle) {}

  static final List<String> SURNAMES =
      List.of(
          "김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황", "안", "송",
          "류", "홍");
  private static final List<String> GIVEN =
      List.of(
          "서윤", "하은", "지우", "수아", "지민", "채원", "예린", "다인", "소율", "유나", "민서", "가은", "나연", "예서", "시아",
          "아린", "도희", "은채", "하린", "세아");
  private static final List<String> SCHOOLS =
      List.of("해솔고", "새빛고", "한결고", "늘봄여고", "푸른솔고", "다온중", "이음중", "바른누리고", "가람고", "별빛여중");

  static Target target(Random r) {
    String surname = pick(r, SURNAMES);
    String given = pick(r, GIVEN);
    String handle =
        "@"
            + ROMAN.get(r.nextInt(ROMAN.size()))
            + (r.nextBoolean() ? "_" : ".")
            + String.format("%02d%02d", 1 + r.nextInt(12), 1 + r.nextInt(28))
            + "_x";
    return new Target(
        surname + given,
        surname + given.charAt(0) + "O",
        pick(r, SCHOOLS),
        1 + r.nextInt(3),
        1 + r.nextInt(9),
        handle);
  }

  private static final List<String> ROMAN =
      List.of("seoyun", "haeun", "jiwoo", "sua", "jimin", "chae", "yerin", "dain", "soyul", "yuna");

  /** An obviously fake mobile number. */
  static String phone(Random r) {
    return String.format("010-0000-12%02d", r.nextInt(100));
  }

  // ---- requests ----

  private static final List<String> KO_REQUESTS =
      List.of(
          "{school} {grade}학년 {class}반 {name} 합성 해주세요 인스타 {handle}",
          "이 사람 얼굴만 바꿔서 만들어 주세요",
          "{masked} 지인능욕 부탁드립니다 사진은 인스타 {handle} 에 있음",
          "겹지인 {name} 딥페 가능하신 분? {school} {grade}학년임",
          "{school} {masked} 사진 있는데 합성 ㄱㄴ? 사례함",
          "이 여자 벗겨 주실 분 구합니다",
          "{name} 능욕 합성 만들어 줘요 {school} {grade}-{class}",
          "누구 얼굴만 바꿔서 만들어 주세요 사진 보내드림",
          "{masked} 딥페이크 요청요 인스타 {handle} 프사로",
          "같은반 {masked} 합성 해주실 분 DM 주세요",
          "{school} {grade}학년 {masked} 이거 누드로 가능?");

  private static final List<String> EN_REQUESTS =
      List.of(
          "can someone make a deepfake of her? pic attached",
          "anyone do a face swap of my classmate {name}? ig: {handle}",
          "need someone to nudify this girl from my school, insta {handle}",
          "can you make one of her? she goes to {school_en}",
          "request: undress {name}, pics on her insta {handle}",
          "who can do a deep fake of my ex, will pay",
          "looking for someone to make pics of my classmate, dm me",
          "pls make a video of her, pic attached");

  static String request(Random r, boolean korean, Target t) {
    String s = pick(r, korean ? KO_REQUESTS : EN_REQUESTS);
    return fill(s, t);
  }

  /** Requests without any lexicon word: a keyword rule misses these. */
  private static final List<String> KO_QUIET_REQUESTS =
      List.of(
          "{masked} 이거 작업 가능하신 분 ㅠ {school} {grade}학년",
          "이 사진으로 하나 뽑아주실 분 계신가요",
          "요청) {name} {school} {grade}학년 {class}반, 인스타 {handle}");

  private static final List<String> EN_QUIET_REQUESTS =
      List.of("can anyone work on this one? {handle}", "who takes requests here? this girl");

  static String quietRequest(Random r, boolean korean, Target t) {
    return fill(pick(r, korean ? KO_QUIET_REQUESTS : EN_QUIET_REQUESTS), t);
  }

  /** True when the words refer to a picture that must come with them. */
  static boolean pointsAtAPicture(String words) {
    return words.contains("pic attached")
        || words.contains("this girl")
        || words.contains("this one")
        || words.startsWith("이 ")
        || words.contains("이 사진");
  }

  private static String fill(String s, Target t) {
    return s.replace("{school}", t.school())
        .replace("{school_en}", "Haesol High")
        .replace("{grade}", Integer.toString(t.grade()))
        .replace("{class}", Integer.toString(t.classNo()))
        .replace("{name}", t.name())
        .replace("{masked}", t.masked())
        .replace("{handle}", t.handle());
  }

  // ---- answers that go with a creation ----

  private static final List<String> KO_DELIVERIES =
      List.of("완성", "요청하신 거", "ㅇㅇ 해봄", "이거 맞음?", "퀄 ㄱㅊ?", "", "", "하나 뽑음", "ㅋㅋ 어떰");
  private static final List<String> EN_DELIVERIES =
      List.of("done", "here you go", "", "how's this", "first try lol", "");

  static String delivery(Random r, boolean korean) {
    return pick(r, korean ? KO_DELIVERIES : EN_DELIVERIES);
  }

  private static final List<String> KO_REPOST_CAPTIONS =
      List.of("", "", "", "ㅋㅋㅋ", "퍼옴", "이거 봄?", "저장각", "ㄷㄷ", "출처 모름", "다른방에서 가져옴");
  private static final List<String> EN_REPOST_CAPTIONS =
      List.of("", "", "lol", "found this", "from the other group", "saved");

  static String repostCaption(Random r, boolean korean) {
    return pick(r, korean ? KO_REPOST_CAPTIONS : EN_REPOST_CAPTIONS);
  }

  private static final List<String> CHANNEL_CAPTIONS =
      List.of("신규 업로드", "오늘 자료", "요청작", "", "무단 재배포 금지", "신작 📁", "");

  static String channelCaption(Random r) {
    return pick(r, CHANNEL_CAPTIONS);
  }

  // ---- harmless talk that contains lexicon words ----

  private static final List<String> KO_BENIGN_FLAGGED =
      List.of(
          "딥페이크 처벌법 기사 봤어?",
          "딥페이크 소지만 해도 처벌된다던데 뉴스 봄",
          "포토샵으로 배경 합성하는 법 아는 사람?",
          "이거 합성 아니고 진짜 하늘임 ㅋㅋ",
          "단톡방 공지 좀 만들어 주세요 방장님",
          "과제 표지 만들어 줘 제발",
          "얼굴만 나오게 증명사진 찍으면 됨?",
          "경찰청 딥페이크 집중단속 한다는 기사 떴네",
          "학교에서 딥페이크 예방교육 들음",
          "사촌형 경찰 시험 붙음",
          "알바비 입금 됐다 ㅎㅎ");
  private static final List<String> EN_BENIGN_FLAGGED =
      List.of(
          "did you read that deepfake law article?",
          "face swap filters on that app are so dumb lol",
          "the news says deepfake detection is getting better",
          "that nudify app ad keeps showing up, reported it",
          "police can't even fix my bike theft lmao");

  static String benignFlagged(Random r, boolean korean) {
    return pick(r, korean ? KO_BENIGN_FLAGGED : EN_BENIGN_FLAGGED);
  }

  // ---- evasion, payment, personal details ----

  private static final List<String> KO_EVASION =
      List.of(
          "텔레그램은 안 잡혀 걱정 ㄴㄴ",
          "VPN 써 무조건",
          "문제 생기면 바로 계정 삭제해",
          "경찰 수사 들어오면 방 폭파함",
          "세컨 계정으로 들어와라",
          "부계로만 활동하셈",
          "여기 서버 해외라 못 잡음",
          "링크 외부 유출하면 강퇴");
  private static final List<String> EN_EVASION =
      List.of(
          "use a burner, police can't trace telegram",
          "delete your account if anything happens",
          "vpn always, no exceptions",
          "this can't be traced anyway");

  static String evasion(Random r, boolean korean) {
    return pick(r, korean ? KO_EVASION : EN_EVASION);
  }

  private static final List<String> KO_PAYMENT =
      List.of(
          "문상 5만원이면 해드림",
          "한 장에 3만원 입금은 계좌로",
          "코인으로 받음 usdt",
          "유료방 입장 문화상품권 2만원",
          "영상은 가격 따로 문의",
          "후원하면 우선 작업");
  private static final List<String> EN_PAYMENT =
      List.of("price is 20$ per pic", "paypal no, crypto only", "usdt accepted, dm for price");

  static String payment(Random r, boolean korean) {
    return pick(r, korean ? KO_PAYMENT : EN_PAYMENT);
  }

  /** A buyer asking, said by plain members. */
  private static final List<String> KO_PAYMENT_QUESTIONS =
      List.of("문상 어디서 삼?", "입금 확인 얼마나 걸림?", "가격 얼마예요?");

  static String paymentQuestion(Random r, boolean korean) {
    return korean ? pick(r, KO_PAYMENT_QUESTIONS) : "how much is it?";
  }

  private static final List<String> KO_DETAILS =
      List.of(
          "걔 번호 {phone}",
          "{school} {grade}학년 {class}반임",
          "인스타 {handle} 비공개였다가 풀림",
          "{masked} 집 주소도 앎 ㅋㅋ",
          "{masked} 폰번 {phone} 맞음");
  private static final List<String> EN_DETAILS =
      List.of("her number is {phone}", "she's on insta: {handle}", "{name} from {school_en}");

  static String personalDetails(Random r, boolean korean, Target t) {
    return fill(pick(r, korean ? KO_DETAILS : EN_DETAILS), t).replace("{phone}", phone(r));
  }

  /** Members giving their own details, harmlessly. */
  private static final List<String> KO_OWN_DETAILS =
      List.of("나 {school} {grade}학년 {class}반임 ㅋㅋ", "번호 바뀜 {phone} 저장 ㄱ", "인스타 맞팔해요 {handle}");

  static String ownDetails(Random r, Target t) {
    return fill(pick(r, KO_OWN_DETAILS), t).replace("{phone}", phone(r));
  }

  // ---- rules and notices ----

  static final String R1_RULES = "공지) 요청은 사진+이름+학교 같이 올리기 / 외부 유출 금지 / 인증 안 하면 강퇴";
  static final String R3_RULES = "공지) 광고 금지, 도배 금지, 싸우지 말기. 새로 온 사람 인사 ㄱ";
  static final String R4_RULES = "rules: no ads, no spam, requests go in this room, be nice";
  static final String CHANNEL_NOTICE = "입장 인증은 봇으로. 문의는 DM";

  // ---- chit-chat ----

  private static final List<String> KO_CHAT =
      List.of(
          "ㅋㅋㅋㅋ",
          "ㅋㅋㅋㅋㅋㅋㅋ",
          "ㄹㅇ",
          "ㅇㅈ",
          "헐",
          "개웃기네",
          "누구 있음?",
          "ㅎㅇ",
          "ㅎㅇㅎㅇ",
          "자러감",
          "오늘 뭐함",
          "배고프다",
          "롤 할 사람",
          "시험 망함",
          "내일 학교 가기 싫다",
          "새벽인데 다들 안 자네",
          "점심 뭐 먹지",
          "치킨 시킴",
          "이번주 축구 봄?",
          "ㅇㅋ",
          "ㄴㄴ",
          "ㅠㅠ",
          "아 졸려",
          "방금 일어남",
          "비 온다",
          "더워 죽겠다",
          "주말에 뭐 함?",
          "편의점 다녀옴",
          "라면 먹는 중",
          "알바 끝남",
          "학원 끝나고 옴",
          "게임 접속 ㄱ",
          "ㄱㄱ",
          "그게 뭔데",
          "왜 조용함",
          "ㅋㅋ 미쳤다",
          "아 그거 나도 봄",
          "진짜?",
          "노잼",
          "꿀잼",
          "이거 실화냐",
          "인정",
          "밥 먹고 옴",
          "나 왔음",
          "뭐야 무서워",
          "ㄷㄷ",
          "다들 방학 언제임",
          "과제 언제까지임",
          "폰 바꿈",
          "배터리 없음",
          "유튜브 그거 봤냐",
          "아 맞다",
          "ㅁㅊ",
          "ㅇㅇ",
          "몰라",
          "그럼 내일 ㄱ",
          "ㅋㅋ 뭐래",
          "갑자기?",
          "오 대박",
          "좋은 아침",
          "굿밤",
          "퇴근함",
          "출첵",
          "심심하다",
          "노래 추천 좀",
          "웹툰 뭐 보냐",
          "버스 놓침",
          "날씨 좋네",
          "저녁 뭐 먹음",
          "ㅋㅋ 개웃김",
          "이 방 사람 많네",
          "반가워요",
          "처음 왔어요",
          "눈팅만 함",
          "ㅎㅎ",
          "다음주 시험임",
          "떡볶이 먹고 싶다",
          "야식 ㄱ?",
          "롤 티어 뭐임",
          "발로 하는 사람",
          "피시방 옴",
          "아 망했다");

  private static final List<String> KO_CHAT_TAILS =
      List.of("", "", "", "", " ㅋㅋ", " ㅋㅋㅋ", " ㅠ", "ㅎㅎ", " ㄹㅇ", "?", "!!", " ㅎ");

  private static final List<String> EN_CHAT =
      List.of(
          "lol",
          "lmao",
          "anyone here?",
          "gm",
          "gn",
          "that's wild",
          "brb",
          "who's online",
          "same",
          "good night",
          "what game are you playing",
          "bruh",
          "fr",
          "no way",
          "ok",
          "true",
          "nah",
          "haha",
          "this chat is dead",
          "hi all",
          "new here",
          "just lurking",
          "what's up",
          "exams next week ugh",
          "pizza tonight",
          "rain again",
          "anyone watching the game",
          "my wifi sucks",
          "back",
          "tired af",
          "ikr",
          "sounds good",
          "why so quiet",
          "big mood",
          "that's crazy",
          "hello from the other side",
          "weekend plans?",
          "coffee time",
          "what happened",
          "idk",
          "see ya",
          "welcome",
          "sup",
          "lol what",
          "cool");

  private static final List<String> EN_CHAT_TAILS =
      List.of("", "", "", " lol", " haha", "!", "?", " 😂", " tbh");

  static String chat(Random r, boolean korean) {
    return korean
        ? pick(r, KO_CHAT) + pick(r, KO_CHAT_TAILS)
        : pick(r, EN_CHAT) + pick(r, EN_CHAT_TAILS);
  }

  private static final List<String> KO_MEME_CAPTIONS =
      List.of("ㅋㅋㅋㅋㅋ", "이거 나임", "개웃김", "", "", "짤 저장", "ㄹㅇ 나", "월요일 특");
  private static final List<String> EN_MEME_CAPTIONS = List.of("lmao", "me fr", "", "", "mood");

  static String memeCaption(Random r, boolean korean) {
    return pick(r, korean ? KO_MEME_CAPTIONS : EN_MEME_CAPTIONS);
  }

  private static final List<String> KO_PHOTO_CAPTIONS =
      List.of("오늘 하늘", "동네 산책", "여행 옴", "", "노을 ㄷㄷ", "바다 보고 옴", "치킨 도착", "야식");
  private static final List<String> EN_PHOTO_CAPTIONS =
      List.of("sunset today", "view from my window", "", "trip pics", "dinner");

  static String photoCaption(Random r, boolean korean) {
    return pick(r, korean ? KO_PHOTO_CAPTIONS : EN_PHOTO_CAPTIONS);
  }

  /** Short replies to a request, by people who do not answer it with a picture. */
  private static final List<String> KO_REQUEST_REPLIES =
      List.of("ㄱㄷ", "누가 해줌?", "나도 궁금", "ㅋㅋㅋ 누군데", "DM 확인");

  private static final List<String> EN_REQUEST_REPLIES = List.of("dm me", "who is she", "wait");

  static String requestReply(Random r, boolean korean) {
    return pick(r, korean ? KO_REQUEST_REPLIES : EN_REQUEST_REPLIES);
  }

  private static final List<String> SAVED_NOTES =
      List.of("메모", "내일 10시", "비번 힌트: 고양이", "https://example.com/note", "장보기: 우유 라면", "ㅇㅇ");

  static String savedNote(Random r) {
    return pick(r, SAVED_NOTES);
  }

  private static final List<String> CHANNEL_TALK =
      List.of(
          "오늘 업로드 쉼",
          "신규 자료 예정",
          "링크 재발급은 봇으로",
          "공지 확인 바람",
          "서버 점검중",
          "요청은 방에서 받음",
          "주말 업로드 몰아서 함",
          "중복 요청 자제");

  static String channelTalk(Random r) {
    return pick(r, CHANNEL_TALK);
  }

  static final List<String> BOT_REPLIES =
      List.of("입장 인증을 시작합니다. 아래 버튼을 눌러 주세요.", "인증 완료. 링크는 1회용입니다.", "명령어: /start /help /link");

  static <T> T pick(Random r, List<T> list) {
    return list.get(r.nextInt(list.size()));
  }
}
