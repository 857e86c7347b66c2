//! Whole pages of the app.

pub mod attendance;
pub mod campaigns;
pub mod counter;
pub mod device_setup;
pub mod event_form;
pub mod export;
pub mod home;
pub mod import;
pub mod overview;
pub mod photos;
pub mod plan_editor;
pub mod received;
pub mod statistics;

/// Moves focus to the first field marked invalid, once the errors are on screen.
pub fn focus_first_error() {
    focus_when_shown("[aria-invalid=true]");
}

/// Focuses (and so scrolls into view) the first element matching `selector` once the change
/// being rendered is on screen: a question that just appeared, a row just added.
pub fn focus_when_shown(selector: &'static str) {
    leptos::task::spawn_local(async move {
        leptos::task::tick().await;
        let first = leptos::prelude::document()
            .query_selector(selector)
            .ok()
            .flatten();
        if let Some(element) =
            first.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        {
            let _ = element.focus();
        }
    });
}
