package org.haetae.report.html;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.haetae.analysis.result.ActorProfile;
import org.haetae.analysis.result.BankMatch;
import org.haetae.analysis.result.CaseAnalysis;
import org.haetae.analysis.result.CaseFinding;
import org.haetae.analysis.result.CaseInfo;
import org.haetae.analysis.result.ChatSummary;
import org.haetae.analysis.result.ExportInfo;
import org.haetae.analysis.result.MessageRef;
import org.haetae.analysis.result.NameUse;
import org.haetae.analysis.result.RoleClaim;
import org.haetae.analysis.result.SpreadEvent;
import org.haetae.analysis.result.SpreadTrail;
import org.haetae.analysis.result.TextFlag;
import org.haetae.report.thumbnail.Thumbnail;
import org.haetae.report.view.CaseIndex;
import org.haetae.report.view.Dates;

/**
 * {@code report.html}: one self-contained page for the investigator, readable offline and safe to
 * open. It loads nothing (a Content-Security-Policy forbids any fetch, and allows only the page's
 * own style and script by hash), every value from the case is escaped, and matched images are
 * blurred until a click. Long lists are cut at {@link Options#maxRows}; report.json has them all.
 */
public final class HtmlReport {
  private static final String CSS = resource("report.css");
  private static final String JS = resource("report.js");
  private static final String CSP =
      "default-src 'none'; img-src data:; style-src '"
          + sha256(CSS)
          + "'; script-src '"
          + sha256(JS)
          + "'; base-uri 'none'; form-action 'none'";

  /**
   * @param maxRows rows per table (accounts, matches, spread trails, rooms, flags, findings)
   * @param maxNetworkNodes nodes drawn in the network picture
   * @param maxEvents appearances listed per spread trail
   */
  public record Options(int maxRows, int maxNetworkNodes, int maxEvents) {
    public static final Options DEFAULT = new Options(500, 150, 50);

    public Options {
      if (maxRows < 1 || maxNetworkNodes < 1 || maxEvents < 1) {
        throw new IllegalArgumentException("limits must be positive");
      }
    }
  }

  private final CaseAnalysis analysis;
  private final CaseIndex index;
  private final Map<String, Thumbnail> thumbnails;
  private final Options options;
  private final Writer w;

  private HtmlReport(
      CaseAnalysis analysis, Map<String, Thumbnail> thumbnails, Options options, Writer w) {
    this.analysis = analysis;
    this.index = new CaseIndex(analysis);
    this.thumbnails = thumbnails;
    this.options = options;
    this.w = w;
  }

