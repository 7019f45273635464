package org.haetae.report.thumbnail;

/** A small JPEG of one matched image, for the HTML report (shown blurred). */
public record Thumbnail(String sha256, byte[] jpeg, int width, int height) {}
