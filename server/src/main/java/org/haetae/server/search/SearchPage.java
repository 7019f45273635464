package org.haetae.server.search;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.haetae.analysis.text.Highlight;
import org.haetae.pipeline.scan.CaseSearch;
import org.haetae.pipeline.texts.CaseTexts;
import org.haetae.server.access.CaseAccess;
import org.haetae.server.access.OpenCase;
import org.haetae.server.cases.CasePages;
import org.haetae.server.texts.CaseTextsCache;
import org.haetae.server.web.Pager;
import org.haetae.server.web.UiPage;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Full-text search of a case's messages, Korean and English, with the matched words marked. The
 * snippets are escaped before marking, so a message can never inject markup into the page.
 */
@Controller
@UiPage
public class SearchPage {
  /** Longest query accepted; longer is not a search a person typed. */
  static final int MAX_QUERY = 500;

  private final CaseTextsCache texts;
  private final CaseAccess access;

  public SearchPage(CaseTextsCache texts, CaseAccess access) {
    this.texts = texts;
    this.access = access;
  }

  @GetMapping("/cases/{id}/search")
  String search(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String q,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size,
      Authentication who,
      Model model)
      throws IOException {
    OpenCase c = access.open(who, id);
    Pager p = Pager.of(page, size);
    CasePages.nav(model, c, "search");
    String query = q.strip();
    model.addAttribute("q", query);
    if (query.isEmpty()) {
      model.addAttribute("hits", List.of());
      model.addAttribute("pager", p);
      return "search/search";
    }
    if (query.length() > MAX_QUERY) {
      model.addAttribute("error", "search.tooLong");
      model.addAttribute("hits", List.of());
      model.addAttribute("pager", p);
      return "search/search";
    }
    c.audit("search", query);
    CaseTexts.Page<CaseSearch.Hit> hits =
        texts.read(c.folder(), t -> t.search(query, p.offset(), p.size(), Highlight.HTML));
    model.addAttribute("hits", hits.items());
    model.addAttribute("pager", p.withTotal(hits.total()));
    return "search/search";
  }
}
