//! Requests to a CouchDB API server on this origin (`couch/` beside the app, behind the same
//! reverse proxy, so the CSP's `connect-src 'self'` holds and the session cookie is first-party):
//! JSON in, JSON out, every failure a [`CouchError`] the UI can put in words. A long-poll is
//! aborted by the app itself (an `AbortController`): PouchDB Server ignores `timeout`.

use js_sys::{JsString, Promise};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, Request, RequestCredentials, RequestInit, Response};

/// Why a request to the server failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CouchError {
    /// No answer at all: offline, or the server (or its proxy) unreachable.
    Offline,
    /// 401: no session, or the name or password is wrong.
    Unauthorized,
    /// 403: the server's rules refused it, with their reason.
    Forbidden(String),
    /// 404.
    NotFound,
    /// Any other answer: its status and reason.
    Server(u16, String),
    /// Aborted by the app (a long-poll ended).
    Aborted,
}

/// The server at `base` (a path on this origin ending in `/`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CouchClient {
    base: String,
}

fn reason_of(body: &str) -> String {
    serde_json::from_str::<serde_json::Value>(body)
        .ok()
        .and_then(|value| {
            let reason = value
                .get("reason")
                .and_then(|r| r.as_str())
                .map(str::to_owned);
            reason.or_else(|| {
                value
                    .get("error")
                    .and_then(|e| e.as_str())
                    .map(str::to_owned)
            })
        })
        .unwrap_or_else(|| body.chars().take(200).collect())
}

impl CouchClient {
    /// The server at `base` on this origin, e.g. `couch/`: a relative path is taken from the
    /// app's root, whichever of the two apps' pages runs (the office app's is one folder down).
    pub fn new(base: &str) -> Self {
        let mut base = base.trim().to_owned();
        if !base.starts_with('/') {
            base.insert_str(0, &crate::browser::app_shell::app_root());
        }
        if !base.ends_with('/') {
            base.push('/');
        }
        Self { base }
    }

    /// Sends one request and reads its whole answer as text.
    pub async fn request(
        &self,
        method: &str,
        path: &str,
        body: Option<&str>,
        signal: Option<&AbortSignal>,
    ) -> Result<String, CouchError> {
        let body = body.map(|text| (JsValue::from_str(text), "application/json".to_owned()));
        self.send(method, path, body, signal).await
    }

    /// Puts `blob` at `path` (an attachment), the Blob itself as the body: the browser streams
    /// it from storage, never copied into the app's memory.
    pub async fn put_blob(&self, path: &str, blob: &web_sys::Blob) -> Result<String, CouchError> {
        let content_type = match blob.type_() {
            kind if kind.is_empty() => "application/octet-stream".to_owned(),
            kind => kind,
        };
        self.send("PUT", path, Some((blob.into(), content_type)), None)
            .await
    }

    async fn send(
        &self,
        method: &str,
        path: &str,
        body: Option<(JsValue, String)>,
        signal: Option<&AbortSignal>,
    ) -> Result<String, CouchError> {
        let init = RequestInit::new();
        init.set_method(method);
        init.set_credentials(RequestCredentials::SameOrigin);
        if let Some((body, _)) = &body {
            init.set_body(body);
        }
        if let Some(signal) = signal {
            init.set_signal(Some(signal));
        }
        let url = format!("{}{path}", self.base);
        let request =
            Request::new_with_str_and_init(&url, &init).map_err(|_| CouchError::Offline)?;
        let headers = request.headers();
        let _ = headers.set("Accept", "application/json");
        if let Some((_, content_type)) = &body {
            let _ = headers.set("Content-Type", content_type);
        }
        let window = web_sys::window().ok_or(CouchError::Offline)?;
        let aborted = || signal.is_some_and(AbortSignal::aborted);
        let response: Response = JsFuture::from(window.fetch_with_request(&request))
            .await
            .map_err(|_| {
                if aborted() {
                    CouchError::Aborted
                } else {
                    CouchError::Offline
                }
            })?
            .unchecked_into();
        let text: Promise = response.text().map_err(|_| CouchError::Offline)?;
        let text = JsFuture::from(text).await.map_err(|_| {
            if aborted() {
                CouchError::Aborted
            } else {
                CouchError::Offline
            }
        })?;
        let text = text
            .dyn_into::<JsString>()
            .map(String::from)
            .unwrap_or_default();
        match response.status() {
            200..=299 => Ok(text),
            401 => Err(CouchError::Unauthorized),
            403 => Err(CouchError::Forbidden(reason_of(&text))),
            404 => Err(CouchError::NotFound),
            status => Err(CouchError::Server(status, reason_of(&text))),
        }
    }

    /// Reads the file at `path` (an attachment) as a Blob, never as text.
    pub async fn get_blob(&self, path: &str) -> Result<web_sys::Blob, CouchError> {
        let init = RequestInit::new();
        init.set_method("GET");
        init.set_credentials(RequestCredentials::SameOrigin);
        let url = format!("{}{path}", self.base);
        let request =
            Request::new_with_str_and_init(&url, &init).map_err(|_| CouchError::Offline)?;
        let window = web_sys::window().ok_or(CouchError::Offline)?;
        let response: Response = JsFuture::from(window.fetch_with_request(&request))
            .await
            .map_err(|_| CouchError::Offline)?
            .unchecked_into();
        match response.status() {
            200..=299 => {}
            401 => return Err(CouchError::Unauthorized),
            403 => return Err(CouchError::Forbidden(String::new())),
            404 => return Err(CouchError::NotFound),
            status => return Err(CouchError::Server(status, String::new())),
        }
        let blob = response.blob().map_err(|_| CouchError::Offline)?;
        JsFuture::from(blob)
            .await
            .map_err(|_| CouchError::Offline)?
            .dyn_into::<web_sys::Blob>()
            .map_err(|_| CouchError::Offline)
    }

    /// Signs in (`POST _session`); the server sets the session cookie.
    pub async fn sign_in(&self, name: &str, password: &str) -> Result<(), CouchError> {
        let body = serde_json::json!({ "name": name, "password": password }).to_string();
        self.request("POST", "_session", Some(&body), None)
            .await
            .map(|_| ())
    }
}
