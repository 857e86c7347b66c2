//! The tablet app's binary: the screens a unit's tablet uses every day (`app::tablet_pages`),
//! served at the app's root. The office app is `src/bin/office.rs`.

use field_ledger::app::{start, tablet_pages::tablet_page};
use field_ledger::state::route::AppPart;

fn main() {
    start(AppPart::Tablet, tablet_page);
}
