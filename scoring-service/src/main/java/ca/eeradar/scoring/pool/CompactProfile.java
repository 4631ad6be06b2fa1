package ca.eeradar.scoring.pool;

import ca.eeradar.crs.CanadianCredential;
import ca.eeradar.crs.EducationLevel;
import ca.eeradar.crs.LanguageTestType;
import ca.eeradar.crs.MaritalStatus;
import ca.eeradar.crs.OfficialLanguage;
import ca.eeradar.crs.Profile;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A compact binary form of a {@link Profile}, stored beside the JSON, read by the daily re-score
 * instead of it and carried (encrypted) by the profile topic the evaluation's pools are built from. Measured on the 2-core machine: Jackson parsing of the ~550-byte JSON
 * was about five times slower than the CRS assessment itself, so the hot path decodes this instead
 * (fixed-width fields, enum ordinals, no text parsing). The JSON stays the source of truth: a row
 * without a compact form (or of another format version) is read from its JSON.
 */
public final class CompactProfile {
    /** Bumped whenever the layout changes; rows of an older layout are read from their JSON. */
    static final byte FORMAT = 1;

    /**
     * Enum constants are stored by ordinal: a reordered or extended enum changes this hash, and rows
     * written before are then read from their JSON instead of being decoded wrongly.
     */
    static final int ENUMS = java.util.Arrays.deepHashCode(new Object[] {
        names(MaritalStatus.values()),
        names(EducationLevel.values()),
        names(CanadianCredential.values()),
        names(LanguageTestType.values()),
        names(OfficialLanguage.values())
    });

    static {
        // A new field in the profile contract must be encoded here too: fail loudly, never drop it silently.
        if (Profile.class.getRecordComponents().length != 12) {
            throw new IllegalStateException("Profile changed: update CompactProfile (and bump FORMAT)");
        }
    }

    private CompactProfile() {}

    /** The layout this build writes and reads: format version and enum layout. */
    public static String layout() {
        return "compact-v" + FORMAT + "-" + Integer.toHexString(ENUMS);
    }

    public static byte[] encode(Profile p) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeInt(ENUMS);
            instant(out, p.profileSubmittedAt());
            date(out, p.dateOfBirth());
            ordinal(out, p.maritalStatus());
            out.writeBoolean(p.spouse() != null);
            if (p.spouse() != null) {
                out.writeBoolean(p.spouse().accompanying());
                out.writeBoolean(p.spouse().canadianCitizenOrPermanentResident());
                education(out, p.spouse().education());
                tests(out, p.spouse().languageTests());
                work(out, p.spouse().workExperience());
            }
            education(out, p.education());
            tests(out, p.languageTests());
            ordinal(out, p.firstOfficialLanguage());
            work(out, p.workExperience());
            out.writeBoolean(p.certificateOfQualification() != null);
            if (p.certificateOfQualification() != null) {
                string(out, p.certificateOfQualification().noc());
                string(out, p.certificateOfQualification().province());
            }
            out.writeBoolean(p.siblingInCanada());
            out.writeBoolean(p.provincialNomination() != null);
            if (p.provincialNomination() != null) {
                string(out, p.provincialNomination().province());
                date(out, p.provincialNomination().nominatedOn());
            }
            out.writeBoolean(p.jobOffer() != null);
            if (p.jobOffer() != null) {
                string(out, p.jobOffer().noc());
                out.writeBoolean(p.jobOffer().lmiaBased());
                date(out, p.jobOffer().from());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Null if {@code bytes} is of another format version or enum layout: read the JSON then. */
    public static Profile decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (bytes.length < 5 || in.get() != FORMAT || in.getInt() != ENUMS) {
            return null;
        }
        Instant submitted = instant(in);
        LocalDate born = date(in);
        MaritalStatus marital = ordinal(in, MaritalStatus.values());
        Profile.Spouse spouse = null;
        if (in.get() != 0) {
            boolean accompanying = in.get() != 0;
            boolean citizen = in.get() != 0;
            spouse = new Profile.Spouse(accompanying, citizen, education(in), tests(in), work(in));
        }
        Profile.Education education = education(in);
        List<Profile.LanguageTest> tests = tests(in);
        OfficialLanguage first = ordinal(in, OfficialLanguage.values());
        List<Profile.WorkExperience> work = work(in);
        Profile.CertificateOfQualification coq =
                in.get() != 0 ? new Profile.CertificateOfQualification(string(in), string(in)) : null;
        boolean sibling = in.get() != 0;
        Profile.ProvincialNomination pn = in.get() != 0 ? new Profile.ProvincialNomination(string(in), date(in)) : null;
        Profile.JobOffer offer = null;
        if (in.get() != 0) {
            String noc = string(in);
            boolean lmia = in.get() != 0;
            offer = new Profile.JobOffer(noc, lmia, date(in));
        }
        return new Profile(submitted, born, marital, spouse, education, tests, first, work, coq, sibling, pn, offer);
    }

