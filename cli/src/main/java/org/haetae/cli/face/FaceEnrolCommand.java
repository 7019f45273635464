package org.haetae.cli.face;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.haetae.cli.ExitCodes;
import org.haetae.cli.UserInputException;
import org.haetae.faces.bank.Consent;
import org.haetae.faces.bank.FaceBank;
import org.haetae.faces.bank.FaceBanks;
import org.haetae.faces.enrol.FaceEnrolment;
import org.haetae.faces.search.FaceEngine;
import org.haetae.hashing.image.ImageDecoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "enrol",
    aliases = "enroll",
    mixinStandardHelpOptions = true,
    description =
        "Enrol person NAME from one or more photos of her face. Only the face descriptors are"
            + " kept (encrypted); the photos are read and forgotten. Enrolling again adds"
            + " templates.")
public final class FaceEnrolCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin FaceBankOption bank;

  @Parameters(
      index = "0",
      paramLabel = "NAME",
      description = "Person id: a pseudonym or case reference.")
  String name;

  @Parameters(
      index = "1..*",
      arity = "1..*",
      paramLabel = "PHOTO",
      description = "Photos of her face.")
  List<Path> photos;

  @Option(
      names = "--consent",
      required = true,
      paramLabel = "BASIS",
      description =
          "The recorded basis for holding her face template, e.g. \"consent of the person\" or"
              + " \"guardian consent\". Required: a face template is biometric data.")
  String consent;

  @Option(
      names = "--recorded-by",
      paramLabel = "WHO",
      description = "Who recorded the consent (default: the user running the command).")
  String recordedBy;

  @Option(
      names = "--label",
      paramLabel = "TEXT",
      description = "How staff refer to her (default: NAME).")
  String label;

  @Override
  public Integer call() throws IOException {
    String person = checkPerson(name);
    for (Path p : photos) {
      if (!Files.isRegularFile(p)) {
        throw new UserInputException("no such photo: " + p);
      }
    }
    String who = recordedBy != null ? recordedBy : System.getProperty("user.name", "unknown");
    Consent basis;
    try {
      basis = new Consent(consent, who, Clock.systemUTC().instant());
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
    FaceBanks banks = bank.banks(true);
    FaceBank current = banks.openOrCreate(bank.name());
    PrintWriter out = spec.commandLine().getOut();
    try (FaceEngine engine = FaceEngine.bundled(FaceEngine.Options.defaults())) {
      FaceEnrolment.Result r;
      try {
        r =
            new FaceEnrolment(engine, new ImageDecoder(), Clock.systemUTC())
                .enrol(current, person, label != null ? label : person, basis, photos);
      } catch (IllegalArgumentException e) {
        throw new UserInputException(e.getMessage());
      }
      banks.save(r.bank());
      for (FaceEnrolment.PhotoOutcome o : r.photos()) {
        out.printf(
            "%s: %s%s%n",
            o.photo(),
            o.reason(),
            o.enrolled() ? String.format(" (detector confidence %.2f)", o.quality()) : "");
      }
      out.printf(
          "enrolled %s in face bank %s: %d template(s), model %s%n",
          person, r.bank().name(), r.person().faces().size(), engine.embedderId());
    }
    out.flush();
    return ExitCodes.OK;
  }

  static String checkPerson(String id) {
    if (id == null || !id.matches("[\\p{L}\\p{N}][\\p{L}\\p{N}_.-]{0,63}")) {
      throw new UserInputException(
          "a person id is 1-64 letters, digits, '.', '-' or '_', starting with a letter or digit: "
              + id);
    }
    return id;
  }
}
