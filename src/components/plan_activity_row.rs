//! One planned activity in the plan editor: title, description, lead units, planned date,
//! default direction, order and retirement. It edits the draft plan in place, found by the
//! activity's ID (which never changes, so records keep pointing at it).

use crate::components::plan_counters::PlanCounters;
use crate::domain::ids::{ActivityId, UnitId};
use crate::domain::plan::campaign::{Campaign, PlannedActivity};
use crate::domain::planning::plan_edit::move_activity;
use crate::i18n::PlanText;
use crate::state::UiLanguage;
use chrono::NaiveDate;
use leptos::prelude::*;

/// The editor row of activity `id` of `draft`.
#[component]
pub fn PlanActivityRow(
    /// The activity.
    id: ActivityId,
    /// The plan being edited.
    draft: RwSignal<Campaign>,
    /// The built-in plan: shown, not edited.
    read_only: bool,
    /// Whether records on this device name the activity (then it can be retired, not deleted).
    in_use: bool,
) -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let key = StoredValue::new(id);
    let read = move |f: fn(&PlannedActivity) -> String| {
        move || draft.with(|plan| key.with_value(|id| plan.activity(id).map(f).unwrap_or_default()))
    };
    let edit = move |change: Box<dyn FnOnce(&mut PlannedActivity)>| {
        draft.update(|plan| {
            let id = key.get_value();
            if let Some(activity) = plan.activities.iter_mut().find(|a| a.id == id) {
                change(activity);
            }
        });
    };
    let index = move || {
        draft.with(|plan| key.with_value(|id| plan.activities.iter().position(|a| &a.id == id)))
    };
    let shift = move |up: bool| {
        if let Some(index) = index() {
            draft.update(|plan| move_activity(plan, index, up));
        }
    };
    let field_id = move |what: &str| format!("activity-{}-{what}", key.get_value());
    // Retired units are not offered, except those still leading (so they can be cleared).
    let units = move || {
        draft.with(|plan| {
            let leads = key.with_value(|id| {
                plan.activity(id)
                    .map(|a| a.lead_unit_ids.clone())
                    .unwrap_or_default()
            });
            plan.units
                .iter()
                .filter(|u| !u.retired || leads.contains(&u.id))
                .map(|u| (u.id.clone(), u.name.zh.clone()))
                .collect::<Vec<(UnitId, String)>>()
        })
    };
    let directions = move || {
        draft.with(|plan| {
            plan.directions
                .iter()
                .map(|d| (d.id.to_string(), d.name.zh.clone()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <li class="plan-activity" data-testid="plan-activity">
            <div class="plan-activity-head">
                <span class="plan-activity-number">{read(|a| a.number.to_string())}</span>
                <div class="form-field grow">
                    <label for=field_id("title")>{language.text(PlanText::ActivityTitle)}</label>
                    <input id=field_id("title") type="text" data-testid="plan-activity-title"
                        disabled=read_only
                        prop:value=read(|a| a.short_title.zh.clone())
                        on:input=move |ev| {
                            let text = event_target_value(&ev);
                            // The English title was the old one's: it goes with it.
                            edit(Box::new(move |a| {
                                a.short_title = crate::domain::plan::campaign::LocalizedText { zh: text, en: None }
                            }));
                        } />
                </div>
                <button type="button" data-testid="plan-activity-up" disabled=read_only
                    on:click=move |_| shift(true)>{language.text(PlanText::MoveUp)}</button>
                <button type="button" data-testid="plan-activity-down" disabled=read_only
                    on:click=move |_| shift(false)>{language.text(PlanText::MoveDown)}</button>
            </div>
            <div class="form-field">
                <label for=field_id("description")>{language.text(PlanText::ActivityDescription)}</label>
                <textarea id=field_id("description") rows="2" disabled=read_only
                    prop:value=read(|a| a.description.clone())
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        edit(Box::new(move |a| a.description = text));
                    }></textarea>
            </div>
            <fieldset class="plan-lead-units">
                <legend>{language.text(PlanText::LeadUnits)}</legend>
                {move || units().into_iter().map(|(unit, name)| {
                    let checked_unit = unit.clone();
                    let checked = move || draft.with(|plan| key.with_value(|id| {
                        plan.activity(id).is_some_and(|a| a.lead_unit_ids.contains(&checked_unit))
                    }));
                    // A chip per unit: the whole name is the touch target.
                    view! {
                        <button type="button" class="chip" disabled=read_only
                            aria-pressed=move || checked().to_string()
                            on:click=move |_| {
                                let unit = unit.clone();
                                edit(Box::new(move |a| {
                                    if a.lead_unit_ids.contains(&unit) {
                                        a.lead_unit_ids.retain(|u| u != &unit);
                                    } else {
                                        a.lead_unit_ids.push(unit);
                                    }
                                }));
                            }>
                            <span lang="zh-CN">{name}</span>
                        </button>
                    }
                }).collect_view()}
            </fieldset>
            <div class="plan-activity-fields">
                <div class="form-field">
                    <label for=field_id("date")>{language.text(PlanText::PlannedDate)}</label>
                    <input id=field_id("date") type="date" disabled=read_only
                        prop:value=read(|a| a.planned_date.map(|d| d.to_string()).unwrap_or_default())
                        on:change=move |ev| {
                            let day = event_target_value(&ev).parse::<NaiveDate>().ok();
                            edit(Box::new(move |a| a.planned_date = day));
                        } />
                </div>
                <div class="form-field">
                    <label for=field_id("direction")>{language.text(PlanText::DefaultDirection)}</label>
                    <select id=field_id("direction") disabled=read_only
                        on:change=move |ev| {
                            let chosen = crate::domain::ids::DirectionId::new(event_target_value(&ev));
                            edit(Box::new(move |a| a.default_direction_id = chosen));
                        }>
                        {move || directions().into_iter().map(|(id, name)| {
                            let selected_id = id.clone();
                            let selected = move || read(|a| a.default_direction_id.to_string())() == selected_id;
                            view! { <option value=id prop:selected=selected lang="zh-CN">{name}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <label class="check">
                    <input type="checkbox" role="switch" class="switch" data-testid="plan-activity-retired" disabled=read_only
                        prop:checked=move || draft.with(|plan| key.with_value(|id| plan.activity(id).is_some_and(|a| a.retired)))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            edit(Box::new(move |a| a.retired = on));
                        } />
                    {language.text(PlanText::Retired)}
                </label>
            </div>
            <PlanCounters activity=key.get_value() draft read_only />
            // Only an activity no record names can go; one with records is retired instead.
            {(!in_use && !read_only).then(|| view! {
                <button type="button" class="danger-quiet" data-testid="plan-activity-delete"
                    on:click=move |_| {
                        let id = key.get_value();
                        draft.update(|plan| {
                            plan.activities.retain(|a| a.id != id);
                            for (position, activity) in plan.activities.iter_mut().enumerate() {
                                activity.number = position as u32 + 1;
                            }
                        });
                    }>
                    {language.text(PlanText::DeleteActivity)}
                </button>
            })}
        </li>
    }
}
