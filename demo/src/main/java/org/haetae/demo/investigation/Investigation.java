package org.haetae.demo.investigation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A synthetic, harmless investigation with its ground truth, for demos, tests and benchmarks of the
 * analysis. {@link #write} produces:
 *
 * <pre>
 * OUT/exports/seized-phone-account/   whole-account export of a suspect's phone (result.json,
 *                                      chats/chat_NNN/photos/..., profile_pictures/)
 * OUT/exports/undercover-big-group/   single-chat export of a big Korean group, by an undercover
 *                                      investigator (result.json, photos/)
 * OUT/exports/english-room/           single-chat export of an English-language room
 * OUT/bank/demo-victims.csv           HMA CSV bank of the victims' originals (PDQ, two MD5)
 * OUT/ground-truth.json               roles per account, every planted and harmless file
 * OUT/README.txt                      what this is and how to use it
 * </pre>
 *
 * The exports overlap as real ones do: the big group is in both the suspect's and the undercover
 * export (same chat id, overlapping message ranges), the same user ids appear in several exports,
 * some under names that changed between export days. Everything is drawn: pictures are shapes and
 * gradients ("victim" is a label), names and numbers are invented.
 *
 * <p>Memory stays bounded by the number of pictures, not messages: rooms are played message by
 * message straight into the JSON files, pictures are drawn and written on all cores. The same seed
 * always gives byte-identical files.
 */
public final class Investigation {
  static final int ACCOUNT_EXPORT = 0;
  static final int UNDERCOVER_EXPORT = 1;
  static final int ENGLISH_EXPORT = 2;

  /** Folder names under {@code exports/}, in the order above. */
  public static final List<String> EXPORT_NAMES =
      List.of("seized-phone-account", "undercover-big-group", "english-room");

  public static final String BANK_FILE = "bank/demo-victims.csv";
  public static final String GROUND_TRUTH_FILE = "ground-truth.json";

  private Investigation() {}

  /**
   * The export folders of an investigation written to {@code out}, in {@link #EXPORT_NAMES} order.
   */
  public static List<Path> exports(Path out) {
    return EXPORT_NAMES.stream().map(n -> out.resolve("exports").resolve(n)).toList();
  }

  /**
   * @param messages messages in all rooms together (a message in two exports counts once)
   * @param images messages carrying a picture; about one in fourteen is a victim original's first
   *     post, the rest are its reposts and forwards and harmless pictures
   * @param accounts Telegram accounts in the case
   * @param pictureWidth size at which pictures are drawn before edits
   */
  public record Options(
      long seed, long messages, int images, int accounts, int pictureWidth, int pictureHeight) {
    public Options {
      if (messages < 1_000 || images < 40 || accounts < 100) {
        throw new IllegalArgumentException(
            "a synthetic investigation needs at least 1000 messages, 40 pictures and 100 accounts");
      }
      if (messages < 4L * images) {
        throw new IllegalArgumentException(
            "too many pictures for the messages: at most one message in four carries one");
      }
      if (pictureWidth < 64 || pictureHeight < 48) {
        throw new IllegalArgumentException("pictures must be at least 64x48");
      }
    }

    /** The default demo: about 300 accounts, 5,000 messages, 270 pictures; a few seconds. */
    public static Options demo(long seed) {
      return new Options(seed, 5_000, 270, 300, 640, 480);
    }

    /**
     * For benchmarks: as many messages and pictures as asked, accounts growing with the square root
     * of the messages, small (320x240) pictures.
     */
    public static Options scaled(long seed, long messages, int images) {
      int accounts = (int) Math.min(50_000, Math.max(300, 300 * Math.sqrt(messages / 5_000.0)));
      return new Options(seed, messages, images, accounts, 320, 240);
    }

    /** Victims' originals in the bank. */
    public int originals() {
      return Math.max(3, Math.round(images / 13.5f));
    }
  }

  /** What one export holds, as {@code ExportReader} will count it. */
  public record ExportSummary(
      String name,
      String shape,
      long chats,
      long messages,
      long mediaRefs,
      long placeholders,
      long imageFiles) {}

  /**
   * What was written.
   *
   * @param chats distinct chats across the exports
   * @param accounts accounts listed in the ground truth
   * @param messages distinct messages
   * @param exportedMessages message objects in all {@code result.json} files (a message in two
   *     exports counts twice)
   * @param pictureMessages distinct messages carrying a picture
   * @param imageFiles picture files in all exports
   * @param victimVariants picture files made from a victim's original (the planted list)
   * @param bankEntries entries in the bank file
   */
  public record Manifest(
      Path out,
      int exports,
      int chats,
      int accounts,
      long messages,
      long exportedMessages,
      long pictureMessages,
      long imageFiles,
      int victimOriginals,
      long victimVariants,
      int bankEntries,
      Map<String, Long> roleCounts,
      List<ExportSummary> exportSummaries) {
    public Manifest {
      roleCounts = Map.copyOf(roleCounts);
      exportSummaries = List.copyOf(exportSummaries);
    }
  }

