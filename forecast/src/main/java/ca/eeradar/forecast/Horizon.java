package ca.eeradar.forecast;

/** The windows a forecast answers for, in days after the as-of date. */
public enum Horizon {
    D30(30),
    D90(90),
    D180(180);

    public final int days;

    Horizon(int days) {
        this.days = days;
    }

    public static final int LONGEST = 180;
}
