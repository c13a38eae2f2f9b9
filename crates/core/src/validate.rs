//! The validator: `validate(document, profile, today) -> findings`.
//!
//! Each check names its RULES.md code; messages are plain Dutch for the professional.
//! The validator never panics, whatever the record holds (a property test checks this).

use crate::art12::{self, check_parties, Party};
use crate::date::Date;
use crate::model::*;
use crate::profile::Profile;
use crate::rules::{Code, Finding};

/// The art. 6 keep-until date: 31 December of (year support closed + retention years).
pub fn keep_until(support_closed: Date, retention_years: u16) -> Option<Date> {
    Date::end_of_year(
        support_closed
            .year()
            .checked_add(i32::from(retention_years))?,
    )
}

/// Art. 11 lid 5: four weeks after receipt.
pub fn request_deadline(received: Date) -> Option<Date> {
    received.add_days(28)
}

/// Whether a request kind has the four-week deadline of art. 11 lid 5.
pub fn request_has_deadline(kind: RequestKind) -> bool {
    matches!(
        kind,
        RequestKind::Correction
            | RequestKind::Completion
            | RequestKind::Deletion
            | RequestKind::Blocking
    )
}

/// A SHA-256 in base64url without padding: 43 characters of the URL-safe alphabet.
pub fn is_record_hash(s: &str) -> bool {
    s.len() == 43
        && s.bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// Validates any record type.
pub fn validate(doc: &Document, profile: &Profile, today: Date) -> Vec<Finding> {
    match doc {
        Document::Consent(r) => validate_consent(r, profile, today),
        Document::Withdrawal(r) => validate_withdrawal(r, profile, today),
        Document::Request(r) => validate_request(r, profile, today),
    }
}

struct Ctx<'a> {
    profile: &'a Profile,
    out: Vec<Finding>,
}

