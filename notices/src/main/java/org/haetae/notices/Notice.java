package org.haetae.notices;

import java.util.List;
import java.util.Objects;

/**
 * A written notice: the subject line and the body in sections, the same for the e-mail text and the
 * PDF.
 *
 * @param kind what notice it is
 * @param language the language of its main text
 * @param subject the e-mail subject and PDF title
 * @param sections the body; a section without heading is an introduction
 */
public record Notice(NoticeKind kind, Language language, String subject, List<Section> sections) {

  /**
   * A part of the body.
   *
   * @param heading the heading, or null
   * @param paragraphs the paragraphs; a paragraph may hold several lines separated by {@code \n}
   */
  public record Section(String heading, List<String> paragraphs) {
    public Section {
      paragraphs = List.copyOf(paragraphs);
    }
  }

  public Notice {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(subject, "subject");
    sections = List.copyOf(sections);
  }

  /** The body as plain text: numbered headings, paragraphs separated by blank lines. */
  public String body() {
    StringBuilder b = new StringBuilder();
    int n = 0;
    for (Section s : sections) {
      if (!b.isEmpty()) {
        b.append('\n');
      }
      if (s.heading() != null) {
        b.append(++n).append(". ").append(s.heading()).append("\n\n");
      }
      for (int i = 0; i < s.paragraphs().size(); i++) {
        if (i > 0) {
          b.append('\n');
        }
        b.append(s.paragraphs().get(i)).append('\n');
      }
    }
    return b.toString();
  }

  /** The e-mail: a {@code Subject:} line, a blank line and the body. */
  public String text() {
    return "Subject: " + subject + "\n\n" + body();
  }
}
