//! `annual_arrests.csv`: ICE ERO administrative arrests per fiscal year.

use serde::{Deserialize, Serialize};

use super::error::DataError;
use super::table::{self, Fields, FirstSeen, Line};
use super::{Confidence, FileInput, SourceCheck};

/// ICE ERO administrative arrests in one fiscal year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnnualArrests {
    /// The fiscal year (FY2024 ran Oct 1 2023 - Sep 30 2024).
    pub fiscal_year: i32,
    /// Administrative arrests in that year.
    pub arrests: u64,
    /// How the figure is known.
    pub confidence: Confidence,
    /// Id in `sources.csv`.
    pub source_id: String,
    /// A note shown with the figure (e.g. a second official figure).
    pub note: String,
    /// The days the figure covers when they are not the fiscal year's own 365 or 366
    /// (an estimate over its own window: FY2025's 233,042 covers 364 days).
    pub days: Option<u16>,
}

#[derive(Deserialize)]
struct RawAnnual {
    fiscal_year: String,
    arrests: String,
    confidence: String,
    source_id: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    days: String,
}

/// Fiscal years the loader accepts.
pub const FISCAL_YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// The optional `days` column: `Some(None)` when empty, `None` when invalid.
#[expect(
    clippy::option_option,
    reason = "outer: valid or not; inner: given or not"
)]
fn days_field(f: &mut Fields<'_>, raw: &str) -> Option<Option<u16>> {
    let n = f.optional_whole("days", raw)?;
    match n.map(crate::model::input::days_from) {
        None => Some(None),
        Some(Ok(d)) => Some(Some(d)),
        Some(Err(_)) => {
            f.fail(
                "days",
                format!(
                    "'{raw}' is not a number of days a year's figure can cover (expected {} to {}, or empty for the fiscal year's own)",
                    crate::model::DAYS.start(),
                    crate::model::DAYS.end()
                ),
            );
            None
        }
    }
}

pub(super) fn parse_annual(
    input: &FileInput,
    errors: &mut Vec<DataError>,
    check_source: &SourceCheck<'_>,
) -> Vec<AnnualArrests> {
    let file = input.display.as_str();
    let rows: Vec<Line<RawAnnual>> = table::read(
        file,
        &input.bytes,
        &["fiscal_year", "arrests", "confidence", "source_id"],
        errors,
    );
    let mut seen: FirstSeen<i32> = FirstSeen::default();
    let mut out = Vec::new();
    for Line { line, record: r } in rows {
        let mut f = Fields::new(file, line, errors);
        let year = f.whole("fiscal_year", &r.fiscal_year).and_then(|y| {
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
        let arrests = f.whole("arrests", &r.arrests);
        let days = days_field(&mut f, &r.days);
        let confidence = f.confidence("confidence", &r.confidence);
        let source = f.text("source_id", &r.source_id);
        if let Some(y) = year {
            f.once(&mut seen, "fiscal_year", y, &format!("fiscal year {y}"));
        }
        check_source(file, line, &r.source_id, errors);
        if let (Some(fiscal_year), Some(arrests), Some(days), Some(confidence), Some(source_id)) =
            (year, arrests, days, confidence, source)
        {
            out.push(AnnualArrests {
                fiscal_year,
                arrests,
                confidence,
                source_id,
                note: r.note,
                days,
            });
        }
    }
    out.sort_by_key(|a| a.fiscal_year);
    out
}
