package org.haetae.cli.serve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.haetae.cli.DataDirOption;
import org.haetae.cli.UserInputException;
import org.haetae.server.access.ApiTokens;
import org.haetae.server.access.totp.SecondFactors;
import org.haetae.server.access.totp.Totp;
import org.haetae.server.db.Database;
import org.haetae.server.storage.AuditLog;
import org.haetae.server.storage.UserStore;
import org.haetae.server.storage.postgres.PostgresStores;
import org.haetae.server.users.UserRole;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description = "People who may log in to the service (haetae serve), and their cases.",
    subcommands = {
      UserCommand.Add.class,
      UserCommand.Assign.class,
      UserCommand.Token.class,
      UserCommand.SecondFactor.class
    })
public final class UserCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a subcommand");
  }

  /** The service's own stores on the data folder's database: users as the service keeps them. */
  private static PostgresStores stores(Database db) {
    return PostgresStores.on(db.dataSource());
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Creates a user (or sets a new password and role). Without --password-stdin a random"
            + " password is made and printed once; only its bcrypt hash is stored."
      })
  static final class Add implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "Login name.")
    String name;

    @Option(
        names = "--role",
        required = true,
        paramLabel = "ROLE",
        description = "investigator, support_staff, platform, victim or admin.")
    String role;

    @Option(names = "--password-stdin", description = "Read the password from standard input.")
    boolean passwordStdin;

    @Option(
        names = "--organisation",
        paramLabel = "NAME",
        description =
            "The platform a platform login acts for (as notices name it, e.g. ExampleChat);"
                + " required with --role platform.")
    String organisation;

    @Mixin DataDirOption dataDir;

    @Override
    public Integer call() throws IOException {
      if ("platform".equalsIgnoreCase(role) && (organisation == null || organisation.isBlank())) {
        throw new UserInputException("a platform login needs --organisation (the platform's name)");
      }
      if (!name.matches("[A-Za-z0-9._@-]{2,64}")) {
        throw new UserInputException(
            "a login name is 2 to 64 letters, digits and . _ @ - (got "
                + name.length()
                + " chars)");
      }
      UserRole r;
      try {
        r = UserRole.ofCode(role.toLowerCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new UserInputException(
            "unknown role " + role + " (investigator, support_staff, platform, victim, admin)");
      }
      String password;
      if (passwordStdin) {
        password =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (password == null || password.length() < 12) {
          throw new UserInputException("the password must have at least 12 characters");
        }
      } else {
        password = generated();
      }
      try (Database db = Database.open(Database.Settings.fromEnvironment(dataDir.path()))) {
        UserStore users = stores(db).users();
        users.put(name, password, r);
        if (organisation != null && !organisation.isBlank()) {
          users.setOrganisation(name, organisation.strip());
        }
      }
      spec.commandLine().getOut().println("user " + name + " (" + r.code() + ") saved");
      if (!passwordStdin) {
        spec.commandLine().getOut().println("password: " + password);
      }
      return 0;
    }

    private static String generated() {
      return DemoLogins.password();
    }
  }

  @Command(
      name = "token",
      mixinStandardHelpOptions = true,
      description =
          "Makes an API token for a user (sent as 'Authorization: Bearer TOKEN'). It is printed"
              + " once; only its SHA-256 is stored.")
  static final class Token implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Option(names = "--label", paramLabel = "TEXT", description = "What the token is for.")
    String label = "";

    @Mixin DataDirOption dataDir;

    @Override
    public Integer call() throws IOException {
      try (Database db = Database.open(Database.Settings.fromEnvironment(dataDir.path()))) {
        PostgresStores stores = stores(db);
        if (stores.users().find(name).isEmpty()) {
          throw new UserInputException("no such user: " + name);
        }
        String token = new ApiTokens(stores.users(), stores.audit()).issue(name, label);
        spec.commandLine().getOut().println(token);
      }
      return 0;
    }
  }

  @Command(
      name = "totp",
      mixinStandardHelpOptions = true,
      description = {
        "Turns on a second factor for an investigator or admin: prints a new secret and its"
            + " otpauth:// URI once, to add to an authenticator app (TOTP, RFC 6238: 6 digits,"
            + " 30 s). From then on the login form wants the code with the password, HTTP Basic is"
            + " refused for the user, and scripts use an API token (haetae user token). Running it"
            + " again replaces the secret; --off turns the second factor off."
      })
  static final class SecondFactor implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Option(names = "--off", description = "Turn the second factor off (password alone again).")
    boolean off;

    @Mixin DataDirOption dataDir;

    @Override
    public Integer call() throws IOException {
      try (Database db = Database.open(Database.Settings.fromEnvironment(dataDir.path()))) {
        PostgresStores stores = stores(db);
        SecondFactors store = new SecondFactors(stores.users());
        UserRole role =
            store.role(name).orElseThrow(() -> new UserInputException("no such user: " + name));
        // --off also clears a secret left over from before a change of role.
        if (!SecondFactors.allowed(role) && !(off && store.enabled(name))) {
          throw new UserInputException(
              "a second factor is for investigators and admins; " + name + " is " + role.code());
        }
        AuditLog audit = stores.audit();
        java.io.PrintWriter out = spec.commandLine().getOut();
        if (off) {
          boolean was = store.disable(name);
          if (was) {
            audit.record(name, "totp_disabled", null, null);
          }
          out.println(
              was
                  ? "second factor off for " + name + ": the password alone logs in again"
                  : name + " had no second factor");
        } else {
          String secret = store.enable(name);
          audit.record(name, "totp_enabled", null, null);
          out.println(
              "second factor on for "
                  + name
                  + ". Add it to an authenticator app now (type in the secret or make a QR code of"
                  + " the URI); it is shown only this once:");
          out.println("secret: " + secret);
          out.println("uri: " + Totp.uri(name, secret));
        }
      }
      return 0;
    }
  }

  @Command(
      name = "assign",
      mixinStandardHelpOptions = true,
      description = "Lets a user see a case (investigators see only the cases they are given).")
  static final class Assign implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Parameters(index = "1", paramLabel = "CASE_ID")
    String caseId;

    @Mixin DataDirOption dataDir;

    @Override
    public Integer call() throws IOException {
      UUID id;
      try {
        id = UUID.fromString(caseId);
      } catch (IllegalArgumentException e) {
        throw new UserInputException(caseId + ": not a case id");
      }
      try (Database db = Database.open(Database.Settings.fromEnvironment(dataDir.path()))) {
        try {
          stores(db).users().assign(id, name);
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
          throw new UserInputException("no such user or case");
        }
      }
      spec.commandLine().getOut().println(name + " may now see case " + id);
      return 0;
    }
  }
}
