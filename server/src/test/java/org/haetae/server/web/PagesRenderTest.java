package org.haetae.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.haetae.analysis.CaseAnalyzer;
import org.haetae.analysis.flags.Lexicon;
import org.haetae.analysis.media.MediaCatalog;
import org.haetae.analysis.result.CaseAnalysis;
import org.haetae.server.CaseStoreTestAccess;
import org.haetae.server.ServiceClient;
import org.haetae.server.ServiceTest;
import org.haetae.server.storage.CaseImport;
import org.haetae.server.storage.UserStore;
import org.haetae.server.users.UserRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every page renders, in both languages, for an empty case and for a case whose folder holds no
 * index or report (an import of an analysis alone): no broken page, whatever the case holds.
 */
@ServiceTest
class PagesRenderTest {
  @Autowired ServiceClient service;
  @Autowired CaseImport cases;
  @Autowired UserStore users;

  private HttpResponse<String> get(String path, String token) throws Exception {
    return service.call("GET", path).token(token).send();
  }

  private static CaseAnalysis empty() throws Exception {
    try (CaseAnalyzer an =
        new CaseAnalyzer(
            new CaseAnalyzer.Settings(31, 50), MediaCatalog.NONE, Lexicon.builtIn(), null)) {
      return an.finish(
          new CaseAnalyzer.Context(
              UUID.randomUUID().toString(),
              "2026-01-01T00:00:00Z",
              List.of(),
              "h",
              "r",
              0,
              List.of()));
    }
  }

  @Test
  void everyPageRendersForEmptyAndFolderlessCases() throws Exception {
    String token = service.login("pages", UserRole.INVESTIGATOR);
    UUID emptyCase =
        cases.put(empty(), "empty <case>", service.data().resolve("nothing").toString());
    Path folder = Files.createTempDirectory("haetae-folderless");
    CaseAnalysis full = new CaseStoreTestAccess().analyse(folder);
    UUID folderless = cases.put(full, "folderless", folder.toString());
    users.assign(emptyCase, "pages");
    users.assign(folderless, "pages");
    String account = full.accounts().get(0).key();
    String room = full.chats().get(0).key();

    for (UUID id : List.of(emptyCase, folderless)) {
      String c = "/cases/" + id;
      List<String> pages =
          new ArrayList<>(
              List.of(
                  "/cases",
                  c,
                  c + "/accounts",
                  c + "/rooms",
                  c + "/media",
                  c + "/media?matched=true",
                  c + "/media?order=least-explicit",
                  c + "/media?order=date",
                  c + "/media?order=posts",
                  c + "/victims",
                  c + "/flags",
                  c + "/findings",
                  c + "/search",
                  c + "/network",
                  c + "/audit",
                  "/scans"));
      if (id.equals(folderless)) {
        pages.add(c + "/accounts/" + account);
        pages.add(c + "/rooms/" + room);
        pages.add(c + "/accounts?page=1&size=1");
      }
      for (String lang : List.of("en", "ko")) {
        for (String p : pages) {
          String url = p + (p.contains("?") ? "&" : "?") + "lang=" + lang;
          HttpResponse<String> r = get(url, token);
          assertThat(r.statusCode()).as(url).isEqualTo(200);
          assertThat(r.body()).as(url).contains("</html>").doesNotContain("??");
          assertThat(r.body()).as(url).contains(lang.equals("ko") ? "로그아웃" : "Log out");
        }
      }
    }
    // The case's title is text, never markup.
    assertThat(get("/cases", token).body())
        .contains("empty &lt;case&gt;")
        .doesNotContain("empty <case>");
    // An account or room the case does not have is a 404 page, not an error.
    assertThat(get("/cases/" + folderless + "/accounts/user0", token).statusCode()).isEqualTo(404);
    assertThat(get("/cases/" + folderless + "/rooms/chat0", token).statusCode()).isEqualTo(404);
    assertThat(get("/cases/" + folderless + "/accounts?size=100000", token).statusCode())
        .isEqualTo(400);
  }
}
