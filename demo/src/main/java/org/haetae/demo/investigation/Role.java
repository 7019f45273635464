package org.haetae.demo.investigation;

import java.util.Locale;

/**
 * The roles the ground truth assigns, in DESIGN.md's words. Kept here rather than borrowed from the
 * analysis, so the ground truth stays independent of the code it is used to measure.
 */
enum Role {
  CREATOR,
  REQUESTER,
  DISTRIBUTOR,
  ADMIN,
  POSSESSOR,
  MEMBER;

  String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
