package org.haetae.notices.sor;

/** {@code content_type}: what the item is (a list). */
public enum ContentType {
  CONTENT_TYPE_APP,
  CONTENT_TYPE_AUDIO,
  CONTENT_TYPE_IMAGE,
  CONTENT_TYPE_PRODUCT,
  CONTENT_TYPE_SYNTHETIC_MEDIA,
  CONTENT_TYPE_TEXT,
  CONTENT_TYPE_VIDEO,
  CONTENT_TYPE_OTHER
}
