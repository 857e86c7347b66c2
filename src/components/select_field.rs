//! One labelled choice (a `<select>`) with its error beside it.

use crate::domain::validation::{Field, FieldError};
use crate::i18n::{problem_message, Language};
use crate::state::UiLanguage;
use leptos::prelude::*;

/// One option: its value, its text and the language the text is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// The value sent on change.
    pub value: String,
    /// The text shown.
    pub text: String,
    /// The language of `text` (plan content may be Chinese in the English interface).
    pub language: Language,
}

/// A `<select>` for `field`, labelled, with the field's error below it; an optional first option
/// with an empty value asks the user to choose.
#[component]
pub fn SelectField(
    /// The field, for its error and its `data-field` name.
    field: Field,
    /// The label, already in the current language.
    #[prop(into)]
    label: Signal<String>,
    /// `data-testid` of the select.
    testid: &'static str,
    /// The options.
    #[prop(into)]
    choices: Signal<Vec<Choice>>,
    /// Text of the empty first option, if there is one.
    #[prop(optional, into)]
    prompt: Option<Signal<String>>,
    /// The chosen value.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the newly chosen value.
    on_change: Callback<String>,
    /// The form's current errors (none for filters).
    #[prop(optional, into)]
    errors: Option<Signal<Vec<FieldError>>>,
) -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let key = field.key();
    let select_id = format!("field-{key}");
    let error_id = format!("error-{key}");
    let error = Memo::new(move |_| {
        errors.and_then(|errors| {
            errors.with(|all| {
                all.iter()
                    .find(|e| e.field == field)
                    .map(|e| e.problem.clone())
            })
        })
    });
    let described_by = error_id.clone();
    view! {
        <div class="form-field" class:has-error=move || error.with(Option::is_some)>
            <label for=select_id.clone()>{move || label.get()}</label>
            <select
                id=select_id
                data-testid=testid
                on:change=move |ev| on_change.run(event_target_value(&ev))
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=move || error.with(Option::is_some).then(|| described_by.clone())
            >
                {move || {
                    prompt
                        .map(|prompt| {
                            view! {
                                <option value="" prop:selected=move || value.with(String::is_empty)>
                                    {move || prompt.get()}
                                </option>
                            }
                        })
                }}
                {move || {
                    choices
                        .get()
                        .into_iter()
                        .map(|choice| {
                            let chosen = choice.value.clone();
                            view! {
                                <option
                                    value=choice.value
                                    lang=choice.language.code()
                                    prop:selected=move || value.with(|v| *v == chosen)
                                >
                                    {choice.text}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
            {move || {
                error
                    .get()
                    .map(|problem| {
                        view! {
                            <p
                                class="field-error"
                                id=error_id.clone()
                                data-testid="field-error"
                                data-field=key.clone()
                            >
                                {problem_message(language.0.get(), &label.get(), &problem)}
                            </p>
                        }
                    })
            }}
        </div>
    }
}

/// The plan's units as choices.
/// For a form (`Some(keep)`), retired units are left out except `keep` (the one already
/// chosen); a filter (`None`) lists them all.
pub fn unit_choices(
    language: Language,
    campaign: &crate::domain::plan::campaign::Campaign,
    keep: Option<&str>,
) -> Vec<Choice> {
    campaign
        .units
        .iter()
        .filter(|unit| !unit.retired || keep.is_none_or(|k| unit.id.as_str() == k))
        .map(|unit| {
            choice(
                unit.id.to_string(),
                crate::i18n::localized(language, &unit.name),
            )
        })
        .collect()
}

/// The plan's activities, numbered, then "other". For a form (`Some(keep)`), retired activities
/// are left out except `keep` (the activity of an event being edited); a filter (`None`) lists
/// them all.
pub fn activity_choices(
    language: Language,
    campaign: &crate::domain::plan::campaign::Campaign,
    keep: Option<&str>,
) -> Vec<Choice> {
    let mut choices: Vec<Choice> = campaign
        .activities
        .iter()
        .filter(|activity| !activity.retired || keep.is_none_or(|k| activity.id.as_str() == k))
        .map(|activity| {
            let (title, in_language) = crate::i18n::localized(language, &activity.short_title);
            let text = format!("{}. {title}", activity.number);
            choice(activity.id.to_string(), (&text, in_language))
        })
        .collect();
    let other = language.text(crate::i18n::Text::OtherActivity);
    choices.push(choice(
        crate::domain::records::event_draft::OTHER_ACTIVITY.to_owned(),
        (other, language),
    ));
    choices
}

/// The plan's summary directions as choices.
pub fn direction_choices(
    language: Language,
    campaign: &crate::domain::plan::campaign::Campaign,
) -> Vec<Choice> {
    campaign
        .directions
        .iter()
        .map(|d| choice(d.id.to_string(), crate::i18n::localized(language, &d.name)))
        .collect()
}

fn choice(value: String, (text, language): (&str, Language)) -> Choice {
    Choice {
        value,
        text: text.to_owned(),
        language,
    }
}
