package org.haetae.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.haetae.analysis.media.FaceEvidence;
import org.haetae.analysis.media.ImageSignals;
import org.haetae.analysis.result.BankMatch;
import org.haetae.analysis.result.CaseAnalysis;
import org.haetae.analysis.result.MediaItem;
import org.haetae.analysis.result.MessageRef;

/**
 * What the scan's face stage adds to an analysis, for tests: image signals (explicit score, class
 * scores, faces found) and enrolled-face matches, as {@code report.json} carries them.
 */
public final class FaceFixtures {
  public static final String CLASSIFIER = "nsfwjs-4.4.0/mobilenet_v2";
  public static final String EMBEDDER = "face-api-1.7.15/face_recognition";

  private FaceFixtures() {}

  /**
   * A picture the classifier scored: explicit is {@code porn + hentai}; what is left goes to sexy,
   * neutral and drawing, so that porn is the top class whenever it is the largest share.
   */
  public static ImageSignals scored(double porn, double hentai, int faces) {
    return scored(porn, hentai, faces, 0, 0);
  }

  /** The same, for a picture of this size (upright): the frame of its face boxes. */
  public static ImageSignals scored(double porn, double hentai, int faces, int width, int height) {
    double rest = Math.max(0, 1 - porn - hentai);
    return new ImageSignals(
        porn + hentai,
        Map.of(
            "porn", porn,
            "hentai", hentai,
            "sexy", rest * 0.5,
            "neutral", rest * 0.4,
            "drawing", rest * 0.1),
        CLASSIFIER,
        faces,
        width,
        height);
  }

  /**
   * A picture only searched for faces (scan with {@code --faces} but without {@code --explicit}).
   */
  public static ImageSignals facesOnly(int faces) {
    return new ImageSignals(null, Map.of(), null, faces, 0, 0);
  }

  /** The same file with these signals and this matched flag. */
  public static MediaItem with(MediaItem m, ImageSignals signals, boolean matched) {
    return new MediaItem(
        m.sha256(),
        m.md5(),
        m.pdq(),
        m.quality(),
        m.kind(),
        m.path(),
        m.cluster(),
        matched,
        m.messages(),
        m.messageCount(),
        signals);
  }

  /**
   * Person {@code person} of face bank {@code bank} may be in the picture posted at {@code at}: a
   * lead, with the face's box in image pixels.
   */
  public static BankMatch face(
      MessageRef at,
      String sha256,
      String bank,
      String person,
      double distance,
      int rank,
      double x,
      double y,
      double width,
      double height) {
    return new BankMatch(
        at,
        sha256,
        "face:" + bank,
        person,
        "face",
        (int) Math.round(distance * 1000),
        Map.of(),
        new FaceEvidence(distance, 1 - distance, x, y, width, height, rank, EMBEDDER));
  }

  /** A PDQ match of the picture posted at {@code at} with a victim's registered image. */
  public static BankMatch hash(MessageRef at, String sha256, String bank, String entry) {
    return new BankMatch(at, sha256, bank, entry, "pdq", 4, Map.of("case", "v-" + entry));
  }

  /** The analysis with these files instead of its own, and these matches added to its own. */
  public static CaseAnalysis with(CaseAnalysis a, List<MediaItem> media, List<BankMatch> matches) {
    List<BankMatch> all = new ArrayList<>(a.matches());
    all.addAll(matches);
    return new CaseAnalysis(
        a.info(),
        a.chats(),
        a.accounts(),
        media,
        all,
        a.spread(),
        a.flags(),
        a.findings(),
        a.graph());
  }
}
