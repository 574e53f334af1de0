package io.hireflow;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A test in real Chromium against the whole application. Skips, saying why, only where Chromium or ChromeDriver is
 * missing ({@code apt-get install -y chromium chromium-driver}); CI always has them.
 */
public abstract class BrowserTest extends ApiTest {

    private static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");

    protected WebDriver browser;
    protected WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        assumeTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "Skipping browser test: " + CHROMIUM + " or " + CHROMEDRIVER
                        + " not found (apt-get install -y chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--disable-quic", "--window-size=1440,1000", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    protected void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    /** Signs in through the sign-in form, in English. */
    protected void signIn(String email, String password) {
        open("/login?lang=en");
        // waits for the form, as a person would, rather than reading a page still loading; says what came instead
        try {
            find("input[name=username]");
        } catch (org.openqa.selenium.TimeoutException noForm) {
            throw new AssertionError("no sign-in form at " + browser.getCurrentUrl() + " (" + browser.getTitle()
                    + "): " + browser.findElement(By.tagName("body")).getText(), noForm);
        }
        find("input[name=username]").sendKeys(email);
        find("input[name=password]").sendKeys(password);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /**
     * Signs a candidate into the portal as they would: asking for a link with their email, then opening the newest
     * link the outbox holds for them and pressing its button; on their applications.
     */
    protected void signInToPortal(JdbcClient jdbc, String email) {
        open("/portal?lang=en");
        find("#sign-in input[name=email]").sendKeys(email);
        find("#sign-in button").click();
        find("#link-sent");
        open(WebSession.portalLink(jdbc, email) + "?lang=en");
        find("#confirm-sign-in").click();
        find("#my-applications");
    }

    /** Signs out of the candidate portal, and waits until the portal says so (the sign-out is a form post). */
    protected void signOutOfPortal() {
        find("#portal-sign-out").click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in")));
    }

    protected WebElement find(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /**
     * Waits until the element shows the text, looking it up afresh each time; made for the page after a form post,
     * where Chromium may answer for an element of the page being left ("does not belong to the document").
     */
    protected void awaitText(By element, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(WebDriverException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(element, text));
    }
}
