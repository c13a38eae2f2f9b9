//! Calendar dates (proleptic Gregorian), serialised as `YYYY-MM-DD`.
//!
//! A small own type instead of `chrono`/`time`: the rules need only parsing,
//! comparison, whole-year ages and day arithmetic, and the wasm bundle stays small.

use core::fmt;

/// A valid calendar date. Construction always checks the day exists.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Why a date string was refused; the message is Dutch and shown to users.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DateError {}

pub const fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub const fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

impl Date {
    /// Years outside 1..=9999 are not representable as `YYYY-MM-DD`.
    pub const MIN_YEAR: i32 = 1;
    pub const MAX_YEAR: i32 = 9999;

    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(Self::MIN_YEAR..=Self::MAX_YEAR).contains(&year) {
            return None;
        }
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    pub fn year(self) -> i32 {
        self.year
    }
    pub fn month(self) -> u8 {
        self.month
    }
    pub fn day(self) -> u8 {
        self.day
    }

    /// Parses exactly `YYYY-MM-DD` and refuses days that do not exist.
    pub fn parse(s: &str) -> Result<Date, DateError> {
        let b = s.as_bytes();
        let digits = |r: core::ops::Range<usize>| -> Option<u32> {
            let mut v = 0u32;
            for &c in &b[r] {
                if !c.is_ascii_digit() {
                    return None;
                }
                v = v * 10 + u32::from(c - b'0');
            }
            Some(v)
        };
        let shape_ok = b.len() == 10 && b[4] == b'-' && b[7] == b'-';
        let parts = if shape_ok {
            digits(0..4).zip(digits(5..7)).zip(digits(8..10))
        } else {
            None
        };
        let Some(((y, m), d)) = parts else {
            return Err(DateError(format!(
                "‘{}’ is geen datum; gebruik de vorm JJJJ-MM-DD, bijvoorbeeld 2026-03-10",
                crate::text::quote(s)
            )));
        };
        if !(1..=12).contains(&m) {
            return Err(DateError(format!(
                "‘{s}’ bestaat niet: er is geen maand {m}"
            )));
        }
        Date::new(y as i32, m as u8, d as u8).ok_or_else(|| {
            DateError(format!(
                "‘{s}’ bestaat niet: {} {y} heeft {} dagen",
                MONTHS_NL[(m - 1) as usize],
                days_in_month(y as i32, m as u8)
            ))
        })
    }

    /// Days since 1970-01-01 (negative before). Howard Hinnant's `days_from_civil`.
    pub fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let m = i64::from(self.month);
        let d = i64::from(self.day);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Inverse of [`Date::to_days`]; `None` outside the representable years.
    pub fn from_days(z: i64) -> Option<Date> {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        let y = i32::try_from(y).ok()?;
        Date::new(y, m as u8, d as u8)
    }

    pub fn add_days(self, n: i64) -> Option<Date> {
        Date::from_days(self.to_days().checked_add(n)?)
    }

    /// 31 December of the given year.
    pub fn end_of_year(year: i32) -> Option<Date> {
        Date::new(year, 12, 31)
    }

    /// Age in whole years on `on`. A person reaches an age on their birthday; someone born
    /// on 29 February reaches it on 1 March in a year without that date (RULES.md **Decision**).
    /// Negative when `on` is before the birth date.
    pub fn age_on(self, on: Date) -> i32 {
        let mut years = on.year - self.year;
        // Comparing (month, day) pairs gives exactly the decision for 29 February:
        // on 28 February of a common year (2, 28) < (2, 29), so the birthday has not come yet;
        // on 1 March it has.
        if (on.month, on.day) < (self.month, self.day) {
            years -= 1;
        }
        years
    }

    /// Dutch long form, e.g. "10 maart 2026".
    pub fn to_dutch(self) -> String {
        format!(
            "{} {} {}",
            self.day,
            MONTHS_NL[(self.month - 1) as usize],
            self.year
        )
    }
}

/// 1970-01-01, the day-number origin; only a fallback value.
impl Default for Date {
    fn default() -> Self {
        Date {
            year: 1970,
            month: 1,
            day: 1,
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl core::str::FromStr for Date {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Date::parse(s)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("een datum als tekst in de vorm JJJJ-MM-DD")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Date, E> {
                Date::parse(v).map_err(|e| E::custom(e.0))
            }
        }
        d.deserialize_str(V)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Kalenderdatum JJJJ-MM-DD (bestaande dag).",
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn parses_and_prints_round_trip() {
        for s in ["2026-03-10", "0001-01-01", "9999-12-31", "2024-02-29"] {
            assert_eq!(d(s).to_string(), s);
        }
    }

    #[test]
    fn refuses_impossible_and_malformed_dates_in_dutch() {
        let e = Date::parse("2026-02-29").unwrap_err();
        assert!(e.0.contains("februari 2026 heeft 28 dagen"), "{e}");
        assert!(Date::parse("2026-13-01")
            .unwrap_err()
            .0
            .contains("geen maand 13"));
        for bad in [
            "2026-1-01",
            "10-03-2026",
            "2026/03/10",
            "",
            "２026-03-10",
            "0000-01-01",
        ] {
            assert!(Date::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn day_numbers_round_trip_across_centuries() {
        assert_eq!(d("1970-01-01").to_days(), 0);
        let mut x = d("1899-12-25");
        for _ in 0..80_000 {
            let n = x.add_days(1).unwrap();
            assert_eq!(n.to_days(), x.to_days() + 1);
            assert_eq!(Date::from_days(n.to_days()), Some(n));
            x = n;
        }
    }

    #[test]
    fn age_boundaries() {
        let b = d("2014-03-10");
        assert_eq!(b.age_on(d("2026-03-09")), 11);
        assert_eq!(b.age_on(d("2026-03-10")), 12);
        assert_eq!(b.age_on(d("2030-03-10")), 16);
        assert_eq!(b.age_on(d("2030-03-09")), 15);
        // 29 February: reached on 1 March in a common year.
        let leap = d("2008-02-29");
        assert_eq!(leap.age_on(d("2024-02-28")), 15);
        assert_eq!(leap.age_on(d("2024-02-29")), 16);
        assert_eq!(leap.age_on(d("2025-02-28")), 16);
        assert_eq!(leap.age_on(d("2020-02-28")), 11);
        assert_eq!(leap.age_on(d("2020-02-29")), 12);
        assert_eq!(leap.age_on(d("2022-02-28")), 13);
        assert_eq!(leap.age_on(d("2022-03-01")), 14);
    }

    #[test]
    fn dutch_long_form() {
        assert_eq!(d("2026-03-10").to_dutch(), "10 maart 2026");
    }
}
