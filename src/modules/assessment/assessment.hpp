// The assessment module (action plan 二(三), issue 6): screening of the whole registry by the
// four "highs" (screening_runs.hpp) and risk assessments per substance with their review
// workflow (assessment_service.hpp). This header gathers the module's parts for the composition
// root and its schema.
#pragma once

#include <string>
#include <vector>

#include "modules/assessment/assessment_service.hpp"
#include "modules/assessment/list_memberships.hpp"
#include "modules/assessment/screening_runs.hpp"
#include "store/migrations.hpp"

namespace npgov::assessment {

// The module's objects, built together; faces reach them through Services::assessment.
struct Assessment {
    Assessment(store::Database& db, audit::AuditLog& audit, const Clock& clock, substance::SubstanceRegistry& substances,
               hazard::HazardData& hazard, lists::ListRegistry& lists, lists::Classifier& classifier,
               monitoring::ResultReader& monitoring, const std::string& data_dir)
        : memberships(db, lists, classifier, clock),
          screening(db, audit, clock, substances, hazard, memberships, data_dir + "/screening/screening_params.json"),
          assessments(db, audit, clock, substances, hazard, monitoring, data_dir) {}

    ListMemberships memberships;
    ScreeningRuns screening;
    Assessments assessments;
};

// Migrations 50–52: screening runs and rows; assessment records; the structure-match cache.
std::vector<store::Migration> Migrations();

}  // namespace npgov::assessment
