package org.haetae.server.access;

import org.haetae.server.access.totp.TotpDetailsSource;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Who may call what. Browsers log in with a form and a session (CSRF-protected); API clients send
 * their credentials with each request (HTTP Basic for now), for which CSRF does not apply.
 */
@Configuration
public class SecurityConfig {
  @Bean
  PasswordEncoder passwordEncoder() {
    return Passwords.bcrypt();
  }

  /** The throttle runs inside the security chain only, not a second time as a servlet filter. */
  @Bean
  FilterRegistrationBean<LoginThrottle> throttleOutsideSecurity(LoginThrottle throttle) {
    FilterRegistrationBean<LoginThrottle> r = new FilterRegistrationBean<>(throttle);
    r.setEnabled(false);
    return r;
  }

  @Bean
  FilterRegistrationBean<ApiTokens> tokensOutsideSecurity(ApiTokens tokens) {
    FilterRegistrationBean<ApiTokens> r = new FilterRegistrationBean<>(tokens);
    r.setEnabled(false);
    return r;
  }

  @Bean
  SecurityFilterChain security(HttpSecurity http, LoginThrottle throttle, ApiTokens tokens)
      throws Exception {
    http.authorizeHttpRequests(
            a ->
                a.requestMatchers(
                        "/v3/api-docs/**",
                        "/login",
                        "/error",
                        "/css/**",
                        "/js/**",
                        "/vendor/**",
                        "/favicon.ico")
                    .permitAll()
                    // Investigations: the case API and pages, scans. Which case is checked per
                    // request in the service layer (CaseAccess); these rules keep out the roles
                    // that never see a case at all.
                    .requestMatchers(
                        "/api/v1/cases/**", "/api/v1/scans/**", "/cases/**", "/scans/**")
                    .hasAnyRole("INVESTIGATOR", "ADMIN")
                    .requestMatchers("/register")
                    .permitAll()
                    // The victims' portal and the reports API: victims (their own reports only,
                    // checked per report in ReportAccess), support staff and admins.
                    .requestMatchers("/portal/**", "/api/v1/reports/**")
                    .hasAnyRole("VICTIM", "SUPPORT_STAFF", "ADMIN")
                    .requestMatchers("/support/**")
                    .hasAnyRole("SUPPORT_STAFF", "ADMIN")
                    .requestMatchers("/api/v1/platform/**")
                    .hasRole("PLATFORM")
                    .anyRequest()
                    .authenticated())
        .addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class)
        .addFilterBefore(tokens, UsernamePasswordAuthenticationFilter.class)
        // The form may carry a one-time code ("totp"); access.totp.TotpAuthenticationProvider,
        // the service's only authentication provider, demands it from users who have one.
        .formLogin(
            f ->
                f.loginPage("/login")
                    .permitAll()
                    .authenticationDetailsSource(new TotpDetailsSource()))
        .httpBasic(b -> {})
        // Pages run only the service's own scripts: a message's text can never run as code.
        .headers(
            h ->
                h.contentSecurityPolicy(
                    c ->
                        c.policyDirectives(
                            "default-src 'self'; script-src 'self'; img-src 'self' data: blob:;"
                                + " style-src 'self' 'unsafe-inline'; object-src 'none';"
                                + " frame-ancestors 'none'; form-action 'self'")))
        // CSRF guards the session cookie. A request that sends its credentials (Authorization)
        // carries none a browser adds by itself; an API request without a session has nothing to
        // ride on and gets its 401 below rather than a CSRF 403.
        .csrf(
            c ->
                c.ignoringRequestMatchers(
                    r ->
                        r.getHeader("Authorization") != null
                            || (r.getRequestURI().startsWith(r.getContextPath() + "/api/")
                                && r.getSession(false) == null)))
        // API clients get 401, not a redirect to the login page.
        .exceptionHandling(
            e ->
                e.defaultAuthenticationEntryPointFor(
                    new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                    r -> r.getRequestURI().startsWith(r.getContextPath() + "/api/")));
    return http.build();
  }
}
