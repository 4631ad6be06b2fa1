package ca.eeradar.scoring.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Varied, valid profile JSON v1 documents for the benchmark, generated with a StringBuilder (about
 * a million a second): ages 20-50, every education level, IELTS or CELPIP (some French as a second
 * language), 0-3 jobs in Canada or abroad across TEER 0-5 and the category lists, spouses, siblings,
 * job offers, nominations; a few language tests expired and a few profiles submitted too early or
 * after the round.
 */
public final class SyntheticProfiles {
    private static final String[] LEVELS = {
        "SECONDARY", "ONE_YEAR", "TWO_YEAR", "BACHELORS", "BACHELORS", "TWO_OR_MORE", "MASTERS", "MASTERS", "DOCTORAL"
    };
    private static final String[] CREDENTIALS = {"NONE", "NONE", "NONE", "ONE_OR_TWO_YEARS", "THREE_YEARS_OR_MORE"};
    private static final String[] NOCS = {
        "21231", "21232", "21211", "20012", "31301", "31102", "32101", "41220", "42202", "72200", "72310", "73300",
        "00012", "10010", "11100", "12200", "13110", "62200", "64100", "65200", "21300", "41200"
    };
    private static final String[] COUNTRIES = {"CA", "CA", "CA", "IN", "PH", "NG", "CN", "BR", "FR", "GB"};
    private static final String[] PROVINCES = {"ON", "BC", "AB", "SK", "MB", "NS", "NB"};
    private static final double[] IELTS = {5.0, 5.5, 6.0, 6.5, 7.0, 7.5, 8.0, 8.5, 9.0};

    private final SplittableRandom random;
    private final LocalDate drawDate;
    private final Instant drawnAt;

    public SyntheticProfiles(long seed, LocalDate drawDate, Instant drawnAt) {
        this.random = new SplittableRandom(seed);
        this.drawDate = drawDate;
        this.drawnAt = drawnAt;
    }

    /** The submission instant of the next profile: mostly within the 12 months before the round. */
    public Instant submittedAt() {
        int roll = random.nextInt(100);
        if (roll < 2) {
            return drawnAt.plusSeconds(60 + random.nextInt(86_400)); // after the round
        }
        if (roll < 4) {
            return drawnAt.minusSeconds(86_400L * (370 + random.nextInt(200))); // expired
        }
        return drawnAt.minusSeconds(3_600 + random.nextLong(86_400L * 360));
    }

