package org.haetae.hashing;

import java.nio.file.Path;
import java.util.Optional;
import org.haetae.hashing.digest.ContentDigests;
import org.haetae.hashing.pdq.DihedralHashes;
import org.haetae.hashing.pdq.PdqHash;

/**
 * Everything Haetae computes for one image file.
 *
 * @param dihedral all eight rotation/flip hashes, when they were asked for
 * @param orientation the EXIF orientation applied before hashing (1 = as stored)
 */
public record ImageHashes(
    Path path,
    PdqHash pdq,
    Optional<DihedralHashes> dihedral,
    ContentDigests digests,
    String format,
    int width,
    int height,
    int orientation) {}
