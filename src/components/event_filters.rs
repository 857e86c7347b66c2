//! The filters above the event list: activity, unit, place search.

use crate::components::select_field::{activity_choices, unit_choices, SelectField};
use crate::domain::ids::UnitId;
use crate::domain::records::event_list::EventFilter;
use crate::domain::validation::Field;
use crate::i18n::Text;
use crate::state::{ActiveCampaign, UiLanguage};
use leptos::prelude::*;

/// Narrows the list by activity, organising unit and part of the place.
#[component]
pub fn EventFilters(
    /// The filter being edited.
    filter: RwSignal<EventFilter>,
) -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let campaign = expect_context::<ActiveCampaign>().0;
    let text = move |key: Text| Signal::derive(move || language.0.get().text(key).to_owned());
    let activities_campaign = campaign.clone();
    let activities =
        Signal::derive(move || activity_choices(language.0.get(), &activities_campaign, None));
    let units = Signal::derive(move || unit_choices(language.0.get(), &campaign, None));
    let activity = Signal::derive(move || filter.with(|f| f.activity.clone()));
    let unit = Signal::derive(move || {
        filter.with(|f| f.unit.as_ref().map(|u| u.to_string()).unwrap_or_default())
    });
    view! {
        <div class="event-filters" role="search">
            <SelectField
                field=Field::Activity
                label=text(Text::FilterActivity)
                testid="filter-activity"
                choices=activities
                prompt=text(Text::AllActivities)
                value=activity
                on_change=Callback::new(move |v| filter.update(|f| f.activity = v))
            />
            <SelectField
                field=Field::OrganisingUnit
                label=text(Text::FilterUnit)
                testid="filter-unit"
                choices=units
                prompt=text(Text::AllUnits)
                value=unit
                on_change=Callback::new(move |v: String| {
                    filter.update(|f| f.unit = (!v.is_empty()).then(|| UnitId::new(v)))
                })
            />
            <div class="form-field">
                <label for="filter-place">{language.text(Text::SearchPlace)}</label>
                <input
                    id="filter-place"
                    type="search"
                    data-testid="filter-place"
                    prop:value=move || filter.with(|f| f.place_query.clone())
                    on:input=move |ev| filter.update(|f| f.place_query = event_target_value(&ev))
                />
            </div>
        </div>
    }
}
