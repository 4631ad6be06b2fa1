package ca.eeradar.crs;

/**
 * A {@link DecodedProfile} as one {@code int[]}: what {@link CrsEngine#assess(DecodedProfile,
 * java.time.LocalDate)} reads of a profile and nothing else (no {@link Profile}, no test or job
 * objects, no strings), for pools of millions of profiles held in memory.
 *
 * <p>Why: a decoded profile is a dozen objects (about 1.2 KiB with its tests, jobs and NOC strings),
 * so ten million of them do not fit in 8 GiB, and judging them means chasing those objects across
 * the heap. Packed, a typical profile is one array of 30-40 ints, and a pool is judged through one
 * {@link Reader} re-pointed at each array in turn: the same fields, the same figures, so
 * {@code assess} answers exactly as on {@link DecodedProfile#of} (PackedProfileTest checks it).
 *
 * <p>Layout: {@link #FLAGS}..{@link #COUNTS} below, then the candidate's tests
 * ({@link LanguageResults#pack}), the spouse's tests, the candidate's jobs ({@link PackedWork#pack}),
 * the spouse's jobs. Epoch days are ints ({@link #day}); "never" and "always" keep their meaning.
 */
public final class PackedProfile {
    private static final int FLAGS = 0;
    private static final int BIRTH_YEAR = 1;
    /** Birth month << 8 | birth day. */
    private static final int BIRTH_DAY = 2;

    private static final int ECA_FROM = 3;
    private static final int ECA_UNTIL = 4;
    private static final int NOMINATED_FROM = 5;
    private static final int OFFER_FROM = 6;
    private static final int OFFER_IN_TRADE_FROM = 7;
    private static final int SPOUSE_ECA_FROM = 8;
    private static final int SPOUSE_ECA_UNTIL = 9;
    /** The offer's NOC code ({@link Noc#code}), -1 without an offer or its NOC. */
    private static final int OFFER_NOC = 10;

    private static final int OFFER_OCCUPATION = 11;
    /** Tests | spouse tests << 8 | jobs << 16 | spouse jobs << 24. */
    private static final int COUNTS = 12;

    private static final int HEADER = 13;

    /* Bits of FLAGS; enums as ordinal + 1 (0 = null) from bit 16. */
    private static final int BORN = 1;
    private static final int WITH_SPOUSE = 1 << 1;
    private static final int THREE_YEAR_STUDY = 1 << 2;
    private static final int CERTIFICATE = 1 << 3;
    private static final int CERTIFICATE_IN_TRADE = 1 << 4;
    private static final int SIBLING = 1 << 5;
    private static final int OFFER_LMIA = 1 << 6;
    private static final int OFFER_MAJOR_00 = 1 << 7;
    private static final int SPOUSE_THREE_YEAR_STUDY = 1 << 8;
    private static final int WORK_OVERLAPPING = 1 << 9;
    private static final int SPOUSE_WORK_OVERLAPPING = 1 << 10;
    private static final int CANADIAN_STUDY_SHIFT = 11; // 2 bits
    private static final int DECLARED_FIRST_SHIFT = 16; // 2 bits
    private static final int EDUCATION_SHIFT = 20; // 4 bits
    private static final int SPOUSE_EDUCATION_SHIFT = 24; // 4 bits

    private static final OfficialLanguage[] LANGUAGES = OfficialLanguage.values();
    private static final EducationLevel[] LEVELS = EducationLevel.values();

    private PackedProfile() {}

    /**
     * The profile packed, as {@link DecodedProfile#forPool} decodes it. Throws
     * {@link IllegalArgumentException} for a profile that does not fit (a NOC that is not 5 digits, a
     * date beyond the int range of epoch days, more than 255 tests or jobs): none that passed
     * {@link ProfileValidator}.
     */
    public static int[] pack(Profile profile) {
        return pack(DecodedProfile.forPool(profile));
    }

