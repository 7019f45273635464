package org.haetae.server.portal;

import org.haetae.server.storage.UserStore;
import org.haetae.server.users.UserRole;
import org.haetae.server.web.UiPage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * A victim makes her own portal login: a name she chooses (no real name asked) and a password. It
 * can only make {@code victim} logins; support centres can switch it off.
 */
@Controller
@UiPage
public class Registration {
  static final int MIN_PASSWORD = 10;

  private final UserStore users;
  private final boolean open;

  public Registration(
      UserStore users, @Value("${haetae.portal.self-registration:true}") boolean open) {
    this.users = users;
    this.open = open;
  }

  @GetMapping("/register")
  String form() {
    if (!open) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no self-registration here");
    }
    return "portal/register";
  }

  @PostMapping("/register")
  String register(
      @RequestParam(defaultValue = "") String username,
      @RequestParam(defaultValue = "") String password,
      @RequestParam(defaultValue = "") String repeat,
      Model model) {
    if (!open) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no self-registration here");
    }
    String name = username.strip();
    String problem = null;
    if (!name.matches("[\\p{L}\\p{N}._-]{3,40}")) {
      problem = "register.badName";
    } else if (password.length() < MIN_PASSWORD) {
      problem = "register.shortPassword";
    } else if (!password.equals(repeat)) {
      problem = "register.mismatch";
    } else if (!users.create(name, password, UserRole.VICTIM)) {
      problem = "register.taken";
    }
    if (problem != null) {
      model.addAttribute("error", problem);
      model.addAttribute("username", name);
      return "portal/register";
    }
    return "redirect:/login?registered";
  }
}
