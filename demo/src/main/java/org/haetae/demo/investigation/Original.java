package org.haetae.demo.investigation;

import org.haetae.hashing.pdq.Hash256;

/**
 * A victim's original picture. It is drawn only to be hashed and edited in memory: the original is
 * never written anywhere, as a victim's photo never leaves her device; only its hashes reach the
 * bank.
 *
 * @param entryId the bank's content id of its PDQ entry
 * @param victimCase the case it belongs to (one case can have several pictures)
 * @param person who requests name when they ask for it
 * @param md5EntryId the content id of an MD5 entry for its exact file, or null
 */
record Original(
    int index,
    long seed,
    String entryId,
    String victimCase,
    Phrases.Target person,
    Hash256 pdq,
    int quality,
    String md5,
    String md5EntryId) {}
