//! How a signed record goes into the dossier, by the profile's route (art. 4 lid 4): as a file
//! the professional hands over, or — through the outbox — to the back office or the portal.

use crate::signing::Signed;
use keukentafel_core::profile::DeliveryRoute;

/// What happens right after a record is signed: on the file route, the file is offered at once.
pub fn after_signing(signed: &Signed) {
    let route = crate::hooks::use_profile::current_route();
    if route == DeliveryRoute::File {
        let _ = crate::browser::download(&signed.file_name, "application/jose+json", &signed.jws);
    }
}
