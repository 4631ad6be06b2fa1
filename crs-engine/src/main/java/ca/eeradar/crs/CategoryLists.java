package ca.eeradar.crs;

import ca.eeradar.contracts.rules.Category;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Versioned category lists (docs/crs-rules.md#categories). 2023 categories were
 * announced 2023-05-31, 2025 ones 2025-02-27, 2026 ones 2026-02-18. Where the 2026 list was not
 * found, the previous list is carried forward and marked provisional.
 */
public final class CategoryLists {
    static final LocalDate Y2023 = LocalDate.of(2023, 5, 31);
    static final LocalDate Y2025 = LocalDate.of(2025, 2, 27);
    /** From 2026-02-18 occupational categories need 12 months (not necessarily continuous) instead of 6 continuous. */
    public static final LocalDate TWELVE_MONTHS_RULE = LocalDate.of(2026, 2, 18);

    static final LocalDate Y2026 = TWELVE_MONTHS_RULE;

    private static final Set<String> STEM_2023 = Set.of(
            "20010", "20011", "20012", "21200", "21201", "21202", "21203", "21210", "21211", "21220", "21221", "21222",
            "21223", "21230", "21231", "21232", "21233", "21234", "21300", "21310", "21311", "21321", "21322", "41400");
    private static final Set<String> STEM_2025 =
            Set.of("20011", "21220", "21300", "21301", "21310", "21321", "21331", "22300", "22301", "22310", "63100");
    private static final Set<String> TRADES_2023 =
            Set.of("72014", "72106", "72200", "72300", "72310", "72400", "72402", "72406", "73200", "73202");
    private static final Set<String> TRADES_2025 = Set.of(
            "22303", "63200", "70010", "70011", "72100", "72102", "72106", "72200", "72201", "72300", "72302", "72310",
            "72311", "72320", "72400", "72401", "72402", "72422", "72501", "72999", "73100", "73110", "73112", "73113",
            "82021");
    private static final Set<String> TRANSPORT_2023 =
            Set.of("70020", "72403", "72404", "72600", "72601", "72602", "72603", "72604", "73300", "93200");
    private static final Set<String> TRANSPORT_2026 = Set.of("72600", "72410", "72404", "22313");
    private static final Set<String> AGRICULTURE_2023 = Set.of("82030", "82031", "63201");
    private static final Set<String> AGRICULTURE_2025 = Set.of("63201");
    private static final Set<String> HEALTHCARE_2023 = Set.of(
            "31100", "31101", "31102", "31103", "31110", "31111", "31112", "31121", "31200", "31201", "31202", "31203",
            "31204", "31209", "31300", "31301", "31302", "31303", "32101", "32102", "32103", "32109", "32120", "32121",
            "32122", "32200", "32201", "32209", "33101", "33102", "33103", "33109", "41301", "41320", "42203");
    /** 2023 list + 8 additions - 6 removals; 32129 and 33109 are from one third-party copy (provisional). */
    private static final Set<String> HEALTHCARE_SOCIAL_2025 = Set.of(
            "31100", "31101", "31102", "31103", "31110", "31111", "31112", "31120", "31121", "31200", "31201", "31202",
            "31203", "31209", "31300", "31301", "31302", "31303", "32101", "32102", "32103", "32104", "32109", "32111",
            "32120", "32121", "32122", "32123", "32124", "32129", "32201", "33101", "33102", "33103", "41300", "41301",
            "42201");

    private static final Set<String> EDUCATION_2025 = Set.of("41220", "41221", "42202", "42203", "43100");

    private static final String REF = "docs/crs-rules.md#categories";

    private static final List<CategoryList> OFFICIAL = List.of(
            new CategoryList(Category.FRENCH_LANGUAGE, "Version 1", Y2023, Y2026, Set.of(), false, false, REF),
            new CategoryList(Category.FRENCH_LANGUAGE, "2026-Version 2", Y2026, null, Set.of(), false, false, REF),
            new CategoryList(Category.HEALTHCARE, "Version 1", Y2023, Y2025, HEALTHCARE_2023, false, false, REF),
            new CategoryList(
                    Category.HEALTHCARE_SOCIAL_SERVICES,
                    "Version 2",
                    Y2025,
                    Y2026,
                    HEALTHCARE_SOCIAL_2025,
                    false,
                    true,
                    REF + " (2 of 14 changes from one third-party copy)"),
            new CategoryList(
                    Category.HEALTHCARE_SOCIAL_SERVICES,
                    "2026-Version 3",
                    Y2026,
                    null,
                    HEALTHCARE_SOCIAL_2025,
                    false,
                    true,
                    REF + " (2026 list not found: 2025 list carried forward)"),
            new CategoryList(Category.STEM, "Version 1", Y2023, Y2025, STEM_2023, false, false, REF),
            new CategoryList(Category.STEM, "Version 2", Y2025, Y2026, STEM_2025, false, false, REF),
            new CategoryList(
                    Category.STEM,
                    "2026-Version 3",
                    Y2026,
                    null,
                    STEM_2025,
                    false,
                    true,
                    REF + " (2026 list not read from an official table; third-party copy = 2025 list)"),
            new CategoryList(Category.TRADES, "Version 1", Y2023, Y2025, TRADES_2023, false, false, REF),
            new CategoryList(Category.TRADES, "Version 2", Y2025, Y2026, TRADES_2025, false, false, REF),
            new CategoryList(
                    Category.TRADES,
                    "2026-Version 3",
                    Y2026,
                    null,
                    TRADES_2025,
                    false,
                    true,
                    REF + " (2026 list not found: 2025 list carried forward)"),
            new CategoryList(Category.TRANSPORT, "Version 1", Y2023, Y2025, TRANSPORT_2023, false, false, REF),
            new CategoryList(
                    Category.TRANSPORT,
                    "2026-Version 2",
                    Y2026,
                    null,
                    TRANSPORT_2026,
                    false,
                    false,
                    REF + " (cicnews 2026-02)"),
            new CategoryList(
                    Category.AGRICULTURE_AGRI_FOOD, "Version 1", Y2023, Y2025, AGRICULTURE_2023, false, false, REF),
            new CategoryList(
                    Category.AGRICULTURE_AGRI_FOOD, "Version 2", Y2025, Y2026, AGRICULTURE_2025, false, false, REF),
            new CategoryList(Category.EDUCATION, "Version 1", Y2025, Y2026, EDUCATION_2025, false, false, REF),
            new CategoryList(
                    Category.EDUCATION,
                    "2026-Version 2",
                    Y2026,
                    null,
                    EDUCATION_2025,
                    false,
                    true,
                    REF + " (2026 list not found: 2025 list carried forward)"),
            new CategoryList(
                    Category.PHYSICIANS_CANADIAN_EXPERIENCE,
                    "2026-Version 1",
                    Y2026,
                    null,
                    Set.of("31100", "31101", "31102"),
                    true,
                    false,
                    REF),
            new CategoryList(
                    Category.SENIOR_MANAGERS_CANADIAN_EXPERIENCE,
                    "2026-Version 1",
                    Y2026,
                    null,
                    Set.of("00012", "00013", "00014", "00015"),
                    true,
                    false,
                    REF),
            new CategoryList(
                    Category.RESEARCHERS_CANADIAN_EXPERIENCE,
                    "2026-Version 1",
                    Y2026,
                    null,
                    Set.of("41200", "41201"),
                    true,
                    false,
                    REF),
            // Tied to recruitment by the Canadian Armed Forces; the details are UNCONFIRMED: only the list is checked.
            new CategoryList(
                    Category.SKILLED_MILITARY_RECRUITS,
                    "2026-Version 1",
                    Y2026,
                    null,
                    Set.of("40042", "42102", "43204"),
                    false,
                    true,
                    REF + " (CAF recruitment condition not checked)"));

    private final List<CategoryList> lists;
    /**
     * Per stretch of days between two list changes (first day as an epoch day), the lists in force:
     * built once, so the hot path neither filters the lists nor looks each occupation up in each list.
     */
    private final long[] changes;

    private final InForce[] inForce;

    /**
     * The lists in force over a stretch of days, and per NOC code the lists that name it (bit i =
     * {@code lists[i]}): one look-up per work entry answers "which categories list this occupation".
     * The codes ({@link WorkHistory#code}) are kept in a small open-addressing table: {@code slots}
     * holds code + 1 (0 = free), {@code listings} the bits of the same slot.
     */
    record InForce(CategoryList[] lists, int[] slots, int[] listings) {
        static InForce of(CategoryList[] lists, Map<Integer, Integer> listings) {
            int size = Integer.highestOneBit(Math.max(1, 2 * listings.size())) * 2;
            int[] slots = new int[size];
            int[] bits = new int[size];
            listings.forEach((code, listed) -> {
                int i = slot(code, size);
                while (slots[i] != 0) {
                    i = (i + 1) & (size - 1);
                }
                slots[i] = code + 1;
                bits[i] = listed;
            });
            return new InForce(lists, slots, bits);
        }

        private static int slot(int code, int size) {
            return (code * 0x9E3779B9 >>> 16) & (size - 1);
        }

        int listing(int code) {
            if (code < 0) {
                return 0;
            }
            for (int i = slot(code, slots.length); ; i = (i + 1) & (slots.length - 1)) {
                if (slots[i] == code + 1) {
                    return listings[i];
                }
                if (slots[i] == 0) {
                    return 0;
                }
            }
        }
    }

    public CategoryLists(List<CategoryList> lists) {
        this.lists = List.copyOf(lists);
        java.util.TreeSet<LocalDate> dates = new java.util.TreeSet<>();
        dates.add(LocalDate.MIN);
        for (CategoryList l : lists) {
            dates.add(l.from());
            if (l.until() != null) {
                dates.add(l.until());
            }
        }
        LocalDate[] starts = dates.toArray(LocalDate[]::new);
        this.changes = new long[starts.length];
        this.inForce = new InForce[starts.length];
        for (int i = 0; i < starts.length; i++) {
            changes[i] = starts[i].toEpochDay();
            List<CategoryList> active = new ArrayList<>();
            Map<Integer, Integer> listings = new HashMap<>();
            for (CategoryList l : lists) {
                if (l.inForce(starts[i])) {
                    if (active.size() == Integer.SIZE - 1) {
                        throw new IllegalArgumentException("more than 31 category lists in force on " + starts[i]);
                    }
                    for (String noc : l.occupations()) {
                        int code = Noc.code(noc);
                        if (code < 0) {
                            throw new IllegalArgumentException("category " + l.category() + " " + l.version() + ": "
                                    + noc + " is not a NOC 2021 code of 5 digits");
                        }
                        listings.merge(code, 1 << active.size(), (a, b) -> a | b);
                    }
                    active.add(l);
                }
            }
            inForce[i] = InForce.of(active.toArray(CategoryList[]::new), listings);
        }
    }

    public static CategoryLists official() {
        return new CategoryLists(OFFICIAL);
    }

    public List<CategoryList> all() {
        return lists;
    }

    /** The lists in force on epoch day {@code day} (at most one per category). */
    InForce inForce(long day) {
        for (int i = changes.length - 1; i > 0; i--) {
            if (day >= changes[i]) {
                return inForce[i];
            }
        }
        return inForce[0];
    }
}
