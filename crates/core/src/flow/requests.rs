//! Where a request of the data subject stands (art. 11).

use crate::date::Date;
use crate::model::*;
use crate::validate::{request_deadline, request_has_deadline};

/// Where an open request stands on `today`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestStatus {
    pub deadline: Option<Date>,
    /// Days until the deadline (negative when overdue); `None` without a deadline.
    pub days_left: Option<i64>,
    pub overdue: bool,
    pub open: bool,
}

pub fn request_status(r: &RequestRecord, today: Date) -> RequestStatus {
    let deadline = match (r.kind, r.received) {
        (Some(k), Some(d)) if request_has_deadline(k) => request_deadline(d),
        _ => None,
    };
    let open = r.decision.is_none();
    let days_left = deadline.map(|d| d.to_days() - today.to_days());
    RequestStatus {
        deadline,
        days_left,
        overdue: open && days_left.is_some_and(|n| n < 0),
        open,
    }
}
