//! The plan's summary directions in the plan editor: rename and add. Rows are keyed by
//! direction, so typing never rebuilds the field.

use crate::domain::ids::DirectionId;
use crate::domain::plan::campaign::{Campaign, LocalizedText, SummaryDirection};
use crate::i18n::PlanText;
use crate::state::UiLanguage;
use leptos::prelude::*;

/// The summary directions of `draft`.
#[component]
pub fn PlanDirections(
    /// The plan being edited.
    draft: RwSignal<Campaign>,
    /// The built-in plan: shown, not edited.
    read_only: bool,
) -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let ids = move || {
        draft.with(|p| {
            p.directions
                .iter()
                .map(|d| d.id.clone())
                .collect::<Vec<_>>()
        })
    };
    let add = move |_| {
        draft.update(|plan| {
            let id = (plan.directions.len() + 1..)
                .map(|n| format!("direction-{n}"))
                .find(|id| plan.directions.iter().all(|d| d.id.as_str() != id))
                .unwrap_or_default();
            plan.directions.push(SummaryDirection {
                id: DirectionId::new(id),
                name: LocalizedText {
                    zh: String::new(),
                    en: None,
                },
            });
        });
    };
    view! {
        <div>
            <h2>{language.text(PlanText::DirectionsHeading)}</h2>
            <ul class="plan-names">
                <For each=ids key=|id| id.clone() let:id>
                    {
                        let field = format!("direction-{id}");
                        let read_id = id.clone();
                        view! {
                            <li class="form-field">
                                <label for=field.clone() class="visually-hidden">{language.text(PlanText::DirectionName)}</label>
                                <input id=field type="text" data-testid="plan-direction-name" disabled=read_only
                                    prop:value=move || draft.with(|p| p.direction(&read_id).map(|d| d.name.zh.clone()).unwrap_or_default())
                                    on:input=move |ev| {
                                        let text = event_target_value(&ev);
                                        let id = id.clone();
                                        draft.update(|p| {
                                            if let Some(d) = p.directions.iter_mut().find(|d| d.id == id) {
                                                d.name = LocalizedText { zh: text, en: None };
                                            }
                                        });
                                    } />
                            </li>
                        }
                    }
                </For>
            </ul>
            <button type="button" data-testid="plan-direction-add" disabled=read_only on:click=add>
                {language.text(PlanText::AddDirection)}
            </button>
        </div>
    }
}
