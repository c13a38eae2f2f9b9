//! The seven steps of the consent form: their order and names, which step holds a field, the
//! element id of a field, and what may block signing.

use crate::model::*;
use crate::rules::{Code, Finding, Severity};

/// The seven steps of the form, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Step {
    Gesprek,
    Vertegenwoordiging,
    Uitleg,
    Instemming,
    Bijzonder,
    Uitzonderingen,
    Controle,
}

impl Step {
    pub const ALL: [Step; 7] = [
        Step::Gesprek,
        Step::Vertegenwoordiging,
        Step::Uitleg,
        Step::Instemming,
        Step::Bijzonder,
        Step::Uitzonderingen,
        Step::Controle,
    ];

    pub fn number(self) -> usize {
        self as usize + 1
    }

    pub fn title_nl(self) -> &'static str {
        match self {
            Step::Gesprek => "Gesprek en cliënt",
            Step::Vertegenwoordiging => "Vertegenwoordiging",
            Step::Uitleg => "Uitleg aan de cliënt",
            Step::Instemming => "Instemming",
            Step::Bijzonder => "Bijzondere persoonsgegevens",
            Step::Uitzonderingen => "Uitzonderingen en Veilig Thuis",
            Step::Controle => "Controle en ondertekenen",
        }
    }

    /// A stable identifier for URLs, storage and tests.
    pub fn slug(self) -> &'static str {
        match self {
            Step::Gesprek => "gesprek",
            Step::Vertegenwoordiging => "vertegenwoordiging",
            Step::Uitleg => "uitleg",
            Step::Instemming => "instemming",
            Step::Bijzonder => "bijzonder",
            Step::Uitzonderingen => "uitzonderingen",
            Step::Controle => "controle",
        }
    }

    pub fn from_slug(s: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|x| x.slug() == s)
    }

    pub fn next(self) -> Option<Step> {
        Step::ALL.get(self as usize + 1).copied()
    }

    pub fn previous(self) -> Option<Step> {
        (self as usize).checked_sub(1).map(|i| Step::ALL[i])
    }
}

/// The step whose screen holds the field at `path`.
pub fn step_for_path(path: &str) -> Step {
    let head = path.split(['.', '[']).next().unwrap_or("");
    match head {
        "representation" => Step::Vertegenwoordiging,
        "informing" | "assent" => Step::Instemming,
        "consent" if path.starts_with("consent.signers") => Step::Controle,
        "consent" => Step::Bijzonder,
        "exception" | "veiligThuis" => Step::Uitzonderingen,
        "retention" => Step::Controle,
        _ => Step::Gesprek,
    }
}

/// The HTML id of the input for `path`: `consent.categories[0].purpose` → `veld-consent-categories-0-purpose`.
pub fn field_id(path: &str) -> String {
    let mut id = String::from("veld");
    for part in path.split(['.', '[', ']']).filter(|p| !p.is_empty()) {
        id.push('-');
        id.push_str(part);
    }
    id
}

/// Findings whose field is `path` or lies inside it.
pub fn findings_at<'a>(
    findings: &'a [Finding],
    path: &'a str,
) -> impl Iterator<Item = &'a Finding> {
    findings.iter().filter(move |f| {
        f.path == path
            || f.path
                .strip_prefix(path)
                .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
    })
}

/// Whether the exceptions step applies: assent or consent refused or not asked, or data given
/// to Veilig Thuis, or processing without consent already recorded.
pub fn exceptions_relevant(r: &ConsentRecord) -> bool {
    matches!(
        r.assent.outcome,
        Some(AssentOutcome::Refused | AssentOutcome::NotAsked)
    ) || matches!(
        r.consent.decision,
        Some(ConsentDecision::Refused | ConsentDecision::Deferred)
    ) || !r.veilig_thuis.is_empty()
        || r.exception.processing_continues
}

/// Errors that must be solved before the signature pads are offered: every error except the
/// missing signatures themselves.
pub fn signing_blockers(findings: &[Finding]) -> Vec<&Finding> {
    findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .filter(|f| !(f.code == Code::ConsentSignatures && f.path.starts_with("consent.signers")))
        .collect()
}

/// Where a step of the form stands, as the step bar shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepStatus {
    /// Not opened yet (and there is something to fill).
    NotVisited,
    /// Open points (errors) in this step.
    Open(usize),
    /// Visited, and nothing is open.
    Done,
    /// The step does not apply to this record (exceptions when all was given).
    NotApplicable,
}

impl StepStatus {
    pub fn label_nl(self) -> String {
        match self {
            StepStatus::NotVisited => "nog niet bekeken".into(),
            StepStatus::Open(n) => format!("{n} open"),
            StepStatus::Done => "in orde".into(),
            StepStatus::NotApplicable => "niet van toepassing".into(),
        }
    }
}

impl Step {
    /// Whether the step has nothing to fill in (the explanation is read out, not filled).
    pub fn nothing_to_fill(self) -> bool {
        self == Step::Uitleg
    }
}

/// The status of `step`: "in orde" only when it was visited (or has nothing to fill) and has no
/// open point; a step not opened yet says so.
pub fn step_status(
    step: Step,
    findings: &[Finding],
    visited: bool,
    r: &ConsentRecord,
) -> StepStatus {
    let open = findings
        .iter()
        .filter(|f| f.severity == Severity::Error && step_for_path(&f.path) == step)
        .count();
    if step == Step::Uitzonderingen && open == 0 && !exceptions_relevant(r) {
        return StepStatus::NotApplicable;
    }
    if !visited && !step.nothing_to_fill() {
        return StepStatus::NotVisited;
    }
    if open > 0 {
        StepStatus::Open(open)
    } else {
        StepStatus::Done
    }
}

/// How many steps are in order (done, or not applicable).
pub fn steps_done(findings: &[Finding], visited: &[Step], r: &ConsentRecord) -> usize {
    Step::ALL
        .iter()
        .filter(|s| {
            matches!(
                step_status(**s, findings, visited.contains(s), r),
                StepStatus::Done | StepStatus::NotApplicable
            )
        })
        .count()
}
