package org.haetae.analysis.result;

/**
 * One appearance of a victim's image.
 *
 * @param kind {@code first_post}, {@code repost} (posted again, not as a forward), {@code forward}
 * @param actorKey who posted it ({@link ActorProfile#key()}), or null
 * @param forwardedFrom for a forward, the key of the actor it came from, or null
 * @param distance PDQ distance to the bank entry (0 for an exact copy); above 0 means an edit such
 *     as a crop or a re-encode
 */
public record SpreadEvent(
    MessageRef message,
    String kind,
    String actorKey,
    String forwardedFrom,
    String mediaSha256,
    int distance) {}
