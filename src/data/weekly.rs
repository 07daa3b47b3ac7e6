//! `weekly_arrests_2025.csv`: arrest records counted by week in 2025 (derived, not official).

use serde::{Deserialize, Serialize};

use super::error::DataError;
use super::table::{self, Fields, FirstSeen, Line};
use super::{Confidence, FileInput, SourceCheck};

/// Arrests counted in one week of 2025 (derived from DDP records).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WeeklyCount {
    /// First day of the week (a Sunday).
    pub week_start: jiff::civil::Date,
    /// Arrest records counted that week.
    pub arrests: u64,
    /// Days of the week the data covers (7, or fewer for a partial week).
    pub days_covered: u8,
    /// How the figure is known.
    pub confidence: Confidence,
    /// Id in `sources.csv`.
    pub source_id: String,
}

#[derive(Deserialize)]
struct RawWeekly {
    week_start: String,
    arrests: String,
    #[serde(default)]
    days_covered: String,
    confidence: String,
    source_id: String,
}

pub(super) fn parse_weekly(
    input: &FileInput,
    errors: &mut Vec<DataError>,
    check_source: &SourceCheck<'_>,
) -> Vec<WeeklyCount> {
    let file = input.display.as_str();
    let rows: Vec<Line<RawWeekly>> = table::read(
        file,
        &input.bytes,
        &["week_start", "arrests", "confidence", "source_id"],
        errors,
    );
    let mut seen: FirstSeen<jiff::civil::Date> = FirstSeen::default();
    let mut total: Option<u64> = Some(0);
    let mut out = Vec::new();
    for Line { line, record: r } in rows {
        let mut f = Fields::new(file, line, errors);
        let week_start = f.date("week_start", &r.week_start);
        let arrests = f.whole("arrests", &r.arrests);
        if let (Some(sum), Some(n)) = (total, arrests) {
            total = sum.checked_add(n);
            if total.is_none() {
                f.fail(
                    "arrests",
                    format!(
                        "'{}' takes the series' total above {}, the largest count the model adds up",
                        r.arrests,
                        crate::number::group_thousands(u128::from(u64::MAX))
                    ),
                );
            }
        }
        let days = if r.days_covered.is_empty() {
            Some(7)
        } else {
            f.whole("days_covered", &r.days_covered).and_then(|d| {
                let d = u8::try_from(d).ok().filter(|d| (1..=7).contains(d));
                if d.is_none() {
                    f.fail(
                        "days_covered",
                        format!(
                            "'{}' is not a number of days in a week (expected 1 to 7)",
                            r.days_covered
                        ),
                    );
                }
                d
            })
        };
        let confidence = f.confidence("confidence", &r.confidence);
        let source = f.text("source_id", &r.source_id);
        if let Some(d) = week_start {
            f.once(&mut seen, "week_start", d, &format!("week {d}"));
        }
        check_source(file, line, &r.source_id, errors);
        if let (
            Some(week_start),
            Some(arrests),
            Some(days_covered),
            Some(confidence),
            Some(source_id),
        ) = (week_start, arrests, days, confidence, source)
        {
            out.push(WeeklyCount {
                week_start,
                arrests,
                days_covered,
                confidence,
                source_id,
            });
        }
    }
    out.sort_by_key(|w| w.week_start);
    out
}
