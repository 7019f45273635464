package org.haetae.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.haetae.analysis.flags.FlagScanner;
import org.haetae.analysis.flags.Lexicon;
import org.haetae.analysis.text.TextDocument;
import org.haetae.cli.CliRun;
import org.haetae.demo.investigation.GroundTruth;
import org.haetae.demo.investigation.Investigation;
import org.haetae.hashing.ImageHasher;
import org.haetae.hashing.ImageHashes;
import org.haetae.hashing.digest.ContentDigests;
import org.haetae.hashing.pdq.Hash256;
import org.haetae.telegram.model.Chat;
import org.haetae.telegram.model.Finding;
import org.haetae.telegram.model.Message;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default demo, generated once, checked against itself, the reader, the bank and PDQ. */
class InvestigationTest {
  @TempDir static Path dir;
  static Path out;
  static Investigation.Manifest manifest;
  static GroundTruth truth;
  static final Map<String, ExportContents> exports = new TreeMap<>();
  static final Map<String, Map<Long, Map<Long, Message>>> index = new HashMap<>();

  @BeforeAll
  static void generate() throws IOException {
    out = dir.resolve("demo");
    manifest = Investigation.write(out, Investigation.Options.demo(Long.getLong("demo.seed", 7)));
    truth = GroundTruth.read(out.resolve(Investigation.GROUND_TRUTH_FILE));
    for (String name : Investigation.EXPORT_NAMES) {
      ExportContents c = ExportContents.read(out.resolve("exports").resolve(name));
      exports.put(name, c);
      index.put(name, c.byChat());
    }
  }

  @Test
  void writesTheDocumentedLayoutAndCounts() throws IOException {
    assertThat(out.resolve("README.txt")).content().contains("SYNTHETIC", "haetae scan");
    assertThat(out.resolve(Investigation.BANK_FILE)).isRegularFile();
    for (String name : Investigation.EXPORT_NAMES) {
      assertThat(out.resolve("exports").resolve(name).resolve("result.json")).isRegularFile();
    }
    assertThat(manifest.exports()).isEqualTo(3);
    assertThat(manifest.chats()).isEqualTo(10);
    assertThat(manifest.messages()).isEqualTo(5_000);
    assertThat(manifest.accounts()).isBetween(200, 300).isEqualTo(truth.accounts().size());
    assertThat(manifest.pictureMessages()).isBetween(270L, 280L);
    assertThat(manifest.victimOriginals()).isEqualTo(20);
    assertThat(manifest.bankEntries()).isEqualTo(22);
    assertThat(manifest.victimVariants()).isEqualTo(truth.planted().size()).isGreaterThan(60);
    assertThat(manifest.imageFiles()).isEqualTo(truth.planted().size() + truth.unrelated().size());
    assertThat(manifest.roleCounts().get("member")).isGreaterThan(150);
    // The victims' originals are written nowhere: only JPEGs as posted.
    try (Stream<Path> files = Files.walk(out.resolve("exports"))) {
      assertThat(files.filter(Files::isRegularFile).map(Path::toString))
          .allMatch(f -> f.endsWith(".jpg") || f.endsWith("result.json"));
    }
  }

  @Test
  void exportsReadBackCleanlyWithTheCountsOfTheManifest() {
    for (Investigation.ExportSummary s : manifest.exportSummaries()) {
      ExportContents c = exports.get(s.name());
      assertThat(c.summary().complete()).as(s.name()).isTrue();
      assertThat(c.summary().shape()).isEqualTo(s.shape());
      assertThat(c.summary().chats()).isEqualTo(s.chats());
      assertThat(c.summary().messages()).isEqualTo(s.messages());
      assertThat(c.summary().mediaRefs()).isEqualTo(s.mediaRefs());
      assertThat(c.findings()).extracting(Finding::kind).containsOnly("media_missing");
      assertThat(c.findings()).hasSize((int) s.placeholders());
      assertThat(c.findings()).extracting(Finding::code).containsOnly("not_included");
    }
    assertThat(exports.get("seized-phone-account").chats())
        .extracting(Chat::type)
        .contains(
            "private_supergroup",
            "public_supergroup",
            "private_channel",
            "personal_chat",
            "saved_messages",
            "bot_chat",
            "private_group");
  }

