//! `records`: a release's counts in each format, and the notes for stderr.

use std::fmt::Write as _;

use serde::Serialize;

use super::{CsvOut, Format, ReportError, json, wrap_into};
use crate::number::group_thousands;
use crate::text::{MAX_PAD, clip, echo, escape_controls, pad_width};

/// An office label for a text table: controls escaped, cut to the padded width.
pub(super) fn office_cell(label: &str) -> String {
    clip(&escape_controls(label), MAX_PAD).into_owned()
}

/// How a records report is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordsView {
    /// The period rows are grouped by.
    pub period: crate::records::Period,
    /// Split by field office.
    pub by_office: bool,
    /// Split by the `--group` values (when the file was read with `--group`).
    pub by_group: bool,
    /// One row per period, one column per office, zeros filled in.
    pub wide: bool,
}

impl RecordsView {
    /// By `period`, and by office when `by_office`; no groups, long form.
    #[must_use]
    pub const fn new(period: crate::records::Period, by_office: bool) -> Self {
        Self {
            period,
            by_office,
            by_group: true,
            wide: false,
        }
    }
}

/// A records file's counts in `format`. For CSV only the table goes to the output
/// (`date,count`, or `fiscal_year,office,count` with offices, a `group` column with
/// `--group`); [`records_notes`] gives what was skipped and which periods are
/// partial, for stderr.
///
/// # Errors
/// A failed serialisation (CSV or JSON).
pub fn records(
    agg: &crate::records::Aggregate,
    view: RecordsView,
    format: Format,
) -> Result<String, ReportError> {
    let rows = agg.report_by(view.period, view.by_office || view.wide, view.by_group);
    if view.wide {
        return wide(agg, view, &rows, format);
    }
    let col = view.period.column();
    let grouped = rows.iter().any(|r| r.group.is_some());
    Ok(match format {
        Format::Csv => {
            let mut w = CsvOut::new();
            let mut header = vec![col];
            if view.by_office {
                header.push("office");
            }
            if grouped {
                header.push("group");
            }
            header.push("count");
            w.row(&header);
            for r in &rows {
                let mut rec = vec![r.period.clone()];
                rec.extend(r.office.clone());
                rec.extend(r.group.clone());
                rec.push(r.count.to_string());
                w.row(&rec);
            }
            w.finish()?
        }
        Format::Json => json_out(agg, view, rows)?,
        Format::Text | Format::Markdown | Format::Html => text_table(agg, view, &rows, format),
    })
}

/// The JSON report: what was read, and the rows.
fn json_out(
    agg: &crate::records::Aggregate,
    view: RecordsView,
    rows: Vec<crate::records::PeriodRow>,
) -> Result<String, ReportError> {
    #[derive(Serialize)]
    struct Out<'a> {
        file: &'a str,
        files: Vec<crate::records::FileRows>,
        overlaps: Vec<crate::records::Overlap>,
        layout: &'a str,
        date_column: &'a str,
        office_column: Option<&'a str>,
        group_column: Option<&'a str>,
        #[serde(skip_serializing_if = "<[_]>::is_empty")]
        methods: &'a [(String, String)],
        confidence: &'static str,
        covered: Option<(String, String)>,
        stats: &'a crate::records::Stats,
        unmatched_offices: Vec<&'a str>,
        by: crate::records::Period,
        rows: Vec<crate::records::PeriodRow>,
    }
    json(&Out {
        file: &agg.path,
        files: agg.file_list(),
        overlaps: agg.overlaps(),
        layout: &agg.layout,
        date_column: &agg.date_column,
        office_column: agg.office_column.as_deref(),
        group_column: agg.group_column.as_deref(),
        methods: &agg.methods,
        confidence: "derived",
        covered: agg
            .covered()
            .map(|(a, b)| (crate::records::iso(a), crate::records::iso(b))),
        stats: &agg.stats,
        unmatched_offices: agg.unmatched_offices(),
        by: view.period,
        rows,
    })
}

