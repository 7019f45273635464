package org.haetae.server.portal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.haetae.server.access.Roles;
import org.haetae.server.storage.AuditLog;
import org.haetae.server.storage.ReportStore;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * "Protect my face" as JSON. The victim's browser finds her face in a photo and computes its
 * template; this takes only the template, never a photo: {@code {"model":
 * "face-api-1.7.15/face_recognition", "descriptor": [128 numbers], "consent": true, "photo_sha256":
 * hex}}. Only the person who filed the report may add or withdraw templates; support staff and
 * admins may see how many there are; anyone else gets what a report that does not exist gives.
 *
 * <p>Bad input is a 400 in RFC 9457 form whose {@code field} names what is wrong; the numbers are
 * never echoed, logged or audited.
 */
@RestController
public class FaceTemplateApi {
  /** Largest request body read: 128 numbers as JSON text need about 3 KB. */
  static final int MAX_BODY = 16 * 1024;

  /** The bound on each number: face-api's values lie well within ±1. */
  static final double MAX_ABS = 10;

  private static final JsonFactory JSON =
      JsonFactory.builder()
          // NaN and Infinity are read so that they can be refused by name, not as a parse error.
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .build()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private final FaceTemplates faces;
  private final ReportAccess access;
  private final AuditLog audit;
  private final MessageSource messages;

  public FaceTemplateApi(
      FaceTemplates faces, ReportAccess access, AuditLog audit, MessageSource messages) {
    this.faces = faces;
    this.access = access;
    this.audit = audit;
    this.messages = messages;
  }

  /** A refused request: {@code field} names the member at fault. */
  static final class FaceInputException extends RuntimeException {
    final String field;
    final HttpStatus status;

    FaceInputException(String field, String detail) {
      this(HttpStatus.BAD_REQUEST, field, detail);
    }

    FaceInputException(HttpStatus status, String field, String detail) {
      super(detail);
      this.field = field;
      this.status = status;
    }
  }

  /** What was sent, checked. */
  record Enrolment(String model, float[] descriptor, String photoSha256) {}

  public record Template(long id, String model, Instant createdAt, Instant consentAt) {}

  public record Listing(int count, List<Template> templates) {}

  public record Added(long id, int count) {}

  public record Withdrawn(int withdrawn) {}

  @GetMapping("/api/v1/reports/{id}/faces")
  public Listing list(@PathVariable UUID id, Authentication who) {
    ReportStore.Report r = access.check(who, id);
    if (Roles.supports(who)) {
      audit.record(who.getName(), "view_face_templates", null, r.reference());
    }
    List<Template> t =
        faces.of(id).stream()
            .map(f -> new Template(f.id(), f.model(), f.createdAt(), f.consentAt()))
            .toList();
    return new Listing(t.size(), t);
  }

  @PostMapping("/api/v1/reports/{id}/faces")
  public Added add(
      @PathVariable UUID id, Authentication who, HttpServletRequest request, Locale locale)
      throws IOException {
    ReportStore.Report r = owner(who, id);
    Enrolment e = parse(read(request));
    String consent = messages.getMessage("faces.consentText", null, locale);
    long added;
    try {
      added = faces.add(id, e.model(), e.descriptor(), e.photoSha256(), consent, who.getName());
    } catch (FaceTemplates.AlreadyEnrolled x) {
      throw new FaceInputException(HttpStatus.CONFLICT, "photo_sha256", x.getMessage());
    } catch (FaceTemplates.TooMany x) {
      throw new FaceInputException(HttpStatus.CONFLICT, "descriptor", x.getMessage());
    }
    audit.record(who.getName(), "face_enrolled", null, r.reference());
    return new Added(added, faces.summary(id).count());
  }

  @DeleteMapping("/api/v1/reports/{id}/faces")
  public Withdrawn withdraw(@PathVariable UUID id, Authentication who) {
    ReportStore.Report r = owner(who, id);
    int n = faces.withdrawAll(id);
    audit.record(who.getName(), "faces_withdrawn", null, r.reference());
    return new Withdrawn(n);
  }

