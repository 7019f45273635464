package org.haetae.faces.bank;

import java.time.Instant;
import org.haetae.faces.embed.Descriptor;

/**
 * One template of a person, from one photo. The photo itself is never kept: only its SHA-256, so a
 * person can tell which of her photos a template came from.
 *
 * @param photoSha256 digest of the photo it came from, or null when computed elsewhere (a browser)
 * @param quality the detector's confidence for the face it came from
 */
public record EnrolledFace(Descriptor descriptor, String photoSha256, double quality, Instant at) {}
