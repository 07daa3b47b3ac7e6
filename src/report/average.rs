//! `records --average DAYS`: arrests a day over the chosen days of the files, per
//! office and for all of them, with the at-large share, as the Observed tab shows them.

use std::fmt::Write as _;

use serde::Serialize;

use super::records::{notes_block, office_cell};
use super::{CsvOut, Format, ReportError, json};
use crate::number::{format_f64, group_thousands};
use crate::records::{Aggregate, AverageRow, Days, Window};
use crate::text::{MAX_PAD, echo, pad_width};

/// `part` of `all` in percent (`None` of nothing).
fn share(part: u64, all: u64) -> Option<f64> {
    #[expect(
        clippy::cast_precision_loss,
        reason = "a share, with both counts beside it"
    )]
    (all > 0).then(|| part as f64 * 100.0 / all as f64)
}

/// The arrests a day over `days` (the days `window` picked) in `format`: one row per
/// office with `by_office`, then all offices together (in CSV, the offices' rows
/// only, or the one total without `by_office`). Arrests and days are exact; the
/// daily figure is given to 3 decimals and the at-large share to 1 in text and CSV,
/// in full in JSON.
///
/// # Errors
/// A failed serialisation (CSV or JSON).
pub fn records_average(
    agg: &Aggregate,
    window: Window,
    days: Days,
    by_office: bool,
    format: Format,
) -> Result<String, ReportError> {
    let rows = agg.averages(days, by_office);
    let grouped = rows.iter().any(|r| r.at_large.is_some());
    let title = format!(
        "Arrests a day over {}: {} (derived from the rows)",
        window.name(),
        days.describe()
    );
    Ok(match format {
        Format::Csv => {
            let mut w = CsvOut::new();
            let mut header = Vec::new();
            if by_office {
                header.push("office");
            }
            header.extend(["arrests", "days", "per_day"]);
            if grouped {
                header.extend(["at_large", "at_large_pct"]);
            }
            w.row(&header);
            for r in rows.iter().filter(|r| r.office.is_some() == by_office) {
                let mut rec: Vec<String> = r.office.iter().cloned().collect();
                rec.extend([
                    r.arrests.to_string(),
                    r.days.to_string(),
                    format!("{:.3}", r.per_day),
                ]);
                if let Some(a) = r.at_large {
                    rec.push(a.to_string());
                    rec.push(share(a, r.arrests).map_or_else(String::new, |s| format!("{s:.1}")));
                }
                w.row(&rec);
            }
            w.finish()?
        }
        Format::Json => {
            #[derive(Serialize)]
            struct Row<'a> {
                #[serde(flatten)]
                row: &'a AverageRow,
                #[serde(skip_serializing_if = "Option::is_none")]
                at_large_pct: Option<f64>,
            }
            #[derive(Serialize)]
            struct Out<'a> {
                file: &'a str,
                confidence: &'static str,
                window: String,
                first: String,
                last: String,
                days: i32,
                stats: &'a crate::records::Stats,
                rows: Vec<Row<'a>>,
            }
            json(&Out {
                file: &agg.path,
                confidence: "derived",
                window: window.name(),
                first: crate::records::iso(days.first),
                last: crate::records::iso(days.last),
                days: days.count(),
                stats: &agg.stats,
                rows: rows
                    .iter()
                    .map(|row| Row {
                        row,
                        at_large_pct: row.at_large.and_then(|a| share(a, row.arrests)),
                    })
                    .collect(),
            })?
        }
        Format::Text | Format::Markdown | Format::Html => text(agg, &title, &rows, format),
    })
}

/// The notes, the title and the table, as text or Markdown.
fn text(agg: &Aggregate, title: &str, rows: &[AverageRow], format: Format) -> String {
    let md = matches!(format, Format::Markdown | Format::Html);
    let mut out = notes_block(agg, &[], md);
    let grouped = rows.iter().any(|r| r.at_large.is_some());
    let label = |r: &AverageRow| {
        r.office
            .as_deref()
            .map_or_else(|| "all offices".to_string(), office_cell)
    };
    let labels: Vec<String> = rows.iter().map(label).collect();
    let w = pad_width(labels.iter().map(String::as_str), MAX_PAD).max(6);
    if md {
        let _ = writeln!(out, "## {}\n", echo(title));
        let _ = writeln!(
            out,
            "| office | arrests | per day |{}\n|---|--:|--:|{}",
            if grouped { " at large | share |" } else { "" },
            if grouped { "--:|--:|" } else { "" }
        );
    } else {
        crate::report::wrap_into(&mut out, title, "", "  ");
        let mut head = format!("{:<w$} {:>11} {:>11}", "office", "arrests", "per day");
        if grouped {
            let _ = write!(head, " {:>11} {:>6}", "at large", "share");
        }
        let _ = writeln!(out, "{head}");
    }
    for (r, label) in rows.iter().zip(&labels) {
        let arrests = group_thousands(u128::from(r.arrests));
        let per_day = format_f64(r.per_day, 3);
        let (at_large, pct) = r.at_large.map_or((String::new(), String::new()), |a| {
            (
                group_thousands(u128::from(a)),
                share(a, r.arrests)
                    .map_or_else(|| "-".to_string(), |s| format!("{}%", format_f64(s, 1))),
            )
        });
        if md {
            let extra = if grouped {
                format!(" {at_large} | {pct} |")
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "| {} | {arrests} | {per_day} |{extra}",
                label.replace('|', "\\|")
            );
        } else {
            let mut line = format!("{label:<w$} {arrests:>11} {per_day:>11}");
            if grouped {
                let _ = write!(line, " {at_large:>11} {pct:>6}");
            }
            let _ = writeln!(out, "{}", line.trim_end());
        }
    }
    out
}
