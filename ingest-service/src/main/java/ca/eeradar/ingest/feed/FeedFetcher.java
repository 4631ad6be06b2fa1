package ca.eeradar.ingest.feed;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Fetches a feed document from http(s)://, file: or classpath: with a conditional GET (If-None-Match /
 * If-Modified-Since): IRCC's file changes a few times a month, and a 304 costs neither bandwidth nor an import.
 */
public class FeedFetcher {
    /** The answer: a body, or nothing because the document did not change since the validators given. */
    public record Fetched(boolean notModified, byte[] body, String etag, String lastModified) {}

    private final HttpClient client;
    private final Duration readTimeout;
    private final int maxBytes;

    public FeedFetcher(Duration connectTimeout, Duration readTimeout, int maxBytes) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.readTimeout = readTimeout;
        this.maxBytes = maxBytes;
    }

    public Fetched fetch(String url, String etag, String lastModified) throws IOException {
        if (url.startsWith("classpath:")) {
            String resource = url.substring("classpath:".length()).replaceFirst("^/", "");
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            InputStream found = loader == null ? null : loader.getResourceAsStream(resource);
            try (InputStream in =
                    found != null ? found : FeedFetcher.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new FileNotFoundException("no " + resource + " on the classpath");
                }
                return new Fetched(false, limited(in.readNBytes(maxBytes + 1)), null, null);
            }
        }
        URI uri = URI.create(url);
        if ("file".equals(uri.getScheme())) {
            Path path = Path.of(uri);
            if (Files.size(path) > maxBytes) {
                throw new IOException(url + " is larger than " + maxBytes + " bytes");
            }
            return new Fetched(false, Files.readAllBytes(path), null, null);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IOException("unsupported feed URL " + url + " (http, https, file or classpath)");
        }
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(readTimeout).GET().header("Accept", "application/json");
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            request.header("If-Modified-Since", lastModified);
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        try (InputStream in = response.body()) {
            if (response.statusCode() == 304) {
                return new Fetched(true, null, etag, lastModified);
            }
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode() + " from " + url);
            }
            byte[] body = limited(in.readNBytes(maxBytes + 1));
            return new Fetched(
                    false,
                    body,
                    response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null));
        }
    }

    private byte[] limited(byte[] body) throws IOException {
        if (body.length > maxBytes) {
            throw new IOException("feed larger than " + maxBytes + " bytes");
        }
        return body;
    }
}
