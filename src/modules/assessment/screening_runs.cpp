#include "modules/assessment/screening_runs.hpp"

#include <chrono>
#include <fstream>
#include <map>
#include <set>
#include <span>
#include <sstream>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/text.hpp"
#include "engines/screening/screening.hpp"
#include "modules/assessment/screening_json.hpp"
#include "modules/auth/secrets.hpp"
#include "modules/monitoring/substance_detections.hpp"
#include "modules/survey/substance_totals.hpp"
#include "store/transaction.hpp"
#include "store/placeholders.hpp"

namespace npgov::assessment {
namespace {

using nlohmann::json;
using Clock_ = std::chrono::steady_clock;

constexpr std::size_t kRowBatch = 100;       // rows per INSERT
constexpr std::size_t kProfileBatch = 10000;  // hazard profiles in memory at once
constexpr std::int64_t kStaleSeconds = 900;  // a running run without a heartbeat this long was interrupted

constexpr const char* kRunColumns =
    "SELECT id, status, phase, done, total, actor, started_at, heartbeat_at, finished_at, survey_year, engine_version, "
    "params_id, params_version, params_sha256, inputs_sha256, substances, summary, criteria, texts, error "
    "FROM assessment_screening_runs";
constexpr const char* kRowColumns =
    "SELECT rank, substance_id, cas, name_zh, name_en, category, evidence FROM assessment_screening_rows";
constexpr const char* kRowInsert =
    "INSERT INTO assessment_screening_rows (run_id, rank, substance_id, cas, name_zh, name_en, category, tier, total, "
    "concern, hazard_score, volume_score, detection_score, use_score, hazard_gap, volume_gap, detection_gap, use_gap, "
    "lists, gaps, search, evidence) VALUES ";
constexpr std::size_t kRowInsertColumns = 22;

const char* const kDimensions[] = {"hazard", "volume", "detection", "dispersive_use"};
const char* const kScoreColumns[] = {"hazard_score", "volume_score", "detection_score", "use_score"};
const char* const kGapColumns[] = {"hazard_gap", "volume_gap", "detection_gap", "use_gap"};
const char* const kCategories[] = {"manage", "monitor", "assess_hazard", "improve_analytics", "collect_data",
                                   "low_priority"};


store::Value OptReal(const std::optional<double>& v) { return v ? store::Value(*v) : store::Null(); }

double Ms(Clock_::time_point since) {
    return std::chrono::duration<double, std::milli>(Clock_::now() - since).count();
}

std::string ErrorText(const Error& e) {
    return json{{"code", ToString(e.code)}, {"reason", e.reason}, {"message_zh", e.message_zh},
                {"message_en", e.message_en}, {"field", e.field}}
        .dump();
}

// LIKE pattern for a substring, with the wildcards of the text escaped ('!' is the escape).
std::string LikePattern(const std::string& text) {
    std::string out = "%";
    for (char c : text) {
        if (c == '%' || c == '_' || c == '!') out += '!';
        out += c;
    }
    return out + "%";
}

Result<std::string> ReadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return MakeError(ErrorCode::kFailedPrecondition, "assessment.params", "找不到筛查参数文件：" + path,
                         "the screening parameter file is missing: " + path, "params");
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

RunInfo RunFrom(const store::Row& row) {
    RunInfo r;
    r.id = row.Int(0);
    r.status = row.Text(1);
    r.progress = {row.Text(2), row.Int(3), row.Int(4)};
    r.actor = row.Text(5);
    r.started_at = row.Text(6);
    r.finished_at = row.Text(8);
    if (!row.IsNull(9)) r.survey_year = static_cast<int>(row.Int(9));
    r.engine_version = row.Text(10);
    r.params_id = row.Text(11);
    r.params_version = row.Text(12);
    r.params_sha256 = row.Text(13);
    r.inputs_sha256 = row.Text(14);
    r.substances = row.Int(15);
    r.summary_json = row.Text(16);
    r.criteria_json = row.Text(17);
    r.texts_json = row.Text(18);
    r.error_json = row.Text(19);
    return r;
}

RunRow RowFrom(const store::Row& row) {
    return RunRow{row.Int(0), row.Int(1), row.Text(2), row.Text(3), row.Text(4), row.Text(5), row.Text(6)};
}

// The registry's PNECs adopted by the latest assessment record of each substance.
Result<std::unordered_map<std::int64_t, AdoptedPnec>> AdoptedPnecs(store::Connection& c) {
    NPGOV_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT r.substance_id, r.pnec_ug_l, r.pnec_method, r.id, r.version, r.status "
                                              "FROM assessment_records r WHERE r.pnec_ug_l IS NOT NULL AND r.version = "
                                              "(SELECT MAX(x.version) FROM assessment_records x WHERE x.substance_id = "
                                              "r.substance_id)"));
    std::unordered_map<std::int64_t, AdoptedPnec> out;
    for (const auto& row : rows.rows) {
        const std::string method = row.Text(2);
        out[row.Int(0)] = AdoptedPnec{row.Real(1), method,
                                      "assessment record " + std::to_string(row.Int(3)) + " v" + std::to_string(row.Int(4)) +
                                          " (" + row.Text(5) + "), " +
                                          (method == "ssd" ? "species sensitivity distribution" : "assessment factors")};
    }
    return out;
}

}  // namespace

