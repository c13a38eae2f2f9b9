//! Every field path a finding can name (crate `paths`) exists in a full record of its type, so
//! a screen showing messages at these paths shows them beside a real field.

use keukentafel_core::json::{self, Value};
use keukentafel_core::paths::*;
use keukentafel_core::*;

/// The value at `path` (`consent.signers[0].date`), if there is one.
fn at<'a>(v: &'a Value, path: &str) -> Option<&'a Value> {
    let mut cur = v;
    for part in path.split('.') {
        let (key, rest) = part.split_once('[').map_or((part, ""), |(k, r)| (k, r));
        if !key.is_empty() {
            cur = cur.get(key)?;
        }
        for idx in rest.split('[').filter(|s| !s.is_empty()) {
            let i: usize = idx.trim_end_matches(']').parse().ok()?;
            cur = cur.as_array()?.get(i)?;
        }
    }
    Some(cur)
}

fn full_consent() -> Value {
    let signer = Signer {
        signature: Signature {
            strokes: vec![vec![[1, 2], [3, 4]]],
            alternative: Some(AlternativeConfirmation::default()),
        },
        ..Signer::default()
    };
    let mut r = ConsentRecord::default();
    r.representation
        .representatives
        .push(Representative::default());
    r.representation
        .set_chain_fact(ChainStep::Partner, Some(ChainFactKind::Absent));
    r.representation.add_restriction();
    r.assent.given_by.push(Decider::default());
    r.set_category(SpecialCategory::Health, true);
    r.consent.signers.push(signer);
    r.add_veilig_thuis_report();
    json::to_value(&r).unwrap()
}

#[test]
fn every_consent_path_exists() {
    let v = full_consent();
    let paths: Vec<String> = vec![
        CONVERSATION_DATE.into(),
        PROFESSIONAL_NAME.into(),
        PROFESSIONAL_ORGANISATION.into(),
        PROFESSIONAL_ROLE.into(),
        CLIENT_DOSSIER.into(),
        CLIENT_NAME.into(),
        CLIENT_BIRTH_DATE.into(),
        HELP_DOMAINS.into(),
        HELP_DESCRIPTION.into(),
        AGE_BAND.into(),
        CAPACITY_REASON.into(),
        CAPACITY_JUDGED_BY.into(),
        CAPACITY_DATE.into(),
        REPRESENTATIVES.into(),
        representative(0).name(),
        representative(0).role(),
        CHAIN_FACTS.into(),
        chain_fact(0).note(),
        RESTRICTIONS.into(),
        restriction(0).representative(),
        restriction(0).kind(),
        restriction(0).reason(),
        INFORMING_EXPLAINED.into(),
        INFORMING_EXCHANGE.into(),
        INFORMING_PARTNERS.into(),
        ASSENT_OUTCOME.into(),
        ASSENT_GIVEN_BY.into(),
        assent_given_by(0).name(),
        assent_given_by(0).role(),
        assent_given_by(0).relationship(),
        ASSENT_DATE.into(),
        ASSENT_PURPOSE.into(),
        ASSENT_PARTNERS.into(),
        CONSENT_DECISION.into(),
        CONSENT_DECISION_DATE.into(),
        CONSENT_CATEGORIES.into(),
        category(0).category(),
        category(0).purpose(),
        category(0).partners(),
        CONSENT_SIGNERS.into(),
        consent_signer(0).name(),
        consent_signer(0).relationship(),
        consent_signer(0).date(),
        consent_signer(0).signature(),
        consent_signer(0).strokes(),
        consent_signer(0).alternative_reason(),
        consent_signer(0).alternative_witnessed_by(),
        EXCEPTION_CONTINUES.into(),
        EXCEPTION_GROUND.into(),
        EXCEPTION_NOTE.into(),
        VEILIG_THUIS.into(),
        veilig_thuis(0).without_consent(),
        veilig_thuis(0).date(),
        veilig_thuis(0).data_given(),
        veilig_thuis(0).note(),
        SUPPORT_CLOSED.into(),
        KEEP_UNTIL.into(),
        LONGER_REASON.into(),
    ];
    for p in &paths {
        assert!(
            at(&v, p).is_some(),
            "{p} is not a field of a consent record"
        );
    }
    assert!(
        at(&v, "client.bsn").is_none(),
        "the resolver itself can fail"
    );
}

#[test]
fn every_withdrawal_and_request_path_exists() {
    let mut w = WithdrawalRecord::default();
    w.signers.push(Signer::default());
    // Every list filled, so that skipped empty lists are resolved too (the version-1 lists
    // are written only when a version-1 record has them).
    w.scope.pairs.push(ScopePair {
        category: SpecialCategory::Health,
        partner: "huisarts".into(),
    });
    w.scope.categories.push(SpecialCategory::Health);
    w.scope.partners.push("huisarts".into());
    let w = json::to_value(&w).unwrap();
    for p in [
        WITHDRAWN_RECORD_ID.to_owned(),
        WITHDRAWN_HASH.into(),
        WITHDRAWN_DATE.into(),
        WITHDRAWAL_DATE.into(),
        SCOPE.into(),
        SCOPE_WHOLE.into(),
        SCOPE_PAIRS.into(),
        SCOPE_CATEGORIES.into(),
        SCOPE_PARTNERS.into(),
        SIGNERS.into(),
        signer(0).name(),
        signer(0).signature(),
        REPRESENTATIVES.into(),
    ] {
        assert!(at(&w, &p).is_some(), "{p} is not a field of a withdrawal");
    }
    let mut q = RequestRecord::default();
    q.set_outcome(
        Some(RequestOutcome::Granted),
        Date::new(2026, 11, 30).unwrap(),
    );
    q.set_requester_role(None);
    q.set_partners_informed(vec!["huisarts".into()], Date::new(2026, 11, 30).unwrap());
    q.deadline = Date::new(2026, 12, 30);
    let q = json::to_value(&q).unwrap();
    for p in [
        REQUEST_KIND.to_owned(),
        RECEIVED.into(),
        DEADLINE.into(),
        REQUESTED_BY.into(),
        requested_by(0).name(),
        requested_by(0).role(),
        DECISION.into(),
        DECISION_DATE.into(),
        DECISION_REASONS.into(),
        PARTNERS_INFORMED.into(),
        partner_informed(0).partner(),
        SIGNERS.into(),
    ] {
        assert!(at(&q, &p).is_some(), "{p} is not a field of a request");
    }
}
