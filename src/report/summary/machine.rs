//! The summary for scripts: CSV (one row per fiscal year) and JSON (everything).

use super::Summary;

impl Summary<'_> {
    pub(super) fn csv(&self) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        let _ = w.write_record([
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
            let _ = w.write_record([
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
        String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
    }

    pub(super) fn json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }
}
