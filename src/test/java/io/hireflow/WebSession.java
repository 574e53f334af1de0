package io.hireflow;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A browser session over plain HTTP: cookies, the sign-in form and CSRF tokens, without JavaScript. For checking
 * what the UI answers to whom; real browser behaviour is tested in Chromium.
 */
public final class WebSession {

    private static final Pattern PORTAL_LINK = Pattern.compile("/portal/sign-in/[A-Za-z0-9_-]{20,}");
    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    // the CSRF token of the last page seen in each part of the site: the careers site keeps its token in a cookie and
    // the staff pages and the portal in the session, so (as in a browser) a form posts the token of its own part
    private final Map<Boolean, String> csrf = new java.util.HashMap<>();

    public WebSession(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * A candidate signed into the portal the way they are: asking for a link, and using the link that the outbox
     * holds for them (the newest).
     */
    public static WebSession portal(int port, JdbcClient jdbc, String email) {
        WebSession browser = new WebSession(port);
        browser.get("/portal");
        browser.post("/portal/sign-in", Map.of("email", email));
        String link = portalLink(jdbc, email);
        browser.get(link);
        if (browser.post(link, Map.of()).statusCode() != 302) {
            throw new IllegalStateException("the portal did not sign " + email + " in");
        }
        return browser;
    }

    /** The path of the newest portal sign-in link sent to the email. */
    public static String portalLink(JdbcClient jdbc, String email) {
        String body = jdbc.sql("""
                select body_text from outbound_message where event = 'PORTAL_SIGN_IN' and lower(recipient) = ?
                  and organization_id is null
                order by created_at desc limit 1""").param(email.toLowerCase()).query(String.class).single();
        Matcher link = PORTAL_LINK.matcher(body);
        if (!link.find()) {
            throw new IllegalStateException("no sign-in link in " + body);
        }
        return link.group();
    }

    /** Signs in through the form; answers the response of the form post (a redirect either way). */
    public HttpResponse<String> signIn(String email, String password) {
        get("/login");
        return post("/login", Map.of("username", email, "password", password));
    }

    public HttpResponse<String> get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        Matcher token = CSRF.matcher(response.body());
        if (token.find()) {
            csrf.put(careers(path), token.group(1));
        }
        return response;
    }

    /** A form post carrying the CSRF token of the last page seen in its part of the site. */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        return post(path, List.copyOf(form.entrySet()));
    }

    /** A form post whose fields may repeat (several checked boxes of one name), in the order given. */
    public HttpResponse<String> post(String path, List<Map.Entry<String, String>> form) {
        String body = form.stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        String token = csrf.get(careers(path));
        if (token != null) {
            body = body + (body.isEmpty() ? "" : "&") + "_csrf=" + encode(token);
        }
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A form post without the CSRF token, as a forged cross-site request would come. */
    public HttpResponse<String> postWithoutCsrf(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A file of a multipart form: the field, the name the browser sends, the type it declares, the bytes. */
    public record FilePart(String field, String filename, String contentType, byte[] bytes) {
    }

    /**
     * A multipart form post (text fields and files) carrying the CSRF token of the last page seen in its part of the
     * site.
     */
    public HttpResponse<String> postMultipart(String path, Map<String, String> fields, List<FilePart> files) {
        String boundary = "----hireflow" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        Map<String, String> all = new java.util.LinkedHashMap<>(fields);
        String token = csrf.get(careers(path));
        if (token != null) {
            all.put("_csrf", token);
        }
        all.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        for (FilePart file : files) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field()
                    + "\"; filename=\"" + file.filename() + "\"\r\nContent-Type: " + file.contentType()
                    + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.bytes());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static boolean careers(String path) {
        return path.startsWith("/careers/");
    }

    public String sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("SESSION"))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
