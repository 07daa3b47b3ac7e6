//! An exact decimal with four places: the workbooks give averages to four places.

use std::fmt;

use serde::Serialize;

use crate::number::group_thousands;

/// A non-negative decimal with at most four places, held exactly as ten-thousandths
/// (the workbooks' averages are given to four places).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Decimal4(u64);

impl Decimal4 {
    /// From a count of ten-thousandths (`437_000` is 43.7).
    #[must_use]
    pub const fn from_ten_thousandths(n: u64) -> Self {
        Self(n)
    }

    /// The value in ten-thousandths.
    #[must_use]
    pub const fn ten_thousandths(self) -> u64 {
        self.0
    }

    /// The value when it is a whole number.
    #[must_use]
    pub const fn whole(self) -> Option<u64> {
        if self.0.is_multiple_of(10_000) {
            Some(self.0 / 10_000)
        } else {
            None
        }
    }

    /// The nearest `f64` (for ratios and charts only).
    #[must_use]
    #[expect(clippy::cast_precision_loss, reason = "ratios and display only")]
    pub fn to_f64(self) -> f64 {
        self.0 as f64 / 10_000.0
    }

    /// Shown with `decimals` places (0 to 4), rounded half up, with thousands separators:
    /// 71,929.4839 is `71,929` at 0 places... and `71,929.5` at 1.
    #[must_use]
    pub fn display(self, decimals: u32) -> String {
        let decimals = decimals.min(4);
        let step = 10_u64.pow(4 - decimals);
        let rounded = self.0 / step + u64::from(self.0 % step * 2 >= step);
        let scale = 10_u64.pow(decimals);
        let int = group_thousands(u128::from(rounded / scale));
        if decimals == 0 {
            int
        } else {
            format!(
                "{int}.{:0width$}",
                rounded % scale,
                width = decimals as usize
            )
        }
    }

    /// Parse `24216.4516`, `43.7` or `36622` (digits, at most four decimals).
    pub(super) fn parse(text: &str) -> Result<Self, String> {
        let (int, frac) = text.split_once('.').unwrap_or((text, ""));
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if text.starts_with('-') && text.len() > 1 && digits(&text[1..].replace('.', "")) {
            return Err("is negative; expected zero or more".to_string());
        }
        if int.is_empty()
            || !digits(int)
            || !digits(frac)
            || (text.contains('.') && frac.is_empty())
        {
            return Err("is not a number (expected digits, like 36622 or 43.7)".to_string());
        }
        if frac.len() > 4 {
            return Err("has more than 4 decimal places".to_string());
        }
        let too_large = || {
            format!(
                "is too large (at most {})",
                group_thousands(u128::from(u64::MAX / 10_000))
            )
        };
        let whole: u64 = int.parse().map_err(|_| too_large())?;
        let frac_value: u64 = format!("{frac:0<4}").parse().unwrap_or(0);
        whole
            .checked_mul(10_000)
            .and_then(|w| w.checked_add(frac_value))
            .map(Self)
            .ok_or_else(too_large)
    }
}

impl fmt::Display for Decimal4 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let frac = format!("{:04}", self.0 % 10_000);
        let frac = frac.trim_end_matches('0');
        if frac.is_empty() {
            write!(f, "{}", self.0 / 10_000)
        } else {
            write!(f, "{}.{frac}", self.0 / 10_000)
        }
    }
}

impl Serialize for Decimal4 {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.whole() {
            Some(n) => s.serialize_u64(n),
            None => s.serialize_f64(self.to_f64()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal4_parses_exactly_and_refuses_what_it_cannot_hold() {
        assert_eq!(Decimal4::parse("24216.4516"), Ok(Decimal4(242_164_516)));
        assert_eq!(Decimal4::parse("43.7"), Ok(Decimal4(437_000)));
        assert_eq!(Decimal4::parse("36622"), Ok(Decimal4(366_220_000)));
        assert_eq!(
            Decimal4::parse("1.23456"),
            Err("has more than 4 decimal places".to_string())
        );
        assert_eq!(
            Decimal4::parse("-3"),
            Err("is negative; expected zero or more".to_string())
        );
        assert!(Decimal4::parse("1e3").is_err());
        assert!(Decimal4::parse("4.").is_err());
        assert!(Decimal4::parse(".5").is_err());
        assert_eq!(
            Decimal4::parse("18446744073709552"),
            Err("is too large (at most 1,844,674,407,370,955)".to_string())
        );
    }

    #[test]
    fn decimal4_display_rounds_half_up() {
        let v = Decimal4(719_294_839);
        assert_eq!(v.display(0), "71,929");
        assert_eq!(v.display(1), "71,929.5");
        assert_eq!(v.display(4), "71,929.4839");
        assert_eq!(Decimal4(437_000).display(1), "43.7");
        assert_eq!(Decimal4(5).display(3), "0.001");
        assert_eq!(Decimal4(437_000).to_string(), "43.7");
    }
}
