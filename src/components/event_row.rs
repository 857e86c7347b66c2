//! One event in the list: what, when, where, who organised it, person-times; edit and delete.

use crate::browser::clock;
use crate::browser::share::deliver_parts;
use crate::domain::records::event_list::person_times;
use crate::domain::records::event_record::EventRecord;
use crate::domain::records::photo::PhotoRecord;
use crate::domain::storage_failure::SavedThing;
use crate::domain::storage_failure::StorageFailure;
use crate::i18n::{
    delete_with_photos, event_photos_question, event_title, event_when, localized,
    person_times_label, PhotoText, Text,
};
use crate::state::event_records::EventRecords;
use crate::state::route::Route;
use crate::state::{ActiveCampaign, CurrentRoute, StorageNotice, Toast, ToastMessage, UiLanguage};
use crate::workflows::report_pack_files::{build_event_photos, PackFailure};
use leptos::prelude::*;

/// A row of the event list for `record`.
#[component]
pub fn EventRow(record: EventRecord) -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let campaign = expect_context::<ActiveCampaign>().0;
    let records = expect_context::<EventRecords>();
    let route = expect_context::<CurrentRoute>();
    let toast = expect_context::<Toast>();
    let notice = expect_context::<StorageNotice>();
    let id = record.id;
    let head_count = record.head_count;
    let attendance = move || person_times(head_count, records.roster_count(id));

    let title_campaign = campaign.clone();
    let title_record = record.clone();
    let title = move || {
        let (text, in_language) = event_title(language.0.get(), &title_campaign, &title_record);
        view! { <span lang=in_language.code()>{text}</span> }
    };
    let when_record = record.clone();
    let when = move || event_when(language.0.get(), &when_record);
    let unit_campaign = campaign.clone();
    let unit_record = record.clone();
    let unit = move || {
        let current = language.0.get();
        let (name, in_language) = match (
            &unit_record.office_name,
            unit_campaign.unit(&unit_record.organising_unit_id),
        ) {
            (Some(office), _) => (office.clone(), crate::i18n::Language::ZhCn),
            (None, Some(unit)) => {
                let (name, in_language) = localized(current, &unit.name);
                (name.to_owned(), in_language)
            }
            (None, None) => (
                unit_record.organising_unit_id.to_string(),
                crate::i18n::Language::ZhCn,
            ),
        };
        view! { <span lang=in_language.code()>{name}</span> }
    };
    let mode = match record.attendance {
        crate::domain::records::event_record::Attendance::Online => Text::Online,
        crate::domain::records::event_record::Attendance::Offline => Text::Offline,
    };

    let delete_record = StoredValue::new(record.clone());
    let deleting = RwSignal::new(false);
    // The event's live photos, once a delete has asked about them.
    let asking = RwSignal::new(None::<Vec<PhotoRecord>>);
    let delete_campaign = campaign.clone();
    let download_campaign = campaign.clone();
    let delete_event = Callback::new(move |photos: Vec<PhotoRecord>| {
        deleting.set(true);
        asking.set(None);
        let now = clock::now();
        let deleted = delete_record.get_value().deleted_at(now);
        let name = event_title(language.0.get_untracked(), &delete_campaign, &deleted).0;
        leptos::task::spawn_local(async move {
            // The photos first, all in one transaction with their images: if that fails,
            // nothing is deleted.
            if !photos.is_empty() {
                let removed = match records.database() {
                    Ok(database) => database.remove_photos(&photos, now).await,
                    Err(failure) => Err(failure),
                };
                if let Err(failure) = removed {
                    notice.show(SavedThing::Photo, failure);
                    deleting.set(false);
                    return;
                }
            }
            match records.save(deleted).await {
                Ok(()) => toast.0.set(Some(ToastMessage::EventDeleted(id))),
                Err(failure) => notice.show(SavedThing::Event(name), failure),
            }
            deleting.set(false);
        });
    });
    // An event with photos asks first: delete them too, or keep them for an undo.
    let delete = move |_| {
        if deleting.get_untracked() || asking.get_untracked().is_some() {
            return;
        }
        deleting.set(true);
        let campaign = campaign.clone();
        leptos::task::spawn_local(async move {
            let photos = match records.database() {
                Ok(database) => database.load_photos(id).await.map(|loaded| loaded.records),
                Err(failure) => Err(failure),
            };
            deleting.set(false);
            match photos {
                Ok(photos) => {
                    let live: Vec<PhotoRecord> =
                        photos.into_iter().filter(|p| !p.deleted).collect();
                    if live.is_empty() {
                        delete_event.run(Vec::new());
                    } else {
                        asking.set(Some(live));
                    }
                }
                Err(failure) => {
                    let name = event_title(
                        language.0.get_untracked(),
                        &campaign,
                        &delete_record.get_value(),
                    )
                    .0;
                    notice.show(SavedThing::Event(name), failure);
                }
            }
        });
    };
    // Keeping the photos before deleting: one ZIP of them (images and captions).
    let downloading = RwSignal::new(false);
    let download_photos = Callback::new(move |()| {
        if downloading.get_untracked() {
            return;
        }
        downloading.set(true);
        let campaign = download_campaign.clone();
        let event = delete_record.get_value();
        leptos::task::spawn_local(async move {
            let built = build_event_photos(records, &event, &campaign, clock::now()).await;
            let handed = match built {
                Ok((name, parts)) => deliver_parts(&name, "application/zip", &parts)
                    .await
                    .map_err(|_| StorageFailure::Unreadable),
                Err(PackFailure::Storage(failure)) => Err(failure),
                Err(PackFailure::TooLarge) => Err(StorageFailure::Unreadable),
            };
            if let Err(failure) = handed {
                notice.show(SavedThing::Photo, failure);
            }
            downloading.set(false);
        });
    });
    let question = move || {
        asking.get().map(|photos| {
            let count = photos.len();
            let with_photos = StoredValue::new(photos);
            view! {
                <div class="delete-question" role="alertdialog" aria-labelledby=format!("delete-q-{id}")
                    data-testid="delete-event-question">
                    <p id=format!("delete-q-{id}")>{move || event_photos_question(language.0.get(), count)}</p>
                    <div class="delete-question-actions">
                        <button type="button" class="danger" data-testid="delete-event-with-photos"
                            on:click=move |_| delete_event.run(with_photos.get_value())>
                            {move || delete_with_photos(language.0.get(), count)}
                        </button>
                        <button type="button" data-testid="delete-event-download-photos"
                            aria-busy=move || downloading.get().then_some("true")
                            on:click=move |_| download_photos.run(())>
                            {language.text(PhotoText::DownloadEventPhotos)}
                        </button>
                        <button type="button" data-testid="delete-event-cancel"
                            on:click=move |_| asking.set(None)>
                            {language.text(Text::Cancel)}
                        </button>
                    </div>
                </div>
            }
        })
    };

    view! {
        <li class="event-row" data-testid="event-row" data-event-id=id.to_string()>
            <div class="event-main">
                <h3 class="event-title">{title}</h3>
                <p class="event-when">{when}</p>
                <p class="event-where">
                    <span class="event-mode">{language.text(mode)}</span>
                    <span lang="zh-CN">{record.place.clone()}</span>
                    " · "
                    {unit}
                </p>
            </div>
            <p class="event-attendance" data-testid="event-person-times">
                {move || person_times_label(language.0.get(), attendance())}
            </p>
            <div class="event-actions">
                <button
                    type="button"
                    class="primary"
                    data-testid="open-attendance"
                    on:click=move |_| route.go(Route::Attendance(id))
                >
                    {language.text(Text::OpenAttendance)}
                </button>
                <button
                    type="button"
                    data-testid="open-photos"
                    on:click=move |_| route.go(Route::Photos(id))
                >
                    {language.text(PhotoText::OpenPhotos)}
                </button>
                <button
                    type="button"
                    data-testid="edit-event"
                    on:click=move |_| route.go(Route::EditEvent(id))
                >
                    {language.text(Text::Edit)}
                </button>
                <button
                    type="button"
                    class="danger"
                    data-testid="delete-event"
                    disabled=move || deleting.get()
                    on:click=delete
                >
                    {language.text(Text::Delete)}
                </button>
            </div>
            {question}
        </li>
    }
}
