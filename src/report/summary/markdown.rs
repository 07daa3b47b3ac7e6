//! The Markdown summary, with source links.

use std::fmt::Write as _;

use super::Summary;
use crate::model::format_multiple;
use crate::number::{format_f64, group_thousands};

impl Summary<'_> {
    #[expect(
        clippy::too_many_lines,
        reason = "the Markdown report, section by section"
    )]
    pub(super) fn markdown(&self) -> String {
        let o = self.outcome;
        let mut out = String::new();
        let _ = writeln!(out, "# Scenario: {}\n", self.inputs_line());
        let _ = writeln!(
            out,
            "- **Daily total:** {} arrests a day ({})",
            self.outcome.daily_total.display(2),
            self.scenario.formula()
        );
        let _ = writeln!(
            out,
            "- **Annual total:** {} arrests a year ({} x {} days)",
            self.outcome.annual_total.display(2),
            self.outcome.daily_total.display(2),
            self.scenario.days
        );
        for line in self
            .latest_gaps()
            .into_iter()
            .chain(self.latest_pace_line())
        {
            let _ = writeln!(out, "- {line}");
        }
        out.push('\n');
        out.push_str("## The arithmetic\n\n");
        for (i, step) in self.explanation.iter().enumerate() {
            let cite = step
                .source
                .as_ref()
                .map_or_else(String::new, |s| format!(" ({s})"));
            let _ = writeln!(out, "{}. {}{cite}", i + 1, step.line());
        }
        out.push_str("\n## Against each fiscal year\n\n");
        out.push_str("| Fiscal year | Arrests | Days | Per day | Scenario / year | Scenario / day | Label | Source |\n");
        out.push_str("|---|--:|--:|--:|--:|--:|---|---|\n");
        for c in &o.comparisons {
            let _ = writeln!(
                out,
                "| FY{} | {} | {} | {} | {} | {} | {} | {} |",
                c.fiscal_year,
                group_thousands(u128::from(c.arrests)),
                c.days,
                format_f64(c.daily_average, 1),
                format_multiple(c.multiple),
                format_multiple(c.daily_multiple),
                c.confidence.label(),
                c.source_id
            );
        }
        if let Some(r) = &o.rank {
            let _ = writeln!(
                out,
                "\nRank among the official years and the scenario: {} of {}.",
                r.position, r.of
            );
        }
        out.push_str(&self.markdown_official());
        out.push_str("\n## Against the reported arrest quotas\n\n");
        for q in &self.quota_sentences {
            let _ = write!(out, "- **{}** ({}): {}.", q.target, q.reported_by, q.check);
            if let Some(r) = &q.reconcile {
                let _ = write!(out, " To meet it: {r}.");
            }
            out.push('\n');
        }
        if let Some(c) = self.quota_counter_statement {
            let _ = writeln!(out, "- {}", c.sentence());
        }
        if let Some(p) = &o.observed {
            let _ = writeln!(
                out,
                "\n## Against the observed 2025 pace (derived)\n\n- {}\n- Average: {} a day over {} days; the scenario is {} that.\n- Peak: week of {}, {} a day; the scenario is {} that.",
                super::official::WEEKLY_LABEL,
                format_f64(p.average_per_day, 1),
                p.days,
                format_multiple(p.multiple_of_average),
                p.peak_week,
                format_f64(p.peak_per_day, 1),
                format_multiple(p.multiple_of_peak)
            );
        }
        if !self.milestones.is_empty() {
            out.push_str("\n## Milestones\n\n");
            for m in &self.milestones {
                let _ = writeln!(out, "- {}", m.sentence());
            }
        }
        if let Some(r) = &self.ramp {
            let _ = writeln!(out, "\n## Ramp-up\n\n{}", r.sentence(self.scenario.days));
        }
        out.push_str(&self.markdown_capacity());
        let notes: Vec<_> = o
            .comparisons
            .iter()
            .filter(|c| !c.note.is_empty())
            .collect();
        if !notes.is_empty() {
            out.push_str("\n## Notes\n\n");
            for c in notes {
                let _ = writeln!(out, "- FY{}: {}", c.fiscal_year, c.note);
            }
        }
        out.push_str("\n## Sources\n\n");
        for s in &self.sources {
            let link = if s.url.is_empty() {
                String::new()
            } else {
                format!(" <{}>", s.url)
            };
            let date = if s.date.is_empty() {
                String::new()
            } else {
                format!(", {}", s.date)
            };
            let _ = writeln!(
                out,
                "- `{}`: {}, *{}*{date}.{link}",
                s.id, s.publisher, s.title
            );
        }
        out
    }
}
