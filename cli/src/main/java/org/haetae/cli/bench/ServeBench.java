package org.haetae.cli.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.haetae.cli.demo.DemoBank;
import org.haetae.cli.serve.DemoLogins;
import org.haetae.demo.investigation.Investigation;
import org.haetae.evidence.casefolder.CaseFolder;
import org.haetae.evidence.keys.SigningKey;
import org.haetae.evidence.keys.VaultKey;
import org.haetae.matching.match.Matcher;
import org.haetae.matching.store.FileBankStore;
import org.haetae.pipeline.progress.ProgressSink;
import org.haetae.pipeline.scan.Scan;
import org.haetae.server.HaetaeServer;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Load on the service: the demo case scanned and loaded, the server started, then USERS"
          + " concurrent clients (default 50) each asking, in turn, for the API's page of ranked"
          + " accounts and full-text search, and the UI's case dashboard, ranked-accounts page"
          + " and search page, for SECONDS seconds; requests per second and latency percentiles,"
          + " per endpoint.",
      "Clients authenticate with an API token. Client and server share the machine's cores,"
          + " so the figures are a floor."
    })
public final class ServeBench implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--users", defaultValue = "50", description = "Default ${DEFAULT-VALUE}.")
  int users;

  @Option(names = "--seconds", defaultValue = "20", description = "Default ${DEFAULT-VALUE}.")
  int seconds;

  @Option(names = "--port", defaultValue = "18090", description = "Default ${DEFAULT-VALUE}.")
  int port;

  @Mixin WorkFolder folder;

  @Override
  public Integer call() throws Exception {
    Figures fig = new Figures(spec.commandLine().getOut());
    Path work = folder.create();
    ConfigurableApplicationContext server = null;
    try {
      Path material = work.resolve("material");
      Investigation.write(material, Investigation.Options.demo(1));
      FileBankStore banks = new FileBankStore(work.resolve("data/banks"));
      DemoBank.importFrom(material, banks, "v", (l, why) -> {});
      List<Path> exports = Investigation.exports(material);
      Path keys = work.resolve("data/keys");
      Scan.Result r =
          new Scan(
                  new CaseFolder(work.resolve("case")),
                  VaultKey.load(null, keys.resolve("vault.key")),
                  SigningKey.load(keys.resolve("signing.key")),
                  banks,
                  new Scan.Options(
                      exports,
                      List.of("v"),
                      Matcher.Settings.DEFAULT,
                      null,
                      2,
                      false,
                      ProgressSink.SILENT))
              .run();
      DemoLogins.Loaded loaded =
          DemoLogins.load(work.resolve("data"), r.analysis(), work.resolve("case"));
      server = HaetaeServer.start(port, work.resolve("data"));
      // Each client is its own investigator with her own API token, and keeps its cookies as a
      // browser would. HTTP Basic would check a bcrypt hash (about a quarter of a second of CPU by
      // design) on every request, which is a login, not a page view.
      org.haetae.server.users.UserStore userStore =
          server.getBean(org.haetae.server.users.UserStore.class);
      org.haetae.server.access.ApiTokens tokenStore =
          server.getBean(org.haetae.server.access.ApiTokens.class);
      String[] auths = new String[users];
      HttpClient[] clients = new HttpClient[users];
      ExecutorService io = Executors.newFixedThreadPool(8);
      for (int u = 0; u < users; u++) {
        String name = "bench-" + u;
        userStore.put(name, DemoLogins.password(), org.haetae.server.users.UserRole.INVESTIGATOR);
        userStore.assign(loaded.caseId(), name);
        auths[u] = "Bearer " + tokenStore.issue(name, "bench");
        clients[u] =
            HttpClient.newBuilder()
                .executor(io)
                .cookieHandler(new java.net.CookieManager())
                .build();
      }
      String base = "http://localhost:" + port + "/api/v1/cases/" + loaded.caseId();
      String page = "http://localhost:" + port + "/cases/" + loaded.caseId();
      String[] paths = {
        base + "/accounts?page=0&size=50",
        base + "/search?q=%ED%95%A9%EC%84%B1&limit=20",
        page,
        page + "/accounts",
        page + "/search?q=%ED%95%A9%EC%84%B1"
      };
      String[] names = {"api_accounts", "api_search", "ui_case", "ui_accounts", "ui_search"};
      // Warm up: the first requests pay for class loading and JIT.
      for (int i = 0; i < 50; i++) {
        for (String p : paths) {
          send(clients[0], p, auths[0]);
        }
      }
      List<List<Long>> latencies = new ArrayList<>();
      for (int i = 0; i < paths.length; i++) {
        latencies.add(java.util.Collections.synchronizedList(new ArrayList<>()));
      }
      AtomicLong errors = new AtomicLong();
      long end = System.nanoTime() + seconds * 1_000_000_000L;
      ExecutorService pool = Executors.newFixedThreadPool(users);
      List<Future<?>> running = new ArrayList<>();
      for (int u = 0; u < users; u++) {
        int start = u;
        HttpClient client = clients[u];
        String auth = auths[u];
        running.add(
            pool.submit(
                () -> {
                  for (int k = start; System.nanoTime() < end; k++) {
                    int which = k % paths.length;
                    long t0 = System.nanoTime();
                    int status = send(client, paths[which], auth);
                    latencies.get(which).add(System.nanoTime() - t0);
                    if (status != 200) {
                      errors.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
      pool.shutdown();
      fig.print("serve.users", users, "clients");
      for (int i = 0; i < paths.length; i++) {
        double[] ms = latencies.get(i).stream().mapToDouble(n -> n / 1e6).toArray();
        fig.print("serve." + names[i] + ".requests_per_s", ms.length / (double) seconds, "req/s");
        fig.print("serve." + names[i] + ".p50", Figures.quantile(ms, 0.5), "ms");
        fig.print("serve." + names[i] + ".p99", Figures.quantile(ms, 0.99), "ms");
      }
      fig.print("serve.errors", errors.get(), "responses");
      return 0;
    } finally {
      if (server != null) {
        server.close();
      }
      folder.finish(work, spec.commandLine().getErr());
    }
  }

  private static int send(HttpClient client, String url, String auth) {
    try {
      return client
          .send(
              HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (Exception e) {
      return -1;
    }
  }
}
