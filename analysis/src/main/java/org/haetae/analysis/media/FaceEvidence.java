package org.haetae.analysis.media;

/**
 * Why a file matched an enrolled face: a lead ranked for human review, never an identification.
 *
 * @param distance Euclidean distance between face descriptors (lower is closer)
 * @param similarity {@code 1 - distance}, clamped to 0..1
 * @param x, y, width, height the face's box in the image, in pixels
 * @param rank 1 when this person is the closest enrolled person to that face
 * @param model the embedding model that made both descriptors
 */
public record FaceEvidence(
    double distance,
    double similarity,
    double x,
    double y,
    double width,
    double height,
    int rank,
    String model) {}
