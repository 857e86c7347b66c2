//! The campaigns page: the campaigns on this device with the active one marked; switch, copy a
//! plan to a new year, start one from scratch, and import a plan file shared by the Quality
//! Section.

use crate::browser_clock;
use crate::domain::campaign::Campaign;
use crate::domain::campaign_list::CampaignList;
use crate::domain::china_time::china_today;
use crate::domain::plan_edit::blank_plan;
use crate::i18n::{format_period, localized, plan_file_problem, PlanText};
use crate::import_files::files_of;
use crate::route::Route;
use crate::state::{Campaigns, StorageNotice, UiLanguage};
use chrono::Datelike;
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// The campaigns page.
#[component]
pub fn CampaignsPage() -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let campaigns = expect_context::<Campaigns>();
    let notice = expect_context::<StorageNotice>();
    let outcome = RwSignal::new(None::<(bool, String)>);

    // Saving a list that makes `active` the active campaign, then the editor (or this page).
    let switch_to = move |mut list: CampaignList, active: Campaign, edit: bool| {
        list.active = Some(active.id.clone());
        let target = if edit {
            Route::PlanEditor
        } else {
            Route::Campaigns
        };
        let _ = window().location().set_hash(&target.hash());
        campaigns.save_and_reload(list, notice);
    };
    let new_campaign = move |_| {
        let list = campaigns.0.get_untracked();
        let today = china_today(browser_clock::now());
        let id = list.free_id(&format!("campaign-{}", today.format("%Y%m%d")));
        let plan = blank_plan(&list.active_plan(), id, today);
        let mut next = list.clone();
        next.put(plan.clone());
        switch_to(next, plan, true);
    };
    let import_plan = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let files = files_of(input.files());
        input.set_value("");
        let Some(file) = files.into_iter().next() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let name = file.name();
            let text = JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|t| t.as_string())
                .unwrap_or_default();
            let current = language.0.get_untracked();
            match Campaign::from_json(&text) {
                Err(problem) => {
                    outcome.set(Some((false, plan_file_problem(current, &name, &problem))))
                }
                Ok(plan) => {
                    let mut list = campaigns.0.get_untracked();
                    let title = localized(current, &plan.title).0.to_owned();
                    list.put(plan);
                    match crate::storage::preferences::save_campaigns(&list) {
                        Ok(()) => {
                            campaigns.0.set(list);
                            let done = format!("{}{title}", current.text(PlanText::PlanImported));
                            outcome.set(Some((true, done)));
                        }
                        Err(failure) => {
                            notice.show(crate::storage::SavedThing::CampaignPlan, failure)
                        }
                    }
                }
            }
        });
    };

    let rows = move || {
        let list = campaigns.0.get();
        let active = list.active_plan().id;
        list.all()
            .into_iter()
            .map(|plan| {
                let is_active = plan.id == active;
                let copying = RwSignal::new(false);
                let year = RwSignal::new(china_today(browser_clock::now()).year().to_string());
                let id = plan.id.clone();
                let copy_plan = plan.clone();
                let activate = move |_| {
                    let list = campaigns.0.get_untracked();
                    if let Some(plan) = list.find(&id) {
                        switch_to(list, plan, false);
                    }
                };
                let copy = move |_| {
                    let Ok(year) = year.get_untracked().trim().parse::<i32>() else {
                        return;
                    };
                    let mut list = campaigns.0.get_untracked();
                    let copied = list.copy_of(&copy_plan, year);
                    list.put(copied.clone());
                    switch_to(list, copied, true);
                };
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
                        </div>
                        <Show when=move || copying.get()>
                            <div class="campaign-copy-form">
                                <div class="form-field">
                                    <label for="campaign-copy-year">{language.text(PlanText::CopyYearLabel)}</label>
                                    <input id="campaign-copy-year" type="text" inputmode="numeric"
                                        data-testid="campaign-copy-year"
                                        prop:value=move || year.get()
                                        on:input=move |ev| year.set(event_target_value(&ev)) />
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
            <div role="status" aria-live="polite">
                {move || outcome.get().map(|(good, text)| view! {
                    <p class="import-outcome" class:error=!good data-testid="plan-import-outcome">{text}</p>
                })}
            </div>
        </main>
    }
}