    private static String[] names(Enum<?>[] values) {
        String[] names = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            names[i] = values[i].name();
        }
        return names;
    }

    private static void education(DataOutputStream out, Profile.Education e) throws IOException {
        out.writeBoolean(e != null);
        if (e != null) {
            ordinal(out, e.level());
            ordinal(out, e.canadianCredential());
            date(out, e.ecaIssuedOn());
        }
    }

    private static Profile.Education education(ByteBuffer in) {
        return in.get() == 0
                ? null
                : new Profile.Education(
                        ordinal(in, EducationLevel.values()), ordinal(in, CanadianCredential.values()), date(in));
    }

    private static void tests(DataOutputStream out, List<Profile.LanguageTest> tests) throws IOException {
        out.writeShort(tests == null ? -1 : tests.size());
        if (tests != null) {
            for (Profile.LanguageTest t : tests) {
                ordinal(out, t.test());
                date(out, t.takenOn());
                number(out, t.listening());
                number(out, t.reading());
                number(out, t.writing());
                number(out, t.speaking());
            }
        }
    }

    private static List<Profile.LanguageTest> tests(ByteBuffer in) {
        int n = in.getShort();
        if (n < 0) {
            return null;
        }
        List<Profile.LanguageTest> tests = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tests.add(new Profile.LanguageTest(
                    ordinal(in, LanguageTestType.values()), date(in), number(in), number(in), number(in), number(in)));
        }
        return tests;
    }

    private static void work(DataOutputStream out, List<Profile.WorkExperience> work) throws IOException {
        out.writeShort(work == null ? -1 : work.size());
        if (work != null) {
            for (Profile.WorkExperience w : work) {
                string(out, w.noc());
                string(out, w.country());
                date(out, w.from());
                date(out, w.to());
                number(out, w.hoursPerWeek());
            }
        }
    }

    private static List<Profile.WorkExperience> work(ByteBuffer in) {
        int n = in.getShort();
        if (n < 0) {
            return null;
        }
        List<Profile.WorkExperience> work = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            work.add(new Profile.WorkExperience(string(in), string(in), date(in), date(in), number(in)));
        }
        return work;
    }

    private static void instant(DataOutputStream out, Instant i) throws IOException {
        out.writeBoolean(i != null);
        if (i != null) {
            out.writeLong(i.getEpochSecond());
            out.writeInt(i.getNano());
        }
    }

    private static Instant instant(ByteBuffer in) {
        return in.get() == 0 ? null : Instant.ofEpochSecond(in.getLong(), in.getInt());
    }

    private static final int NO_DATE = Integer.MIN_VALUE;

    private static void date(DataOutputStream out, LocalDate d) throws IOException {
        out.writeInt(d == null ? NO_DATE : Math.toIntExact(d.toEpochDay()));
    }

    private static LocalDate date(ByteBuffer in) {
        int day = in.getInt();
        return day == NO_DATE ? null : LocalDate.ofEpochDay(day);
    }

    private static void number(DataOutputStream out, Double d) throws IOException {
        out.writeBoolean(d != null);
        if (d != null) {
            out.writeDouble(d);
        }
    }

    private static Double number(ByteBuffer in) {
        return in.get() == 0 ? null : in.getDouble();
    }

    private static void ordinal(DataOutputStream out, Enum<?> e) throws IOException {
        out.writeByte(e == null ? -1 : e.ordinal());
    }

    private static <E extends Enum<E>> E ordinal(ByteBuffer in, E[] values) {
        int o = in.get();
        return o < 0 ? null : values[o];
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeShort(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeShort(b.length);
        out.write(b);
    }

    private static String string(ByteBuffer in) {
        int n = in.getShort();
        if (n < 0) {
            return null;
        }
        String s = new String(in.array(), in.position(), n, StandardCharsets.UTF_8);
        in.position(in.position() + n);
        return s;
    }
}
