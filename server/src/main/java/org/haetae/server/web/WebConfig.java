package org.haetae.server.web;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The UI speaks Korean and English: the browser's language decides until the person picks one with
 * {@code ?lang=ko} or {@code ?lang=en}, which a cookie then remembers.
 */
@Configuration
public class WebConfig implements WebMvcConfigurer {
  @Bean
  LocaleResolver localeResolver() {
    CookieLocaleResolver r = new CookieLocaleResolver("haetae-lang");
    r.setCookieMaxAge(Duration.ofDays(365));
    r.setDefaultLocaleFunction(request -> pick(request.getLocale()));
    return r;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
    lang.setParamName("lang");
    registry.addInterceptor(lang);
  }

  /** Korean for Korean browsers, English for everyone else. */
  static Locale pick(Locale asked) {
    return asked != null && asked.getLanguage().equals("ko") ? Locale.KOREAN : Locale.ENGLISH;
  }
}
