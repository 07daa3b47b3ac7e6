//! `quotas.csv`: reported arrest and removal targets (the presets come from these).

use serde::{Deserialize, Serialize};

use super::error::DataError;
use super::table::{self, Fields, FirstSeen, Line};
use super::{Confidence, FileInput, SourceCheck};
use crate::model::{MAX_PER_OFFICE, Scenario};
use crate::number::{Fixed3, group_thousands};

/// What a reported target counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuotaKind {
    /// Arrests: comparable with the scenario.
    Arrests,
    /// Removals (deportations): a different count, shown for context only.
    Removals,
}

/// The unit of a reported target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuotaUnit {
    /// A national figure per day.
    PerDay,
    /// A figure per field office per day.
    PerOfficePerDay,
    /// A national figure per year.
    PerYear,
}

/// A reported target or quota.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quota {
    /// Short id (`wapo-national`), also the preset id.
    pub id: String,
    /// Date reported (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`).
    pub date: String,
    /// The outlet that reported it.
    pub outlet: String,
    /// Arrests or removals.
    pub kind: QuotaKind,
    /// Per day, per office per day, or per year.
    pub unit: QuotaUnit,
    /// Low end of the range.
    pub low: u64,
    /// High end of the range (equal to `low` for a single figure).
    pub high: u64,
    /// Number of offices the report names, if any.
    pub offices: Option<u64>,
    /// How the figure is known.
    pub confidence: Confidence,
    /// Id in `sources.csv`.
    pub source_id: String,
    /// Link to the report, if one is known.
    pub url: String,
    /// A short quote.
    pub quote: String,
}

impl Quota {
    /// `1,200-1,500` or `75`.
    #[must_use]
    pub fn range_text(&self) -> String {
        use crate::number::group_thousands;
        if self.low == self.high {
            group_thousands(u128::from(self.low))
        } else {
            format!(
                "{}-{}",
                group_thousands(u128::from(self.low)),
                group_thousands(u128::from(self.high))
            )
        }
    }

    /// The target in words: `1,200-1,500 arrests a day`.
    #[must_use]
    pub fn describe(&self) -> String {
        let what = match self.kind {
            QuotaKind::Arrests => "arrests",
            QuotaKind::Removals => "removals",
        };
        let unit = match self.unit {
            QuotaUnit::PerDay => " a day".to_string(),
            QuotaUnit::PerYear => " a year".to_string(),
            QuotaUnit::PerOfficePerDay => match self.offices {
                Some(n) => format!(" a day per office x {n} offices"),
                None => " a day per field office".to_string(),
            },
        };
        format!("{} {what}{unit}", self.range_text())
    }
}

#[derive(Deserialize)]
struct RawQuota {
    id: String,
    date: String,
    outlet: String,
    kind: String,
    unit: String,
    low: String,
    high: String,
    #[serde(default)]
    offices: String,
    confidence: String,
    source_id: String,
    #[serde(default)]
    url: String,
    #[serde(default)]
    quote: String,
}

/// A reported statement against the quotas, shown wherever they are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CounterStatement {
    /// When it was made.
    pub date: &'static str,
    /// Who made it, and to whom.
    pub speaker: &'static str,
    /// Its words.
    pub quote: &'static str,
    /// How it is known.
    pub confidence: Confidence,
    /// Id in `sources.csv` of the report that carries it.
    pub source_id: &'static str,
    /// The outlet and date of that report.
    pub reported_by: &'static str,
}

/// The Justice Department's August 2025 statement to the Ninth Circuit (reported).
pub const QUOTA_COUNTER_STATEMENT: CounterStatement = CounterStatement {
    date: "2025-08",
    speaker: "the Justice Department told the Ninth Circuit",
    quote: "neither ICE leadership nor its field offices have been directed to meet any numerical quota or target for arrests",
    confidence: Confidence::Reported,
    source_id: "newrepublic-2025-08-04",
    reported_by: "The New Republic, 2025-08-04",
};

impl CounterStatement {
    /// The statement in one sentence, labelled as a reported counter-statement.
    #[must_use]
    pub fn sentence(&self) -> String {
        format!(
            "Reported counter-statement: in August 2025 {} that \"{}\" ({}, {}).",
            self.speaker,
            self.quote,
            self.reported_by,
            self.confidence.label()
        )
    }
}

/// The words of the `kind` column.
const KINDS: [(&str, QuotaKind); 2] = [
    ("arrests", QuotaKind::Arrests),
    ("removals", QuotaKind::Removals),
];

/// The words of the `unit` column.
const UNITS: [(&str, QuotaUnit); 3] = [
    ("per_day", QuotaUnit::PerDay),
    ("per_office_per_day", QuotaUnit::PerOfficePerDay),
    ("per_year", QuotaUnit::PerYear),
];

/// The office counts a quota may name (office counts are `u32`; zero offices cannot
/// share a target).
const OFFICES: std::ops::RangeInclusive<u64> = 1..=u32::MAX as u64;