ScreeningRuns::~ScreeningRuns() {
    std::thread worker;
    {
        std::lock_guard lock(mutex_);
        worker = std::move(worker_);
    }
    if (worker.joinable()) worker.join();
}

Result<std::int64_t> ScreeningRuns::Begin(const auth::Principal& who) {
    NPGOV_RETURN_IF_ERROR(auth::Authorize(who, auth::Permission::kRunAssessment));
    {
        std::lock_guard lock(mutex_);
        if (running_) {
            return MakeError(ErrorCode::kFailedPrecondition, "assessment.screening_running", "已有一次筛查正在运行，请稍后再试",
                             "a screening is already running; try again when it has finished");
        }
        running_ = true;
    }
    const std::string now = clock_.Now().ToIsoString();
    auto id = [&]() -> Result<std::int64_t> {
        NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
        NPGOV_ASSIGN_OR_RETURN(auto rows, connection->Query("INSERT INTO assessment_screening_runs (status, phase, actor, "
                                                            "started_at, heartbeat_at) VALUES ('running', 'gathering', ?, ?, ?) "
                                                            "RETURNING id",
                                                            std::vector<store::Value>{who.username, now, now}));
        return rows.rows.at(0).Int(0);
    }();
    if (!id) {
        std::lock_guard lock(mutex_);
        running_ = false;
    }
    return id;
}

Status ScreeningRuns::Fail(std::int64_t run_id, const Error& error) {
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    const std::string now = clock_.Now().ToIsoString();
    NPGOV_RETURN_IF_ERROR(connection->Execute("UPDATE assessment_screening_runs SET status = 'failed', phase = 'failed', "
                                              "finished_at = ?, heartbeat_at = ?, error = ? WHERE id = ?",
                                              std::vector<store::Value>{now, now, ErrorText(error), run_id}));
    return Ok();
}

Result<RunInfo> ScreeningRuns::Run(const RunRequest& request, const auth::Principal& who,
                                   const std::function<void(const RunProgress&)>& progress) {
    NPGOV_ASSIGN_OR_RETURN(auto run_id, Begin(who));
    struct Done {  // this process runs no screening any more, however Execute ends
        ScreeningRuns* self;
        ~Done() {
            std::lock_guard lock(self->mutex_);
            self->running_ = false;
        }
    } done{this};
    auto result = Execute(run_id, request, who, progress);
    if (!result) (void)Fail(run_id, result.error());
    return result;
}

