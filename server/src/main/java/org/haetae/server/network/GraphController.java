package org.haetae.server.network;

import java.io.IOException;
import java.util.UUID;
import org.haetae.server.access.CaseAccess;
import org.haetae.server.audit.AuditTrail;
import org.haetae.server.cases.CaseFolders;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The network's elements as cytoscape.js takes them; the network page draws these. */
@RestController
public class GraphController {
  private final GraphView graphs;
  private final CaseFolders folders;
  private final CaseAccess access;
  private final AuditTrail audit;

  public GraphController(
      GraphView graphs, CaseFolders folders, CaseAccess access, AuditTrail audit) {
    this.graphs = graphs;
    this.folders = folders;
    this.access = access;
    this.audit = audit;
  }

  @GetMapping("/api/v1/cases/{id}/graph")
  public GraphView.View graph(
      @PathVariable UUID id, @RequestParam(defaultValue = "100") int accounts, Authentication who)
      throws IOException {
    access.check(who, id);
    audit.record(who.getName(), "view_network", id, null);
    return graphs.view(folders.folder(id), accounts);
  }
}
