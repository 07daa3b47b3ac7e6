//! Reading and checking `detention_stats.csv`: every field, the data-through dates, the
//! days each value covers, completeness, and that book-ins add up.

use std::collections::HashMap;

use jiff::civil::Date;
use serde::Deserialize;

use super::{Agency, Decimal4, Detention, DetentionFigure, Period, Series, days_from_oct_1};
use crate::data::error::DataError;
use crate::data::table::{self, Fields, FirstSeen, Line};
use crate::data::{FISCAL_YEARS, FileInput, SourceCheck};
use crate::number::group_thousands;

/// The days a period covers given the workbook's data-through date, or why it cannot.
fn expected_days(fiscal_year: i32, period: Period, through: Date) -> Result<u16, String> {
    let fy_days = days_from_oct_1(fiscal_year, through);
    match period {
        Period::FiscalYear => fy_days
            .ok_or_else(|| format!("the data-through date {through} is not in FY{fiscal_year}")),
        Period::Month(first) => {
            let fy_of_month = if first.month() >= 10 {
                i32::from(first.year()) + 1
            } else {
                i32::from(first.year())
            };
            if fy_of_month != fiscal_year {
                return Err(format!(
                    "'{period}' is not a month of FY{fiscal_year} (Oct {} - Sep {fiscal_year})",
                    fiscal_year - 1
                ));
            }
            if first > through {
                return Err(format!(
                    "'{period}' is after the data-through date {through}"
                ));
            }
            let days = if first.year() == through.year() && first.month() == through.month() {
                through.day()
            } else {
                first.days_in_month()
            };
            u16::try_from(days).map_err(|_| format!("'{period}' has no days"))
        }
    }
}

#[derive(Deserialize)]
struct RawDetention {
    fiscal_year: String,
    period: String,
    series: String,
    arresting_agency: String,
    value: String,
    days_covered: String,
    data_through: String,
    confidence: String,
    source_id: String,
    #[serde(default)]
    sheet: String,
    #[serde(default)]
    cell: String,
}

/// The columns every copy of the file must have.
pub const REQUIRED: [&str; 9] = [
    "fiscal_year",
    "period",
    "series",
    "arresting_agency",
    "value",
    "days_covered",
    "data_through",
    "confidence",
    "source_id",
];

/// Read and validate `detention_stats.csv`.
pub(in crate::data) fn parse(
    input: &FileInput,
    errors: &mut Vec<DataError>,
    check_source: &SourceCheck<'_>,
) -> Detention {
    let file = input.display.as_str();
    let before = errors.len();
    let rows: Vec<Line<RawDetention>> = table::read(file, &input.bytes, &REQUIRED, errors);
    let mut seen: FirstSeen<(i32, Period, Series, Agency)> = FirstSeen::default();
    let mut through_of: HashMap<i32, (Date, u64)> = HashMap::new();
    let mut figures = Vec::new();
    let mut lines = Vec::new();
    for Line { line, record: r } in rows {
        let mut f = Fields::new(file, line, errors);
        if let Some(figure) = parse_row(&mut f, &r, &mut through_of) {
            let key = (
                figure.fiscal_year,
                figure.period,
                figure.series,
                figure.agency,
            );
            let what = format!(
                "FY{} {} {} {}",
                figure.fiscal_year,
                figure.period,
                figure.series.label(),
                figure.agency.label()
            );
            if f.once(&mut seen, "period", key, &what) {
                figures.push(figure);
                lines.push(line);
            }
        }
        check_source(file, line, &r.source_id, errors);
    }
    let detention = Detention::new(figures);
    if errors.len() == before {
        check_complete(file, &detention, errors);
    }
    if errors.len() == before {
        check_totals(file, &detention, &lines, errors);
    }
    detention
}

