package ca.eeradar.crs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every known CRS rule set keyed by its effective date (docs/crs-rules.md#rule-sets). A score is computed with
 * the set in force on the date asked (the ITA date for an invited candidate).
 */
public final class RuleBook {
    /** Express Entry opened 2015-01-01 (MI, Canada Gazette 2014-12-01); no CRS before that date. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2015, 1, 1);

    public static final LocalDate HIGH_WAGE_DAY = LocalDate.of(2026, 11, 3);

    private final RuleSet[] sets;
    private final long[] effectiveDays;
    /** {@link RuleSet#version()} and {@link RuleSet#complete()} of each set, read once: every assessment reports them. */
    private final String[] versions;

    private final boolean[] complete;

    public RuleBook(List<RuleSet> ruleSets) {
        if (ruleSets.isEmpty()) {
            throw new IllegalArgumentException("a rule book needs at least one rule set");
        }
        List<RuleSet> sorted = new ArrayList<>(ruleSets);
        sorted.sort(Comparator.comparing(RuleSet::effective));
        this.sets = sorted.toArray(RuleSet[]::new);
        this.effectiveDays = new long[sets.length];
        this.versions = new String[sets.length];
        this.complete = new boolean[sets.length];
        for (int i = 0; i < sets.length; i++) {
            effectiveDays[i] = sets[i].effective().toEpochDay();
            versions[i] = sets[i].version();
            complete[i] = sets[i].complete();
        }
    }

    /** The official history, with the 2026-11-03 high-wage values unset (they are not published). */
    public static RuleBook official() {
        return official(HighWageFactor.UNSET);
    }

    /** The official history, with the 2026-11-03 high-wage values an operator configured. */
    public static RuleBook official(HighWageFactor highWage) {
        return new RuleBook(List.of(
                // MI of 2014-11-28, Canada Gazette 2014-12-01: 600 for a nomination OR an LMIA-supported job offer.
                new RuleSet(
                        FIRST_DAY,
                        600,
                        600,
                        600,
                        true,
                        0,
                        0,
                        0,
                        0,
                        0,
                        null,
                        "Ministerial Instructions, Canada Gazette 2014-12-01"),
                // MI notice effective 2016-11-19: job offer 200 (major group 00) / 50; Canadian study 15/30.
                new RuleSet(
                        LocalDate.of(2016, 11, 19),
                        600,
                        200,
                        50,
                        true,
                        15,
                        30,
                        0,
                        0,
                        0,
                        null,
                        "Ministerial Instructions effective 2016-11-19 (canada.ca archived notice)"),
                // MI 2017-1 effective 2017-06-06: French 15/30, sibling 15.
                new RuleSet(
                        LocalDate.of(2017, 6, 6),
                        600,
                        200,
                        50,
                        true,
                        15,
                        30,
                        15,
                        30,
                        15,
                        null,
                        "Ministerial Instructions 2017-1 effective 2017-06-06"),
                // French points 25/50, applied to profiles from 2020-10-20 (announced 2020-10-27; not 2020-12-03).
                new RuleSet(
                        LocalDate.of(2020, 10, 20),
                        600,
                        200,
                        50,
                        true,
                        15,
                        30,
                        25,
                        50,
                        15,
                        null,
                        "IRCC announcement of 2020-10-27, in force 2020-10-20"),
                // canada.ca CRS page: arranged-employment points removed from 2025-03-25.
                new RuleSet(
                        LocalDate.of(2025, 3, 25),
                        600,
                        0,
                        0,
                        true,
                        15,
                        30,
                        25,
                        50,
                        15,
                        null,
                        "canada.ca CRS criteria page, arranged employment removed 2025-03-25"),
                // Reported by two third-party sources (docs/crs-rules.md#high-wage): high-wage factor, no LMIA
                // needed for an offer;
                // points per tier UNCONFIRMED -> configuration. Other values carried over unchanged.
                new RuleSet(
                        HIGH_WAGE_DAY,
                        600,
                        0,
                        0,
                        false,
                        15,
                        30,
                        25,
                        50,
                        15,
                        highWage == null ? HighWageFactor.UNSET : highWage,
                        "reported change of 2026-11-03 (high-wage factor; point values from configuration)")));
    }

    /** The rule set in force on {@code date}; dates before 2015-01-01 have none. */
    public RuleSet forDate(LocalDate date) {
        return sets[indexOn(date.toEpochDay())];
    }

    /** Index of the rule set in force on epoch day {@code day} (see {@link #forDate}). */
    int indexOn(long day) {
        if (day < effectiveDays[0]) {
            throw new IllegalArgumentException("no CRS rule set before " + sets[0].effective());
        }
        for (int i = sets.length - 1; i > 0; i--) {
            if (day >= effectiveDays[i]) {
                return i;
            }
        }
        return 0;
    }

    RuleSet set(int index) {
        return sets[index];
    }

    String version(int index) {
        return versions[index];
    }

    boolean complete(int index) {
        return complete[index];
    }

    public List<RuleSet> ruleSets() {
        return List.of(sets);
    }

    public LocalDate firstDay() {
        return sets[0].effective();
    }
}
