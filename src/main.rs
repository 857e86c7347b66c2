//! Entry point of the browser build: panic hook, then mount the app.

use field_ledger::app::App;
use field_ledger::browser_clock::today_in_china;
use field_ledger::domain::campaign::Campaign;
use leptos::prelude::*;

fn main() {
    console_error_panic_hook::set_once();
    let campaign = Campaign::quality_month_2021();
    let today = today_in_china();
    leptos::mount::mount_to_body(move || view! { <App campaign=campaign today=today /> });
}
