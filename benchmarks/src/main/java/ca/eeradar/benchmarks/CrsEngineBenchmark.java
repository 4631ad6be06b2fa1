package ca.eeradar.benchmarks;

import ca.eeradar.crs.CanadianCredential;
import ca.eeradar.crs.CrsEngine;
import ca.eeradar.crs.DecodedProfile;
import ca.eeradar.crs.EducationLevel;
import ca.eeradar.crs.LanguageTestType;
import ca.eeradar.crs.MaritalStatus;
import ca.eeradar.crs.OfficialLanguage;
import ca.eeradar.crs.Profile;
import ca.eeradar.crs.Profile.Education;
import ca.eeradar.crs.Profile.LanguageTest;
import ca.eeradar.crs.Profile.WorkExperience;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Profiles scored per second on ONE thread by the pure CRS engine: {@code assess} (the pipeline's
 * hot path: total + eligibility) and {@code score} (the full answer with the 24-month timeline).
 * One operation = one profile of a varied set of 4,096 (about 5 MB: more than the processor's caches hold, as a pool) (ages, educations, tests of every kind, spouses,
 * Canadian/foreign work, nominations, categories).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
// Two forks and five 2-s warm-ups: with fewer, the second warm-up was still climbing and one fork's
// heap layout of the 4,096 profiles (the benchmark is bound by memory access) swung the score by 30%.
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(2)
public class CrsEngineBenchmark {
    private static final LocalDate DRAW_DAY = LocalDate.of(2026, 8, 19);
    private static final String[] NOCS = {
        "21231", "21220", "31301", "72200", "00012", "41200", "22310", "63200", "13110", "64100", "42202", "73300"
    };
    private static final LanguageTestType[] ENGLISH = {
        LanguageTestType.IELTS_GENERAL, LanguageTestType.CELPIP_GENERAL, LanguageTestType.PTE_CORE, LanguageTestType.CLB
    };

    private final CrsEngine engine = CrsEngine.withOfficialRules();
    private Profile[] profiles;
    private DecodedProfile[] decoded;
    private int next;

    @Setup
    public void profiles() {
        profiles = varied(4096, 42);
        decoded = new DecodedProfile[profiles.length];
        for (int i = 0; i < profiles.length; i++) {
            decoded[i] = DecodedProfile.of(profiles[i]);
        }
        // One full collection before measuring: it compacts the data set in the order it was built (each
        // profile's decoded figures side by side, as the draw evaluation has a profile it just decoded) and
        // moves it out of the young generation, so no young collection moves it during the iterations.
        // Without it, the layout was whatever order G1's parallel young collections copied the objects
        // in, and it changed during a fork: iterations of one fork swung between 1.3M and 2.5M.
        System.gc();
    }

    /** A pool held decoded, as a draw's re-evaluation or the daily re-score goes through it. */
    @Benchmark
    public int assess() {
        DecodedProfile p = decoded[next++ & (decoded.length - 1)];
        return engine.assess(p, DRAW_DAY).total();
    }

    /** The same from the profile record: the decoding ({@link DecodedProfile#of}) included. */
    @Benchmark
    public int assessProfile() {
        Profile p = profiles[next++ & (profiles.length - 1)];
        return engine.assess(p, DRAW_DAY).total();
    }

    @Benchmark
    public int score() {
        Profile p = profiles[next++ & (profiles.length - 1)];
        return engine.score(p, DRAW_DAY).total();
    }

    static Profile[] varied(int n, long seed) {
        Random r = new Random(seed);
        Profile[] out = new Profile[n];
        for (int i = 0; i < n; i++) {
            LocalDate taken = DRAW_DAY.minusDays(30 + r.nextInt(700));
            List<LanguageTest> tests = new ArrayList<>();
            LanguageTestType en = ENGLISH[r.nextInt(ENGLISH.length)];
            tests.add(english(en, taken, r));
            if (r.nextInt(4) == 0) {
                tests.add(new LanguageTest(
                        r.nextBoolean() ? LanguageTestType.TEF_CANADA_ANCIEN : LanguageTestType.NCLC,
                        taken,
                        r.nextBoolean() ? 7.0 : 5.0,
                        7.0,
                        8.0,
                        9.0));
            }
            List<WorkExperience> work = new ArrayList<>();
            int jobs = r.nextInt(4);
            LocalDate end = DRAW_DAY;
            for (int j = 0; j < jobs; j++) {
                LocalDate from = end.minusDays(200 + r.nextInt(1500));
                work.add(new WorkExperience(
                        NOCS[r.nextInt(NOCS.length)],
                        r.nextBoolean() ? "CA" : "IN",
                        from,
                        j == 0 ? null : end,
                        20.0 + r.nextInt(25)));
                end = from.minusDays(1 + r.nextInt(90));
            }
            boolean married = r.nextInt(3) == 0;
            Profile.Spouse spouse = married
                    ? new Profile.Spouse(
                            r.nextInt(5) > 0,
                            r.nextInt(10) == 0,
                            new Education(EducationLevel.values()[r.nextInt(8)], CanadianCredential.NONE, null),
                            List.of(english(LanguageTestType.CLB, taken, r)),
                            List.of(new WorkExperience("13110", "CA", DRAW_DAY.minusDays(r.nextInt(2000)), null, 30.0)))
                    : null;
            out[i] = new Profile(
                    Instant.parse("2025-06-01T00:00:00Z").plusSeconds(r.nextInt(30_000_000)),
                    DRAW_DAY.minusDays(18 * 365 + r.nextInt(30 * 365)),
                    married ? MaritalStatus.MARRIED : MaritalStatus.SINGLE,
                    spouse,
                    new Education(
                            EducationLevel.values()[r.nextInt(8)],
                            CanadianCredential.values()[r.nextInt(3)],
                            DRAW_DAY.minusDays(r.nextInt(2000))),
                    tests,
                    r.nextInt(5) == 0 ? OfficialLanguage.ENGLISH : null,
                    work,
                    r.nextInt(20) == 0 ? new Profile.CertificateOfQualification("72200", "ON") : null,
                    r.nextInt(10) == 0,
                    r.nextInt(15) == 0
                            ? new Profile.ProvincialNomination("ON", DRAW_DAY.minusDays(r.nextInt(300)))
                            : null,
                    r.nextInt(10) == 0
                            ? new Profile.JobOffer(
                                    NOCS[r.nextInt(NOCS.length)], r.nextBoolean(), DRAW_DAY.minusDays(100))
                            : null);
        }
        return out;
    }

    private static LanguageTest english(LanguageTestType type, LocalDate taken, Random r) {
        return switch (type) {
            case IELTS_GENERAL ->
                new LanguageTest(
                        type,
                        taken,
                        5.0 + r.nextInt(8) * 0.5,
                        5.0 + r.nextInt(8) * 0.5,
                        5.0 + r.nextInt(8) * 0.5,
                        5.0 + r.nextInt(8) * 0.5);
            case PTE_CORE ->
                new LanguageTest(
                        type,
                        taken,
                        50.0 + r.nextInt(41),
                        50.0 + r.nextInt(41),
                        50.0 + r.nextInt(41),
                        50.0 + r.nextInt(41));
            default ->
                new LanguageTest(
                        type, taken, 4.0 + r.nextInt(9), 4.0 + r.nextInt(9), 4.0 + r.nextInt(9), 4.0 + r.nextInt(9));
        };
    }
}