  @Test
  void theBigGroupIsInTwoExportsWithOverlappingMessages() {
    ExportContents account = exports.get("seized-phone-account");
    ExportContents undercover = exports.get("undercover-big-group");
    long groupId = undercover.chats().getFirst().id();
    assertThat(account.chats()).extracting(Chat::id).contains(groupId);
    Map<Long, Message> a = account.byChat().get(groupId);
    Map<Long, Message> b = undercover.byChat().get(groupId);
    Set<Long> both = new HashSet<>(a.keySet());
    both.retainAll(b.keySet());
    assertThat(both).hasSizeGreaterThan(100);
    assertThat(a.keySet()).hasSizeGreaterThan(both.size());
    assertThat(b.keySet()).hasSizeGreaterThan(both.size());
    boolean renamed = false;
    boolean deleted = false;
    for (long id : both) {
      Message x = a.get(id);
      Message y = b.get(id);
      assertThat(x.dateUnixtime()).isEqualTo(y.dateUnixtime());
      assertThat(x.text().plain()).isEqualTo(y.text().plain());
      assertThat(x.fromId()).isEqualTo(y.fromId());
      if (x.from() != null && y.from() != null && !x.from().equals(y.from())) {
        renamed = true;
      }
      deleted |= x.fromId() != null && x.from() == null && y.from() != null;
    }
    assertThat(renamed).as("a display name changed between the two exports").isTrue();
    assertThat(deleted).as("an account was deleted before the later export").isTrue();
    assertThat(truth.names().values()).anyMatch(n -> n.size() > 1);
  }

  @Test
  void groundTruthListsExactlyTheAccountsTheExportsShow() {
    Set<String> seen = new HashSet<>();
    exports.values().forEach(e -> seen.addAll(e.userIds()));
    assertThat(truth.accounts().keySet()).isEqualTo(seen);
    for (List<String> roles : truth.accounts().values()) {
      assertThat(roles).isNotEmpty().isSubsetOf(GroundTruth.ROLES).doesNotHaveDuplicates();
      if (roles.contains("member")) {
        assertThat(roles).containsExactly("member");
      }
    }
    for (String role : GroundTruth.ROLES) {
      assertThat(truth.accountsWith(role)).as(role).isNotEmpty();
    }
  }

  @Test
  void everyPlantedFileIsWhereItsMessageSaysAndEveryDistributorSentOne() throws IOException {
    Map<String, List<GroundTruth.Planted>> bySender = new HashMap<>();
    for (GroundTruth.Planted p : truth.planted()) {
      Message m = message(p.export(), p.chatId(), p.messageIds().getFirst());
      assertThat(m.media()).as(p.path()).anyMatch(r -> p.path().equals(r.relativePath()));
      assertThat(out.resolve("exports").resolve(p.export()).resolve(p.path())).isRegularFile();
      assertThat(m.dateUnixtime()).isEqualTo(p.dateUnixtime());
      boolean ownMessage = m.fromId().toString().equals(p.sender());
      boolean signedChannelPost =
          m.fromId().kind().equals("channel") && truth.names().get(p.sender()).contains(m.author());
      assertThat(ownMessage || signedChannelPost).as(p.path()).isTrue();
      bySender.computeIfAbsent(p.sender(), k -> new ArrayList<>()).add(p);
    }
    for (String distributor : truth.accountsWith("distributor")) {
      assertThat(bySender).containsKey(distributor);
    }
    // Whoever else sent a planted file only kept it: the owner, in Saved Messages.
    Set<String> others = new HashSet<>(bySender.keySet());
    others.removeAll(truth.accountsWith("distributor"));
    assertThat(others).isSubsetOf(truth.accountsWith("possessor"));
  }

