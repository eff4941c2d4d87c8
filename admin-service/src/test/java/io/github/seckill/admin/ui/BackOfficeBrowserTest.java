package io.github.seckill.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import io.github.seckill.admin.AdminIntegrationTest;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.redis.Reservations;

/**
 * The back office in a real browser against the whole service (MySQL, Redis), with order-service and
 * compensation-service answered by {@link UpstreamStub}: log in, create a product and a sale, prewarm,
 * see it on the dashboard, close it; a VIEWER sees no edit buttons and is refused the POSTs. Saves a
 * screenshot of each main page under target/screenshots.
 */
@TestPropertySource(properties = "seckill.admin.ui.poll-interval=500ms")
class BackOfficeBrowserTest extends AdminIntegrationTest {

    private static final UpstreamStub upstream = new UpstreamStub();
    private static ChromeDriver browser;

    @LocalServerPort
    private int port;

    @Autowired
    private Reservations reservations;

    @Autowired
    private StringRedisTemplate redis;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("seckill.order-service.url", upstream::url);
        registry.add("seckill.compensation.url", upstream::url);
    }

    @BeforeAll
    static void open() throws Exception {
        assumeTrue(Browser.installed(), Browser.MISSING);
        browser = Browser.start();
    }

    @AfterAll
    static void quit() {
        if (browser != null) {
            browser.quit();
        }
        upstream.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private WebDriverWait await() {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    private void logIn(String user, String password) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login?lang=en"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login")).click();
        await().until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard")));
    }

    @Test
    void adminRunsASaleAndAViewerOnlyLooks() throws Exception {
        browser.get(url("/login"));
        Browser.screenshot(browser, "01-login");
        logIn("admin", "admin");

        // product: a bad one first, the messages sit next to the fields
        browser.get(url("/products/new"));
        browser.findElement(By.id("price")).sendKeys("-1");
        browser.findElement(By.id("save")).click();
        await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("label.invalid em.error")));
        assertThat(browser.findElements(By.cssSelector("label.invalid em.error"))).hasSizeGreaterThanOrEqualTo(2);
        Browser.screenshot(browser, "02-product-invalid");
        browser.findElement(By.id("name")).sendKeys("Phone X");
        browser.findElement(By.id("price")).clear();
        browser.findElement(By.id("price")).sendKeys("199.90");
        browser.findElement(By.id("save")).click();
        // the list the form redirects to; the click may return before it is loaded
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("tbody"), "Phone X"));
        assertThat(browser.findElement(By.tagName("tbody")).getText()).contains("Phone X", "199.90");
        Browser.screenshot(browser, "03-products");

        // sale: started a minute ago, an hour long
        browser.get(url("/sales/new"));
        new Select(browser.findElement(By.id("productId"))).selectByVisibleText("Phone X");
        browser.findElement(By.id("title")).sendKeys("Launch day");
        browser.findElement(By.id("price")).sendKeys("9.90");
        browser.findElement(By.id("stock")).sendKeys("100");
        browser.findElement(By.id("limitPerUser")).sendKeys("2");
        LocalDateTime start = LocalDateTime.now(ZoneOffset.UTC).minusMinutes(1).truncatedTo(ChronoUnit.SECONDS);
        type("startAt", start.toString());
        type("endAt", start.plusHours(1).toString());
        Browser.screenshot(browser, "04-sale-form");
        browser.findElement(By.id("save")).click();
        await().until(ExpectedConditions.presenceOfElementLocated(By.id("live")));
        String saleUrl = browser.getCurrentUrl();
        long saleId = Long.parseLong(saleUrl.substring(saleUrl.lastIndexOf('/') + 1));

        try {
            browser.findElement(By.id("prewarm")).click();
            await().until(ExpectedConditions.textToBe(By.id("status"), "PREWARMED"));
            assertThat(browser.findElement(By.id("redis-keys")).getText())
                    .contains(reservations.keys(new SaleId(saleId)).meta(), "total=100", "status=OPEN");
            await().until(d -> d.findElement(By.cssSelector("#curve polyline")) != null);
            Browser.screenshot(browser, "05-sale-live");

            browser.get(url("/"));
            WebElement row = browser.findElement(By.cssSelector("#sales tr[data-id='" + saleId + "']"));
            assertThat(row.getText()).contains("Launch day", "PREWARMED", "100");
            String first = browser.findElement(By.id("updated")).getText();
            await().until(d -> !d.findElement(By.id("updated")).getText().equals(first));
            assertThat(browser.findElement(By.id("dlqBacklog")).getText()).isEqualTo("3");
            assertThat(browser.findElement(By.id("hangingTransactions")).getText()).isEqualTo("2");
            Browser.screenshot(browser, "06-dashboard");
            browser.manage().window().setSize(new Dimension(820, 1180));
            Browser.screenshot(browser, "06b-dashboard-tablet");
            browser.manage().window().setSize(new Dimension(1280, 900));

            for (String page : List.of("/sales", "/orders", "/orders/7340032000000000123", "/failed-orders",
                    "/failed-orders/policy", "/stuck", "/audit", "/users")) {
                browser.get(url(page));
                assertThat(browser.findElements(By.cssSelector("main.content"))).as(page).isNotEmpty();
                Browser.screenshot(browser, "07" + page.replace('/', '-'));
            }
            browser.get(url("/orders/7340032000000000123"));
            assertThat(browser.findElement(By.id("xid")).getText()).isEqualTo("192.168.0.7:8091:2612");

            // a VIEWER account, made through the UI
            browser.get(url("/users"));
            browser.findElement(By.id("username")).sendKeys("watcher");
            browser.findElement(By.id("password")).sendKeys("watcher-pass");
            browser.findElement(By.cssSelector("input[name='roles'][value='VIEWER']")).click();
            browser.findElement(By.cssSelector("form[action$='/users'] button[type='submit']")).click();
            await().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "watcher"));

            browser.get(url("/sales/" + saleId));
            browser.findElement(By.id("close")).click();
            await().until(ExpectedConditions.textToBe(By.id("status"), "CLOSED"));

            browser.get(url("/?lang=zh_CN"));
            assertThat(browser.findElement(By.cssSelector("nav.menu")).getText()).contains("仪表盘", "秒杀活动");
            Browser.screenshot(browser, "08-dashboard-zh");
            browser.get(url("/?lang=en"));

            logIn("watcher", "watcher-pass");
            browser.get(url("/sales"));
            assertThat(browser.findElements(By.id("new-sale"))).isEmpty();
            assertThat(browser.findElements(By.cssSelector("td.actions"))).isEmpty();
            browser.get(url("/sales/" + saleId));
            assertThat(browser.findElements(By.id("prewarm"))).isEmpty();
            assertThat(postFromPage("/sales/" + saleId + "/prewarm")).isEqualTo(403);
            assertThat(postFromPage("/products")).isEqualTo(403);
            Browser.screenshot(browser, "09-viewer-sale");
            assertThat(jdbc.queryForObject("SELECT status FROM activities WHERE id = ?", String.class, saleId))
                    .isEqualTo("CLOSED");
        } finally {
            var k = reservations.keys(new SaleId(saleId));
            redis.delete(List.of(k.meta(), k.stock(), k.buyers(), k.ledger(), k.pending()));
        }
    }

    /** datetime-local inputs take their value in an ISO form only through script, whatever the locale. */
    private void type(String id, String value) {
        browser.executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, value);
    }

    /** A POST with the page's own CSRF token, as a forged button would send it; answers the HTTP status. */
    private long postFromPage(String path) {
        Object status = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const token = document.querySelector("input[name='_csrf']").value;
                fetch(arguments[0], {method: 'POST', redirect: 'manual',
                    headers: {'Content-Type': 'application/x-www-form-urlencoded'},
                    body: '_csrf=' + encodeURIComponent(token) + '&name=x&price=1'}).then(r => done(r.status));
                """, path);
        return (Long) status;
    }
}
