package io.seglift.demo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoProjectTest {

    @Test
    void rendersTheTemplateWithEveryPlaceholderFilled() {
        String text = DemoProject.render(DemoSpec.of(1234, 99));
        assertThat(text).doesNotContain("{{").contains("seed 99").contains("1,234 customers")
                .contains("history 2024-07-01 to 2026-06-30");
    }

    @Test
    void declaresTheSourcesModelsSegmentsDestinationsAndSyncsTheDemoNeeds() {
        String text = DemoProject.render(DemoSpec.of(10, 1));
        assertThat(text).contains("type: duckdb", "path: demo.duckdb", "table: raw.customers", "table: raw.orders",
                "table: raw.email_events", "table: raw.suppressions", "email: email_opt_in", "sms: sms_opt_in",
                "dnd: do_not_disturb", "ads: ads_opt_in", "churn_90d:", "churn_within_days: 90",
                "features: [rfm, behaviour, trend, tenure, aov, categories, engagement]", "purchase_30d:",
                "champions_vip:", "lapsed_reengage:", "at_risk_winback:", "new_customers_nurture:",
                "token: ${env:HUBSPOT_TOKEN}", "api_key: ${env:KLAVIYO_API_KEY}",
                "access_token: ${env:FACEBOOK_ACCESS_TOKEN}", "ad_account_id: act_1234567890",
                "base_url: ${env:FACEBOOK_BASE_URL}", "schedule: \"0 6 * * *\"");
        assertThat(text.split("\\n    brief:", -1)).hasSize(4);
    }
}
