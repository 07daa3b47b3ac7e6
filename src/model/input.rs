//! One validator per scenario input: its bounds and the words for them live here, and the
//! command line, the screen, saved files and the data loader all call these functions, so
//! a value is accepted or refused the same way, with the same sentence, everywhere.

use std::fmt;

use crate::number::{Fixed3, NumberError, group_thousands, parse_thousandths, parse_whole};

/// Largest per-office daily target accepted (one trillion).
pub const MAX_PER_OFFICE: Fixed3 = Fixed3::from_thousandths(1_000_000_000_000_000);
/// Largest attainment accepted, in percent.
pub const MAX_ATTAINMENT: Fixed3 = Fixed3::whole(1000);
/// Accepted days per year.
pub const DAYS: std::ops::RangeInclusive<u16> = 1..=366;
/// Accepted ramp-up lengths, in weeks.
pub const RAMP_WEEKS: std::ops::RangeInclusive<u32> = 0..=52;

/// A scenario input that a person types, a file holds or a flag gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// The number of field offices making arrests.
    Offices,
    /// The uniform daily target per office.
    PerOffice,
    /// One office's own daily target.
    OfficeTarget,
    /// The percent of the target met.
    Attainment,
    /// Days per year on which arrests are made.
    Days,
    /// Weeks to ramp up to the target.
    RampWeeks,
    /// The capacity check's average stay in detention, in days.
    StayDays,
    /// The capacity check's percent of arrests detained.
    DetainedShare,
    /// The capacity check's funded beds.
    Beds,
    /// The capacity check's officers making arrests.
    Officers,
    /// The capacity check's percent of arrests made at large.
    AtLargeShare,
}

impl Input {
    /// The input's name in messages (`per-office target`).
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Offices => "offices",
            Self::PerOffice => "per-office target",
            Self::OfficeTarget => "office target",
            Self::Attainment => "attainment",
            Self::Days => "days",
            Self::RampWeeks => "ramp weeks",
            Self::StayDays => "average stay",
            Self::DetainedShare => "detained share",
            Self::Beds => "beds",
            Self::Officers => "officers",
            Self::AtLargeShare => "at-large share",
        }
    }

    /// What the input accepts, in words.
    #[must_use]
    pub fn expected(self) -> String {
        match self {
            Self::Offices => format!(
                "a whole number from 0 to {}",
                group_thousands(u32::MAX.into())
            ),
            Self::PerOffice | Self::OfficeTarget => {
                format!("a number from 0 to {MAX_PER_OFFICE} a day, with at most 3 decimals")
            }
            Self::Attainment => {
                format!("a percent from 0 to {MAX_ATTAINMENT}, with at most 3 decimals")
            }
            Self::Days => format!(
                "a whole number of days from {} to {}",
                DAYS.start(),
                DAYS.end()
            ),
            Self::RampWeeks => format!(
                "a whole number of weeks from {} to {}",
                RAMP_WEEKS.start(),
                RAMP_WEEKS.end()
            ),
            Self::StayDays => format!(
                "a number of days above 0 and at most {}, with at most 4 decimals",
                group_thousands(MAX_STAY_DAYS.into())
            ),
            Self::DetainedShare | Self::AtLargeShare => {
                "a percent from 0 to 100, with at most 3 decimals".to_string()
            }
            Self::Beds => format!(
                "a whole number from 1 to {}",
                group_thousands(MAX_BEDS.into())
            ),
            Self::Officers => format!(
                "a whole number from 1 to {}",
                group_thousands(MAX_OFFICERS.into())
            ),
        }
    }
}

/// Longest average stay accepted by the capacity check, in days (ten years).
pub const MAX_STAY_DAYS: u64 = 3650;
/// Largest bed count accepted by the capacity check.
pub const MAX_BEDS: u64 = 10_000_000;
/// Largest officer count accepted by the capacity check.
pub const MAX_OFFICERS: u64 = 10_000_000;

/// A value refused for an input: which input, the value as given, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// The input.
    pub input: Input,
    /// The value as given (control characters escaped, long values cut).
    pub value: String,
    /// What is wrong with it, e.g. `is not a number`.
    pub problem: &'static str,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.value.is_empty() {
            return write!(
                f,
                "{} is empty; expected {}",
                self.input.name(),
                self.input.expected()
            );
        }
        write!(
            f,
            "{} '{}' {}; expected {}",
            self.input.name(),
            self.value,
            self.problem,
            self.input.expected()
        )
    }
}

impl std::error::Error for InputError {}

impl InputError {
    fn new(input: Input, value: &str, problem: &'static str) -> Self {
        Self {
            input,
            value: crate::text::echo(value.trim()),
            problem,
        }
    }

