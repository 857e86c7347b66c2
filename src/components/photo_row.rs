//! One photo of an event: its thumbnail, size, whether it meets the report rule (and why not),
//! its caption with a live counter, the report selection, and delete.

use crate::browser::clock;
use crate::domain::records::photo::{
    check_caption, report_problems, PhotoRecord, CAPTION_MAX_CHARS,
};
use crate::domain::storage_failure::SavedThing;
use crate::i18n::{caption_counter, photo_problems, photo_size, problem_message, PhotoText};
use crate::state::event_records::EventRecords;
use crate::state::{StorageNotice, UiLanguage};
use crate::workflows::sync_image_fetch::fetch_image;
use leptos::prelude::*;

/// One photo row; `on_saved` receives each stored change.
#[component]
pub fn PhotoRow(
    /// The photo as stored.
    photo: PhotoRecord,
    /// Called with the photo once a change is durable.
    on_saved: Callback<PhotoRecord>,
) -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let records = expect_context::<EventRecords>();
    let notice = expect_context::<StorageNotice>();
    let stored = StoredValue::new(photo.clone());
    let caption = RwSignal::new(photo.caption.clone());
    let caption_error = RwSignal::new(None::<String>);
    let thumbnail = RwSignal::new(None::<String>);
    let id = photo.id;

    // The thumbnail as an object URL, revoked when the row goes.
    leptos::task::spawn_local(async move {
        let Ok(database) = records.database() else {
            return;
        };
        let mut stored_thumbnail = database.load_thumbnail(id).await.ok().flatten();
        if stored_thumbnail.is_none() {
            // A photo that came by sync: its image is fetched from the server now, once.
            let record = stored.get_value();
            if fetch_image(&database, &record).await.is_some() {
                stored_thumbnail = database.load_thumbnail(id).await.ok().flatten();
            }
        }
        if let Some(blob) = stored_thumbnail {
            if let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) {
                thumbnail.set(Some(url));
            }
        }
    });
    on_cleanup(move || {
        if let Some(url) = thumbnail.get_untracked() {
            let _ = web_sys::Url::revoke_object_url(&url);
        }
    });

    let save = move |change: Box<dyn FnOnce(&mut PhotoRecord)>| {
        let mut next = stored.get_value().next_revision(clock::now());
        change(&mut next);
        leptos::task::spawn_local(async move {
            let saved = match records.database() {
                Ok(database) => database.put_photo(&next).await,
                Err(failure) => Err(failure),
            };
            match saved {
                Ok(()) => {
                    stored.set_value(next.clone());
                    on_saved.run(next);
                }
                Err(failure) => notice.show(SavedThing::Photo, failure),
            }
        });
    };
    let commit_caption = move || {
        let text = caption.get_untracked();
        if text == stored.get_value().caption {
            caption_error.set(None);
            return;
        }
        match check_caption(&text) {
            Ok(()) => {
                caption_error.set(None);
                save(Box::new(move |photo| photo.caption = text));
            }
            Err(errors) => {
                let current = language.0.get_untracked();
                let label = current.text(PhotoText::Caption);
                caption_error.set(
                    errors
                        .first()
                        .map(|e| problem_message(current, label, &e.problem)),
                );
            }
        }
    };

    let problems = report_problems(&photo.media_type, photo.width, photo.height);
    let eligible = problems.is_empty();
    let caption_id = format!("caption-{id}");
    let error_id = format!("caption-error-{id}");
    let used = move || caption.with(|c| c.chars().count());
    view! {
        <li class="photo-row" class:eligible=eligible data-testid="photo-row">
            <div class="photo-thumb">
                {move || thumbnail.get().map(|url| view! { <img src=url alt="" /> })}
            </div>
            <div class="photo-details">
                <p class="photo-name" translate="no">{photo.file_name.clone()}</p>
                <p class="photo-size">{photo_size(photo.width, photo.height, photo.bytes)}</p>
                {if eligible {
                    view! { <p class="photo-ok" data-testid="photo-ok">{language.text(PhotoText::MeetsRule)}</p> }.into_any()
                } else {
                    view! {
                        <p class="photo-problem" data-testid="photo-problem">
                            {move || photo_problems(language.0.get(), &problems)}
                        </p>
                    }.into_any()
                }}
                <div class="form-field">
                    <label for=caption_id.clone()>{language.text(PhotoText::Caption)}</label>
                    <input id=caption_id type="text" data-testid="photo-caption"
                        aria-invalid=move || caption_error.with(Option::is_some).then_some("true")
                        aria-describedby=error_id.clone()
                        prop:value=move || caption.get()
                        on:input=move |ev| caption.set(event_target_value(&ev))
                        on:change=move |_| commit_caption() />
                    <p id=error_id class="caption-count" class:over={move || used() > CAPTION_MAX_CHARS}
                        data-testid="photo-caption-count">
                        {move || caption_counter(used(), CAPTION_MAX_CHARS)}
                        {move || caption_error.get().map(|text| view! {
                            " "<span class="field-error" role="alert" data-testid="photo-caption-error">{text}</span>
                        })}
                    </p>
                </div>
                <div class="photo-actions">
                    <label class="photo-select">
                        <input type="checkbox" role="switch" class="switch" data-testid="photo-select"
                            prop:checked=photo.selected
                            on:change=move |ev| {
                                let selected = event_target_checked(&ev);
                                save(Box::new(move |photo| photo.selected = selected));
                            } />
                        {language.text(PhotoText::SelectForReport)}
                    </label>
                    <button type="button" class="danger" data-testid="photo-delete"
                        on:click=move |_| save(Box::new(|photo| photo.deleted = true))>
                        {language.text(PhotoText::DeletePhoto)}
                    </button>
                </div>
            </div>
        </li>
    }
}
