//! Art. 4: informing (lid 1–2), the oral assent (lid 3), the written consent for special
//! categories (lid 4), processing without consent (lid 5) and withdrawal (lid 6).

use super::{art12, is_record_hash, Ctx};
use crate::date::Date;
use crate::model::*;
use crate::paths;
use crate::person::blank;
use crate::rules::Code;

/// INFO-EXPLAINED and INFO-PARTNERS.
pub(super) fn informing(c: &mut Ctx, r: &ConsentRecord) {
    if !r.informing.explained {
        c.push(
            Code::InfoExplained,
            paths::INFORMING_EXPLAINED,
            "Leg vast dat u hebt uitgelegd dat persoonsgegevens worden vastgelegd en met andere organisaties kunnen worden uitgewisseld.",
        );
    }
    let exchange = r.informing.exchange_intended
        || !r.assent.provision.partners.is_empty()
        || r.consent.categories.iter().any(|k| !k.partners.is_empty());
    if exchange && r.informing.partners.is_empty() {
        c.push(
            Code::InfoPartners,
            paths::INFORMING_PARTNERS,
            "Er worden gegevens uitgewisseld: noem de partners zo concreet mogelijk (kies ten minste één partner).",
        );
    }
    c.partners_known(
        Code::InfoPartners,
        paths::INFORMING_PARTNERS,
        &r.informing.partners,
    );
}

/// ASSENT-OUTCOME and ASSENT-DETAILS; the assent's parties on the assent date (art. 12).
pub(super) fn assent(c: &mut Ctx, r: &ConsentRecord, birth: Option<Date>) {
    let a = &r.assent;
    match a.outcome {
        None => c.push(
            Code::AssentOutcome,
            paths::ASSENT_OUTCOME,
            "Leg vast of de cliënt mondeling heeft ingestemd: gegeven, geweigerd of (nog) niet gevraagd.",
        ),
        Some(AssentOutcome::Given) => {
            if a.given_by.is_empty() {
                c.push(
                    Code::AssentDetails,
                    paths::ASSENT_GIVEN_BY,
                    "Leg vast wie de instemming heeft gegeven.",
                );
            }
            for (i, d) in a.given_by.iter().enumerate() {
                if blank(&d.name) {
                    c.push(
                        Code::AssentDetails,
                        paths::assent_given_by(i).name(),
                        "Vul de naam in van wie instemde.",
                    );
                }
            }
            if a.date.is_none() {
                c.push(
                    Code::AssentDetails,
                    paths::ASSENT_DATE,
                    "Vul de datum van de instemming in.",
                );
            }
            if blank(&a.provision.purpose) {
                c.push(
                    Code::AssentDetails,
                    paths::ASSENT_PURPOSE,
                    "Beschrijf voor welke gegevensverstrekking de instemming geldt (het doel).",
                );
            }
            if a.provision.partners.is_empty() {
                c.push(
                    Code::AssentDetails,
                    paths::ASSENT_PARTNERS,
                    "Kies met welke partners de gegevens mogen worden uitgewisseld.",
                );
            }
            c.partners_known(
                Code::AssentDetails,
                paths::ASSENT_PARTNERS,
                &a.provision.partners,
            );
            if let (Some(b), Some(on)) = (birth, r.assent_decision_date()) {
                art12::parties(
                    c,
                    &a.given_by,
                    b,
                    on,
                    &r.representation,
                    paths::ASSENT_GIVEN_BY,
                    None,
                );
            }
        }
        Some(_) => {}
    }
}

