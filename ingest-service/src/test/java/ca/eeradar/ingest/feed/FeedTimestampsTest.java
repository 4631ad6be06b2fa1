package ca.eeradar.ingest.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every free-text variant of docs/crs-rules.md#rounds-feed, as found in the feed copy (round in the comment). */
class FeedTimestampsTest {
    static final LocalDate ROUND = LocalDate.of(2026, 8, 19);

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', textBlock = """
            January 07, 2026 at 15:20:33 UTC            | 2026-01-07T15:20:33Z
            August 7, 2026 at 10:08:20 UTC              | 2026-08-07T10:08:20Z
            August 19th 2026 at 12:35:37 UTC            | 2026-08-19T12:35:37Z
            July 3rd 2026 at 21:35:13 UTC               | 2026-07-03T21:35:13Z
            October 15, 2025 15:55:18 UTC               | 2025-10-15T15:55:18Z
            January 23, 2025 at 2025-01-23 15:30:04 UTC | 2025-01-23T15:30:04Z
            May 31, 2024 at12:48:30 UTC                 | 2024-05-31T12:48:30Z
            October 25, 2023 at 15:48:39 AM UTC         | 2023-10-25T15:48:39Z
            September 30, 2023 at 04:22:17 AM UTC       | 2023-09-30T04:22:17Z
            June 22, 2021 at 20:19:59 PM UTC            | 2021-06-22T20:19:59Z
            June 22, 2021 at 08:19:59 PM UTC            | 2021-06-22T20:19:59Z
            June 22, 2021 at 12:05:00 AM UTC            | 2021-06-22T00:05:00Z
            April 26,2023 18:10:04 UTC                  | 2023-04-26T18:10:04Z
            'May 21, 2026 at  12:14:09 UTC'             | 2026-05-21T12:14:09Z
            'April 13, 2026  at 23:10:05 UTC'           | 2026-04-13T23:10:05Z
            March 05, 2025 at 05:10:48                  | 2025-03-05T05:10:48Z
            March 02. 2024 at 01:58:34 UTC              | 2024-03-02T01:58:34Z
            March 01, 2023, at 17:24:39 UTC             | 2023-03-01T17:24:39Z
            February 02 2022 at 14:16:27 UTC            | 2022-02-02T14:16:27Z
            ' July 13, 2016 at 13:56:45 UTC'            | 2016-07-13T13:56:45Z
            'July 04, 2023 at 19:36:18 UTC '            | 2023-07-04T19:36:18Z
            'October 18, 2025 at  7:18:52 UTC'          | 2025-10-18T07:18:52Z
            September 05, 2025 at 0:59:13 UTC           | 2025-09-05T00:59:13Z
            October 7 at 16:38:21 UTC                   | 2025-10-07T16:38:21Z
            August 20 at 16:38:21 UTC                   | 2025-08-20T16:38:21Z
            19 août 2026 à 12:35:37 UTC                 | 2026-08-19T12:35:37Z
            """)
    void variants(String text, Instant expected) {
        assertEquals(expected, FeedTimestamps.instant(text, ROUND));
    }

    @Test
    void blankIsNoTieBreak() {
        assertNull(FeedTimestamps.instant("", ROUND));
        assertNull(FeedTimestamps.instant("   ", ROUND));
        assertNull(FeedTimestamps.instant(null, ROUND));
    }

    @Test
    void datesOfThePoolSnapshot() {
        assertEquals(LocalDate.of(2026, 8, 16), FeedTimestamps.date("August 16, 2026", ROUND));
        assertEquals(LocalDate.of(2026, 8, 3), FeedTimestamps.date("August 3, 2026", ROUND));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "sometime soon",
                "February 30, 2026 at 10:00:00 UTC",
                "January 5, 2026 at 10:00:00 EST",
                "Smarch 5, 2026 at 10:00:00 UTC",
                "January 5, 2026",
                "January 5, 2026 at 25:00:00 UTC",
                "2026-01-05"
            })
    void refused(String text) {
        assertThrows(IllegalArgumentException.class, () -> FeedTimestamps.instant(text, ROUND));
    }
}
