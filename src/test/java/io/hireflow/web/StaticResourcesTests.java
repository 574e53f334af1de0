package io.hireflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.hireflow.ApiTest;
import io.hireflow.WebSession;

/** Static files are served at their own paths, cached for an hour; the WebJars' versionless paths still resolve. */
class StaticResourcesTests extends ApiTest {

    @Test
    void stylesScriptsAndWebJarsAreServedAndPagesLinkToThemByVersion() {
        WebSession browser = new WebSession(port);
        var css = browser.get("/css/app.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Cache-Control").orElse("")).contains("max-age=3600");
        assertThat(browser.get("/js/app.js").statusCode()).isEqualTo(200);
        assertThat(browser.get("/img/favicon.svg").statusCode()).isEqualTo(200);
        assertThat(browser.get("/webjars/htmx.org/dist/htmx.min.js").statusCode()).isEqualTo(200);
        // a page's links to the WebJars carry their versions, and its own links stay as written
        String page = browser.get("/login").body();
        assertThat(page).containsPattern("/webjars/htmx\\.org/[0-9.]+/dist/htmx\\.min\\.js")
                .contains("href=\"/css/app.css\"");
    }
}
