//! Small plain settings in localStorage (gloo-storage), none of them client data: how many
//! professionals were enrolled (so that keys that vanished are noticed), who unlocked last;
//! and in this tab's sessionStorage the screen that was open (a record id, no content), so that
//! after a reload the professional continues where they were.

use gloo_storage::{LocalStorage, SessionStorage, Storage};

const ENROLLED: &str = "keukentafel:kluis:ingeschreven";
const LAST: &str = "keukentafel:kluis:laatste";
const OPEN: &str = "keukentafel:scherm";

fn get(key: &str) -> Option<String> {
    LocalStorage::raw().get_item(key).ok().flatten()
}

fn set(key: &str, value: &str) {
    let _ = LocalStorage::raw().set_item(key, value);
}

/// How many professionals were enrolled when this tablet last looked.
pub fn enrolled_count() -> u32 {
    get(ENROLLED).and_then(|s| s.parse().ok()).unwrap_or(0)
}

pub fn set_enrolled_count(n: usize) {
    set(ENROLLED, &n.to_string());
}

/// The id of the professional who unlocked last (preselected on the unlock screen).
pub fn last_professional() -> Option<String> {
    get(LAST)
}

pub fn set_last_professional(id: &str) {
    set(LAST, id);
}

/// The screen open in this tab and whose it is: (professional id, screen key).
pub fn open_screen() -> Option<(String, String)> {
    let v = SessionStorage::raw().get_item(OPEN).ok().flatten()?;
    let (who, key) = v.split_once(' ')?;
    Some((who.to_owned(), key.to_owned()))
}

/// Remembers the open screen of `professional` in this tab (`None`: the start screen).
pub fn set_open_screen(professional: &str, key: Option<&str>) {
    let raw = SessionStorage::raw();
    let _ = match key {
        Some(k) => raw.set_item(OPEN, &format!("{professional} {k}")),
        None => raw.remove_item(OPEN),
    };
}

pub fn forget_all() {
    LocalStorage::delete(ENROLLED);
    LocalStorage::delete(LAST);
    SessionStorage::delete(OPEN);
}