/// CONSENT-DECISION, CONSENT-DEFERRED, CONSENT-SCOPE and CONSENT-SIGNATURES; the signers on
/// the consent's decision date (art. 12).
pub(super) fn written_consent(c: &mut Ctx, r: &ConsentRecord, birth: Option<Date>) {
    let wc = &r.consent;
    if !wc.categories.is_empty() && wc.decision.is_none() {
        c.push(
            Code::ConsentDecision,
            paths::CONSENT_DECISION,
            "Er zijn bijzondere persoonsgegevens gekozen: leg vast of schriftelijke toestemming is gegeven, geweigerd of uitgesteld.",
        );
    }
    if wc.decision == Some(ConsentDecision::Refused) && wc.decision_date.is_none() {
        c.push(
            Code::ConsentDecision,
            paths::CONSENT_DECISION_DATE,
            "Vul de datum van de weigering in; ook een weigering gaat in het dossier.",
        );
    }
    if wc.decision == Some(ConsentDecision::Deferred) {
        c.push(
            Code::ConsentDeferred,
            paths::CONSENT_DECISION,
            "De schriftelijke toestemming is uitgesteld. Dat mag alleen zolang nog niet duidelijk is welke gegevens of partners nodig zijn; vraag haar alsnog.",
        );
    }
    for (i, k) in wc.categories.iter().enumerate() {
        let p = paths::category(i);
        if !c.profile.special_categories.contains(&k.category) {
            c.push(
                Code::ConsentScope,
                p.category(),
                format!(
                    "De categorie {} is niet ingesteld in het profiel van {}.",
                    k.category.label_nl(),
                    c.profile.municipality
                ),
            );
        }
        if wc.categories[..i].iter().any(|o| o.category == k.category) {
            c.push(
                Code::ConsentScope,
                p.category(),
                format!(
                    "De categorie {} staat er twee keer in; voeg de partners samen.",
                    k.category.label_nl()
                ),
            );
        }
        if wc.decision == Some(ConsentDecision::Given) && k.partners.is_empty() {
            c.push(
                Code::ConsentScope,
                p.partners(),
                format!(
                    "Kies met welke partners gegevens over {} mogen worden uitgewisseld.",
                    k.category.label_nl()
                ),
            );
        }
        c.partners_known(Code::ConsentScope, &p.partners(), &k.partners);
    }
    if wc.decision != Some(ConsentDecision::Given) {
        return;
    }
    if wc.categories.is_empty() {
        c.push(
            Code::ConsentScope,
            paths::CONSENT_CATEGORIES,
            "Toestemming is gegeven, maar er is geen categorie bijzondere persoonsgegevens gekozen.",
        );
    }
    if wc.signers.is_empty() {
        c.push(
            Code::ConsentSignatures,
            paths::CONSENT_SIGNERS,
            "Toestemming is gegeven: de handtekening van wie art. 12 aanwijst ontbreekt nog.",
        );
    }
    c.signatures(Code::ConsentSignatures, &wc.signers, paths::consent_signer);
    if let (Some(b), Some(on)) = (birth, r.consent_decision_date()) {
        art12::parties(
            c,
            &wc.signers,
            b,
            on,
            &r.representation,
            paths::CONSENT_SIGNERS,
            None,
        );
    }
}

/// EXCEPTION-GROUND (art. 4 lid 5).
pub(super) fn exception(c: &mut Ctx, e: &Exception) {
    if !e.processing_continues {
        return;
    }
    if e.ground.is_none() {
        c.push(
            Code::ExceptionGround,
            paths::EXCEPTION_GROUND,
            "Gegevens worden toch verwerkt: kies de grond (noodzakelijk en onvermijdelijk voor de ondersteuning, of ernstig risico).",
        );
    }
    if blank(&e.note) {
        c.push(
            Code::ExceptionGround,
            paths::EXCEPTION_NOTE,
            "Maak een aantekening voor het dossier waarom de gegevens toch worden verwerkt.",
        );
    }
}

