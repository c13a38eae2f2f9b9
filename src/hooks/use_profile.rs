//! The active protocol profile (the municipality's), for every component.

use keukentafel_core::profile::DeliveryRoute;
use keukentafel_core::Profile;
use leptos::prelude::*;

thread_local! {
    /// The active profile's delivery route, for code outside components.
    static ROUTE: std::cell::Cell<DeliveryRoute> = const { std::cell::Cell::new(DeliveryRoute::Http) };
}

/// Makes `profile` the active profile of the components below.
pub fn provide_profile(profile: Profile) -> StoredValue<Profile> {
    ROUTE.with(|r| r.set(profile.delivery.route));
    let p = StoredValue::new(profile);
    provide_context(p);
    p
}

/// The active profile's delivery route.
pub fn current_route() -> DeliveryRoute {
    ROUTE.with(|r| r.get())
}

/// The active profile.
pub fn use_profile() -> StoredValue<Profile> {
    expect_context::<StoredValue<Profile>>()
}
