package ca.eeradar.crs;

/**
 * A designated language test (docs/crs-rules.md#language-tests). {@code CLB}/{@code NCLC} are levels entered
 * directly. {@code TEF_CANADA} is the /699 scale, {@code TEF_CANADA_ANCIEN} the "équivalence ancien
 * score" scale: the scale is always given, never guessed from the number.
 */
public enum LanguageTestType {
    IELTS_GENERAL(OfficialLanguage.ENGLISH),
    CELPIP_GENERAL(OfficialLanguage.ENGLISH),
    PTE_CORE(OfficialLanguage.ENGLISH),
    TEF_CANADA(OfficialLanguage.FRENCH),
    TEF_CANADA_ANCIEN(OfficialLanguage.FRENCH),
    TCF_CANADA(OfficialLanguage.FRENCH),
    CLB(OfficialLanguage.ENGLISH),
    NCLC(OfficialLanguage.FRENCH);

    private final OfficialLanguage language;

    LanguageTestType(OfficialLanguage language) {
        this.language = language;
    }

    public OfficialLanguage language() {
        return language;
    }
}
