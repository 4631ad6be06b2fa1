package ca.eeradar.crs;

/**
 * The candidate's Canadian post-secondary credential, if any, as IRCC's profile form asks it; it alone
 * decides the additional points for Canadian post-secondary education (docs/crs-rules.md#canadian-study), whatever
 * {@link Profile.Education#level()} (the highest credential anywhere) says.
 */
public enum CanadianCredential {
    /** No Canadian post-secondary credential (secondary school or less in Canada, or studies abroad only): 0. */
    NONE,
    /** A Canadian post-secondary credential of one or two years, e.g. a one-year diploma: 15. */
    ONE_OR_TWO_YEARS,
    /**
     * A Canadian post-secondary credential of three years or more, or a Canadian master's, entry-to-practice
     * professional or doctoral degree of at least one academic year (e.g. a one-year Canadian master's): 30.
     */
    THREE_YEARS_OR_MORE
}
