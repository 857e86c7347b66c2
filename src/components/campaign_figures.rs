//! The key figures of a campaign in large type: deadline, planned activities, units.

use crate::domain::china_time::deadline_status;
use crate::i18n::{deadline_figure, deadline_sentence, Text};
use crate::state::{ActiveCampaign, Today, UiLanguage};
use leptos::prelude::*;

/// Days to (or since) the summary deadline, and how many activities and units the plan has.
#[component]
pub fn CampaignFigures() -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let campaign = expect_context::<ActiveCampaign>().0;
    let today = expect_context::<Today>().0;
    let deadline = campaign.report_deadline;
    let status = move || deadline_status(deadline, today.get());
    let activities = campaign.activities.len();
    let units = campaign.units.len();
    view! {
        <ul class="figures">
            <li class="figure" data-testid="deadline-figure">
                // One sentence for screen readers; the figure and caption are for the eye.
                <span class="visually-hidden">{move || deadline_sentence(language.0.get(), status())}</span>
                <span class="figure-value" data-key-figure aria-hidden="true">
                    {move || deadline_figure(language.0.get(), status()).0}
                </span>
                <span class="figure-caption" aria-hidden="true">
                    {move || deadline_figure(language.0.get(), status()).1}
                </span>
            </li>
            <li class="figure" data-testid="activities-figure">
                <span class="figure-value" data-key-figure>{activities}</span>
                <span class="figure-caption">{language.text(Text::PlannedActivitiesFigure)}</span>
            </li>
            <li class="figure">
                <span class="figure-value" data-key-figure>{units}</span>
                <span class="figure-caption">{language.text(Text::UnitsFigure)}</span>
            </li>
        </ul>
    }
}
