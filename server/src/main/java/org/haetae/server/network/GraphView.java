package org.haetae.server.network;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.haetae.analysis.graph.CaseGraph;
import org.haetae.analysis.graph.GraphFiles;
import org.haetae.pipeline.scan.Scan;
import org.haetae.server.access.OpenCase;
import org.springframework.stereotype.Service;

/**
 * The part of a case's network a browser can draw: the highest-scoring accounts, the rooms they are
 * in and the matched media they posted, with the ties among those. The scan's GraphML holds the
 * whole network (for Gephi); this is read from it and kept while the file is unchanged.
 */
@Service
public class GraphView {
  /** Most accounts drawn at once; a browser stays responsive around a thousand elements. */
  public static final int MAX_ACCOUNTS = 300;

  private record Loaded(FileTime modified, CaseGraph graph) {}

  private final Map<Path, Loaded> cache =
      java.util.Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Path, Loaded> e) {
              return size() > 8;
            }
          });

  /**
   * An element as cytoscape.js takes it: {@code {data: {...}}}.
   *
   * @param data {@code id}, {@code label}, {@code kind}, {@code score}, {@code matched} for nodes;
   *     {@code source}, {@code target}, {@code kind}, {@code weight} for edges
   */
  public record Element(String group, Map<String, Object> data) {}

  /** What is drawn, and how much of the whole network that is. */
  public record View(List<Element> elements, int accounts, int accountsInCase, boolean cut) {}

  public View view(OpenCase c, int maxAccounts) throws IOException {
    CaseGraph g = load(c.folder().resolve(Scan.GRAPHML));
    List<CaseGraph.Node> accounts =
        g.nodes().stream()
            .filter(n -> n.kind().equals("account"))
            .sorted(Comparator.comparingDouble(CaseGraph.Node::score).reversed())
            .toList();
    int limit = Math.max(1, Math.min(maxAccounts, MAX_ACCOUNTS));
    Set<String> keep = new HashSet<>();
    accounts.stream().limit(limit).forEach(n -> keep.add(n.id()));
    Map<String, CaseGraph.Node> byId = new LinkedHashMap<>();
    g.nodes().forEach(n -> byId.put(n.id(), n));
    // Rooms and matched media tied to a kept account come along; unmatched media would swamp it.
    for (CaseGraph.Edge e : g.edges()) {
      if (keep.contains(e.source())) {
        CaseGraph.Node t = byId.get(e.target());
        if (t != null && (t.kind().equals("chat") || (t.kind().equals("media") && t.matched()))) {
          keep.add(t.id());
        }
      }
    }
    List<Element> out = new ArrayList<>();
    for (CaseGraph.Node n : g.nodes()) {
      if (keep.contains(n.id())) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", n.id());
        d.put("label", n.label());
        d.put("kind", n.kind());
        d.put("score", n.score());
        d.put("matched", n.matched());
        out.add(new Element("nodes", d));
      }
    }
    int i = 0;
    for (CaseGraph.Edge e : g.edges()) {
      if (keep.contains(e.source()) && keep.contains(e.target())) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", "e" + i++);
        d.put("source", e.source());
        d.put("target", e.target());
        d.put("kind", e.kind());
        d.put("weight", e.weight());
        out.add(new Element("edges", d));
      }
    }
    return new View(
        out, Math.min(limit, accounts.size()), accounts.size(), accounts.size() > limit);
  }

  private CaseGraph load(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return new CaseGraph(List.of(), List.of());
    }
    FileTime modified = Files.getLastModifiedTime(file);
    Loaded l = cache.get(file);
    if (l == null || !l.modified().equals(modified)) {
      try (InputStream in = Files.newInputStream(file)) {
        l = new Loaded(modified, GraphFiles.readGraphMl(in));
      }
      cache.put(file, l);
    }
    return l.graph();
  }
}
