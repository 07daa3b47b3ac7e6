//! `quotas.csv`: reported arrest and removal targets (the presets come from these).

use serde::{Deserialize, Serialize};

use super::error::DataError;
use super::table::{self, Fields, FirstSeen, Line};
use super::{Confidence, FileInput, SourceCheck};

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

pub(super) fn parse_quotas(
    input: &FileInput,
    errors: &mut Vec<DataError>,
    check_source: &SourceCheck<'_>,
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
        let kind = f.choice(
            "kind",
            &r.kind,
            &[
                ("arrests", QuotaKind::Arrests),
                ("removals", QuotaKind::Removals),
            ],
        );
        let unit = f.choice(
            "unit",
            &r.unit,
            &[
                ("per_day", QuotaUnit::PerDay),
                ("per_office_per_day", QuotaUnit::PerOfficePerDay),
                ("per_year", QuotaUnit::PerYear),
            ],
        );
        let low = f.whole("low", &r.low);
        let high = f.whole("high", &r.high);
        let offices = f.optional_whole("offices", &r.offices);
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
                offices,
                confidence,
                source_id,
                url: r.url,
                quote: r.quote,
            });
        }
    }
    out
}
