package ca.eeradar.ingest.feed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.eeradar.localinfra.SharedData;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Conditional GET, timeouts and errors against a local HTTP server serving the real feed copy. */
class FeedFetcherTest {
    HttpServer server;
    byte[] feed;
    final List<String> ifNoneMatch = new CopyOnWriteArrayList<>();
    final CountDownLatch never = new CountDownLatch(1);

    @BeforeEach
    void serve() throws IOException {
        feed = Files.readAllBytes(SharedData.path("data/ircc/ee_rounds_123_en.json"));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/feed.json", exchange -> {
            String tag = exchange.getRequestHeaders().getFirst("If-None-Match");
            ifNoneMatch.add(String.valueOf(tag));
            if ("\"v1\"".equals(tag)) {
                exchange.sendResponseHeaders(304, -1);
            } else {
                exchange.getResponseHeaders().add("ETag", "\"v1\"");
                exchange.getResponseHeaders().add("Last-Modified", "Wed, 19 Aug 2026 13:00:00 GMT");
                exchange.sendResponseHeaders(200, feed.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(feed);
                }
            }
            exchange.close();
        });
        server.createContext("/broken.json", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.createContext("/slow.json", exchange -> {
            try {
                never.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        never.countDown();
        server.stop(0);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void conditionalGetAnswersNotModifiedTheSecondTime() throws IOException {
        FeedFetcher fetcher = new FeedFetcher(Duration.ofSeconds(2), Duration.ofSeconds(5), 5_000_000);
        FeedFetcher.Fetched first = fetcher.fetch(url("/feed.json"), null, null);
        assertFalse(first.notModified());
        assertArrayEquals(feed, first.body());
        assertEquals("\"v1\"", first.etag());
        assertEquals("Wed, 19 Aug 2026 13:00:00 GMT", first.lastModified());
        FeedFetcher.Fetched second = fetcher.fetch(url("/feed.json"), first.etag(), first.lastModified());
        assertTrue(second.notModified());
        assertEquals(List.of("null", "\"v1\""), ifNoneMatch);
    }

    @Test
    void errorsTimeoutsAndOversizedBodiesFail() {
        FeedFetcher fetcher = new FeedFetcher(Duration.ofSeconds(2), Duration.ofMillis(500), 5_000_000);
        assertTrue(assertThrows(IOException.class, () -> fetcher.fetch(url("/broken.json"), null, null))
                .getMessage()
                .contains("HTTP 503"));
        assertThrows(HttpTimeoutException.class, () -> fetcher.fetch(url("/slow.json"), null, null));
        FeedFetcher small = new FeedFetcher(Duration.ofSeconds(2), Duration.ofSeconds(5), 1024);
        assertThrows(IOException.class, () -> small.fetch(url("/feed.json"), null, null));
        assertThrows(IOException.class, () -> fetcher.fetch("ftp://example.invalid/feed.json", null, null));
    }

    @Test
    void classpathAndFileUrls() throws IOException {
        FeedFetcher fetcher = new FeedFetcher(Duration.ofSeconds(2), Duration.ofSeconds(5), 5_000_000);
        assertArrayEquals(
                feed,
                fetcher.fetch("classpath:feed/ee_rounds_123_en.json", null, null)
                        .body());
        Path file = SharedData.path("data/ircc/ee_rounds_123_en.json");
        assertArrayEquals(
                feed, fetcher.fetch(file.toUri().toString(), null, null).body());
        assertThrows(IOException.class, () -> fetcher.fetch("classpath:feed/missing.json", null, null));
    }

    @Test
    void backoffDoublesUpToItsCap() {
        Duration initial = Duration.ofSeconds(10);
        Duration max = Duration.ofMinutes(10);
        Duration interval = Duration.ofMinutes(15);
        assertEquals(Duration.ofSeconds(10), FeedPoller.backoff(initial, max, interval, 1));
        assertEquals(Duration.ofSeconds(20), FeedPoller.backoff(initial, max, interval, 2));
        assertEquals(Duration.ofSeconds(80), FeedPoller.backoff(initial, max, interval, 4));
        assertEquals(max, FeedPoller.backoff(initial, max, interval, 30));
        assertEquals(Duration.ofMinutes(1), FeedPoller.backoff(initial, max, Duration.ofMinutes(1), 30));
    }
}
