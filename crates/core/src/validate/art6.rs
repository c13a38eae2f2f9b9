//! Art. 6: retention — keep until 31 December of the year support was closed plus the profile's
//! years (RULES.md's decision), longer only with a stated reason.

use super::Ctx;
use crate::date::Date;
use crate::model::*;
use crate::paths;
use crate::person::blank;
use crate::rules::Code;

/// The art. 6 keep-until date: 31 December of (year support closed + retention years).
pub fn keep_until(support_closed: Date, retention_years: u16) -> Option<Date> {
    Date::end_of_year(
        support_closed
            .year()
            .checked_add(i32::from(retention_years))?,
    )
}

/// RETENTION-DATE and RETENTION-LONGER.
pub(super) fn retention(c: &mut Ctx, r: &Retention) {
    let Some(closed) = r.support_closed else {
        return;
    };
    let Some(expected) = keep_until(closed, c.profile.retention_years) else {
        return;
    };
    match r.keep_until {
        None => c.push(
            Code::RetentionDate,
            paths::KEEP_UNTIL,
            format!(
                "De ondersteuning is afgesloten op {}: bewaar tot en met {} ({expected}).",
                closed.to_dutch(),
                expected.to_dutch()
            ),
        ),
        Some(k) if k < expected => c.push(
            Code::RetentionDate,
            paths::KEEP_UNTIL,
            format!(
                "De bewaardatum moet {} zijn ({} jaar na het jaar van afsluiten), niet {}.",
                expected.to_dutch(),
                c.profile.retention_years,
                k.to_dutch()
            ),
        ),
        Some(k) if k > expected && blank(&r.longer_reason) => c.push(
            Code::RetentionLonger,
            paths::LONGER_REASON,
            format!(
                "Bewaren tot {} is langer dan de termijn ({}): noem de wettelijke grondslag of de reden van zorgvuldige ondersteuning.",
                k.to_dutch(),
                expected.to_dutch()
            ),
        ),
        Some(_) => {}
    }
}
