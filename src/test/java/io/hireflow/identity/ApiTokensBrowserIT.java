package io.hireflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import io.hireflow.ApiClient;
import io.hireflow.BrowserTest;
import io.hireflow.TestOrganizations;
import io.hireflow.TestOrganizations.Tenant;

class ApiTokensBrowserIT extends BrowserTest {

    @Test
    void aNewTokenIsShownOnceWorksOnTheApiAndIsRefusedOnceRevoked() {
        Tenant tenant = organizations.create();
        String email = "minji-" + UUID.randomUUID() + "@" + tenant.slug() + ".test";
        assertThat(tenant.admin().post("/api/v1/users", Map.of("email", email, "name", "Kim Minji",
                "password", TestOrganizations.PASSWORD, "roles", List.of("RECRUITER"))).status()).isEqualTo(201);
        signIn(email, TestOrganizations.PASSWORD);
        open("/account/tokens");
        assertThat(browser.findElements(By.cssSelector("code.secret"))).isEmpty();

        // a token needs a name
        submit();
        assertThat(find("form.new-token .field-error").getText()).isEqualTo("is required");

        find("form.new-token input[name=name]").sendKeys("HR system sync");
        submit();
        assertThat(find(".alert.ok").getText()).contains("HR system sync");
        String secret = find("code.secret").getText();
        assertThat(secret).startsWith("hf_").hasSizeGreaterThan(40);
        assertThat(find(".alert.warn").getText()).contains("Copy this token now");
        assertThat(row("HR system sync").findElement(By.cssSelector("code.prefix")).getText())
                .isEqualTo(secret.substring(0, 9) + "…");

        ApiClient api = ApiClient.bearer(port, secret);
        assertThat(api.get("/api/v1/jobs").status()).isEqualTo(200);

        // shown only once: the page now knows only the prefix, and that the token was used
        open("/account/tokens");
        assertThat(browser.findElements(By.cssSelector("code.secret"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(secret);
        WebElement row = row("HR system sync");
        assertThat(row.getText()).contains(secret.substring(0, 9)).contains("Active").doesNotContain("Never");

        WebElement revoke = row.findElement(By.cssSelector(".revoke-form button"));
        revoke.click();
        wait.until(ExpectedConditions.stalenessOf(revoke));
        assertThat(find(".alert.ok").getText()).contains("revoked");
        row = row("HR system sync");
        assertThat(row.getText()).contains("Revoked");
        assertThat(row.findElements(By.cssSelector(".revoke-form"))).isEmpty();

        assertThat(api.get("/api/v1/jobs").status()).isEqualTo(401);
    }

    private WebElement row(String name) {
        return find("table.tokens tbody tr[data-token-name='" + name + "']");
    }

    private void submit() {
        WebElement button = find("form.new-token button[type=submit]");
        try {
            button.click();
        } catch (WebDriverException replaced) {
            // Chromium can lose the node between finding and clicking it while the page settles ("does not belong
            // to the document"); the click did not happen, so click the button the page has now
            button = find("form.new-token button[type=submit]");
            button.click();
        }
        wait.until(ExpectedConditions.stalenessOf(button));
    }
}
