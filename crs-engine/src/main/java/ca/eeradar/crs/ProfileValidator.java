package ca.eeradar.crs;

import ca.eeradar.crs.Profile.Education;
import ca.eeradar.crs.Profile.LanguageTest;
import ca.eeradar.crs.Profile.WorkExperience;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks a profile (JSON contract v1) before it is scored or stored and names every bad field at
 * once, with the JSON path of each. Dates are checked against {@code today} (Canada/Eastern at the
 * caller): nothing in a profile can have happened in the future.
 */
public final class ProfileValidator {
    /** PTE Core is accepted for Express Entry from 2024-01-30 (docs/crs-rules.md#language-tests). */
    public static final LocalDate PTE_CORE_ACCEPTED = LocalDate.of(2024, 1, 30);

    private static final Set<String> PROVINCES =
            Set.of("AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT");
    /** IRCC runs Express Entry on Ottawa time. */
    private static final java.time.ZoneId EASTERN = java.time.ZoneId.of("America/Toronto");

    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
    private static final String[] ABILITIES = {"listening", "reading", "writing", "speaking"};

    public List<Violation> validate(Profile p, LocalDate today) {
        List<Violation> v = new ArrayList<>();
        if (p == null) {
            v.add(new Violation("body", "a profile is required"));
            return v;
        }
        Instant submitted = p.profileSubmittedAt();
        if (submitted == null) {
            v.add(new Violation("profileSubmittedAt", "is required"));
        } else if (submitted.atZone(EASTERN).toLocalDate().isAfter(today)) {
            v.add(new Violation("profileSubmittedAt", "must not be in the future"));
        } else if (submitted.isBefore(
                RuleBook.FIRST_DAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant())) {
            v.add(new Violation("profileSubmittedAt", "Express Entry profiles exist from 2015-01-01"));
        }
        if (p.dateOfBirth() == null) {
            v.add(new Violation("dateOfBirth", "is required"));
        } else {
            past(v, "dateOfBirth", p.dateOfBirth(), today);
            if (p.dateOfBirth().isBefore(EARLIEST_BIRTH)) {
                v.add(new Violation("dateOfBirth", "must be on or after " + EARLIEST_BIRTH));
            }
        }
        if (p.maritalStatus() == null) {
            v.add(new Violation("maritalStatus", "is required"));
        } else if (p.spouse() != null && !p.maritalStatus().partnered()) {
            v.add(new Violation(
                    "spouse",
                    "must be null when maritalStatus is " + p.maritalStatus()
                            + " (only MARRIED or COMMON_LAW have a spouse or partner)"));
        }
        education(v, "education", p.education(), today, true);
        tests(v, "languageTests", p.languageTests(), today);
        work(v, "workExperience", p.workExperience(), today);
        if (p.spouse() != null) {
            Profile.Spouse s = p.spouse();
            if (s.education() != null) {
                education(v, "spouse.education", s.education(), today, false);
            }
            tests(v, "spouse.languageTests", s.languageTests(), today);
            work(v, "spouse.workExperience", s.workExperience(), today);
        }
        if (p.certificateOfQualification() != null) {
            noc(
                    v,
                    "certificateOfQualification.noc",
                    p.certificateOfQualification().noc());
            province(
                    v,
                    "certificateOfQualification.province",
                    p.certificateOfQualification().province(),
                    false);
        }
        if (p.provincialNomination() != null) {
            province(
                    v, "provincialNomination.province", p.provincialNomination().province(), true);
            if (p.provincialNomination().nominatedOn() == null) {
                v.add(new Violation("provincialNomination.nominatedOn", "is required"));
            } else {
                past(
                        v,
                        "provincialNomination.nominatedOn",
                        p.provincialNomination().nominatedOn(),
                        today);
            }
        }
        if (p.jobOffer() != null) {
            noc(v, "jobOffer.noc", p.jobOffer().noc());
            if (p.jobOffer().from() == null) {
                v.add(new Violation("jobOffer.from", "is required"));
            } else {
                past(v, "jobOffer.from", p.jobOffer().from(), today);
            }
        }
        return v;
    }

