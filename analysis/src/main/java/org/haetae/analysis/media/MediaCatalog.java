package org.haetae.analysis.media;

import java.util.List;

/**
 * The case's stored files as the analysis needs them: what a message's media path holds, and which
 * bank entries it matched. The scan builds it from the custody log and the banks.
 */
public interface MediaCatalog {
  /** The file at {@code relativePath} inside export {@code export}, or null when not stored. */
  MediaFacts lookup(String export, String relativePath);

  /** Bank entries the file matched, nearest first; empty when none. */
  List<MediaMatch> matches(String sha256);

  /** What the image models said about the file, or null when it was not looked at. */
  default ImageSignals signals(String sha256) {
    return null;
  }

  /** A case with no stored files (text-only analysis, tests). */
  MediaCatalog NONE =
      new MediaCatalog() {
        @Override
        public MediaFacts lookup(String export, String relativePath) {
          return null;
        }

        @Override
        public List<MediaMatch> matches(String sha256) {
          return List.of();
        }
      };
}
