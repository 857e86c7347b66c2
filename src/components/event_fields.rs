//! Every input of the event form, bound to a draft.

use crate::components::form_field::FormField;
use crate::components::select_field::{
    activity_choices, direction_choices, unit_choices, SelectField,
};
use crate::domain::ids::ActivityId;
use crate::domain::plan::device::DeviceProfile;
use crate::domain::records::event_draft::{EventDraft, OTHER_ACTIVITY};
use crate::domain::records::event_list::recent_places;
use crate::domain::records::event_record::Attendance;
use crate::domain::validation::{Field, FieldError};
use crate::i18n::{localized, outside_period_warning, Text};
use crate::state::event_records::EventRecords;
use crate::state::{ActiveCampaign, UiLanguage};
use leptos::prelude::*;

/// How many recent places are offered.
const RECENT_PLACES: usize = 6;

/// The event form's fields in the order staff fill them in; every keystroke updates `draft`.
#[component]
pub fn EventFields(
    /// The form as typed.
    draft: RwSignal<EventDraft>,
    /// Errors from the last save attempt.
    #[prop(into)]
    errors: Signal<Vec<FieldError>>,
    /// This tablet.
    device: DeviceProfile,
) -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let campaign = expect_context::<ActiveCampaign>().0;
    let records = expect_context::<EventRecords>();
    let text = move |key: Text| Signal::derive(move || language.0.get().text(key).to_owned());
    let value = move |read: fn(&EventDraft) -> &String| {
        Signal::derive(move || draft.with(|d| read(d).clone()))
    };
    let setter = move |write: fn(&mut EventDraft, String)| {
        Callback::new(move |v| draft.update(|d| write(d, v)))
    };

    let c = campaign.clone();
    let activities = Signal::derive(move || {
        draft.with(|d| activity_choices(language.0.get(), &c, Some(&d.activity)))
    });
    let c = campaign.clone();
    let units = Signal::derive(move || {
        draft.with(|d| unit_choices(language.0.get(), &c, Some(&d.organising_unit)))
    });
    let c = campaign.clone();
    let directions = Signal::derive(move || direction_choices(language.0.get(), &c));
    let c = campaign.clone();
    let choose_activity = Callback::new(move |choice: String| {
        draft.update(|d| d.choose_activity(&c, &device, &choice))
    });
    let is_other = Memo::new(move |_| draft.with(|d| d.activity == OTHER_ACTIVITY));
    let online = Memo::new(move |_| draft.with(|d| d.online));
    let c = campaign.clone();
    let is_office = Memo::new(move |_| draft.with(|d| c.names_offices(&d.organising_unit)));
    let period = campaign.period;
    let date_warning = Signal::derive(move || {
        draft
            .with(|d| d.dates_outside(period))
            .then(|| outside_period_warning(language.0.get(), period))
    });
    let recent = Memo::new(move |_| {
        let kind = if online.get() {
            Attendance::Online
        } else {
            Attendance::Offline
        };
        records
            .all
            .with(|all| recent_places(all.values(), kind, RECENT_PLACES))
    });
    let c = campaign.clone();
    let counters = Memo::new(move |_| {
        draft
            .with(|d| {
                c.activity(&ActivityId::new(d.activity.as_str()))
                    .map(|a| a.extra_counters.clone())
            })
            .unwrap_or_default()
    });

    let recent_chips = move || {
        let chips = recent.get();
        (!chips.is_empty()).then(|| {
            view! {
                <div class="recent-places" role="group" aria-label=language.text(Text::RecentPlaces)>
                    <span class="recent-label">{language.text(Text::RecentPlaces)}</span>
                    {chips
                        .into_iter()
                        .map(|place| {
                            let chosen = place.clone();
                            view! {
                                <button
                                    type="button"
                                    class="chip"
                                    data-testid="recent-place"
                                    lang="zh-CN"
                                    on:click=move |_| {
                                        let place = chosen.clone();
                                        draft.update(|d| if d.online { d.platform = place } else { d.place = place })
                                    }
                                >
                                    {place}
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
            }
        })
    };

    view! {
        <div class="form-grid">
            <SelectField field=Field::Activity label=text(Text::FieldActivity) testid="event-activity"
                choices=activities prompt=text(Text::ChooseActivity)
                value=value(|d| &d.activity) on_change=choose_activity errors=errors />
            <Show when=move || is_other.get()>
                <FormField field=Field::OtherTitle label=text(Text::FieldOtherTitle) testid="event-other-title"
                    value=value(|d| &d.other_title) on_input=setter(|d, v| d.other_title = v) errors=errors />
            </Show>
            <SelectField field=Field::OrganisingUnit label=text(Text::FieldUnit) testid="event-unit"
                choices=units value=value(|d| &d.organising_unit)
                on_change=setter(|d, v| d.organising_unit = v) errors=errors />
            <Show when=move || is_office.get()>
                <FormField field=Field::OfficeName label=text(Text::OfficeName) testid="event-office"
                    value=value(|d| &d.office_name) on_input=setter(|d, v| d.office_name = v) errors=errors />
            </Show>
            <FormField field=Field::StartDate label=text(Text::FieldStartDate) testid="event-date"
                input_type="date" value=value(|d| &d.start_date) on_input=setter(|d, v| d.start_date = v)
                errors=errors warning=date_warning />
            <FormField field=Field::EndDate label=text(Text::FieldEndDate) testid="event-end-date"
                input_type="date" value=value(|d| &d.end_date) on_input=setter(|d, v| d.end_date = v)
                errors=errors />
            <FormField field=Field::StartTime label=text(Text::FieldStartTime) testid="event-start-time"
                input_type="time" value=value(|d| &d.start_time) on_input=setter(|d, v| d.start_time = v)
                errors=errors />
            <FormField field=Field::EndTime label=text(Text::FieldEndTime) testid="event-end-time"
                input_type="time" value=value(|d| &d.end_time) on_input=setter(|d, v| d.end_time = v)
                errors=errors />
            <div class="form-field switch-field">
                <label for="field-online">{language.text(Text::Online)}</label>
                <input id="field-online" type="checkbox" role="switch" class="switch" data-testid="event-online"
                    prop:checked=move || online.get()
                    on:change=move |ev| draft.update(|d| d.online = event_target_checked(&ev)) />
            </div>
            {move || if online.get() {
                view! {
                    <FormField field=Field::Platform label=text(Text::FieldPlatform) testid="event-platform"
                        value=value(|d| &d.platform) on_input=setter(|d, v| d.platform = v) errors=errors>
                        {recent_chips}
                    </FormField>
                }.into_any()
            } else {
                view! {
                    <FormField field=Field::Place label=text(Text::FieldPlace) testid="event-place"
                        value=value(|d| &d.place) on_input=setter(|d, v| d.place = v) errors=errors>
                        {recent_chips}
                    </FormField>
                }.into_any()
            }}
            <FormField field=Field::Recorder label=text(Text::FieldRecorder) testid="event-recorder"
                value=value(|d| &d.recorder) on_input=setter(|d, v| d.recorder = v) errors=errors />
            <SelectField field=Field::Direction label=text(Text::SummaryDirection) testid="event-direction"
                choices=directions value=value(|d| &d.direction)
                on_change=setter(|d, v| d.direction = v) errors=errors />
            <FormField field=Field::PublicityMinutes label=text(Text::FieldPublicityMinutes)
                testid="event-publicity-minutes" inputmode="numeric"
                value=value(|d| &d.publicity_minutes) on_input=setter(|d, v| d.publicity_minutes = v) errors=errors />
            <FormField field=Field::PublicityReports label=text(Text::FieldPublicityReports)
                testid="event-publicity-reports" inputmode="numeric"
                value=value(|d| &d.publicity_reports) on_input=setter(|d, v| d.publicity_reports = v) errors=errors />
            <FormField field=Field::MaterialsHandedOut label=text(Text::FieldMaterials)
                testid="event-materials" inputmode="numeric"
                value=value(|d| &d.materials) on_input=setter(|d, v| d.materials = v) errors=errors />
            {move || {
                counters.get().into_iter().map(|counter| {
                    let id = counter.id.clone();
                    let read_id = id.clone();
                    let write_id = id.clone();
                    let label = Signal::derive(move || {
                        let current = language.0.get();
                        let (name, unit) = (localized(current, &counter.name).0, localized(current, &counter.unit).0);
                        match current {
                            crate::i18n::Language::ZhCn => format!("{name}（{unit}）"),
                            crate::i18n::Language::En => format!("{name} ({unit})"),
                        }
                    });
                    view! {
                        <FormField field=Field::ExtraCounter(id.clone()) label=label
                            testid=format!("event-extra-{id}") inputmode="numeric"
                            value=Signal::derive(move || draft.with(|d| d.extra_counts.get(&read_id).cloned().unwrap_or_default()))
                            on_input=Callback::new(move |v| { let id = write_id.clone(); draft.update(|d| { d.extra_counts.insert(id, v); }) })
                            errors=errors />
                    }
                }).collect_view()
            }}
            <FormField field=Field::VideoCount label=text(Text::FieldVideoCount)
                testid="event-video-count" inputmode="numeric"
                value=value(|d| &d.video_count) on_input=setter(|d, v| d.video_count = v) errors=errors />
            <FormField field=Field::VideoFiles label=text(Text::FieldVideoFiles) testid="event-video-files" multiline=true
                value=value(|d| &d.video_files) on_input=setter(|d, v| d.video_files = v) errors=errors />
            <FormField field=Field::Notes label=text(Text::FieldNotes) testid="event-notes" multiline=true
                value=value(|d| &d.notes) on_input=setter(|d, v| d.notes = v) errors=errors />
        </div>
    }
}
