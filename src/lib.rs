//! Field Ledger (活动台账): offline-first records of community events for grid staff on tablets.
//!
//! The folders are the layers. Each imports only from the layers below it, never from one above
//! and never in a circle (`tests/architecture/` checks every `crate::`/`super::` path):
//!
//! ```text
//! app         start, routes, each app's screens, the root state  (only the binaries import it)
//!  └ pages      one screen each
//!     └ components  reusable pieces of screens
//!        └ workflows   what a tap sets going: exports, report packs, imports, plan files
//!           └ state       app-wide signals and context; the records in memory
//!              ├ storage    the only code touching localStorage and IndexedDB
//!              └ browser    one browser capability per file (clock, IDs, share, photos…)
//!                 └ i18n      every string the user sees, Chinese first
//!                    └ domain   plain Rust, no browser: plans, records, merge, formats, figures
//! ```
//!
//! Architecture invariants: [`domain`] imports no leptos, web-sys, js-sys or gloo and is tested
//! on the host; only [`storage`] touches browser storage; only [`browser`] reads the clock and
//! makes IDs; no user-facing string outside [`i18n`].

pub mod app;
pub mod browser;
pub mod components;
pub mod domain;
pub mod i18n;
pub mod pages;
pub mod state;
pub mod storage;
pub mod workflows;
