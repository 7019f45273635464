package org.haetae.analysis.text;

/**
 * What goes around a matched word in a snippet: ANSI bold on a terminal, mark tags in HTML.
 *
 * @param escapeHtml escape the message text itself, so that only the marks are markup (message text
 *     is written by the people under investigation and must never run in a browser)
 */
public record Highlight(String before, String after, boolean escapeHtml) {
  public static final Highlight PLAIN = new Highlight("[", "]", false);
  public static final Highlight TERMINAL = new Highlight("\u001b[1;31m", "\u001b[0m", false);
  public static final Highlight HTML = new Highlight("<mark>", "</mark>", true);
}
