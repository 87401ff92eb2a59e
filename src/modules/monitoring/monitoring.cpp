#include "modules/monitoring/monitoring.hpp"

namespace npgov::monitoring {

SiteScope SiteScopeOf(const auth::Principal& principal) { return SiteScope{principal.region_code}; }

// Every large table (events, samples, results) carries the region code and the sampling date
// (DESIGN.md "Scale": partitioning by time and region). Results keep the value and unit as the
// lab gave them beside the value normalised per medium, and the cell as written.
std::vector<store::Migration> Migrations() {
    return {
        {20, "monitoring_sites", R"sql(
CREATE TABLE monitoring_sites (
    id          {{id}},
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    site_type   TEXT NOT NULL,
    region_code TEXT NOT NULL,
    water_body  TEXT NOT NULL,
    latitude    DOUBLE PRECISION,
    longitude   DOUBLE PRECISION,
    synthetic   INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX monitoring_sites_region ON monitoring_sites (region_code, code);
CREATE INDEX monitoring_sites_type ON monitoring_sites (site_type, code);
)sql"},
        {21, "monitoring_imports", R"sql(
CREATE TABLE monitoring_imports (
    id              {{id}},
    file_sha256     TEXT NOT NULL UNIQUE,
    file_name       TEXT NOT NULL,
    file_format     TEXT NOT NULL,
    laboratories    TEXT NOT NULL,
    row_count       BIGINT NOT NULL,
    result_count    BIGINT NOT NULL,
    censored_count  BIGINT NOT NULL,
    site_count      BIGINT NOT NULL,
    events_created  BIGINT NOT NULL,
    samples_created BIGINT NOT NULL,
    first_date      TEXT NOT NULL,
    last_date       TEXT NOT NULL,
    synthetic       INTEGER NOT NULL DEFAULT 0,
    actor           TEXT NOT NULL,
    imported_at     TEXT NOT NULL
);
)sql"},
        {22, "monitoring_results", R"sql(
CREATE TABLE monitoring_events (
    id            {{id}},
    site_id       BIGINT NOT NULL REFERENCES monitoring_sites (id),
    region_code   TEXT NOT NULL,
    sampled_on    TEXT NOT NULL,
    sampling_time TEXT NOT NULL,
    sampler       TEXT NOT NULL,
    import_id     BIGINT NOT NULL REFERENCES monitoring_imports (id),
    created_at    TEXT NOT NULL,
    UNIQUE (site_id, sampled_on, sampling_time)
);
CREATE INDEX monitoring_events_region ON monitoring_events (region_code, sampled_on);
CREATE TABLE monitoring_samples (
    id          {{id}},
    event_id    BIGINT NOT NULL REFERENCES monitoring_events (id),
    site_id     BIGINT NOT NULL,
    region_code TEXT NOT NULL,
    sampled_on  TEXT NOT NULL,
    medium      TEXT NOT NULL,
    matrix      TEXT NOT NULL,
    depth_m     DOUBLE PRECISION,
    sample_key  TEXT NOT NULL,
    import_id   BIGINT NOT NULL REFERENCES monitoring_imports (id),
    UNIQUE (event_id, sample_key)
);
CREATE INDEX monitoring_samples_region ON monitoring_samples (region_code, sampled_on);
CREATE TABLE monitoring_results (
    id                 {{id}},
    sample_id          BIGINT NOT NULL REFERENCES monitoring_samples (id),
    site_id            BIGINT NOT NULL,
    region_code        TEXT NOT NULL,
    sampled_on         TEXT NOT NULL,
    medium             TEXT NOT NULL,
    cas                TEXT NOT NULL,
    substance_name     TEXT NOT NULL,
    reported           TEXT NOT NULL,
    qualifier          TEXT NOT NULL,
    value              DOUBLE PRECISION,
    unit               TEXT NOT NULL,
    lod                DOUBLE PRECISION,
    loq                DOUBLE PRECISION,
    normalised_unit    TEXT NOT NULL,
    normalised_value   DOUBLE PRECISION,
    normalised_limit   DOUBLE PRECISION,
    censored           INTEGER NOT NULL,
    method             TEXT NOT NULL,
    laboratory         TEXT NOT NULL,
    blank_value        DOUBLE PRECISION,
    spike_recovery_pct DOUBLE PRECISION,
    duplicate_rpd_pct  DOUBLE PRECISION,
    import_id          BIGINT NOT NULL REFERENCES monitoring_imports (id),
    source_row         BIGINT NOT NULL,
    UNIQUE (sample_id, cas)
);
CREATE INDEX monitoring_results_group ON monitoring_results (site_id, cas, medium, sampled_on);
CREATE INDEX monitoring_results_cas ON monitoring_results (cas, medium);
CREATE INDEX monitoring_results_region ON monitoring_results (region_code, sampled_on);
)sql"},
        // The substance registry's id of a result's CAS number, where the registry holds it.
        {23, "monitoring_results_substance", R"sql(
ALTER TABLE monitoring_results ADD COLUMN substance_id BIGINT;
)sql"},
    };
}

}  // namespace npgov::monitoring
