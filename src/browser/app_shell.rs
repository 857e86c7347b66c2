//! The app shell's news from `sw-register.js` (plain JS beside the service worker): whether a new
//! build is waiting, whether the server answers; and the build stamp of the running page.
//!
//! Usage: `let shell = AppShell::listen();` once at the root; read its signals; call
//! [`AppShell::apply_update`] when the user accepts the new version.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// Signals fed by the service-worker registration script.
#[derive(Debug, Clone, Copy)]
pub struct AppShell {
    /// A new build is installed and waiting for the user to accept it.
    pub update_available: RwSignal<bool>,
    /// Whether the server answered the last check; `None` before the first one.
    pub server_reachable: RwSignal<Option<bool>>,
}

fn dispatch(name: &str) {
    if let Ok(event) = web_sys::CustomEvent::new(name) {
        let _ = window().dispatch_event(&event);
    }
}

impl AppShell {
    /// Starts listening (for the app's lifetime) and asks for a first server check.
    pub fn listen() -> Self {
        let flag = |name: &str| js_sys::Reflect::get(&window(), &JsValue::from_str(name)).ok();
        let shell = Self {
            update_available: RwSignal::new(
                flag("fieldLedgerUpdateWaiting").is_some_and(|v| v.is_truthy()),
            ),
            server_reachable: RwSignal::new(
                flag("fieldLedgerServerReachable").and_then(|v| v.as_bool()),
            ),
        };
        let update = window_event_listener_untyped("field-ledger-update-available", move |_| {
            shell.update_available.set(true)
        });
        let server = window_event_listener_untyped("field-ledger-server", move |event| {
            let detail = wasm_bindgen::JsCast::dyn_ref::<web_sys::CustomEvent>(&event)
                .map(|event| event.detail())
                .unwrap_or(JsValue::FALSE);
            shell.server_reachable.set(Some(detail.is_truthy()));
        });
        on_cleanup(move || {
            update.remove();
            server.remove();
        });
        dispatch("field-ledger-check-server");
        shell
    }

    /// Lets the waiting build take over; the page reloads once it has.
    pub fn apply_update(self) {
        dispatch("field-ledger-apply-update");
    }
}

/// The app's root relative to the running page, as the page says it (`<meta
/// name="field-ledger-app-root">`): `""` for the tablet app's page, `"../"` for the office app's.
pub fn app_root() -> String {
    document()
        .query_selector("meta[name=field-ledger-app-root]")
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_default()
}

/// The running build's stamp, e.g. `0.1.0+a1b2c3d`, as the build wrote it into the page.
pub fn app_version() -> String {
    document()
        .query_selector("meta[name=field-ledger-version]")
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_else(|| env!("CARGO_PKG_VERSION").to_owned())
}

/// The name of the window event and of the performance mark that say the event list is usable:
/// the records are read. `sw-register.js` registers the service worker only then.
pub const READY_EVENT: &str = "field-ledger-ready";

/// Says the event list is usable: a performance mark (for the benchmark), the window flag
/// `fieldLedgerReady`, and the window event [`READY_EVENT`].
pub fn announce_ready() {
    if let Some(performance) = window().performance() {
        let _ = performance.mark(READY_EVENT);
    }
    let _ = js_sys::Reflect::set(
        &window(),
        &JsValue::from_str("fieldLedgerReady"),
        &JsValue::TRUE,
    );
    dispatch(READY_EVENT);
}
