package org.haetae.report.manifest;

/**
 * A signed checkpoint of the custody log, for comparing the manifest's figures with.
 *
 * @param seq where the checkpoint is in the log
 * @param size how many entries it covers (those before it)
 * @param head hash of the last entry it covers
 * @param root Merkle root over the entries it covers
 */
public record Checkpoint(long seq, long size, String head, String root) {}
