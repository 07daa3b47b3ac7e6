//! The summary's official-record parts in text and Markdown: the latest official pace,
//! the latest full year's book-ins and removals as context, the quotas' reported
//! counter-statement, and (with `--monthly`) the monthly book-ins per day.
//!
//! Book-ins are shown beside the arrest years under their own name and caveat, never in
//! the arrest table, never ranked with it.

use std::fmt::Write as _;

use super::Summary;
use crate::model::MonthlyBookIns;
use crate::number::{format_f64, group_thousands};
use crate::report::wrap_into;

/// What the bundled weekly 2025 series is, wherever it is shown.
pub(in crate::report) const WEEKLY_LABEL: &str = "Raw arrest rows, likely duplicates included, counted by week in a table of the repository deportationdata/ice, branch cpang, commit cbf0bcc; not a Deportation Data Project publication and not official.";

/// `Oct 1 2024 - Sep 20 2025`.
fn year_window(fiscal_year: i32, through: jiff::civil::Date) -> String {
    format!(
        "Oct 1 {} - {}",
        fiscal_year - 1,
        through.strftime("%b %-d %Y")
    )
}

impl Summary<'_> {
    /// The headline line: the scenario against the latest official pace.
    pub(in crate::report) fn latest_pace_line(&self) -> Option<String> {
        let p = self.outcome.latest_official_pace.as_ref()?;
        Some(format!(
            "{}: {}.",
            p.comparison_sentence(self.outcome.daily_total),
            p.pace_sentence()
        ))
    }

    /// The official record's lines, each a sentence.
    pub(in crate::report) fn official_lines(&self) -> Vec<String> {
        let o = self.outcome;
        let mut lines = Vec::new();
        if let Some(p) = &o.latest_official_pace {
            lines.push(format!("Latest official pace: {}.", p.pace_sentence()));
        }
        if let Some(y) = &o.official_context {
            let count =
                |n: Option<u64>| n.map_or_else(|| "n/a".to_string(), |n| group_thousands(n.into()));
            lines.push(format!(
                "FY{} ({}, {} days; official): {} {}; {} removals.",
                y.fiscal_year,
                year_window(y.fiscal_year, y.data_through),
                y.days,
                count(y.ice_book_ins),
                crate::data::BOOK_INS_NAME,
                count(y.removals)
            ));
        }
        if !lines.is_empty() {
            lines.push(crate::data::BOOK_INS_CAVEAT.to_string());
        }
        lines
    }

    /// The text section on ICE's own latest figures.
    pub(super) fn text_official(&self) -> String {
        let lines = self.official_lines();
        let mut out = String::new();
        if lines.is_empty() {
            return out;
        }
        out.push('\n');
        out.push_str(
            "ICE's latest official figures (Detention Statistics; book-ins, not arrests)\n",
        );
        for line in &lines {
            wrap_into(&mut out, line, "  ", "    ");
        }
        out
    }

    /// The counter-statement under the quotas, in text.
    pub(super) fn text_counter_statement(&self) -> String {
        let mut out = String::new();
        if let Some(c) = self.quota_counter_statement {
            wrap_into(&mut out, &c.sentence(), "  ", "    ");
        }
        out
    }

    /// The monthly book-ins per day, one line per fiscal year (with `--monthly`).
    pub(super) fn text_monthly(&self) -> String {
        let Some(months) = &self.monthly else {
            return String::new();
        };
        let mut out = String::new();
        out.push('\n');
        wrap_into(
            &mut out,
            &format!(
                "{} a day, by month (official; * the data stop inside the month)",
                crate::data::BOOK_INS_NAME
            ),
            "",
            "  ",
        );
        out.push_str("  FY   ");
        for month in [
            "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
        ] {
            let _ = write!(out, "{month:>5} ");
        }
        out.truncate(out.trim_end().len());
        out.push('\n');
        for (fy, row) in by_year(months) {
            let _ = write!(out, "  {fy} ");
            for m in row {
                let mark = if m.full { ' ' } else { '*' };
                let _ = write!(out, "{:>5}{mark}", format_f64(m.per_day, 0));
            }
            out.truncate(out.trim_end().len());
            out.push('\n');
        }
        wrap_into(
            &mut out,
            "Per day of the days each month covers; rounded to whole book-ins (--format json gives them in full).",
            "  ",
            "  ",
        );
        out
    }

    /// The official record in Markdown.
    pub(super) fn markdown_official(&self) -> String {
        let mut out = String::new();
        let lines = self.official_lines();
        if !lines.is_empty() {
            out.push_str("\n## ICE's latest official figures (book-ins, not arrests)\n\n");
            for line in &lines {
                let _ = writeln!(out, "- {line}");
            }
        }
        if let Some(months) = &self.monthly {
            let _ = writeln!(
                out,
                "\n## {} a day, by month\n\n| Month | Book-ins | Days | Per day | Source |\n|---|--:|--:|--:|---|",
                crate::data::BOOK_INS_NAME
            );
            for m in months {
                let partial = if m.full { "" } else { " (partial)" };
                let _ = writeln!(
                    out,
                    "| {}{partial} | {} | {} | {} | {} |",
                    m.month.strftime("%Y-%m"),
                    group_thousands(m.book_ins.into()),
                    m.days,
                    format_f64(m.per_day, 1),
                    m.source_id
                );
            }
        }
        out
    }
}

/// The months grouped by fiscal year, in order.
fn by_year(months: &[MonthlyBookIns]) -> Vec<(i32, Vec<&MonthlyBookIns>)> {
    let mut out: Vec<(i32, Vec<&MonthlyBookIns>)> = Vec::new();
    for m in months {
        match out.last_mut() {
            Some((fy, row)) if *fy == m.fiscal_year => row.push(m),
            _ => out.push((m.fiscal_year, vec![m])),
        }
    }
    out
}
