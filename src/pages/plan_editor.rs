//! The plan editor of the active campaign: title, issuing unit, document number, theme, period and
//! deadline; units and summary directions; the planned activities. Saving checks the whole plan
//! and lists every problem; a valid plan is stored and the app reloads with it. The plan can be
//! exported as a file for the other devices.

use crate::browser_share::deliver;
use crate::components::plan_activity_row::PlanActivityRow;
use crate::domain::campaign::{Campaign, LocalizedText, SummaryDirection, Unit};
use crate::domain::campaign_list::CampaignList;
use crate::domain::ids::{DirectionId, UnitId};
use crate::domain::plan_edit::{new_activity, plan_problems};
use crate::i18n::{plan_problem, PlanText};
use crate::state::{ActiveCampaign, Campaigns, StorageNotice, UiLanguage};
use chrono::NaiveDate;
use leptos::prelude::*;

fn zh(text: &str) -> LocalizedText {
    LocalizedText {
        zh: text.to_owned(),
        en: None,
    }
}

/// An ID for a new entry of a list: `prefix-N`, the first N no entry has.
fn fresh_id(prefix: &str, taken: &[&str]) -> String {
    (taken.len() + 1..)
        .map(|n| format!("{prefix}-{n}"))
        .find(|id| !taken.contains(&id.as_str()))
        .unwrap_or_default()
}

