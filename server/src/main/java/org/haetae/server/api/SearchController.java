package org.haetae.server.api;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.haetae.analysis.text.Highlight;
import org.haetae.pipeline.scan.CaseSearch;
import org.haetae.server.access.CaseAccess;
import org.haetae.server.access.OpenCase;
import org.haetae.server.texts.CaseTextsCache;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Full-text search of one case (Korean and English). Every search is audited with its words: who
 * looked for what is exactly what an audit of misuse needs.
 */
@RestController
public class SearchController {
  private final CaseAccess access;
  private final CaseTextsCache texts;

  public SearchController(CaseAccess access, CaseTextsCache texts) {
    this.access = access;
    this.texts = texts;
  }

  @GetMapping("/api/v1/cases/{caseId}/search")
  public List<CaseSearch.Hit> search(
      @PathVariable UUID caseId,
      @RequestParam String q,
      @RequestParam(defaultValue = "20") int limit,
      @RequestParam(defaultValue = "0") int offset,
      Authentication who)
      throws IOException {
    OpenCase c = access.open(who, caseId);
    if (limit < 1 || limit > 200) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be 1..200");
    }
    if (offset < 0 || offset > 10_000) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "offset must be 0..10000");
    }
    c.audit("search", q);
    return texts.read(c.folder(), t -> t.search(q, offset, limit, Highlight.HTML).items());
  }
}
