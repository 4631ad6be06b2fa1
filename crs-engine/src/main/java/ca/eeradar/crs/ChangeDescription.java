package ca.eeradar.crs;

import ca.eeradar.contracts.rules.Category;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** What changed between two consecutive days of a score timeline, in the words a candidate reads. */
final class ChangeDescription {
    private ChangeDescription() {}

    static String of(
            Facts a,
            Points pa,
            boolean validA,
            int programsA,
            int categoriesA,
            Facts b,
            Points pb,
            boolean validB,
            int programsB,
            int categoriesB) {
        List<String> what = new ArrayList<>();
        if (a.rules != b.rules) {
            what.add("rule set " + b.rules.version() + " takes effect" + (b.rules.complete() ? "" : " (incomplete)"));
        }
        if (pa.age != pb.age) {
            what.add("turns " + b.age + ": age points " + pa.age + " -> " + pb.age);
        }
        if (a.englishTest != null && b.englishTest == null) {
            what.add("English test of " + a.englishTest.takenOn() + " expires");
        }
        if (a.frenchTest != null && b.frenchTest == null) {
            what.add("French test of " + a.frenchTest.takenOn() + " expires");
        }
        if (a.education != null && b.education == null && b.ecaExpired) {
            what.add("ECA expires: education no longer counts");
        }
        if (a.spouseTest != null && b.spouseTest == null) {
            what.add("spouse's language test expires");
        }
        if (a.canadianYears != b.canadianYears) {
            what.add("Canadian work experience " + (b.canadianYears > a.canadianYears ? "reaches " : "falls to ")
                    + b.canadianYears + " year" + (b.canadianYears == 1 ? "" : "s"));
        }
        if (a.foreignYears != b.foreignYears) {
            what.add("foreign work experience " + (b.foreignYears > a.foreignYears ? "reaches " : "falls to ")
                    + b.foreignYears + " year" + (b.foreignYears == 1 ? "" : "s"));
        }
        if (a.spouseCanadianYears != b.spouseCanadianYears) {
            what.add("spouse's Canadian work experience " + b.spouseCanadianYears + " years");
        }
        if (validA != validB) {
            what.add(
                    validB
                            ? "profile meets Express Entry requirements again"
                            : "profile no longer meets Express Entry requirements");
        }
        if (programsA != programsB) {
            what.add("eligible programs " + ProgramSets.of(programsA) + " -> " + ProgramSets.of(programsB));
        }
        if (categoriesA != categoriesB && programsB != 0) {
            what.add("categories met " + names(categoriesA) + " -> " + names(categoriesB));
        }
        if (what.isEmpty()) {
            what.add("score changes " + pa.total + " -> " + pb.total);
        }
        return String.join("; ", what);
    }

    private static Set<Category> names(int mask) {
        Set<Category> set = EnumSet.noneOf(Category.class);
        for (Category c : Category.values()) {
            if ((mask & (1 << c.ordinal())) != 0) {
                set.add(c);
            }
        }
        return set;
    }
}
