package ca.eeradar.crs;

/** Marital status as declared in the Express Entry profile. */
public enum MaritalStatus {
    SINGLE,
    MARRIED,
    COMMON_LAW,
    SEPARATED,
    DIVORCED,
    WIDOWED,
    ANNULLED;

    /** Only a spouse or common-law partner can be "accompanying" (MI definition, docs/crs-rules.md#column). */
    public boolean partnered() {
        return this == MARRIED || this == COMMON_LAW;
    }
}
