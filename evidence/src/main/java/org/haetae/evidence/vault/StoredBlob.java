package org.haetae.evidence.vault;

/**
 * A blob in the vault.
 *
 * @param sha256 address: SHA-256 of the plaintext, lower-case hex
 * @param size plaintext bytes
 * @param storedSha256 SHA-256 of the encrypted file, so the vault can be checked without the key
 * @param created false when the vault already held this content (write-once: nothing rewritten)
 */
public record StoredBlob(String sha256, long size, String storedSha256, boolean created) {}
