package io.hireflow.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import io.hireflow.shared.ProblemResponses;
import tools.jackson.databind.json.JsonMapper;

/**
 * When the database is out of reach, every request answers 503 at once — from the session lookup, the token check or
 * a controller alike — and Hireflow recovers by itself when the database is back (the pool reconnects).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseUnavailable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> databaseUnavailableFilter(MessageSource messages,
            LocaleResolver locales, JsonMapper json) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                try {
                    chain.doFilter(request, response);
                } catch (RuntimeException | ServletException failure) {
                    if (!unavailable(failure) || response.isCommitted()) {
                        throw failure;
                    }
                    log.warn("Database unavailable: {}", failure.getMessage());
                    Locale locale = locales.resolveLocale(request);
                    String detail = messages.getMessage("error.unavailable", null, locale);
                    response.resetBuffer();
                    response.setHeader(HttpHeaders.RETRY_AFTER, "5");
                    if (request.getRequestURI().startsWith("/api/")) {
                        ProblemResponses.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, detail, json);
                    } else {
                        response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
                    }
                }
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Integer.MIN_VALUE + 10); // before the session filter, which reads the database
        return registration;
    }

    private static boolean unavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotGetJdbcConnectionException
                    || cause instanceof DataAccessResourceFailureException) {
                return true;
            }
        }
        return false;
    }
}