/// WITHDRAWAL-LINK, WITHDRAWAL-SCOPE and WITHDRAWAL-BY (art. 4 lid 6); the signers on the
/// withdrawal date (art. 12).
pub(super) fn withdrawal(c: &mut Ctx, r: &WithdrawalRecord, birth: Option<Date>) {
    let w = &r.withdrawn;
    if w.record_id == r.record_id {
        c.push(
            Code::WithdrawalLink,
            paths::WITHDRAWN_RECORD_ID,
            "Een intrekking verwijst naar een ander record dan zichzelf.",
        );
    }
    if RecordId::parse(w.record_id.as_str()).is_err() {
        c.push(
            Code::WithdrawalLink,
            paths::WITHDRAWN_RECORD_ID,
            "Vul de record-id in van de toestemming die wordt ingetrokken.",
        );
    }
    if !is_record_hash(&w.hash) {
        c.push(
            Code::WithdrawalLink,
            paths::WITHDRAWN_HASH,
            "De hash van het ondertekende record ontbreekt of is ongeldig (SHA-256, base64url, 43 tekens); importeer het ondertekende bestand.",
        );
    }
    match (w.date, r.date) {
        (None, _) => c.push(
            Code::WithdrawalLink,
            paths::WITHDRAWN_DATE,
            "Vul de datum in van de toestemming die wordt ingetrokken.",
        ),
        (_, None) => c.push(
            Code::WithdrawalLink,
            paths::WITHDRAWAL_DATE,
            "Vul de datum van de intrekking in.",
        ),
        (Some(orig), Some(d)) if d < orig => c.push(
            Code::WithdrawalLink,
            paths::WITHDRAWAL_DATE,
            format!(
                "De intrekking ({}) kan niet vóór de toestemming ({}) liggen.",
                d.to_dutch(),
                orig.to_dutch()
            ),
        ),
        _ => {}
    }
    let s = &r.scope;
    if r.schema_version.0 >= 2 {
        // Version 2 states pairs; the version-1 lists would make the scope ambiguous.
        if !s.categories.is_empty() || !s.partners.is_empty() {
            let path = if s.categories.is_empty() {
                paths::SCOPE_PARTNERS
            } else {
                paths::SCOPE_CATEGORIES
            };
            c.push(
                Code::WithdrawalScope,
                path,
                "Vanaf schemaversie 2 staat wat wordt ingetrokken als paren van soort gegevens en partner (scope.pairs); de losse lijsten van versie 1 horen er niet meer in.",
            );
        }
        let partners: Vec<String> = s.pairs.iter().map(|p| p.partner.clone()).collect();
        c.partners_known(Code::WithdrawalLink, paths::SCOPE_PAIRS, &partners);
        for (i, p) in s.pairs.iter().enumerate() {
            if s.pairs[..i].contains(p) {
                c.push(
                    Code::WithdrawalScope,
                    paths::element(paths::SCOPE_PAIRS, i),
                    "Dit paar van soort gegevens en partner staat twee keer in de intrekking.",
                );
            }
        }
        if s.whole && !s.pairs.is_empty() {
            c.push(
                Code::WithdrawalScope,
                paths::SCOPE_PAIRS,
                "De hele toestemming wordt ingetrokken; dan horen er geen losse paren bij.",
            );
        }
    } else {
        if !s.pairs.is_empty() {
            c.push(
                Code::WithdrawalScope,
                paths::SCOPE_PAIRS,
                "Paren van soort gegevens en partner (scope.pairs) bestaan pas vanaf schemaversie 2.",
            );
        }
        c.partners_known(Code::WithdrawalLink, paths::SCOPE_PARTNERS, &s.partners);
    }
    if !s.whole && s.pairs.is_empty() && s.categories.is_empty() && s.partners.is_empty() {
        c.push(
            Code::WithdrawalScope,
            paths::SCOPE,
            "Kies wat wordt ingetrokken: de hele toestemming, of ten minste één soort gegevens bij één partner.",
        );
    }

    if r.signers.is_empty() {
        c.push(
            Code::WithdrawalBy,
            paths::SIGNERS,
            "De intrekking moet worden ondertekend door wie op de datum van intrekking bevoegd is (art. 12).",
        );
    }
    c.signatures(Code::WithdrawalBy, &r.signers, paths::signer);
    if let (Some(b), Some(on)) = (birth, r.decision_date()) {
        art12::parties(
            c,
            &r.signers,
            b,
            on,
            &r.representation,
            paths::SIGNERS,
            Some(Code::WithdrawalBy),
        );
    }
}