impl Ctx<'_> {
    fn push(&mut self, code: Code, path: impl Into<String>, msg: impl Into<String>) {
        self.out.push(Finding::new(code, path, msg));
    }

    /// Unknown partner ids, reported under `code`.
    fn partners_known(&mut self, code: Code, path: &str, ids: &[String]) {
        for (i, id) in ids.iter().enumerate() {
            if self.profile.partner(id).is_none() {
                self.push(
                    code,
                    format!("{path}[{i}]"),
                    format!(
                        "‘{id}’ staat niet in de partnerlijst van {}; kies een partner uit de lijst.",
                        self.profile.municipality
                    ),
                );
            }
        }
    }

    /// SUBJECT-BIRTHDATE; returns the birth date when it is usable for art. 12.
    fn birth_date(&mut self, client: &Client, decision: Option<Date>) -> Option<Date> {
        let Some(birth) = client.birth_date else {
            self.push(
                Code::SubjectBirthdate,
                "client.birthDate",
                "Vul de geboortedatum van de cliënt in; daarvan hangt af wie beslist (art. 12).",
            );
            return None;
        };
        let Some(on) = decision else {
            return Some(birth);
        };
        if birth > on {
            self.push(
                Code::SubjectBirthdate,
                "client.birthDate",
                format!(
                    "De geboortedatum {} ligt na de datum van het besluit ({}).",
                    birth.to_dutch(),
                    on.to_dutch()
                ),
            );
            return None;
        }
        if birth.age_on(on) >= 130 {
            self.push(
                Code::SubjectBirthdate,
                "client.birthDate",
                format!(
                    "Met geboortedatum {} zou de cliënt {} jaar zijn; controleer de datum.",
                    birth.to_dutch(),
                    birth.age_on(on)
                ),
            );
            return None;
        }
        Some(birth)
    }

    /// REP-INCAPABLE-REASON and REP-RESTRICTED-REASON, and the recorded age band.
    fn representation(&mut self, r: &Representation, birth: Option<Date>, on: Option<Date>) {
        let age = birth.zip(on).map(|(b, d)| b.age_on(d));
        if r.capacity.judged_incapable && age.is_none_or(|a| a >= 16) {
            if blank(&r.capacity.reason) {
                self.push(
                    Code::RepIncapableReason,
                    "representation.capacity.reason",
                    "Leg vast waarom de cliënt niet in staat is tot een redelijke waardering van zijn belangen.",
                );
            }
            if blank(&r.capacity.judged_by) {
                self.push(
                    Code::RepIncapableReason,
                    "representation.capacity.judgedBy",
                    "Leg vast wie heeft beoordeeld dat de cliënt niet in staat is zijn belangen te overzien.",
                );
            }
        }
        for (i, x) in r.restrictions.iter().enumerate() {
            if blank(&x.reason) {
                let who = if blank(&x.representative) {
                    "de vertegenwoordiger"
                } else {
                    x.representative.trim()
                };
                self.push(
                    Code::RepRestrictedReason,
                    format!("representation.restrictions[{i}].reason"),
                    format!(
                        "Leg vast welke zwaarwegende belangen van de cliënt zich verzetten tegen het optreden van {who}."
                    ),
                );
            }
        }
        if let (Some(recorded), Some(age)) = (r.age_band, age) {
            let derived = art12::age_band(age);
            if recorded != derived {
                let code = match derived {
                    AgeBand::Under12 => Code::RepUnder12,
                    AgeBand::From12To15 => Code::Rep12To15,
                    AgeBand::From16 => Code::Rep16Plus,
                };
                self.push(
                    code,
                    "representation.ageBand",
                    format!(
                        "De vastgelegde leeftijdscategorie klopt niet: de cliënt is {age} jaar ({}).",
                        derived.label_nl()
                    ),
                );
            }
        }
    }

    /// Every legal representative of a minor listed in the record decides too (joint authority),
    /// unless the partner has refused them under art. 12 lid 3.
    fn all_legal_representatives<P: Party>(
        &mut self,
        parties: &[P],
        r: &Representation,
        birth: Date,
        on: Date,
        path: &str,
        override_code: Option<Code>,
    ) {
        let (_, req) = art12::requirement(birth, on, r);
        let code = match req {
            art12::Requirement::LegalRepresentative => Code::RepUnder12,
            art12::Requirement::LegalRepresentativeAndClient => Code::Rep12To15,
            _ => return,
        };
        if parties.is_empty() {
            return;
        }
        for rep in &r.representatives {
            if !rep
                .role
                .is_some_and(RepresentativeRole::is_legal_representative_of_minor)
                || blank(&rep.name)
            {
                continue;
            }
            let refused = r.restrictions.iter().any(|x| {
                x.kind == RestrictionKind::Refused && same_name(&x.representative, &rep.name)
            });
            let present = parties
                .iter()
                .any(|p| p.role() == PartyRole::Representative && same_name(p.name(), &rep.name));
            if !refused && !present {
                self.push(
                    override_code.unwrap_or(code),
                    path.to_owned(),
                    format!(
                        "{} is {} en beslist mee: ook deze handtekening is nodig.",
                        rep.name.trim(),
                        rep.role
                            .map_or("wettelijk vertegenwoordiger", |x| x.label_nl())
                    ),
                );
            }
        }
    }

    /// The parts of a signature: name, date, and a drawn mark or a witnessed alternative.
    fn signatures(&mut self, code: Code, signers: &[Signer], path: &str) {
        for (i, s) in signers.iter().enumerate() {
            let p = format!("{path}[{i}]");
            if blank(&s.name) {
                self.push(code, format!("{p}.name"), "Vul de naam in van wie tekent.");
            }
            if s.date.is_none() {
                self.push(
                    code,
                    format!("{p}.date"),
                    format!(
                        "Vul de datum van de handtekening van {} in.",
                        display_name(&s.name)
                    ),
                );
            }
            if let Some(alt) = &s.signature.alternative {
                if blank(&alt.reason) {
                    self.push(
                        code,
                        format!("{p}.signature.alternative.reason"),
                        "Leg vast waarom er geen handtekening kan worden gezet.",
                    );
                }
                if blank(&alt.witnessed_by) {
                    self.push(
                        code,
                        format!("{p}.signature.alternative.witnessedBy"),
                        "Leg vast welke professional de bevestiging heeft gezien.",
                    );
                }
            } else if !s.signature.is_drawn() {
                self.push(
                    code,
                    format!("{p}.signature"),
                    format!(
                        "De handtekening van {} ontbreekt: een leeg vak is geen handtekening.",
                        display_name(&s.name)
                    ),
                );
            } else if s
                .signature
                .strokes
                .iter()
                .flatten()
                .any(|[x, y]| *x > 10_000 || *y > 10_000)
            {
                self.push(
                    code,
                    format!("{p}.signature.strokes"),
                    "De handtekening bevat punten buiten het tekenvak (0–10000).",
                );
            }
        }
    }
}

