package io.hireflow;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to the running app over real HTTP, as an integration would: JSON in, JSON out, a bearer token or Basic. */
public final class ApiClient {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final HttpClient http = HttpClient.newHttpClient();

    private final String base;
    private final String authorization;
    private final String language;

    private ApiClient(String base, String authorization, String language) {
        this.base = base;
        this.authorization = authorization;
        this.language = language;
    }

    public static ApiClient anonymous(int port) {
        return new ApiClient("http://localhost:" + port, null, "en");
    }

    public static ApiClient bearer(int port, String token) {
        return new ApiClient("http://localhost:" + port, "Bearer " + token, "en");
    }

    public static ApiClient basic(int port, String email, String password) {
        String credentials = Base64.getEncoder().encodeToString((email + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        return new ApiClient("http://localhost:" + port, "Basic " + credentials, "en");
    }

    /** The same caller, asking for answers in another language. */
    public ApiClient inLanguage(String language) {
        return new ApiClient(base, authorization, language);
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body);
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body);
    }

    public Response patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    public Response send(String method, String path, Object body) {
        return send(method, path, "application/json, application/problem+json", "application/json",
                body == null ? null : body instanceof String raw ? raw : json.writeValueAsString(body));
    }

    /** A request with a body of another type (CSV, say), asking for answers of {@code accept}. */
    public Response send(String method, String path, String accept, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", accept)
                .header("Accept-Language", language);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body != null) {
            request.header("Content-Type", contentType);
            request.method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }

    /** An HTTP answer with its body parsed as JSON (when it is JSON). */
    public record Response(int status, String contentType, String body) {

        public JsonNode json() {
            return body == null || body.isBlank() ? json.nullNode() : json.readTree(body);
        }

        public String text(String field) {
            JsonNode node = json().path(field);
            return node.isMissingNode() || node.isNull() ? null : node.asString();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
