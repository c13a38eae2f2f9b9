//! How a signed record goes into the dossier, by the profile's route (art. 4 lid 4): sent to
//! the back office through the outbox, handed to the portal (the `signed` event, confirmed with
//! `handle.delivered`), or as a file the professional hands over and confirms.

use crate::signing::Signed;
use keukentafel_core::profile::DeliveryRoute;

/// What happens right after a record is signed (it is in the outbox already).
pub fn after_signing(signed: &Signed, route: DeliveryRoute) {
    match route {
        DeliveryRoute::Http => leptos::task::spawn_local(crate::storage::outbox::deliver(false)),
        DeliveryRoute::File => {
            let _ =
                crate::browser::download(&signed.file_name, "application/jose+json", &signed.jws);
        }
        DeliveryRoute::Portal => {}
    }
}
