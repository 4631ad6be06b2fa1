package ca.eeradar.ingest.feed;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IRCC's free-text dates and times (drawDateTime, drawCutOff, drawDistributionAsOn), docs/crs-rules.md#rounds-feed.
 * Seen in the 438 rounds of the feed copy, and all accepted here:
 * <ul>
 * <li>"January 07, 2026 at 15:20:33 UTC", "August 7, 2026 at ...", "October 18, 2025 at  7:18:52 UTC" (one-digit
 * hour, doubled spaces), " July 13, 2016 ..." and "... UTC " (stray spaces);</li>
 * <li>ordinals without comma: "August 19th 2026 at ...", "July 3rd 2026 at ...";</li>
 * <li>no "at": "October 15, 2025 15:55:18 UTC"; "at" glued to the time: "May 31, 2024 at12:48:30 UTC";
 * ", at": "March 01, 2023, at 17:24:39 UTC"; no space after the comma: "April 26,2023 ...";
 * a period instead of the comma: "March 02. 2024 ..."; no comma at all: "February 02 2022 ...";</li>
 * <li>an ISO date repeated inside: "January 23, 2025 at 2025-01-23 15:30:04 UTC" (the ISO date wins);</li>
 * <li>no "UTC": "March 05, 2025 at 05:10:48" (IRCC publishes these times in UTC);</li>
 * <li>a 24-hour time with a stray meridiem: "15:48:39 AM UTC", "20:19:59 PM UTC" (the 24-hour value wins;
 * a real 12-hour time "04:22:17 AM" reads as 04:22:17);</li>
 * <li>no year: "October 7 at 16:38:21 UTC" (#208): the latest such day on or before the round's date.</li>
 * </ul>
 * French month names ("19 août 2026 à 12:35:37 UTC") are read too, for the French copy of the feed.
 * Anything else left over (another time zone, a word) is refused rather than guessed.
 */
public final class FeedTimestamps {
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("january", 1),
            Map.entry("february", 2),
            Map.entry("march", 3),
            Map.entry("april", 4),
            Map.entry("may", 5),
            Map.entry("june", 6),
            Map.entry("july", 7),
            Map.entry("august", 8),
            Map.entry("september", 9),
            Map.entry("october", 10),
            Map.entry("november", 11),
            Map.entry("december", 12),
            Map.entry("jan", 1),
            Map.entry("feb", 2),
            Map.entry("mar", 3),
            Map.entry("apr", 4),
            Map.entry("jun", 6),
            Map.entry("jul", 7),
            Map.entry("aug", 8),
            Map.entry("sep", 9),
            Map.entry("sept", 9),
            Map.entry("oct", 10),
            Map.entry("nov", 11),
            Map.entry("dec", 12),
            Map.entry("janvier", 1),
            Map.entry("février", 2),
            Map.entry("fevrier", 2),
            Map.entry("mars", 3),
            Map.entry("avril", 4),
            Map.entry("mai", 5),
            Map.entry("juin", 6),
            Map.entry("juillet", 7),
            Map.entry("août", 8),
            Map.entry("aout", 8),
            Map.entry("septembre", 9),
            Map.entry("octobre", 10),
            Map.entry("novembre", 11),
            Map.entry("décembre", 12),
            Map.entry("decembre", 12));

    private static final Pattern ISO_DATE = Pattern.compile("(?<![\\d-])(\\d{4})-(\\d{2})-(\\d{2})(?![\\d-])");
    private static final Pattern TIME = Pattern.compile(
            "(?<!\\d)(\\d{1,2})\\s*[:h]\\s*(\\d{2})(?:\\s*:\\s*(\\d{2}))?(?!\\d)\\s*(a\\.?m\\.?|p\\.?m\\.?)?(?![a-z])");
    private static final Pattern ZONE = Pattern.compile("(?<![a-z])(utc|gmt|z)(?![a-z])");
    private static final Pattern MONTH_FIRST =
            Pattern.compile("^(\\p{L}+)\\.?\\s*(\\d{1,2})(?:st|nd|rd|th)?\\s*[,.]?\\s*(\\d{4})?\\s*,?\\s*(?:at|à)?$");
    private static final Pattern DAY_FIRST =
            Pattern.compile("^(\\d{1,2})(?:er)?\\s+(\\p{L}+)\\.?\\s*,?\\s*(\\d{4})?\\s*,?\\s*(?:at|à)?$");

    private FeedTimestamps() {}

    /**
     * An instant in UTC; blank text is null (no tie-break before round #77).
     *
     * @param reference the round's date, which supplies a missing year
     * @throws IllegalArgumentException naming what could not be read
     */
    public static Instant instant(String text, LocalDate reference) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = normalize(text);
        Matcher time = TIME.matcher(s);
        if (!time.find()) {
            throw new IllegalArgumentException("'" + text.strip() + "' has no time of day");
        }
        LocalTime clock = timeOf(time, text);
        String rest = s.substring(0, time.start()) + " " + s.substring(time.end());
        rest = ZONE.matcher(rest).replaceAll(" ");
        LocalDate day = dateOf(rest, reference, text);
        return day.atTime(clock).toInstant(ZoneOffset.UTC);
    }

    /** A calendar date such as "August 16, 2026"; blank text is null. */
    public static LocalDate date(String text, LocalDate reference) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return dateOf(normalize(text), reference, text);
    }

    private static String normalize(String text) {
        return text.replace('\u00A0', ' ').replace('\u202F', ' ').strip().toLowerCase(Locale.ROOT);
    }

    private static LocalTime timeOf(Matcher m, String text) {
        int hour = Integer.parseInt(m.group(1));
        int minute = Integer.parseInt(m.group(2));
        int second = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        String meridiem = m.group(4);
        if (meridiem != null && hour <= 12) {
            boolean pm = meridiem.startsWith("p");
            if (pm && hour < 12) {
                hour += 12;
            } else if (!pm && hour == 12) {
                hour = 0;
            }
        }
        try {
            return LocalTime.of(hour, minute, second);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text.strip() + "' has an impossible time of day");
        }
    }

    private static LocalDate dateOf(String s, LocalDate reference, String text) {
        Matcher iso = ISO_DATE.matcher(s);
        if (iso.find()) {
            // "January 23, 2025 at 2025-01-23 ...": the ISO date is the unambiguous one.
            return of(
                    Integer.parseInt(iso.group(1)),
                    Integer.parseInt(iso.group(2)),
                    Integer.parseInt(iso.group(3)),
                    text);
        }
        String rest = s.replaceAll("\\s+", " ").strip();
        rest = rest.replaceAll("[,.]+$", "").strip();
        String monthName;
        String day;
        String year;
        Matcher m = MONTH_FIRST.matcher(rest);
        if (m.matches()) {
            monthName = m.group(1);
            day = m.group(2);
            year = m.group(3);
        } else {
            Matcher f = DAY_FIRST.matcher(rest);
            if (!f.matches()) {
                throw new IllegalArgumentException("'" + text.strip() + "' is not a date and time IRCC writes");
            }
            day = f.group(1);
            monthName = f.group(2);
            year = f.group(3);
        }
        Integer month = MONTHS.get(monthName);
        if (month == null) {
            throw new IllegalArgumentException("'" + text.strip() + "' has no month name");
        }
        int dayOfMonth = Integer.parseInt(day);
        if (year != null) {
            return of(Integer.parseInt(year), month, dayOfMonth, text);
        }
        if (reference == null) {
            throw new IllegalArgumentException("'" + text.strip() + "' has no year");
        }
        // #208 "October 7 at 16:38:21 UTC": the tie-break and the pool snapshot precede the round, so the
        // year is the one that puts the day on or before the round's date.
        LocalDate sameYear = of(reference.getYear(), month, dayOfMonth, text);
        return sameYear.isAfter(reference) ? of(reference.getYear() - 1, month, dayOfMonth, text) : sameYear;
    }

    private static LocalDate of(int year, int month, int day, String text) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text.strip() + "' is not a real date");
        }
    }
}