    static int[] pack(DecodedProfile d) {
        int tests = d.tests.count;
        int spouseTests = d.withSpouse ? d.spouseTests.count : 0;
        int jobs = d.work.jobs;
        int spouseJobs = d.withSpouse ? d.spouseWork.jobs : 0;
        if ((tests | spouseTests | jobs | spouseJobs) > 0xff) {
            throw new IllegalArgumentException("more than 255 tests or jobs");
        }
        int offerNoc = d.offerNoc == null ? -1 : Noc.code(d.offerNoc);
        if (d.offerNoc != null && offerNoc < 0) {
            throw new IllegalArgumentException("job offer NOC is not 5 digits");
        }
        int[] out = new int
                [HEADER
                        + LanguageResults.PACKED_STRIDE * (tests + spouseTests)
                        + PackedWork.STRIDE * (jobs + spouseJobs)];
        out[FLAGS] = (d.born ? BORN : 0)
                | (d.withSpouse ? WITH_SPOUSE : 0)
                | (d.threeYearCanadianStudy ? THREE_YEAR_STUDY : 0)
                | (d.certificate ? CERTIFICATE : 0)
                | (d.certificateInTrade ? CERTIFICATE_IN_TRADE : 0)
                | (d.sibling ? SIBLING : 0)
                | (d.offerLmiaBased ? OFFER_LMIA : 0)
                | (d.offerMajor00 ? OFFER_MAJOR_00 : 0)
                | (d.spouseThreeYearCanadianStudy ? SPOUSE_THREE_YEAR_STUDY : 0)
                | (d.work.overlapping ? WORK_OVERLAPPING : 0)
                | (d.withSpouse && d.spouseWork.overlapping ? SPOUSE_WORK_OVERLAPPING : 0)
                | d.canadianStudy << CANADIAN_STUDY_SHIFT
                | ordinal(d.declaredFirst) << DECLARED_FIRST_SHIFT
                | ordinal(d.educationLevel) << EDUCATION_SHIFT
                | ordinal(d.spouseEducationLevel) << SPOUSE_EDUCATION_SHIFT;
        out[BIRTH_YEAR] = d.birthYear;
        out[BIRTH_DAY] = d.birthMonth << 8 | d.birthDay;
        out[ECA_FROM] = day(d.ecaFrom);
        out[ECA_UNTIL] = day(d.ecaUntil);
        out[NOMINATED_FROM] = day(d.nominatedFrom);
        out[OFFER_FROM] = day(d.offerFrom);
        out[OFFER_IN_TRADE_FROM] = day(d.offerInTradeFrom);
        out[SPOUSE_ECA_FROM] = day(d.spouseEcaFrom);
        out[SPOUSE_ECA_UNTIL] = day(d.spouseEcaUntil);
        out[OFFER_NOC] = offerNoc;
        out[OFFER_OCCUPATION] = d.offerOccupation;
        out[COUNTS] = tests | spouseTests << 8 | jobs << 16 | spouseJobs << 24;
        int at = HEADER;
        d.tests.pack(out, at);
        at += LanguageResults.PACKED_STRIDE * tests;
        if (spouseTests > 0) {
            d.spouseTests.pack(out, at);
        }
        at += LanguageResults.PACKED_STRIDE * spouseTests;
        PackedWork.pack(d.work, out, at);
        at += PackedWork.STRIDE * jobs;
        if (spouseJobs > 0) {
            PackedWork.pack(d.spouseWork, out, at);
        }
        return out;
    }

    /**
     * An epoch day as an int: "always" ({@code Long.MIN_VALUE}) and "never" ({@code Long.MAX_VALUE})
     * become the int bounds, which no real day may take, so every comparison with a day reads the same.
     */
    static int day(long epochDay) {
        if (epochDay == Long.MIN_VALUE) {
            return Integer.MIN_VALUE;
        }
        if (epochDay == Long.MAX_VALUE) {
            return Integer.MAX_VALUE;
        }
        if (epochDay <= Integer.MIN_VALUE || epochDay >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a day beyond the packed range: " + epochDay);
        }
        return (int) epochDay;
    }

