//! Entry point of the browser build: panic hook, the clock, then mount the app and take down
//! the static first screen.

use field_ledger::app::App;
use field_ledger::browser::boot_screen::remove_boot_screen;
use field_ledger::browser::clock::today_in_china;
use field_ledger::domain::plan::campaign::Campaign;
use field_ledger::storage::preferences;
use leptos::prelude::*;
use std::time::Duration;

/// How often the China calendar day is re-read, so a tablet left open overnight turns the day.
const DAY_CHECK_INTERVAL: Duration = Duration::from_secs(60);

fn main() {
    console_error_panic_hook::set_once();
    // The active campaign; the built-in plan when none was chosen or storage cannot be read
    // (the storage notice then says so).
    let campaign = preferences::load_campaigns()
        .map(|list| list.active_plan())
        .unwrap_or_else(|_| Campaign::quality_month_2021());
    let today = RwSignal::new(today_in_china());
    set_interval(
        move || {
            let now = today_in_china();
            if today.get_untracked() != now {
                today.set(now);
            }
        },
        DAY_CHECK_INTERVAL,
    );
    leptos::mount::mount_to_body(move || view! { <App campaign=campaign today=today /> });
    // The app is on the page: the static first screen (or the boot check's message) goes.
    remove_boot_screen();
}
