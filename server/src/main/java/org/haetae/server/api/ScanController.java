package org.haetae.server.api;

import java.util.UUID;
import org.haetae.server.access.Roles;
import org.haetae.server.scans.ScanJobs;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Start a scan of exports in the import folder, and follow it. */
@RestController
@RequestMapping("/api/v1/scans")
public class ScanController {
  private final ScanJobs jobs;

  public ScanController(ScanJobs jobs) {
    this.jobs = jobs;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.ACCEPTED)
  public ScanJobs.Status start(@RequestBody ScanJobs.Request request, Authentication who) {
    return jobs.start(who.getName(), request);
  }

  @GetMapping("/{id}")
  public ScanJobs.Status status(@PathVariable UUID id, Authentication who) {
    ScanJobs.Status s = jobs.status(id, who.getName(), Roles.isAdmin(who));
    if (s == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such scan");
    }
    return s;
  }
}
