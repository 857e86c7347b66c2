//! The first screen: the campaign at a glance and its planned activities.

use crate::components::activity_card::ActivityCard;
use crate::components::campaign_figures::CampaignFigures;
use crate::i18n::{format_date, format_period, localized, Text};
use crate::state::{ActiveCampaign, UiLanguage};
use leptos::prelude::*;

/// Campaign title and theme, key figures, facts of the plan document, and the activity list.
#[component]
pub fn OverviewPage() -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let campaign = expect_context::<ActiveCampaign>().0;

    let title_text = campaign.title.clone();
    let title = move || {
        let (text, in_language) = localized(language.0.get(), &title_text);
        view! { <h1 lang=in_language.code()>{text.to_owned()}</h1> }
    };
    let period = campaign.period;
    let deadline = campaign.report_deadline;
    let activities = campaign.activities.clone();

    view! {
        <main id="main" class="page overview" data-testid="overview-page">
            <section class="campaign-head" aria-labelledby="campaign-title">
                <p class="eyebrow">{language.text(Text::CampaignOverview)}</p>
                <div id="campaign-title">{title}</div>
                <p class="theme">
                    <span class="label">{language.text(Text::Theme)}</span>
                    <span lang="zh-CN">{campaign.theme.clone()}</span>
                </p>
            </section>
            <CampaignFigures />
            <dl class="campaign-facts">
                <div>
                    <dt>{language.text(Text::Period)}</dt>
                    <dd>{move || format_period(language.0.get(), period)}</dd>
                </div>
                <div>
                    <dt>{language.text(Text::ReportDeadline)}</dt>
                    <dd>{move || format_date(language.0.get(), deadline)}</dd>
                </div>
                <div>
                    <dt>{language.text(Text::IssuedBy)}</dt>
                    <dd lang="zh-CN">{campaign.issuing_unit.clone()}</dd>
                </div>
                <div>
                    <dt>{language.text(Text::DocumentNumber)}</dt>
                    <dd lang="zh-CN">{campaign.document_number.clone()}</dd>
                </div>
            </dl>
            <section class="activities" aria-labelledby="activities-heading">
                <h2 id="activities-heading">{language.text(Text::PlannedActivities)}</h2>
                <ol class="activity-list">
                    {activities
                        .into_iter()
                        .map(|activity| view! { <ActivityCard activity=activity /> })
                        .collect_view()}
                </ol>
            </section>
        </main>
    }
}
