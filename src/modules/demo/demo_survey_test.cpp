#include "modules/demo/demo_survey.hpp"

#include <gtest/gtest.h>

#include "support/app_fixture.hpp"

namespace npgov::demo {
namespace {

class DemoSurveyTest : public test::AppTest {};

TEST_P(DemoSurveyTest, SeedsACampaignInEveryStateReproducibly) {
    DemoOptions options;
    options.enterprises = 60;
    options.enterprise_users = 0;
    ASSERT_TRUE(SeedDemo(*reference_, *enterprises_, *users_, options));
    survey::SurveyService svc(db(), *enterprises_, *reference_, *audit_, clock_);
    auto report = SeedDemoSurvey(svc, *enterprises_, options.seed);
    ASSERT_TRUE(report) << report.error().Describe();
    EXPECT_GT(report->submissions, 10);
    EXPECT_GT(report->approved, 3);
    const auth::Principal admin{1, "admin", auth::Role::kAdmin, std::nullopt, std::nullopt, std::nullopt};
    auto status = svc.CampaignStatus(report->campaign_id, admin);
    ASSERT_TRUE(status);
    EXPECT_GT(status->not_reported, 0) << "the demo shows non-reporters";
    std::set<std::string> states;
    for (const auto& o : status->obligations) {
        if (o.submission) states.insert(std::string(survey::ToString(o.submission->status)));
    }
    EXPECT_EQ(states, (std::set<std::string>{"approved", "county_reviewed", "draft", "returned", "submitted"}));
    auto results = svc.Results({report->campaign_id}, admin);
    ASSERT_TRUE(results);
    EXPECT_FALSE(results->rows.empty());
    EXPECT_EQ(results->total.enterprises, report->approved);
    auto verify = audit_->Verify();
    ASSERT_TRUE(verify && verify->ok);
}

INSTANTIATE_TEST_SUITE_P(Backends, DemoSurveyTest, ::testing::ValuesIn(test::AllBackends()), test::BackendParamName);

}  // namespace
}  // namespace npgov::demo
