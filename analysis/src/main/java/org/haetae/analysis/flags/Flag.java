package org.haetae.analysis.flags;

/**
 * A message a rule pointed at, for a person to review.
 *
 * @param rule the term or pattern that matched, as written in the lexicon
 * @param start offset of the match in the message text (after NFKC normalisation)
 * @param end offset just after it
 * @param weight the rule's weight (see {@link Lexicon})
 */
public record Flag(
    String chatId,
    long messageId,
    String category,
    String rule,
    int start,
    int end,
    double weight) {
  /**
   * True for the helper categories (names ending in {@code _cue} or {@code _guard}) that the
   * analysis combines with others to tell requests from talk; they are not shown to reviewers as
   * flags.
   */
  public boolean cue() {
    return category.endsWith("_cue") || category.endsWith("_guard");
  }
}
