package ca.eeradar.crs;

import ca.eeradar.contracts.rules.Category;
import java.time.LocalDate;
import java.util.Set;

/**
 * One version of one category-based selection list (docs/crs-rules.md#categories): data, not code. A new
 * version is a new entry in {@link CategoryLists}.
 *
 * @param version        as IRCC names it in round names ("Version 1", "2026-Version 3")
 * @param from           first day in force (announcement), inclusive
 * @param until          first day no longer in force, null = still in force
 * @param occupations    NOC 2021 codes; empty for FRENCH_LANGUAGE (a language criterion)
 * @param canadianOnly   the qualifying experience must be in Canada ("... with Canadian work experience")
 * @param provisional    the list was not read from an official table: the answer warns about it
 * @param source         where the list comes from
 */
public record CategoryList(
        Category category,
        String version,
        LocalDate from,
        LocalDate until,
        Set<String> occupations,
        boolean canadianOnly,
        boolean provisional,
        String source) {

    public boolean inForce(LocalDate date) {
        return !date.isBefore(from) && (until == null || date.isBefore(until));
    }
}