fn parse_row(
    f: &mut Fields<'_>,
    r: &RawDetention,
    through_of: &mut HashMap<i32, (Date, u64)>,
) -> Option<DetentionFigure> {
    let fiscal_year = f.whole("fiscal_year", &r.fiscal_year).and_then(|y| {
        let y = i32::try_from(y).ok().filter(|y| FISCAL_YEARS.contains(y));
        if y.is_none() {
            f.fail(
                "fiscal_year",
                format!(
                    "'{}' is not a plausible fiscal year (expected {} to {})",
                    r.fiscal_year,
                    FISCAL_YEARS.start(),
                    FISCAL_YEARS.end()
                ),
            );
        }
        y
    });
    let period = if r.period.eq_ignore_ascii_case("FY") {
        Some(Period::FiscalYear)
    } else {
        let month = (r.period.len() == 7)
            .then(|| table::parse_iso_date(&format!("{}-01", r.period)))
            .flatten();
        if month.is_none() {
            f.fail(
                "period",
                format!(
                    "'{}' is not a month or FY (expected YYYY-MM, or FY for the whole year)",
                    r.period
                ),
            );
        }
        month.map(Period::Month)
    };
    let series = f.choice("series", &r.series, &Series::NAMES);
    let agency = f.choice("arresting_agency", &r.arresting_agency, &Agency::NAMES);
    let value = match Decimal4::parse(&r.value) {
        Ok(v) => Some(v),
        Err(e) => {
            f.fail("value", format!("'{}' {e}", r.value));
            None
        }
    };
    let days_covered = f.whole("days_covered", &r.days_covered);
    let data_through = f.date("data_through", &r.data_through);
    let confidence = f.confidence("confidence", &r.confidence);
    let source_id = f.text("source_id", &r.source_id);
    let (fiscal_year, period, series, agency, value, days_covered, data_through) = (
        fiscal_year?,
        period?,
        series?,
        agency?,
        value?,
        days_covered?,
        data_through?,
    );
    let ok = check_row(
        f,
        r,
        through_of,
        Row {
            fiscal_year,
            period,
            series,
            agency,
            value,
            days_covered,
            data_through,
        },
    );
    let days_covered = u16::try_from(days_covered).ok()?;
    if !ok {
        return None;
    }
    Some(DetentionFigure {
        fiscal_year,
        period,
        series,
        agency,
        value,
        days_covered,
        data_through,
        confidence: confidence?,
        source_id: source_id?,
        sheet: r.sheet.clone(),
        cell: r.cell.clone(),
    })
}

/// The parsed fields of one row, before the checks across fields.
#[derive(Clone, Copy)]
struct Row {
    fiscal_year: i32,
    period: Period,
    series: Series,
    agency: Agency,
    value: Decimal4,
    days_covered: u64,
    data_through: Date,
}

/// The checks across the fields of one row: agency against series, whole counts, one
/// data-through date per workbook, and the days covered.
fn check_row(
    f: &mut Fields<'_>,
    r: &RawDetention,
    through_of: &mut HashMap<i32, (Date, u64)>,
    row: Row,
) -> bool {
    let Row {
        fiscal_year,
        period,
        series,
        agency,
        value,
        days_covered,
        data_through,
    } = row;
    let mut ok = true;
    if series == Series::Removals && (agency != Agency::All || period != Period::FiscalYear) {
        f.fail(
            "arresting_agency",
            format!(
                "removals are given for the whole year only: expected period FY and agency ALL, found '{}' and '{}'",
                r.period, r.arresting_agency
            ),
        );
        ok = false;
    } else if series != Series::Removals && agency == Agency::All {
        f.fail(
            "arresting_agency",
            format!(
                "'{}' is for removals only; {} is broken down by ICE, CBP and TOTAL",
                r.arresting_agency,
                series.label()
            ),
        );
        ok = false;
    }
    if series.is_count() && value.whole().is_none() {
        f.fail(
            "value",
            format!(
                "'{}' is not a whole number; {} is a count",
                r.value,
                series.label()
            ),
        );
        ok = false;
    }
    match through_of.get(&fiscal_year) {
        Some((first, line)) if *first != data_through => {
            f.fail(
                "data_through",
                format!(
                    "'{}' differs from FY{fiscal_year}'s data-through date {first} on line {line}; one workbook has one date",
                    r.data_through
                ),
            );
            ok = false;
        }
        Some(_) => {}
        None => {
            through_of.insert(fiscal_year, (data_through, f.line()));
        }
    }
    match expected_days(fiscal_year, period, data_through) {
        Err(e) => {
            let column = if period == Period::FiscalYear {
                "data_through"
            } else {
                "period"
            };
            f.fail(column, e);
            ok = false;
        }
        Ok(expected) if u64::from(expected) != days_covered => {
            f.fail(
                "days_covered",
                format!(
                    "'{}' does not match the period: {period} of FY{fiscal_year} through {data_through} covers {expected} days",
                    r.days_covered
                ),
            );
            ok = false;
        }
        Ok(_) => {}
    }
    ok
}

