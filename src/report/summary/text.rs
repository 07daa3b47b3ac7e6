//! The 80-column text summary.

use std::fmt::Write as _;

use super::Summary;
use crate::model::format_multiple;
use crate::number::{format_f64, group_thousands};
use crate::report::wrap_into;

impl Summary<'_> {
    pub(super) fn text(&self) -> String {
        let mut out = String::new();
        let w = |out: &mut String, text: &str, indent: &str| wrap_into(out, text, indent, indent);
        w(&mut out, &format!("Scenario: {}", self.inputs_line()), "");
        if !self.presets.is_empty() {
            let ids: Vec<&str> = self.presets.iter().map(|p| p.id.as_str()).collect();
            w(&mut out, &format!("Same as preset: {}", ids.join(", ")), "");
        }
        out.push('\n');
        let daily = self.outcome.daily_total.display(2);
        let annual = self.outcome.annual_total.display(2);
        let width = daily.len().max(annual.len());
        let lines = [
            (
                format!("  Daily total   {daily:>width$} arrests a day   "),
                self.scenario.formula(),
            ),
            (
                format!("  Annual total  {annual:>width$} arrests a year  "),
                format!("{daily} x {} days", self.scenario.days),
            ),
        ];
        for (figure, formula) in lines {
            // The arithmetic goes on its own line when both do not fit in 80 columns.
            if figure.len() + formula.len() + 2 <= 80 {
                let _ = writeln!(out, "{figure}({formula})");
            } else {
                let _ = writeln!(out, "{}", figure.trim_end());
                wrap_into(&mut out, &format!("({formula})"), "    ", "    ");
            }
        }
        let mut gaps = self.latest_gaps();
        gaps.extend(self.latest_pace_line());
        if !gaps.is_empty() {
            out.push('\n');
            for line in &gaps {
                wrap_into(&mut out, line, "  ", "    ");
            }
        }
        out.push('\n');
        out.push_str("The arithmetic\n");
        for step in &self.explanation {
            let cite = step
                .source
                .as_ref()
                .map_or_else(String::new, |s| format!(" [{s}]"));
            wrap_into(&mut out, &format!("{}{cite}", step.line()), "  ", "    ");
        }
        out.push('\n');
        out.push_str(&self.text_years());
        out.push_str(&self.text_official());
        out.push_str(&self.text_monthly());
        out.push_str(&self.text_checks());
        out
    }

    /// The fiscal-year table and the rank.
    fn text_years(&self) -> String {
        let o = self.outcome;
        let mut out = String::new();
        let w = |out: &mut String, text: &str, indent: &str| wrap_into(out, text, indent, indent);
        let annual = self.outcome.annual_total.display(2);
        out.push_str("Against each fiscal year (ICE ERO administrative arrests)\n");
        out.push_str("  Year        Arrests  Days   Per day  Scenario/yr  Scenario/day  Label\n");
        for c in &o.comparisons {
            let mark = if c.note.is_empty() { "" } else { " *" };
            let _ = writeln!(
                out,
                "  FY{:<6} {:>11} {:>5} {:>9} {:>12} {:>13}  {}{mark}",
                c.fiscal_year,
                group_thousands(u128::from(c.arrests)),
                c.days,
                format_f64(c.daily_average, 1),
                format_multiple(c.multiple),
                format_multiple(c.daily_multiple),
                c.confidence.label(),
            );
        }
        w(
            &mut out,
            "Scenario/yr: the scenario's annual total over the year's arrests. Scenario/day: its daily total over the year's daily average (the year's real 365 or 366 days, or the window an estimate covers).",
            "  ",
        );
        if let Some(r) = &o.rank {
            let above = r.standing().words();
            w(
                &mut out,
                &format!(
                    "Rank: {} a year ranks {} of {} among the official years and the scenario ({above}).",
                    annual, r.position, r.of
                ),
                "  ",
            );
        }
        out
    }

    /// Quotas, removal targets, the observed pace, context figures, notes, sources.
    fn text_checks(&self) -> String {
        let mut out = String::new();
        let w = |out: &mut String, text: &str, indent: &str| wrap_into(out, text, indent, indent);
        out.push('\n');
        out.push_str("Against the reported arrest quotas\n");
        for q in &self.quota_sentences {
            wrap_into(
                &mut out,
                &format!("{} ({}, reported)", q.target, q.reported_by),
                "  ",
                "    ",
            );
            w(&mut out, &format!("{}.", q.check), "    ");
            if let Some(r) = &q.reconcile {
                w(&mut out, &format!("To meet it: {r}."), "    ");
            }
        }
        out.push_str(&self.text_counter_statement());
        if !self.removal_targets.is_empty() {
            out.push('\n');
            out.push_str("Removal targets (removals are not arrests; not compared)\n");
            for q in &self.removal_targets {
                w(
                    &mut out,
                    &format!("{} ({}, {}, reported)", q.describe(), q.outlet, q.date),
                    "  ",
                );
            }
        }
        out.push_str(&self.text_context());
        out
    }

    /// The observed pace, context figures, notes and sources.
    fn text_context(&self) -> String {
        let o = self.outcome;
        let mut out = String::new();
        let w = |out: &mut String, text: &str, indent: &str| wrap_into(out, text, indent, indent);
        let daily = self.outcome.daily_total.display(2);
        let annual = self.outcome.annual_total.display(2);
        if let Some(p) = &o.observed {
            out.push('\n');
            out.push_str("Against the observed 2025 pace (weekly counts of raw rows, derived)\n");
            w(&mut out, super::official::WEEKLY_LABEL, "  ");
            w(
                &mut out,
                &format!(
                    "{} arrests over {} days (weeks of {} to {}): {} a day on average; {daily} a day is {} that.",
                    group_thousands(u128::from(p.arrests)),
                    p.days,
                    p.first_week,
                    p.last_week,
                    format_f64(p.average_per_day, 1),
                    format_multiple(p.multiple_of_average),
                ),
                "  ",
            );
            w(
                &mut out,
                &format!(
                    "Peak: the week of {} at {} a day; {daily} a day is {} that.",
                    p.peak_week,
                    format_f64(p.peak_per_day, 1),
                    format_multiple(p.multiple_of_peak),
                ),
                "  ",
            );
        }
        if !self.reference.is_empty() {
            out.push('\n');
            out.push_str("Context figures (the scenario's annual total against each)\n");
            for (r, c) in self.reference.iter().zip(&o.references) {
                wrap_into(
                    &mut out,
                    &format!(
                        "{}: {} {} ({}, {}); {annual} a year is {}",
                        r.label,
                        group_thousands(u128::from(r.value)),
                        r.unit,
                        r.as_of,
                        r.confidence.label(),
                        format_multiple(c.multiple)
                    ),
                    "  ",
                    "    ",
                );
            }
        }
        if !self.milestones.is_empty() {
            out.push('\n');
            out.push_str("Milestones (at the scenario's daily pace, from day 1)\n");
            for m in &self.milestones {
                wrap_into(&mut out, &m.sentence(), "  ", "    ");
            }
        }
        if let Some(r) = &self.ramp {
            out.push('\n');
            out.push_str("Ramp-up\n");
            w(&mut out, &r.sentence(self.scenario.days), "  ");
        }
        out.push_str(&self.text_capacity());
        let notes: Vec<_> = o
            .comparisons
            .iter()
            .filter(|c| !c.note.is_empty())
            .collect();
        if !notes.is_empty() {
            out.push('\n');
            out.push_str("Notes\n");
            for c in notes {
                wrap_into(
                    &mut out,
                    &format!("* FY{}: {}", c.fiscal_year, c.note),
                    "  ",
                    "    ",
                );
            }
        }
        out.push('\n');
        out.push_str("Sources (links: arrest-scenarios sources)\n");
        for s in &self.sources {
            let date = if s.date.is_empty() {
                String::new()
            } else {
                format!(", {}", s.date)
            };
            wrap_into(
                &mut out,
                &format!("[{}] {}{date}: {}", s.id, s.publisher, s.title),
                "  ",
                "    ",
            );
        }
        out
    }
}
