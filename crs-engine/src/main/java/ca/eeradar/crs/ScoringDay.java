package ca.eeradar.crs;

import java.time.LocalDate;

/**
 * What the date alone decides, the same for every profile scored on it: the rule set in force
 * (docs/crs-rules.md#rule-sets), the category lists in force (#categories) and whether the 12-month category rule
 * applies (from 2026-02-18), and the first day of each "in the last N years" window (#core, #eligibility: 3
 * years for CEC and categories, 5 for FST, 10 for CRS points and FSW). A draw scores the whole pool
 * on one date, so {@link CrsEngine} works this out once per date instead of once per profile.
 * Immutable.
 */
final class ScoringDay {
    final LocalDate date;
    final long day;
    final int year;
    final int month;
    final int dayOfMonth;
    final RuleSet rules;
    final String rulesVersion;
    final boolean rulesComplete;
    final CategoryLists.InForce categories;
    final boolean twelveMonthCategories;
    final long window3;
    final long window5;
    final long window10;

    ScoringDay(LocalDate date, RuleBook ruleBook, CategoryLists categoryLists) {
        this.date = date;
        this.day = date.toEpochDay();
        this.year = date.getYear();
        this.month = date.getMonthValue();
        this.dayOfMonth = date.getDayOfMonth();
        int ruleSet = ruleBook.indexOn(day);
        this.rules = ruleBook.set(ruleSet);
        this.rulesVersion = ruleBook.version(ruleSet);
        this.rulesComplete = ruleBook.complete(ruleSet);
        this.categories = categoryLists.inForce(day);
        this.twelveMonthCategories = !date.isBefore(CategoryLists.TWELVE_MONTHS_RULE);
        this.window3 = windowStart(date, 3);
        this.window5 = windowStart(date, 5);
        this.window10 = windowStart(date, 10);
    }

    /** First day (epoch day) of the window "in the last N years" ending on {@code date}, inclusive. */
    static long windowStart(LocalDate date, int years) {
        return date.minusYears(years).toEpochDay() + 1;
    }

    long windowStart(int years) {
        return switch (years) {
            case 3 -> window3;
            case 5 -> window5;
            case 10 -> window10;
            default -> windowStart(date, years);
        };
    }
}
