/**
 * Finds enrolled faces in images and scores how explicit an image is, on ONNX Runtime with models
 * built from npm packages at build time (module {@code faces-models}). Packages: {@code detect}
 * (BlazeFace over tiles), {@code align} (upright crops), {@code embed} (pluggable descriptors),
 * {@code explicit} (nsfwjs scores), {@code bank} (encrypted face banks with consent), {@code
 * enrol}, {@code search} (the engine and the matcher), {@code synthetic} (the empty slot for a
 * deepfake detector), {@code runtime} (sessions and resampling).
 */
package org.haetae.faces;
