package ca.eeradar.scoring.profiles;

import ca.eeradar.crs.Profile;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The stored form of a profile: the profile JSON v1, written from the validated {@link Profile}
 * (so what is stored is exactly what was scored) and read back on the evaluation's hot path with a
 * pre-built reader (thread-safe, no per-call lookup).
 */
public final class ProfileJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private static final ObjectReader READER = MAPPER.readerFor(Profile.class);

    private ProfileJson() {}

    public static String write(Profile profile) {
        try {
            return MAPPER.writeValueAsString(profile);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write profile", e);
        }
    }

    public static Profile read(byte[] json) {
        try {
            return READER.readValue(json);
        } catch (IOException e) {
            throw new UncheckedIOException("stored profile unreadable: " + e.getMessage(), e);
        }
    }

    public static Profile read(String json) {
        try {
            return READER.readValue(json);
        } catch (IOException e) {
            throw new UncheckedIOException("stored profile unreadable: " + e.getMessage(), e);
        }
    }
}
