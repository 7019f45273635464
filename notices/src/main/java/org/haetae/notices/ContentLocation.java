package org.haetae.notices;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Locale;

/**
 * One reported item. Blank strings become null; hashes are checked and lower-cased.
 *
 * @param url the exact URL of the item (http or https)
 * @param platform the service it is on ({@code "example.com"}, {@code "Telegram"}), or null
 * @param description what the item is, without repeating intimate detail, or null
 * @param firstSeen when it was first seen there, or null
 * @param pdq PDQ hash (64 hex digits), or null
 * @param md5 MD5 (32 hex digits), or null
 */
public record ContentLocation(
    String url, String platform, String description, Instant firstSeen, String pdq, String md5) {

  public ContentLocation {
    url = Strings.clean(url);
    platform = Strings.clean(platform);
    description = Strings.clean(description);
    pdq = hex(pdq, 64, "pdq");
    md5 = hex(md5, 32, "md5");
  }

  public static ContentLocation of(String url, String platform, String description) {
    return new ContentLocation(url, platform, description, null, null, null);
  }

  private static String hex(String value, int digits, String field) {
    String v = Strings.clean(value);
    if (v == null) {
      return null;
    }
    v = v.toLowerCase(Locale.ROOT);
    if (v.length() != digits || !v.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      throw new IllegalArgumentException(
          field + " must be " + digits + " hexadecimal digits, not \"" + value + "\"");
    }
    return v;
  }

  /** True when {@link #url()} is an absolute http or https URL with a host. */
  public boolean hasExactUrl() {
    if (url == null) {
      return false;
    }
    try {
      URI u = new URI(url);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  public boolean hasHash() {
    return pdq != null || md5 != null;
  }

  /** {@link #platform()}, else the URL's host, else null. */
  public String platformOrHost() {
    if (platform != null) {
      return platform;
    }
    if (hasExactUrl()) {
      return URI.create(url).getHost();
    }
    return null;
  }
}
