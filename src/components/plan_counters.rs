//! An activity's own figures in the plan editor (e.g. 检测调试血压计, 台): name and measure word
//! of each, and a button to add one. Counters keep their IDs, so renaming one keeps its counts.

use crate::domain::ids::{ActivityId, CounterId};
use crate::domain::plan::campaign::{Campaign, ExtraCounter, LocalizedText, PlannedActivity};
use crate::i18n::PlanText;
use crate::state::UiLanguage;
use leptos::prelude::*;

fn counters_of(plan: &Campaign, activity: &ActivityId) -> Vec<CounterId> {
    plan.activity(activity)
        .map(|a| a.extra_counters.iter().map(|c| c.id.clone()).collect())
        .unwrap_or_default()
}

/// The counters of activity `activity` of `draft`.
#[component]
pub fn PlanCounters(
    /// The activity.
    activity: ActivityId,
    /// The plan being edited.
    draft: RwSignal<Campaign>,
    /// The built-in plan: shown, not edited.
    read_only: bool,
) -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let key = StoredValue::new(activity);
    let edit = move |change: Box<dyn FnOnce(&mut PlannedActivity)>| {
        draft.update(|plan| {
            let id = key.get_value();
            if let Some(activity) = plan.activities.iter_mut().find(|a| a.id == id) {
                change(activity);
            }
        });
    };
    let add = move |_| {
        edit(Box::new(|activity| {
            let n = (activity.extra_counters.len() + 1..)
                .find(|n| {
                    let id = format!("counter-{n}");
                    activity.extra_counters.iter().all(|c| c.id.as_str() != id)
                })
                .unwrap_or(1);
            let blank = || LocalizedText {
                zh: String::new(),
                en: None,
            };
            activity.extra_counters.push(ExtraCounter {
                id: CounterId::new(format!("counter-{n}")),
                name: blank(),
                unit: blank(),
            });
        }));
    };
    let field = move |counter: CounterId, unit: bool| {
        let id = format!(
            "{}-{counter}-{}",
            key.get_value(),
            if unit { "unit" } else { "name" }
        );
        let read_counter = counter.clone();
        let value = move || {
            draft.with(|plan| {
                key.with_value(|activity| {
                    plan.activity(activity)
                        .and_then(|a| a.extra_counters.iter().find(|c| c.id == read_counter))
                        .map(|c| {
                            if unit {
                                c.unit.zh.clone()
                            } else {
                                c.name.zh.clone()
                            }
                        })
                        .unwrap_or_default()
                })
            })
        };
        let label = if unit {
            PlanText::CounterUnit
        } else {
            PlanText::CounterName
        };
        view! {
            <div class="form-field">
                <label for=id.clone()>{language.text(label)}</label>
                <input id=id type="text" disabled=read_only
                    data-testid=if unit { "plan-counter-unit" } else { "plan-counter-name" }
                    prop:value=value
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        let counter = counter.clone();
                        edit(Box::new(move |a| {
                            if let Some(c) = a.extra_counters.iter_mut().find(|c| c.id == counter) {
                                // The English text was the old one's: it goes with it.
                                let text = LocalizedText { zh: text, en: None };
                                if unit { c.unit = text } else { c.name = text }
                            }
                        }));
                    } />
            </div>
        }
    };
    view! {
        <div class="plan-counters">
            // Keyed by counter, so typing never rebuilds the field (nor breaks an input method).
            <For each=move || draft.with(|plan| key.with_value(|a| counters_of(plan, a)))
                key=|counter| counter.clone() let:counter>
                <div class="plan-counter">
                    {field(counter.clone(), false)}
                    {field(counter, true)}
                </div>
            </For>
            <button type="button" data-testid="plan-counter-add" disabled=read_only on:click=add>
                {language.text(PlanText::AddCounter)}
            </button>
        </div>
    }
}
