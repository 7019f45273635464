package org.haetae.server.api;

import org.haetae.pipeline.InputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Bad input found deep in a job is the caller's 400, said in RFC 9457 form. */
@RestControllerAdvice
public class Problems {
  @ExceptionHandler(InputException.class)
  ProblemDetail badInput(InputException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
  }
}
