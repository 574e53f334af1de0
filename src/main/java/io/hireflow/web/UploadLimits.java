package io.hireflow.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Upload limits (see {@code spring.servlet.multipart.*}) enforced before anything else reads the body: a multipart
 * body is parsed here, ahead of the security filters (which read the CSRF token from it), so that a file or form over
 * the limits is refused while it is read, with 413 and a page that says how large a file may be. The error page is
 * written here rather than by an error dispatch, which would try to read the same body again. The container deletes
 * the parts it wrote so far when the request ends.
 */
@Configuration(proxyBeanMethods = false)
class UploadLimits {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> uploadLimitsFilter(ObjectProvider<SpringTemplateEngine> templates,
            ObjectProvider<LocaleResolver> locales) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                            FilterChain chain) throws ServletException, IOException {
                        String type = request.getContentType();
                        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
                            try {
                                request.getParts();
                            } catch (IllegalStateException | IOException | ServletException tooLarge) {
                                refuse(request, response, templates.getObject(), locales.getObject());
                                return;
                            }
                        }
                        chain.doFilter(request, response);
                    }
                });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response,
            SpringTemplateEngine templates, LocaleResolver locales) throws IOException {
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Connection", "close");
        WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, response), locales.resolveLocale(request));
        templates.process("error/413", context, response.getWriter());
    }
}