    fn number(input: Input, value: &str, e: &NumberError) -> Self {
        let problem = match e {
            NumberError::Empty => "is empty",
            NumberError::NotANumber => "is not a number",
            NumberError::Negative => "is negative",
            NumberError::TooPrecise(_) => "has more than 3 decimal places",
            NumberError::TooLarge(_) => "is too large",
            NumberError::NotWhole => "is not a whole number",
        };
        Self::new(input, value, problem)
    }
}

/// The number of offices in `text`.
///
/// # Errors
/// Not a whole number, negative, or above `u32::MAX`.
pub fn parse_offices(text: &str) -> Result<u32, InputError> {
    let n = parse_whole(text).map_err(|e| InputError::number(Input::Offices, text, &e))?;
    offices_from(n).map_err(|e| InputError::new(Input::Offices, text, e.problem))
}

/// An office count given as a number (from a file).
///
/// # Errors
/// Above `u32::MAX`.
pub fn offices_from(n: u64) -> Result<u32, InputError> {
    u32::try_from(n)
        .map_err(|_| InputError::new(Input::Offices, &group_thousands(n.into()), "is too large"))
}

/// A daily target (`input` is [`Input::PerOffice`] or [`Input::OfficeTarget`]) in `text`.
///
/// # Errors
/// Not a number, negative, more than 3 decimals, or above [`MAX_PER_OFFICE`].
pub fn parse_target(input: Input, text: &str) -> Result<Fixed3, InputError> {
    let t = parse_thousandths(text).map_err(|e| InputError::number(input, text, &e))?;
    check_target(input, Fixed3::from_thousandths(t))
        .map_err(|e| InputError::new(input, text, e.problem))
}

/// A daily target given as a value.
///
/// # Errors
/// Above [`MAX_PER_OFFICE`].
pub fn check_target(input: Input, t: Fixed3) -> Result<Fixed3, InputError> {
    if t > MAX_PER_OFFICE {
        return Err(InputError::new(input, &t.to_string(), "is too large"));
    }
    Ok(t)
}

/// An attainment percent in `text` (a trailing `%` is allowed).
///
/// # Errors
/// Not a number, negative, more than 3 decimals, or above [`MAX_ATTAINMENT`].
pub fn parse_attainment(text: &str) -> Result<Fixed3, InputError> {
    let bare = text.trim().trim_end_matches('%');
    let t = parse_thousandths(bare).map_err(|e| InputError::number(Input::Attainment, text, &e))?;
    check_attainment(Fixed3::from_thousandths(t))
        .map_err(|e| InputError::new(Input::Attainment, text, e.problem))
}

/// An attainment given as a value.
///
/// # Errors
/// Above [`MAX_ATTAINMENT`].
pub fn check_attainment(t: Fixed3) -> Result<Fixed3, InputError> {
    if t > MAX_ATTAINMENT {
        return Err(InputError::new(
            Input::Attainment,
            &t.to_string(),
            "is too large",
        ));
    }
    Ok(t)
}

/// Days per year in `text`.
///
/// # Errors
/// Not a whole number, or outside [`DAYS`].
pub fn parse_days(text: &str) -> Result<u16, InputError> {
    let n = parse_whole(text).map_err(|e| InputError::number(Input::Days, text, &e))?;
    days_from(n).map_err(|e| InputError::new(Input::Days, text, e.problem))
}

/// Days per year given as a number.
///
/// # Errors
/// Outside [`DAYS`].
pub fn days_from(n: u64) -> Result<u16, InputError> {
    u16::try_from(n)
        .ok()
        .filter(|d| DAYS.contains(d))
        .ok_or_else(|| InputError::new(Input::Days, &group_thousands(n.into()), "is out of range"))
}

/// Ramp-up weeks in `text`.
///
/// # Errors
/// Not a whole number, or outside [`RAMP_WEEKS`].
pub fn parse_ramp_weeks(text: &str) -> Result<u32, InputError> {
    let n = parse_whole(text).map_err(|e| InputError::number(Input::RampWeeks, text, &e))?;
    ramp_weeks_from(n).map_err(|e| InputError::new(Input::RampWeeks, text, e.problem))
}

/// Ramp-up weeks given as a number.
///
/// # Errors
/// Outside [`RAMP_WEEKS`].
pub fn ramp_weeks_from(n: u64) -> Result<u32, InputError> {
    u32::try_from(n)
        .ok()
        .filter(|w| RAMP_WEEKS.contains(w))
        .ok_or_else(|| {
            InputError::new(
                Input::RampWeeks,
                &group_thousands(n.into()),
                "is out of range",
            )
        })
}

