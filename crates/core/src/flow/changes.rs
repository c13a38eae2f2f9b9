//! The changes a screen makes to a record, by name — the way leptos' todomvc puts `add`,
//! `remove` and `toggle_all` on its state — so that no list is edited inside a view. Each
//! keeps the record's lists in their stable order; derived fields follow through
//! [`super::normalize`] afterwards, as after every edit.

use crate::date::Date;
use crate::model::*;

/// Adds `id` to `list` when absent, removes it when present (a partner toggle).
pub fn toggle(list: &mut Vec<String>, id: &str) {
    match list.iter().position(|x| x == id) {
        Some(i) => {
            list.remove(i);
        }
        None => list.push(id.to_owned()),
    }
}

/// Puts `item` in or out of a list kept in the enumeration's order (no sort instantiated).
fn set_in_order<T: Copy + Ord>(list: &mut Vec<T>, item: T, on: bool) {
    list.retain(|x| *x != item);
    if on {
        let at = list.partition_point(|x| *x < item);
        list.insert(at, item);
    }
}

impl Representation {
    /// A new, empty representative row.
    pub fn add_representative(&mut self) {
        self.representatives.push(Representative::default());
    }

    /// Removes representative `i` and returns them, so that the removal can be undone.
    pub fn remove_representative(&mut self, i: usize) -> Option<Representative> {
        (i < self.representatives.len()).then(|| self.representatives.remove(i))
    }

    /// Puts a removed representative back where they were (undo).
    pub fn restore_representative(&mut self, i: usize, r: Representative) {
        let at = i.min(self.representatives.len());
        self.representatives.insert(at, r);
    }

    /// A new restriction (art. 12 lid 3), limited until chosen otherwise.
    pub fn add_restriction(&mut self) {
        self.restrictions.push(Restriction {
            representative: String::new(),
            kind: RestrictionKind::Limited,
            reason: String::new(),
        });
    }

    pub fn remove_restriction(&mut self, i: usize) {
        if i < self.restrictions.len() {
            self.restrictions.remove(i);
        }
    }

    /// Records (or, with `None`, removes) the fact that allows skipping `step` of the art. 12
    /// lid 2 chain; a note already written stays.
    pub fn set_chain_fact(&mut self, step: ChainStep, fact: Option<ChainFactKind>) {
        match (fact, self.chain_facts.iter_mut().find(|f| f.step == step)) {
            (None, _) => self.chain_facts.retain(|f| f.step != step),
            (Some(k), Some(f)) => f.fact = k,
            (Some(k), None) => self.chain_facts.push(ChainFact {
                step,
                fact: k,
                note: String::new(),
            }),
        }
    }

    pub fn chain_fact(&self, step: ChainStep) -> Option<&ChainFact> {
        self.chain_facts.iter().find(|f| f.step == step)
    }

    pub fn chain_fact_mut(&mut self, step: ChainStep) -> Option<&mut ChainFact> {
        self.chain_facts.iter_mut().find(|f| f.step == step)
    }

    /// The professional's judgement whether the client of 16+ can oversee his interests (art.
    /// 12 lid 2); a new judgement is dated `on` unless it has a date.
    pub fn judge_capacity(&mut self, incapable: bool, on: Option<Date>) {
        self.capacity.judged_incapable = incapable;
        if incapable && self.capacity.date.is_none() {
            self.capacity.date = on;
        }
    }
}

impl ConsentRecord {
    /// The partners the client is told about (art. 4 lid 2): the one list the assent and the
    /// categories choose from. A partner taken off it is taken off the assent and every
    /// category too (the client was not told about it).
    pub fn set_informing_partners(&mut self, ids: Vec<String>) {
        self.assent.provision.partners.retain(|p| ids.contains(p));
        for c in &mut self.consent.categories {
            c.partners.retain(|p| ids.contains(p));
        }
        self.informing.partners = ids;
    }

    /// Adds partners the client is told about when they are not listed yet (and records that
    /// data is exchanged). Returns the ids added.
    fn inform_about(&mut self, ids: &[String]) -> Vec<String> {
        let mut added = Vec::new();
        for id in ids {
            if !self.informing.partners.contains(id) {
                self.informing.partners.push(id.clone());
                added.push(id.clone());
            }
        }
        if !ids.is_empty() {
            self.informing.exchange_intended = true;
        }
        added
    }