fn same_name(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    norm(a) == norm(b)
}

fn display_name(s: &str) -> &str {
    if blank(s) {
        "deze ondertekenaar"
    } else {
        s.trim()
    }
}

/// The latest signature date, used as the decision date when none is recorded.
fn latest_signature(signers: &[Signer]) -> Option<Date> {
    signers.iter().filter_map(|s| s.date).max()
}

pub fn validate_consent(r: &ConsentRecord, profile: &Profile, _today: Date) -> Vec<Finding> {
    let mut c = Ctx {
        profile,
        out: Vec::new(),
    };

    // SUBJECT-BIRTHDATE against the conversation date (and each decision below).
    let birth = c.birth_date(&r.client, r.conversation_date);
    c.representation(&r.representation, birth, r.conversation_date);

    // Informing (art. 4 lid 1–2).
    if !r.informing.explained {
        c.push(
            Code::InfoExplained,
            "informing.explained",
            "Leg vast dat u hebt uitgelegd dat persoonsgegevens worden vastgelegd en met andere organisaties kunnen worden uitgewisseld.",
        );
    }
    let exchange = r.informing.exchange_intended
        || !r.assent.provision.partners.is_empty()
        || r.consent.categories.iter().any(|k| !k.partners.is_empty());
    if exchange && r.informing.partners.is_empty() {
        c.push(
            Code::InfoPartners,
            "informing.partners",
            "Er worden gegevens uitgewisseld: noem de partners zo concreet mogelijk (kies ten minste één partner).",
        );
    }
    c.partners_known(
        Code::InfoPartners,
        "informing.partners",
        &r.informing.partners,
    );

    // Necessity (art. 5).
    if r.help_question.domains.is_empty() {
        c.push(
            Code::NecessityDomain,
            "helpQuestion.domains",
            "Kies ten minste één ondersteuningsdomein van de hulpvraag (jeugd, zorg, welzijn, wonen, werk, inkomen).",
        );
    }

    // Oral assent (art. 4 lid 3).
    match r.assent.outcome {
        None => c.push(
            Code::AssentOutcome,
            "assent.outcome",
            "Leg vast of de cliënt mondeling heeft ingestemd: gegeven, geweigerd of (nog) niet gevraagd.",
        ),
        Some(AssentOutcome::Given) => {
            let a = &r.assent;
            if a.given_by.is_empty() {
                c.push(
                    Code::AssentDetails,
                    "assent.givenBy",
                    "Leg vast wie de instemming heeft gegeven.",
                );
            }
            for (i, d) in a.given_by.iter().enumerate() {
                if blank(&d.name) {
                    c.push(
                        Code::AssentDetails,
                        format!("assent.givenBy[{i}].name"),
                        "Vul de naam in van wie instemde.",
                    );
                }
            }
            if a.date.is_none() {
                c.push(
                    Code::AssentDetails,
                    "assent.date",
                    "Vul de datum van de instemming in.",
                );
            }
            if blank(&a.provision.purpose) {
                c.push(
                    Code::AssentDetails,
                    "assent.provision.purpose",
                    "Beschrijf voor welke gegevensverstrekking de instemming geldt (het doel).",
                );
            }
            if a.provision.partners.is_empty() {
                c.push(
                    Code::AssentDetails,
                    "assent.provision.partners",
                    "Kies met welke partners de gegevens mogen worden uitgewisseld.",
                );
            }
            c.partners_known(
                Code::AssentDetails,
                "assent.provision.partners",
                &a.provision.partners,
            );
            if let (Some(b), Some(on)) = (birth, a.date.or(r.conversation_date)) {
                if b <= on {
                    check_parties(
                        &a.given_by,
                        b,
                        on,
                        &r.representation,
                        "assent.givenBy",
                        None,
                        &mut c.out,
                    );
                    c.all_legal_representatives(
                        &a.given_by,
                        &r.representation,
                        b,
                        on,
                        "assent.givenBy",
                        None,
                    );
                }
            }
        }
        Some(_) => {}
    }

    // Written consent for special categories (art. 4 lid 4).
    let wc = &r.consent;
    if !wc.categories.is_empty() && wc.decision.is_none() {
        c.push(
            Code::ConsentDecision,
            "consent.decision",
            "Er zijn bijzondere persoonsgegevens gekozen: leg vast of schriftelijke toestemming is gegeven, geweigerd of uitgesteld.",
        );
    }
    if wc.decision == Some(ConsentDecision::Refused) && wc.decision_date.is_none() {
        c.push(
            Code::ConsentDecision,
            "consent.decisionDate",
            "Vul de datum van de weigering in; ook een weigering gaat in het dossier.",
        );
    }
    if wc.decision == Some(ConsentDecision::Deferred) {
        c.push(
            Code::ConsentDeferred,
            "consent.decision",
            "De schriftelijke toestemming is uitgesteld. Dat mag alleen zolang nog niet duidelijk is welke gegevens of partners nodig zijn; vraag haar alsnog.",
        );
    }
    for (i, k) in wc.categories.iter().enumerate() {
        let p = format!("consent.categories[{i}]");
        if blank(&k.purpose) {
            c.push(
                Code::NecessityPurpose,
                format!("{p}.purpose"),
                format!(
                    "Beschrijf waarom gegevens over {} nodig zijn voor de hulpvraag.",
                    k.category.label_nl()
                ),
            );
        }
        if !profile.special_categories.contains(&k.category) {
            c.push(
                Code::ConsentScope,
                format!("{p}.category"),
                format!(
                    "De categorie {} is niet ingesteld in het profiel van {}.",
                    k.category.label_nl(),
                    profile.municipality
                ),
            );
        }
        if wc.categories[..i].iter().any(|o| o.category == k.category) {
            c.push(
                Code::ConsentScope,
                format!("{p}.category"),
                format!(
                    "De categorie {} staat er twee keer in; voeg de partners samen.",
                    k.category.label_nl()
                ),
            );
        }
        if wc.decision == Some(ConsentDecision::Given) && k.partners.is_empty() {
            c.push(
                Code::ConsentScope,
                format!("{p}.partners"),
                format!(
                    "Kies met welke partners gegevens over {} mogen worden uitgewisseld.",
                    k.category.label_nl()
                ),
            );
        }
        c.partners_known(Code::ConsentScope, &format!("{p}.partners"), &k.partners);
    }
    if wc.decision == Some(ConsentDecision::Given) {
        if wc.categories.is_empty() {
            c.push(
                Code::ConsentScope,
                "consent.categories",
                "Toestemming is gegeven, maar er is geen categorie bijzondere persoonsgegevens gekozen.",
            );
        }
        if wc.signers.is_empty() {
            c.push(
                Code::ConsentSignatures,
                "consent.signers",
                "Toestemming is gegeven: de handtekening van wie art. 12 aanwijst ontbreekt nog.",
            );
        }
        c.signatures(Code::ConsentSignatures, &wc.signers, "consent.signers");
        let on = wc
            .decision_date
            .or_else(|| latest_signature(&wc.signers))
            .or(r.conversation_date);
        if let (Some(b), Some(on)) = (birth, on) {
            if b <= on {
                check_parties(
                    &wc.signers,
                    b,
                    on,
                    &r.representation,
                    "consent.signers",
                    None,
                    &mut c.out,
                );
                c.all_legal_representatives(
                    &wc.signers,
                    &r.representation,
                    b,
                    on,
                    "consent.signers",
                    None,
                );
            }
        }
    }

    // Processing without consent (art. 4 lid 5).
    if r.exception.processing_continues {
        if r.exception.ground.is_none() {
            c.push(
                Code::ExceptionGround,
                "exception.ground",
                "Gegevens worden toch verwerkt: kies de grond (noodzakelijk en onvermijdelijk voor de ondersteuning, of ernstig risico).",
            );
        }
        if blank(&r.exception.note) {
            c.push(
                Code::ExceptionGround,
                "exception.note",
                "Maak een aantekening voor het dossier waarom de gegevens toch worden verwerkt.",
            );
        }
    }

    // Veilig Thuis (art. 10 lid 2).
    for (i, v) in r.veilig_thuis.iter().enumerate() {
        if !v.without_consent {
            continue;
        }
        let p = format!("veiligThuis[{i}]");
        if v.date.is_none() {
            c.push(
                Code::VeiligThuisNote,
                format!("{p}.date"),
                "Vul de datum in waarop gegevens aan Veilig Thuis zijn verstrekt.",
            );
        }
        if blank(&v.data_given) {
            c.push(
                Code::VeiligThuisNote,
                format!("{p}.dataGiven"),
                "Leg vast welke gegevens aan Veilig Thuis zijn verstrekt.",
            );
        }
        if blank(&v.note) {
            c.push(
                Code::VeiligThuisNote,
                format!("{p}.note"),
                "Maak een aantekening voor het dossier over de verstrekking aan Veilig Thuis.",
            );
        }
    }

    // Retention (art. 6).
    if let Some(closed) = r.retention.support_closed {
        if let Some(expected) = keep_until(closed, profile.retention_years) {
            match r.retention.keep_until {
                None => c.push(
                    Code::RetentionDate,
                    "retention.keepUntil",
                    format!(
                        "De ondersteuning is afgesloten op {}: bewaar tot en met {} ({expected}).",
                        closed.to_dutch(),
                        expected.to_dutch()
                    ),
                ),
                Some(k) if k < expected => c.push(
                    Code::RetentionDate,
                    "retention.keepUntil",
                    format!(
                        "De bewaardatum moet {} zijn ({} jaar na het jaar van afsluiten), niet {}.",
                        expected.to_dutch(),
                        profile.retention_years,
                        k.to_dutch()
                    ),
                ),
                Some(k) if k > expected && blank(&r.retention.longer_reason) => c.push(
                    Code::RetentionLonger,
                    "retention.longerReason",
                    format!(
                        "Bewaren tot {} is langer dan de termijn ({}): noem de wettelijke grondslag of de reden van zorgvuldige ondersteuning.",
                        k.to_dutch(),
                        expected.to_dutch()
                    ),
                ),
                Some(_) => {}
            }
        }
    }

    c.out
}

