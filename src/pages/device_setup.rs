//! Device set-up: first screen on a new tablet, and changeable later.

use crate::browser_clock;
use crate::browser_ids::new_device_id;
use crate::components::form_field::FormField;
use crate::components::personal_data_purge::PersonalDataPurge;
use crate::components::select_field::{unit_choices, SelectField};
use crate::components::storage_status::StorageStatus;
use crate::domain::device::{DeviceProfile, DEVICE_SCHEMA_VERSION};
use crate::domain::ids::UnitId;
use crate::domain::validation::{Field, FieldError};
use crate::i18n::Text;
use crate::pages::focus_first_error;
use crate::route::Route;
use crate::state::{
    ActiveCampaign, CurrentRoute, Device, StorageNotice, Toast, ToastMessage, UiLanguage,
};
use crate::storage::preferences;
use crate::storage::SavedThing;
use leptos::prelude::*;

/// The device's label, owning unit (or office name), default recorder; one save button.
#[component]
pub fn DeviceSetupPage() -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let campaign = expect_context::<ActiveCampaign>().0;
    let device = expect_context::<Device>();
    let notice = expect_context::<StorageNotice>();
    let toast = expect_context::<Toast>();
    let route = expect_context::<CurrentRoute>();

    let existing = device.0.get_untracked();
    let label = RwSignal::new(
        existing
            .as_ref()
            .map(|d| d.label.clone())
            .unwrap_or_default(),
    );
    let unit = RwSignal::new(
        existing
            .as_ref()
            .map(|d| d.unit_id.to_string())
            .unwrap_or_default(),
    );
    let office = RwSignal::new(
        existing
            .as_ref()
            .and_then(|d| d.office_name.clone())
            .unwrap_or_default(),
    );
    let recorder = RwSignal::new(
        existing
            .as_ref()
            .map(|d| d.default_recorder.clone())
            .unwrap_or_default(),
    );
    let errors = RwSignal::new(Vec::<FieldError>::new());

    let placeholder_campaign = campaign.clone();
    let is_office = Memo::new(move |_| {
        unit.with(|u| {
            placeholder_campaign
                .unit(&UnitId::new(u.as_str()))
                .is_some_and(|u| u.placeholder)
        })
    });
    let choices_campaign = campaign.clone();
    let choices = Signal::derive(move || unit_choices(language.0.get(), &choices_campaign));
    let text = move |key: Text| Signal::derive(move || language.0.get().text(key).to_owned());

    let save = move |_| {
        let now = browser_clock::now();
        let profile = DeviceProfile {
            id: existing.as_ref().map_or_else(new_device_id, |d| d.id),
            label: label.get_untracked().trim().to_owned(),
            unit_id: UnitId::new(unit.get_untracked()),
            office_name: is_office
                .get_untracked()
                .then(|| office.get_untracked().trim().to_owned()),
            default_recorder: recorder.get_untracked().trim().to_owned(),
            created_at: existing.as_ref().map_or(now, |d| d.created_at),
            updated_at: now,
            schema_version: DEVICE_SCHEMA_VERSION,
        };
        if let Err(list) = profile.validate(&campaign) {
            errors.set(list);
            focus_first_error();
            return;
        }
        errors.set(Vec::new());
        match preferences::save_device(&profile) {
            Ok(()) => {
                device.0.set(Some(profile));
                toast.0.set(Some(ToastMessage::DeviceSaved));
                route.go(Route::Home);
            }
            Err(failure) => notice.show(SavedThing::DeviceSettings, failure),
        }
    };

    view! {
        <main id="main" class="page form-page" data-testid="device-page">
            <h1>{language.text(Text::DeviceSetupTitle)}</h1>
            <p class="intro">{language.text(Text::DeviceSetupIntro)}</p>
            <div class="form-grid">
                <FormField
                    field=Field::DeviceLabel
                    label=text(Text::DeviceLabel)
                    testid="device-label"
                    value=label
                    on_input=Callback::new(move |v| label.set(v))
                    errors=errors
                />
                <SelectField
                    field=Field::DeviceUnit
                    label=text(Text::DeviceUnit)
                    testid="device-unit"
                    choices=choices
                    prompt=text(Text::ChooseUnit)
                    value=unit
                    on_change=Callback::new(move |v| unit.set(v))
                    errors=errors
                />
                <Show when=move || is_office.get()>
                    <FormField
                        field=Field::OfficeName
                        label=text(Text::OfficeName)
                        testid="device-office"
                        value=office
                        on_input=Callback::new(move |v| office.set(v))
                        errors=errors
                    />
                </Show>
                <FormField
                    field=Field::DefaultRecorder
                    label=text(Text::DefaultRecorder)
                    testid="device-recorder"
                    value=recorder
                    on_input=Callback::new(move |v| recorder.set(v))
                    errors=errors
                />
            </div>
            <div class="form-actions">
                <button type="button" class="primary" data-testid="device-save" on:click=save>
                    {language.text(Text::SaveDevice)}
                </button>
            </div>
            <Show when=move || device.0.with(Option::is_some)>
                <PersonalDataPurge />
            </Show>
            <StorageStatus />
        </main>
    }
}
