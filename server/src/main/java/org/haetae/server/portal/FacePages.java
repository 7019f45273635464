package org.haetae.server.portal;

import java.util.UUID;
import org.haetae.server.access.Roles;
import org.haetae.server.storage.AuditLog;
import org.haetae.server.storage.ReportStore;
import org.haetae.server.web.UiPage;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The portal's "protect my face" page. Enrolling happens in her browser ({@code
 * static/js/face-enrol.js}, which posts templates to {@link FaceTemplateApi}); withdrawing all is a
 * plain form, so that it works even where the face models cannot run.
 */
@Controller
@UiPage
public class FacePages {
  private final FaceTemplates faces;
  private final FaceTemplateApi api;
  private final ReportAccess access;
  private final AuditLog audit;

  public FacePages(FaceTemplates faces, FaceTemplateApi api, ReportAccess access, AuditLog audit) {
    this.faces = faces;
    this.api = api;
    this.access = access;
    this.audit = audit;
  }

  @GetMapping("/portal/reports/{id}/faces")
  String page(@PathVariable UUID id, Authentication who, Model model) {
    ReportStore.Report r = access.check(who, id);
    boolean staff = Roles.supports(who);
    if (staff) {
      audit.record(who.getName(), "view_face_templates", null, r.reference());
    }
    model.addAttribute("report", r);
    model.addAttribute("templates", faces.of(id));
    // Only she enrols or withdraws; staff see what she has enrolled.
    model.addAttribute("mine", !staff && r.owner().equals(who.getName()));
    model.addAttribute("faceModel", FaceTemplates.MODEL);
    return "portal/faces";
  }

  @PostMapping("/portal/reports/{id}/faces/withdraw")
  String withdraw(@PathVariable UUID id, Authentication who) {
    ReportStore.Report r = api.owner(who, id);
    faces.withdrawAll(id);
    audit.record(who.getName(), "faces_withdrawn", null, r.reference());
    return "redirect:/portal/reports/" + id + "/faces?withdrawn";
  }
}