pub fn validate_withdrawal(r: &WithdrawalRecord, profile: &Profile, _today: Date) -> Vec<Finding> {
    let mut c = Ctx {
        profile,
        out: Vec::new(),
    };
    let birth = c.birth_date(&r.client, r.date);
    c.representation(&r.representation, birth, r.date);

    let w = &r.withdrawn;
    if w.record_id == r.record_id {
        c.push(
            Code::WithdrawalLink,
            "withdrawn.recordId",
            "Een intrekking verwijst naar een ander record dan zichzelf.",
        );
    }
    if RecordId::parse(w.record_id.as_str()).is_err() {
        c.push(
            Code::WithdrawalLink,
            "withdrawn.recordId",
            "Vul de record-id in van de toestemming die wordt ingetrokken.",
        );
    }
    if !is_record_hash(&w.hash) {
        c.push(
            Code::WithdrawalLink,
            "withdrawn.hash",
            "De hash van het ondertekende record ontbreekt of is ongeldig (SHA-256, base64url, 43 tekens); importeer het ondertekende bestand.",
        );
    }
    match (w.date, r.date) {
        (None, _) => c.push(
            Code::WithdrawalLink,
            "withdrawn.date",
            "Vul de datum in van de toestemming die wordt ingetrokken.",
        ),
        (_, None) => c.push(
            Code::WithdrawalLink,
            "date",
            "Vul de datum van de intrekking in.",
        ),
        (Some(orig), Some(d)) if d < orig => c.push(
            Code::WithdrawalLink,
            "date",
            format!(
                "De intrekking ({}) kan niet vóór de toestemming ({}) liggen.",
                d.to_dutch(),
                orig.to_dutch()
            ),
        ),
        _ => {}
    }
    c.partners_known(Code::WithdrawalLink, "scope.partners", &r.scope.partners);

    if r.signers.is_empty() {
        c.push(
            Code::WithdrawalBy,
            "signers",
            "De intrekking moet worden ondertekend door wie op de datum van intrekking bevoegd is (art. 12).",
        );
    }
    c.signatures(Code::WithdrawalBy, &r.signers, "signers");
    if let (Some(b), Some(on)) = (birth, r.date.or_else(|| latest_signature(&r.signers))) {
        check_parties(
            &r.signers,
            b,
            on,
            &r.representation,
            "signers",
            Some(Code::WithdrawalBy),
            &mut c.out,
        );
        c.all_legal_representatives(
            &r.signers,
            &r.representation,
            b,
            on,
            "signers",
            Some(Code::WithdrawalBy),
        );
    }
    c.out
}

