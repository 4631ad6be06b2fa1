package ca.eeradar.crs;

/** Same constants as {@code ca.eeradar.contracts.Draw.Program}; the engine stays free of the contracts' Jackson. */
public enum Program {
    CEC,
    FSW,
    FST,
    PNP
}
