//! `records`: a release's counts in each format, and the notes for stderr.

use std::fmt::Write as _;

use serde::Serialize;

use super::{Format, wrap_into};
use crate::number::group_thousands;

/// A records file's counts in `format`. For CSV only the table goes to the output
/// (`date,count`, or `fiscal_year,office,count` with offices); [`records_notes`] gives
/// what was skipped and which periods are partial, for stderr.
#[must_use]
#[expect(clippy::too_many_lines, reason = "four formats of one table")]
pub fn records(
    agg: &crate::records::Aggregate,
    period: crate::records::Period,
    by_office: bool,
    format: Format,
) -> String {
    let rows = agg.report(period, by_office);
    let col = period.column();
    match format {
        Format::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            let header: Vec<&str> = if by_office {
                vec![col, "office", "count"]
            } else {
                vec![col, "count"]
            };
            let _ = w.write_record(&header);
            for r in &rows {
                let mut rec = vec![r.period.clone()];
                if let Some(o) = &r.office {
                    rec.push(o.clone());
                }
                rec.push(r.count.to_string());
                let _ = w.write_record(&rec);
            }
            String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
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
            serde_json::to_string_pretty(&out).unwrap_or_default() + "\n"
        }
        Format::Text | Format::Markdown | Format::Html => {
            let md = matches!(format, Format::Markdown | Format::Html);
            let mut out = String::new();
            if md {
                let _ = writeln!(out, "# Arrest records: {}\n", agg.path);
            }
            for line in records_notes(agg, &rows) {
                if md {
                    let _ = writeln!(out, "- {line}");
                } else {
                    wrap_into(&mut out, &line, "", "  ");
                }
            }
            out.push('\n');
            let office_w = rows
                .iter()
                .filter_map(|r| r.office.as_ref().map(String::len))
                .max()
                .unwrap_or(0)
                .max(6);
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
                    let office = r
                        .office
                        .as_ref()
                        .map_or_else(String::new, |o| format!(" {o} |"));
                    let _ = writeln!(out, "| {} |{office} {count} | {partial} |", r.period);
                } else if let Some(o) = &r.office {
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
        agg.path,
        agg.layout,
        agg.date_column,
        agg.office_column.as_ref().map_or_else(
            || ", no office column".to_string(),
            |o| format!(", offices from \"{o}\"")
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
    if !s.examples.is_empty() {
        let ex: Vec<String> = s
            .examples
            .iter()
            .map(|b| format!("line {} ({}: '{}')", b.line, b.reason, b.value))
            .collect();
        notes.push(format!("First skipped: {}", ex.join(", ")));
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
            unmatched.join(", ")
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
        notes.push(format!("Partial periods: {}", partial.join(", ")));
    }
    notes
}
