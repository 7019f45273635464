package org.haetae.matching.bank;

import java.time.Instant;

/**
 * Where a batch of entries came from: one import of one file.
 *
 * @param sourceFile the file's name as given to the import (no directory: paths can name people)
 * @param sourceSha256 SHA-256 of the file's bytes, to tell which exact file it was
 * @param format the format it was read as
 * @param importedBy who ran the import (the operating-system user)
 * @param importedAt when the import was committed
 */
public record Provenance(
    String sourceFile,
    String sourceSha256,
    BankFormat format,
    String importedBy,
    Instant importedAt) {}
