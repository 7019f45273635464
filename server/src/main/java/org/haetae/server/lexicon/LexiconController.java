package org.haetae.server.lexicon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.haetae.server.access.CaseAccess;
import org.haetae.server.access.OpenCase;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Reviewers' decisions on a case as a case lexicon draft to download, read and edit. */
@RestController
public class LexiconController {
  private final LexiconLessons lessons;
  private final CaseAccess access;

  public LexiconController(LexiconLessons lessons, CaseAccess access) {
    this.lessons = lessons;
    this.access = access;
  }

  @GetMapping("/api/v1/cases/{caseId}/lexicon-suggestions")
  public ResponseEntity<String> suggestions(@PathVariable UUID caseId, Authentication who)
      throws IOException {
    OpenCase c = access.open(who, caseId);
    String draft = lessons.draft(c);
    c.audit("lexicon_suggestions", null);
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"case-lexicon-" + caseId + ".txt\"")
        .body(draft);
  }
}