  @Test
  void eachVictimPictureFirstAppearsAsAnUnforwardedPostOfACreator() {
    Map<String, Map<String, GroundTruth.Planted>> byEntry = new TreeMap<>();
    for (GroundTruth.Planted p : truth.planted()) {
      // A message in two exports is one post.
      byEntry
          .computeIfAbsent(p.entryId(), k -> new HashMap<>())
          .putIfAbsent(p.chatId() + "/" + p.messageIds().getFirst(), p);
    }
    assertThat(byEntry).hasSize(manifest.victimOriginals());
    Set<String> firstPosters = new HashSet<>();
    for (Map<String, GroundTruth.Planted> posts : byEntry.values()) {
      List<GroundTruth.Planted> ordered = new ArrayList<>(posts.values());
      ordered.sort(Comparator.comparingLong(GroundTruth.Planted::dateUnixtime));
      GroundTruth.Planted first = ordered.getFirst();
      assertThat(truth.roles(first.sender())).contains("creator");
      Message m = message(first.export(), first.chatId(), first.messageIds().getFirst());
      assertThat(m.forwardedFrom()).isNull();
      assertThat(m.rawJson().json()).doesNotContain("forwarded_from");
      for (GroundTruth.Planted later : ordered.subList(1, ordered.size())) {
        assertThat(later.dateUnixtime()).isGreaterThan(first.dateUnixtime());
      }
      if (m.replyToMessageId() != null) {
        // The request can be in the other export of the same room.
        Message request = anyExport(first.chatId(), m.replyToMessageId());
        assertThat(truth.roles(request.fromId().toString())).contains("requester");
      }
      firstPosters.add(first.sender());
    }
    // The other creators answered a request with a new picture.
    Set<String> freshCreators = new HashSet<>();
    for (GroundTruth.Unrelated u : truth.unrelated()) {
      if (u.kind().equals("fresh")) {
        Message m = message(u.export(), u.chatId(), u.messageIds().getFirst());
        assertThat(m.replyToMessageId()).isNotNull();
        Message request = message(u.export(), u.chatId(), m.replyToMessageId());
        assertThat(truth.roles(request.fromId().toString())).contains("requester");
        freshCreators.add(m.fromId().toString());
      }
    }
    assertThat(freshCreators).isNotEmpty();
    Set<String> explained = new HashSet<>(firstPosters);
    explained.addAll(freshCreators);
    assertThat(explained).isEqualTo(truth.accountsWith("creator"));
    assertThat(freshCreators).as("someone is a creator by a new picture only").isNotEmpty();
    Set<String> onlyFresh = new HashSet<>(freshCreators);
    onlyFresh.removeAll(firstPosters);
    assertThat(onlyFresh).isNotEmpty();
  }

  @Test
  void adminsAndThePossessorDidWhatMakesThem() {
    Map<String, Set<String>> adminActs = new HashMap<>();
    String owner = null;
    for (ExportContents e : exports.values()) {
      for (Message m : e.messages()) {
        if (m.action() != null && m.action().actorId() != null) {
          adminActs
              .computeIfAbsent(m.action().actorId().toString(), k -> new HashSet<>())
              .add(m.action().action());
        }
        if (m.author() != null) {
          truth
              .names()
              .forEach(
                  (id, names) -> {
                    if (names.contains(m.author())) {
                      adminActs
                          .computeIfAbsent(id, k -> new HashSet<>())
                          .add("signs channel posts");
                    }
                  });
        }
      }
      if (e.summary().shape().equals("account")) {
        owner =
            e.chats().stream()
                .filter(c -> c.type().equals("saved_messages"))
                .map(c -> "user" + c.id())
                .findFirst()
                .orElseThrow();
      }
    }
    for (String admin : truth.accountsWith("admin")) {
      assertThat(adminActs.getOrDefault(admin, Set.of()))
          .as(admin)
          .containsAnyOf("create_group", "pin_message", "edit_group_title", "signs channel posts");
    }
    assertThat(truth.accountsWith("possessor")).containsExactly(owner);
    String ownerId = owner;
    assertThat(truth.planted())
        .anyMatch(p -> p.sender().equals(ownerId) && p.export().equals("seized-phone-account"))
        .anyMatch(p -> p.path().startsWith("chats/") && !p.sender().equals(ownerId));
  }

