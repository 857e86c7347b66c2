//! Live sync with a CouchDB server (`docs/sync-protocol.md`): the documents records become there
//! ([`document`]) and how a record's copy here and its copy there become one ([`settle`]). Plain
//! data and decisions; the requests and IndexedDB writes are the workflow's.
//!
//! May import: `records`, `plan` and the domain's root modules.

pub mod document;
pub mod ledger;
pub mod plans;
pub mod settle;
pub mod status;
