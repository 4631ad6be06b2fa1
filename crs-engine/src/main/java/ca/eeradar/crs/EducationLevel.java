package ca.eeradar.crs;

/** Highest level of education, in the order of the CRS education table (docs/crs-rules.md#core). */
public enum EducationLevel {
    LESS_THAN_SECONDARY,
    SECONDARY,
    ONE_YEAR,
    TWO_YEAR,
    BACHELORS,
    TWO_OR_MORE,
    MASTERS,
    DOCTORAL
}
