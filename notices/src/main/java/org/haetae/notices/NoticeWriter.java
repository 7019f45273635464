package org.haetae.notices;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes a {@link NoticeRequest} as its notice: e-mail-ready text (subject and body) and the same
 * content as PDF. A request missing a required element is refused with an {@link
 * IncompleteNoticeException} naming every missing element. Prints nothing, fetches nothing.
 */
public final class NoticeWriter {
  private NoticeWriter() {}

  /**
   * The notice for {@code request.kind()}, in {@code request.language()} (a {@link
   * NoticeKind#KR_KCSC} request is always Korean; {@link Language#EN} adds an English summary).
   *
   * @throws IncompleteNoticeException when {@link NoticeRequest#validate()} finds missing elements
   */
  public static Notice notice(NoticeRequest request) {
    List<NoticeElement> missing = request.validate();
    if (!missing.isEmpty()) {
      throw new IncompleteNoticeException(request.kind(), missing);
    }
    return Drafts.draft(request);
  }

  /** The e-mail: {@code Subject: ...}, a blank line, the body. See {@link #notice}. */
  public static String text(NoticeRequest request) {
    return notice(request).text();
  }

  /**
   * The notice as an A4 PDF with a Korean-capable font and numbered pages, written to {@code out}
   * (which stays open).
   *
   * @return the number of pages
   * @throws IncompleteNoticeException when {@link NoticeRequest#validate()} finds missing elements
   * @throws IllegalStateException when the notice needs Hangul and the Korean font is missing
   */
  public static int pdf(NoticeRequest request, OutputStream out) throws IOException {
    Notice n = notice(request);
    String footer =
        "Haetae · "
            + request.kind().label(n.language())
            + (request.reportReference() == null ? "" : " · " + request.reportReference());
    return NoticePdf.write(n, footer, out);
  }

  /** {@link #pdf(NoticeRequest, OutputStream)} into a byte array. */
  public static byte[] pdf(NoticeRequest request) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    pdf(request, out);
    return out.toByteArray();
  }
}
