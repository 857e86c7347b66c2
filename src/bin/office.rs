//! The office app's binary: every screen, with the Quality Section's (`app::office_pages`),
//! served at `office/` beside the tablet app and sharing its browser storage.

use field_ledger::app::{office_pages::office_page, start};
use field_ledger::state::route::AppPart;

fn main() {
    start(AppPart::Office, office_page);
}
