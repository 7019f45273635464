package org.haetae.report;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.haetae.analysis.graph.CaseGraph;
import org.haetae.analysis.result.ActorProfile;
import org.haetae.analysis.result.BankMatch;
import org.haetae.analysis.result.CaseAnalysis;
import org.haetae.analysis.result.CaseFinding;
import org.haetae.analysis.result.CaseInfo;
import org.haetae.analysis.result.ChatSummary;
import org.haetae.analysis.result.ExportInfo;
import org.haetae.analysis.result.MediaItem;
import org.haetae.analysis.result.MessageRef;
import org.haetae.analysis.result.NameUse;
import org.haetae.analysis.result.Role;
import org.haetae.analysis.result.RoleClaim;
import org.haetae.analysis.result.SpreadEvent;
import org.haetae.analysis.result.SpreadTrail;
import org.haetae.analysis.result.TextFlag;
import org.haetae.evidence.casefolder.CaseFolder;
import org.haetae.evidence.custody.CustodyEvent;
import org.haetae.evidence.custody.CustodyLog;
import org.haetae.evidence.custody.LogScan;
import org.haetae.evidence.keys.SigningKey;
import org.haetae.evidence.keys.VaultKey;
import org.haetae.evidence.vault.StoredBlob;
import org.haetae.evidence.vault.Vault;

/**
 * A small but complete case for the report tests: a real case folder (custody log, encrypted vault
 * holding generated pictures, one corrupt "image") and a hand-built analysis that points into it,
 * with Korean names and names that try to inject script.
 */
public final class CaseFixture {
  public static final String CASE_ID = "CASE-2024-0042";
  public static final String EXPORT_1 = "a1b2c3d4e5f6";
  public static final String EXPORT_2_SHA = "0f0e0d0c0b0a" + "9".repeat(52);
  public static final String EXPORT_2 = EXPORT_2_SHA.substring(0, 12);
  public static final String XSS_NAME = "<script>alert(1)</script>";
  public static final String ATTR_NAME = "\"onmouseover=alert(1) x=\"";
  public static final String KOREAN_NAME = "김철수";
  public static final String KOREAN_ROOM = "딥페 공유방";
  public static final String FORMULA_PATH = "=HYPERLINK(\"http://x\")";
  public static final long T0 = 1_709_251_200L; // 2024-03-01T00:00:00Z
  public static final String BANK = "victims-kr";

  /**
   * @param images generated pictures stored in the vault, by SHA-256 (the first two are matched)
   * @param corrupt a stored "image" that does not decode, also matched
   * @param video a stored non-image file
   */
  public record Built(
      CaseFolder folder,
      VaultKey key,
      CaseAnalysis analysis,
      List<String> images,
      String corrupt,
      String video,
      int storedEntries) {}

  private CaseFixture() {}

