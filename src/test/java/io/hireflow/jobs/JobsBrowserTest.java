package io.hireflow.jobs;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;

import io.hireflow.BrowserTest;

/** What the jobs pages' browser tests share: pressing buttons that post a form, and reading fields by name. */
abstract class JobsBrowserTest extends BrowserTest {

    /** Clicks a button that posts its form and waits until the page it posted to replaced this one. */
    protected void submitWith(WebElement button) {
        // the sticky top bar may cover a button at the top edge, where a plain click would scroll it
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
        wait.until(driver -> {
            try {
                button.isEnabled();
                return false;
            } catch (StaleElementReferenceException replaced) {
                return true;
            } catch (WebDriverException midNavigation) {
                return false;
            }
        });
    }

    /** Presses a button of the stage editor ({@code up:2}, {@code add}, {@code save}, ...). */
    protected void press(String op) {
        submitWith(find("button[name=op][value='" + op + "']"));
    }

    protected void type(String name, String text) {
        WebElement field = find("[name='" + name + "']");
        field.clear();
        field.sendKeys(text);
    }

    protected String value(String name) {
        return find("[name='" + name + "']").getAttribute("value");
    }

    /** The problem shown beside a field. */
    protected String errorBeside(String css) {
        return find(css).findElement(By.xpath("following-sibling::span[@class='field-error']")).getText();
    }
}
