package ca.eeradar.crs;

public enum OfficialLanguage {
    ENGLISH,
    FRENCH
}
