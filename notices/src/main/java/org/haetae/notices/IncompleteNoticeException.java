package org.haetae.notices;

import java.util.List;
import java.util.stream.Collectors;

/** A notice was asked for while required elements are missing from the request. */
public final class IncompleteNoticeException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final NoticeKind kind;
  private final List<NoticeElement> missing;

  public IncompleteNoticeException(NoticeKind kind, List<NoticeElement> missing) {
    super(
        "incomplete "
            + kind
            + " notice, missing: "
            + missing.stream()
                .map(e -> e + " (" + e.label(Language.EN) + ")")
                .collect(Collectors.joining("; ")));
    this.kind = kind;
    this.missing = List.copyOf(missing);
  }

  public NoticeKind kind() {
    return kind;
  }

  /** The missing elements, in the order of {@link NoticeKind#requiredElements()}. */
  public List<NoticeElement> missing() {
    return missing;
  }
}
