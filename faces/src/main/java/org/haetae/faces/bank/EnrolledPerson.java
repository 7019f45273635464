package org.haetae.faces.bank;

import java.time.Instant;
import java.util.List;

/**
 * A person whose face the bank looks for.
 *
 * @param id stable id within the bank (what a match names)
 * @param label how staff refer to her (a pseudonym or a case reference, not necessarily a name)
 */
public record EnrolledPerson(
    String id, String label, Consent consent, Instant enrolledAt, List<EnrolledFace> faces) {
  public EnrolledPerson {
    faces = List.copyOf(faces);
  }
}
