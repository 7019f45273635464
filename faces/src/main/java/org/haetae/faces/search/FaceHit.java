package org.haetae.faces.search;

import org.haetae.faces.detect.Face.Box;

/**
 * An enrolled person's face is close to a face in an image: a lead for a person to review, never an
 * identification.
 *
 * @param distance Euclidean distance between descriptors (the nearest of the person's templates)
 * @param similarity {@code 1 - distance}, clamped to 0..1, for display
 * @param rank 1 for the closest enrolled person to this face, 2 for the next, ...
 */
public record FaceHit(
    String bank,
    String personId,
    String label,
    double distance,
    double similarity,
    Box box,
    int rank) {}
