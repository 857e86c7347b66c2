//! The overview page mounted in headless Chromium: what it shows and what the switch stores.
#![cfg(target_arch = "wasm32")]

use chrono::NaiveDate;
use field_ledger::app::{tablet_pages::tablet_page, App};
use field_ledger::domain::plan::campaign::Campaign;
use field_ledger::state::route::AppPart;
use field_ledger::storage::keys;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app in a fresh container as seen on `today` and returns the container.
async fn mount_app(today: NaiveDate) -> web_sys::HtmlElement {
    // The overview is one tap from the event list; open it directly.
    window().location().set_hash("#/overview").unwrap();
    let document = document();
    let container: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    let campaign = Campaign::quality_month_2021();
    leptos::mount::mount_to(
        container.clone(),
        move || view! { <App campaign=campaign today=today running=AppPart::Tablet pages=tablet_page /> },
    )
    .forget();
    leptos::task::tick().await;
    container
}

fn text_of(container: &web_sys::HtmlElement, selector: &str) -> String {
    container
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} is on the page"))
        .text_content()
        .unwrap_or_default()
}

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

#[wasm_bindgen_test]
async fn overview_lists_the_plan_in_chinese_with_days_left() {
    local_storage().remove_item(keys::LANGUAGE).unwrap();
    let container = mount_app(NaiveDate::from_ymd_opt(2021, 10, 5).unwrap()).await;

    let cards = container
        .query_selector_all("[data-testid=activity-card]")
        .unwrap();
    assert_eq!(cards.length(), 19);
    assert_eq!(text_of(&container, ".activity-title"), "计量便民服务日");
    assert_eq!(
        text_of(&container, "[data-testid=lead-units]"),
        "计量标准化科、计量所"
    );
    assert!(text_of(&container, "[data-testid=deadline-figure]").contains("距截止还有 10 天"));
    assert_eq!(text_of(&container, ".app-name"), "活动台账");
    container.remove();
}

#[wasm_bindgen_test]
async fn the_language_switch_changes_the_interface_and_remembers_the_choice() {
    local_storage().remove_item(keys::LANGUAGE).unwrap();
    let container = mount_app(NaiveDate::from_ymd_opt(2021, 10, 15).unwrap()).await;
    let switch: web_sys::HtmlElement = container
        .query_selector("[data-testid=language-switch]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(switch.text_content().unwrap(), "English");

    switch.click();
    leptos::task::tick().await;

    assert_eq!(text_of(&container, ".app-name"), "Field Ledger");
    assert_eq!(
        text_of(&container, ".activity-title"),
        "Metrology service day"
    );
    assert!(text_of(&container, "[data-testid=deadline-figure]").contains("Due today"));
    assert_eq!(switch.text_content().unwrap(), "中文");
    assert_eq!(
        local_storage().get_item(keys::LANGUAGE).unwrap().as_deref(),
        Some("\"en\"")
    );
    let root = document().document_element().unwrap();
    assert_eq!(root.get_attribute("lang").as_deref(), Some("en"));
    container.remove();
    local_storage().remove_item(keys::LANGUAGE).unwrap();
}
