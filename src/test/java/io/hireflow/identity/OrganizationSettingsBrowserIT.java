package io.hireflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import io.hireflow.BrowserTest;
import io.hireflow.TestOrganizations;
import io.hireflow.TestOrganizations.Tenant;

class OrganizationSettingsBrowserIT extends BrowserTest {

    @Test
    void anAdminRenamesTheOrganizationAndPicksItsLanguageAndTimeZone() {
        Tenant tenant = organizations.create();
        signIn(tenant.adminEmail(), TestOrganizations.PASSWORD);
        open("/settings");
        assertThat(browser.findElements(By.cssSelector("a.tile-link")).stream().map(a -> a.getAttribute("href"))
                .toList()).anyMatch(href -> href.endsWith("/settings/organization"))
                .anyMatch(href -> href.endsWith("/settings/users"))
                .anyMatch(href -> href.endsWith("/settings/rejection-reasons"))
                .anyMatch(href -> href.endsWith("/settings/pipeline-templates"));
        find("a.tile-link[href$='/settings/organization']").click();

        // a time zone Java does not know is refused by the service, beside the field
        WebElement zones = find("select[name=timeZone]");
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].add(new Option('Mars/Olympus', 'Mars/Olympus', true, true))", zones);
        submit();
        assertThat(find("select[name=timeZone] ~ .field-error").getText()).contains("Mars/Olympus");
        assertThat(find("select[name=timeZone]").getAttribute("class")).contains("invalid");

        WebElement name = find("input[name=name]");
        name.clear();
        submit();
        assertThat(find("input[name=name] ~ .field-error").getText()).isEqualTo("is required");

        find("input[name=name]").sendKeys("Byeol Studio");
        new Select(find("select[name=defaultLocale]")).selectByValue("en");
        new Select(find("select[name=timeZone]")).selectByValue("Europe/Berlin");
        submit();

        assertThat(find(".alert.ok").getText()).isEqualTo("The organization settings were saved.");
        assertThat(find("input[name=name]").getAttribute("value")).isEqualTo("Byeol Studio");
        assertThat(new Select(find("select[name=defaultLocale]")).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("en");
        assertThat(new Select(find("select[name=timeZone]")).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("Europe/Berlin");
        assertThat(tenant.admin().get("/api/v1/organizations").status()).isEqualTo(403);
    }

    private void submit() {
        WebElement button = find("form button.primary[type=submit]");
        button.click();
        wait.until(ExpectedConditions.stalenessOf(button));
    }
}
