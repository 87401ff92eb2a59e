#include "modules/assessment/assessment.hpp"

namespace npgov::assessment {

std::vector<store::Migration> Migrations() {
    return {
        // A screening run and its ranked rows. The rows carry the columns the filters need
        // (category, per-dimension scores and gap flags, list ids and gap codes as ",a,b,"
        // text, a lower-cased search text) and the evidence as JSON; wording shared by many
        // rows (gap and category texts) is stored once, with the run.
        {50, "assessment_screening", R"sql(
CREATE TABLE assessment_screening_runs (
    id             {{id}},
    status         TEXT NOT NULL,
    phase          TEXT NOT NULL,
    done           BIGINT NOT NULL DEFAULT 0,
    total          BIGINT NOT NULL DEFAULT 0,
    actor          TEXT NOT NULL,
    started_at     TEXT NOT NULL,
    heartbeat_at   TEXT NOT NULL,
    finished_at    TEXT NOT NULL DEFAULT '',
    survey_year    INTEGER,
    engine_version TEXT NOT NULL DEFAULT '',
    params_id      TEXT NOT NULL DEFAULT '',
    params_version TEXT NOT NULL DEFAULT '',
    params_sha256  TEXT NOT NULL DEFAULT '',
    inputs_sha256  TEXT NOT NULL DEFAULT '',
    substances     BIGINT NOT NULL DEFAULT 0,
    summary        TEXT NOT NULL DEFAULT '{}',
    criteria       TEXT NOT NULL DEFAULT '[]',
    texts          TEXT NOT NULL DEFAULT '{}',
    error          TEXT NOT NULL DEFAULT ''
);
CREATE TABLE assessment_screening_rows (
    run_id          BIGINT NOT NULL REFERENCES assessment_screening_runs (id),
    rank            BIGINT NOT NULL,
    substance_id    BIGINT NOT NULL,
    cas             TEXT NOT NULL,
    name_zh         TEXT NOT NULL,
    name_en         TEXT NOT NULL,
    category        TEXT NOT NULL,
    tier            INTEGER NOT NULL,
    total           DOUBLE PRECISION NOT NULL,
    concern         TEXT NOT NULL,
    hazard_score    DOUBLE PRECISION,
    volume_score    DOUBLE PRECISION,
    detection_score DOUBLE PRECISION,
    use_score       DOUBLE PRECISION,
    hazard_gap      INTEGER NOT NULL,
    volume_gap      INTEGER NOT NULL,
    detection_gap   INTEGER NOT NULL,
    use_gap         INTEGER NOT NULL,
    lists           TEXT NOT NULL,
    gaps            TEXT NOT NULL,
    search          TEXT NOT NULL,
    evidence        TEXT NOT NULL,
    PRIMARY KEY (run_id, rank)
);
CREATE INDEX assessment_screening_rows_category ON assessment_screening_rows (run_id, category, rank);
CREATE INDEX assessment_screening_rows_substance ON assessment_screening_rows (run_id, substance_id);
)sql"},
        // Versions of a substance's risk assessment; content is the assessment as saved (JSON).
        {51, "assessment_records", R"sql(
CREATE TABLE assessment_records (
    id               {{id}},
    substance_id     BIGINT NOT NULL,
    version          INTEGER NOT NULL,
    status           TEXT NOT NULL,
    cas              TEXT NOT NULL,
    name_zh          TEXT NOT NULL,
    pnec_choice      TEXT NOT NULL,
    pnec_ug_l        DOUBLE PRECISION,
    pnec_method      TEXT NOT NULL,
    max_rq           DOUBLE PRECISION,
    band             TEXT NOT NULL,
    assessor         TEXT NOT NULL,
    assessed_at      TEXT NOT NULL,
    assessor_comment TEXT NOT NULL,
    reviewer         TEXT NOT NULL DEFAULT '',
    reviewed_at      TEXT NOT NULL DEFAULT '',
    review_comment   TEXT NOT NULL DEFAULT '',
    publisher        TEXT NOT NULL DEFAULT '',
    published_at     TEXT NOT NULL DEFAULT '',
    publish_comment  TEXT NOT NULL DEFAULT '',
    content          TEXT NOT NULL,
    content_sha256   TEXT NOT NULL,
    UNIQUE (substance_id, version)
);
)sql"},
        // Structure-class matches per substance, kept while its structure and the rule set
        // stay the same (list_memberships.hpp).
        {52, "assessment_structure_matches", R"sql(
CREATE TABLE assessment_structure_matches (
    substance_id BIGINT PRIMARY KEY,
    smiles       TEXT NOT NULL,
    rule_set     TEXT NOT NULL,
    matches      TEXT NOT NULL,
    computed_at  TEXT NOT NULL
);
)sql"},
    };
}

}  // namespace npgov::assessment
