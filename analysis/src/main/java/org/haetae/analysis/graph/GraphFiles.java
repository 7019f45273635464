package org.haetae.analysis.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the case graph for Gephi, Cytoscape, yEd and the like: GEXF 1.3 and GraphML. Node and edge
 * attributes carry the kind, score and whether the node touches matched media, so a tool can size
 * and colour by them.
 */
public final class GraphFiles {
  private static final String GEXF_NS = "http://gexf.net/1.3";
  private static final String GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns";

  private GraphFiles() {}

  public static void writeGexf(CaseGraph g, OutputStream out) throws IOException {
    try {
      XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      w.writeStartDocument("UTF-8", "1.0");
      w.writeStartElement("gexf");
      w.writeDefaultNamespace(GEXF_NS);
      w.writeAttribute("version", "1.3");
      w.writeStartElement("meta");
      w.writeStartElement("creator");
      w.writeCharacters("Haetae");
      w.writeEndElement();
      w.writeStartElement("description");
      w.writeCharacters("accounts, rooms and matched media of a case");
      w.writeEndElement();
      w.writeEndElement();
      w.writeStartElement("graph");
      w.writeAttribute("defaultedgetype", "directed");
      w.writeStartElement("attributes");
      w.writeAttribute("class", "node");
      attribute(w, "0", "kind", "string");
      attribute(w, "1", "score", "double");
      attribute(w, "2", "matched", "boolean");
      w.writeEndElement();
      w.writeStartElement("attributes");
      w.writeAttribute("class", "edge");
      attribute(w, "0", "kind", "string");
      w.writeEndElement();
      w.writeStartElement("nodes");
      for (CaseGraph.Node n : g.nodes()) {
        w.writeStartElement("node");
        w.writeAttribute("id", clean(n.id()));
        w.writeAttribute("label", clean(n.label()));
        w.writeStartElement("attvalues");
        value(w, "0", n.kind());
        value(w, "1", number(n.score()));
        value(w, "2", Boolean.toString(n.matched()));
        w.writeEndElement();
        w.writeEndElement();
      }
      w.writeEndElement();
      w.writeStartElement("edges");
      int id = 0;
      for (CaseGraph.Edge e : g.edges()) {
        w.writeStartElement("edge");
        w.writeAttribute("id", Integer.toString(id++));
        w.writeAttribute("source", clean(e.source()));
        w.writeAttribute("target", clean(e.target()));
        w.writeAttribute("weight", Long.toString(e.weight()));
        w.writeStartElement("attvalues");
        value(w, "0", e.kind());
        w.writeEndElement();
        w.writeEndElement();
      }
      w.writeEndElement();
      w.writeEndElement();
      w.writeEndElement();
      w.writeEndDocument();
      w.flush();
    } catch (XMLStreamException e) {
      throw new IOException("writing GEXF", e);
    }
  }

  public static void writeGraphMl(CaseGraph g, OutputStream out) throws IOException {
    try {
      XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      w.writeStartDocument("UTF-8", "1.0");
      w.writeStartElement("graphml");
      w.writeDefaultNamespace(GRAPHML_NS);
      key(w, "label", "node", "label", "string");
      key(w, "kind", "node", "kind", "string");
      key(w, "score", "node", "score", "double");
      key(w, "matched", "node", "matched", "boolean");
      key(w, "ekind", "edge", "kind", "string");
      key(w, "weight", "edge", "weight", "long");
      w.writeStartElement("graph");
      w.writeAttribute("id", "case");
      w.writeAttribute("edgedefault", "directed");
      for (CaseGraph.Node n : g.nodes()) {
        w.writeStartElement("node");
        w.writeAttribute("id", clean(n.id()));
        data(w, "label", clean(n.label()));
        data(w, "kind", n.kind());
        data(w, "score", number(n.score()));
        data(w, "matched", Boolean.toString(n.matched()));
        w.writeEndElement();
      }
      for (CaseGraph.Edge e : g.edges()) {
        w.writeStartElement("edge");
        w.writeAttribute("source", clean(e.source()));
        w.writeAttribute("target", clean(e.target()));
        data(w, "ekind", e.kind());
        data(w, "weight", Long.toString(e.weight()));
        w.writeEndElement();
      }
      w.writeEndElement();
      w.writeEndElement();
      w.writeEndDocument();
      w.flush();
    } catch (XMLStreamException e) {
      throw new IOException("writing GraphML", e);
    }
  }

