//! Exact decimal numbers: parsing user input, fixed-point arithmetic and display.
//!
//! Scenario inputs (per-office targets, attainment percentages) are stored as whole
//! thousandths ([`Fixed3`]); totals are whole hundred-millionths ([`Amount`]). Both are
//! integers, so `25 x 75 x 365` is exactly `684,375`, never `684374.9999`, and the
//! bounds on the inputs guarantee that no total can overflow a `u128`.

use std::fmt;

/// A non-negative decimal with at most three decimal places, stored as thousandths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Fixed3(u64);

impl Fixed3 {
    /// Zero.
    pub const ZERO: Self = Self(0);

    /// A whole number. Every `u32` fits, so this cannot fail; larger values go through
    /// [`Fixed3::from_whole`].
    #[must_use]
    pub const fn whole(n: u32) -> Self {
        Self(n as u64 * 1000)
    }

    /// A whole number of any size, refused when it does not fit in thousandths.
    ///
    /// # Errors
    /// [`NumberError::TooLarge`] above `u64::MAX / 1000`.
    pub fn from_whole(n: u64) -> Result<Self, NumberError> {
        n.checked_mul(1000)
            .map(Self)
            .ok_or_else(|| NumberError::TooLarge(group_thousands(u128::from(u64::MAX / 1000))))
    }

    /// From a count of thousandths (`75_000` is 75).
    #[must_use]
    pub const fn from_thousandths(t: u64) -> Self {
        Self(t)
    }

    /// The value in thousandths.
    #[must_use]
    pub const fn thousandths(self) -> u64 {
        self.0
    }

    /// The nearest `f64` (for ratios and charts only; never for totals).
    #[must_use]
    #[expect(clippy::cast_precision_loss, reason = "display and ratios only")]
    pub fn to_f64(self) -> f64 {
        self.0 as f64 / 1000.0
    }

    /// The nearest `Fixed3` to a non-negative rational `num / den` (half rounds up).
    /// Returns `None` when `den` is zero or the result does not fit.
    #[must_use]
    pub fn from_ratio(num: u128, den: u128) -> Option<(Self, bool)> {
        if den == 0 {
            return None;
        }
        let scaled = num.checked_mul(1000)?;
        let q = scaled / den;
        let r = scaled % den;
        let rounded = if r * 2 >= den { q + 1 } else { q };
        let exact = r == 0;
        Some((Self(u64::try_from(rounded).ok()?), exact))
    }
}

impl fmt::Display for Fixed3 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_scaled(u128::from(self.0), 3, 3))
    }
}

impl serde::Serialize for Fixed3 {
    /// Whole values serialise as integers, others as the nearest JSON number.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0.is_multiple_of(1000) {
            s.serialize_u64(self.0 / 1000)
        } else {
            s.serialize_f64(self.to_f64())
        }
    }
}

/// Scale of [`Amount`]: one arrest is `100_000_000` units.
pub const AMOUNT_SCALE: u128 = 100_000_000;

/// A non-negative total (arrests), exact to 1e-8 of an arrest.
///
/// `Fixed3 x Fixed3-percent` lands exactly on this scale: thousandths times
/// thousandths of a percent is 1e-3 x 1e-5 = 1e-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Amount(u128);

impl Amount {
    /// Zero.
    pub const ZERO: Self = Self(0);

    /// A whole number of arrests.
    #[must_use]
    pub const fn whole(n: u64) -> Self {
        Self(n as u128 * AMOUNT_SCALE)
    }

    /// From raw units of 1e-8.
    #[must_use]
    pub const fn from_units(units: u128) -> Self {
        Self(units)
    }

    /// Raw units of 1e-8.
    #[must_use]
    pub const fn units(self) -> u128 {
        self.0
    }

    /// True when the amount is a whole number.
    #[must_use]
    pub const fn is_whole(self) -> bool {
        self.0.is_multiple_of(AMOUNT_SCALE)
    }

    /// The nearest `f64` (for ratios and charts only).
    #[must_use]
    #[expect(clippy::cast_precision_loss, reason = "display and ratios only")]
    pub fn to_f64(self) -> f64 {
        self.0 as f64 / AMOUNT_SCALE as f64
    }

