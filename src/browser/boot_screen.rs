//! The static first screen of `index.html` (`#boot`): the app's name and "正在加载…" painted from
//! the HTML and CSS alone while the wasm loads, or `public/boot-check.js`'s message when the app
//! could not start.
//!
//! Usage: `remove_boot_screen()` once the app has mounted, whatever the first screen shows then:
//! an app that starts after all replaces the message.

/// The id of the first screen's element in `index.html`.
pub const BOOT_SCREEN_ID: &str = "boot";

/// Removes the first screen. Called in the same task as the mount, so no frame shows both and
/// nothing shifts.
pub fn remove_boot_screen() {
    let first_screen = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(BOOT_SCREEN_ID));
    if let Some(element) = first_screen {
        element.remove();
    }
}