    private static void education(List<Violation> v, String path, Education e, LocalDate today, boolean required) {
        if (e == null) {
            if (required) {
                v.add(new Violation(path, "is required"));
            }
            return;
        }
        if (e.level() == null) {
            v.add(new Violation(path + ".level", "is required"));
        }
        if (e.ecaIssuedOn() != null) {
            past(v, path + ".ecaIssuedOn", e.ecaIssuedOn(), today);
        }
    }

    private static void tests(List<Violation> v, String path, List<LanguageTest> tests, LocalDate today) {
        if (tests == null) {
            return;
        }
        for (int i = 0; i < tests.size(); i++) {
            String at = path + "[" + i + "]";
            LanguageTest t = tests.get(i);
            if (t == null) {
                v.add(new Violation(at, "must not be null"));
                continue;
            }
            if (t.test() == null) {
                v.add(new Violation(at + ".test", "is required"));
            }
            if (t.takenOn() == null) {
                v.add(new Violation(at + ".takenOn", "is required"));
            } else {
                past(v, at + ".takenOn", t.takenOn(), today);
                if (t.test() == LanguageTestType.PTE_CORE && t.takenOn().isBefore(PTE_CORE_ACCEPTED)) {
                    v.add(new Violation(
                            at + ".takenOn", "PTE Core is accepted for Express Entry from " + PTE_CORE_ACCEPTED));
                }
            }
            Double[] results = {t.listening(), t.reading(), t.writing(), t.speaking()};
            for (int a = 0; a < 4; a++) {
                if (results[a] == null) {
                    v.add(new Violation(at + "." + ABILITIES[a], "is required"));
                } else if (t.test() != null) {
                    String problem = LanguageScales.rangeProblem(t.test(), a, results[a]);
                    if (problem != null) {
                        v.add(new Violation(at + "." + ABILITIES[a], problem));
                    }
                }
            }
        }
    }

    private static void work(List<Violation> v, String path, List<WorkExperience> work, LocalDate today) {
        if (work == null) {
            return;
        }
        for (int i = 0; i < work.size(); i++) {
            String at = path + "[" + i + "]";
            WorkExperience w = work.get(i);
            if (w == null) {
                v.add(new Violation(at, "must not be null"));
                continue;
            }
            noc(v, at + ".noc", w.noc());
            if (w.country() == null || !w.country().matches("[A-Z]{2}")) {
                v.add(new Violation(at + ".country", "must be an ISO 3166 alpha-2 code such as CA"));
            }
            if (w.from() == null) {
                v.add(new Violation(at + ".from", "is required"));
            } else {
                past(v, at + ".from", w.from(), today);
            }
            if (w.to() != null) {
                past(v, at + ".to", w.to(), today);
                if (w.from() != null && w.to().isBefore(w.from())) {
                    v.add(new Violation(at + ".to", "must not be before from"));
                }
            }
            if (w.hoursPerWeek() == null) {
                v.add(new Violation(at + ".hoursPerWeek", "is required"));
            } else if (!(w.hoursPerWeek() > 0 && w.hoursPerWeek() <= 168)) {
                v.add(new Violation(at + ".hoursPerWeek", "must be more than 0 and at most 168"));
            }
        }
    }

    private static void noc(List<Violation> v, String path, String noc) {
        if (noc == null || !noc.matches("\\d{5}")) {
            v.add(new Violation(path, "must be a NOC 2021 code of 5 digits"));
        }
    }

    private static void province(List<Violation> v, String path, String province, boolean nomination) {
        if (province == null || !PROVINCES.contains(province)) {
            v.add(new Violation(path, "must be a province or territory code such as ON"));
        } else if (nomination && province.equals("QC")) {
            // Quebec selects its own immigrants and has no Provincial Nominee Program.
            v.add(new Violation(path, "Quebec does not nominate through the Provincial Nominee Program"));
        }
    }

    private static void past(List<Violation> v, String path, LocalDate date, LocalDate today) {
        if (date.isAfter(today)) {
            v.add(new Violation(path, "must not be in the future (today is " + today + ")"));
        }
    }
}