    public String profile(Instant submittedAt) {
        StringBuilder b = new StringBuilder(900);
        LocalDate born = drawDate.minusDays(365L * 20 + random.nextInt(365 * 30));
        boolean married = random.nextInt(10) < 3;
        b.append("{\"profileSubmittedAt\":\"")
                .append(submittedAt)
                .append("\",\"dateOfBirth\":\"")
                .append(born)
                .append("\",\"maritalStatus\":\"")
                .append(married ? "MARRIED" : "SINGLE")
                .append('"');
        if (married) {
            b.append(",\"spouse\":{\"accompanying\":")
                    .append(random.nextInt(10) < 8)
                    .append(",\"canadianCitizenOrPermanentResident\":")
                    .append(random.nextInt(10) == 0)
                    .append(",\"education\":{\"level\":\"")
                    .append(pick(LEVELS))
                    .append("\",\"canadianCredential\":\"NONE\",\"ecaIssuedOn\":\"")
                    .append(drawDate.minusDays(30 + random.nextInt(1500)))
                    .append("\"}");
            if (random.nextBoolean()) {
                b.append(",\"languageTests\":[");
                ielts(b, drawDate.minusDays(10 + random.nextInt(600)));
                b.append(']');
            }
            if (random.nextInt(4) == 0) {
                b.append(",\"workExperience\":[");
                work(b, "CA");
                b.append(']');
            }
            b.append('}');
        }
        String credential = pick(CREDENTIALS);
        b.append(",\"education\":{\"level\":\"")
                .append(pick(LEVELS))
                .append("\",\"canadianCredential\":\"")
                .append(credential)
                .append('"');
        if (credential.equals("NONE")) {
            b.append(",\"ecaIssuedOn\":\"")
                    .append(drawDate.minusDays(30 + random.nextInt(1700)))
                    .append('"');
        }
        b.append("},\"languageTests\":[");
        // 5% took their test more than two years before the round: expired on the draw date.
        LocalDate taken = random.nextInt(20) == 0
                ? drawDate.minusDays(735 + random.nextInt(200))
                : drawDate.minusDays(10 + random.nextInt(700));
        if (random.nextBoolean()) {
            ielts(b, taken);
        } else {
            b.append("{\"test\":\"CELPIP_GENERAL\",\"takenOn\":\"")
                    .append(taken)
                    .append("\",\"listening\":")
                    .append(5 + random.nextInt(8))
                    .append(",\"reading\":")
                    .append(5 + random.nextInt(8))
                    .append(",\"writing\":")
                    .append(5 + random.nextInt(8))
                    .append(",\"speaking\":")
                    .append(5 + random.nextInt(8))
                    .append('}');
        }
        if (random.nextInt(8) == 0) {
            b.append(",{\"test\":\"NCLC\",\"takenOn\":\"")
                    .append(drawDate.minusDays(10 + random.nextInt(600)))
                    .append("\",\"listening\":")
                    .append(4 + random.nextInt(7))
                    .append(",\"reading\":")
                    .append(4 + random.nextInt(7))
                    .append(",\"writing\":")
                    .append(4 + random.nextInt(7))
                    .append(",\"speaking\":")
                    .append(4 + random.nextInt(7))
                    .append('}');
        }
        b.append("],\"workExperience\":[");
        int jobs = random.nextInt(4);
        for (int j = 0; j < jobs; j++) {
            if (j > 0) {
                b.append(',');
            }
            work(b, pick(COUNTRIES));
        }
        b.append("],\"siblingInCanada\":").append(random.nextInt(10) == 0);
        if (random.nextInt(20) == 0) {
            b.append(",\"provincialNomination\":{\"province\":\"")
                    .append(pick(PROVINCES))
                    .append("\",\"nominatedOn\":\"")
                    .append(drawDate.minusDays(random.nextInt(300)))
                    .append("\"}");
        }
        if (random.nextInt(20) == 0) {
            b.append(",\"jobOffer\":{\"noc\":\"")
                    .append(pick(NOCS))
                    .append("\",\"lmiaBased\":")
                    .append(random.nextBoolean())
                    .append(",\"from\":\"")
                    .append(drawDate.minusDays(random.nextInt(400)))
                    .append("\"}");
        }
        return b.append('}').toString();
    }

    private void ielts(StringBuilder b, LocalDate taken) {
        b.append("{\"test\":\"IELTS_GENERAL\",\"takenOn\":\"")
                .append(taken)
                .append("\",\"listening\":")
                .append(pick(IELTS))
                .append(",\"reading\":")
                .append(pick(IELTS))
                .append(",\"writing\":")
                .append(pick(IELTS))
                .append(",\"speaking\":")
                .append(pick(IELTS))
                .append('}');
    }

    private void work(StringBuilder b, String country) {
        LocalDate from = drawDate.minusDays(200 + random.nextInt(3650));
        b.append("{\"noc\":\"")
                .append(pick(NOCS))
                .append("\",\"country\":\"")
                .append(country)
                .append("\",\"from\":\"")
                .append(from)
                .append('"');
        if (random.nextBoolean()) {
            LocalDate to = from.plusDays(180 + random.nextInt(1500));
            b.append(",\"to\":\"")
                    .append(to.isBefore(drawDate) ? to : drawDate.minusDays(1))
                    .append('"');
        }
        b.append(",\"hoursPerWeek\":")
                .append(random.nextInt(4) == 0 ? 20 + random.nextInt(10) : 30 + random.nextInt(15))
                .append('}');
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private double pick(double[] values) {
        return values[random.nextInt(values.length)];
    }
}
