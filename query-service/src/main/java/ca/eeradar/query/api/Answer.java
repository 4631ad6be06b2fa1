package ca.eeradar.query.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.function.BiConsumer;
import java.util.zip.GZIPOutputStream;

/**
 * One serialized answer, as computed under one read-model version: its JSON bytes, their gzip form
 * (compressed once per answer, not once per request), a strong ETag (SHA-256 of the JSON bytes) and
 * its Cache-Control.
 *
 * @param template the path template of the request that computed it, for the HTTP metrics
 */
record Answer(long version, byte[] body, byte[] gzipped, String etag, String cacheControl, String template) {

    static Answer of(long version, byte[] body, String cacheControl, String template) {
        return new Answer(version, body, gzip(body), etag(body), cacheControl, template);
    }

    /**
     * The headers of this answer to a request with these {@code If-None-Match} and {@code Accept-Encoding},
     * into {@code header}; answers the body to send, null for a 304. Both ways out (REST and memory) write
     * through this, so an answer from memory is the REST answer header for header.
     */
    byte[] write(String ifNoneMatch, String acceptEncoding, BiConsumer<String, String> header) {
        header.accept(HttpHeaders.ETAG, etag);
        header.accept(HttpHeaders.CACHE_CONTROL, cacheControl);
        if (matches(ifNoneMatch, etag)) {
            return null;
        }
        header.accept(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        header.accept(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        // The HTTP layer leaves a response that already has a Content-Encoding alone. The ETag stays
        // the one of the JSON bytes.
        if (acceptEncoding != null && acceptEncoding.contains("gzip")) {
            header.accept(HttpHeaders.CONTENT_ENCODING, "gzip");
            return gzipped;
        }
        return body;
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 2 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
