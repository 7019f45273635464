package org.haetae.analysis.text;

/** What goes around a matched word in a snippet: ANSI bold on a terminal, mark tags in HTML. */
public record Highlight(String before, String after) {
  public static final Highlight PLAIN = new Highlight("[", "]");
  public static final Highlight TERMINAL = new Highlight("\u001b[1;31m", "\u001b[0m");
  public static final Highlight HTML = new Highlight("<mark>", "</mark>");
}