pub fn validate_request(r: &RequestRecord, profile: &Profile, today: Date) -> Vec<Finding> {
    let mut c = Ctx {
        profile,
        out: Vec::new(),
    };
    let birth = c.birth_date(&r.client, r.received);
    c.representation(&r.representation, birth, r.received);
    if let (Some(b), Some(on)) = (birth, r.received) {
        check_parties(
            &r.requested_by,
            b,
            on,
            &r.representation,
            "requestedBy",
            None,
            &mut c.out,
        );
    }

    let deadline_kind = r.kind.is_some_and(request_has_deadline);
    if deadline_kind {
        match r.received.and_then(request_deadline) {
            None => c.push(
                Code::RequestDeadline,
                "received",
                "Vul de datum van ontvangst van het verzoek in; daarvan hangt de termijn van vier weken af.",
            ),
            Some(deadline) => {
                if r.deadline != Some(deadline) {
                    c.push(
                        Code::RequestDeadline,
                        "deadline",
                        format!(
                            "De beslistermijn is vier weken na ontvangst: uiterlijk {} ({deadline}).",
                            deadline.to_dutch()
                        ),
                    );
                }
                match &r.decision {
                    None if today > deadline => c.push(
                        Code::RequestDeadline,
                        "decision",
                        format!(
                            "De termijn is verstreken op {}: beslis zo snel mogelijk en bericht de verzoeker.",
                            deadline.to_dutch()
                        ),
                    ),
                    None => {}
                    Some(d) => match d.date {
                        None => c.push(
                            Code::RequestDeadline,
                            "decision.date",
                            "Vul de datum van de beslissing in.",
                        ),
                        Some(dd) if dd > deadline => c.push(
                            Code::RequestDeadline,
                            "decision.date",
                            format!(
                                "Er is beslist op {}, na de termijn ({}).",
                                dd.to_dutch(),
                                deadline.to_dutch()
                            ),
                        ),
                        Some(_) => {}
                    },
                }
            }
        }
    }
    if let Some(d) = &r.decision {
        if matches!(d.outcome, RequestOutcome::Rejected | RequestOutcome::Partly)
            && blank(&d.reasons)
        {
            c.push(
                Code::RequestRejectionReason,
                "decision.reasons",
                "Een (gedeeltelijke) afwijzing is schriftelijk en met redenen: vul de motivering in.",
            );
        }
        let changes_data = matches!(
            r.kind,
            Some(
                RequestKind::Correction
                    | RequestKind::Completion
                    | RequestKind::Deletion
                    | RequestKind::Blocking
            )
        );
        if changes_data
            && matches!(d.outcome, RequestOutcome::Granted | RequestOutcome::Partly)
            && r.partners_informed.is_empty()
        {
            c.push(
                Code::RequestPartnersTold,
                "partnersInformed",
                "Het verzoek is (deels) toegewezen: breng de partners die de gegevens kregen op de hoogte en leg vast wie en wanneer.",
            );
        }
    }
    let ids: Vec<String> = r
        .partners_informed
        .iter()
        .map(|p| p.partner.clone())
        .collect();
    for (i, id) in ids.iter().enumerate() {
        if profile.partner(id).is_none() {
            c.push(
                Code::RequestPartnersTold,
                format!("partnersInformed[{i}].partner"),
                format!(
                    "‘{id}’ staat niet in de partnerlijst van {}.",
                    profile.municipality
                ),
            );
        }
    }
    c.out
}
