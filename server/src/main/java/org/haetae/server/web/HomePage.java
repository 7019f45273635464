package org.haetae.server.web;

import org.haetae.server.access.Roles;
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
    if (Roles.investigates(who)) {
      return "redirect:/cases";
    }
    switch (Roles.of(who)) {
      case "victim":
        return "redirect:/portal";
      case "support_staff":
        return "redirect:/support";
      default:
        break;
    }
    model.addAttribute("role", Roles.of(who));
    return "home";
  }
}
