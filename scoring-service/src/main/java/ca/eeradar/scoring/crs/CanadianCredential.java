package ca.eeradar.scoring.crs;

/** Length of the candidate's Canadian post-secondary credential, if any (Canadian-study points, CRS-REFERENCE §1.5). */
public enum CanadianCredential { NONE, ONE_OR_TWO_YEARS, THREE_YEARS_OR_MORE }
