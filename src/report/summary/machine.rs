//! The summary for scripts: CSV (one row per fiscal year) and JSON (everything).

use super::Summary;
use crate::report::{CsvOut, ReportError, json};

/// A gap as a signed plain number (`-12.5`, `570944`).
fn gap(g: crate::number::Gap) -> String {
    let m = g.magnitude.plain();
    if g.below { format!("-{m}") } else { m }
}

impl Summary<'_> {
    pub(super) fn csv(&self) -> Result<String, ReportError> {
        let mut w = CsvOut::new();
        w.row([
            "fiscal_year",
            "arrests",
            "days",
            "daily_average",
            "scenario_daily_total",
            "scenario_annual_total",
            "multiple",
            "daily_multiple",
            "difference",
            "daily_difference",
            "confidence",
            "source_id",
            "offices",
            "per_office",
            "attainment_percent",
            "days_per_year",
            "office_targets",
            "not_taking_part",
        ]);
        let opt = |m: Option<f64>| m.map_or_else(String::new, |m| m.to_string());
        let sc = self.scenario;
        // The scenario's parameters repeat on every row, so each row stands alone.
        let targets: Vec<String> = sc
            .overrides
            .iter()
            .map(|(code, t)| format!("{code}={}", t.to_string().replace(',', "")))
            .collect();
        let params = [
            sc.offices.to_string(),
            sc.per_office.to_string().replace(',', ""),
            sc.attainment.to_string().replace(',', ""),
            sc.days.to_string(),
            targets.join(" "),
            self.left_out.join(" "),
        ];
        for c in &self.outcome.comparisons {
            w.row(
                [
                    c.fiscal_year.to_string(),
                    c.arrests.to_string(),
                    c.days.to_string(),
                    c.daily_average.to_string(),
                    self.outcome.daily_total.plain(),
                    self.outcome.annual_total.plain(),
                    opt(c.multiple),
                    opt(c.daily_multiple),
                    gap(c.difference),
                    c.daily_difference.to_string(),
                    c.confidence.label().to_string(),
                    c.source_id.clone(),
                ]
                .into_iter()
                .chain(params.iter().cloned()),
            );
        }
        w.finish()
    }

    pub(super) fn json(&self) -> Result<String, ReportError> {
        json(self)
    }
}
