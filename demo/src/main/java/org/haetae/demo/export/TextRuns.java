package org.haetae.demo.export;

import java.util.ArrayList;
import java.util.List;

/** Splits message text into plain runs, {@code @mentions} and links, as Telegram marks them. */
public final class TextRuns {
  private TextRuns() {}

  /** A run of text and its entity type ({@code plain}, {@code mention}, {@code link}). */
  public record Run(String type, String text) {
    public boolean plain() {
      return type.equals("plain");
    }
  }

  public static List<Run> of(String s) {
    List<Run> out = new ArrayList<>();
    if (s.isEmpty()) {
      return out;
    }
    int plainStart = 0;
    int i = 0;
    while (i < s.length()) {
      boolean wordStart = i == 0 || Character.isWhitespace(s.charAt(i - 1));
      int end = -1;
      String type = null;
      if (wordStart && s.charAt(i) == '@') {
        end = i + 1;
        while (end < s.length() && isHandleChar(s.charAt(end))) {
          end++;
        }
        type = end - i > 3 ? "mention" : null;
      } else if (wordStart && (s.startsWith("https://", i) || s.startsWith("http://", i))) {
        end = i;
        while (end < s.length() && !Character.isWhitespace(s.charAt(end))) {
          end++;
        }
        type = "link";
      }
      if (type == null) {
        i++;
        continue;
      }
      if (i > plainStart) {
        out.add(new Run("plain", s.substring(plainStart, i)));
      }
      out.add(new Run(type, s.substring(i, end)));
      plainStart = end;
      i = end;
    }
    if (plainStart < s.length()) {
      out.add(new Run("plain", s.substring(plainStart)));
    }
    return out;
  }

  private static boolean isHandleChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
}