  public static Built build(Path dir) throws Exception {
    CaseFolder folder = new CaseFolder(dir.resolve("case"));
    byte[] raw = new byte[32];
    new Random(7).nextBytes(raw);
    VaultKey key = VaultKey.of(raw);
    SigningKey signer = SigningKey.load(dir.resolve("keys/signing.key"));
    Vault vault = new Vault(folder.evidence(), key, false);
    List<String> images = new ArrayList<>();
    String corrupt;
    String video;
    int stored = 0;
    try (CustodyLog log =
        CustodyLog.open(
            folder.custodyLog(),
            signer,
            new CustodyLog.Genesis(CASE_ID, key.id(), null),
            5,
            Clock.systemUTC(),
            e -> {})) {
      log.append(
          new CustodyEvent.Acquisition(EXPORT_1, null, EXPORT_1 + "1".repeat(52), null, null));
      for (int i = 0; i < 3; i++) {
        byte[] img = i == 2 ? png(300, 200, i) : jpeg(640, 480, i);
        StoredBlob b = vault.put(img);
        images.add(b.sha256());
        stored(log, EXPORT_1, "photos/photo_" + i + (i == 2 ? ".png" : ".jpg"), b, "image");
        stored++;
        hashed(log, b.sha256(), i);
      }
      StoredBlob bad = vault.put("this is not a picture at all".getBytes());
      corrupt = bad.sha256();
      stored(log, EXPORT_1, "photos/broken.jpg", bad, "image");
      stored++;
      log.append(new CustodyEvent.HashFailed(corrupt, "not_an_image", null));
      StoredBlob v = vault.put(new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'm', 'p', '4', '2'});
      video = v.sha256();
      stored(log, EXPORT_1, "video_files/clip.mp4", v, "video");
      stored++;
      // The same content under a hostile file name, for the CSV.
      stored(log, EXPORT_1, FORMULA_PATH, vault.put(jpeg(640, 480, 0)), "image");
      stored++;
      log.append(new CustodyEvent.NotStored(EXPORT_1, "files/link_to_etc", "symbolic_link"));
      // An older-style export whose entries name no export: the acquisition before them does.
      log.append(new CustodyEvent.Acquisition(null, null, EXPORT_2_SHA, null, null));
      StoredBlob again = vault.put(jpeg(640, 480, 1));
      log.append(
          new CustodyEvent.Stored(
              null,
              "chats/chat_01/photos/같은사진,복사본.jpg",
              again.size(),
              again.sha256(),
              again.storedSha256(),
              null,
              "image",
              null));
      stored++;
      log.checkpoint();
    }
    LogScan.Result scan = LogScan.scan(folder.custodyLog(), e -> {});
    CaseAnalysis analysis =
        analysis(
            images,
            corrupt,
            video,
            scan.head(),
            HexFormat.of().formatHex(scan.tree().root()),
            scan.entries());
    return new Built(folder, key, analysis, images, corrupt, video, stored);
  }

  private static void stored(CustodyLog log, String export, String path, StoredBlob b, String kind)
      throws IOException {
    log.append(
        new CustodyEvent.Stored(
            export, path, b.size(), b.sha256(), b.storedSha256(), null, kind, b.created()));
  }

  private static void hashed(CustodyLog log, String sha, int i) throws IOException {
    log.append(
        new CustodyEvent.Hashed(
            sha,
            Integer.toHexString(i).repeat(32).substring(0, 32),
            "f0".repeat(32),
            90 + i,
            "jpeg",
            640,
            480));
  }

  /** A generated abstract picture: gradients and discs, nothing resembling a person. */
  public static BufferedImage picture(int w, int h, int seed, boolean alpha) {
    BufferedImage img =
        new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    Random r = new Random(seed);
    g.setPaint(
        new GradientPaint(
            0, 0, new Color(r.nextInt(0xffffff)), w, h, new Color(r.nextInt(0xffffff))));
    g.fillRect(0, 0, w, h);
    for (int i = 0; i < 12; i++) {
      g.setColor(new Color(r.nextInt(0xffffff) | (alpha ? 0x80000000 : 0xff000000), true));
      int d = 20 + r.nextInt(w / 3);
      g.fillOval(r.nextInt(w), r.nextInt(h), d, d);
    }
    g.dispose();
    return img;
  }

  public static byte[] jpeg(int w, int h, int seed) {
    return encode(picture(w, h, seed, false), "jpeg");
  }

  public static byte[] png(int w, int h, int seed) {
    return encode(picture(w, h, seed, true), "png");
  }

  private static byte[] encode(BufferedImage img, String format) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(img, format, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MessageRef msg(String chat, long id, long minutes, String export) {
    return new MessageRef(chat, id, T0 + minutes * 60, export);
  }

  /** The analysis without a case folder behind it (for the JSON, HTML and PDF writers). */
  public static CaseAnalysis analysis() {
    return analysis(
        List.of("a".repeat(64), "b".repeat(64), "c".repeat(64)),
        "d".repeat(64),
        "e".repeat(64),
        "1".repeat(64),
        "2".repeat(64),
        40);
  }

  static CaseAnalysis analysis(
      List<String> images, String corrupt, String video, String head, String root, long entries) {
    String img0 = images.get(0);
    String img1 = images.get(1);
    String img2 = images.get(2);
    MessageRef m1 = msg("chat1001", 11, 0, EXPORT_1);
    MessageRef m2 = msg("chat1001", 12, 90, EXPORT_1);
    MessageRef m3 = msg("chat1002", 501, 60 * 24 * 2, EXPORT_2);
    MessageRef m4 = msg("chat1003", 7, 60 * 24 * 5, EXPORT_2);
    MessageRef m5 = msg("chat1002", 502, 60 * 24 * 6, EXPORT_2);
    MessageRef req = msg("chat1001", 10, -30, EXPORT_1);
    MessageRef noId = new MessageRef("chat1003", null, 0, EXPORT_2);

    CaseInfo info =
        new CaseInfo(
            CASE_ID,
            "2024-03-10T09:00:00Z",
            List.of(
                new ExportInfo(
                    EXPORT_1,
                    "/exports/room1",
                    EXPORT_1 + "1".repeat(52),
                    "single_chat",
                    null,
                    1,
                    120,
                    6),
                new ExportInfo(
                    EXPORT_2, "/exports/account", EXPORT_2_SHA, "account", "user100", 2, 300, 1)),
            List.of(BANK),
            31,
            50,
            420,
            7,
            5,
            3,
            head,
            root,
            entries);
    List<ChatSummary> chats =
        List.of(
            new ChatSummary(
                "chat1001",
                1001L,
                "private_group",
                KOREAN_ROOM,
                120,
                14,
                2,
                T0 - 3600,
                T0 + 7200,
                List.of(EXPORT_1)),
            new ChatSummary(
                "chat1002",
                1002L,
                "public_channel",
                "Night Market",
                250,
                320,
                2,
                T0,
                T0 + 86400 * 7,
                List.of(EXPORT_2)),
            new ChatSummary(
                "chat1003",
                1003L,
                "private_group",
                XSS_NAME,
                50,
                5,
                1,
                T0,
                T0 + 86400 * 6,
                List.of(EXPORT_2)));
    List<ActorProfile> accounts =
        List.of(
            new ActorProfile(
                "user100",
                false,
                List.of(
                    new NameUse("철수짱", T0 - 86400, T0 - 3600, 3),
                    new NameUse(KOREAN_NAME, T0, T0 + 86400 * 6, 40)),
                List.of("@chulsoo"),
                List.of("chat1001", "chat1002", "chat1003"),
                43,
                List.of(
                    new RoleClaim(
                        Role.CREATOR,
                        "first to post an image that appears nowhere earlier",
                        List.of(m1),
                        1),
                    new RoleClaim(
                        Role.DISTRIBUTOR,
                        "posted or forwarded matched media in 3 rooms",
                        List.of(m1, m3, m4),
                        5),
                    new RoleClaim(
                        Role.ADMIN,
                        "created the room 딥페 공유방",
                        List.of(msg("chat1001", 1, -600, EXPORT_1)),
                        1)),
                42.5),
            new ActorProfile(
                "user200",
                false,
                List.of(new NameUse(XSS_NAME, T0, T0, 2)),
                List.of("@evil"),
                List.of("chat1001", "chat1002"),
                9,
                List.of(
                    new RoleClaim(
                        Role.REQUESTER, "asked for pictures of a named person", List.of(req), 1),
                    new RoleClaim(Role.DISTRIBUTOR, "forwarded matched media", List.of(m2, m5), 2)),
                20),
            new ActorProfile(
                "user300",
                false,
                List.of(new NameUse(ATTR_NAME, null, null, 1)),
                List.of(),
                List.of("chat1003"),
                1,
                List.of(new RoleClaim(Role.POSSESSOR, "saved matched media", List.of(noId), 1)),
                8),
            new ActorProfile(
                "name:Ghost Forwarder",
                true,
                List.of(new NameUse("Ghost Forwarder", T0, T0, 1)),
                List.of(),
                List.of("chat1002"),
                0,
                List.of(
                    new RoleClaim(
                        Role.DISTRIBUTOR, "original poster of a forward", List.of(m3), 1)),
                5),
            new ActorProfile(
                "user400",
                false,
                List.of(new NameUse("Alice Kim", T0, T0, 4)),
                List.of(),
                List.of("chat1002"),
                4,
                List.of(new RoleClaim(Role.MEMBER, "present only", List.of(), 0)),
                0.5));
    List<MediaItem> media =
        List.of(
            new MediaItem(
                img0,
                "0".repeat(32),
                "f0".repeat(32),
                90,
                "image",
                EXPORT_1 + "/photos/photo_0.jpg",
                1,
                true,
                List.of(m1, m3),
                2),
            new MediaItem(
                img1,
                "1".repeat(32),
                "f0".repeat(32),
                91,
                "image",
                EXPORT_1 + "/photos/photo_1.jpg",
                1,
                true,
                List.of(m2, m4, m5),
                3),
            new MediaItem(
                img2,
                "2".repeat(32),
                "0f".repeat(32),
                92,
                "image",
                EXPORT_1 + "/photos/photo_2.png",
                2,
                false,
                List.of(),
                0),
            new MediaItem(
                corrupt,
                null,
                null,
                -1,
                "image",
                EXPORT_1 + "/photos/broken.jpg",
                3,
                true,
                List.of(m4),
                1),
            new MediaItem(
                video,
                null,
                null,
                -1,
                "video",
                EXPORT_1 + "/video_files/clip.mp4",
                4,
                false,
                List.of(),
                0));
    Map<String, String> v1 = Map.of("victim_case", "VC-1", "category", "deepfake");
    Map<String, String> v2 = Map.of("victim_case", "VC-2");
    List<BankMatch> matches =
        List.of(
            new BankMatch(m1, img0, BANK, "V-001", "pdq", 0, v1),
            new BankMatch(m3, img0, BANK, "V-001", "pdq", 12, v1),
            new BankMatch(m2, img1, BANK, "V-002", "md5", 0, v2),
            new BankMatch(m4, img1, BANK, "V-002", "pdq", 4, v2),
            new BankMatch(m5, img1, BANK, "V-002", "pdq", 4, v2),
            new BankMatch(m4, corrupt, BANK, "V-003", "sha256", 0, Map.of()));
    List<SpreadTrail> spread =
        List.of(
            new SpreadTrail(
                BANK,
                "V-002",
                v2,
                List.of(
                    new SpreadEvent(m2, "first_post", "user200", null, img1, 0),
                    new SpreadEvent(m4, "repost", "user100", null, img1, 4),
                    new SpreadEvent(m5, "forward", "user200", "user100", img1, 4)),
                List.of("chat1001", "chat1003", "chat1002"),
                339,
                1),
            new SpreadTrail(
                BANK,
                "V-001",
                v1,
                List.of(
                    new SpreadEvent(m1, "first_post", "user100", null, img0, 0),
                    new SpreadEvent(m3, "forward", "user100", "name:Ghost Forwarder", img0, 12)),
                List.of("chat1001", "chat1002"),
                334,
                1),
            new SpreadTrail(
                BANK,
                "V-003",
                Map.of(),
                List.of(new SpreadEvent(m4, "first_post", "user100", null, corrupt, 0)),
                List.of("chat1003"),
                5,
                1));
    List<TextFlag> flags =
        List.of(
            new TextFlag(req, "user200", "solicitation", "사진 보내", "그 여자 사진 보내줘 빨리"),
            new TextFlag(
                m5, "user200", "evasion", "<img", "<img src=x onerror=alert(1)> 텔레 말고 다른 방"));
    List<CaseFinding> findings =
        List.of(
            new CaseFinding(
                "media_missing", "not_in_export", noId, "photos/missing.jpg was not exported"),
            new CaseFinding("hash_failed", "not_an_image", null, "image could not be hashed"));
    List<CaseGraph.Node> nodes = new ArrayList<>();
    List<CaseGraph.Edge> edges = new ArrayList<>();
    for (ActorProfile a : accounts) {
      nodes.add(new CaseGraph.Node(a.key(), "account", a.displayName(), a.score(), a.score() > 1));
      for (String c : a.chats()) {
        edges.add(new CaseGraph.Edge(a.key(), c, "member", 1));
      }
    }
    for (ChatSummary c : chats) {
      nodes.add(new CaseGraph.Node(c.key(), "chat", c.name(), 0, c.matchedMedia() > 0));
    }
    for (MediaItem m : media) {
      nodes.add(
          new CaseGraph.Node(m.sha256(), "media", m.sha256().substring(0, 12), 0, m.matched()));
    }
    edges.add(new CaseGraph.Edge("user100", "chat1001", "admin", 1));
    edges.add(new CaseGraph.Edge("user100", img0, "posted", 2));
    edges.add(new CaseGraph.Edge("user200", img1, "posted", 1));
    edges.add(new CaseGraph.Edge("user200", img1, "forwarded", 1));
    edges.add(new CaseGraph.Edge("chat1001", img0, "carried", 1));
    edges.add(new CaseGraph.Edge("chat1002", img1, "carried", 2));
    edges.add(new CaseGraph.Edge("user200", "user100", "forwarded_from", 1));
    return new CaseAnalysis(
        info,
        chats,
        accounts,
        media,
        matches,
        spread,
        flags,
        findings,
        new CaseGraph(nodes, edges));
  }

  /** A case with {@code n} accounts and as many matches, for the limits of the readable reports. */
  public static CaseAnalysis big(int n) {
    CaseAnalysis small = analysis();
    List<ActorProfile> accounts = new ArrayList<>();
    List<BankMatch> matches = new ArrayList<>();
    List<CaseGraph.Node> nodes = new ArrayList<>(small.graph().nodes());
    List<CaseGraph.Edge> edges = new ArrayList<>(small.graph().edges());
    for (int i = 0; i < n; i++) {
      MessageRef m = msg("chat100" + (1 + i % 3), 1000 + i, i * 37L, EXPORT_1);
      accounts.add(
          new ActorProfile(
              "user" + (10_000 + i),
              false,
              List.of(new NameUse((i % 2 == 0 ? "사용자" : "user ") + i, null, null, 1)),
              List.of(),
              List.of(m.chatKey()),
              1,
              List.of(new RoleClaim(Role.DISTRIBUTOR, "posted matched media", List.of(m), 1)),
              n - i));
      matches.add(new BankMatch(m, "a".repeat(64), BANK, "V-" + (i % 40), "pdq", i % 30, Map.of()));
      nodes.add(new CaseGraph.Node("user" + (10_000 + i), "account", "u" + i, n - i, true));
      edges.add(new CaseGraph.Edge("user" + (10_000 + i), m.chatKey(), "member", 1));
    }
    return new CaseAnalysis(
        small.info(),
        small.chats(),
        accounts,
        small.media(),
        matches,
        small.spread(),
        small.flags(),
        small.findings(),
        new CaseGraph(nodes, edges));
  }
}
