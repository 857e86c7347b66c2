//! The plan's units in the plan editor: rename, retire, add; a unit added in this editing session
//! can be deleted again (one already saved may be named by records here or on other tablets, so
//! it is retired instead). Rows are keyed by unit, so typing never rebuilds the field.

use crate::domain::ids::UnitId;
use crate::domain::plan::campaign::{Campaign, LocalizedText, Unit};
use crate::i18n::PlanText;
use crate::state::UiLanguage;
use leptos::prelude::*;

/// The units of `draft`; `saved` is the plan as stored.
#[component]
pub fn PlanUnits(
    /// The plan being edited.
    draft: RwSignal<Campaign>,
    /// The plan as stored: its units are retired, never deleted.
    saved: StoredValue<Campaign>,
    /// The built-in plan: shown, not edited.
    read_only: bool,
) -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let ids = move || draft.with(|p| p.units.iter().map(|u| u.id.clone()).collect::<Vec<_>>());
    let edit = move |id: UnitId, change: Box<dyn FnOnce(&mut Unit)>| {
        draft.update(|p| {
            if let Some(unit) = p.units.iter_mut().find(|u| u.id == id) {
                change(unit);
            }
        });
    };
    let add = move |_| {
        draft.update(|plan| {
            let id = (plan.units.len() + 1..)
                .map(|n| format!("unit-{n}"))
                .find(|id| plan.units.iter().all(|u| u.id.as_str() != id))
                .unwrap_or_default();
            plan.units.push(Unit {
                id: UnitId::new(id),
                name: LocalizedText {
                    zh: String::new(),
                    en: None,
                },
                placeholder: false,
                retired: false,
            });
        });
    };
    view! {
        <div>
            <h2>{language.text(PlanText::UnitsHeading)}</h2>
            <ul class="plan-names">
                <For each=ids key=|id| id.clone() let:id>
                    {
                        let field = format!("unit-{id}");
                        let (read_id, retired_id, input_id, retire_id, delete_id) =
                            (id.clone(), id.clone(), id.clone(), id.clone(), id.clone());
                        let removable = !read_only && saved.with_value(|p| p.unit(&id).is_none());
                        view! {
                            <li class="plan-unit">
                                <div class="form-field">
                                    <label for=field.clone() class="visually-hidden">{language.text(PlanText::UnitName)}</label>
                                    <input id=field type="text" data-testid="plan-unit-name" disabled=read_only
                                        prop:value=move || draft.with(|p| p.unit(&read_id).map(|u| u.name.zh.clone()).unwrap_or_default())
                                        on:input=move |ev| {
                                            let text = event_target_value(&ev);
                                            // The English name was the old one's: it goes with it.
                                            edit(input_id.clone(), Box::new(move |u| u.name = LocalizedText { zh: text, en: None }));
                                        } />
                                </div>
                                <label class="check">
                                    <input type="checkbox" role="switch" class="switch" data-testid="plan-unit-retired" disabled=read_only
                                        prop:checked=move || draft.with(|p| p.unit(&retired_id).is_some_and(|u| u.retired))
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            edit(retire_id.clone(), Box::new(move |u| u.retired = on));
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
                    }
                </For>
            </ul>
            <button type="button" data-testid="plan-unit-add" disabled=read_only on:click=add>
                {language.text(PlanText::AddUnit)}
            </button>
        </div>
    }
}
