package ca.eeradar.scoring.crs;

public enum OfficialLanguage { ENGLISH, FRENCH }
