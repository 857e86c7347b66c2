//! The conflicts left by imports: for each, the kept version and the other side by side, with
//! "use this version" (saved as a new revision) and "keep current".

use crate::browser::clock;
use crate::domain::china_time::china_date_time;
use crate::domain::ids::DeviceId;
use crate::domain::incoming::received::{ConflictVersion, ReceivedFile};
use crate::domain::records::event_record::EventRecord;
use crate::domain::records::record_version::RecordOrigin;
use crate::domain::records::roster::{mask_phone, RosterEntry};
use crate::i18n::{event_title, import_failed, ImportText, Language, Text};
use crate::state::event_records::{EventRecords, LoadState};
use crate::state::{ActiveCampaign, UiLanguage};
use crate::workflows::import_conflicts::{keep_current_version, use_other_version, Decided};
use leptos::prelude::*;

fn event_summary(language: Language, record: &EventRecord) -> String {
    let figure = |label: Text, value: u32| format!("{} {value}", language.text(label));
    let mut parts = vec![
        record.place.clone(),
        figure(Text::FieldHeadCount, record.head_count),
        figure(Text::FieldPublicityMinutes, record.publicity_minutes),
        figure(Text::FieldPublicityReports, record.publicity_reports),
    ];
    if record.deleted {
        parts.push(language.text(ImportText::DeletedVersion).to_owned());
    }
    parts.join(" · ")
}

fn entry_summary(language: Language, entry: &RosterEntry) -> String {
    let mut parts = vec![entry.name.clone()];
    parts.extend(entry.known_phone().map(mask_phone));
    parts.extend(entry.affiliation.clone());
    if entry.deleted {
        parts.push(language.text(ImportText::DeletedVersion).to_owned());
    }
    parts.join(" · ")
}

/// Where a version came from: `来自 平板1（A.json）`, if it came from a received file.
fn source(
    language: Language,
    origin: Option<&RecordOrigin>,
    files: &[ReceivedFile],
) -> Option<impl IntoView> {
    let origin = origin?;
    let by_device = |id: DeviceId| files.iter().find(|f| f.device.id == id);
    let (device, file) = match files.iter().find(|f| f.id == origin.file_id) {
        Some(file) => (file.device.label.clone(), Some(file.name.clone())),
        None => (by_device(origin.device_id)?.device.label.clone(), None),
    };
    let (open, close) = if language == Language::ZhCn {
        ("（", "）")
    } else {
        (" (", ")")
    };
    Some(view! {
        " "{language.text(ImportText::FromDevice)}" "<span lang="zh-CN">{device}</span>
        {file.map(|file| view! { {open}<span translate="no">{file}</span>{close} })}
    })
}

/// The list of conflicts to review; reloads whenever `changes` moves.
#[component]
pub fn ConflictList(
    /// Bumped by the page after every stored change.
    changes: RwSignal<u32>,
) -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let campaign = expect_context::<ActiveCampaign>().0;
    let records = expect_context::<EventRecords>();
    let failed = RwSignal::new(None::<String>);
    let loaded = crate::state::load_into::load_into(move || {
        changes.track();
        let ready = matches!(records.load.get(), LoadState::Ready { .. });
        async move {
            let Ok(database) = records.database() else {
                return (Vec::new(), Vec::new());
            };
            if !ready {
                return (Vec::new(), Vec::new());
            }
            let conflicts = database.load_conflicts().await.unwrap_or_default();
            let files = database
                .load_received_files()
                .await
                .map(|l| l.records)
                .unwrap_or_default();
            (conflicts, files)
        }
    });
    // One decision at a time: two batches made from the same state would overwrite each other.
    let pending = RwSignal::new(false);
    let act = move |conflict: ConflictVersion, use_other: bool| {
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        leptos::task::spawn_local(async move {
            let result = if use_other {
                use_other_version(records, &conflict, clock::now()).await
            } else {
                keep_current_version(records, &conflict, clock::now()).await
            };
            let current = language.0.get_untracked();
            match result {
                Ok(Decided::Saved) => failed.set(None),
                Ok(Decided::ChangedSince) => failed.set(Some(
                    current.text(ImportText::ConflictChangedSince).to_owned(),
                )),
                Err(failure) => failed.set(Some(import_failed(current, failure))),
            }
            pending.set(false);
            changes.update(|n| *n += 1);
        });
    };

    let items = move || {
        let current = language.0.get();
        let (conflicts, files) = loaded.get().unwrap_or_default();
        if conflicts.is_empty() {
            return None;
        }
        let rows = conflicts
            .into_iter()
            .map(|conflict| {
                let (title, kept, other, sources) = match &conflict {
                    ConflictVersion::Event { kept, other } => (
                        event_title(current, &campaign, kept).0,
                        event_summary(current, kept),
                        event_summary(current, other),
                        (
                            source(current, kept.origin.as_ref(), &files),
                            source(current, other.origin.as_ref(), &files),
                        ),
                    ),
                    ConflictVersion::RosterEntry { kept, other } => (
                        format!("{}：{}", current.text(ImportText::SignInRecord), kept.name),
                        entry_summary(current, kept),
                        entry_summary(current, other),
                        (
                            source(current, kept.origin.as_ref(), &files),
                            source(current, other.origin.as_ref(), &files),
                        ),
                    ),
                };
                let stamp = match &conflict {
                    ConflictVersion::Event { kept, other } => (kept.updated_at, other.updated_at),
                    ConflictVersion::RosterEntry { kept, other } => {
                        (kept.updated_at, other.updated_at)
                    }
                };
                let (use_it, keep_it) = (conflict.clone(), conflict);
                view! {
                    <li class="conflict" data-testid="conflict">
                        <h3>{title}</h3>
                        <dl class="conflict-versions">
                            <div>
                                <dt>{current.text(ImportText::KeptVersion)}</dt>
                                <dd data-testid="conflict-kept">{kept}</dd>
                                <dd class="hint">{china_date_time(stamp.0)}{sources.0}</dd>
                            </div>
                            <div>
                                <dt>{current.text(ImportText::OtherVersion)}</dt>
                                <dd data-testid="conflict-other">{other}</dd>
                                <dd class="hint">{china_date_time(stamp.1)}{sources.1}</dd>
                            </div>
                        </dl>
                        <div class="conflict-actions">
                            <button type="button" data-testid="conflict-use"
                                prop:disabled=move || pending.get()
                                on:click=move |_| act(use_it.clone(), true)>
                                {current.text(ImportText::UseThisVersion)}
                            </button>
                            <button type="button" data-testid="conflict-keep"
                                prop:disabled=move || pending.get()
                                on:click=move |_| act(keep_it.clone(), false)>
                                {current.text(ImportText::KeepCurrent)}
                            </button>
                        </div>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <section class="conflicts" aria-labelledby="conflicts-heading" data-testid="conflicts">
                <h2 id="conflicts-heading">{current.text(ImportText::ConflictsHeading)}</h2>
                <p class="hint">{current.text(ImportText::ConflictsHint)}</p>
                <ul class="conflict-list">{rows}</ul>
            </section>
        })
    };
    view! {
        {move || failed.get().map(|text| view! {
            <p class="import-outcome error" role="alert" data-testid="conflict-outcome">{text}</p>
        })}
        {items}
    }
}
