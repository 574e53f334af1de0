package io.hireflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import io.hireflow.BrowserTest;
import io.hireflow.TestOrganizations;
import io.hireflow.TestOrganizations.Tenant;

class StaffUsersBrowserIT extends BrowserTest {

    @Test
    void anAdminAddsAUserWhoCanThenSignIn() {
        Tenant tenant = organizations.create();
        String email = "jiwoo-" + UUID.randomUUID() + "@" + tenant.slug() + ".test";
        signIn(tenant.adminEmail(), TestOrganizations.PASSWORD);
        open("/settings/users");

        // bad input is shown beside each field and adds nobody
        type("form.new-user input[name=name]", "Park Jiwoo");
        type("form.new-user input[name=email]", "not-an-email");
        type("form.new-user input[name=password]", "short");
        submit("form.new-user");
        assertThat(errorOf("email")).contains("email address");
        assertThat(errorOf("password")).contains("8 to 200");
        assertThat(find("form.new-user fieldset .field-error").getText()).contains("at least one role");
        assertThat(find("form.new-user input[name=email]").getAttribute("class")).contains("invalid");
        assertThat(find("form.new-user input[name=name]").getAttribute("value")).isEqualTo("Park Jiwoo");
        assertThat(rowOf(email)).isEmpty();

        // an email that already has an account is refused beside the email
        type("form.new-user input[name=email]", tenant.adminEmail());
        type("form.new-user input[name=password]", TestOrganizations.PASSWORD);
        find("form.new-user input[name=roles][value=RECRUITER]").click();
        submit("form.new-user");
        assertThat(errorOf("email")).contains("already exists");

        type("form.new-user input[name=email]", email);
        type("form.new-user input[name=password]", TestOrganizations.PASSWORD);
        if (!find("form.new-user input[name=roles][value=RECRUITER]").isSelected()) {
            find("form.new-user input[name=roles][value=RECRUITER]").click();
        }
        find("form.new-user input[name=roles][value=INTERVIEWER]").click();
        submit("form.new-user");

        assertThat(find(".alert.ok").getText()).contains("Park Jiwoo").contains(email);
        WebElement row = rowOf(email).orElseThrow();
        assertThat(badges(row)).contains("Recruiter", "Interviewer").doesNotContain("Admin");
        assertThat(row.getText()).contains("Active");

        browser.manage().deleteAllCookies();
        signIn(email, TestOrganizations.PASSWORD);
        assertThat(find(".whoami").getText()).isEqualTo("Park Jiwoo");
    }

    @Test
    void roleChangesAndDisablingReachTheUsersOpenSessionOnItsNextRequest() {
        Tenant tenant = organizations.create();
        String email = "seojun-" + UUID.randomUUID() + "@" + tenant.slug() + ".test";
        var created = tenant.admin().post("/api/v1/users", Map.of("email", email, "name", "Lee Seojun",
                "password", TestOrganizations.PASSWORD, "roles", List.of("ADMIN")));
        assertThat(created.status()).isEqualTo(201);

        signIn(email, TestOrganizations.PASSWORD);
        open("/settings");
        assertThat(find("h1").getText()).isEqualTo("Settings");
        Set<Cookie> colleague = browser.manage().getCookies();

        browser.manage().deleteAllCookies();
        signIn(tenant.adminEmail(), TestOrganizations.PASSWORD);
        Set<Cookie> admin = browser.manage().getCookies();
        open("/settings/users");
        changeRoles(email, "RECRUITER");
        assertThat(find(".alert.ok").getText()).contains("Lee Seojun");
        assertThat(badges(rowOf(email).orElseThrow())).containsExactly("Recruiter");

        // an admin cannot take away their own admin role, and nothing changes
        changeRoles(tenant.adminEmail(), "RECRUITER");
        assertThat(find(".alert.error").getText()).isEqualTo("You cannot remove your own admin role.");
        assertThat(badges(rowOf(tenant.adminEmail()).orElseThrow())).contains("Admin");

        // the colleague's open session has lost the admin role at once
        resume(colleague);
        open("/settings");
        assertThat(find("h1").getText()).isEqualTo("Not allowed");
        open("/");
        assertThat(find(".whoami").getText()).isEqualTo("Lee Seojun");

        resume(admin);
        open("/settings/users");
        rowOf(email).orElseThrow().findElement(By.cssSelector(".enabled-form button")).click();
        assertThat(find(".alert.ok").getText()).contains("Lee Seojun").contains("disabled");
        assertThat(rowOf(email).orElseThrow().getText()).contains("Disabled");

        // an admin cannot disable themselves
        rowOf(tenant.adminEmail()).orElseThrow().findElement(By.cssSelector(".enabled-form button")).click();
        assertThat(find(".alert.error").getText()).isEqualTo("You cannot disable yourself.");
        assertThat(rowOf(tenant.adminEmail()).orElseThrow().getText()).contains("Active");

        // the disabled colleague's open session ends on its next request
        resume(colleague);
        open("/");
        wait.until(ExpectedConditions.urlContains("/login"));
        assertThat(browser.findElements(By.cssSelector(".whoami"))).isEmpty();
    }

    private void changeRoles(String email, String... roles) {
        WebElement row = rowOf(email).orElseThrow();
        row.findElement(By.cssSelector("details summary")).click();
        for (WebElement box : row.findElements(By.cssSelector(".roles-form input[name=roles]"))) {
            boolean wanted = List.of(roles).contains(box.getAttribute("value"));
            if (box.isSelected() != wanted) {
                box.click();
            }
        }
        row.findElement(By.cssSelector(".roles-form button[type=submit]")).click();
    }

    /** Goes back to a session kept earlier, as if that person clicked again in their own browser. */
    private void resume(Set<Cookie> session) {
        browser.manage().deleteAllCookies();
        session.forEach(cookie -> browser.manage().addCookie(cookie));
    }

    private java.util.Optional<WebElement> rowOf(String email) {
        return browser.findElements(By.cssSelector("table.users tbody tr")).stream()
                .filter(row -> email.equals(row.getAttribute("data-email"))).findFirst();
    }

    private static List<String> badges(WebElement row) {
        return row.findElements(By.cssSelector("td.roles > .badge")).stream().map(WebElement::getText).toList();
    }

    private String errorOf(String field) {
        return find("form.new-user input[name=" + field + "] ~ .field-error").getText();
    }

    private void type(String css, String text) {
        WebElement input = find(css);
        input.clear();
        input.sendKeys(text);
    }

    private void submit(String form) {
        WebElement button = find(form + " button[type=submit]");
        button.click();
        wait.until(ExpectedConditions.stalenessOf(button));
    }
}