Result<RunInfo> ScreeningRuns::Start(const RunRequest& request, const auth::Principal& who) {
    NPGOV_ASSIGN_OR_RETURN(auto run_id, Begin(who));
    std::lock_guard lock(mutex_);
    if (worker_.joinable()) worker_.join();  // the previous run has finished (running_ was false)
    worker_ = std::thread([this, run_id, request, who] {
        // The thread's last-resort catch: a bug in a run marks it failed instead of ending the server.
        try {
            auto result = Execute(run_id, request, who, {});
            if (!result) (void)Fail(run_id, result.error());
        } catch (const std::exception& e) {
            (void)Fail(run_id, MakeError(ErrorCode::kInternal, "assessment.internal", "筛查运行出错（内部错误）",
                                         std::string("the screening run failed (internal error): ") + e.what())
                                   .value());
        }
        std::lock_guard done(mutex_);
        running_ = false;
    });
    return Load(run_id);
}

Result<RunInfo> ScreeningRuns::Execute(std::int64_t run_id, const RunRequest& request, const auth::Principal& who,
                                       const std::function<void(const RunProgress&)>& progress) {
    const auto started = Clock_::now();
    json timings = json::object();
    auto phase = [&](const std::string& name, std::int64_t done, std::int64_t total) -> Status {
        if (progress) progress({name, done, total});
        NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
        NPGOV_RETURN_IF_ERROR(connection->Execute("UPDATE assessment_screening_runs SET phase = ?, done = ?, total = ?, "
                                                  "heartbeat_at = ? WHERE id = ?",
                                                  std::vector<store::Value>{name, done, total,
                                                                            clock_.Now().ToIsoString(), run_id}));
        return Ok();
    };

    // Parameters.
    NPGOV_ASSIGN_OR_RETURN(auto params_text, ReadFile(params_file_));
    auto params = screening::ParseScreeningParams(params_text);
    if (!params) {
        Error e = params.error();
        e.code = ErrorCode::kFailedPrecondition;
        e.message_zh = "筛查参数文件无效（" + params_file_ + "）：" + e.message_zh;
        e.message_en = "the screening parameter file is invalid (" + params_file_ + "): " + e.message_en;
        e.reason = "assessment.params";
        return tl::unexpected(e);
    }
    const std::string params_sha = auth::Sha256Hex(params_text);

    // Gather, set-based: every read below is a handful of queries whatever the registry's size.
    NPGOV_RETURN_IF_ERROR(phase("substances", 0, 6));
    auto t = Clock_::now();
    NPGOV_ASSIGN_OR_RETURN(auto substances, substances_.ListAll());
    timings["substances"] = Ms(t);
    NPGOV_RETURN_IF_ERROR(phase("lists", 1, 6));
    t = Clock_::now();
    MembershipStats membership_stats;
    const Date today = ToDate(clock_.Now(), 8 * 60);  // China Standard Time
    NPGOV_ASSIGN_OR_RETURN(auto memberships, lists_.Of(substances, today, &membership_stats));
    timings["lists"] = Ms(t);
    NPGOV_RETURN_IF_ERROR(phase("survey", 2, 6));
    t = Clock_::now();
    std::optional<int> year = request.year;
    if (!year) {
        NPGOV_ASSIGN_OR_RETURN(year, survey::LatestApprovedYear(db_));
    }
    survey::SubstanceTotals totals;
    if (year) {
        NPGOV_ASSIGN_OR_RETURN(totals, survey::LoadSubstanceTotals(db_, *year));
    }
    timings["survey"] = Ms(t);
    NPGOV_RETURN_IF_ERROR(phase("monitoring", 3, 6));
    t = Clock_::now();
    NPGOV_ASSIGN_OR_RETURN(auto detections, monitoring::LoadSubstanceDetections(db_, {}, monitoring::SiteScope{}));
    std::unordered_map<std::int64_t, AdoptedPnec> pnecs;
    {
        NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
        NPGOV_ASSIGN_OR_RETURN(pnecs, AdoptedPnecs(*connection));
    }
    timings["monitoring"] = Ms(t);

    // Facts per substance, with the hazard profiles read a batch at a time (a profile is large:
    // every property's candidates and the estimates; only the facts drawn from it are kept).
    NPGOV_RETURN_IF_ERROR(phase("hazard", 4, 6));
    t = Clock_::now();
    double hazard_ms = 0;
    std::unordered_map<std::int64_t, const survey::SubstanceTotal*> totals_by_id;
    std::unordered_map<std::string, const survey::SubstanceTotal*> totals_by_cas;
    for (const auto& s : totals.substances) {
        if (s.substance_id) totals_by_id.emplace(*s.substance_id, &s);
        if (!s.cas.empty()) totals_by_cas.emplace(s.cas, &s);
    }
    std::unordered_map<std::string, std::vector<const monitoring::SubstanceDetection*>> detections_by_cas;
    for (const auto& d : detections) detections_by_cas[d.cas].push_back(&d);
    const std::set<std::string> scoped(totals.scoped_cas.begin(), totals.scoped_cas.end());
    const std::vector<Membership> no_lists;

    std::vector<screening::SubstanceFacts> facts;
    facts.reserve(substances.size());
    std::int64_t with_volume = 0, with_detection = 0, with_pnec = 0, with_hazard = 0;
    std::map<std::int64_t, hazard::HazardProfile> profiles;
    for (std::size_t i = 0; i < substances.size(); ++i) {
        const auto& s = substances[i];
        if (i % kProfileBatch == 0) {
            const auto loading = Clock_::now();
            const std::size_t n = std::min(kProfileBatch, substances.size() - i);
            NPGOV_ASSIGN_OR_RETURN(profiles, hazard_.LoadProfiles(std::span(substances).subspan(i, n)));
            hazard_ms += Ms(loading);
        }
        screening::SubstanceFacts f;
        f.id = std::to_string(s.id);
        f.cas = s.cas_numbers.empty() ? "" : s.cas_numbers.front();
        f.name_zh = s.name_zh;
        f.name_en = s.name_en;
        auto lists = memberships.find(s.id);
        f.hazard = HazardFactsOf(profiles.at(s.id), lists == memberships.end() ? no_lists : lists->second);
        const survey::SubstanceTotal* total = nullptr;
        if (auto found = totals_by_id.find(s.id); found != totals_by_id.end()) total = found->second;
        bool in_scope = false;
        std::vector<const monitoring::SubstanceDetection*> media;
        for (const auto& cas : s.cas_numbers) {
            if (!total) {
                if (auto found = totals_by_cas.find(cas); found != totals_by_cas.end()) total = found->second;
            }
            in_scope = in_scope || scoped.count(cas) > 0;
            if (auto found = detections_by_cas.find(cas); found != detections_by_cas.end()) {
                media.insert(media.end(), found->second.begin(), found->second.end());
            }
        }
        if (year) {
            f.volume = VolumeFactsOf(total, in_scope, *year);
            f.uses = UseFactsOf(total, *year);
        }
        std::optional<AdoptedPnec> pnec;
        if (auto found = pnecs.find(s.id); found != pnecs.end()) pnec = found->second;
        f.detection = DetectionFactsOf(media, pnec);
        with_volume += f.volume ? 1 : 0;
        with_detection += f.detection ? 1 : 0;
        with_pnec += pnec ? 1 : 0;
        const auto& h = f.hazard;
        with_hazard += (!h.half_lives.empty() || h.bcf || h.log_kow || h.chronic_noec || h.acute_lc50 || h.classification ||
                        h.endocrine || !h.conclusions.empty() || !h.lists.empty())
                           ? 1
                           : 0;
        facts.push_back(std::move(f));
    }
    profiles.clear();
    timings["hazard"] = hazard_ms;
    NPGOV_RETURN_IF_ERROR(phase("screening", 5, 6));
    // The inputs digest: parameters, year and every substance's facts, in registry order.
    std::string digest_input = params_sha + "\n" + (year ? std::to_string(*year) : "-") + "\n";
    for (const auto& f : facts) digest_input += FactsJson(f).dump() + "\n";
    const std::string inputs_sha = auth::Sha256Hex(digest_input);
    digest_input.clear();
    timings["facts"] = Ms(t) - hazard_ms;
    t = Clock_::now();
    NPGOV_ASSIGN_OR_RETURN(auto result, screening::Screen(facts, *params));
    timings["screen"] = Ms(t);

    // Store the rows and finish the run in one transaction, with its audit entry.
    NPGOV_RETURN_IF_ERROR(phase("storing", 6, 6));
    t = Clock_::now();
    std::unordered_map<std::int64_t, std::string> other_cas;  // every CAS number of a substance is searchable
    for (const auto& sub : substances) {
        std::string all;
        for (const auto& cas : sub.cas_numbers) all += (all.empty() ? "" : " ") + cas;
        other_cas.emplace(sub.id, std::move(all));
    }
    RunTexts texts;
    json counts = json::object();
    for (const char* c : kCategories) counts[c] = 0;
    json gap_counts = json::object();
    for (const char* d : kDimensions) gap_counts[d] = 0;
    {
        NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
        NPGOV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(*connection));
        std::vector<store::Value> values;
        std::size_t pending = 0;
        auto flush = [&]() -> Status {
            if (pending == 0) return Ok();
            NPGOV_RETURN_IF_ERROR(connection->Execute(kRowInsert + store::RowPlaceholders(pending, kRowInsertColumns), values));
            values.clear();
            pending = 0;
            return Ok();
        };
        for (const auto& s : result.ranked) {
            const std::int64_t substance_id = std::stoll(s.id);
            auto lists = memberships.find(substance_id);
            const auto& membership = lists == memberships.end() ? no_lists : lists->second;
            const json evidence = EvidenceJson(s, membership, texts);
            std::string list_ids = ",", gap_codes = ",";
            for (const auto& m : membership) {
                if (list_ids.find("," + m.list_id + ",") == std::string::npos) list_ids += m.list_id + ",";
            }
            for (const auto& d : s.dimensions) {
                for (const auto& g : d.gaps) gap_codes += std::string(g.code) + ",";
            }
            const std::string category(screening::ToString(s.category));
            counts[category] = counts.value(category, 0) + 1;
            std::string search = ToLowerAscii(s.name_zh + " " + s.name_en);
            if (auto found = other_cas.find(substance_id); found != other_cas.end()) search += " " + found->second;
            values.insert(values.end(), {store::Value(run_id), store::Value(static_cast<std::int64_t>(s.rank)),
                                         store::Value(substance_id), store::Value(s.cas), store::Value(s.name_zh),
                                         store::Value(s.name_en), store::Value(category),
                                         store::Value(static_cast<std::int64_t>(s.tier)), store::Value(s.total),
                                         store::Value(std::string(screening::ToString(s.concern)))});
            for (const auto& d : s.dimensions) values.push_back(OptReal(d.score));
            for (std::size_t i = 0; i < 4; ++i) {
                const bool gap = s.dimensions[i].data_gap;
                values.emplace_back(std::int64_t{gap ? 1 : 0});
                if (gap) gap_counts[kDimensions[i]] = gap_counts.value(kDimensions[i], 0) + 1;
            }
            values.insert(values.end(), {store::Value(list_ids), store::Value(gap_codes), store::Value(search),
                                         store::Value(evidence.dump())});
            if (++pending == kRowBatch) NPGOV_RETURN_IF_ERROR(flush());
        }
        NPGOV_RETURN_IF_ERROR(flush());
        timings["store_rows"] = Ms(t);
        timings["total"] = Ms(started);
        const json summary = {
            {"counts", counts},
            {"data_gaps", gap_counts},
            {"timings_ms", timings},
            {"params", {{"id", params->id}, {"version", params->version}, {"date", params->date}}},
            {"sources",
             {{"substances", substances.size()},
              {"with_hazard_data", with_hazard},
              {"with_volume", with_volume},
              {"with_detection", with_detection},
              {"with_pnec", with_pnec},
              {"survey_year", year ? json(*year) : json(nullptr)},
              {"survey_substances", totals.substances.size()},
              {"monitoring_groups", detections.size()},
              {"list_rule_set", membership_stats.rule_set},
              {"structures", membership_stats.structures},
              {"structures_evaluated", membership_stats.evaluated},
              {"structures_unreadable", membership_stats.unreadable},
              {"memberships", memberships.size()}}}};
        const std::string now = clock_.Now().ToIsoString();
        NPGOV_RETURN_IF_ERROR(connection->Execute(
            "UPDATE assessment_screening_runs SET status = 'complete', phase = 'complete', done = 6, total = 6, "
            "finished_at = ?, heartbeat_at = ?, survey_year = ?, engine_version = ?, params_id = ?, params_version = ?, "
            "params_sha256 = ?, inputs_sha256 = ?, substances = ?, summary = ?, criteria = ?, texts = ? WHERE id = ?",
            std::vector<store::Value>{now, now, year ? store::Value(std::int64_t{*year}) : store::Null(),
                                      result.engine_version, result.params_id, result.params_version, params_sha, inputs_sha,
                                      static_cast<std::int64_t>(result.ranked.size()), summary.dump(),
                                      CriteriaJson(result.criteria).dump(), TextsJson(texts, *params).dump(), run_id}));
        const json after = {{"run", run_id},
                            {"substances", result.ranked.size()},
                            {"engine_version", result.engine_version},
                            {"params", params->id + " " + params->version},
                            {"params_sha256", params_sha},
                            {"inputs_sha256", inputs_sha},
                            {"survey_year", year ? json(*year) : json(nullptr)},
                            {"counts", counts}};
        NPGOV_RETURN_IF_ERROR(audit_.Append(*connection, {who.username, "assessment.screening.run", "screening_run",
                                                          std::to_string(run_id), std::nullopt, after.dump()}));
        NPGOV_RETURN_IF_ERROR(tx.Commit());
    }
    return Load(run_id);
}

