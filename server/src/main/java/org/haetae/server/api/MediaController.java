package org.haetae.server.api;

import java.io.IOException;
import java.util.UUID;
import org.haetae.server.access.CaseAccess;
import org.haetae.server.access.OpenCase;
import org.haetae.server.media.MediaViews;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** A case's pictures: blurred unless revealed, every view audited and in the custody log. */
@RestController
@RequestMapping("/api/v1/cases/{caseId}/media")
public class MediaController {
  private final MediaViews views;
  private final CaseAccess access;

  public MediaController(MediaViews views, CaseAccess access) {
    this.views = views;
    this.access = access;
  }

  /**
   * The picture: blurred unless {@code reveal}; a thumbnail is never revealed. A picture whose
   * explicit score is 0.5 or more is revealed only with {@code confirm=true} as well (409
   * otherwise): a second, explicit choice.
   */
  @GetMapping("/{sha256}")
  public ResponseEntity<byte[]> image(
      @PathVariable UUID caseId,
      @PathVariable String sha256,
      @RequestParam(defaultValue = "false") boolean reveal,
      @RequestParam(defaultValue = "false") boolean thumbnail,
      @RequestParam(defaultValue = "false") boolean confirm,
      Authentication who)
      throws IOException {
    OpenCase c = access.open(who, caseId);
    MediaViews.Shown shown =
        thumbnail
            ? MediaViews.Shown.THUMBNAIL
            : reveal ? MediaViews.Shown.REVEALED : MediaViews.Shown.BLURRED;
    byte[] jpeg =
        views
            .view(c, sha256, shown, confirm)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such image"));
    // Evidence is never kept in a browser or proxy cache.
    return ResponseEntity.ok()
        .contentType(MediaType.IMAGE_JPEG)
        .cacheControl(CacheControl.noStore())
        .body(jpeg);
  }
}