  @Test
  void requestsUseVariedWordsAndSomeHarmlessTalkUsesTheSameWords() {
    FlagScanner scanner = new FlagScanner(Lexicon.builtIn());
    Set<String> requesters = truth.accountsWith("requester");
    int flaggedByRequesters = 0;
    int flaggedByOthers = 0;
    Set<String> korean = new HashSet<>();
    Set<String> english = new HashSet<>();
    for (ExportContents e : exports.values()) {
      for (Message m : e.messages()) {
        if (m.fromId() == null || m.text().plain().isEmpty()) {
          continue;
        }
        boolean solicitation =
            scanner
                .scan(
                    new TextDocument(
                        "c", m.id(), m.fromId().toString(), m.dateUnixtime(), m.text().plain()))
                .stream()
                .anyMatch(f -> f.category().equals("solicitation"));
        if (!solicitation) {
          continue;
        }
        if (requesters.contains(m.fromId().toString())) {
          flaggedByRequesters++;
          (m.text().plain().matches(".*[가-힣].*") ? korean : english).add(m.text().plain());
        } else {
          flaggedByOthers++;
        }
      }
    }
    assertThat(flaggedByRequesters).isGreaterThan(10);
    assertThat(flaggedByOthers).as("harmless talk that a keyword rule flags").isGreaterThan(3);
    assertThat(korean).hasSizeGreaterThan(4);
    assertThat(english).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void theBankImportsWithTheCli() {
    CliRun imp =
        CliRun.of(
            "bank",
            "import",
            "demo-victims",
            out.resolve(Investigation.BANK_FILE).toString(),
            "--data-dir",
            dir.resolve("data").toString());
    assertThat(imp.exitCode()).as(imp.err()).isZero();
    assertThat(imp.out()).contains("imported 22, duplicates 0, rejected 0 (format hma-csv)");
  }

  @Test
  void plantedFilesMatchTheirBankEntryAndHarmlessOnesMatchNothing() throws Exception {
    Map<String, Hash256> pdq = new HashMap<>();
    Set<String> md5 = new HashSet<>();
    for (String line : Files.readAllLines(out.resolve(Investigation.BANK_FILE)).subList(1, 23)) {
      String[] f = line.split(",");
      assertThat(f[4]).isEqualTo("synthetic_sexual");
      if (f[0].equals("pdq")) {
        pdq.put(f[2], Hash256.fromHex(f[1]));
      } else {
        md5.add(f[1]);
      }
    }
    ImageHasher hasher = new ImageHasher();
    Map<String, Integer> maxByKind = new TreeMap<>();
    Map<String, Integer> maxByEdit = new TreeMap<>();
    Set<String> victimSizes = new HashSet<>();
    int md5Matches = 0;
    for (GroundTruth.Planted p : truth.planted()) {
      ImageHashes h = hasher.hash(out.resolve("exports").resolve(p.export()).resolve(p.path()));
      int d = h.pdq().hash().distance(pdq.get(p.entryId()));
      assertThat(d)
          .as(p.path() + " " + p.edit())
          .isLessThanOrEqualTo(31)
          .isEqualTo(p.pdqDistance());
      assertThat(h.pdq().quality()).isGreaterThanOrEqualTo(50);
      for (String kind : p.editKinds()) {
        maxByKind.merge(kind, d, Math::max);
      }
      maxByKind.merge(p.edit().contains("+") ? "(combined)" : "(single)", d, Math::max);
      maxByEdit.merge(String.join("+", p.editKinds()), d, Math::max);
      victimSizes.add(h.width() + "x" + h.height());
      md5Matches += md5.contains(h.digests().md5()) ? 1 : 0;
    }
    System.out.println("max PDQ distance per edit kind: " + maxByKind);
    System.out.println("max PDQ distance per edit: " + maxByEdit);
    assertThat(maxByKind)
        .containsKeys("exact", "reencode", "resize", "crop", "overlay", "(combined)");
    assertThat(md5Matches).isPositive();
    int closest = 256;
    Set<String> harmlessSizes = new HashSet<>();
    for (GroundTruth.Unrelated u : truth.unrelated()) {
      ImageHashes h = hasher.hash(out.resolve("exports").resolve(u.export()).resolve(u.path()));
      harmlessSizes.add(h.width() + "x" + h.height());
      for (Hash256 entry : pdq.values()) {
        closest = Math.min(closest, h.pdq().hash().distance(entry));
      }
      assertThat(md5).doesNotContain(h.digests().md5());
    }
    System.out.println("closest harmless picture to a bank entry: " + closest);
    // A picture's size says nothing about what it is.
    assertThat(harmlessSizes).hasSizeGreaterThan(4).containsAnyElementsOf(victimSizes);
    assertThat(closest).isGreaterThan(31);
    assertThat(truth.unrelated())
        .extracting(GroundTruth.Unrelated::kind)
        .contains("meme", "landscape", "food", "request_photo", "fresh", "group_photo");
    // Harmless pictures are reposted too, so reposting alone proves nothing.
    Map<String, Integer> copies = new HashMap<>();
    for (GroundTruth.Unrelated u : truth.unrelated()) {
      Path f = out.resolve("exports").resolve(u.export()).resolve(u.path());
      copies.merge(ContentDigests.of(f).sha256(), 1, Integer::sum);
    }
    assertThat(copies.values()).anyMatch(n -> n >= 3);
  }

  private static Message anyExport(long chatId, long id) {
    for (var chats : index.values()) {
      Message m = chats.getOrDefault(chatId, Map.of()).get(id);
      if (m != null) {
        return m;
      }
    }
    throw new AssertionError("no export has message " + id + " of chat " + chatId);
  }

  private static Message message(String export, long chatId, long id) {
    Message m = index.get(export).get(chatId).get(id);
    assertThat(m).as(export + " chat " + chatId + " message " + id).isNotNull();
    return m;
  }
}