    /// The partners the oral assent covers. One not told about yet is added to the informing
    /// list as well; returns those added there.
    pub fn set_assent_partners(&mut self, ids: Vec<String>) -> Vec<String> {
        let added = self.inform_about(&ids);
        self.assent.provision.partners = ids;
        added
    }

    /// The partners the data of `category` may be shared with. One not told about yet is added
    /// to the informing list as well; returns those added there.
    pub fn set_category_partners(
        &mut self,
        category: SpecialCategory,
        ids: Vec<String>,
    ) -> Vec<String> {
        let added = self.inform_about(&ids);
        if let Some(c) = self.category_mut(category) {
            c.partners = ids;
        }
        added
    }

    /// A support domain of the help question on or off, in the order of art. 1.
    pub fn set_domain(&mut self, domain: SupportDomain, on: bool) {
        set_in_order(&mut self.help_question.domains, domain, on);
    }

    /// A special category on (with an empty purpose and no partners) or off, in the order of
    /// art. 1, so that paths stay stable and readable.
    pub fn set_category(&mut self, category: SpecialCategory, on: bool) {
        let list = &mut self.consent.categories;
        let present = list.iter().any(|k| k.category == category);
        if on && !present {
            let at = list.partition_point(|k| k.category < category);
            list.insert(
                at,
                CategoryConsent {
                    category,
                    purpose: String::new(),
                    partners: Vec::new(),
                },
            );
        } else if !on {
            list.retain(|k| k.category != category);
        }
    }

    pub fn category(&self, category: SpecialCategory) -> Option<&CategoryConsent> {
        self.consent
            .categories
            .iter()
            .find(|k| k.category == category)
    }

    pub fn category_mut(&mut self, category: SpecialCategory) -> Option<&mut CategoryConsent> {
        self.consent
            .categories
            .iter_mut()
            .find(|k| k.category == category)
    }

    pub fn set_assent_outcome(&mut self, outcome: AssentOutcome) {
        self.assent.outcome = Some(outcome);
    }

    pub fn set_consent_decision(&mut self, decision: ConsentDecision) {
        self.consent.decision = Some(decision);
    }

    pub fn judge_capacity(&mut self, incapable: bool) {
        let on = self.conversation_date;
        self.representation.judge_capacity(incapable, on);
    }

    /// Data was (or was not) given to Veilig Thuis: the first report, without consent, or none.
    pub fn set_veilig_thuis_reported(&mut self, reported: bool) {
        if reported && self.veilig_thuis.is_empty() {
            self.add_veilig_thuis_report();
        } else if !reported {
            self.veilig_thuis.clear();
        }
    }

    pub fn add_veilig_thuis_report(&mut self) {
        self.veilig_thuis.push(VeiligThuisReport {
            without_consent: true,
            ..VeiligThuisReport::default()
        });
    }

    pub fn remove_veilig_thuis_report(&mut self, i: usize) {
        if i < self.veilig_thuis.len() {
            self.veilig_thuis.remove(i);
        }
    }

    /// Support reopened (not closed after all): no closing date, keep-until or reason.
    pub fn reopen_support(&mut self) {
        self.retention = Retention::default();
    }

    /// The keep-until date art. 6 gives for the closing date, with `years` from the profile.
    pub fn use_keep_until(&mut self, years: u16) {
        if let Some(closed) = self.retention.support_closed {
            self.retention.keep_until = crate::validate::keep_until(closed, years);
        }
    }
}

/// Signer `i` confirms in `witness`'s presence instead of drawing (`on`), or draws again; a
/// drawing is dropped. A consent and a withdrawal alike: whoever may sign may always decide, also
/// who cannot draw (art. 4 lid 6: consent can be withdrawn at any moment). Behind
/// [`HandSigned::use_alternative_confirmation`](crate::HandSigned).
pub(crate) fn confirm_instead(signers: &mut [Signer], i: usize, on: bool, witness: &str) {
    if let Some(s) = signers.get_mut(i) {
        s.signature.alternative = on.then(|| AlternativeConfirmation {
            reason: String::new(),
            witnessed_by: witness.to_owned(),
        });
        if on {
            s.signature.strokes.clear();
        }
    }
}

impl WithdrawalRecord {
    /// The whole consent (the pairs chosen before are then void, and cleared), or only the
    /// listed pairs.
    pub fn set_whole(&mut self, whole: bool) {
        self.scope.whole = whole;
        if whole {
            self.scope.pairs.clear();
        }
    }