Result<RunInfo> ScreeningRuns::Load(std::int64_t id) {
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto row, store::QueryOne(*connection, std::string(kRunColumns) + " WHERE id = ?", {id}));
    if (!row) {
        return MakeError(ErrorCode::kNotFound, "assessment.run_unknown", "没有编号为 " + std::to_string(id) + " 的筛查",
                         "there is no screening run " + std::to_string(id), "id");
    }
    RunInfo run = RunFrom(*row);
    if (run.status == "running") {
        auto heartbeat = Timestamp::Parse(row->Text(7));
        if (heartbeat && clock_.Now().unix_seconds - heartbeat->unix_seconds > kStaleSeconds) run.status = "interrupted";
    }
    return run;
}

Result<Page<RunInfo>> ScreeningRuns::List(const auth::Principal& who, const PageRequest& page) {
    NPGOV_RETURN_IF_ERROR(auth::Authorize(who, auth::Permission::kReadAssessment));
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto count, store::QueryOne(*connection, "SELECT COUNT(*) FROM assessment_screening_runs"));
    Page<RunInfo> out;
    out.page = page.page;
    out.page_size = page.page_size;
    out.total = count->Int(0);
    NPGOV_ASSIGN_OR_RETURN(auto rows, connection->Query(std::string(kRunColumns) + " ORDER BY id DESC LIMIT ? OFFSET ?",
                                                        std::vector<store::Value>{std::int64_t{page.page_size}, page.offset()}));
    for (const auto& row : rows.rows) {
        RunInfo run = RunFrom(row);
        if (run.status == "running") {
            auto heartbeat = Timestamp::Parse(row.Text(7));
            if (heartbeat && clock_.Now().unix_seconds - heartbeat->unix_seconds > kStaleSeconds) run.status = "interrupted";
        }
        run.criteria_json.clear();
        run.texts_json.clear();
        out.items.push_back(std::move(run));
    }
    return out;
}