    /// Multiply by a whole number, `None` on overflow.
    #[must_use]
    pub fn checked_mul(self, n: u128) -> Option<Self> {
        self.0.checked_mul(n).map(Self)
    }

    /// The absolute difference between two amounts.
    #[must_use]
    pub const fn abs_diff(self, other: Self) -> Self {
        Self(self.0.abs_diff(other.0))
    }

    /// `self / other` as `f64`, `None` when `other` is zero.
    #[must_use]
    #[expect(clippy::cast_precision_loss, reason = "ratios are shown rounded")]
    pub fn ratio(self, other: Self) -> Option<f64> {
        (other.0 != 0).then(|| self.0 as f64 / other.0 as f64)
    }

    /// Display with thousands separators and up to `max_decimals` decimals.
    ///
    /// Trailing zeros are trimmed. If digits beyond `max_decimals` are dropped the
    /// result is prefixed with `~`, so a rounded figure never passes for an exact one.
    #[must_use]
    pub fn display(self, max_decimals: u32) -> String {
        format_scaled(self.0, 8, max_decimals)
    }

    /// The exact value as a plain decimal string (no separators, trimmed), for CSV/JSON.
    #[must_use]
    pub fn plain(self) -> String {
        format_scaled(self.0, 8, 8).replace(',', "")
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display(2))
    }
}

impl serde::Serialize for Amount {
    /// Whole amounts serialise as integers, others as the nearest JSON number.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.is_whole()
            && let Ok(n) = u64::try_from(self.0 / AMOUNT_SCALE)
        {
            return s.serialize_u64(n);
        }
        s.serialize_f64(self.to_f64())
    }
}

/// The exact difference of two amounts, with its sign: the gap beside a ratio.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gap {
    /// How far apart the two are.
    pub magnitude: Amount,
    /// True when the first is below the second.
    pub below: bool,
}

impl Gap {
    /// `a - b`, exactly.
    #[must_use]
    pub fn between(a: Amount, b: Amount) -> Self {
        Self {
            magnitude: a.abs_diff(b),
            below: a < b,
        }
    }

    /// `570,944 more`, `12 fewer` or `no more and no fewer`, with up to `decimals` decimals.
    #[must_use]
    pub fn words(self, decimals: u32) -> String {
        if self.magnitude == Amount::whole(0) {
            return "exactly as many".to_string();
        }
        let word = if self.below { "fewer" } else { "more" };
        format!("{} {word}", self.magnitude.display(decimals))
    }
}

impl serde::Serialize for Gap {
    /// A signed JSON number (negative when below); whole gaps as integers.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let m = self.magnitude;
        if m.is_whole()
            && let Ok(n) = i64::try_from(m.units() / AMOUNT_SCALE)
        {
            return s.serialize_i64(if self.below { -n } else { n });
        }
        let f = m.to_f64();
        s.serialize_f64(if self.below { -f } else { f })
    }
}

/// Format `value / 10^scale` with separators and at most `max_decimals` decimals.
fn format_scaled(value: u128, scale: u32, max_decimals: u32) -> String {
    let max_decimals = max_decimals.min(scale);
    let divisor = 10u128.pow(scale);
    let keep = 10u128.pow(scale - max_decimals);
    let mut rounded = value / keep;
    let dropped = value % keep;
    if dropped * 2 >= keep && keep > 1 {
        rounded += 1;
    }
    let approx = dropped != 0;
    let shown_divisor = divisor / keep;
    let int_part = rounded / shown_divisor;
    let frac_part = rounded % shown_divisor;
    let mut out = String::new();
    if approx {
        out.push('~');
    }
    out.push_str(&group_thousands(int_part));
    if max_decimals > 0 && frac_part != 0 {
        let frac = format!("{:0width$}", frac_part, width = max_decimals as usize);
        out.push('.');
        out.push_str(frac.trim_end_matches('0'));
    }
    out
}

