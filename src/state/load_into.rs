//! `load_into`: an async load (IndexedDB, a file) into a signal, for the few screens that show
//! data read on demand (the import page's undo, the received files, the conflict list).
//!
//! A size trick, and the one place the app departs from the house style (`Local*` resources for
//! async browser APIs). What it saves, measured: `LocalResource`'s async machinery costs the wasm
//! 12.7 KB gzip, for three uses that need none of its Suspense integration. What it keeps: a
//! load overtaken by a newer one is dropped, so a slow read never overwrites a fresher one.
//!
//! How to undo: `let loaded = LocalResource::new(fetch);` and read `loaded.get()` where the
//! callers read the signal (an `Option` either way); then delete this file.

use leptos::prelude::*;

/// Loads `fetch()` into a signal, again whenever what `fetch` reads changes; `None` until the
/// first load is done.
pub fn load_into<T, Fut>(fetch: impl Fn() -> Fut + 'static) -> RwSignal<Option<T>>
where
    T: Send + Sync + 'static,
    Fut: std::future::Future<Output = T> + 'static,
{
    let value = RwSignal::new(None);
    let generation = StoredValue::new(0u32);
    Effect::new(move |_| {
        let future = fetch();
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        leptos::task::spawn_local(async move {
            let loaded = future.await;
            if generation.get_value() == mine {
                value.set(Some(loaded));
            }
        });
    });
    value
}
