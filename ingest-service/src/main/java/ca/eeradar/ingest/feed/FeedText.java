package ca.eeradar.ingest.feed;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes of a feed document to text. IRCC has served its feeds both as UTF-8 and as Windows-1252
 * (docs/crs-rules.md#rounds-feed: the French feed), without saying which: strict UTF-8 first, and only bytes that
 * are not valid UTF-8 are read as cp1252. A UTF-8 byte-order mark is dropped.
 */
public final class FeedText {
    static final Charset CP1252 = Charset.forName("windows-1252");

    private FeedText() {}

    public static String decode(byte[] bytes) {
        int start =
                bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
                        ? 3
                        : 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(buffer)
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, start, bytes.length - start, CP1252);
        }
    }
}
