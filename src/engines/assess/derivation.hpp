// The shapes every assess result shares: a derivation written as steps (Chinese and English
// text plus the numbers behind each), data gaps that say what is missing, and why a record
// was left out. A regulator reads these to defend a PNEC line by line. Pure value types.
#pragma once

#include <string>
#include <vector>

namespace npgov::assess {

// One number shown in a step: a name ("lowest_lc50"), its value, and its unit ("μg/L"; empty
// for a pure number such as an assessment factor).
struct StepNumber {
    std::string name;
    double value = 0;
    std::string unit;
};

// One step of a derivation, in both languages, with the numbers it used or produced.
struct DerivationStep {
    std::string id;  // stable, e.g. "af.lowest_value"
    std::string zh, en;
    std::vector<StepNumber> numbers;
};

// Something the data lack, e.g. id "af.base_set.producer": "no algae data: base set incomplete".
struct DataGap {
    std::string id;
    std::string zh, en;
};

// Why a record is not used (by one method or by both).
struct Exclusion {
    std::string id;  // e.g. "reliability", "qualifier", "endpoint_not_used"
    std::string zh, en;
};

}  // namespace npgov::assess
