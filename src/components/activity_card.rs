//! One planned activity: number, title, lead units, planned date, summary direction, plan text.

use crate::domain::plan::campaign::PlannedActivity;
use crate::i18n::{activity_number, format_date, join_names, localized, Language, Text};
use crate::state::{ActiveCampaign, UiLanguage};
use leptos::prelude::*;

/// A card for `activity`; plan content keeps its own `lang` so screen readers read it right.
#[component]
pub fn ActivityCard(activity: PlannedActivity) -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let campaign = expect_context::<ActiveCampaign>().0;
    let number = activity.number;
    let planned_date = activity.planned_date;

    let short_title = activity.short_title.clone();
    let title = move || {
        let (text, in_language) = localized(language.0.get(), &short_title);
        view! { <span lang=in_language.code()>{text.to_owned()}</span> }
    };

    let lead_campaign = campaign.clone();
    let lead_ids = activity.lead_unit_ids.clone();
    let lead_units = move || {
        let current = language.0.get();
        let names: Vec<(String, Language)> = lead_ids
            .iter()
            .filter_map(|id| lead_campaign.unit(id))
            .map(|unit| {
                let (name, in_language) = localized(current, &unit.name);
                (name.to_owned(), in_language)
            })
            .collect();
        // Mixed-language lists are rare (a plan without English names); mark the whole list
        // Chinese if any name is.
        let list_language = names
            .iter()
            .map(|(_, l)| *l)
            .find(|l| *l == Language::ZhCn)
            .unwrap_or(current);
        let joined = join_names(list_language, names.iter().map(|(n, _)| n.as_str()));
        view! { <span lang=list_language.code()>{joined}</span> }
    };

    let direction = campaign.direction(&activity.default_direction_id).cloned();
    let direction_name = move || {
        direction.as_ref().map(|direction| {
            let (text, in_language) = localized(language.0.get(), &direction.name);
            view! { <span lang=in_language.code()>{text.to_owned()}</span> }
        })
    };

    let date = move || match planned_date {
        Some(day) => format_date(language.0.get(), day),
        None => language.0.get().text(Text::DateNotFixed).to_owned(),
    };

    view! {
        <li class="activity-card" data-testid="activity-card" data-activity-id=activity.id.to_string()>
            <p class="activity-number">{move || activity_number(language.0.get(), number)}</p>
            <h3 class="activity-title">{title}</h3>
            <dl class="activity-facts">
                <div>
                    <dt>{language.text(Text::LeadUnits)}</dt>
                    <dd data-testid="lead-units">{lead_units}</dd>
                </div>
                <div>
                    <dt>{language.text(Text::PlannedDate)}</dt>
                    <dd>{date}</dd>
                </div>
                <div>
                    <dt>{language.text(Text::SummaryDirection)}</dt>
                    <dd>{direction_name}</dd>
                </div>
            </dl>
            <details class="plan-text">
                <summary>{language.text(Text::ShowPlanText)}</summary>
                <p lang="zh-CN">{activity.description.clone()}</p>
            </details>
        </li>
    }
}
