//! The active protocol profile (the municipality's), for every component.

use keukentafel_core::Profile;
use leptos::prelude::*;

/// Makes `profile` the active profile of the components below.
pub fn provide_profile(profile: Profile) -> StoredValue<Profile> {
    let p = StoredValue::new(profile);
    provide_context(p);
    p
}

/// The active profile.
pub fn use_profile() -> StoredValue<Profile> {
    expect_context::<StoredValue<Profile>>()
}