/// The text or Markdown report: notes, then the table.
fn text_table(
    agg: &crate::records::Aggregate,
    view: RecordsView,
    rows: &[crate::records::PeriodRow],
    format: Format,
) -> String {
    let md = matches!(format, Format::Markdown | Format::Html);
    let col = view.period.column();
    let mut out = notes_block(agg, rows, md);
    let offices: Vec<String> = rows
        .iter()
        .filter_map(|r| r.office.as_deref().map(office_cell))
        .collect();
    let office_w = pad_width(offices.iter().map(String::as_str), MAX_PAD).max(6);
    let groups: Vec<String> = rows
        .iter()
        .filter_map(|r| r.group.as_deref().map(office_cell))
        .collect();
    let group_w = pad_width(groups.iter().map(String::as_str), MAX_PAD).max(5);
    let grouped = !groups.is_empty();
    if md {
        let office = if view.by_office { " office |" } else { "" };
        let group = if grouped { " group |" } else { "" };
        let rule = format!(
            "{}{}",
            if view.by_office { "---|" } else { "" },
            if grouped { "---|" } else { "" }
        );
        let _ = writeln!(
            out,
            "| {col} |{office}{group} count | partial |\n|---|{rule}--:|---|"
        );
    } else {
        let mut head = format!("{col:<12}");
        if view.by_office {
            let _ = write!(head, " {:<office_w$}", "office");
        }
        if grouped {
            let _ = write!(head, " {:<group_w$}", "group");
        }
        let _ = writeln!(out, "{head} {:>10}", "count");
    }
    for r in rows {
        let partial = r
            .partial
            .as_ref()
            .map_or_else(String::new, |(a, b)| format!("partial: {a} to {b}"));
        let count = group_thousands(u128::from(r.count));
        let office = r.office.as_deref().map(office_cell);
        let group = r.group.as_deref().map(office_cell);
        if md {
            let cell = |v: &Option<String>| {
                v.as_ref()
                    .map_or_else(String::new, |o| format!(" {} |", o.replace('|', "\\|")))
            };
            let _ = writeln!(
                out,
                "| {} |{}{} {count} | {partial} |",
                r.period,
                cell(&office),
                cell(&group)
            );
        } else {
            let mut line = format!("{:<12}", r.period);
            if let Some(o) = &office {
                let _ = write!(line, " {o:<office_w$}");
            }
            if let Some(g) = &group {
                let _ = write!(line, " {g:<group_w$}");
            }
            let _ = writeln!(out, "{line} {count:>10}  {partial}");
        }
    }
    out
}

/// The notes as a text or Markdown block, with a blank line after.
pub(super) fn notes_block(
    agg: &crate::records::Aggregate,
    rows: &[crate::records::PeriodRow],
    md: bool,
) -> String {
    let mut out = String::new();
    if md {
        let _ = writeln!(out, "# Arrest records: {}\n", echo(&agg.path));
    }
    for line in records_notes(agg, rows) {
        if md {
            let _ = writeln!(out, "- {line}");
        } else {
            wrap_into(&mut out, &line, "", "  ");
        }
    }
    out.push('\n');
    out
}

/// `--wide`: one row per period, one column per office (every office of the file, in
/// label order), zeros filled in.
fn wide(
    agg: &crate::records::Aggregate,
    view: RecordsView,
    rows: &[crate::records::PeriodRow],
    format: Format,
) -> Result<String, ReportError> {
    use std::collections::BTreeMap;
    let mut offices: Vec<&str> = agg.offices.iter().map(|o| o.label.as_str()).collect();
    offices.sort_unstable();
    offices.dedup();
    let at: std::collections::HashMap<&str, usize> =
        offices.iter().enumerate().map(|(i, o)| (*o, i)).collect();
    let mut table: BTreeMap<&str, (String, Vec<u64>)> = BTreeMap::new();
    for r in rows {
        let line = table
            .entry(r.start.as_str())
            .or_insert_with(|| (r.period.clone(), vec![0; offices.len()]));
        if let Some(i) = r.office.as_deref().and_then(|o| at.get(o)) {
            line.1[*i] = line.1[*i].saturating_add(r.count);
        }
    }
    let col = view.period.column();
    Ok(match format {
        Format::Csv | Format::Json => {
            if format == Format::Json {
                #[derive(Serialize)]
                struct Wide<'a> {
                    by: crate::records::Period,
                    offices: &'a [&'a str],
                    rows: Vec<(&'a str, &'a [u64])>,
                }
                return json(&Wide {
                    by: view.period,
                    offices: &offices,
                    rows: table
                        .values()
                        .map(|(p, c)| (p.as_str(), c.as_slice()))
                        .collect(),
                });
            }
            let mut w = CsvOut::new();
            let mut header = vec![col];
            header.extend(offices.iter().copied());
            w.row(&header);
            for (period, counts) in table.values() {
                let mut rec = vec![period.clone()];
                rec.extend(counts.iter().map(u64::to_string));
                w.row(&rec);
            }
            w.finish()?
        }
        Format::Text | Format::Markdown | Format::Html => {
            let md = matches!(format, Format::Markdown | Format::Html);
            let mut out = notes_block(agg, rows, md);
            let names: Vec<String> = offices.iter().map(|o| office_cell(o)).collect();
            if md {
                let _ = writeln!(
                    out,
                    "| {col} | {} |\n|---|{}",
                    names
                        .iter()
                        .map(|n| n.replace('|', "\\|"))
                        .collect::<Vec<_>>()
                        .join(" | "),
                    "--:|".repeat(names.len())
                );
            } else {
                let mut head = format!("{col:<12}");
                for n in &names {
                    let w = n.chars().count().max(8);
                    let _ = write!(head, " {n:>w$}");
                }
                let _ = writeln!(out, "{head}");
            }
            for (period, counts) in table.values() {
                let mut line = if md {
                    format!("| {period} |")
                } else {
                    format!("{period:<12}")
                };
                for (n, c) in names.iter().zip(counts) {
                    let c = group_thousands(u128::from(*c));
                    if md {
                        let _ = write!(line, " {c} |");
                    } else {
                        let w = n.chars().count().max(8);
                        let _ = write!(line, " {c:>w$}");
                    }
                }
                let _ = writeln!(out, "{line}");
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
        "{}: {}; dates from \"{}\"{}",
        echo(&agg.path),
        agg.layout,
        echo(&agg.date_column),
        agg.office_column.as_ref().map_or_else(
            || "; no office column, so the counts are by period only".to_string(),
            |o| format!(", offices from \"{}\"", echo(o))
        )
    )];
    notes.extend(file_notes(agg));
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
    notes.extend(duplicate_notes(s));
    if let Some((a, b)) = agg.covered() {
        notes.push(format!(
            "The {} {} to {}; these counts are derived from its rows, not official figures",
            if agg.files.is_empty() {
                "file covers"
            } else {
                "files cover"
            },
            crate::records::iso(a),
            crate::records::iso(b)
        ));
    }
    notes.extend(group_notes(agg));
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
    notes.extend(unlisted_pairs(rows));
    notes
}