/// `1234567` -> `"1,234,567"`.
#[must_use]
pub fn group_thousands(n: u128) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Format a float with a fixed number of decimals and thousands separators.
///
/// Non-finite values (which the model never produces) show as `n/a`.
#[must_use]
pub fn format_f64(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return "n/a".to_string();
    }
    let s = format!("{:.*}", decimals, x.abs());
    let (int, frac) = s
        .split_once('.')
        .map_or((s.as_str(), None), |(i, f)| (i, Some(f)));
    let grouped = int
        .parse::<u128>()
        .map_or_else(|_| int.to_string(), group_thousands);
    let sign = if x < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "-"
    } else {
        ""
    };
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// Why a number could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NumberError {
    /// Nothing was given.
    #[error("is empty; expected a number")]
    Empty,
    /// Not a number at all.
    #[error("is not a number")]
    NotANumber,
    /// A minus sign.
    #[error("is negative; expected zero or more")]
    Negative,
    /// More decimal places than the value can hold.
    #[error("has more than {0} decimal places")]
    TooPrecise(u32),
    /// Larger than the allowed maximum.
    #[error("is too large (at most {0})")]
    TooLarge(String),
    /// A fraction where a whole number is required.
    #[error("is not a whole number")]
    NotWhole,
}

/// Parse a non-negative decimal such as `75`, `12.5`, `1,200`, `1e12` or `2.5E3` into
/// thousandths. Commas are accepted only as thousands separators (`1,200`, not `1,2`).
///
/// # Errors
/// A [`NumberError`] saying what is wrong with the text.
pub fn parse_thousandths(text: &str) -> Result<u64, NumberError> {
    let s = text.trim();
    if s.is_empty() {
        return Err(NumberError::Empty);
    }
    if let Some(rest) = s.strip_prefix('-') {
        return if parse_thousandths(rest).is_ok() {
            Err(NumberError::Negative)
        } else {
            Err(NumberError::NotANumber)
        };
    }
    let s = s.strip_prefix('+').unwrap_or(s);
    let (mantissa, exponent) = match s.find(['e', 'E']) {
        Some(i) => {
            let exp: i32 = s[i + 1..].parse().map_err(|_| NumberError::NotANumber)?;
            (&s[..i], exp)
        }
        None => (s, 0),
    };
    let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let int_digits = strip_grouping(int_part)?;
    if int_digits.is_empty() && frac_part.is_empty() {
        return Err(NumberError::NotANumber);
    }
    if !frac_part.chars().all(|c| c.is_ascii_digit()) {
        return Err(NumberError::NotANumber);
    }
    // All digits, and where the decimal point sits after applying the exponent.
    let mut digits: String = format!("{int_digits}{frac_part}");
    let point =
        i64::try_from(int_digits.len()).map_err(|_| NumberError::NotANumber)? + i64::from(exponent);
    // Shift so that we keep exactly three decimals.
    let wanted_len = point + 3;
    let current_len = i64::try_from(digits.len()).map_err(|_| NumberError::NotANumber)?;
    if wanted_len < current_len {
        let cut = usize::try_from(wanted_len.max(0)).map_err(|_| NumberError::NotANumber)?;
        if digits[cut..].chars().any(|c| c != '0') {
            return Err(NumberError::TooPrecise(3));
        }
        digits.truncate(cut);
    } else {
        let pad = usize::try_from(wanted_len - current_len).map_err(|_| NumberError::NotANumber)?;
        if pad > 40 {
            return Err(NumberError::TooLarge(group_thousands(u128::from(
                u64::MAX / 1000,
            ))));
        }
        digits.extend(std::iter::repeat_n('0', pad));
    }
    let trimmed = digits.trim_start_matches('0');
    if trimmed.is_empty() {
        return Ok(0);
    }
    trimmed
        .parse::<u64>()
        .map_err(|_| NumberError::TooLarge(group_thousands(u128::from(u64::MAX / 1000))))
}

/// Parse a whole, non-negative number (`113431` or `113,431`).
///
/// # Errors
/// A [`NumberError`] saying what is wrong with the text.
pub fn parse_whole(text: &str) -> Result<u64, NumberError> {
    let s = text.trim();
    if s.is_empty() {
        return Err(NumberError::Empty);
    }
    if let Some(rest) = s.strip_prefix('-') {
        return if parse_whole(rest).is_ok() {
            Err(NumberError::Negative)
        } else {
            Err(NumberError::NotWhole)
        };
    }
    let digits =
        strip_grouping(s.strip_prefix('+').unwrap_or(s)).map_err(|_| NumberError::NotWhole)?;
    if digits.is_empty() {
        return Err(NumberError::NotWhole);
    }
    digits
        .parse::<u64>()
        .map_err(|_| NumberError::TooLarge(group_thousands(u128::from(u64::MAX))))
}

