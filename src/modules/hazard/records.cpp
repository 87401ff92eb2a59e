#include "modules/hazard/records.hpp"

#include <cmath>

#include "core/text.hpp"

namespace npgov::hazard {
namespace {

Error Problem(std::string reason, std::string field, std::string zh, std::string en) {
    return Error{ErrorCode::kInvalidArgument, std::move(reason), std::move(zh), std::move(en), std::move(field), 0};
}

void CheckText(std::vector<Error>& errors, const std::string& text, std::size_t max, const char* field,
               const char* label_zh) {
    if (text.size() > max) {
        errors.push_back(Problem("hazard.text_too_long", field,
                                 std::string(label_zh) + "过长（最多 " + std::to_string(max) + " 字节）",
                                 std::string(field) + " is too long (at most " + std::to_string(max) + " bytes)"));
    }
}

void CheckSource(std::vector<Error>& errors, const std::string& source, const std::optional<int>& year,
                 const ValidationContext& context, bool required) {
    if (required && Trim(source).empty()) {
        errors.push_back(Problem("hazard.source_required", "source", "必须注明数据来源（文献或数据库）",
                                 "a source (publication or database) is required"));
    }
    CheckText(errors, source, kMaxSourceBytes, "source", "来源");
    if (year && (*year < 1900 || *year > context.this_year)) {
        errors.push_back(Problem("hazard.source_year", "source_year",
                                 "来源年份 " + std::to_string(*year) + " 须在 1900–" + std::to_string(context.this_year) +
                                     " 之间",
                                 "source year " + std::to_string(*year) + " must be between 1900 and " +
                                     std::to_string(context.this_year)));
    }
}

void CheckReliability(std::vector<Error>& errors, int reliability) {
    if (reliability < 1 || reliability > 4) {
        errors.push_back(Problem("hazard.reliability", "reliability", "可靠性须为 Klimisch 1–4",
                                 "reliability must be Klimisch 1–4"));
    }
}

}  // namespace

std::vector<Error> ValidateProperty(const NewPropertyValue& entry, const ValidationContext& context,
                                    double* normalised) {
    std::vector<Error> errors;
    auto value = NormaliseValue(entry.property, entry.value, entry.unit);
    if (value) {
        if (normalised) *normalised = *value;
    } else {
        errors.push_back(value.error());
    }
    if (entry.temperature_c) {
        if (!std::isfinite(*entry.temperature_c) || *entry.temperature_c < -100 || *entry.temperature_c > 500) {
            errors.push_back(Problem("hazard.temperature_range", "temperature", "温度须在 −100 至 500 °C 之间",
                                     "the temperature must be between −100 and 500 °C"));
        }
    } else if (TemperatureRequired(entry.property)) {
        errors.push_back(Problem("hazard.temperature_required", "temperature",
                                 std::string(LabelZh(entry.property)) + "随温度变化显著，必须注明测定温度（°C）",
                                 std::string(LabelEn(entry.property)) +
                                     " depends steeply on temperature: give the temperature (°C) it was measured at"));
    }
    if (entry.provenance == Provenance::kMeasured) {
        CheckSource(errors, entry.source, entry.source_year, context, true);
        if (!entry.reliability) {
            errors.push_back(Problem("hazard.reliability_required", "reliability",
                                     "实测值必须给出可靠性（Klimisch 1–4；无法评价时填 4）",
                                     "a measured value needs its reliability (Klimisch 1–4; 4 if not assignable)"));
        }
    } else {
        CheckSource(errors, entry.source, entry.source_year, context, false);
        for (auto [text, field, zh] : {std::tuple{&entry.method, "method", "估算方法"},
                                       std::tuple{&entry.method_version, "method_version", "方法版本"},
                                       std::tuple{&entry.inputs, "inputs", "估算输入"}}) {
            if (Trim(*text).empty()) {
                errors.push_back(Problem("hazard.estimate_method_required", field,
                                         std::string("估算值必须注明") + zh + "（方法名称、版本及输入）",
                                         std::string("an estimate must name its ") + field +
                                             " (method name, version and inputs)"));
            }
        }
    }
    if (entry.reliability) CheckReliability(errors, *entry.reliability);
    CheckText(errors, entry.method, kMaxShortTextBytes, "method", "方法");
    CheckText(errors, entry.method_version, kMaxShortTextBytes, "method_version", "方法版本");
    CheckText(errors, entry.inputs, kMaxNotesBytes, "inputs", "估算输入");
    CheckText(errors, entry.notes, kMaxNotesBytes, "notes", "备注");
    return errors;
}

Compartment DefaultCompartment(TaxonGroup group) {
    switch (group) {
        case TaxonGroup::kSoilOrganism:
        case TaxonGroup::kTerrestrialPlant: return Compartment::kSoil;
        case TaxonGroup::kSedimentOrganism: return Compartment::kSediment;
        case TaxonGroup::kBird:
        case TaxonGroup::kMammal: return Compartment::kOral;
        default: return Compartment::kFreshwater;
    }
}

std::vector<Error> ValidateEcotox(NewEcotox& entry, const ValidationContext& context, EcotoxRecord* out) {
    std::vector<Error> errors;
    entry.species = std::string(Trim(entry.species));
    if (entry.species.empty()) {
        errors.push_back(Problem("hazard.species_required", "species", "必须填写受试物种（学名）",
                                 "the test species (scientific name) is required"));
    }
    CheckText(errors, entry.species, kMaxShortTextBytes, "species", "物种");
    if (!entry.trophic_level) entry.trophic_level = DefaultTrophicLevel(entry.taxon_group);
    if (!entry.compartment) entry.compartment = DefaultCompartment(entry.taxon_group);
    double hours = 0;
    if (auto h = DurationHours(entry.duration, entry.duration_unit)) {
        hours = *h;
    } else {
        errors.push_back(h.error());
    }
    double factor = 1;
    std::string unit;
    if (auto u = ParseEffectUnit(*entry.compartment, entry.unit)) {
        factor = u->factor;
        unit = u->normalised;
    } else {
        errors.push_back(u.error());
    }
    if (!std::isfinite(entry.value) || entry.value <= 0) {
        errors.push_back(Problem("hazard.value_range", "value", "效应浓度须大于 0", "the effect value must be greater than 0"));
    }
    CheckReliability(errors, entry.reliability);
    CheckSource(errors, entry.source, entry.source_year, context, true);
    CheckText(errors, entry.effect, kMaxShortTextBytes, "effect", "效应");
    CheckText(errors, entry.guideline, kMaxShortTextBytes, "guideline", "测试导则");
    CheckText(errors, entry.notes, kMaxNotesBytes, "notes", "备注");
    if (out && errors.empty()) {
        out->entry = entry;
        out->duration_hours = hours;
        out->normalised = entry.value * factor;
        out->normalised_unit = unit;
    }
    return errors;
}

std::vector<Error> ValidateClassification(NewClassification& entry, const ValidationContext& context) {
    std::vector<Error> errors;
    if (auto category = ParseCategory(entry.kind, entry.category)) {
        entry.category = *category;
    } else {
        errors.push_back(category.error());
    }
    CheckSource(errors, entry.source, entry.source_year, context, true);
    CheckText(errors, entry.notes, kMaxNotesBytes, "notes", "备注");
    return errors;
}

}  // namespace npgov::hazard