/// The plan editor page.
#[component]
pub fn PlanEditorPage() -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let active = expect_context::<ActiveCampaign>().0;
    let campaigns = expect_context::<Campaigns>();
    let notice = expect_context::<StorageNotice>();
    let device = expect_context::<crate::state::Device>();
    let read_only = CampaignList::is_built_in(&active.id);
    let draft = RwSignal::new((*active).clone());
    // Activities and units records on this device name: retired, never deleted.
    let records = expect_context::<crate::event_records::EventRecords>();
    let (used, used_units) = records.all.with_untracked(|all| {
        let mine = all.values().filter(|r| r.campaign_id == active.id);
        let mut activities = std::collections::HashSet::new();
        let mut units = std::collections::HashSet::new();
        for record in mine {
            if let crate::domain::event_record::ActivityChoice::Planned { activity_id } =
                &record.activity
            {
                activities.insert(activity_id.clone());
            }
            units.insert(record.organising_unit_id.clone());
        }
        (activities, units)
    });
    let used = StoredValue::new(used);
    let used_units = StoredValue::new(used_units);
    let problems = RwSignal::new(Vec::new());

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
                        if let Ok(day) = NaiveDate::parse_from_str(&event_target_value(&ev), "%Y-%m-%d") {
                            draft.update(|p| set(p, day));
                        }
                    } />
            </div>
        }
    };

    let add_unit = move |_| {
        draft.update(|plan| {
            let taken: Vec<&str> = plan.units.iter().map(|u| u.id.as_str()).collect();
            let id = UnitId::new(fresh_id("unit", &taken));
            plan.units.push(Unit {
                id,
                name: zh(""),
                placeholder: false,
                retired: false,
            });
        });
    };
    let add_direction = move |_| {
        draft.update(|plan| {
            let taken: Vec<&str> = plan.directions.iter().map(|d| d.id.as_str()).collect();
            let id = DirectionId::new(fresh_id("direction", &taken));
            plan.directions.push(SummaryDirection { id, name: zh("") });
        });
    };
    let add_activity = move |_| {
        draft.update(|plan| {
            let activity = new_activity(plan);
            plan.activities.push(activity);
        });
        // The new activity's title, ready to type.
        leptos::task::spawn_local(async move {
            leptos::task::tick().await;
            let last = document()
                .query_selector(".plan-activity:last-child [data-testid=plan-activity-title]");
            if let Ok(Some(last)) = last {
                use wasm_bindgen::JsCast;
                if let Ok(input) = last.dyn_into::<web_sys::HtmlElement>() {
                    let _ = input.focus();
                }
            }
        });
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
        let mut list = campaigns.0.get_untracked();
        list.put(plan);
        campaigns.save_and_reload(list, notice);
    };
    let export_plan = {
        let saved = active.clone();
        move |_| {
            let plan = saved.clone();
            leptos::task::spawn_local(async move {
                let name = format!(
                    "{}_plan.json",
                    plan.short_title
                        .as_ref()
                        .map_or(plan.id.as_str(), |t| t.zh.as_str())
                );
                let json = serde_json::to_string_pretty(&*plan).unwrap_or_default();
                let _ = deliver(&name, "application/json", json.as_bytes()).await;
            });
        }
    };

    let units = move || {
        draft.with(|plan| plan.units.iter().map(|u| u.id.clone()).collect::<Vec<_>>())
            .into_iter()
            .map(|id| {
                let key = id.clone();
                let name = move || draft.with(|p| p.unit(&key).map(|u| u.name.zh.clone()).unwrap_or_default());
                let field = format!("unit-{id}");
                let retired_key = id.clone();
                let retire_id = id.clone();
                let delete_id = id.clone();
                // A unit records or this device name stays (it can be retired); others can go.
                let removable = !read_only
                    && !used_units.with_value(|u| u.contains(&id))
                    && device.0.with_untracked(|d| d.as_ref().is_none_or(|d| d.unit_id != id));
                view! {
                    <li class="plan-unit">
                        <div class="form-field">
                            <label for=field.clone() class="visually-hidden">{language.text(PlanText::UnitName)}</label>
                            <input id=field type="text" data-testid="plan-unit-name" disabled=read_only
                                prop:value=name
                                on:input=move |ev| {
                                    let text = event_target_value(&ev);
                                    draft.update(|p| if let Some(u) = p.units.iter_mut().find(|u| u.id == id) { u.name.zh = text; });
                                } />
                        </div>
                        <label class="check">
                            <input type="checkbox" role="switch" class="switch" data-testid="plan-unit-retired" disabled=read_only
                                prop:checked=move || draft.with(|p| p.unit(&retired_key).is_some_and(|u| u.retired))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let id = retire_id.clone();
                                    draft.update(|p| if let Some(u) = p.units.iter_mut().find(|u| u.id == id) { u.retired = on; });
                                } />
                            {language.text(PlanText::Retired)}
                        </label>
                        {removable.then(|| view! {
                            <button type="button" class="danger-quiet" data-testid="plan-unit-delete"
                                on:click=move |_| {
                                    let id = delete_id.clone();
                                    draft.update(|p| {
                                        p.units.retain(|u| u.id != id);
                                        for activity in &mut p.activities {
                                            activity.lead_unit_ids.retain(|u| u != &id);
                                        }
                                    });
                                }>
                                {language.text(PlanText::DeleteUnit)}
                            </button>
                        })}
                    </li>
                }
            })
            .collect_view()
    };
    let directions = move || {
        draft.with(|plan| plan.directions.iter().map(|d| d.id.clone()).collect::<Vec<_>>())
            .into_iter()
            .map(|id| {
                let key = id.clone();
                let name = move || draft.with(|p| p.direction(&key).map(|d| d.name.zh.clone()).unwrap_or_default());
                let field = format!("direction-{id}");
                view! {
                    <li class="form-field">
                        <label for=field.clone() class="visually-hidden">{language.text(PlanText::DirectionName)}</label>
                        <input id=field type="text" data-testid="plan-direction-name" disabled=read_only
                            prop:value=name
                            on:input=move |ev| {
                                let text = event_target_value(&ev);
                                draft.update(|p| if let Some(d) = p.directions.iter_mut().find(|d| d.id == id) { d.name.zh = text; });
                            } />
                    </li>
                }
            })
            .collect_view()
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
                <div>
                    <h2>{language.text(PlanText::UnitsHeading)}</h2>
                    <ul class="plan-names">{units}</ul>
                    <button type="button" data-testid="plan-unit-add" disabled=read_only on:click=add_unit>
                        {language.text(PlanText::AddUnit)}
                    </button>
                </div>
                <div>
                    <h2>{language.text(PlanText::DirectionsHeading)}</h2>
                    <ul class="plan-names">{directions}</ul>
                    <button type="button" data-testid="plan-direction-add" disabled=read_only on:click=add_direction>
                        {language.text(PlanText::AddDirection)}
                    </button>
                </div>
            </section>
            <section>
                <h2>{language.text(PlanText::ActivitiesHeading)}</h2>
                <ol class="plan-activities">
                    <For each=activity_ids key=|id| id.clone() let:id>
                        <PlanActivityRow in_use=used.with_value(|used| used.contains(&id)) id draft read_only />
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
                <button type="button" class="primary" data-testid="plan-save" disabled=read_only on:click=save>
                    {language.text(PlanText::SavePlan)}
                </button>
            </div>
        </main>
    }
}
