//! The summary for scripts: CSV (one row per fiscal year) and JSON (everything).

use super::Summary;
use crate::report::{CsvOut, ReportError, json};

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
            "confidence",
            "source_id",
        ]);
        let opt = |m: Option<f64>| m.map_or_else(String::new, |m| m.to_string());
        for c in &self.outcome.comparisons {
            w.row([
                c.fiscal_year.to_string(),
                c.arrests.to_string(),
                c.days.to_string(),
                c.daily_average.to_string(),
                self.outcome.daily_total.plain(),
                self.outcome.annual_total.plain(),
                opt(c.multiple),
                opt(c.daily_multiple),
                c.confidence.label().to_string(),
                c.source_id.clone(),
            ]);
        }
        w.finish()
    }

    pub(super) fn json(&self) -> Result<String, ReportError> {
        json(self)
    }
}