    /** The inverse of {@link #day}. */
    static long epochDay(int day) {
        return day == Integer.MIN_VALUE ? Long.MIN_VALUE : day == Integer.MAX_VALUE ? Long.MAX_VALUE : day;
    }

    private static int ordinal(Enum<?> value) {
        return value == null ? 0 : value.ordinal() + 1;
    }

    /**
     * Reads packed profiles through one {@link DecodedProfile} re-pointed at each in turn: the profile
     * {@link #read} answers is valid until the next call. One reader per thread (a stream task has its
     * own); no allocation per profile once the reader has seen the largest one.
     */
    public static final class Reader {
        private final DecodedProfile view = new DecodedProfile();

        public DecodedProfile read(int[] packed) {
            DecodedProfile d = view;
            int flags = packed[FLAGS];
            d.born = (flags & BORN) != 0;
            d.withSpouse = (flags & WITH_SPOUSE) != 0;
            d.threeYearCanadianStudy = (flags & THREE_YEAR_STUDY) != 0;
            d.certificate = (flags & CERTIFICATE) != 0;
            d.certificateInTrade = (flags & CERTIFICATE_IN_TRADE) != 0;
            d.sibling = (flags & SIBLING) != 0;
            d.offerLmiaBased = (flags & OFFER_LMIA) != 0;
            d.offerMajor00 = (flags & OFFER_MAJOR_00) != 0;
            d.spouseThreeYearCanadianStudy = (flags & SPOUSE_THREE_YEAR_STUDY) != 0;
            d.canadianStudy = flags >>> CANADIAN_STUDY_SHIFT & 0b11;
            int first = flags >>> DECLARED_FIRST_SHIFT & 0b11;
            d.declaredFirst = first == 0 ? null : LANGUAGES[first - 1];
            int level = flags >>> EDUCATION_SHIFT & 0xf;
            d.educationLevel = level == 0 ? null : LEVELS[level - 1];
            int spouseLevel = flags >>> SPOUSE_EDUCATION_SHIFT & 0xf;
            d.spouseEducationLevel = spouseLevel == 0 ? null : LEVELS[spouseLevel - 1];
            d.birthYear = packed[BIRTH_YEAR];
            d.birthMonth = packed[BIRTH_DAY] >>> 8;
            d.birthDay = packed[BIRTH_DAY] & 0xff;
            d.ecaFrom = epochDay(packed[ECA_FROM]);
            d.ecaUntil = epochDay(packed[ECA_UNTIL]);
            d.nominatedFrom = epochDay(packed[NOMINATED_FROM]);
            d.offerFrom = epochDay(packed[OFFER_FROM]);
            d.offerInTradeFrom = epochDay(packed[OFFER_IN_TRADE_FROM]);
            d.spouseEcaFrom = epochDay(packed[SPOUSE_ECA_FROM]);
            d.spouseEcaUntil = epochDay(packed[SPOUSE_ECA_UNTIL]);
            d.offerNoc = packed[OFFER_NOC] < 0 ? null : Noc.text(packed[OFFER_NOC]);
            d.offerOccupation = packed[OFFER_OCCUPATION];
            int counts = packed[COUNTS];
            int tests = counts & 0xff;
            int spouseTests = counts >>> 8 & 0xff;
            int jobs = counts >>> 16 & 0xff;
            int spouseJobs = counts >>> 24;
            int at = HEADER;
            d.tests.unpack(packed, at, tests);
            at += LanguageResults.PACKED_STRIDE * tests;
            d.spouseTests.unpack(packed, at, spouseTests);
            at += LanguageResults.PACKED_STRIDE * spouseTests;
            PackedWork.unpack(d.work, packed, at, jobs, (flags & WORK_OVERLAPPING) != 0);
            at += PackedWork.STRIDE * jobs;
            PackedWork.unpack(d.spouseWork, packed, at, spouseJobs, (flags & SPOUSE_WORK_OVERLAPPING) != 0);
            return d;
        }
    }
}
