//! The plan editor of the active campaign: title, issuing unit, document number, theme, period and
//! deadline; units and summary directions; the planned activities. Saving checks the whole plan
//! and lists every problem; a valid plan is stored and the app reloads with it. The plan can be
//! exported as a file for the other devices.

use crate::browser::share::deliver;
use crate::components::plan_activity_row::PlanActivityRow;
use crate::components::plan_directions::PlanDirections;
use crate::components::plan_units::PlanUnits;
use crate::domain::plan::campaign::{Campaign, LocalizedText};
use crate::domain::planning::campaign_list::CampaignList;
use crate::domain::planning::plan_draft::{DraftRestore, PlanDraft};
use crate::domain::planning::plan_edit::{new_activity, plan_file_name, plan_problems};
use crate::domain::storage_failure::SavedThing;
use crate::i18n::{plan_problem, PlanText};
use crate::state::{ActiveCampaign, Campaigns, StorageNotice, UiLanguage};
use crate::storage::preferences;
use chrono::NaiveDate;
use leptos::prelude::*;

fn zh(text: &str) -> LocalizedText {
    LocalizedText {
        zh: text.to_owned(),
        en: None,
    }
}

/// The plan editor page.
#[component]
pub fn PlanEditorPage() -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let active = expect_context::<ActiveCampaign>().0;
    let campaigns = expect_context::<Campaigns>();
    let notice = expect_context::<StorageNotice>();
    let read_only = CampaignList::is_built_in(&active.id);
    // Unsaved edits left here earlier (another page opened, the tablet switched off) are taken
    // up again.
    // Kept edits that cannot be read are shown as a failure and left where they are until the
    // next edit replaces them.
    let mut unreadable_draft = false;
    let kept = match read_only {
        true => DraftRestore::Stored,
        false => match preferences::load_plan_draft(&active.id) {
            Ok(kept) => PlanDraft::restore(&active, kept),
            Err(failure) => {
                notice.show(SavedThing::CampaignPlan, failure);
                unreadable_draft = true;
                DraftRestore::Stored
            }
        },
    };
    let (base, initial, restored) = match kept {
        DraftRestore::Stored => ((*active).clone(), (*active).clone(), None),
        DraftRestore::Continued(kept) => (kept.base, kept.plan, Some(PlanText::DraftContinued)),
        DraftRestore::Outdated(kept) => (kept.base, kept.plan, Some(PlanText::DraftOutdated)),
    };
    let draft = RwSignal::new(initial);
    let restored = RwSignal::new(restored);
    // The plan as stored: what it holds may be named by records (here or on other tablets), so
    // it is retired, never deleted; entries added in this session can go again.
    let saved = StoredValue::new((*active).clone());
    let problems = RwSignal::new(Vec::new());
    let unsaved = Memo::new(move |_| draft.with(|plan| saved.with_value(|stored| plan != stored)));
    // Every edit is kept on the device at once; none left (all undone, or thrown away) clears it.
    let base = StoredValue::new(base);
    Effect::new(move |_| {
        if read_only {
            return;
        }
        let written = match unsaved.get() {
            true => draft.with(|plan| {
                base.with_value(|base| {
                    preferences::save_plan_draft(&PlanDraft {
                        base: base.clone(),
                        plan: plan.clone(),
                    })
                })
            }),
            false if unreadable_draft => Ok(()),
            false => preferences::clear_plan_draft(&saved.with_value(|p| p.id.clone())),
        };
        if let Err(failure) = written {
            notice.show(SavedThing::CampaignPlan, failure);
        }
    });
    let discard = move |_| {
        // Edits from now on start from the stored plan.
        base.set_value(saved.get_value());
        draft.set(saved.get_value());
        restored.set(None);
        problems.set(Vec::new());
    };

    let text_field = move |label: PlanText,
                           testid: &'static str,
                           get: fn(&Campaign) -> String,
                           set: fn(&mut Campaign, String)| {
        view! {
            <div class="form-field">
                <label for=testid>{language.text(label)}</label>
                <input id=testid type="text" data-testid=testid disabled=read_only
                    prop:value=move || draft.with(get)
                    on:input=move |ev| { let text = event_target_value(&ev); draft.update(|p| set(p, text)); } />
            </div>
        }
    };
    let date_field = move |label: PlanText,
                           testid: &'static str,
                           get: fn(&Campaign) -> NaiveDate,
                           set: fn(&mut Campaign, NaiveDate)| {
        view! {
            <div class="form-field">
                <label for=testid>{language.text(label)}</label>
                <input id=testid type="date" data-testid=testid disabled=read_only
                    prop:value=move || draft.with(get).to_string()
                    on:change=move |ev| {
                        if let Ok(day) = event_target_value(&ev).parse::<NaiveDate>() {
                            draft.update(|p| set(p, day));
                        }
                    } />
            </div>
        }
    };

    let add_activity = move |_| {
        draft.update(|plan| {
            let activity = new_activity(plan);
            plan.activities.push(activity);
        });
        // The new activity's title, ready to type.
        crate::pages::focus_when_shown(
            ".plan-activity:last-child [data-testid=plan-activity-title]",
        );
    };
    let save = move |_| {
        let plan = draft.get_untracked();
        let found = plan_problems(&plan);
        if !found.is_empty() {
            problems.set(found);
            crate::pages::focus_first_error();
            return;
        }
        problems.set(Vec::new());
        let id = plan.id.clone();
        if campaigns.change(notice, |list| list.put(plan)).is_some() {
            // Saved: the kept edits are the plan now. Were they not cleared, the reloaded
            // editor would find them equal to the stored plan and clear them itself.
            let _ = preferences::clear_plan_draft(&id);
            Campaigns::reload_at(crate::state::route::Route::PlanEditor);
        }
    };
    let export_failed = RwSignal::new(false);
    let export_plan = {
        let saved = active.clone();
        move |_| {
            let plan = saved.clone();
            leptos::task::spawn_local(async move {
                let name = plan_file_name(&plan);
                let json = serde_json::to_string_pretty(&*plan).unwrap_or_default();
                if deliver(&name, "application/json", json.as_bytes())
                    .await
                    .is_err()
                {
                    export_failed.set(true);
                }
            });
        }
    };

    let activity_ids = move || {
        draft.with(|plan| {
            plan.activities
                .iter()
                .map(|a| a.id.clone())
                .collect::<Vec<_>>()
        })
    };

    view! {
        <main id="main" class="page plan-editor-page" data-testid="plan-editor-page">
            <div class="page-title-row">
                <h1>{language.text(PlanText::EditorTitle)}</h1>
                <button type="button" data-testid="plan-export" on:click=export_plan>
                    {language.text(PlanText::ExportPlan)}
                </button>
            </div>
            {read_only.then(|| view! { <p class="hint warning" data-testid="plan-read-only">{language.text(PlanText::BuiltInReadOnly)}</p> })}
            {move || restored.get().map(|said| view! {
                <div class="draft-banner" role="status" data-testid="plan-draft-restored">
                    <p>{language.text(said)}</p>
                    <button type="button" data-testid="plan-draft-discard" on:click=discard>
                        {language.text(PlanText::DiscardDraft)}
                    </button>
                </div>
            })}
            {move || export_failed.get().then(|| view! { <p class="error" role="alert">{language.text(crate::i18n::Text::ExportNotHandedOver)}</p> })}
            <section class="plan-general">
                {text_field(PlanText::PlanTitle, "plan-title", |p| p.title.zh.clone(), |p, t| p.title.zh = t)}
                {text_field(PlanText::PlanShortTitle, "plan-short-title",
                    |p| p.short_title.as_ref().map(|t| t.zh.clone()).unwrap_or_default(),
                    |p, t| p.short_title = (!t.trim().is_empty()).then(|| zh(&t)))}
                {text_field(PlanText::IssuingUnit, "plan-issuing-unit", |p| p.issuing_unit.clone(), |p, t| p.issuing_unit = t)}
                {text_field(PlanText::DocumentNumber, "plan-document-number", |p| p.document_number.clone(), |p, t| p.document_number = t)}
                {text_field(PlanText::Theme, "plan-theme", |p| p.theme.clone(), |p, t| p.theme = t)}
                <div class="plan-dates">
                    {date_field(PlanText::PeriodStart, "plan-period-start", |p| p.period.start, |p, d| p.period.start = d)}
                    {date_field(PlanText::PeriodEnd, "plan-period-end", |p| p.period.end, |p, d| p.period.end = d)}
                    {date_field(PlanText::Deadline, "plan-deadline", |p| p.report_deadline, |p, d| p.report_deadline = d)}
                </div>
            </section>
            <section class="plan-lists">
                <PlanUnits draft saved read_only />
                <PlanDirections draft read_only />
            </section>
            <section>
                <h2>{language.text(PlanText::ActivitiesHeading)}</h2>
                <ol class="plan-activities">
                    <For each=activity_ids key=|id| id.clone() let:id>
                        <PlanActivityRow in_use=saved.with_value(|p| p.activity(&id).is_some()) id draft read_only />
                    </For>
                </ol>
                <button type="button" data-testid="plan-activity-add" disabled=read_only on:click=add_activity>
                    {language.text(PlanText::AddActivity)}
                </button>
            </section>
            {move || {
                let found = problems.get();
                (!found.is_empty()).then(|| view! {
                    <div class="plan-problems" role="alert" data-testid="plan-problems">
                        <p>{language.text(PlanText::PlanProblems)}</p>
                        <ul>
                            {found.iter().map(|p| view! { <li data-testid="plan-problem" aria-invalid="true" tabindex="-1">{plan_problem(language.0.get(), p)}</li> }).collect_view()}
                        </ul>
                    </div>
                })
            }}
            <div class="form-actions">
                // Said beside Save while the plan differs from the stored one (the export, too,
                // is of the stored plan).
                {move || unsaved.get().then(|| view! {
                    <p class="unsaved" role="status" data-testid="plan-unsaved">{language.text(PlanText::Unsaved)}</p>
                })}
                <button type="button" class="primary" data-testid="plan-save" disabled=read_only on:click=save>
                    {language.text(PlanText::SavePlan)}
                </button>
            </div>
        </main>
    }
}