Result<RunPage> ScreeningRuns::Find(std::int64_t id, const RowFilter& filter, const auth::Principal& who,
                                    const PageRequest& page) {
    NPGOV_RETURN_IF_ERROR(auth::Authorize(who, auth::Permission::kReadAssessment));
    NPGOV_ASSIGN_OR_RETURN(auto run, Load(id));
    std::string where = " WHERE run_id = ?";
    std::vector<store::Value> params{id};
    auto dimension_index = [](const std::string& name) -> std::optional<std::size_t> {
        for (std::size_t i = 0; i < 4; ++i) {
            if (name == kDimensions[i]) return i;
        }
        return std::nullopt;
    };
    auto bad = [](const std::string& what, const char* field) {
        return MakeError(ErrorCode::kInvalidArgument, "assessment.filter", "筛选条件无效：" + what,
                         "invalid filter: " + what, field);
    };
    if (filter.category) {
        if (std::find(std::begin(kCategories), std::end(kCategories), *filter.category) == std::end(kCategories)) {
            return bad("category " + *filter.category, "category");
        }
        where += " AND category = ?";
        params.emplace_back(*filter.category);
    }
    if (filter.dimension) {
        auto i = dimension_index(*filter.dimension);
        if (!i) return bad("dimension " + *filter.dimension, "dimension");
        if (!(filter.min_score >= 0 && filter.min_score <= 1)) return bad("min_score", "min_score");
        where += std::string(" AND ") + kScoreColumns[*i] + " >= ?";
        params.emplace_back(filter.min_score);
    }
    if (filter.gap) {
        if (*filter.gap == "any") {
            where += " AND (hazard_gap = 1 OR volume_gap = 1 OR detection_gap = 1 OR use_gap = 1)";
        } else if (auto i = dimension_index(*filter.gap)) {
            where += std::string(" AND ") + kGapColumns[*i] + " = 1";
        } else {
            where += " AND gaps LIKE ? ESCAPE '!'";
            params.emplace_back(LikePattern("," + *filter.gap + ","));
        }
    }
    if (filter.list) {
        where += " AND lists LIKE ? ESCAPE '!'";
        params.emplace_back(LikePattern("," + *filter.list + ","));
    }
    if (filter.text && !Trim(*filter.text).empty()) {
        where += " AND search LIKE ? ESCAPE '!'";
        params.emplace_back(LikePattern(ToLowerAscii(std::string(Trim(*filter.text)))));
    }
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto count, connection->Query("SELECT COUNT(*) FROM assessment_screening_rows" + where, params));
    RunPage out;
    out.run = std::move(run);
    out.rows.page = page.page;
    out.rows.page_size = page.page_size;
    out.rows.total = count.rows.at(0).Int(0);
    params.emplace_back(std::int64_t{page.page_size});
    params.emplace_back(page.offset());
    NPGOV_ASSIGN_OR_RETURN(auto rows, connection->Query(std::string(kRowColumns) + where + " ORDER BY rank LIMIT ? OFFSET ?",
                                                        params));
    for (const auto& row : rows.rows) out.rows.items.push_back(RowFrom(row));
    return out;
}

Result<std::optional<std::pair<RunInfo, RunRow>>> ScreeningRuns::LatestRowOf(std::int64_t substance_id,
                                                                             const auth::Principal& who) {
    NPGOV_RETURN_IF_ERROR(auth::Authorize(who, auth::Permission::kReadAssessment));
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto row, store::QueryOne(*connection,
                                                     std::string(kRowColumns) +
                                                         " WHERE substance_id = ? AND run_id = (SELECT MAX(id) FROM "
                                                         "assessment_screening_runs WHERE status = 'complete')",
                                                     {substance_id}));
    if (!row) return std::optional<std::pair<RunInfo, RunRow>>();
    NPGOV_ASSIGN_OR_RETURN(auto id_row, store::QueryOne(*connection, "SELECT MAX(id) FROM assessment_screening_runs "
                                                                     "WHERE status = 'complete'"));
    NPGOV_ASSIGN_OR_RETURN(auto run, Load(id_row->Int(0)));
    return std::optional(std::pair{std::move(run), RowFrom(*row)});
}

}  // namespace npgov::assessment
