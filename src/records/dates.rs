//! Calendar arithmetic and the date forms a release writes: ISO dates and timestamps,
//! US `M/D/YYYY`, and Excel serial day numbers, all as days since 1970-01-01.

/// Days since 1970-01-01 of a civil date (proleptic Gregorian), `None` if invalid.
#[must_use]
pub fn day_number(y: i32, m: u32, d: u32) -> Option<i32> {
    if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i32::try_from(m).ok()?;
    let d = i32::try_from(d).ok()?;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The civil date of a day number.
#[must_use]
pub fn civil(day: i32) -> (i32, u32, u32) {
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    (
        y,
        u32::try_from(m).unwrap_or(1),
        u32::try_from(d).unwrap_or(1),
    )
}

pub(crate) const fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `YYYY-MM-DD` of a day number.
#[must_use]
pub fn iso(day: i32) -> String {
    let (y, m, d) = civil(day);
    format!("{y:04}-{m:02}-{d:02}")
}

fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() || b.len() > 9 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0, |n, c| n * 10 + u32::from(c - b'0')))
}

/// Read a date cell: `2025-01-26`, `2025-01-26T10:30:00`, `2025-01-26 10:30`,
/// `1/26/2025` (M/D/YYYY, optionally with a time), or an Excel serial day number
/// (`45683`, `45683.5`). Days since 1970-01-01; `None` if it is none of these.
#[must_use]
pub fn parse_date(cell: &[u8]) -> Option<i32> {
    let s = cell.trim_ascii();
    if s.len() >= 10 && s[4] == b'-' && s[7] == b'-' {
        if s.len() > 10 && !matches!(s[10], b'T' | b' ') {
            return None;
        }
        let y = i32::try_from(digits(&s[0..4])?).ok()?;
        return day_number(y, digits(&s[5..7])?, digits(&s[8..10])?);
    }
    if let Some(first) = s.iter().position(|&c| c == b'/') {
        let date = s.split(|&c| c == b' ').next()?;
        let mut parts = date.split(|&c| c == b'/');
        let (m, d, y) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || first > 2 || y.len() != 4 {
            return None;
        }
        return day_number(i32::try_from(digits(y)?).ok()?, digits(m)?, digits(d)?);
    }
    let whole = s.split(|&c| c == b'.').next()?;
    let frac_ok = s.len() == whole.len()
        || s[whole.len() + 1..].iter().all(u8::is_ascii_digit) && s.len() > whole.len() + 1;
    let n = i32::try_from(digits(whole)?).ok()?;
    if frac_ok { serial_day(n) } else { None }
}

/// The Excel serial day numbers accepted, in text cells and in XLSX date cells alike:
/// 1 to 120,000, that is 1899-12-31 to 2228-07-18 as counted here (Excel's own calendar,
/// with its 1900-02-29, agrees from 1900-03-01 on).
pub const SERIALS: std::ops::RangeInclusive<i32> = 1..=120_000;

/// Days since 1970-01-01 of a whole Excel serial day number (day 25,569 is
/// 1970-01-01), `None` outside [`SERIALS`].
#[must_use]
pub fn serial_day(serial: i32) -> Option<i32> {
    SERIALS.contains(&serial).then(|| serial - 25_569)
}

/// An XLSX date cell's serial (a fraction is the time of day): days since 1970-01-01,
/// `None` when it is not finite or outside [`SERIALS`].
#[must_use]
pub fn serial_f64_day(serial: f64) -> Option<i32> {
    let whole = serial.floor();
    if !whole.is_finite()
        || whole < f64::from(*SERIALS.start())
        || whole > f64::from(*SERIALS.end())
    {
        return None;
    }
    #[expect(clippy::cast_possible_truncation, reason = "range-checked just above")]
    serial_day(whole as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_every_accepted_form() {
        let d = day_number(2025, 1, 26).unwrap();
        assert_eq!(iso(d), "2025-01-26");
        for text in [
            "2025-01-26",
            "2025-01-26T10:30:00",
            "2025-01-26 10:30",
            "1/26/2025",
            "01/26/2025 8:15",
            "45683",
            "45683.25",
        ] {
            assert_eq!(parse_date(text.as_bytes()), Some(d), "{text}");
        }
        for bad in [
            "",
            "2025-02-30",
            "13/1/2025",
            "26.01.2025",
            "yesterday",
            "2025-01-26x",
            "b(6), b(7)c",
            "0",
            "120001",
        ] {
            assert_eq!(parse_date(bad.as_bytes()), None, "{bad}");
        }
        assert_eq!(iso(day_number(2024, 2, 29).unwrap()), "2024-02-29");
        assert_eq!(day_number(1970, 1, 1), Some(0));
    }

    #[test]
    fn serials_have_one_range_for_text_and_xlsx_cells() {
        assert_eq!(serial_f64_day(45683.75), day_number(2025, 1, 26));
        assert_eq!(iso(serial_day(1).unwrap()), "1899-12-31");
        assert_eq!(iso(serial_day(120_000).unwrap()), "2228-07-18");
        for bad in [0.0, -5.0, 120_001.0, 1e300, f64::NAN, f64::INFINITY, -1e18] {
            assert_eq!(serial_f64_day(bad), None, "{bad}");
        }
    }

    #[test]
    fn civil_undoes_day_number() {
        for day in [-800_000, -1, 0, 1, 19_000, 20_000, 94_431, 2_000_000] {
            let (y, m, d) = civil(day);
            assert_eq!(day_number(y, m, d), Some(day), "{day}");
        }
    }
}
