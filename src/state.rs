//! App-wide state, provided once at the root and read with `expect_context`.

use crate::domain::campaign::Campaign;
use crate::i18n::{Language, Text};
use crate::storage::{self, StorageFailure};
use chrono::NaiveDate;
use leptos::prelude::*;
use std::sync::Arc;

/// The interface language of this device.
#[derive(Debug, Clone, Copy)]
pub struct UiLanguage(pub RwSignal<Language>);

impl UiLanguage {
    /// A reactive closure giving `key` in the current language, for use in `view!`.
    pub fn text(self, key: Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.0.get().text(key)
    }
}

/// The campaign the app is recording for.
#[derive(Debug, Clone)]
pub struct ActiveCampaign(pub Arc<Campaign>);

/// Today's calendar day in China Standard Time. A signal, because a tablet left open overnight
/// must count the new day.
#[derive(Debug, Clone, Copy)]
pub struct Today(pub Signal<NaiveDate>);

/// The storage failure currently shown to the user, if any.
#[derive(Debug, Clone, Copy)]
pub struct StorageNotice(pub RwSignal<Option<StorageFailure>>);

impl StorageNotice {
    /// Shows `failure` to the user.
    pub fn show(self, failure: StorageFailure) {
        self.0.set(Some(failure));
    }
}

/// Reads the saved settings and provides every context value. `today` comes from the caller so
/// tests and the app share one code path.
pub fn provide_app_state(campaign: Campaign, today: Signal<NaiveDate>) {
    let notice = StorageNotice(RwSignal::new(None));
    let language = match storage::load_language() {
        Ok(saved) => saved.unwrap_or_default(),
        Err(failure) => {
            notice.show(failure);
            Language::default()
        }
    };
    provide_context(UiLanguage(RwSignal::new(language)));
    provide_context(ActiveCampaign(Arc::new(campaign)));
    provide_context(Today(today));
    provide_context(notice);
}
