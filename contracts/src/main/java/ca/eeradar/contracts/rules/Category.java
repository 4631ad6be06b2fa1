package ca.eeradar.contracts.rules;

/**
 * IRCC's categories of category-based rounds, each with its versions named by the round ({@code categoryVersion}).
 * One definition for the events, the CRS engine's category lists and the forecast's streams; the JSON Schemas list
 * the same names (docs/crs-rules.md#categories).
 */
public enum Category {
    FRENCH_LANGUAGE,
    HEALTHCARE,
    HEALTHCARE_SOCIAL_SERVICES,
    STEM,
    TRADES,
    TRANSPORT,
    AGRICULTURE_AGRI_FOOD,
    EDUCATION,
    PHYSICIANS_CANADIAN_EXPERIENCE,
    SENIOR_MANAGERS_CANADIAN_EXPERIENCE,
    RESEARCHERS_CANADIAN_EXPERIENCE,
    SKILLED_MILITARY_RECRUITS
}
