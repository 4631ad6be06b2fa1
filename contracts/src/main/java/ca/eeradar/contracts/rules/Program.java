package ca.eeradar.contracts.rules;

/**
 * The Express Entry programs a round or a candidate can be eligible for. One definition for the events (a round's
 * {@code program}, {@code eligiblePrograms}), the CRS engine and the forecast; the JSON Schemas list the same names.
 */
public enum Program {
    CEC,
    FSW,
    FST,
    PNP
}
