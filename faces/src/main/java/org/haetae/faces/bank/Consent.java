package org.haetae.faces.bank;

import java.time.Instant;

/**
 * Why Haetae may hold this person's face template. A face template is biometric data: it is kept
 * only with a recorded basis, and removing the person removes every template.
 *
 * @param basis e.g. {@code consent of the person}, {@code guardian consent}, {@code court order}
 * @param recordedBy who recorded it (a staff member or the person herself)
 */
public record Consent(String basis, String recordedBy, Instant at) {
  public Consent {
    if (basis == null || basis.isBlank()) {
      throw new IllegalArgumentException("a face is enrolled only with a recorded basis (consent)");
    }
    if (recordedBy == null || recordedBy.isBlank()) {
      throw new IllegalArgumentException("the consent must say who recorded it");
    }
  }
}
