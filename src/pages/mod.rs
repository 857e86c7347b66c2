//! Whole pages of the app.

pub mod overview;
