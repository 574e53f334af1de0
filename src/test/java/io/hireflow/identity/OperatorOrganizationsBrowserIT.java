package io.hireflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import io.hireflow.BrowserTest;
import io.hireflow.TestOrganizations;

class OperatorOrganizationsBrowserIT extends BrowserTest {

    @Test
    void theOperatorCreatesAnOrganizationWhoseAdminCanSignIn() {
        String slug = "o-" + UUID.randomUUID().toString().substring(0, 13);
        String adminEmail = "hana@" + slug + ".test";
        signIn(TestOrganizations.OPERATOR_EMAIL, TestOrganizations.OPERATOR_PASSWORD);
        open("/operator/organizations");

        // a taken address name is refused beside the field, and nothing is created
        String taken = organizations.create().slug();
        type("name", "Dalbit Logistics");
        type("slug", taken);
        type("adminEmail", adminEmail);
        type("adminName", "Choi Hana");
        type("adminPassword", TestOrganizations.PASSWORD);
        submit();
        assertThat(find("form.new-organization input[name=slug] ~ .field-error").getText()).contains(taken)
                .contains("already taken");
        assertThat(browser.findElements(By.cssSelector("tr[data-slug='" + slug + "']"))).isEmpty();

        type("slug", slug);
        type("adminPassword", TestOrganizations.PASSWORD);
        new Select(find("form.new-organization select[name=defaultLocale]")).selectByValue("en");
        submit();

        assertThat(find(".alert.ok").getText()).contains("Dalbit Logistics").contains(adminEmail);
        WebElement row = find("table.organizations tr[data-slug='" + slug + "']");
        assertThat(row.getText()).contains("Dalbit Logistics").contains("English").contains("Asia/Seoul");

        browser.manage().deleteAllCookies();
        signIn(adminEmail, TestOrganizations.PASSWORD);
        assertThat(find(".whoami").getText()).isEqualTo("Choi Hana");
        open("/operator/organizations");
        assertThat(find("h1").getText()).isEqualTo("Not allowed");
    }

    private void type(String field, String text) {
        WebElement input = find("form.new-organization input[name=" + field + "]");
        input.clear();
        input.sendKeys(text);
    }

    private void submit() {
        WebElement button = find("form.new-organization button[type=submit]");
        button.click();
        wait.until(ExpectedConditions.stalenessOf(button));
    }
}