/// The capacity check's average stay in `text`, in days.
///
/// # Errors
/// Not a number, not above 0, more than 4 decimals, or above [`MAX_STAY_DAYS`].
pub fn parse_stay_days(text: &str) -> Result<crate::capacity::StayDays, InputError> {
    let input = Input::StayDays;
    let t = text.trim();
    // Thousandths of ten times the value are ten-thousandths of the value.
    let scaled = if t.is_empty() || t.contains(['e', 'E']) {
        parse_thousandths(t).map(|n| n.checked_mul(10))
    } else {
        parse_thousandths(&format!("{t}e1")).map(Some)
    };
    let n = match scaled {
        Ok(Some(n)) if n <= MAX_STAY_DAYS * 10_000 => n,
        Ok(_) | Err(NumberError::TooLarge(_)) => {
            return Err(InputError::new(input, text, "is too large"));
        }
        Err(NumberError::TooPrecise(_)) => {
            return Err(InputError::new(
                input,
                text,
                "has more than 4 decimal places",
            ));
        }
        Err(e) => return Err(InputError::number(input, text, &e)),
    };
    if n == 0 {
        return Err(InputError::new(input, text, "is not above 0"));
    }
    Ok(crate::capacity::StayDays::from_ten_thousandths(n))
}

/// A capacity share (`input` is [`Input::DetainedShare`] or [`Input::AtLargeShare`])
/// in `text`, in percent (a trailing `%` is allowed).
///
/// # Errors
/// Not a number, negative, more than 3 decimals, or above 100.
pub fn parse_share(input: Input, text: &str) -> Result<Fixed3, InputError> {
    let bare = text.trim().trim_end_matches('%');
    let t = parse_thousandths(bare).map_err(|e| InputError::number(input, text, &e))?;
    if t > 100_000 {
        return Err(InputError::new(input, text, "is above 100%"));
    }
    Ok(Fixed3::from_thousandths(t))
}

/// A capacity count (`input` is [`Input::Beds`] or [`Input::Officers`]) in `text`.
///
/// # Errors
/// Not a whole number, zero, or above [`MAX_BEDS`] / [`MAX_OFFICERS`].
pub fn parse_count(input: Input, text: &str) -> Result<u64, InputError> {
    let n = parse_whole(text).map_err(|e| InputError::number(input, text, &e))?;
    let max = if input == Input::Officers {
        MAX_OFFICERS
    } else {
        MAX_BEDS
    };
    match n {
        0 => Err(InputError::new(input, text, "is zero")),
        n if n > max => Err(InputError::new(input, text, "is too large")),
        n => Ok(n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_input_has_one_sentence_for_each_problem() {
        assert_eq!(
            parse_target(Input::PerOffice, "abc")
                .unwrap_err()
                .to_string(),
            "per-office target 'abc' is not a number; expected a number from 0 to \
             1,000,000,000,000 a day, with at most 3 decimals"
        );
        assert_eq!(
            parse_target(Input::OfficeTarget, "2e12")
                .unwrap_err()
                .to_string(),
            "office target '2e12' is too large; expected a number from 0 to \
             1,000,000,000,000 a day, with at most 3 decimals"
        );
        assert_eq!(
            parse_attainment("1001%").unwrap_err().to_string(),
            "attainment '1001%' is too large; expected a percent from 0 to 1,000, with at most 3 decimals"
        );
        assert_eq!(
            parse_days("0").unwrap_err().to_string(),
            "days '0' is out of range; expected a whole number of days from 1 to 366"
        );
        assert_eq!(
            parse_offices("-3").unwrap_err().to_string(),
            "offices '-3' is negative; expected a whole number from 0 to 4,294,967,295"
        );
        assert_eq!(
            parse_ramp_weeks("53").unwrap_err().to_string(),
            "ramp weeks '53' is out of range; expected a whole number of weeks from 0 to 52"
        );
        assert_eq!(
            parse_offices(" ").unwrap_err().to_string(),
            "offices is empty; expected a whole number from 0 to 4,294,967,295"
        );
    }

    #[test]
    fn accepted_values_round_trip() {
        assert_eq!(
            parse_target(Input::PerOffice, "1,000,000,000,000"),
            Ok(MAX_PER_OFFICE)
        );
        assert_eq!(parse_attainment("60%"), Ok(Fixed3::whole(60)));
        assert_eq!(parse_days("366"), Ok(366));
        assert_eq!(parse_offices("4294967295"), Ok(u32::MAX));
        assert_eq!(
            offices_from(u64::from(u32::MAX) + 1).unwrap_err().value,
            "4,294,967,296"
        );
        assert_eq!(parse_ramp_weeks("52"), Ok(52));
    }

    #[test]
    fn an_echoed_value_is_made_safe() {
        let e = parse_offices(&format!("\x1b[2J{}", "9".repeat(200))).unwrap_err();
        assert!(e.value.starts_with("\\x1b[2J"));
        assert!(e.value.ends_with('…'));
        assert_eq!(e.value.chars().count(), crate::text::MAX_ECHO);
    }
}
