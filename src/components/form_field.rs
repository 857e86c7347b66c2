//! One labelled input with its error (and warning) beside it.

use crate::domain::validation::{Field, FieldError};
use crate::i18n::problem_message;
use crate::state::UiLanguage;
use leptos::prelude::*;

/// The input of `field`, labelled, with the field's error below it in the current language.
/// The error carries `data-testid="field-error"` and `data-field` naming the field; the input
/// points at it with `aria-describedby` and is marked `aria-invalid`.
#[component]
pub fn FormField(
    /// The field, for its error and its `data-field` name.
    field: Field,
    /// The label, already in the current language.
    #[prop(into)]
    label: Signal<String>,
    /// `data-testid` of the input.
    #[prop(into)]
    testid: String,
    /// The value shown.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the new text on every keystroke.
    on_input: Callback<String>,
    /// The form's current errors.
    #[prop(into)]
    errors: Signal<Vec<FieldError>>,
    /// `type` of the input (`text` unless given).
    #[prop(default = "text")]
    input_type: &'static str,
    /// `inputmode`, e.g. `numeric` for counts.
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// A warning that does not block saving.
    #[prop(optional, into)]
    warning: Option<Signal<Option<String>>>,
    /// A multi-line text area instead of a one-line input.
    #[prop(optional)]
    multiline: bool,
    /// Extra content under the input (e.g. recent places).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let key = field.key();
    let input_id = format!("field-{key}");
    let error_id = format!("error-{key}");
    let error_field = field.clone();
    let error = Memo::new(move |_| {
        errors.with(|all| {
            all.iter()
                .find(|e| e.field == error_field)
                .map(|e| e.problem.clone())
        })
    });
    let message = move || {
        error
            .get()
            .map(|problem| problem_message(language.0.get(), &label.get(), &problem))
    };
    let described_by = error_id.clone();
    let invalid = move || error.with(Option::is_some).then_some("true");
    let described = move || error.with(Option::is_some).then(|| described_by.clone());
    let control = if multiline {
        view! {
            <textarea
                id=input_id.clone()
                data-testid=testid
                rows="3"
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
                aria-invalid=invalid
                aria-describedby=described.clone()
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=input_id.clone()
                type=input_type
                inputmode=inputmode
                data-testid=testid
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
                aria-invalid=invalid
                aria-describedby=described
            />
        }
        .into_any()
    };
    view! {
        <div class="form-field" class:has-error=move || error.with(Option::is_some)>
            <label for=input_id>{move || label.get()}</label>
            {control}
            {move || {
                message()
                    .map(|text| {
                        view! {
                            <p
                                class="field-error"
                                id=error_id.clone()
                                data-testid="field-error"
                                data-field=key.clone()
                            >
                                {text}
                            </p>
                        }
                    })
            }}
            {move || {
                warning
                    .and_then(|w| w.get())
                    .map(|text| view! { <p class="field-warning" data-testid="field-warning">{text}</p> })
            }}
            {children.map(|c| c())}
        </div>
    }
}