/// Why an arrest quota of `value` cannot be a scenario, if it cannot: its per-office
/// target (over `offices` offices, and 365 days for a yearly figure) is above the model's
/// largest, or rounds to zero.
fn out_of_bounds(value: u64, unit: QuotaUnit, offices: u32) -> Option<String> {
    let max = group_thousands(u128::from(MAX_PER_OFFICE.thousandths() / 1000));
    let days = u128::from(Scenario::default().days);
    let per_office = match unit {
        QuotaUnit::PerOfficePerDay => Fixed3::from_whole(value).ok(),
        QuotaUnit::PerDay => {
            Fixed3::from_ratio(u128::from(value), u128::from(offices)).map(|t| t.0)
        }
        QuotaUnit::PerYear => {
            Fixed3::from_ratio(u128::from(value), u128::from(offices) * days).map(|t| t.0)
        }
    };
    let spread = match unit {
        QuotaUnit::PerOfficePerDay => String::new(),
        QuotaUnit::PerDay => format!(" over {offices} offices"),
        QuotaUnit::PerYear => format!(" over {offices} offices and {days} days"),
    };
    match per_office {
        Some(t) if t > MAX_PER_OFFICE => Some(format!(
            "is {t} a day per office{spread}, above the largest per-office target the model accepts ({max} a day)"
        )),
        None => Some(format!(
            "is above the largest per-office target the model accepts ({max} a day{spread})"
        )),
        Some(t) if t == Fixed3::ZERO => Some(if value == 0 {
            "is zero; an arrest target is at least 1".to_string()
        } else {
            format!(
                "is under 0.0005 a day per office{spread}, which rounds to 0; the model holds targets to 0.001"
            )
        }),
        Some(_) => None,
    }
}

/// The `offices` column: `Some(None)` when empty, `None` when invalid or outside
/// [`OFFICES`].
#[expect(
    clippy::option_option,
    reason = "outer: valid or not; inner: given or not"
)]
fn offices_field(f: &mut Fields<'_>, raw: &str) -> Option<Option<u32>> {
    match f.optional_whole("offices", raw)? {
        Some(n) if !OFFICES.contains(&n) => {
            f.fail(
                "offices",
                format!(
                    "'{raw}' is not an office count the model holds (expected {} to {})",
                    OFFICES.start(),
                    group_thousands(u128::from(*OFFICES.end()))
                ),
            );
            None
        }
        n => Some(n.and_then(|n| u32::try_from(n).ok())),
    }
}

/// Each end of an arrest quota must make a per-office target the model holds.
fn check_bounds(
    f: &mut Fields<'_>,
    unit: QuotaUnit,
    offices: u32,
    ends: [(&str, &str, Option<u64>); 2],
) {
    for (column, raw, value) in ends {
        if let Some(problem) = value.and_then(|v| out_of_bounds(v, unit, offices)) {
            f.fail(column, format!("'{raw}' {problem}"));
        }
    }
}

pub(super) fn parse_quotas(
    input: &FileInput,
    errors: &mut Vec<DataError>,
    check_source: &SourceCheck<'_>,
    office_count: u32,
) -> Vec<Quota> {
    let file = input.display.as_str();
    let rows: Vec<Line<RawQuota>> = table::read(
        file,
        &input.bytes,
        &[
            "id",
            "date",
            "outlet",
            "kind",
            "unit",
            "low",
            "high",
            "confidence",
            "source_id",
        ],
        errors,
    );
    let mut seen: FirstSeen<String> = FirstSeen::default();
    let mut out = Vec::new();
    for Line { line, record: r } in rows {
        let mut f = Fields::new(file, line, errors);
        let id = f.text("id", &r.id);
        let date = f.partial_date("date", &r.date, true);
        let outlet = f.text("outlet", &r.outlet);
        let kind = f.choice("kind", &r.kind, &KINDS);
        let unit = f.choice("unit", &r.unit, &UNITS);
        let low = f.whole("low", &r.low);
        let high = f.whole("high", &r.high);
        let offices = offices_field(&mut f, &r.offices);
        let confidence = f.confidence("confidence", &r.confidence);
        let source = f.text("source_id", &r.source_id);
        if let (Some(lo), Some(hi)) = (low, high)
            && lo > hi
        {
            f.fail(
                "high",
                format!(
                    "'{}' is below the low end '{}'; expected low <= high",
                    r.high, r.low
                ),
            );
        }
        if let (Some(QuotaKind::Arrests), Some(unit), Some(named)) = (kind, unit, offices) {
            let n = named.unwrap_or(office_count);
            check_bounds(
                &mut f,
                unit,
                n,
                [("low", &r.low, low), ("high", &r.high, high)],
            );
        }
        if let Some(id) = &id {
            f.once(&mut seen, "id", id.clone(), &format!("'{id}'"));
        }
        check_source(file, line, &r.source_id, errors);
        if let (
            Some(id),
            Some(date),
            Some(outlet),
            Some(kind),
            Some(unit),
            Some(low),
            Some(high),
            Some(offices),
            Some(confidence),
            Some(source_id),
        ) = (
            id, date, outlet, kind, unit, low, high, offices, confidence, source,
        ) && low <= high
        {
            out.push(Quota {
                id,
                date,
                outlet,
                kind,
                unit,
                low,
                high,
                offices: offices.map(u64::from),
                confidence,
                source_id,
                url: r.url,
                quote: r.quote,
            });
        }
    }
    out
}
