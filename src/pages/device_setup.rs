//! Device set-up: first screen on a new tablet, and changeable later.

use crate::browser::clock;
use crate::browser::ids::new_device_id;
use crate::components::form_field::FormField;
use crate::components::personal_data_purge::PersonalDataPurge;
use crate::components::select_field::{unit_choices, SelectField};
use crate::components::storage_status::StorageStatus;
use crate::components::sync_settings::SyncSettings;
use crate::domain::plan::device::DeviceForm;
use crate::domain::storage_failure::SavedThing;
use crate::domain::validation::{Field, FieldError};
use crate::i18n::Text;
use crate::pages::focus_first_error;
use crate::state::route::Route;
use crate::state::{
    ActiveCampaign, CurrentRoute, Device, StorageNotice, Toast, ToastMessage, UiLanguage,
};
use crate::storage::preferences;
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
    let form = RwSignal::new(DeviceForm::from_profile(existing.as_ref()));
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let c = campaign.clone();
    let is_office = Memo::new(move |_| form.with(|f| c.names_offices(&f.unit)));
    let c = campaign.clone();
    let choices =
        Signal::derive(move || form.with(|f| unit_choices(language.0.get(), &c, Some(&f.unit))));
    let text = move |key: Text| Signal::derive(move || language.0.get().text(key).to_owned());
    let value = move |read: fn(&DeviceForm) -> &String| {
        Signal::derive(move || form.with(|f| read(f).clone()))
    };
    let setter = move |write: fn(&mut DeviceForm, String)| {
        Callback::new(move |v| form.update(|f| write(f, v)))
    };

    let save = move |_| {
        let outcome = form.with_untracked(|f| {
            f.to_profile(&campaign, existing.as_ref(), new_device_id(), clock::now())
        });
        let profile = match outcome {
            Ok(profile) => profile,
            Err(list) => {
                errors.set(list);
                focus_first_error();
                return;
            }
        };
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
                    value=value(|f| &f.label)
                    on_input=setter(|f, v| f.label = v)
                    errors=errors
                />
                <SelectField
                    field=Field::DeviceUnit
                    label=text(Text::DeviceUnit)
                    testid="device-unit"
                    choices=choices
                    prompt=text(Text::ChooseUnit)
                    value=value(|f| &f.unit)
                    on_change=setter(|f, v| f.unit = v)
                    errors=errors
                />
                <Show when=move || is_office.get()>
                    <FormField
                        field=Field::OfficeName
                        label=text(Text::OfficeName)
                        testid="device-office"
                        value=value(|f| &f.office)
                        on_input=setter(|f, v| f.office = v)
                        errors=errors
                    />
                </Show>
                <FormField
                    field=Field::DefaultRecorder
                    label=text(Text::DefaultRecorder)
                    testid="device-recorder"
                    value=value(|f| &f.recorder)
                    on_input=setter(|f, v| f.recorder = v)
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
                <SyncSettings />
            </Show>
            <StorageStatus />
        </main>
    }
}
