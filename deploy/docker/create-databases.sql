-- Each service owns its database (Flyway creates the schema at the service's start).
CREATE DATABASE ee_radar_ingest;
CREATE DATABASE ee_radar_scoring;
CREATE DATABASE ee_radar_query;
