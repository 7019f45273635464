package org.haetae.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test of the whole service over real HTTP, on a real (embedded) PostgreSQL in a data folder of
 * its own: each test class starts the service on a fresh temporary data folder and stops it when
 * done, so no class sees another's users, cases or reports. {@link ServiceClient} calls it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = ServiceTest.FreshDataFolder.class)
@Import(ServiceClient.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface ServiceTest {
  /** Points {@code haetae.data-dir} at a new temporary folder. */
  final class FreshDataFolder
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      try {
        Path data = Files.createTempDirectory("haetae-service-test");
        TestPropertyValues.of("haetae.data-dir=" + data).applyTo(context);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
