package org.haetae.server.web;

import org.haetae.server.access.Roles;
import org.haetae.server.users.UserRole;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page, and the start page each role lands on after logging in. */
@Controller
@UiPage
public class HomePage {
  @GetMapping("/login")
  String login() {
    return "login";
  }

  @GetMapping("/")
  String home(Authentication who, Model model) {
    UserRole role = Roles.of(who).orElse(null);
    if (role == UserRole.INVESTIGATOR || role == UserRole.ADMIN) {
      return "redirect:/cases";
    }
    if (role == UserRole.VICTIM) {
      return "redirect:/portal";
    }
    if (role == UserRole.SUPPORT_STAFF) {
      return "redirect:/support";
    }
    model.addAttribute("role", role == null ? "" : role.code());
    return "home";
  }
}
