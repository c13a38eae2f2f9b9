//! The vault session of the app: who is unlocked (if anyone), for every screen; `current()`
//! for code outside components (the signing flow).

use crate::storage::vault::Session;
use keukentafel_core::jws::PublicJwk;
use keukentafel_core::Profile;
use leptos::prelude::*;
use std::cell::RefCell;

thread_local! {
    /// The unlocked professional, mirrored for code that runs outside a reactive owner.
    static CURRENT: RefCell<Option<Session>> = const { RefCell::new(None) };
}

/// The unlocked professional right now, if any.
pub fn current() -> Option<Session> {
    CURRENT.with(|c| c.borrow().clone())
}

#[derive(Clone, Copy)]
pub struct UseVaultReturn {
    /// The unlocked professional; `None` while locked.
    pub session: RwSignal<Option<Session>>,
}

impl UseVaultReturn {
    pub fn unlocked(&self, s: Session) {
        CURRENT.with(|c| *c.borrow_mut() = Some(s.clone()));
        self.session.set(Some(s));
    }

    pub fn locked(&self) {
        CURRENT.with(|c| *c.borrow_mut() = None);
        crate::storage::vault::lock();
        self.session.set(None);
    }
}

/// Creates the app's vault session and provides it.
pub fn provide_vault() -> UseVaultReturn {
    let v = UseVaultReturn {
        session: RwSignal::new(None),
    };
    provide_context(v);
    v
}

pub fn use_vault() -> UseVaultReturn {
    expect_context::<UseVaultReturn>()
}

/// The name of whoever signed with `jwk`: a professional enrolled on this tablet (the one
/// unlocked) or in the profile's enrolled keys; `None` for a key this tablet does not know.
pub fn signer_name(jwk: &PublicJwk, kid: &str) -> Option<String> {
    if let Some(s) = current() {
        if s.kid == kid {
            return Some(s.professional.name);
        }
    }
    use_context::<StoredValue<Profile>>()
        .and_then(|p| p.with_value(|p| p.enrolled(jwk).map(|e| e.name.clone())))
}
