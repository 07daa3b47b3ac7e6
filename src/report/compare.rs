//! `compare`: several scenarios side by side.

use std::fmt::Write as _;

use serde::Serialize;

use super::{CsvOut, Format, ReportError, json};
use crate::data::Dataset;
use crate::model::{self, Outcome, Scenario, format_multiple};
use crate::number::group_thousands;
use crate::text::{MAX_ECHO, MAX_PAD, clip, escape_controls};

/// Several scenarios side by side: a row per input and output, with each column's
/// difference from the first.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    /// The scenarios' names, in column order.
    pub names: Vec<String>,
    /// The rows.
    pub rows: Vec<CompareRow>,
}

/// A scenario's name as a table shows it: control characters escaped, cut at
/// [`MAX_PAD`] characters with a mark.
fn shown(name: &str) -> String {
    clip(&escape_controls(name), MAX_PAD).into_owned()
}

/// One input or output across the scenarios.
#[derive(Debug, Clone, Serialize)]
pub struct CompareRow {
    /// What the row shows.
    pub label: String,
    /// One value per scenario.
    pub values: Vec<String>,
    /// Each value's difference from the first (`None` for the first, and for rows
    /// without a numeric difference).
    pub differences: Vec<Option<String>>,
    /// The values as CSV writes them: plain numbers (`2.59`, not `2.59x`; `-75`, not
    /// `75 below`) where the row is numeric, else the text.
    pub plain: Vec<String>,
}

