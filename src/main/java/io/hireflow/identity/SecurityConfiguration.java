package io.hireflow.identity;

import java.time.Clock;
import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.support.RequestContextUtils;

import io.hireflow.shared.ProblemResponses;
import tools.jackson.databind.json.JsonMapper;

/**
 * Four filter chains. {@code POST /api/v1/tokens} takes HTTP Basic (to get a first token) or a token; the rest of
 * {@code /api} takes only bearer tokens and keeps no session; the careers site is public and keeps no session either
 * (its forms' CSRF token travels in a cookie), so a visitor costs no session row and an apply no session read or
 * write; everything else is the browser UI with form sign-in, CSRF and a session in the database. Every route needs a
 * signed-in user except the public ones named here; which roles a route allows is declared on its handler with
 * {@code @PreAuthorize} and checked here, in the filter chain, by {@link HandlerRoles} (and again when the handler is
 * called).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    // the careers site has a chain of its own, before this one
    static final String[] PUBLIC_ROUTES = {"/login", "/portal", "/portal/**", "/sitemap.xml",
            "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error", "/actuator/health",
            "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html"};

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self'; img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    HandlerRoles handlerRoles(
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
        return new HandlerRoles(mappings);
    }

    @Bean
    ApiSecurityErrors apiSecurityErrors(MessageSource messages, JsonMapper json) {
        return new ApiSecurityErrors(messages, json);
    }

    @Bean
    @Order(1)
    SecurityFilterChain tokenIssuing(HttpSecurity http, StaffAccounts accounts, ApiSecurityErrors errors,
            HandlerRoles roles) throws Exception {
        http.securityMatcher(PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/api/v1/tokens"));
        apiDefaults(http, accounts, errors, roles);
        http.httpBasic(basic -> basic.authenticationEntryPoint(errors));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, StaffAccounts accounts, ApiSecurityErrors errors, HandlerRoles roles)
            throws Exception {
        http.securityMatcher("/api/**");
        apiDefaults(http, accounts, errors, roles);
        return http.build();
    }

    private static void apiDefaults(HttpSecurity http, StaffAccounts accounts, ApiSecurityErrors errors,
            HandlerRoles roles) throws Exception {
        http.csrf(csrf -> csrf.disable()) // no cookies are accepted on the API, so there is nothing to forge
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new BearerTokenFilter(accounts, errors), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(authorize -> authorize.anyRequest().access(roles))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'none'; frame-ancestors 'none'")));
    }

    @Bean
    @Order(3)
    SecurityFilterChain careers(HttpSecurity http) throws Exception {
        CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
        tokens.setCookiePath("/careers");
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        http.securityMatcher("/careers/**")
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .csrf(csrf -> csrf.csrfTokenRepository(tokens))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable());
        return browserHeaders(http).build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain ui(HttpSecurity http, StaffAccounts accounts, SecurityProperties properties, Clock clock,
            HandlerRoles roles) throws Exception {
        http.authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(PUBLIC_ROUTES).permitAll()
                        .anyRequest().access(roles))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureUrl("/login?error").permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut")
                        .invalidateHttpSession(true).deleteCookies("SESSION"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .addFilterBefore(new FreshPrincipalFilter(accounts, properties, clock), AuthorizationFilter.class);
        return browserHeaders(http).build();
    }

    private static HttpSecurity browserHeaders(HttpSecurity http) throws Exception {
        return http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
    }

    /**
     * Answers authentication and authorization failures of the API with a problem document (RFC 9457). These happen in
     * filters, before any controller, so the controllers' problem handler cannot see them.
     */
    static final class ApiSecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

        private final MessageSource messages;
        private final JsonMapper json;

        ApiSecurityErrors(MessageSource messages, JsonMapper json) {
            this.messages = messages;
            this.json = json;
        }

        @Override
        public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
                throws IOException {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            write(request, response, HttpStatus.UNAUTHORIZED, "error.unauthorized");
        }

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
                throws IOException {
            write(request, response, HttpStatus.FORBIDDEN, "error.forbidden");
        }

        private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code)
                throws IOException {
            Locale locale = RequestContextUtils.getLocale(request);
            ProblemResponses.write(request, response, status,
                    messages.getMessage(code, null, status.getReasonPhrase(), locale), json);
        }
    }
}