  public static Manifest write(Path out, Options options) throws IOException {
    Files.createDirectories(out);
    int w = options.pictureWidth();
    int h = options.pictureHeight();
    List<Original> originals = VictimBank.originals(options.seed(), options.originals(), w, h);
    Script script = new Script(options, originals);
    VictimBank.settle(script.victimPictures, w, h);

    Written written = new Written();
    Timeline time = script.time;
    List<ExportSummary> summaries = new ArrayList<>();
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    try (MediaFiles media = new MediaFiles(threads)) {
      ExportFile account =
          export(out, ACCOUNT_EXPORT, time.seizure(), true, script, media, written, w, h);
      ExportFile undercover =
          export(
              out, UNDERCOVER_EXPORT, time.undercoverExport(), false, script, media, written, w, h);
      account.beginAccount();
      // The big group is in both: the undercover export up to its day, the suspect's from the
      // day he joined (earlier history was hidden from new members).
      ChatWriter fromJoin = account.chat(script.big, time.ownerJoinsBigGroup(), Long.MAX_VALUE);
      ChatWriter upToExport = undercover.chat(script.big, Long.MIN_VALUE, time.undercoverExport());
      RoomStream.play(script, script.big, List.of(fromJoin, upToExport));
      fromJoin.end();
      upToExport.end();
      undercover.finish();
      undercover.close();
      for (Room room :
          List.of(
              script.suspects,
              script.channel,
              script.leaderChat,
              script.friendChat,
              script.creatorChat,
              script.saved,
              script.botChat)) {
        whole(account, room, script);
      }
      account.beginLeftChats();
      whole(account, script.oldGroup, script);
      account.finish();
      account.close();
      ExportFile english =
          export(out, ENGLISH_EXPORT, time.englishExport(), false, script, media, written, w, h);
      whole(english, script.english, script);
      english.finish();
      english.close();
      summaries.add(account.summary());
      summaries.add(undercover.summary());
      summaries.add(english.summary());
    }

    int bankEntries = VictimBank.write(out.resolve(BANK_FILE), originals);
    GroundTruth truth = truth(options, script, written);
    truth.write(out.resolve(GROUND_TRUTH_FILE));
    Files.writeString(out.resolve("README.txt"), readme(out), StandardCharsets.UTF_8);

    Map<String, Long> roleCounts = new TreeMap<>();
    for (String role : GroundTruth.ROLES) {
      roleCounts.put(role, (long) truth.accountsWith(role).size());
    }
    long exported = 0;
    long files = 0;
    for (ExportSummary s : summaries) {
      exported += s.messages();
      files += s.imageFiles();
    }
    long messages = 0;
    for (Room room : script.rooms) {
      messages += room.quota;
    }
    return new Manifest(
        out,
        summaries.size(),
        script.rooms.size(),
        truth.accounts().size(),
        messages,
        exported,
        script.pictureMessages(),
        files,
        originals.size(),
        truth.planted().size(),
        bankEntries,
        roleCounts,
        summaries);
  }

  private static ExportFile export(
      Path out,
      int ordinal,
      long time,
      boolean account,
      Script script,
      MediaFiles media,
      Written written,
      int w,
      int h)
      throws IOException {
    String name = EXPORT_NAMES.get(ordinal);
    return new ExportFile(
        name,
        ordinal,
        out.resolve("exports").resolve(name),
        time,
        account,
        script,
        media,
        written,
        w,
        h);
  }

  private static void whole(ExportFile export, Room room, Script script) throws IOException {
    ChatWriter chat = export.chat(room, Long.MIN_VALUE, Long.MAX_VALUE);
    RoomStream.play(script, room, List.of(chat));
    chat.end();
  }

  private static GroundTruth truth(Options options, Script script, Written written) {
    Map<Integer, EnumSet<Role>> roles = script.roles();
    for (int person : roles.keySet()) {
      if (!written.appeared.get(person)) {
        throw new IllegalStateException(
            "the script gave a role to an account no export shows: "
                + script.cast.person(person).id());
      }
    }
    Map<String, List<String>> accounts = new TreeMap<>();
    Map<String, List<String>> names = new TreeMap<>();
    for (int p = written.appeared.nextSetBit(0); p >= 0; p = written.appeared.nextSetBit(p + 1)) {
      String id = script.cast.person(p).id();
      List<String> codes = new ArrayList<>();
      for (Role role : roles.getOrDefault(p, EnumSet.of(Role.MEMBER))) {
        codes.add(role.code());
      }
      accounts.put(id, codes);
      names.put(id, List.copyOf(written.names.getOrDefault(p, Set.of())));
    }
    return new GroundTruth(options.seed(), accounts, names, written.planted, written.unrelated);
  }

  private static String readme(Path out) {
    return """
        Haetae demo data: a SYNTHETIC investigation
        ===========================================

        Everything here is generated by `haetae demo-data`. There is no real person and no real
        abuse material: pictures are drawn shapes and gradients, names, schools, handles and phone
        numbers (010-0000-12xx) are invented, and "victim" or "synthetic_sexual" are only labels.

        The made-up case: people in Korean Telegram rooms request, make and trade manipulated
        pictures of classmates. Three exports of the same case:

          exports/seized-phone-account/  "Export Telegram data" of a suspect's seized phone:
                                         a private supergroup, a channel, private chats, Saved
                                         Messages, a bot chat, and a left group
          exports/undercover-big-group/  "Export chat history" of a big Korean group, made by an
                                         undercover investigator (the same group is in the phone
                                         export too, with overlapping messages)
          exports/english-room/          "Export chat history" of an English-language room
          bank/demo-victims.csv          victim bank (HMA CSV): PDQ hashes of the victims'
                                         originals, two MD5 entries of exact files; the originals
                                         themselves are nowhere, as a victim's photo never leaves
                                         her device
          ground-truth.json              who really did what (roles per account id) and every
                                         victim-picture file with the edit made to it; for
                                         measuring the analysis, never an input to it
          images/                        (demo-data command only) sample pictures for `haetae hash`

        Try it:

          haetae bank import demo-victims %1$s/bank/demo-victims.csv
          haetae scan %1$s/exports/* --bank demo-victims --out %1$s-case
        """
        .formatted(out);
  }
}
