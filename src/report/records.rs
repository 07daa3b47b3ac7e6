//! `records`: a release's counts in each format, and the notes for stderr.

use std::fmt::Write as _;

use serde::Serialize;

use super::{CsvOut, Format, ReportError, json, wrap_into};
use crate::number::group_thousands;
use crate::text::{MAX_PAD, clip, echo, escape_controls, pad_width};

/// An office label for a text table: controls escaped, cut to the padded width.
fn office_cell(label: &str) -> String {
    clip(&escape_controls(label), MAX_PAD).into_owned()
}

/// A records file's counts in `format`. For CSV only the table goes to the output
/// (`date,count`, or `fiscal_year,office,count` with offices); [`records_notes`] gives
/// what was skipped and which periods are partial, for stderr.
///
/// # Errors
/// A failed serialisation (CSV or JSON).
#[expect(clippy::too_many_lines, reason = "four formats of one table")]
pub fn records(
    agg: &crate::records::Aggregate,
    period: crate::records::Period,
    by_office: bool,
    format: Format,
) -> Result<String, ReportError> {
    let rows = agg.report(period, by_office);
    let col = period.column();
    Ok(match format {
        Format::Csv => {
            let mut w = CsvOut::new();
            let header: Vec<&str> = if by_office {
                vec![col, "office", "count"]
            } else {
                vec![col, "count"]
            };
            w.row(&header);
            for r in &rows {
                let mut rec = vec![r.period.clone()];
                if let Some(o) = &r.office {
                    rec.push(o.clone());
                }
                rec.push(r.count.to_string());
                w.row(&rec);
            }
            w.finish()?
        }
        Format::Json => {
            #[derive(Serialize)]
            struct Out<'a> {
                file: &'a str,
                layout: &'a str,
                date_column: &'a str,
                office_column: Option<&'a str>,
                confidence: &'static str,
                covered: Option<(String, String)>,
                stats: &'a crate::records::Stats,
                unmatched_offices: Vec<&'a str>,
                by: crate::records::Period,
                rows: Vec<crate::records::PeriodRow>,
            }
            let out = Out {
                file: &agg.path,
                layout: &agg.layout,
                date_column: &agg.date_column,
                office_column: agg.office_column.as_deref(),
                confidence: "derived",
                covered: agg
                    .covered()
                    .map(|(a, b)| (crate::records::iso(a), crate::records::iso(b))),
                stats: &agg.stats,
                unmatched_offices: agg.unmatched_offices(),
                by: period,
                rows,
            };
            json(&out)?
        }
        Format::Text | Format::Markdown | Format::Html => {
            let md = matches!(format, Format::Markdown | Format::Html);
            let mut out = String::new();
            if md {
                let _ = writeln!(out, "# Arrest records: {}\n", echo(&agg.path));
            }
            for line in records_notes(agg, &rows) {
                if md {
                    let _ = writeln!(out, "- {line}");
                } else {
                    wrap_into(&mut out, &line, "", "  ");
                }
            }
            out.push('\n');
            let offices: Vec<String> = rows
                .iter()
                .filter_map(|r| r.office.as_deref().map(office_cell))
                .collect();
            let office_w = pad_width(offices.iter().map(String::as_str), MAX_PAD).max(6);
            if md {
                let _ = writeln!(
                    out,
                    "| {col} |{} count | partial |\n|---|{}--:|---|",
                    if by_office { " office |" } else { "" },
                    if by_office { "---|" } else { "" }
                );
            } else if by_office {
                let _ = writeln!(out, "{col:<12} {:<office_w$} {:>10}", "office", "count");
            } else {
                let _ = writeln!(out, "{col:<12} {:>10}", "count");
            }
            for r in &rows {
                let partial = r
                    .partial
                    .as_ref()
                    .map_or_else(String::new, |(a, b)| format!("partial: {a} to {b}"));
                let count = group_thousands(u128::from(r.count));
                if md {
                    let office = r.office.as_ref().map_or_else(String::new, |o| {
                        format!(" {} |", office_cell(o).replace('|', "\\|"))
                    });
                    let _ = writeln!(out, "| {} |{office} {count} | {partial} |", r.period);
                } else if let Some(o) = r.office.as_deref().map(office_cell) {
                    let _ = writeln!(
                        out,
                        "{:<12} {o:<office_w$} {count:>10}  {partial}",
                        r.period
                    );
                } else {
                    let _ = writeln!(out, "{:<12} {count:>10}  {partial}", r.period);
                }
            }
            out
        }
    })
}

/// How many unmatched offices or partial periods a note lists before "and N more".
const LISTED: usize = 20;

