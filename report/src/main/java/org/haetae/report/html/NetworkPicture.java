package org.haetae.report.html;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.haetae.analysis.graph.CaseGraph;

/**
 * The case graph as an inline SVG. The layout is a force-directed one (Fruchterman-Reingold) with a
 * fixed seed and a fixed number of rounds, so the same case always gives the same picture and a big
 * case costs a bounded time. Large graphs are cut to the nodes that matter most: rooms and media
 * that carry matches, and the accounts with the highest scores.
 */
final class NetworkPicture {
  static final int WIDTH = 960;
  static final int HEIGHT = 640;
  private static final int MARGIN = 40;
  private static final long SEED = 0x4861657461654cL; // "HaetaeL": any constant works
  private static final int ACCOUNT_LABELS = 30;

  /** A node and where it was put. */
  record Placed(CaseGraph.Node node, double x, double y, int degree) {}

  /**
   * @param totalNodes nodes in the whole graph, to say how many the picture leaves out
   */
  record Layout(List<Placed> nodes, List<CaseGraph.Edge> edges, int totalNodes) {}

  private NetworkPicture() {}

  static Layout layout(CaseGraph graph, int maxNodes, int iterations) {
    if (graph == null || graph.nodes().isEmpty()) {
      return new Layout(List.of(), List.of(), 0);
    }
    Map<String, Integer> degree = new HashMap<>();
    for (CaseGraph.Edge e : graph.edges()) {
      degree.merge(e.source(), 1, Integer::sum);
      degree.merge(e.target(), 1, Integer::sum);
    }
    List<CaseGraph.Node> chosen = choose(graph.nodes(), degree, maxNodes);
    Map<String, Integer> at = new LinkedHashMap<>();
    for (CaseGraph.Node n : chosen) {
      at.put(n.id(), at.size());
    }
    List<CaseGraph.Edge> edges = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (CaseGraph.Edge e : graph.edges()) {
      if (at.containsKey(e.source())
          && at.containsKey(e.target())
          && !e.source().equals(e.target())
          && seen.add(e.source() + '\u0000' + e.target() + '\u0000' + e.kind())) {
        edges.add(e);
      }
    }
    int n = chosen.size();
    double[] x = new double[n];
    double[] y = new double[n];
    Random random = new Random(SEED);
    for (int i = 0; i < n; i++) {
      x[i] = random.nextDouble() * WIDTH;
      y[i] = random.nextDouble() * HEIGHT;
    }
    relax(x, y, edges, at, iterations);
    fit(x, y);
    List<Placed> placed = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      CaseGraph.Node node = chosen.get(i);
      placed.add(new Placed(node, x[i], y[i], degree.getOrDefault(node.id(), 0)));
    }
    return new Layout(placed, edges, graph.nodes().size());
  }

  /**
   * Up to {@code max} nodes: a quarter for rooms, a quarter for media, the rest for accounts; a
   * share one kind does not use goes to the others. Within a kind, matched ones first.
   */
  private static List<CaseGraph.Node> choose(
      List<CaseGraph.Node> nodes, Map<String, Integer> degree, int max) {
    Comparator<CaseGraph.Node> order =
        Comparator.comparing((CaseGraph.Node n) -> !n.matched())
            .thenComparing(CaseGraph.Node::score, Comparator.reverseOrder())
            .thenComparing(n -> degree.getOrDefault(n.id(), 0), Comparator.reverseOrder())
            .thenComparing(CaseGraph.Node::id);
    List<CaseGraph.Node> chats = ofKind(nodes, "chat", order);
    List<CaseGraph.Node> media = ofKind(nodes, "media", order);
    List<CaseGraph.Node> accounts = new ArrayList<>();
    for (CaseGraph.Node n : nodes) {
      if (!n.kind().equals("chat") && !n.kind().equals("media")) {
        accounts.add(n);
      }
    }
    accounts.sort(order);
    int quarter = Math.max(1, max / 4);
    int c = Math.min(chats.size(), quarter);
    int m = Math.min(media.size(), quarter);
    int a = Math.min(accounts.size(), max - c - m);
    // Hand what accounts leave over back to rooms, then media.
    int left = max - c - m - a;
    int moreChats = Math.min(left, chats.size() - c);
    c += moreChats;
    m += Math.min(left - moreChats, media.size() - m);
    List<CaseGraph.Node> chosen = new ArrayList<>(max);
    chosen.addAll(chats.subList(0, c));
    chosen.addAll(accounts.subList(0, a));
    chosen.addAll(media.subList(0, m));
    chosen.sort(Comparator.comparing(CaseGraph.Node::kind).thenComparing(CaseGraph.Node::id));
    return chosen;
  }

  private static List<CaseGraph.Node> ofKind(
      List<CaseGraph.Node> nodes, String kind, Comparator<CaseGraph.Node> order) {
    List<CaseGraph.Node> out = new ArrayList<>();
    for (CaseGraph.Node n : nodes) {
      if (n.kind().equals(kind)) {
        out.add(n);
      }
    }
    out.sort(order);
    return out;
  }

  private static void relax(
      double[] x, double[] y, List<CaseGraph.Edge> edges, Map<String, Integer> at, int rounds) {
    int n = x.length;
    if (n < 2) {
      return;
    }
    double k = Math.sqrt((double) WIDTH * HEIGHT / n);
    double[] dx = new double[n];
    double[] dy = new double[n];
    for (int round = 0; round < rounds; round++) {
      double temperature = (WIDTH / 10.0) * (1.0 - (double) round / rounds);
      Arrays.fill(dx, 0);
      Arrays.fill(dy, 0);
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          double ddx = x[i] - x[j];
          double ddy = y[i] - y[j];
          double d2 = Math.max(ddx * ddx + ddy * ddy, 0.01);
          double f = k * k / d2; // repulsion k^2/d, along the unit vector (ddx/d)
          dx[i] += ddx * f;
          dy[i] += ddy * f;
          dx[j] -= ddx * f;
          dy[j] -= ddy * f;
        }
      }
      for (CaseGraph.Edge e : edges) {
        int s = at.get(e.source());
        int t = at.get(e.target());
        double ddx = x[s] - x[t];
        double ddy = y[s] - y[t];
        double d = Math.max(Math.sqrt(ddx * ddx + ddy * ddy), 0.1);
        double f = d / k; // attraction d^2/k, along the unit vector
        dx[s] -= ddx * f;
        dy[s] -= ddy * f;
        dx[t] += ddx * f;
        dy[t] += ddy * f;
      }
      for (int i = 0; i < n; i++) {
        // A little gravity keeps rooms with no tie to the rest from drifting off.
        dx[i] += (WIDTH / 2.0 - x[i]) * 0.02 * k / 10;
        dy[i] += (HEIGHT / 2.0 - y[i]) * 0.02 * k / 10;
        double len = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
        if (len > 0) {
          double step = Math.min(len, temperature);
          x[i] += dx[i] / len * step;
          y[i] += dy[i] / len * step;
        }
      }
    }
  }

  /** Scales the layout into the picture, margins kept. */
  private static void fit(double[] x, double[] y) {
    double minX = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (int i = 0; i < x.length; i++) {
      minX = Math.min(minX, x[i]);
      maxX = Math.max(maxX, x[i]);
      minY = Math.min(minY, y[i]);
      maxY = Math.max(maxY, y[i]);
    }
    double sx = maxX - minX < 1e-9 ? 0 : (WIDTH - 2.0 * MARGIN) / (maxX - minX);
    double sy = maxY - minY < 1e-9 ? 0 : (HEIGHT - 2.0 * MARGIN) / (maxY - minY);
    for (int i = 0; i < x.length; i++) {
      x[i] = sx == 0 ? WIDTH / 2.0 : MARGIN + (x[i] - minX) * sx;
      y[i] = sy == 0 ? HEIGHT / 2.0 : MARGIN + (y[i] - minY) * sy;
    }
  }

  /** The picture; every label escaped. */
  static String svg(Layout layout) {
    StringBuilder b = new StringBuilder(64 * 1024);
    b.append("<svg class=\"network\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT)
        .append("\" role=\"img\" aria-label=\"Network of accounts, rooms and media\">");
    Map<String, Placed> byId = new HashMap<>();
    layout.nodes().forEach(p -> byId.put(p.node().id(), p));
    b.append("<g class=\"edges\">");
    for (CaseGraph.Edge e : layout.edges()) {
      Placed s = byId.get(e.source());
      Placed t = byId.get(e.target());
      double width = 0.6 + Math.min(3.0, Math.log1p(e.weight()));
      b.append("<line class=\"e-")
          .append(Html.anchor("", e.kind()))
          .append("\" x1=\"")
          .append(num(s.x()))
          .append("\" y1=\"")
          .append(num(s.y()))
          .append("\" x2=\"")
          .append(num(t.x()))
          .append("\" y2=\"")
          .append(num(t.y()))
          .append("\" stroke-width=\"")
          .append(num(width))
          .append("\"><title>")
          .append(Html.text(e.kind() + " ×" + e.weight()))
          .append("</title></line>");
    }
    b.append("</g><g class=\"nodes\">");
    Set<String> labelled = labelled(layout.nodes());
    for (Placed p : layout.nodes()) {
      CaseGraph.Node n = p.node();
      String cls = "n-" + Html.anchor("", n.kind()) + (n.matched() ? " hit" : "");
      String title =
          n.kind()
              + ": "
              + n.label()
              + (n.kind().equals("account")
                  ? " (score " + String.format(Locale.ROOT, "%.1f", n.score()) + ")"
                  : "");
      b.append("<g class=\"").append(cls).append("\"><title>").append(Html.text(title));
      b.append("</title>");
      switch (n.kind()) {
        case "chat" ->
            b.append("<rect x=\"")
                .append(num(p.x() - 7))
                .append("\" y=\"")
                .append(num(p.y() - 7))
                .append("\" width=\"14\" height=\"14\" rx=\"2\"/>");
        case "media" ->
            b.append("<polygon points=\"")
                .append(num(p.x()))
                .append(',')
                .append(num(p.y() - 6))
                .append(' ')
                .append(num(p.x() + 6))
                .append(',')
                .append(num(p.y()))
                .append(' ')
                .append(num(p.x()))
                .append(',')
                .append(num(p.y() + 6))
                .append(' ')
                .append(num(p.x() - 6))
                .append(',')
                .append(num(p.y()))
                .append("\"/>");
        default ->
            b.append("<circle cx=\"")
                .append(num(p.x()))
                .append("\" cy=\"")
                .append(num(p.y()))
                .append("\" r=\"")
                .append(num(4 + Math.min(10, Math.sqrt(Math.max(0, n.score())))))
                .append("\"/>");
      }
      if (labelled.contains(n.id())) {
        b.append("<text x=\"")
            .append(num(p.x() + 9))
            .append("\" y=\"")
            .append(num(p.y() + 4))
            .append("\">")
            .append(Html.text(clip(n.label(), 28)))
            .append("</text>");
      }
      b.append("</g>");
    }
    b.append("</g></svg>");
    return b.toString();
  }

  /** Every room, and the accounts with the highest scores: more labels would be unreadable. */
  private static Set<String> labelled(List<Placed> nodes) {
    Set<String> out = new HashSet<>();
    nodes.stream().filter(p -> p.node().kind().equals("chat")).forEach(p -> out.add(p.node().id()));
    nodes.stream()
        .filter(p -> p.node().kind().equals("account"))
        .sorted(
            Comparator.comparing((Placed p) -> p.node().score(), Comparator.reverseOrder())
                .thenComparing(p -> p.node().id()))
        .limit(ACCOUNT_LABELS)
        .forEach(p -> out.add(p.node().id()));
    return out;
  }

  static String clip(String s, int max) {
    if (s == null) {
      return "";
    }
    return s.codePointCount(0, s.length()) <= max
        ? s
        : s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