    /// Withdraws (or keeps) one category × partner pair, kept in the consent's order.
    pub fn set_pair(&mut self, consent: &ConsentRecord, pair: &ScopePair, on: bool) {
        let pairs = &mut self.scope.pairs;
        pairs.retain(|p| p != pair);
        if on {
            // Inserted in place (a handful; no sort instantiated in the browser bundle).
            let order = consent.consented_pairs();
            let rank = |p: &ScopePair| order.iter().position(|o| o == p).unwrap_or(usize::MAX);
            let at = pairs.partition_point(|p| rank(p) <= rank(pair));
            pairs.insert(at, pair.clone());
        }
    }

    pub fn judge_capacity(&mut self, incapable: bool) {
        let on = self.date;
        self.representation.judge_capacity(incapable, on);
    }
}

impl RequestRecord {
    /// The decision: none yet, or an outcome (dated `today` when it is new).
    pub fn set_outcome(&mut self, outcome: Option<RequestOutcome>, today: Date) {
        match outcome {
            None => self.decision = None,
            Some(o) => {
                self.decision
                    .get_or_insert(RequestDecision {
                        outcome: o,
                        date: Some(today),
                        reasons: String::new(),
                    })
                    .outcome = o;
            }
        }
    }

    /// The partners told of the decision (art. 11 lid 6): those already told keep their date,
    /// new ones are told `today`.
    pub fn set_partners_informed(&mut self, ids: Vec<String>, today: Date) {
        let old = std::mem::take(&mut self.partners_informed);
        self.partners_informed = ids
            .into_iter()
            .map(|partner| {
                let date = old
                    .iter()
                    .find(|p| p.partner == partner)
                    .map_or(Some(today), |p| p.date);
                PartnerInformed { partner, date }
            })
            .collect();
    }

    /// The person who made the request (the first of `requestedBy`), added when there is none.
    pub fn requester_mut(&mut self) -> &mut Decider {
        if self.requested_by.is_empty() {
            self.requested_by.push(Decider::default());
        }
        &mut self.requested_by[0]
    }

