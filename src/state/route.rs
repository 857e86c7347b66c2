//! The app's screens and their addresses (`#/…`), so reload and the back button keep the place,
//! and which of the two apps on the origin has each screen's code ([`AppPart`]).

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

/// The two apps built from this crate and served on one origin. The tablet app, at the app's
/// root, holds only what a unit's tablet uses every day, so it loads first and fast; the office
/// app, at `office/` beside it, holds every screen. Both read and write the same browser storage,
/// so going from one to the other is an ordinary link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppPart {
    /// The tablet app: event list, event form, attendance, head counter, photos, overview and
    /// device set-up.
    Tablet,
    /// The office app: every screen, with statistics, exports, import and merge, received files,
    /// campaigns and the plan editor.
    Office,
}

impl AppPart {
    /// Whether this app has `route`'s screen (the office app has every screen).
    ///
    /// ```
    /// use field_ledger::state::route::{AppPart, Route};
    /// assert!(!AppPart::Tablet.has(Route::Stats));
    /// assert!(AppPart::Office.has(Route::Home));
    /// ```
    pub fn has(self, route: Route) -> bool {
        self == AppPart::Office || route.smallest_app() == AppPart::Tablet
    }

    /// The folder of this app's page, relative to the app's root: `""` or `"office/"`.
    pub fn folder(self) -> &'static str {
        match self {
            AppPart::Tablet => "",
            AppPart::Office => "office/",
        }
    }
}

impl Route {
    /// The smallest app that has this screen: the tablet app's screens are in both.
    ///
    /// ```
    /// use field_ledger::state::route::{AppPart, Route};
    /// assert_eq!(Route::Home.smallest_app(), AppPart::Tablet);
    /// assert_eq!(Route::Import.smallest_app(), AppPart::Office);
    /// ```
    pub fn smallest_app(self) -> AppPart {
        match self {
            Route::Home
            | Route::Overview
            | Route::Device
            | Route::NewEvent
            | Route::EditEvent(_)
            | Route::Attendance(_)
            | Route::Counter(_)
            | Route::Photos(_) => AppPart::Tablet,
            Route::Stats
            | Route::Export
            | Route::Import
            | Route::Received
            | Route::Campaigns
            | Route::PlanEditor => AppPart::Office,
        }
    }

    /// The link to this screen from a page of `running`: its hash within the same app, or the
    /// relative address of the office app's page when the tablet app lacks the screen.
    ///
    /// ```
    /// use field_ledger::state::route::{AppPart, Route};
    /// assert_eq!(Route::Export.href_from(AppPart::Tablet), "office/#/export");
    /// assert_eq!(Route::Export.href_from(AppPart::Office), "#/export");
    /// assert_eq!(Route::Home.href_from(AppPart::Tablet), "#/");
    /// ```
    pub fn href_from(self, running: AppPart) -> String {
        if running.has(self) {
            self.hash()
        } else {
            format!("{}{}", self.smallest_app().folder(), self.hash())
        }
    }

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
