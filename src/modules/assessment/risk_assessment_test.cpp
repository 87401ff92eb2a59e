// The assessment module's pure parts: the hazard module's records fed to the assess and fate
// engines (results compared with the engines' independent references: scipy for the SSD,
// numpy for Level III), the choice of MEC statistic, risk quotients and the facts given to the
// screening engine.
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include <gtest/gtest.h>

#include "core/csv.hpp"
#include "engines/assess/pnec_factors.hpp"
#include "engines/fate/input_json.hpp"
#include "engines/stats/censored_summary.hpp"
#include "modules/assessment/number_text.hpp"
#include "modules/assessment/risk_assessment.hpp"
#include "modules/assessment/screening_facts.hpp"

namespace npgov::assessment {
namespace {

std::string ReadText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    EXPECT_TRUE(in) << "cannot read " << path;
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

assess::PnecFactors Factors() {
    auto parsed = assess::ParsePnecFactors(ReadText("data/assess/pnec_factors.json"));
    EXPECT_TRUE(parsed) << parsed.error().Describe();
    return parsed.value_or(assess::PnecFactors{});
}

fate::Environment Shuozhou() {
    auto parsed = fate::ParseEnvironment(ReadText("data/fate/shuozhou_environment.json"));
    EXPECT_TRUE(parsed) << parsed.error().Describe();
    return parsed.value_or(fate::Environment{});
}

hazard::PropertyValue Measured(hazard::PropertyKind kind, double value, const std::string& unit,
                               std::optional<double> temperature_c = std::nullopt) {
    hazard::PropertyValue v;
    v.id = static_cast<std::int64_t>(kind) + 1;
    v.substance_id = 1;
    v.entry.property = kind;
    v.entry.value = value;
    v.entry.unit = unit;
    v.entry.temperature_c = temperature_c;
    v.entry.provenance = hazard::Provenance::kMeasured;
    v.entry.reliability = 2;
    v.entry.source = "test source";
    v.entry.source_year = 2006;
    const auto errors = hazard::ValidateProperty(v.entry, {}, &v.normalised);
    EXPECT_TRUE(errors.empty()) << (errors.empty() ? "" : errors.front().Describe());
    return v;
}

hazard::EcotoxRecord Ecotox(std::int64_t id, const std::string& species, hazard::TaxonGroup group, hazard::Endpoint endpoint,
                            hazard::Exposure exposure, double mg_per_l, int reliability = 2) {
    hazard::NewEcotox e;
    e.species = species;
    e.taxon_group = group;
    e.endpoint = endpoint;
    e.exposure = exposure;
    e.duration = exposure == hazard::Exposure::kChronic ? 21 : 48;
    e.duration_unit = exposure == hazard::Exposure::kChronic ? "d" : "h";
    e.value = mg_per_l;
    e.unit = "mg/L";
    e.reliability = reliability;
    e.source = "CCME 2009 boron (ssdtools data-raw/CCME data.csv)";
    hazard::EcotoxRecord out;
    const auto errors = hazard::ValidateEcotox(e, {}, &out);
    EXPECT_TRUE(errors.empty()) << species << ": " << (errors.empty() ? "" : errors.front().Describe());
    out.id = id;
    out.substance_id = 1;
    return out;
}

// CCME (2009) long-term boron data, mg B/L, 28 species (as in the assess engine's SSD test),
// entered with the hazard module's coarse groups: crustaceans and insects as invertebrates,
// protozoa as microorganisms, plants as aquatic plants.
std::vector<hazard::EcotoxRecord> Boron() {
    using G = hazard::TaxonGroup;
    struct S {
        const char* name;
        G group;
        double mg_per_l;
    };
    const S species[] = {
        {"Oncorhynchus mykiss", G::kFish, 2.1},          {"Ictalurus punctatus", G::kFish, 2.4},
        {"Micropterus salmoides", G::kFish, 4.1},        {"Brachydanio rerio", G::kFish, 10},
        {"Carassius auratus", G::kFish, 15.6},           {"Pimephales promelas", G::kFish, 18.3},
        {"Daphnia magna", G::kInvertebrate, 6},          {"Opercularia bimarginata", G::kMicroorganism, 10},
        {"Ceriodaphnia dubia", G::kInvertebrate, 13.4},  {"Entosiphon sulcatum", G::kMicroorganism, 15},
        {"Chironomus decorus", G::kInvertebrate, 20},    {"Paramecium caudatum", G::kMicroorganism, 20},
        {"Rana pipiens", G::kAmphibian, 20.4},           {"Bufo fowleri", G::kAmphibian, 48.6},
        {"Bufo americanus", G::kAmphibian, 50},          {"Ambystoma jeffersonianum", G::kAmphibian, 70.7},
        {"Ambystoma maculatum", G::kAmphibian, 70.7},    {"Rana sylvatica", G::kAmphibian, 70.7},
        {"Elodea canadensis", G::kAquaticPlant, 1},      {"Spirodella polyrrhiza", G::kAquaticPlant, 1.8},
        {"Chlorella pyrenoidosa", G::kAlgae, 2},         {"Phragmites australis", G::kAquaticPlant, 4},
        {"Chlorella vulgaris", G::kAlgae, 5.2},          {"Selenastrum capricornutum", G::kAlgae, 12.3},
        {"Scenedesmus subpicatus", G::kAlgae, 30},       {"Myriophyllum spicatum", G::kAquaticPlant, 34.2},
        {"Anacystis nidulans", G::kCyanobacteria, 50},   {"Lemna minor", G::kAquaticPlant, 60},
    };
    std::vector<hazard::EcotoxRecord> out;
    std::int64_t id = 1;
    for (const S& s : species) {
        out.push_back(Ecotox(id++, s.name, s.group, hazard::Endpoint::kNoec, hazard::Exposure::kChronic, s.mg_per_l));
    }
    return out;
}

TEST(DerivePnecTest, BoronThroughTheHazardModuleMatchesScipy) {
    auto records = Boron();
    // A soil test is set aside, not given to the aquatic methods.
    hazard::NewEcotox soil;
    soil.species = "Eisenia fetida";
    soil.taxon_group = hazard::TaxonGroup::kSoilOrganism;
    soil.endpoint = hazard::Endpoint::kNoec;
    soil.exposure = hazard::Exposure::kChronic;
    soil.duration = 56;
    soil.duration_unit = "d";
    soil.value = 15;
    soil.unit = "mg/kg";
    soil.reliability = 2;
    soil.source = "test";
    hazard::EcotoxRecord soil_record;
    ASSERT_TRUE(hazard::ValidateEcotox(soil, {}, &soil_record).empty());
    soil_record.id = 99;
    records.push_back(soil_record);
    const auto profile = hazard::BuildProfile(1, {}, std::nullopt, records, {});

    const PnecSection p = DerivePnec(profile, Factors());
    ASSERT_FALSE(p.refusal) << p.refusal->Describe();
    EXPECT_EQ(p.rows.size(), 28u);
    ASSERT_EQ(p.set_aside.size(), 1u);
    EXPECT_NE(p.set_aside[0].find("Eisenia fetida"), std::string::npos);
    // Daphnia, Ceriodaphnia → crustacean; Chironomus → insect; three protozoa.
    EXPECT_EQ(p.group_refinements.size(), 6u);
    ASSERT_TRUE(p.assessment);
    const auto& ssd = p.assessment->ssd;
    ASSERT_FALSE(ssd.refusal) << ssd.refusal->message_en;
    EXPECT_EQ(ssd.taxonomic_groups.size(), 8u);  // needs the genus refinement: 7 groups without it
    // tests/golden/assess/ssd_golden.csv (scipy.stats.nct), Boron: HC5 1.5820910498369412 mg/L,
    // 90 % interval 0.7574900701673337–2.7092261420278017 mg/L.
    ASSERT_TRUE(ssd.hc5_ug_per_l && ssd.hc5_lower_ug_per_l && ssd.hc5_upper_ug_per_l);
    EXPECT_NEAR(*ssd.hc5_ug_per_l, 1582.0910498369412, 1e-9 * 1582);
    EXPECT_NEAR(*ssd.hc5_lower_ug_per_l, 757.4900701673337, 1e-9 * 757);
    EXPECT_NEAR(*ssd.hc5_upper_ug_per_l, 2709.2261420278017, 1e-9 * 2709);
    ASSERT_TRUE(p.adopted_ug_per_l);
    const auto& af = p.assessment->assessment_factor.pnec_ug_per_l;
    const double lowest = af ? std::min(*af, *ssd.pnec_ug_per_l) : *ssd.pnec_ug_per_l;
    EXPECT_DOUBLE_EQ(*p.adopted_ug_per_l, lowest);

    const PnecSection chosen = DerivePnec(profile, Factors(), PnecChoice::kSsd);
    ASSERT_TRUE(chosen.adopted_ug_per_l);
    EXPECT_NEAR(*chosen.adopted_ug_per_l, 1582.0910498369412 / 5, 1e-9 * 316);
    EXPECT_EQ(chosen.adopted_method, "ssd");
}

TEST(DerivePnecTest, NoAquaticDataIsARefusalNotAZero) {
    const auto profile = hazard::BuildProfile(1, {}, std::nullopt, {}, {});
    const PnecSection p = DerivePnec(profile, Factors());
    ASSERT_TRUE(p.refusal);
    EXPECT_EQ(p.refusal->reason, "assessment.no_aquatic_ecotox");
    EXPECT_FALSE(p.adopted_ug_per_l);
}

std::map<std::string, double> Golden(const std::string& case_id, const std::string& environment) {
    std::map<std::string, double> out;
    std::istringstream in(ReadText("tests/golden/fate/level3_golden.csv"));
    std::string line;
    while (std::getline(in, line)) {
        std::vector<std::string> cells;
        std::stringstream row(line);
        std::string cell;
        while (std::getline(row, cell, ',')) cells.push_back(cell);
        if (cells.size() == 4 && cells[0] == case_id && cells[1] == environment) out[cells[2]] = std::stod(cells[3]);
    }
    return out;
}

// Benzene as in tests/golden/fate/cases.json, entered as measured hazard values, with survey
// emissions of 8760 t/a per route (= 1000 kg/h): the PECs must be those of the independent
// numpy reference (tests/golden/fate/level3_reference.py) for that case in Shuozhou.
TEST(PredictPecTest, BenzeneFromSurveyEmissionsMatchesTheNumpyReference) {
    using K = hazard::PropertyKind;
    std::vector<hazard::PropertyValue> props = {
        Measured(K::kMolarMass, 78.11, "g/mol"),
        Measured(K::kWaterSolubility, 1780, "mg/L", 25),
        Measured(K::kVapourPressure, 12700, "Pa", 25),
        Measured(K::kLogKow, 2.13, ""),
        // Koc as the model's default (0.41·Kow, Karickhoff 1981), so that the selection rule
        // does not pick the structure-free Sabljić estimate the hazard module computes from log Kow.
        Measured(K::kKoc, 0.41 * std::pow(10.0, 2.13), "L/kg"),
        Measured(K::kMeltingPoint, 5.5, "°C"),
        Measured(K::kHalfLifeAir, 17, "h"),
        Measured(K::kHalfLifeWater, 170, "h"),
        Measured(K::kHalfLifeSoil, 550, "h"),
        Measured(K::kHalfLifeSediment, 1700, "h"),
    };
    const auto profile = hazard::BuildProfile(1, props, std::nullopt, {}, {});
    survey::SubstanceTotal emissions;
    emissions.cas = "71-43-2";
    emissions.air = emissions.water = emissions.soil = 8760;
    emissions.emissions_reported = true;
    const PecSection pec = PredictPec(profile, "benzene", "71-43-2", &emissions, 2024, Shuozhou());
    ASSERT_FALSE(pec.refusal) << pec.refusal->Describe();
    ASSERT_TRUE(pec.result) << (pec.missing.empty() ? "" : pec.missing.front().en);
    ASSERT_TRUE(pec.input);
    EXPECT_NEAR(pec.input->emissions.air_kg_h, 1000, 1e-9);
    EXPECT_NEAR(pec.input->chemical.half_lives.water_h.value_or(0), 170, 1e-9);
    const auto golden = Golden("benzene_all_routes", "shuozhou");
    ASSERT_FALSE(golden.empty());
    for (const auto& c : pec.result->compartments) {
        const std::string m(fate::ToString(c.compartment));
        // Tolerance: half-lives pass through days (h ÷ 24 × 24), a relative error of 1e-15.
        EXPECT_NEAR(c.pec, golden.at("pec_" + m), 1e-9 * golden.at("pec_" + m)) << m;
        EXPECT_NEAR(c.percent, golden.at("percent_" + m), 1e-9 * 100) << m;
    }
    EXPECT_TRUE(pec.missing.empty());
    EXPECT_TRUE(pec.assumptions.empty());
}

TEST(PredictPecTest, MissingPropertiesAndEmissionsAreNamedNotInvented) {
    using K = hazard::PropertyKind;
    const auto profile = hazard::BuildProfile(1, {Measured(K::kLogKow, 2.13, "")}, std::nullopt, {}, {});
    const PecSection pec = PredictPec(profile, "x", "71-43-2", nullptr, 2024, Shuozhou());
    EXPECT_FALSE(pec.result);
    std::vector<std::string> ids;
    for (const auto& g : pec.missing) ids.push_back(g.id);
    for (const char* id : {"pec.no_emissions", "pec.property.molar_mass", "pec.property.water_solubility",
                           "pec.property.vapour_pressure", "pec.property.half_life_air"}) {
        EXPECT_NE(std::find(ids.begin(), ids.end(), id), ids.end()) << id;
    }
    EXPECT_EQ(std::find(ids.begin(), ids.end(), "pec.property.log_kow"), ids.end());
}

monitoring::SubstanceDetection Aggregate(monitoring::Medium medium, long samples, long detects, std::optional<double> max) {
    monitoring::SubstanceDetection d;
    d.cas = "1763-23-1";
    d.medium = medium;
    d.unit = medium == monitoring::Medium::kWater ? "ng/L" : "μg/kg";
    d.samples = samples;
    d.detects = detects;
    d.sites = 2;
    d.max_detected = max;
    d.max_nondetect_limit = 0.5;
    d.first_date = "2024-01-05";
    d.last_date = "2024-12-05";
    return d;
}

monitoring::GroupSummary Pooled(const std::vector<stats::Observation>& sample) {
    monitoring::GroupSummary g;
    auto s = stats::SummarizeCensored(sample);
    EXPECT_TRUE(s);
    g.summary = *s;
    return g;
}

stats::Observation Detect(double v) { return {v, false, 0.1}; }
stats::Observation Below(double limit) { return {std::numeric_limits<double>::quiet_NaN(), true, limit}; }

TEST(ComputeMecTest, KaplanMeierP95ThenMaximumThenNothing) {
    std::vector<stats::Observation> many;
    for (int i = 1; i <= 20; ++i) many.push_back(Detect(i));
    many.push_back(Below(0.5));
    const auto pooled = Pooled(many);
    const MecValue km = ComputeMec(Aggregate(monitoring::Medium::kWater, 21, 20, 20), &pooled);
    EXPECT_EQ(km.statistic, MecStatistic::kKaplanMeierP95);
    ASSERT_TRUE(km.value && pooled.summary.kaplan_meier && pooled.summary.kaplan_meier->p95);
    EXPECT_DOUBLE_EQ(*km.value, *pooled.summary.kaplan_meier->p95);

    // Two detects: the stats engine refuses Kaplan-Meier (fewer than 3), the maximum is used.
    const auto few = Pooled({Detect(3), Detect(7), Below(0.5), Below(0.5)});
    const MecValue max = ComputeMec(Aggregate(monitoring::Medium::kWater, 4, 2, 7), &few);
    EXPECT_EQ(max.statistic, MecStatistic::kMaximum);
    EXPECT_EQ(max.value, 7);
    EXPECT_NE(max.why_en.find("Kaplan-Meier refused"), std::string::npos) << max.why_en;

    const auto none = Pooled({Below(0.5), Below(0.5), Below(1)});
    const MecValue nothing = ComputeMec(Aggregate(monitoring::Medium::kWater, 3, 0, std::nullopt), &none);
    EXPECT_EQ(nothing.statistic, MecStatistic::kNone);
    EXPECT_FALSE(nothing.value);
}

TEST(CharacteriseTest, MecInNanogramsAgainstPnecInMicrograms) {
    RiskAssessment a;
    a.pnec.adopted_ug_per_l = 1.0;
    a.pnec.adopted_method = "assessment_factor";
    MecValue water;
    water.medium = monitoring::Medium::kWater;
    water.unit = "ng/L";
    water.statistic = MecStatistic::kMaximum;
    water.value = 2500;  // ng/L = 2.5 μg/L
    MecValue soil;
    soil.medium = monitoring::Medium::kSoil;
    soil.value = 3;
    a.mec = {water, soil};
    Characterise(a, Factors().risk);
    ASSERT_EQ(a.quotients.size(), 1u);
    EXPECT_EQ(a.quotients[0].exposure, "MEC");
    EXPECT_DOUBLE_EQ(a.quotients[0].exposure_ug_per_l, 2.5);
    EXPECT_DOUBLE_EQ(a.quotients[0].quotient.rq, 2.5);
    EXPECT_FALSE(a.quotients[0].quotient.acceptable);
    bool soil_named = false, pec_named = false;
    for (const auto& g : a.missing) {
        soil_named = soil_named || g.id == "rq.no_pnec.soil";
        pec_named = pec_named || g.id == "pec.no_survey";
    }
    EXPECT_TRUE(soil_named);
    EXPECT_FALSE(pec_named);  // the PEC section was not filled: only its own gaps are listed
}

TEST(ScreeningFactsTest, HazardFactsKeepProvenanceAndDropNegativeConclusions) {
    using K = hazard::PropertyKind;
    hazard::PropertyValue log_kow;
    log_kow.id = 7;
    log_kow.substance_id = 1;
    log_kow.entry.property = K::kLogKow;
    log_kow.entry.value = 4.5;
    log_kow.entry.provenance = hazard::Provenance::kEstimated;
    log_kow.entry.method = "KOWWIN";
    log_kow.entry.method_version = "1.68";
    log_kow.entry.inputs = "SMILES";
    log_kow.normalised = 4.5;
    auto bcf = Measured(K::kBcf, 3100, "L/kg");
    auto half_life = Measured(K::kHalfLifeWater, 200, "d");
    half_life.entry.qualifier = hazard::Qualifier::kGreater;
    std::vector<hazard::ClassificationRecord> classes(3);
    classes[0].entry = {hazard::ClassificationKind::kReproductive, "1B", "GB 30000.24 (test)", 2020, ""};
    classes[1].entry = {hazard::ClassificationKind::kPbt, "no", "ECHA (test)", 2019, ""};
    classes[2].entry = {hazard::ClassificationKind::kPop, "annex_b", "Stockholm Convention", 2009, ""};
    std::vector<hazard::EcotoxRecord> ecotox = {
        Ecotox(1, "Daphnia magna", hazard::TaxonGroup::kInvertebrate, hazard::Endpoint::kNoec, hazard::Exposure::kChronic, 0.05),
        Ecotox(2, "Danio rerio", hazard::TaxonGroup::kFish, hazard::Endpoint::kNoec, hazard::Exposure::kChronic, 0.001, 3),
        Ecotox(3, "Danio rerio", hazard::TaxonGroup::kFish, hazard::Endpoint::kLc50, hazard::Exposure::kAcute, 0.9)};
    const auto profile = hazard::BuildProfile(1, {log_kow, bcf, half_life}, std::nullopt, ecotox, classes);
    const std::vector<Membership> lists = {{"pops", "2023", "POP21", "", "", "CAS 1763-23-1"},
                                           {"pops", "2023", "POP21", "", "", "structure"}};
    const auto h = HazardFactsOf(profile, lists);
    ASSERT_TRUE(h.log_kow);
    ASSERT_TRUE(h.bcf);
    ASSERT_TRUE(h.chronic_noec);
    ASSERT_TRUE(h.acute_lc50);
    ASSERT_TRUE(h.classification);
    EXPECT_EQ(h.log_kow->provenance.origin, screening::Origin::kEstimated);
    EXPECT_EQ(h.log_kow->provenance.source, "KOWWIN 1.68");
    EXPECT_EQ(h.bcf->provenance.origin, screening::Origin::kMeasured);
    EXPECT_EQ(h.bcf->provenance.source, "test source (2006)");
    ASSERT_EQ(h.half_lives.size(), 1u);
    EXPECT_EQ(h.half_lives[0].medium, screening::Medium::kFreshWater);
    EXPECT_EQ(h.half_lives[0].days.qualifier, screening::Qualifier::kGreaterThan);
    EXPECT_DOUBLE_EQ(h.chronic_noec->value, 0.05);  // the Klimisch 3 fish NOEC is not used
    EXPECT_DOUBLE_EQ(h.acute_lc50->value, 0.9);
    EXPECT_EQ(h.classification->reproductive, screening::CmrCategory::k1B);
    EXPECT_EQ(h.classification->carcinogenicity, screening::CmrCategory::kNotClassified);
    ASSERT_EQ(h.conclusions.size(), 1u);  // PBT "no" is not a conclusion
    EXPECT_EQ(h.conclusions[0].kind, screening::ConclusionKind::kPop);
    ASSERT_EQ(h.lists.size(), 1u);  // one entry, however many reasons
}

TEST(ScreeningFactsTest, VolumeAndDetectionKeepGapsApartFromZeros) {
    EXPECT_FALSE(VolumeFactsOf(nullptr, false, 2024));
    const auto zero = VolumeFactsOf(nullptr, true, 2024);
    ASSERT_TRUE(zero);
    EXPECT_EQ(zero->tonnes_per_year, 0);
    survey::SubstanceTotal t;
    t.handled = 125.5;
    t.enterprises = 3;
    t.lines = 4;
    t.tiers = {"basic"};
    t.uses = {{"溶剂", 2}, {"清洗剂", 1}};
    const auto v = VolumeFactsOf(&t, false, 2024);
    ASSERT_TRUE(v);
    EXPECT_EQ(v->tonnes_per_year, 125.5);
    EXPECT_EQ(v->enterprises, 3);
    const auto u = UseFactsOf(&t, 2024);
    ASSERT_TRUE(u);
    EXPECT_EQ(u->categories, (std::vector<std::string>{"溶剂", "清洗剂"}));

    const auto soil = Aggregate(monitoring::Medium::kSoil, 40, 10, 3.0);
    const auto water = Aggregate(monitoring::Medium::kWater, 12, 6, 250.0);
    const AdoptedPnec pnec{0.5, "assessment_factor", "record 1"};
    const auto d = DetectionFactsOf({&soil, &water}, pnec);
    ASSERT_TRUE(d);
    EXPECT_EQ(d->medium, "water");  // water preferred although soil has more samples
    EXPECT_EQ(d->samples, 12);
    ASSERT_TRUE(d->max_detected && d->pnec);
    EXPECT_EQ(d->max_detected->unit, Unit::kNanogramPerLitre);
    EXPECT_EQ(d->pnec->value.unit, Unit::kMicrogramPerLitre);
    EXPECT_NE(d->source.find("also soil"), std::string::npos);
    const auto soil_only = DetectionFactsOf({&soil}, pnec);
    ASSERT_TRUE(soil_only);
    EXPECT_FALSE(soil_only->pnec);  // an aquatic PNEC is not compared with soil concentrations
    EXPECT_FALSE(DetectionFactsOf({}, pnec));
}

TEST(FormatNumberTest, SignificantDigitsWholeNumbersAndExponents) {
    EXPECT_EQ(FormatNumber(0.0123), "0.0123");
    EXPECT_EQ(FormatNumber(12.345678), "12.35");
    EXPECT_EQ(FormatNumber(15200.4), "15200");
    EXPECT_EQ(FormatNumber(2.5e-7), "2.500e-07");
    EXPECT_EQ(FormatNumber(3.2e7), "3.200e+07");
    EXPECT_EQ(FormatNumber(0), "0");
}

}  // namespace
}  // namespace npgov::assessment