/// Book-ins: each year's figure is the sum of its months, and TOTAL is ICE plus CBP.
fn check_totals(file: &str, d: &Detention, lines: &[u64], errors: &mut Vec<DataError>) {
    let line_of = |target: &DetentionFigure| {
        d.figures()
            .iter()
            .position(|f| std::ptr::eq(f, target))
            .and_then(|i| lines.get(i).copied())
            .unwrap_or(0)
    };
    for f in d
        .figures()
        .iter()
        .filter(|f| f.series == Series::InitialBookIns)
    {
        let Some(value) = f.count() else { continue };
        if f.period == Period::FiscalYear {
            let months: Option<u64> = d
                .figures()
                .iter()
                .filter(|m| {
                    m.fiscal_year == f.fiscal_year
                        && m.series == f.series
                        && m.agency == f.agency
                        && m.period != Period::FiscalYear
                })
                .try_fold(0_u64, |sum, m| sum.checked_add(m.count()?));
            match months {
                Some(sum) if sum == value => {}
                Some(sum) => errors.push(DataError::field(
                    file,
                    line_of(f),
                    "value",
                    format!(
                        "'{value}' is not the sum of FY{}'s monthly {} book-ins ({}); expected the year to equal its months",
                        f.fiscal_year,
                        f.agency.label(),
                        group_thousands(u128::from(sum))
                    ),
                )),
                None => errors.push(DataError::field(
                    file,
                    line_of(f),
                    "value",
                    format!("FY{}'s monthly book-ins overflow when added", f.fiscal_year),
                )),
            }
        }
        if f.agency == Agency::Total {
            let part = |a| {
                d.get(f.fiscal_year, f.period, f.series, a)
                    .and_then(DetentionFigure::count)
            };
            if let (Some(ice), Some(cbp)) = (part(Agency::Ice), part(Agency::Cbp))
                && ice.checked_add(cbp) != Some(value)
            {
                errors.push(DataError::field(
                    file,
                    line_of(f),
                    "value",
                    format!(
                        "'{value}' is not ICE plus CBP for FY{} {} ({} + {}); expected TOTAL = ICE + CBP",
                        f.fiscal_year,
                        f.period,
                        group_thousands(u128::from(ice)),
                        group_thousands(u128::from(cbp))
                    ),
                ));
            }
        }
    }
}

/// Every month from October to the data-through date has every series and agency, and
/// every year has its year figures and removals.
fn check_complete(file: &str, d: &Detention, errors: &mut Vec<DataError>) {
    const MONTHLY: [Series; 3] = [
        Series::InitialBookIns,
        Series::AverageDailyPopulation,
        Series::AverageLengthOfStay,
    ];
    let mut missing = Vec::new();
    for w in d.workbooks() {
        let Ok(mut month) = Date::new(i16::try_from(w.fiscal_year - 1).unwrap_or(i16::MAX), 10, 1)
        else {
            continue;
        };
        let mut periods = Vec::new();
        while month <= w.data_through {
            periods.push(Period::Month(month));
            let Ok(next) = month.checked_add(jiff::Span::new().months(1)) else {
                break;
            };
            month = next;
        }
        periods.push(Period::FiscalYear);
        for period in periods {
            for series in MONTHLY {
                for agency in [Agency::Ice, Agency::Cbp, Agency::Total] {
                    if d.get(w.fiscal_year, period, series, agency).is_none() {
                        missing.push(format!(
                            "FY{} {period} {} {}",
                            w.fiscal_year,
                            series.label(),
                            agency.label()
                        ));
                    }
                }
            }
        }
        if d.removals(w.fiscal_year).is_none() {
            missing.push(format!("FY{} FY removals ALL", w.fiscal_year));
        }
    }
    if !missing.is_empty() {
        let n = missing.len();
        let shown: Vec<&str> = missing.iter().take(5).map(String::as_str).collect();
        let more = if n > 5 {
            format!(" and {} more", n - 5)
        } else {
            String::new()
        };
        errors.push(DataError::file(
            file,
            format!(
                "has no row for {}{more}; expected every month from October to the data-through date with book-ins, average daily population and average stay for ICE, CBP and TOTAL, and each year's FY rows and removals",
                shown.join(", ")
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expected_days_follow_the_data_through_date() {
        let through = jiff::civil::date(2026, 4, 4);
        assert_eq!(expected_days(2026, Period::FiscalYear, through), Ok(186));
        assert_eq!(
            expected_days(2026, Period::Month(jiff::civil::date(2026, 4, 1)), through),
            Ok(4)
        );
        assert_eq!(
            expected_days(2026, Period::Month(jiff::civil::date(2026, 2, 1)), through),
            Ok(28)
        );
        assert_eq!(
            expected_days(2026, Period::Month(jiff::civil::date(2026, 5, 1)), through),
            Err("'2026-05' is after the data-through date 2026-04-04".to_string())
        );
        assert_eq!(
            expected_days(2026, Period::Month(jiff::civil::date(2024, 5, 1)), through),
            Err("'2024-05' is not a month of FY2026 (Oct 2025 - Sep 2026)".to_string())
        );
    }
}
