package org.haetae.notices.sor;

/**
 * {@code source_type}: what the decision followed: an Article 16 notice, a trusted flagger (Article
 * 22), another notification, or the platform's own initiative.
 */
public enum SourceType {
  SOURCE_ARTICLE_16,
  SOURCE_TRUSTED_FLAGGER,
  SOURCE_TYPE_OTHER_NOTIFICATION,
  SOURCE_VOLUNTARY
}
