//! Small plain settings in localStorage (gloo-storage), none of them client data: how many
//! professionals were enrolled (so that keys that vanished are noticed), who unlocked last.

use gloo_storage::{LocalStorage, Storage};

const ENROLLED: &str = "keukentafel:kluis:ingeschreven";
const LAST: &str = "keukentafel:kluis:laatste";

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

pub fn forget_all() {
    LocalStorage::delete(ENROLLED);
    LocalStorage::delete(LAST);
}