/// Remove thousands separators from an integer part, checking they group by three.
fn strip_grouping(int_part: &str) -> Result<String, NumberError> {
    if !int_part.chars().all(|c| c.is_ascii_digit() || c == ',') {
        return Err(NumberError::NotANumber);
    }
    if int_part.contains(',') {
        let groups: Vec<&str> = int_part.split(',').collect();
        let first_ok = (1..=3).contains(&groups[0].len());
        let rest_ok = groups[1..].iter().all(|g| g.len() == 3);
        if !first_ok || !rest_ok {
            return Err(NumberError::NotANumber);
        }
    }
    Ok(int_part.replace(',', ""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_decimals_into_thousandths() {
        assert_eq!(parse_thousandths("75"), Ok(75_000));
        assert_eq!(parse_thousandths(" 12.5 "), Ok(12_500));
        assert_eq!(parse_thousandths("0.001"), Ok(1));
        assert_eq!(parse_thousandths(".5"), Ok(500));
        assert_eq!(parse_thousandths("1,200"), Ok(1_200_000));
        assert_eq!(parse_thousandths("1e12"), Ok(1_000_000_000_000_000));
        assert_eq!(parse_thousandths("2.5E3"), Ok(2_500_000));
        assert_eq!(parse_thousandths("1500e-3"), Ok(1_500));
        assert_eq!(parse_thousandths("12.5000"), Ok(12_500));
    }

    #[test]
    fn refuses_bad_numbers_with_reasons() {
        assert_eq!(parse_thousandths(""), Err(NumberError::Empty));
        assert_eq!(parse_thousandths("abc"), Err(NumberError::NotANumber));
        assert_eq!(parse_thousandths("-5"), Err(NumberError::Negative));
        assert_eq!(parse_thousandths("1.2345"), Err(NumberError::TooPrecise(3)));
        assert_eq!(parse_thousandths("1,2"), Err(NumberError::NotANumber));
        assert_eq!(parse_thousandths("NaN"), Err(NumberError::NotANumber));
        assert_eq!(parse_thousandths("inf"), Err(NumberError::NotANumber));
        assert!(matches!(
            parse_thousandths("1e30"),
            Err(NumberError::TooLarge(_))
        ));
        assert!(matches!(
            parse_thousandths("1e999999"),
            Err(NumberError::TooLarge(_))
        ));
        assert_eq!(
            parse_thousandths("1e-999999"),
            Err(NumberError::TooPrecise(3))
        );
    }

    #[test]
    fn whole_numbers() {
        assert_eq!(parse_whole("113431"), Ok(113_431));
        assert_eq!(parse_whole("113,431"), Ok(113_431));
        assert_eq!(parse_whole("abc"), Err(NumberError::NotWhole));
        assert_eq!(parse_whole("1.5"), Err(NumberError::NotWhole));
        assert_eq!(parse_whole("-3"), Err(NumberError::Negative));
    }

    #[test]
    fn displays_exactly_or_marks_rounding() {
        assert_eq!(Amount::whole(684_375).display(2), "684,375");
        assert_eq!(Amount::from_units(187_550_000_000).display(2), "1,875.5");
        assert_eq!(Amount::from_units(62_499_375_000).display(2), "~624.99");
        assert_eq!(Amount::from_units(62_499_375_000).plain(), "624.99375");
        assert_eq!(Amount::ZERO.display(2), "0");
        assert_eq!(Fixed3::from_thousandths(12_500).to_string(), "12.5");
        assert_eq!(group_thousands(1_000_000), "1,000,000");
        assert_eq!(format_f64(309.920_765, 1), "309.9");
        assert_eq!(format_f64(12_345.678, 2), "12,345.68");
    }

    #[test]
    fn ratio_to_fixed3_rounds_half_up_and_reports_exactness() {
        assert_eq!(
            Fixed3::from_ratio(1200, 25),
            Some((Fixed3::whole(48), true))
        );
        assert_eq!(
            Fixed3::from_ratio(1200, 7),
            Some((Fixed3::from_thousandths(171_429), false))
        );
        assert_eq!(Fixed3::from_ratio(1, 0), None);
    }
}
