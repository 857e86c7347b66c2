//! An event's photos: take one with the camera or choose from the gallery; each is stored as a
//! blob in IndexedDB with a thumbnail, and listed with whether it meets the report rule, its
//! caption and its report selection.

use crate::browser::clock;
use crate::browser::ids::new_photo_id;
use crate::browser::photos::read_photo;
use crate::components::event_title::EventTitle;
use crate::components::photo_row::PhotoRow;
use crate::components::stored_event_gate::StoredEventGate;
use crate::domain::figures::statistics::UnitKey;
use crate::domain::ids::EventId;
use crate::domain::records::photo::{
    PhotoRecord, UnitSelection, DEFAULT_LONG_SIDE, LONG_SIDE_CHOICES, PHOTO_SCHEMA_VERSION,
};
use crate::domain::storage_failure::SavedThing;
use crate::i18n::{
    event_when, localized, long_side_choice, not_an_image, unit_selection, PhotoText,
};
use crate::state::event_records::EventRecords;
use crate::state::route::Route;
use crate::state::{ActiveCampaign, StorageNotice, UiLanguage};
use crate::storage::preferences;
use crate::workflows::import_files::files_of;
use leptos::prelude::*;

/// The photos page of `event`.
#[component]
pub fn PhotosPage(event: EventId) -> impl IntoView {
    view! {
        <main id="main" class="page photos-page" data-testid="photos-page">
            <StoredEventGate event=event>
                <EventPhotos event=event />
            </StoredEventGate>
        </main>
    }
}

