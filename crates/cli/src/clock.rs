//! The back office's clock: timestamps for receipts, and today's date for the commands.

use keukentafel_core::Date;
use std::time::{SystemTime, UNIX_EPOCH};

fn since_epoch(t: SystemTime) -> std::time::Duration {
    t.duration_since(UNIX_EPOCH).unwrap_or_default()
}

/// RFC 3339 in UTC with milliseconds, e.g. `2026-12-02T10:15:30.123Z`.
pub fn rfc3339(t: SystemTime) -> String {
    let d = since_epoch(t);
    let secs = d.as_secs();
    let day = Date::from_days((secs / 86_400) as i64).unwrap_or_default();
    let s = secs % 86_400;
    format!(
        "{day}T{:02}:{:02}:{:02}.{:03}Z",
        s / 3600,
        s / 60 % 60,
        s % 60,
        d.subsec_millis()
    )
}

/// The UTC date of `t`.
pub fn utc_date(t: SystemTime) -> Date {
    Date::from_days((since_epoch(t).as_secs() / 86_400) as i64).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn timestamps_are_rfc3339_utc() {
        let t = UNIX_EPOCH + Duration::from_millis(1_796_206_530_123);
        assert_eq!(rfc3339(t), "2026-12-02T10:15:30.123Z");
        assert_eq!(rfc3339(UNIX_EPOCH), "1970-01-01T00:00:00.000Z");
    }

    #[test]
    fn the_utc_date_turns_at_midnight_utc() {
        let evening = UNIX_EPOCH + Duration::from_secs(1_796_255_999); // 2026-12-02T23:59:59Z
        assert_eq!(utc_date(evening).to_string(), "2026-12-02");
        assert_eq!(
            utc_date(evening + Duration::from_secs(1)).to_string(),
            "2026-12-03"
        );
    }
}