  /**
   * The report, when the caller filed it. Staff see the report but may not enrol or withdraw a face
   * for her: 403. Everyone else gets {@link ReportAccess}'s 404.
   */
  ReportStore.Report owner(Authentication who, UUID id) {
    ReportStore.Report r = access.check(who, id);
    if (!r.owner().equals(who.getName()) || Roles.supports(who)) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN,
          "only the person who filed the report enrols or withdraws her face");
    }
    return r;
  }

  private static byte[] read(HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > MAX_BODY) {
      throw tooLarge();
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(MAX_BODY + 1);
      if (body.length > MAX_BODY) {
        throw tooLarge();
      }
      return body;
    }
  }

  private static FaceInputException tooLarge() {
    return new FaceInputException(
        HttpStatus.CONTENT_TOO_LARGE,
        "body",
        "the request is larger than " + MAX_BODY + " bytes: send only the face template");
  }

  /** Reads and checks the request: every member known, each valid, nothing missing. */
  static Enrolment parse(byte[] body) {
    if (body.length == 0) {
      throw new FaceInputException("body", "no request body: send the face template as JSON");
    }
    String model = null;
    float[] descriptor = null;
    Boolean consent = null;
    String photo = null;
    Set<String> seen = new HashSet<>();
    try (JsonParser p = JSON.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new FaceInputException("body", "the request must be one JSON object");
      }
      for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
        String name = p.currentName();
        seen.add(name);
        JsonToken v = p.nextToken();
        switch (name) {
          case "model" -> {
            if (v != JsonToken.VALUE_STRING) {
              throw new FaceInputException("model", "model must be a string");
            }
            model = p.getText();
          }
          case "descriptor" -> descriptor = descriptor(p, v);
          case "consent" -> {
            if (v != JsonToken.VALUE_TRUE && v != JsonToken.VALUE_FALSE) {
              throw new FaceInputException("consent", "consent must be true or false");
            }
            consent = v == JsonToken.VALUE_TRUE;
          }
          case "photo_sha256" -> {
            if (v == JsonToken.VALUE_NULL) {
              photo = null;
            } else if (v != JsonToken.VALUE_STRING || !p.getText().matches("[0-9a-fA-F]{64}")) {
              throw new FaceInputException(
                  "photo_sha256", "photo_sha256 must be the photo's SHA-256, 64 hex digits");
            } else {
              photo = p.getText().toLowerCase(Locale.ROOT);
            }
          }
          default ->
              throw new FaceInputException(
                  abbreviate(name),
                  "unknown member "
                      + abbreviate(name)
                      + ": send only model, descriptor, consent and photo_sha256");
        }
      }
      if (p.nextToken() != null) {
        throw new FaceInputException("body", "the request must be one JSON object");
      }
    } catch (JsonProcessingException x) {
      throw new FaceInputException("body", "the request is not valid JSON");
    } catch (IOException x) {
      throw new FaceInputException("body", "the request cannot be read");
    }
    if (!Boolean.TRUE.equals(consent)) {
      throw new FaceInputException(
          "consent",
          "consent must be true: a face template is kept only when its owner agrees to it");
    }
    if (model == null) {
      throw new FaceInputException("model", "model is missing");
    }
    if (!model.equals(FaceTemplates.MODEL)) {
      throw new FaceInputException(
          "model", "unknown model " + abbreviate(model) + ": only " + FaceTemplates.MODEL);
    }
    if (descriptor == null) {
      throw new FaceInputException("descriptor", "descriptor is missing");
    }
    return new Enrolment(model, descriptor, photo);
  }

  private static float[] descriptor(JsonParser p, JsonToken start) throws IOException {
    if (start != JsonToken.START_ARRAY) {
      throw new FaceInputException(
          "descriptor", "descriptor must be an array of " + FaceTemplates.LENGTH + " numbers");
    }
    float[] out = new float[FaceTemplates.LENGTH];
    int n = 0;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
        throw new FaceInputException("descriptor", "descriptor[" + n + "] is not a number");
      }
      if (n >= FaceTemplates.LENGTH) {
        throw new FaceInputException(
            "descriptor", "descriptor holds more than " + FaceTemplates.LENGTH + " numbers");
      }
      double d = p.getDoubleValue();
      if (!Double.isFinite(d)) {
        throw new FaceInputException("descriptor", "descriptor[" + n + "] is not a finite number");
      }
      if (Math.abs(d) >= MAX_ABS) {
        throw new FaceInputException(
            "descriptor", "descriptor[" + n + "] is out of range (|x| must be below " + 10 + ")");
      }
      out[n++] = (float) d;
    }
    if (n != FaceTemplates.LENGTH) {
      throw new FaceInputException(
          "descriptor",
          "descriptor must hold exactly " + FaceTemplates.LENGTH + " numbers, not " + n);
    }
    return out;
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }

  @ExceptionHandler(FaceInputException.class)
  ProblemDetail refused(FaceInputException e) {
    ProblemDetail d = ProblemDetail.forStatusAndDetail(e.status, e.getMessage());
    d.setProperty("field", e.field);
    return d;
  }
}