#[component]
fn EventPhotos(event: EventId) -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let records = expect_context::<EventRecords>();
    let notice = expect_context::<StorageNotice>();
    let campaign = expect_context::<ActiveCampaign>().0;
    let photos = RwSignal::new(Vec::<PhotoRecord>::new());
    let saving = RwSignal::new(0usize);
    let refused = RwSignal::new(Vec::<String>::new());

    leptos::task::spawn_local(async move {
        let Ok(database) = records.database() else {
            return;
        };
        match database.load_photos(event).await {
            Ok(loaded) => photos.set(loaded.records),
            Err(failure) => notice.show(SavedThing::Photo, failure),
        }
    });

    let long_side = RwSignal::new(match preferences::load_photo_long_side() {
        Ok(Some(pixels)) => pixels,
        _ => DEFAULT_LONG_SIDE,
    });
    let choose_long_side = move |ev: leptos::ev::Event| {
        let pixels = event_target_value(&ev).parse().unwrap_or(DEFAULT_LONG_SIDE);
        long_side.set(pixels);
        if let Err(failure) = preferences::save_photo_long_side(pixels) {
            notice.show(SavedThing::PhotoSetting, failure);
        }
    };
    let attach = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let files = files_of(input.files());
        input.set_value("");
        refused.set(Vec::new());
        for file in files {
            saving.update(|n| *n += 1);
            leptos::task::spawn_local(async move {
                let name = file.name();
                let media_type = file.type_();
                match read_photo(&file, &media_type, long_side.get_untracked()).await {
                    None => {
                        refused.update(|r| r.push(not_an_image(language.0.get_untracked(), &name)))
                    }
                    Some(read) => {
                        let now = clock::now();
                        let record = PhotoRecord {
                            id: new_photo_id(),
                            event_id: event,
                            file_name: name,
                            media_type,
                            width: read.width,
                            height: read.height,
                            bytes: read.image.size() as u64,
                            caption: String::new(),
                            selected: false,
                            created_at: now,
                            updated_at: now,
                            revision: 1,
                            deleted: false,
                            schema_version: PHOTO_SCHEMA_VERSION,
                            origin: None,
                        };
                        let stored = match records.database() {
                            Ok(database) => {
                                database
                                    .put_new_photo(&record, &read.image, &read.thumbnail)
                                    .await
                            }
                            Err(failure) => Err(failure),
                        };
                        match stored {
                            Ok(()) => photos.update(|all| all.push(record)),
                            Err(failure) => notice.show(SavedThing::Photo, failure),
                        }
                    }
                }
                saving.update(|n| *n -= 1);
            });
        }
    };
    // How many photos the event's unit has selected, over all its events.
    let unit_selected = RwSignal::new(None::<usize>);
    let count_unit_selection = move || {
        let Some(this) = records.get(event) else {
            return;
        };
        let unit = UnitKey::of(&this);
        let events: Vec<EventId> = records.all.with_untracked(|all| {
            all.values()
                .filter(|e| {
                    !e.deleted && e.campaign_id == this.campaign_id && UnitKey::of(e) == unit
                })
                .map(|e| e.id)
                .collect()
        });
        leptos::task::spawn_local(async move {
            let Ok(database) = records.database() else {
                return;
            };
            let mut selected = 0;
            for id in events {
                match database.load_photos(id).await {
                    Ok(loaded) => {
                        selected += loaded
                            .records
                            .iter()
                            .filter(|p| p.selected && !p.deleted)
                            .count()
                    }
                    Err(_) => return,
                }
            }
            unit_selected.set(Some(selected));
        });
    };
    count_unit_selection();
    let on_saved = Callback::new(move |saved: PhotoRecord| {
        photos.update(|all| {
            if let Some(slot) = all.iter_mut().find(|p| p.id == saved.id) {
                *slot = saved;
            }
        });
        count_unit_selection();
    });

    let record = Memo::new(move |_| records.all.with(|all| all.get(&event).cloned()));
    let c = campaign.clone();
    let when = move || record.with(|r| r.as_ref().map(|r| event_when(language.0.get(), r)));
    let selection_status = move || {
        let selected = unit_selected.get()?;
        let current = language.0.get();
        let unit = record.with(|r| {
            r.as_ref().map(|r| match UnitKey::of(r) {
                UnitKey::Office(name) => name,
                UnitKey::Unit(id) => c
                    .unit(&id)
                    .map(|u| localized(current, &u.name).0.to_owned())
                    .unwrap_or_else(|| id.to_string()),
            })
        })?;
        let status = UnitSelection::of(selected);
        let warn = !matches!(status, UnitSelection::Enough(_));
        Some(view! {
            <p class="unit-selection" class:warning=warn data-testid="photo-selection-status">
                {unit_selection(current, &unit, status)}
            </p>
        })
    };
    let live = move || {
        photos.with(|all| {
            all.iter()
                .filter(|p| !p.deleted)
                .cloned()
                .collect::<Vec<_>>()
        })
    };

    let no_live_photos = Memo::new(move |_| photos.with(|all| all.iter().all(|p| p.deleted)));

    view! {
        <div class="page-title-row">
            <h1>{language.text(PhotoText::PhotosTitle)}" · "<EventTitle record /></h1>
            <a class="button-link" href=Route::Home.hash()>{language.text(PhotoText::BackToEvents)}</a>
        </div>
        <p class="event-when">{when}</p>
        <p class="hint">{language.text(PhotoText::PhotosHint)}</p>
        {selection_status}
        <div class="photo-pickers">
            <span class="file-picker">
                <label class="file-button" for="photo-camera">{language.text(PhotoText::TakePhoto)}</label>
                <input id="photo-camera" type="file" accept="image/*" capture="environment"
                    data-testid="photo-camera" on:change=attach />
            </span>
            <span class="file-picker secondary">
                <label class="file-button" for="photo-input">{language.text(PhotoText::ChoosePhotos)}</label>
                <input id="photo-input" type="file" accept="image/*" multiple
                    data-testid="photo-input" on:change=attach />
            </span>
        </div>
        <div class="form-field shrink-setting">
            <label for="photo-long-side">{language.text(PhotoText::ShrinkLabel)}</label>
            <select id="photo-long-side" data-testid="photo-long-side" on:change=choose_long_side>
                {LONG_SIDE_CHOICES.into_iter().map(|pixels| view! {
                    <option value=pixels.to_string() prop:selected=move || long_side.get() == pixels>
                        {move || if pixels == 0 {
                            language.0.get().text(PhotoText::NeverShrink).to_owned()
                        } else {
                            long_side_choice(language.0.get(), pixels, pixels == DEFAULT_LONG_SIDE)
                        }}
                    </option>
                }).collect_view()}
            </select>
        </div>
        <div role="status" aria-live="polite">
            {move || (saving.get() > 0).then(|| view! { <p class="import-progress">{language.text(PhotoText::SavingPhoto)}</p> })}
            {move || refused.get().into_iter().map(|text| view! { <p class="import-error" role="alert">{text}</p> }).collect_view()}
        </div>
        // Only emptiness rebuilds the list; rows are keyed by photo, so a save in one row never
        // re-creates another (and loses a caption being typed there).
        {move || {
            if no_live_photos.get() {
                view! { <p class="hint" data-testid="no-photos">{language.text(PhotoText::NoPhotos)}</p> }.into_any()
            } else {
                view! {
                    <ul class="photo-list">
                        <For each=live key=|photo| photo.id let:photo>
                            <PhotoRow photo on_saved />
                        </For>
                    </ul>
                }.into_any()
            }
        }}
    }
}