/// The first skipped rows by line (and sheet), and how many more.
fn examples_note(s: &crate::records::Stats, skipped: u64) -> Option<String> {
    if s.examples.is_empty() {
        return None;
    }
    let ex: Vec<String> = s
        .examples
        .iter()
        .map(|b| {
            let sheet = b
                .sheet
                .as_ref()
                .map_or_else(String::new, |s| format!("sheet \"{}\" ", echo(s)));
            format!(
                "{sheet}line {} ({}: '{}')",
                b.line,
                b.reason,
                echo(&b.value)
            )
        })
        .collect();
    let more = skipped.saturating_sub(s.examples.len() as u64);
    let more = if more > 0 {
        format!(", and {} more", group_thousands(u128::from(more)))
    } else {
        String::new()
    };
    Some(format!("First skipped: {}{more}", ex.join(", ")))
}

/// The first [`LISTED`] of `total` items, then ", and N more".
fn listed(items: impl Iterator<Item = String>, total: usize) -> String {
    let shown: Vec<String> = items.take(LISTED).collect();
    let more = total.saturating_sub(shown.len());
    if more == 0 {
        shown.join(", ")
    } else {
        format!(
            "{}, and {} more",
            shown.join(", "),
            group_thousands(more as u128)
        )
    }
}

/// What was read, what was skipped and why, duplicates, coverage and unmatched
/// offices, one sentence each.
#[must_use]
pub fn records_notes(
    agg: &crate::records::Aggregate,
    rows: &[crate::records::PeriodRow],
) -> Vec<String> {
    let s = &agg.stats;
    let n = |v: u64| group_thousands(u128::from(v));
    let mut notes = vec![format!(
        "{}: {} layout; dates from \"{}\"{}",
        echo(&agg.path),
        agg.layout,
        echo(&agg.date_column),
        agg.office_column.as_ref().map_or_else(
            || ", no office column".to_string(),
            |o| format!(", offices from \"{}\"", echo(o))
        )
    )];
    let skipped: u64 = s.skipped.iter().map(|(_, k)| k).sum();
    let reasons: Vec<String> = s
        .skipped
        .iter()
        .map(|(r, k)| format!("{} {r}", n(*k)))
        .collect();
    notes.push(format!(
        "Rows: {} read, {} counted, {} skipped{}",
        n(s.rows_read),
        n(s.rows_counted),
        n(skipped),
        if reasons.is_empty() {
            String::new()
        } else {
            format!(" ({})", reasons.join(", "))
        }
    ));
    if let Some(note) = examples_note(s, skipped) {
        notes.push(note);
    }
    if !s.sheets.is_empty() {
        let sheets: Vec<String> = s
            .sheets
            .iter()
            .map(|(name, rows)| format!("\"{}\" {}", echo(name), n(*rows)))
            .collect();
        let total = sheets.len();
        notes.push(format!(
            "Rows by sheet: {}",
            listed(sheets.into_iter(), total)
        ));
    }
    if s.preamble_rows > 0 {
        notes.push(format!(
            "{} rows above the header were skipped as preamble",
            s.preamble_rows
        ));
    }
    if let Some(d) = s.duplicates_flagged {
        let kept = if agg
            .stats
            .skipped
            .iter()
            .any(|(r, _)| *r == crate::records::SkipReason::Duplicate)
        {
            "left out (--drop-duplicates)"
        } else {
            "counted; --drop-duplicates leaves them out"
        };
        let rows = if d == 1 { "row" } else { "rows" };
        notes.push(format!(
            "DDP's duplicate_likely flags {} {rows}: {kept}",
            n(d)
        ));
    }
    if let Some((a, b)) = agg.covered() {
        notes.push(format!(
            "The file covers {} to {}; these counts are derived from its rows, not official figures",
            crate::records::iso(a),
            crate::records::iso(b)
        ));
    }
    let unmatched = agg.unmatched_offices();
    if agg.office_column.is_some() && !unmatched.is_empty() {
        notes.push(format!(
            "Kept under their own names (no bundled office): {}",
            listed(unmatched.iter().map(|o| echo(o)), unmatched.len())
        ));
    }
    let mut partial: Vec<String> = rows
        .iter()
        .filter_map(|r| {
            r.partial
                .as_ref()
                .map(|(a, b)| format!("{} ({a} to {b})", r.period))
        })
        .collect();
    partial.dedup();
    if !partial.is_empty() {
        let total = partial.len();
        notes.push(format!(
            "Partial periods: {}",
            listed(partial.into_iter(), total)
        ));
    }
    notes
}
