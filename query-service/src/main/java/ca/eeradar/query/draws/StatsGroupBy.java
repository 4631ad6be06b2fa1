package ca.eeradar.query.draws;

/**
 * How /draws/stats groups rounds. {@code category}: category rounds by category (other rounds are
 * left out); {@code program}: program rounds by program and general rounds as "GENERAL" (category
 * rounds are left out: they are counted under {@code category}).
 */
public enum StatsGroupBy {
    year("extract(year from draw_date)::int::text"),
    category("category"),
    program("case when round_type = 'GENERAL' then 'GENERAL' when round_type = 'PROGRAM' then program end");

    final String sql;

    StatsGroupBy(String sql) {
        this.sql = sql;
    }
}