    /// Who made the request: the client (`None`) or a representative in a role.
    pub fn set_requester_role(&mut self, relationship: Option<RepresentativeRole>) {
        let d = self.requester_mut();
        d.relationship = relationship;
        d.role = if relationship.is_some() {
            PartyRole::Representative
        } else {
            PartyRole::Client
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{HandSigned, Record};
    use crate::Profile;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn domains_and_categories_keep_the_order_of_art_1() {
        let mut r = ConsentRecord::default();
        r.set_domain(SupportDomain::Income, true);
        r.set_domain(SupportDomain::Youth, true);
        r.set_domain(SupportDomain::Youth, true);
        assert_eq!(
            r.help_question.domains,
            [SupportDomain::Youth, SupportDomain::Income]
        );
        r.set_domain(SupportDomain::Youth, false);
        assert_eq!(r.help_question.domains, [SupportDomain::Income]);

        r.set_category(SpecialCategory::Criminal, true);
        r.set_category(SpecialCategory::Health, true);
        r.category_mut(SpecialCategory::Health).unwrap().purpose = "zorg".into();
        r.set_category(SpecialCategory::Health, true);
        let cats: Vec<_> = r.consent.categories.iter().map(|k| k.category).collect();
        assert_eq!(cats, [SpecialCategory::Health, SpecialCategory::Criminal]);
        assert_eq!(r.category(SpecialCategory::Health).unwrap().purpose, "zorg");
        r.set_category(SpecialCategory::Health, false);
        assert!(r.category(SpecialCategory::Health).is_none());
    }

    #[test]
    fn partner_toggles() {
        let mut v = vec!["a".to_owned()];
        toggle(&mut v, "b");
        toggle(&mut v, "a");
        assert_eq!(v, ["b"]);
    }

    #[test]
    fn chain_facts_are_set_changed_and_removed_by_step() {
        let mut r = Representation::default();
        r.set_chain_fact(ChainStep::Partner, Some(ChainFactKind::Absent));
        r.chain_fact_mut(ChainStep::Partner).unwrap().note = "weduwe".into();
        r.set_chain_fact(ChainStep::Partner, Some(ChainFactKind::Unwilling));
        let f = r.chain_fact(ChainStep::Partner).unwrap();
        assert_eq!(
            (f.fact, f.note.as_str()),
            (ChainFactKind::Unwilling, "weduwe")
        );
        assert!(r.chain_fact(ChainStep::LegalRepresentative).is_none());
        r.set_chain_fact(ChainStep::Partner, None);
        assert!(r.chain_facts.is_empty());
    }

    #[test]
    fn representatives_and_restrictions_are_added_and_removed() {
        let mut r = Representation::default();
        r.add_representative();
        r.add_representative();
        r.representatives[1].name = "Tim".into();
        r.remove_representative(0);
        r.remove_representative(7);
        assert_eq!(r.representatives.len(), 1);
        assert_eq!(r.representatives[0].name, "Tim");
        r.add_restriction();
        assert_eq!(r.restrictions[0].kind, RestrictionKind::Limited);
        r.remove_restriction(0);
        assert!(r.restrictions.is_empty());
        r.judge_capacity(true, Some(d("2026-11-20")));
        assert_eq!(r.capacity.date, Some(d("2026-11-20")));
        r.judge_capacity(true, Some(d("2026-12-01")));
        assert_eq!(
            r.capacity.date,
            Some(d("2026-11-20")),
            "the first judgement's date stays"
        );
    }

    #[test]
    fn an_alternative_confirmation_is_witnessed_by_the_professional() {
        let mut r = ConsentRecord::default();
        r.professional.name = "Sanne".into();
        r.consent.signers.push(Signer::default());
        r.consent.signers[0].signature.strokes = vec![vec![[1, 1], [2, 2]]];
        r.use_alternative_confirmation(0, true);
        let s = &r.consent.signers[0].signature;
        assert!(s.strokes.is_empty());
        assert_eq!(s.alternative.as_ref().unwrap().witnessed_by, "Sanne");
        r.use_alternative_confirmation(0, false);
        assert!(r.consent.signers[0].signature.alternative.is_none());
        r.use_alternative_confirmation(5, true);
    }

    #[test]
    fn a_withdrawal_can_be_confirmed_instead_of_drawn_and_validates() {
        let consent = ConsentRecord {
            professional: Professional {
                name: "Sanne".into(),
                ..Professional::default()
            },
            ..ConsentRecord::default()
        };
        let mut w = crate::flow::withdrawal_of(
            &consent,
            "h",
            RecordId::parse("6b1f3c2e-8d4a-4b7e-9c1d-2a3b4c5d6e05").unwrap(),
            Date::new(2026, 12, 2).unwrap(),
        );
        w.professional.name = "Sanne".into();
        w.signers.push(Signer::default());
        w.signers[0].signature.strokes = vec![vec![[1, 1], [2, 2]]];
        w.use_alternative_confirmation(0, true);
        let s = &w.signers[0].signature;
        assert!(s.strokes.is_empty(), "the drawing is dropped");
        assert_eq!(s.alternative.as_ref().unwrap().witnessed_by, "Sanne");
        let profile = Profile::landsmeer_ref();
        let on = Date::new(2026, 12, 2).unwrap();
        let reason = |w: &WithdrawalRecord| {
            w.validate(profile, on)
                .iter()
                .any(|f| f.path == "signers[0].signature.alternative.reason")
        };
        assert!(reason(&w), "a confirmation without a reason is refused");
        w.signers[0].signature.alternative.as_mut().unwrap().reason =
            "kan de pen niet vasthouden".into();
        assert!(!reason(&w));
        w.use_alternative_confirmation(0, false);
        assert!(w.signers[0].signature.alternative.is_none());
        w.use_alternative_confirmation(7, true);
    }

    #[test]
    fn veilig_thuis_reports_and_retention() {
        let mut r = ConsentRecord::default();
        r.set_veilig_thuis_reported(true);
        r.set_veilig_thuis_reported(true);
        assert_eq!(r.veilig_thuis.len(), 1);
        assert!(r.veilig_thuis[0].without_consent);
        r.add_veilig_thuis_report();
        r.remove_veilig_thuis_report(0);
        assert_eq!(r.veilig_thuis.len(), 1);
        r.set_veilig_thuis_reported(false);
        assert!(r.veilig_thuis.is_empty());

        r.retention.support_closed = Some(d("2026-03-10"));
        r.use_keep_until(5);
        assert_eq!(r.retention.keep_until, Some(d("2031-12-31")));
        r.reopen_support();
        assert_eq!(r.retention, Retention::default());
    }

    #[test]
    fn a_removed_representative_can_be_put_back() {
        let mut rep = Representation::default();
        for name in ["Eva", "Tom", "Kees"] {
            rep.add_representative();
            rep.representatives.last_mut().unwrap().name = name.into();
        }
        let tom = rep.remove_representative(1).unwrap();
        assert_eq!(rep.remove_representative(7), None);
        rep.restore_representative(1, tom);
        let names: Vec<&str> = rep
            .representatives
            .iter()
            .map(|r| r.name.as_str())
            .collect();
        assert_eq!(names, ["Eva", "Tom", "Kees"]);
    }

    #[test]
    fn partners_are_chosen_once_when_informing() {
        let mut r = ConsentRecord::default();
        r.set_informing_partners(vec!["huisarts".into(), "participatie".into()]);
        assert!(r.set_assent_partners(vec!["huisarts".into()]).is_empty());
        r.set_category(SpecialCategory::Health, true);
        // A partner the client was not told about, chosen for a category: now on the informing
        // list too, and said so.
        let added = r.set_category_partners(
            SpecialCategory::Health,
            vec!["huisarts".into(), "jeugd-en-gezin".into()],
        );
        assert_eq!(added, ["jeugd-en-gezin"]);
        assert_eq!(
            r.informing.partners,
            ["huisarts", "participatie", "jeugd-en-gezin"]
        );
        assert!(r.informing.exchange_intended);
        // Taken off the informing list: off the assent and the category as well.
        r.set_informing_partners(vec!["participatie".into(), "jeugd-en-gezin".into()]);
        assert!(r.assent.provision.partners.is_empty());
        assert_eq!(
            r.category(SpecialCategory::Health).unwrap().partners,
            ["jeugd-en-gezin"]
        );
    }

    #[test]
    fn a_withdrawal_scope_and_a_request_decision() {
        let mut consent = ConsentRecord::default();
        consent.consent.decision = Some(ConsentDecision::Given);
        consent.consent.categories = vec![CategoryConsent {
            category: SpecialCategory::Health,
            purpose: String::new(),
            partners: vec!["huisarts".into(), "jeugdhulpaanbieder".into()],
        }];
        let pair = |p: &str| ScopePair {
            category: SpecialCategory::Health,
            partner: p.into(),
        };
        let mut w = WithdrawalRecord::default();
        w.set_whole(false);
        w.set_pair(&consent, &pair("jeugdhulpaanbieder"), true);
        w.set_pair(&consent, &pair("huisarts"), true);
        w.set_pair(&consent, &pair("huisarts"), true);
        assert_eq!(
            w.scope.pairs,
            [pair("huisarts"), pair("jeugdhulpaanbieder")]
        );
        w.set_pair(&consent, &pair("huisarts"), false);
        assert_eq!(w.scope.pairs, [pair("jeugdhulpaanbieder")]);
        w.set_whole(true);
        assert!(w.scope.pairs.is_empty(), "whole replaces the pairs");

        let mut q = RequestRecord::default();
        q.set_outcome(Some(RequestOutcome::Rejected), d("2026-11-20"));
        q.decision.as_mut().unwrap().reasons = "juist".into();
        q.set_outcome(Some(RequestOutcome::Partly), d("2026-11-25"));
        let dec = q.decision.as_ref().unwrap();
        assert_eq!(
            (dec.outcome, dec.date, dec.reasons.as_str()),
            (RequestOutcome::Partly, Some(d("2026-11-20")), "juist")
        );
        q.set_outcome(None, d("2026-11-25"));
        assert!(q.decision.is_none());

        q.set_partners_informed(vec!["huisarts".into()], d("2026-11-20"));
        q.set_partners_informed(
            vec!["huisarts".into(), "sociaal-team".into()],
            d("2026-11-22"),
        );
        let dates: Vec<_> = q.partners_informed.iter().map(|p| p.date).collect();
        assert_eq!(dates, [Some(d("2026-11-20")), Some(d("2026-11-22"))]);

        q.set_requester_role(Some(RepresentativeRole::Mentor));
        assert_eq!(q.requested_by[0].role, PartyRole::Representative);
        q.set_requester_role(None);
        assert_eq!(q.requested_by[0].role, PartyRole::Client);
    }
}
