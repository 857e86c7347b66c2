//! The app's screens and their addresses (`#/…`), so reload and the back button keep the place.

use crate::domain::ids::EventId;

/// A screen of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Route {
    /// The event list, the tablet's home.
    #[default]
    Home,
    /// The campaign overview.
    Overview,
    /// The device set-up.
    Device,
    /// The campaign statistics and printable summary.
    Stats,
    /// Exports: report, tables, backup.
    Export,
    /// Import and merge of other tablets' export files.
    Import,
    /// The files received so far, and the units still missing.
    Received,
    /// The form for a new event.
    NewEvent,
    /// The form editing a stored event.
    EditEvent(EventId),
    /// An event's attendance: total, typed head count, sign-in roster.
    Attendance(EventId),
    /// The full-screen head counter of an event.
    Counter(EventId),
    /// An event's photos.
    Photos(EventId),
    /// The campaigns on this device: switch, copy, new, share plans.
    Campaigns,
    /// The plan editor of the active campaign.
    PlanEditor,
}

impl Route {
    /// Reads a location hash such as `#/events/new`; anything unknown is [`Route::Home`].
    ///
    /// ```
    /// use field_ledger::state::route::Route;
    /// assert_eq!(Route::from_hash("#/overview"), Route::Overview);
    /// assert_eq!(Route::from_hash("#/nonsense"), Route::Home);
    /// ```
    pub fn from_hash(hash: &str) -> Self {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        match path.split('/').collect::<Vec<_>>().as_slice() {
            ["overview"] => Route::Overview,
            ["device"] => Route::Device,
            ["stats"] => Route::Stats,
            ["export"] => Route::Export,
            ["import"] => Route::Import,
            ["import", "received"] => Route::Received,
            ["campaigns"] => Route::Campaigns,
            ["campaigns", "plan"] => Route::PlanEditor,
            ["events", "new"] => Route::NewEvent,
            ["events", id] => EventId::parse(id).map_or(Route::Home, Route::EditEvent),
            ["events", id, "attendance"] => {
                EventId::parse(id).map_or(Route::Home, Route::Attendance)
            }
            ["events", id, "counter"] => EventId::parse(id).map_or(Route::Home, Route::Counter),
            ["events", id, "photos"] => EventId::parse(id).map_or(Route::Home, Route::Photos),
            _ => Route::Home,
        }
    }

    /// The location hash of this screen.
    pub fn hash(self) -> String {
        match self {
            Route::Home => "#/".to_owned(),
            Route::Overview => "#/overview".to_owned(),
            Route::Device => "#/device".to_owned(),
            Route::Stats => "#/stats".to_owned(),
            Route::Export => "#/export".to_owned(),
            Route::Import => "#/import".to_owned(),
            Route::Received => "#/import/received".to_owned(),
            Route::NewEvent => "#/events/new".to_owned(),
            Route::EditEvent(id) => format!("#/events/{id}"),
            Route::Attendance(id) => format!("#/events/{id}/attendance"),
            Route::Counter(id) => format!("#/events/{id}/counter"),
            Route::Photos(id) => format!("#/events/{id}/photos"),
            Route::Campaigns => "#/campaigns".to_owned(),
            Route::PlanEditor => "#/campaigns/plan".to_owned(),
        }
    }
}