  /**
   * Reads a graph written by {@link #writeGraphMl}. DTDs and external entities are refused: the
   * file lives in a case folder, and a parser must never reach outside it.
   */
  public static CaseGraph readGraphMl(InputStream in) throws IOException {
    List<CaseGraph.Node> nodes = new ArrayList<>();
    List<CaseGraph.Edge> edges = new ArrayList<>();
    try {
      XMLInputFactory f = XMLInputFactory.newFactory();
      f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
      f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
      XMLStreamReader r = f.createXMLStreamReader(in, "UTF-8");
      String id = null;
      String source = null;
      String target = null;
      Map<String, String> data = new HashMap<>();
      while (r.hasNext()) {
        int ev = r.next();
        if (ev == XMLStreamConstants.START_ELEMENT) {
          switch (r.getLocalName()) {
            case "node" -> {
              id = r.getAttributeValue(null, "id");
              data.clear();
            }
            case "edge" -> {
              source = r.getAttributeValue(null, "source");
              target = r.getAttributeValue(null, "target");
              data.clear();
            }
            case "data" -> data.put(r.getAttributeValue(null, "key"), r.getElementText());
            default -> {}
          }
        } else if (ev == XMLStreamConstants.END_ELEMENT) {
          if (r.getLocalName().equals("node")) {
            nodes.add(
                new CaseGraph.Node(
                    id,
                    data.getOrDefault("kind", ""),
                    data.getOrDefault("label", ""),
                    Double.parseDouble(data.getOrDefault("score", "0")),
                    Boolean.parseBoolean(data.get("matched"))));
          } else if (r.getLocalName().equals("edge")) {
            edges.add(
                new CaseGraph.Edge(
                    source,
                    target,
                    data.getOrDefault("ekind", ""),
                    Long.parseLong(data.getOrDefault("weight", "1"))));
          }
        }
      }
    } catch (XMLStreamException | NumberFormatException e) {
      throw new IOException("not a Haetae GraphML file: " + e.getMessage(), e);
    }
    return new CaseGraph(nodes, edges);
  }

  /** Names come from the export: characters XML 1.0 cannot hold are replaced. */
  static String clean(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            c -> {
              boolean ok =
                  c == 0x9
                      || c == 0xA
                      || c == 0xD
                      || (c >= 0x20 && c <= 0xD7FF)
                      || (c >= 0xE000 && c <= 0xFFFD)
                      || (c >= 0x10000 && c <= 0x10FFFF);
              b.appendCodePoint(ok ? c : 0xFFFD);
            });
    return b.toString();
  }

  private static String number(double d) {
    return String.format(Locale.ROOT, "%.2f", d);
  }

  private static void attribute(XMLStreamWriter w, String id, String title, String type)
      throws XMLStreamException {
    w.writeEmptyElement("attribute");
    w.writeAttribute("id", id);
    w.writeAttribute("title", title);
    w.writeAttribute("type", type);
  }

  private static void value(XMLStreamWriter w, String id, String v) throws XMLStreamException {
    w.writeEmptyElement("attvalue");
    w.writeAttribute("for", id);
    w.writeAttribute("value", v);
  }

  private static void key(XMLStreamWriter w, String id, String on, String name, String type)
      throws XMLStreamException {
    w.writeEmptyElement("key");
    w.writeAttribute("id", id);
    w.writeAttribute("for", on);
    w.writeAttribute("attr.name", name);
    w.writeAttribute("attr.type", type);
  }

  private static void data(XMLStreamWriter w, String key, String v) throws XMLStreamException {
    w.writeStartElement("data");
    w.writeAttribute("key", key);
    w.writeCharacters(v);
    w.writeEndElement();
  }
}
