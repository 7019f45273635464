package org.haetae.server.web;

import jakarta.servlet.http.HttpServletResponse;
import org.haetae.pipeline.InputException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ResponseStatusException;

/**
 * Errors on UI pages render as pages, in the person's language. A case she may not see says the
 * same as a case that does not exist. The API's errors stay problem+json ({@code api.Problems}).
 */
@ControllerAdvice(annotations = UiPage.class)
@Order(0)
public class PageErrors {
  @ExceptionHandler(ResponseStatusException.class)
  String status(ResponseStatusException e, Model model, HttpServletResponse response) {
    return page(e.getStatusCode(), e.getReason(), model, response);
  }

  @ExceptionHandler(InputException.class)
  String badInput(InputException e, Model model, HttpServletResponse response) {
    return page(HttpStatus.BAD_REQUEST, e.getMessage(), model, response);
  }

  private static String page(
      HttpStatusCode status, String reason, Model model, HttpServletResponse response) {
    response.setStatus(status.value());
    model.addAttribute("status", status.value());
    // Only the fixed texts of our own checks reach the page, never an exception's internals.
    model.addAttribute("reason", status.value() == 400 ? reason : null);
    return "error";
  }
}
