package org.haetae.pipeline.scan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.haetae.faces.bank.EnrolledFace;
import org.haetae.faces.bank.EnrolledPerson;
import org.haetae.faces.bank.FaceBank;
import org.haetae.faces.search.FaceEngine;

/**
 * What a scan's face stage looks for, and with which models.
 *
 * @param engine the loaded models (the caller owns and closes it)
 * @param banks the face banks, already opened
 * @param threshold descriptor distance at or below which a face is a candidate for review
 */
public record FaceScan(FaceEngine engine, List<FaceBank> banks, double threshold) {
  public FaceScan {
    banks = List.copyOf(banks);
  }

  /**
   * Identifies the models, the threshold and every template, so a resumed scan reuses an image's
   * result only when none of them changed; an enrolment or a removal since makes every image be
   * looked at again.
   */
  public String fingerprint() {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(
          (engine.detectorId()
                  + "|"
                  + engine.embedderId()
                  + "|"
                  + engine.explicitId()
                  + "|"
                  + threshold)
              .getBytes(StandardCharsets.UTF_8));
      for (FaceBank b : banks) {
        d.update(("|bank " + b.name()).getBytes(StandardCharsets.UTF_8));
        for (EnrolledPerson p : b.people()) {
          d.update(("|person " + p.id()).getBytes(StandardCharsets.UTF_8));
          for (EnrolledFace f : p.faces()) {
            for (float v : f.descriptor().vector()) {
              int bits = Float.floatToIntBits(v);
              d.update(
                  new byte[] {
                    (byte) (bits >> 24), (byte) (bits >> 16), (byte) (bits >> 8), (byte) bits
                  });
            }
          }
        }
      }
      return HexFormat.of().formatHex(d.digest()).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public List<String> bankNames() {
    return banks.stream().map(FaceBank::name).toList();
  }
}
