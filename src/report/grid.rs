//! `grid`: the sensitivity grid in each format.

use std::fmt::Write as _;

use super::{CsvOut, Format, ReportError, json};
use crate::model::Scenario;

/// The sensitivity grid in `format`. Each cell is an annual total, marked with the
/// highest official year it exceeds (`*` when it exceeds them all, `[q]` for a cell that
/// a reported quota names).
///
/// # Errors
/// A failed serialisation (CSV or JSON).
pub fn grid(
    g: &crate::analysis::Grid,
    s: &Scenario,
    format: Format,
) -> Result<String, ReportError> {
    let mark = crate::analysis::Cell::label;
    Ok(match format {
        Format::Json => json(g)?,
        Format::Csv => {
            let mut w = CsvOut::new();
            w.row([
                "per_office",
                "offices",
                "annual_total",
                "highest_year_exceeded",
                "above_all_official_years",
                "presets",
            ]);
            for (r, row) in g.rows.iter().zip(&g.cells) {
                for (c, cell) in g.cols.iter().zip(row) {
                    w.row([
                        r.to_string().replace(',', ""),
                        c.to_string(),
                        cell.annual.plain(),
                        cell.exceeds.map_or_else(String::new, |y| y.to_string()),
                        cell.above_all.to_string(),
                        cell.presets.join(" "),
                    ]);
                }
            }
            w.finish()?
        }
        Format::Markdown | Format::Text | Format::Html => {
            let md = matches!(format, Format::Markdown | Format::Html);
            let cells: Vec<Vec<String>> = g
                .cells
                .iter()
                .map(|row| row.iter().map(mark).collect())
                .collect();
            let width = cells
                .iter()
                .flatten()
                .map(String::len)
                .max()
                .unwrap_or(0)
                .max(6);
            let mut out = format!(
                "Annual totals at {}% met over {} days (rows: arrests per office per day; columns: offices)\n",
                s.attainment, s.days
            );
            if md {
                out.push('\n');
                out.push_str("| per office |");
                for c in &g.cols {
                    let _ = write!(out, " {c} |");
                }
                out.push_str("\n|--:|");
                out.push_str(&"--:|".repeat(g.cols.len()));
                out.push('\n');
            } else {
                let _ = write!(out, "{:>10}", "");
                for c in &g.cols {
                    let _ = write!(out, " {c:>width$}");
                }
                out.push('\n');
            }
            for (r, row) in g.rows.iter().zip(&cells) {
                if md {
                    let _ = writeln!(out, "| {r} | {} |", row.join(" | "));
                } else {
                    let _ = write!(out, "{:>10}", r.to_string());
                    for c in row {
                        let _ = write!(out, " {c:>width$}");
                    }
                    out.push('\n');
                }
            }
            out.push_str(
                "\n>YY: exceeds FY20YY, the highest official year it exceeds; *: exceeds every official year; q: a reported quota\n",
            );
            out
        }
    })
}