/// Compare named scenarios.
#[must_use]
#[expect(clippy::too_many_lines, reason = "one short block per compared row")]
pub fn compare(items: &[(String, Scenario)], data: &Dataset) -> Comparison {
    use crate::number::{Amount, Fixed3};
    let outcomes: Vec<Outcome> = items
        .iter()
        .map(|(_, s)| model::evaluate(s, data))
        .collect();
    let signed = |a: Amount, b: Amount| match a.cmp(&b) {
        std::cmp::Ordering::Equal => "0".to_string(),
        std::cmp::Ordering::Greater => format!("+{}", a.abs_diff(b).display(2)),
        std::cmp::Ordering::Less => format!("-{}", a.abs_diff(b).display(2)),
    };
    let as_amount = |f: Fixed3| Amount::from_units(u128::from(f.thousandths()) * 100_000);
    let mut rows: Vec<CompareRow> = Vec::new();
    let mut row = |label: &str,
                   values: Vec<String>,
                   amounts: Option<Vec<Amount>>,
                   plain: Option<Vec<String>>| {
        let plain = plain.unwrap_or_else(|| match &amounts {
            Some(a) => a.iter().map(|a| a.plain()).collect(),
            None => values.clone(),
        });
        let differences = values
            .iter()
            .enumerate()
            .map(|(i, _)| {
                let a = amounts.as_ref()?;
                (i > 0).then(|| signed(a[i], a[0]))
            })
            .collect();
        rows.push(CompareRow {
            label: label.to_string(),
            values,
            differences,
            plain,
        });
    };
    let scen: Vec<&Scenario> = items.iter().map(|(_, s)| s).collect();
    row(
        "Offices",
        scen.iter()
            .map(|s| group_thousands(u128::from(s.offices)))
            .collect(),
        Some(
            scen.iter()
                .map(|s| Amount::whole(u64::from(s.offices)))
                .collect(),
        ),
        None,
    );
    row(
        "Per-office target (a day)",
        scen.iter().map(|s| s.per_office.to_string()).collect(),
        Some(scen.iter().map(|s| as_amount(s.per_office)).collect()),
        None,
    );
    row(
        "Changed office targets",
        scen.iter()
            .map(|s| {
                if s.overrides.is_empty() {
                    "none".to_string()
                } else {
                    s.overrides
                        .iter()
                        .map(|(c, t)| format!("{c} {t}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            })
            .collect(),
        None,
        None,
    );
    row(
        "Offices not taking part",
        scen.iter()
            .map(|s| {
                let out = s.left_out(&data.offices);
                if out.is_empty() {
                    "none".to_string()
                } else {
                    out.join(", ")
                }
            })
            .collect(),
        None,
        None,
    );
    row(
        "Attainment (%)",
        scen.iter().map(|s| s.attainment.to_string()).collect(),
        Some(scen.iter().map(|s| as_amount(s.attainment)).collect()),
        None,
    );
    row(
        "Days a year",
        scen.iter().map(|s| s.days.to_string()).collect(),
        Some(
            scen.iter()
                .map(|s| Amount::whole(u64::from(s.days)))
                .collect(),
        ),
        None,
    );
    row(
        "Daily total",
        outcomes.iter().map(|o| o.daily_total.display(2)).collect(),
        Some(outcomes.iter().map(|o| o.daily_total).collect()),
        None,
    );
    row(
        "Annual total",
        outcomes.iter().map(|o| o.annual_total.display(2)).collect(),
        Some(outcomes.iter().map(|o| o.annual_total).collect()),
        None,
    );
    if let Some(c) = outcomes[0]
        .latest_official
        .and_then(|i| outcomes[0].comparisons.get(i))
    {
        row(
            &format!("Multiple of FY{}", c.fiscal_year),
            outcomes
                .iter()
                .map(|o| format_multiple(o.latest_official.and_then(|i| o.comparisons[i].multiple)))
                .collect(),
            None,
            Some(
                outcomes
                    .iter()
                    .map(|o| {
                        o.latest_official
                            .and_then(|i| o.comparisons[i].multiple)
                            .map_or_else(String::new, |m| m.to_string())
                    })
                    .collect(),
            ),
        );
    }
    row(
        "Rank among official years",
        outcomes
            .iter()
            .map(|o| {
                o.rank
                    .as_ref()
                    .map_or_else(|| "n/a".into(), |r| format!("{} of {}", r.position, r.of))
            })
            .collect(),
        None,
        Some(
            outcomes
                .iter()
                .map(|o| {
                    o.rank
                        .as_ref()
                        .map_or_else(String::new, |r| r.position.to_string())
                })
                .collect(),
        ),
    );
    if let Some(q) = outcomes[0]
        .quota_checks
        .first()
        .and_then(|c| data.quota(&c.quota_id))
    {
        row(
            &format!("Against {}", q.describe()),
            outcomes
                .iter()
                .map(|o| {
                    o.quota_checks
                        .first()
                        .map_or_else(String::new, |c| match c.status {
                            model::Status::Inside => "inside".to_string(),
                            model::Status::Above => format!("{} above", c.gap.display(2)),
                            model::Status::Below => format!("{} below", c.gap.display(2)),
                        })
                })
                .collect(),
            None,
            Some(
                outcomes
                    .iter()
                    .map(|o| {
                        o.quota_checks
                            .first()
                            .map_or_else(String::new, |c| match c.status {
                                model::Status::Inside => "0".to_string(),
                                model::Status::Above => c.gap.plain(),
                                model::Status::Below => format!("-{}", c.gap.plain()),
                            })
                    })
                    .collect(),
            ),
        );
    }
    Comparison {
        names: items.iter().map(|(n, _)| n.clone()).collect(),
        rows,
    }
}

impl Comparison {
    /// The comparison in `format`.
    ///
    /// # Errors
    /// A failed serialisation (CSV or JSON).
    pub fn render(&self, format: Format) -> Result<String, ReportError> {
        let cell = |r: &CompareRow, i: usize| match &r.differences[i] {
            Some(d) => format!("{} ({d})", r.values[i]),
            None => r.values[i].clone(),
        };
        Ok(match format {
            Format::Json => json(self)?,
            Format::Csv => {
                let mut w = CsvOut::new();
                let mut header = vec!["row".to_string()];
                for (i, n) in self.names.iter().enumerate() {
                    header.push(n.clone());
                    if i > 0 {
                        header.push(format!("{n} - {}", self.names[0]));
                    }
                }
                w.row(&header);
                for r in &self.rows {
                    let mut rec = vec![r.label.clone()];
                    for i in 0..r.values.len() {
                        rec.push(r.plain[i].clone());
                        if i > 0 {
                            rec.push(
                                r.differences[i]
                                    .clone()
                                    .unwrap_or_default()
                                    .replace(',', ""),
                            );
                        }
                    }
                    w.row(&rec);
                }
                w.finish()?
            }
            Format::Markdown | Format::Html => {
                let names: Vec<String> = self
                    .names
                    .iter()
                    .map(|n| shown(n).replace('|', "\\|"))
                    .collect();
                let mut out = format!("| | {} |\n|---|", names.join(" | "));
                out.push_str(&"--:|".repeat(self.names.len()));
                out.push('\n');
                for r in &self.rows {
                    let cells: Vec<String> = (0..r.values.len()).map(|i| cell(r, i)).collect();
                    let _ = writeln!(out, "| {} | {} |", r.label, cells.join(" | "));
                }
                out
            }
            Format::Text => {
                let names: Vec<String> = self.names.iter().map(|n| shown(n)).collect();
                let cell = |r: &CompareRow, i: usize| clip(&cell(r, i), MAX_ECHO).into_owned();
                let label_w = self.rows.iter().map(|r| r.label.len()).max().unwrap_or(0);
                let widths: Vec<usize> = (0..self.names.len())
                    .map(|i| {
                        self.rows
                            .iter()
                            .map(|r| cell(r, i).chars().count())
                            .chain([names[i].chars().count()])
                            .max()
                            .unwrap_or(0)
                    })
                    .collect();
                let mut out = format!("{:label_w$}", "");
                for (n, w) in names.iter().zip(&widths) {
                    let _ = write!(out, "  {n:>w$}");
                }
                out.push('\n');
                for r in &self.rows {
                    let _ = write!(out, "{:label_w$}", r.label);
                    for (i, w) in widths.iter().enumerate() {
                        let _ = write!(out, "  {:>w$}", cell(r, i));
                    }
                    out.push('\n');
                }
                out.push_str("(in brackets: the difference from the first scenario)\n");
                out
            }
        })
    }
}
