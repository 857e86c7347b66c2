//! The campaigns page: the campaigns on this device with the active one marked; switch, copy a
//! plan to a new year, start one from scratch, and import a plan file shared by the Quality
//! Section.

use crate::browser::clock;
use crate::domain::china_time::china_today;
use crate::domain::plan::campaign::Campaign;
use crate::domain::planning::campaign_list::CampaignList;
use crate::domain::planning::plan_edit::blank_plan;
use crate::i18n::{
    format_period, kept_for_records, localized, plan_file_problem, plan_replace_question, PlanText,
};
use crate::state::route::Route;
use crate::state::{Campaigns, StorageNotice, UiLanguage};
use crate::workflows::import_files::files_of;
use crate::workflows::plan_files::{read_plan_file, store_plan, PlanFile};
use chrono::Datelike;
use leptos::prelude::*;

/// The campaigns page.
#[component]
pub fn CampaignsPage() -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let campaigns = expect_context::<Campaigns>();
    let notice = expect_context::<StorageNotice>();
    let records = expect_context::<crate::state::event_records::EventRecords>();
    let outcome = RwSignal::new(None::<(bool, String)>);

    let new_campaign = move |_| {
        let today = china_today(clock::now());
        let title = language
            .0
            .get_untracked()
            .text(PlanText::NewPlanTitle)
            .to_owned();
        let made = campaigns.change(notice, |list| {
            // Digits by hand: chrono's strftime would add 11 KB of wasm for this one name.
            let (y, m, d) = (today.year(), today.month(), today.day());
            let id = list.free_id(&format!("campaign-{y:04}{m:02}{d:02}"));
            let plan = blank_plan(&list.active_plan(), id.clone(), today, &title);
            list.put(plan);
            list.active = Some(id);
        });
        if made.is_some() {
            Campaigns::reload_at(Route::PlanEditor);
        }
    };
    // A plan file waiting for the answer to "replace the plan here?": its name and plan.
    let replacing = RwSignal::new(None::<(String, Campaign, Campaign)>);
    let store = move |plan: Campaign| {
        leptos::task::spawn_local(async move {
            let Some((kept, active)) = store_plan(plan.clone(), records, campaigns, notice).await
            else {
                return;
            };
            if active {
                // The active plan changed: every page shows the new version.
                Campaigns::reload_at(Route::Campaigns);
                return;
            }
            let current = language.0.get_untracked();
            let title = localized(current, &plan.title).0;
            let mut done = format!("{}{title}", current.text(PlanText::PlanImported));
            if kept > 0 {
                done.push_str(&kept_for_records(current, kept));
            }
            outcome.set(Some((true, done)));
        });
    };
    let import_plan = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let files = files_of(input.files());
        input.set_value("");
        let Some(file) = files.into_iter().next() else {
            return;
        };
        outcome.set(None);
        replacing.set(None);
        leptos::task::spawn_local(async move {
            let name = file.name();
            let current = language.0.get_untracked();
            match read_plan_file(&file, campaigns).await {
                PlanFile::Refused(problem) => {
                    outcome.set(Some((false, plan_file_problem(current, &name, &problem))))
                }
                PlanFile::BuiltIn => outcome.set(Some((
                    false,
                    current.text(PlanText::BuiltInNotImported).to_owned(),
                ))),
                PlanFile::Same(plan) => {
                    let title = localized(current, &plan.title).0;
                    outcome.set(Some((
                        true,
                        format!("{}{title}", current.text(PlanText::PlanSame)),
                    )));
                }
                PlanFile::New(plan) => store(*plan),
                PlanFile::Replaces { plan, current } => {
                    replacing.set(Some((name, *plan, *current)));
                    // The question in view, with focus on the answer that changes nothing.
                    crate::pages::focus_when_shown("[data-testid=plan-replace-cancel]");
                }
            }
        });
    };
    let replace_question = move || {
        replacing.get().map(|(name, plan, current)| {
            let question = plan_replace_question(language.0.get(), &name, &plan, &current);
            view! {
                <div class="confirm-box" role="alertdialog" aria-labelledby="plan-replace-question"
                    data-testid="plan-replace">
                    <p id="plan-replace-question" data-testid="plan-replace-question">{question}</p>
                    <div class="button-row">
                        <button type="button" class="primary" data-testid="plan-replace-confirm"
                            on:click=move |_| {
                                replacing.set(None);
                                store(plan.clone());
                            }>
                            {language.text(PlanText::ReplacePlan)}
                        </button>
                        <button type="button" data-testid="plan-replace-cancel"
                            on:click=move |_| replacing.set(None)>
                            {language.text(PlanText::KeepPlan)}
                        </button>
                    </div>
                </div>
            }
        })
    };

    let rows = move || {
        let list = campaigns.0.get();
        let active = list.active_plan().id;
        list.all()
            .into_iter()
            .map(|plan| {
                let is_active = plan.id == active;
                let copying = RwSignal::new(false);
                let year_error = RwSignal::new(false);
                let year = RwSignal::new(china_today(clock::now()).year().to_string());
                let id = plan.id.clone();
                let copy_plan = plan.clone();
                // A plan no record names (deleted ones included) and not in use can go: one made
                // by mistake. Any other stays, so no record is ever left without its plan.
                let plan_id = plan.id.clone();
                let unused = Memo::new(move |_| {
                    records.load.with(|l| matches!(l, crate::state::event_records::LoadState::Ready { .. }))
                        && records.all.with(|all| all.values().all(|r| r.campaign_id != plan_id))
                });
                let removable = !is_active && !CampaignList::is_built_in(&plan.id);
                let confirming = RwSignal::new(false);
                let remove_id = plan.id.clone();
                let remove = move |_| {
                    if !confirming.get_untracked() {
                        confirming.set(true);
                        return;
                    }
                    let id = remove_id.clone();
                    if campaigns.change(notice, |list| list.plans.retain(|p| p.id != id)).is_some() {
                        // Its unsaved edits go with it.
                        let _ = crate::storage::preferences::clear_plan_draft(&id);
                    }
                };
                let activate = move |_| {
                    let id = id.clone();
                    if campaigns.change(notice, |list| list.active = Some(id)).is_some() {
                        Campaigns::reload_at(Route::Campaigns);
                    }
                };
                let copy = move |_| {
                    let year = year.get_untracked().trim().parse::<i32>().ok();
                    let Some(year) = year.filter(|y| (2000..=2100).contains(y)) else {
                        year_error.set(true);
                        return;
                    };
                    let plan = copy_plan.clone();
                    let copied = campaigns.change(notice, |list| {
                        let copied = list.copy_of(&plan, year);
                        list.active = Some(copied.id.clone());
                        list.put(copied);
                    });
                    if copied.is_some() {
                        Campaigns::reload_at(Route::PlanEditor);
                    }
                };
                // Edits left unsaved in the plan editor (kept on the device until saved).
                let unsaved = crate::storage::preferences::load_plan_draft(&plan.id)
                    .ok()
                    .flatten()
                    .is_some_and(|kept| kept.plan != plan);
                let year_id = format!("campaign-copy-year-{}", plan.id);
                let period = plan.period;
                let title = plan.title.clone();
                let title_lang = plan.title.clone();
                view! {
                    <li class="campaign-row" data-testid="campaign-row" class:active=is_active>
                        <div class="campaign-main">
                            <h2 lang=move || localized(language.0.get(), &title_lang).1.code()>
                                {move || localized(language.0.get(), &title).0.to_owned()}
                            </h2>
                            <p>{move || format_period(language.0.get(), period)}</p>
                            {is_active.then(|| view! {
                                <p class="badge-active" data-testid="campaign-active">{language.text(PlanText::ActiveBadge)}</p>
                            })}
                            {unsaved.then(|| view! {
                                <p class="unsaved" data-testid="campaign-unsaved">{language.text(PlanText::CampaignUnsaved)}</p>
                            })}
                        </div>
                        <div class="campaign-actions">
                            {(!is_active).then(|| view! {
                                <button type="button" class="primary" data-testid="campaign-activate" on:click=activate>
                                    {language.text(PlanText::Activate)}
                                </button>
                            })}
                            {is_active.then(|| view! {
                                <a class="button-link" href=Route::PlanEditor.hash() data-testid="campaign-edit">
                                    {language.text(PlanText::EditPlan)}
                                </a>
                            })}
                            <button type="button" data-testid="campaign-copy"
                                aria-expanded=move || copying.get().to_string()
                                on:click=move |_| copying.update(|c| *c = !*c)>
                                {language.text(PlanText::CopyToYear)}
                            </button>
                            {removable.then(|| view! {
                                <Show when=move || unused.get()>
                                    <button type="button" class="danger" data-testid="campaign-delete"
                                        on:click=remove.clone()>
                                        {move || language.0.get().text(if confirming.get() {
                                            PlanText::ConfirmDeleteCampaign
                                        } else {
                                            PlanText::DeleteCampaign
                                        })}
                                    </button>
                                </Show>
                            })}
                        </div>
                        <Show when=move || copying.get()>
                            <div class="campaign-copy-form">
                                <div class="form-field">
                                    <label for=year_id.clone()>{language.text(PlanText::CopyYearLabel)}</label>
                                    <input id=year_id.clone() type="text" inputmode="numeric"
                                        data-testid="campaign-copy-year"
                                        aria-invalid=move || year_error.get().then_some("true")
                                        prop:value=move || year.get()
                                        on:input=move |ev| { year_error.set(false); year.set(event_target_value(&ev)); } />
                                    {move || year_error.get().then(|| view! {
                                        <p class="field-error" role="alert">{language.text(PlanText::YearInvalid)}</p>
                                    })}
                                </div>
                                <button type="button" class="primary" data-testid="campaign-copy-confirm"
                                    on:click=copy.clone()>
                                    {language.text(PlanText::CopyConfirm)}
                                </button>
                            </div>
                        </Show>
                    </li>
                }
            })
            .collect_view()
    };

    view! {
        <main id="main" class="page campaigns-page" data-testid="campaigns-page">
            <div class="page-title-row">
                <h1>{language.text(PlanText::CampaignsTitle)}</h1>
                <button type="button" class="primary" data-testid="campaign-new" on:click=new_campaign>
                    {language.text(PlanText::NewCampaign)}
                </button>
            </div>
            <p class="hint">{language.text(PlanText::CampaignsHint)}</p>
            <ul class="campaign-list" data-testid="campaign-list">{rows}</ul>
            <div class="file-picker secondary">
                <label class="file-button" for="plan-import">{language.text(PlanText::ImportPlan)}</label>
                <input id="plan-import" type="file" accept=".json,application/json"
                    data-testid="plan-import" on:change=import_plan />
            </div>
            {replace_question}
            <div role="status" aria-live="polite">
                {move || outcome.get().map(|(good, text)| view! {
                    <p class="import-outcome" class:error=!good data-testid="plan-import-outcome">{text}</p>
                })}
            </div>
        </main>
    }
}