/// A long table lists only what was counted: say so when offices are missing from some
/// periods, so a missing row is not read as a gap in the data.
fn unlisted_pairs(rows: &[crate::records::PeriodRow]) -> Option<String> {
    let periods: std::collections::BTreeSet<&str> =
        rows.iter().map(|r| r.period.as_str()).collect();
    let offices: std::collections::BTreeSet<&str> =
        rows.iter().filter_map(|r| r.office.as_deref()).collect();
    let pairs = periods.len().saturating_mul(offices.len());
    (!offices.is_empty() && rows.len() < pairs).then(|| {
        format!(
            "{} office-period pairs with no counted arrests are not listed (an office \
             missing from a period counted none there); --wide lists every office and \
             period, with zeros",
            group_thousands(u128::try_from(pairs - rows.len()).unwrap_or(u128::MAX))
        )
    })
}

/// DDP's duplicate flags, the rule applied, and both totals.
fn duplicate_notes(s: &crate::records::Stats) -> Vec<String> {
    let n = |v: u64| group_thousands(u128::from(v));
    let dropped = s
        .skipped
        .iter()
        .any(|(r, _)| *r == crate::records::SkipReason::Duplicate);
    let mut notes = Vec::new();
    if let Some(d) = s.duplicates_flagged {
        let kept = if dropped {
            "repeats left out (--duplicates drop)"
        } else {
            "counted; --duplicates drop leaves out the repeats"
        };
        let rows = if d == 1 { "row" } else { "rows" };
        notes.push(format!(
            "DDP's duplicate_likely flags {} {rows}: {kept}",
            n(d)
        ));
    }
    if let (Some(rule), Some(repeats)) = (s.duplicate_rule, s.duplicate_repeats) {
        let (kept, without) = if dropped {
            (s.rows_counted.saturating_add(repeats), s.rows_counted)
        } else {
            (s.rows_counted, s.rows_counted.saturating_sub(repeats))
        };
        notes.push(format!(
            "Repeats of an arrest episode (DDP's rule: {}): {}; {} counted with them kept, {} with them dropped",
            rule.describe(),
            n(repeats),
            n(kept),
            n(without)
        ));
    }
    notes
}

/// Each file with its rows and dates, and overlapping date ranges.
fn file_notes(agg: &crate::records::Aggregate) -> Vec<String> {
    let n = |v: u64| group_thousands(u128::from(v));
    let mut notes = Vec::new();
    for f in &agg.files {
        notes.push(format!(
            "File {}: {}, {} read, {} counted{}",
            echo(&f.path),
            f.layout,
            n(f.rows_read),
            n(f.rows_counted),
            f.covered
                .as_ref()
                .map_or_else(String::new, |(a, b)| format!(", {a} to {b}"))
        ));
    }
    for o in agg.overlaps() {
        notes.push(format!(
            "Overlap: {} and {} both cover {} to {}; rows in both would be counted twice",
            echo(&o.first),
            echo(&o.second),
            o.from,
            o.to
        ));
    }
    notes
}

/// The group column, and for `--group at-large` the mapping of methods to groups.
fn group_notes(agg: &crate::records::Aggregate) -> Vec<String> {
    let Some(column) = &agg.group_column else {
        return Vec::new();
    };
    let mut notes = Vec::new();
    if agg.methods.is_empty() && agg.groups.first().map(String::as_str) != Some("at-large") {
        notes.push(format!("Groups from \"{}\"", echo(column)));
        return notes;
    }
    notes.push(format!(
        "At-large by DDP's rule on \"{}\": {} are at-large, every other method custodial, a blank method unknown",
        echo(column),
        crate::records::group::AT_LARGE_METHODS
            .iter()
            .map(|m| format!("\"{m}\""))
            .collect::<Vec<_>>()
            .join(" and ")
    ));
    let total = agg.methods.len();
    notes.push(format!(
        "Methods found: {}",
        listed(
            agg.methods
                .iter()
                .map(|(m, g)| format!("\"{}\" {g}", echo(m))),
            total
        )
    ));
    notes
}
