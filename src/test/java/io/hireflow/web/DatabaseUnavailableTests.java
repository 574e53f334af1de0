package io.hireflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import jakarta.servlet.ServletException;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** A request that cannot reach the database answers 503 at once, as a problem document for the API. */
class DatabaseUnavailableTests {

    @Test
    void answers503WithAProblemWhenTheDatabaseIsOutOfReach() throws Exception {
        var messages = new StaticMessageSource();
        messages.addMessage("error.unavailable", Locale.ENGLISH, "Cannot reach the database.");
        var filter = new DatabaseUnavailable()
                .databaseUnavailableFilter(messages, new FixedLocaleResolver(Locale.ENGLISH), JsonMapper.builder().build())
                .getFilter();
        var api = new MockHttpServletRequest("GET", "/api/v1/jobs");
        var answer = new MockHttpServletResponse();
        filter.doFilter(api, answer, new MockFilterChain(failing()));
        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getContentType()).startsWith("application/problem+json");
        assertThat(answer.getContentAsString()).contains("Cannot reach the database.");
        assertThat(answer.getHeader("Retry-After")).isEqualTo("5");

        var page = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", "/jobs"), page, new MockFilterChain(failing()));
        assertThat(page.getStatus()).isEqualTo(503);
    }

    private static HttpServlet failing() {
        return new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException {
                throw new ServletException(new CannotGetJdbcConnectionException("no connection"));
            }
        };
    }
}