  /**
   * Writes the page; leaves {@code out} open.
   *
   * @param thumbnails by media SHA-256; empty for a report without images
   */
  public static void write(
      CaseAnalysis analysis, Map<String, Thumbnail> thumbnails, Options options, OutputStream out)
      throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    new HtmlReport(analysis, thumbnails, options, w).page();
    w.flush();
  }

  private void page() throws IOException {
    CaseInfo info = analysis.info();
    w.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    w.write("<meta http-equiv=\"Content-Security-Policy\" content=\"" + CSP + "\">");
    w.write("<meta name=\"referrer\" content=\"no-referrer\">");
    w.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    w.write("<title>Haetae case report " + Html.text(info.caseId()) + "</title>");
    w.write("<style>" + CSS + "</style></head><body>\n");
    w.write("<header><h1>Case report <span class=\"mono\">" + Html.text(info.caseId()));
    w.write("</span></h1><p class=\"muted\">Generated " + Html.text(info.generatedAt()));
    w.write(" by Haetae. All dates are UTC. Roles and flags point at messages for a person to");
    w.write(" read in context; they are not verdicts.</p></header>\n");
    w.write("<nav><a href=\"#summary\">Summary</a><a href=\"#timeline\">Timeline</a>");
    w.write("<a href=\"#network\">Network</a><a href=\"#accounts\">Accounts</a>");
    w.write("<a href=\"#victims\">Victims</a><a href=\"#matches\">Matches</a>");
    w.write("<a href=\"#media\">Media</a><a href=\"#rooms\">Rooms</a>");
    w.write("<a href=\"#flags\">Flags</a><a href=\"#findings\">Findings</a></nav><main>\n");
    summary(info);
    timeline();
    network();
    accounts();
    victims();
    matches();
    gallery();
    rooms();
    flags();
    findings();
    w.write("</main><footer>Haetae report. Tables are cut at " + options.maxRows());
    w.write(" rows; report.json holds everything. The custody log (custody.log) records every");
    w.write(" step and can be checked with <code>haetae verify</code>.</footer>\n");
    w.write("<script>" + JS + "</script></body></html>\n");
  }

  private void summary(CaseInfo info) throws IOException {
    w.write("<section id=\"summary\"><h2>Summary</h2><div class=\"cards\">");
    card("rooms", analysis.chats().size());
    card("accounts", analysis.accounts().size());
    card("media files", analysis.media().size());
    card("matched posts", analysis.matches().size());
    card("victims affected", index.victims());
    card("flags", analysis.flags().size());
    w.write("</div><p class=\"muted\">Victims affected counts distinct matched bank entries:");
    w.write(" each entry stands for one victim's image.</p>");
    w.write("<table class=\"kv\">");
    kv("Case id", mono(info.caseId()));
    kv("Generated at", Html.text(info.generatedAt()));
    kv("Banks", Html.text(String.join(", ", info.banks())));
    kv(
        "Matching",
        "PDQ distance &le; " + info.maxDistance() + ", quality &ge; " + info.minQuality());
    kv("Messages read", Long.toString(info.messages()));
    kv("Media files in exports", Long.toString(info.mediaFiles()));
    kv("Custody log entries", Long.toString(info.custodyEntries()));
    kv("Lexicons", info.lexicons().isEmpty() ? "—" : Html.text(String.join("; ", info.lexicons())));
    kv("Custody head", mono(info.custodyHead()));
    kv("Merkle root", mono(info.merkleRoot()));
    w.write("</table><h3>Exports</h3><table><thead><tr><th>Export</th><th>Shape</th>");
    w.write("<th>Owner</th><th class=\"num\">Chats</th><th class=\"num\">Messages</th>");
    w.write("<th class=\"num\">Media</th><th>SHA-256 of result.json</th><th>Read from</th>");
    w.write("</tr></thead><tbody>");
    for (ExportInfo e : info.exports()) {
      w.write("<tr><td class=\"mono\">" + Html.text(e.id()) + "</td><td>" + Html.text(e.shape()));
      w.write("</td><td>" + (e.owner() == null ? "" : Html.name(index.accountName(e.owner()))));
      w.write("</td>" + num(e.chats()) + num(e.messages()) + num(e.mediaFiles()));
      w.write("<td class=\"mono\">" + Html.text(e.resultSha256()) + "</td><td class=\"mono\">");
      w.write(Html.text(e.path()) + "</td></tr>");
    }
    w.write("</tbody></table></section>\n");
  }

  private void timeline() throws IOException {
    w.write("<section id=\"timeline\"><h2>Timeline of matched posts</h2>");
    Map<String, Integer> legend = new LinkedHashMap<>();
    String svg = TimelineChart.matchesPerPeriod(analysis.matches(), index, legend);
    if (svg == null) {
      w.write("<p class=\"muted\">No matched post with a known date.</p></section>\n");
      return;
    }
    w.write(svg);
    w.write("<p>");
    for (Map.Entry<String, Integer> e : legend.entrySet()) {
      w.write("<span class=\"swatch c" + e.getValue() + "\"></span>");
      w.write(e.getKey() == null ? "other rooms" : Html.name(index.chatName(e.getKey())));
    }
    w.write("</p></section>\n");
  }

  private void network() throws IOException {
    w.write("<section id=\"network\"><h2>Network</h2>");
    NetworkPicture.Layout layout =
        NetworkPicture.layout(analysis.graph(), options.maxNetworkNodes(), 300);
    if (layout.nodes().isEmpty()) {
      w.write("<p class=\"muted\">The case graph is empty.</p></section>\n");
      return;
    }
    w.write("<p class=\"muted\">Circles are accounts (red: a role beyond member; larger: higher");
    w.write(" score), squares rooms, diamonds media (red: matched a bank). Hover for names.");
    if (layout.totalNodes() > layout.nodes().size()) {
      w.write(
          " Showing "
              + layout.nodes().size()
              + " of "
              + layout.totalNodes()
              + " nodes: matched rooms and media and the highest-scoring accounts first;"
              + " analysis/graph.gexf holds the whole graph.");
    }
    w.write("</p>");
    w.write(NetworkPicture.svg(layout));
    w.write("</section>\n");
  }

  private void accounts() throws IOException {
    List<ActorProfile> all = analysis.accounts();
    w.write("<section id=\"accounts\"><h2>Accounts, ranked</h2>");
    w.write("<p><input id=\"account-filter\" class=\"filter\" type=\"search\"");
    w.write(" placeholder=\"Filter by name, @username or id\" aria-label=\"Filter accounts\"></p>");
    w.write("<table id=\"accounts-table\"><thead><tr><th class=\"num\">#</th><th>Account</th>");
    w.write("<th class=\"num\">Score</th><th>Roles and the messages that earned them</th>");
    w.write("<th class=\"num\">Rooms</th><th class=\"num\">Messages</th></tr></thead><tbody>");
    int rank = 0;
    for (ActorProfile a : CaseIndex.head(all, options.maxRows())) {
      rank++;
      String search =
          (a.key()
                  + " "
                  + a.names().stream().map(NameUse::name).collect(Collectors.joining(" "))
                  + " "
                  + String.join(" ", a.usernames()))
              .toLowerCase(Locale.ROOT);
      w.write("<tr class=\"account\" id=\"" + Html.anchor("a-", a.key()) + "\" data-search=\"");
      w.write(Html.text(search) + "\"><td class=\"num\">" + rank + "</td><td>");
      w.write("<b>" + Html.name(a.displayName()) + "</b>");
      if (a.names().size() > 1) {
        w.write("<br><span class=\"muted\">also: ");
        List<NameUse> older = a.names().subList(0, a.names().size() - 1);
        w.write(older.stream().map(n -> Html.name(n.name())).collect(Collectors.joining(", ")));
        w.write("</span>");
      }
      if (!a.usernames().isEmpty()) {
        w.write("<br>" + a.usernames().stream().map(Html::name).collect(Collectors.joining(" ")));
      }
      w.write("<br><span class=\"mono muted\">" + Html.text(a.key()) + "</span>");
      if (a.namedOnly()) {
        w.write(" <span class=\"muted\">(name only, no account id)</span>");
      }
      w.write("</td><td class=\"num\">" + String.format(Locale.ROOT, "%.1f", a.score()));
      w.write("</td><td>");
      for (RoleClaim r : a.roles()) {
        role(r);
      }
      w.write("</td>" + num(a.chats().size()) + num(a.messages()) + "</tr>");
    }
    w.write("</tbody></table>");
    more(all.size(), options.maxRows(), "accounts");
    w.write("</section>\n");
  }

  private void role(RoleClaim r) throws IOException {
    w.write("<details><summary>" + badge(r.role().code()) + " ");
    w.write(Html.text(r.reason()) + " (" + r.evidenceCount() + " message");
    w.write(r.evidenceCount() == 1 ? ")" : "s)");
    w.write("</summary><ul class=\"cites\">");
    for (MessageRef m : r.evidence()) {
      w.write("<li>" + cite(m) + "</li>");
    }
    w.write("</ul>");
    if (r.evidenceCount() > r.evidence().size()) {
      w.write(
          "<p class=\"more\">"
              + (r.evidenceCount() - r.evidence().size())
              + " more messages counted; report.json lists the ones the analysis kept.</p>");
    }
    w.write("</details>");
  }

  private void victims() throws IOException {
    List<SpreadTrail> trails = analysis.spread();
    w.write("<section id=\"victims\"><h2>Victims' images: how each spread</h2>");
    w.write("<p class=\"muted\">One block per matched bank entry, each standing for one victim's");
    w.write(" image, most rooms reached first.</p>");
    if (trails.isEmpty()) {
      w.write("<p>No bank entry matched.</p>");
    }
    for (SpreadTrail t : CaseIndex.head(trails, options.maxRows())) {
      w.write("<h3>" + Html.text(t.bank()) + " / <span class=\"mono\">" + Html.text(t.entryId()));
      w.write("</span></h3><p>");
      w.write(
          "Reached <b>"
              + t.rooms().size()
              + "</b> room(s) and <b>"
              + t.membersReached()
              + "</b> account(s) in them; <b>"
              + t.events().size()
              + "</b> appearance(s), <b>"
              + t.variants()
              + "</b> distinct file(s).");
      SpreadEvent first = t.first();
      if (first != null) {
        w.write(" First seen " + Html.text(Dates.minute(first.message().dateUnix())) + " in ");
        w.write(Html.name(index.chatName(first.message().chatKey())) + ", posted by ");
        w.write(Html.name(index.accountName(first.actorKey())) + ".");
      }
      if (!t.labels().isEmpty()) {
        w.write("<br><span class=\"muted\">Labels: ");
        w.write(
            new TreeMap<>(t.labels())
                .entrySet().stream()
                    .map(e -> Html.text(e.getKey() + "=" + e.getValue()))
                    .collect(Collectors.joining(", ")));
        w.write("</span>");
      }
      w.write("</p>");
      String strip = TimelineChart.trailStrip(t, index, 12);
      if (strip != null) {
        w.write(strip);
      }
      w.write("<table><thead><tr><th>Date</th><th>How</th><th>Room</th><th>Message</th>");
      w.write("<th>Posted by</th><th>Forwarded from</th><th class=\"num\">Distance</th>");
      w.write("<th>File</th></tr></thead><tbody>");
      for (SpreadEvent e : CaseIndex.head(t.events(), options.maxEvents())) {
        w.write(
            "<tr><td class=\"when\">"
                + Html.text(Dates.minute(e.message().dateUnix()))
                + "</td><td>");
        w.write(
            Html.text(e.kind()) + "</td><td>" + Html.name(index.chatName(e.message().chatKey())));
        w.write("</td><td class=\"mono\">" + Html.text(e.message().label()) + "</td><td>");
        w.write(accountLink(e.actorKey()) + "</td><td>");
        w.write(e.forwardedFrom() == null ? "" : accountLink(e.forwardedFrom()));
        w.write("</td>" + num(e.distance()) + "<td>" + media(e.mediaSha256()) + "</td></tr>");
      }
      w.write("</tbody></table>");
      more(t.events().size(), options.maxEvents(), "appearances of this image");
    }
    more(trails.size(), options.maxRows(), "bank entries");
    w.write("</section>\n");
  }

  private void matches() throws IOException {
    List<BankMatch> all = analysis.matches();
    w.write("<section id=\"matches\"><h2>Matches</h2>");
    if (all.isEmpty()) {
      w.write("<p>No media matched the banks.</p></section>\n");
      return;
    }
    w.write("<table><thead><tr><th>Date</th><th>Room</th><th>Message</th><th>File</th>");
    w.write("<th>Bank</th><th>Entry</th><th>How</th><th class=\"num\">Distance</th>");
    w.write("<th>Labels</th></tr></thead><tbody>");
    for (BankMatch m : CaseIndex.head(all, options.maxRows())) {
      w.write(
          "<tr><td class=\"when\">"
              + Html.text(Dates.minute(m.message().dateUnix()))
              + "</td><td>");
      w.write(Html.name(index.chatName(m.message().chatKey())) + "</td><td class=\"mono\">");
      w.write(Html.text(m.message().label()) + "</td><td>" + media(m.mediaSha256()) + "</td><td>");
      w.write(Html.text(m.bank()) + "</td><td class=\"mono\">" + Html.text(m.entryId()));
      w.write("</td><td>" + Html.text(m.how()) + "</td>" + num(m.distance()) + "<td>");
      w.write(
          new TreeMap<>(m.labels())
              .entrySet().stream()
                  .map(e -> Html.text(e.getKey() + "=" + e.getValue()))
                  .collect(Collectors.joining(", ")));
      w.write("</td></tr>");
    }
    w.write("</tbody></table>");
    more(all.size(), options.maxRows(), "matches");
    w.write("</section>\n");
  }

  private void gallery() throws IOException {
    w.write("<section id=\"media\"><h2>Matched media</h2>");
    if (thumbnails.isEmpty()) {
      w.write("<p class=\"muted\">This report holds no images.</p></section>\n");
      return;
    }
    w.write("<p class=\"note\">Images are blurred. Clicking one reveals it in this file only:");
    w.write(" <b>a reveal here is not logged</b>. Open the case in the Haetae server when a view");
    w.write(" must be on record; it logs every reveal.</p><div class=\"gallery\">");
    Map<String, List<BankMatch>> bySha = new HashMap<>();
    analysis
        .matches()
        .forEach(m -> bySha.computeIfAbsent(m.mediaSha256(), k -> new ArrayList<>()).add(m));
    for (Thumbnail t : thumbnails.values()) {
      w.write("<figure id=\"" + Html.anchor("m-", t.sha256()) + "\">");
      w.write("<button class=\"reveal\" type=\"button\" aria-pressed=\"false\"");
      w.write(" title=\"Click to reveal or blur again\"><img alt=\"matched image ");
      w.write(Html.text(Html.shortHash(t.sha256())) + "\" width=\"" + t.width() + "\" height=\"");
      w.write(t.height() + "\" src=\"data:image/jpeg;base64,");
      w.write(Base64.getEncoder().encodeToString(t.jpeg()));
      w.write("\"><span>click to reveal</span></button><figcaption class=\"mono\">");
      w.write(Html.text(Html.shortHash(t.sha256())));
      List<BankMatch> ms = bySha.getOrDefault(t.sha256(), List.of());
      w.write(
          "<br>"
              + Html.text(
                  ms.stream()
                      .map(m -> m.bank() + "/" + m.entryId())
                      .distinct()
                      .limit(3)
                      .collect(Collectors.joining(", ")))
              + "<br>"
              + ms.size()
              + " post(s)</figcaption></figure>");
    }
    w.write("</div>");
    long matchedMedia = analysis.matches().stream().map(BankMatch::mediaSha256).distinct().count();
    if (matchedMedia > thumbnails.size()) {
      w.write(
          "<p class=\"more\">"
              + (matchedMedia - thumbnails.size())
              + " more matched files have no thumbnail here (limit reached, not an image,"
              + " or not decodable).</p>");
    }
    w.write("</section>\n");
  }

  private void rooms() throws IOException {
    List<ChatSummary> all = analysis.chats();
    w.write("<section id=\"rooms\"><h2>Rooms</h2><table><thead><tr><th>Room</th><th>Id</th>");
    w.write("<th>Type</th><th class=\"num\">Messages</th><th class=\"num\">Members</th>");
    w.write("<th class=\"num\">Matched posts</th><th>First</th><th>Last</th><th>Exports</th>");
    w.write("</tr></thead><tbody>");
    for (ChatSummary c : CaseIndex.head(all, options.maxRows())) {
      w.write("<tr><td>" + Html.name(c.name()) + "</td><td class=\"mono\">" + Html.text(c.key()));
      w.write("</td><td>" + Html.text(c.type()) + "</td>" + num(c.messages()) + num(c.members()));
      w.write(num(c.matchedMedia()) + "<td>" + Dates.day(c.firstDate()) + "</td><td>");
      w.write(Dates.day(c.lastDate()) + "</td><td class=\"mono\">");
      w.write(Html.text(String.join(", ", c.exports())) + "</td></tr>");
    }
    w.write("</tbody></table>");
    more(all.size(), options.maxRows(), "rooms");
    w.write("</section>\n");
  }

  private void flags() throws IOException {
    List<TextFlag> all = analysis.flags();
    w.write("<section id=\"flags\"><h2>Flagged messages</h2>");
    w.write("<p class=\"muted\">A lexicon rule matched these messages: read each in context.</p>");
    if (all.isEmpty()) {
      w.write("<p>No message was flagged.</p></section>\n");
      return;
    }
    w.write("<table><thead><tr><th>Category</th><th>Rule</th><th>Excerpt</th><th>By</th>");
    w.write("<th>Message</th></tr></thead><tbody>");
    for (TextFlag f : CaseIndex.head(all, options.maxRows())) {
      w.write("<tr><td>" + Html.text(f.category()) + "</td><td>" + Html.text(f.rule()));
      w.write("</td><td>" + Html.name(f.excerpt()) + "</td><td>" + accountLink(f.actorKey()));
      w.write("</td><td>" + (f.message() == null ? "" : cite(f.message())) + "</td></tr>");
    }
    w.write("</tbody></table>");
    more(all.size(), options.maxRows(), "flags");
    w.write("</section>\n");
  }

  private void findings() throws IOException {
    List<CaseFinding> all = analysis.findings();
    w.write("<section id=\"findings\"><h2>Findings about the material</h2>");
    if (all.isEmpty()) {
      w.write("<p>Nothing to report: every file was read and hashed.</p></section>\n");
      return;
    }
    w.write("<table><thead><tr><th>Kind</th><th>Code</th><th>Detail</th><th>Message</th>");
    w.write("</tr></thead><tbody>");
    for (CaseFinding f : CaseIndex.head(all, options.maxRows())) {
      w.write("<tr><td>" + Html.text(f.kind()) + "</td><td>" + Html.text(f.code()) + "</td><td>");
      w.write(Html.text(f.detail()) + "</td><td>");
      w.write((f.message() == null ? "" : cite(f.message())) + "</td></tr>");
    }
    w.write("</tbody></table>");
    more(all.size(), options.maxRows(), "findings");
    w.write("</section>\n");
  }

  private String cite(MessageRef m) {
    return "<span class=\"mono\">"
        + Html.text(m.label())
        + "</span> "
        + Html.text(Dates.minute(m.dateUnix()))
        + " <span class=\"muted\">in "
        + Html.name(index.chatName(m.chatKey()))
        + "</span>";
  }

  private String accountLink(String key) {
    if (key == null) {
      return "<span class=\"muted\">unknown</span>";
    }
    int rank = index.rank(key);
    String name = Html.name(index.accountName(key));
    return rank > 0 && rank <= options.maxRows()
        ? "<a href=\"#" + Html.anchor("a-", key) + "\">" + name + "</a>"
        : name;
  }

  private String media(String sha) {
    String text = "<span class=\"mono\">" + Html.text(Html.shortHash(sha)) + "</span>";
    return sha != null && thumbnails.containsKey(sha)
        ? "<a href=\"#" + Html.anchor("m-", sha) + "\">" + text + "</a>"
        : text;
  }

  private void card(String label, long value) throws IOException {
    w.write("<div class=\"card\"><b>" + value + "</b> " + label + "</div>");
  }

  private void kv(String key, String valueHtml) throws IOException {
    w.write("<tr><th>" + key + "</th><td>" + valueHtml + "</td></tr>");
  }

  private void more(int total, int shown, String what) throws IOException {
    if (total > shown) {
      w.write("<p class=\"more\">" + (total - shown) + " more " + what + " in report.json.</p>");
    }
  }

  private static String badge(String role) {
    return "<span class=\"role role-" + Html.anchor("", role) + "\">" + Html.text(role) + "</span>";
  }

  private static String mono(String s) {
    return "<span class=\"mono\">" + Html.text(s) + "</span>";
  }

  private static String num(long v) {
    return "<td class=\"num\">" + v + "</td>";
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** CSP source expression for an inline element's exact text. */
  static String sha256(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
