package org.haetae.server.network;

import java.io.IOException;
import java.util.UUID;
import org.haetae.server.access.CaseAccess;
import org.haetae.server.access.OpenCase;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The network's elements as cytoscape.js takes them; the network page draws these. */
@RestController
public class GraphController {
  private final GraphView graphs;
  private final CaseAccess access;

  public GraphController(GraphView graphs, CaseAccess access) {
    this.graphs = graphs;
    this.access = access;
  }

  @GetMapping("/api/v1/cases/{id}/graph")
  public GraphView.View graph(
      @PathVariable UUID id, @RequestParam(defaultValue = "100") int accounts, Authentication who)
      throws IOException {
    OpenCase c = access.open(who, id);
    c.audit("view_network", null);
    return graphs.view(c, accounts);
  }
}
