//! Reports of a scenario's outcome as text (80 columns), Markdown, CSV and JSON.
//!
//! [`Summary::new`] gathers everything once; each format only lays it out.

use std::fmt::Write as _;

use serde::Serialize;

use crate::data::{Confidence, Dataset, Origin, QuotaKind, Source};
use crate::model::{self, Outcome, Preset, Scenario, format_multiple};
use crate::number::{format_f64, group_thousands};

/// Output formats of `summary`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Plain text that fits 80 columns.
    Text,
    /// The comparison table, one row per fiscal year.
    Csv,
    /// Everything, for scripts.
    Json,
    /// Headings and tables, with source links.
    Markdown,
}

/// Everything a report shows, computed once.
#[derive(Debug, Clone, Serialize)]
pub struct Summary<'a> {
    /// The inputs.
    pub scenario: &'a Scenario,
    /// Presets that equal the inputs.
    pub presets: Vec<&'a Preset>,
    /// The model's outcome (daily and annual totals, comparisons, checks).
    #[serde(flatten)]
    pub outcome: &'a Outcome,
    /// Each arrest-quota check in words.
    pub quota_sentences: Vec<QuotaWords>,
    /// Removal targets, listed for context and never compared with arrests.
    pub removal_targets: Vec<&'a crate::data::Quota>,
    /// Context figures.
    pub reference: &'a [crate::data::ReferenceFigure],
    /// The sources the report cites.
    pub sources: Vec<&'a Source>,
    /// Where each data file was read from.
    pub data_files: &'a [(&'static str, Origin)],
}

/// A quota check in words.
#[derive(Debug, Clone, Serialize)]
pub struct QuotaWords {
    /// The quota's id.
    pub quota_id: String,
    /// The target, e.g. `1,200-1,500 arrests a day`.
    pub target: String,
    /// Who reported it, and when.
    pub reported_by: String,
    /// The check, e.g. `1,875 a day is 375 above the reported 1,200-1,500`.
    pub check: String,
    /// What would reconcile the scenario with it.
    pub reconcile: Option<String>,
}

impl<'a> Summary<'a> {
    /// Gather a report of `outcome`.
    #[must_use]
    pub fn new(
        scenario: &'a Scenario,
        outcome: &'a Outcome,
        data: &'a Dataset,
        presets: &'a [Preset],
    ) -> Self {
        let quota_sentences = outcome
            .quota_checks
            .iter()
            .filter_map(|c| {
                let q = data.quota(&c.quota_id)?;
                Some(QuotaWords {
                    quota_id: q.id.clone(),
                    target: q.describe(),
                    reported_by: format!("{}, {}", q.outlet, q.date),
                    check: c.sentence(q),
                    reconcile: c.reconcile(scenario),
                })
            })
            .collect();
        let removal_targets: Vec<_> = data
            .quotas
            .iter()
            .filter(|q| q.kind == QuotaKind::Removals)
            .collect();
        let mut ids: Vec<&str> = Vec::new();
        let mut cite = |id: &'a str| {
            if !ids.contains(&id) {
                ids.push(id);
            }
        };
        data.annual.iter().for_each(|a| cite(&a.source_id));
        data.quotas.iter().for_each(|q| cite(&q.source_id));
        data.reference.iter().for_each(|r| cite(&r.source_id));
        if let Some(o) = &outcome.observed {
            cite(&o.source_id);
        }
        let sources = ids.iter().filter_map(|id| data.source(id)).collect();
        Self {
            scenario,
            presets: model::matching_presets(scenario, presets),
            outcome,
            quota_sentences,
            removal_targets,
            reference: &data.reference,
            sources,
            data_files: &data.origins,
        }
    }

    /// The report in `format`.
    #[must_use]
    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Text => self.text(),
            Format::Markdown => self.markdown(),
            Format::Csv => self.csv(),
            Format::Json => self.json(),
        }
    }

    /// The inputs in one line.
    #[must_use]
    pub fn inputs_line(&self) -> String {
        let s = self.scenario;
        let uniform = if s.overrides.is_empty() {
            String::new()
        } else {
            format!(" ({} office targets changed)", s.overrides.len())
        };
        format!(
            "{} offices x {} arrests a day{uniform}, {}% met, {} days a year",
            group_thousands(u128::from(s.offices)),
            s.per_office,
            s.attainment,
            s.days
        )
    }

    /// The daily total's arithmetic: `25 offices x 75`, with attainment when not 100%.
    #[must_use]
    pub fn daily_formula(&self) -> String {
        let s = self.scenario;
        let base = if s.overrides.is_empty() {
            format!(
                "{} offices x {}",
                group_thousands(u128::from(s.offices)),
                s.per_office
            )
        } else {
            format!(
                "sum of {} office targets",
                group_thousands(u128::from(s.offices))
            )
        };
        if s.attainment == crate::number::Fixed3::whole(100) {
            base
        } else {
            format!("{base} x {}%", s.attainment)
        }
    }

    fn text(&self) -> String {
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
                self.daily_formula(),
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
        out.push('\n');
        out.push_str(&self.text_years());
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
            "Scenario/yr: the scenario's annual total over the year's arrests. Scenario/day: its daily total over the year's daily average (the year's real 365 or 366 days).",
            "  ",
        );
        if let Some(r) = &o.rank {
            let above = match r.highest_exceeded {
                Some(y) if r.position == 1 => {
                    format!("above every official year, the highest being FY{y}")
                }
                Some(y) => format!("the highest official year it exceeds is FY{y}"),
                None => "below every official year".to_string(),
            };
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
            out.push_str("Against the observed 2025 pace (DDP weekly counts, derived)\n");
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

    fn markdown(&self) -> String {
        let o = self.outcome;
        let mut out = String::new();
        let _ = writeln!(out, "# Scenario: {}\n", self.inputs_line());
        let _ = writeln!(
            out,
            "- **Daily total:** {} arrests a day ({})",
            self.outcome.daily_total.display(2),
            self.daily_formula()
        );
        let _ = writeln!(
            out,
            "- **Annual total:** {} arrests a year ({} x {} days)\n",
            self.outcome.annual_total.display(2),
            self.outcome.daily_total.display(2),
            self.scenario.days
        );
        out.push_str("## Against each fiscal year\n\n");
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
        out.push_str("\n## Against the reported arrest quotas\n\n");
        for q in &self.quota_sentences {
            let _ = write!(out, "- **{}** ({}): {}.", q.target, q.reported_by, q.check);
            if let Some(r) = &q.reconcile {
                let _ = write!(out, " To meet it: {r}.");
            }
            out.push('\n');
        }
        if let Some(p) = &o.observed {
            let _ = writeln!(
                out,
                "\n## Against the observed 2025 pace (derived)\n\n- Average: {} a day over {} days; the scenario is {} that.\n- Peak: week of {}, {} a day; the scenario is {} that.",
                format_f64(p.average_per_day, 1),
                p.days,
                format_multiple(p.multiple_of_average),
                p.peak_week,
                format_f64(p.peak_per_day, 1),
                format_multiple(p.multiple_of_peak)
            );
        }
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

    fn csv(&self) -> String {
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

    fn json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }
}

/// Append `text` wrapped at 80 columns, never splitting words or dates.
fn wrap_into(out: &mut String, text: &str, first: &str, rest: &str) {
    let opts = textwrap::Options::new(80)
        .initial_indent(first)
        .subsequent_indent(rest)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(false);
    for line in textwrap::wrap(text, opts) {
        out.push_str(&line);
        out.push('\n');
    }
}

/// `check`: what was loaded, file by file.
#[must_use]
pub fn loaded(data: &Dataset) -> String {
    let mut out = String::new();
    let count = |c: Confidence| data.annual.iter().filter(|a| a.confidence == c).count();
    let years = |c: Confidence| {
        let ys: Vec<String> = data
            .annual
            .iter()
            .filter(|a| a.confidence == c)
            .map(|a| format!("FY{}", a.fiscal_year))
            .collect();
        ys.join(", ")
    };
    out.push_str("Data files (the bundled copies unless a path is shown)\n");
    for (file, origin) in &data.origins {
        let what = match *file {
            "sources.csv" => format!("{} sources", data.sources.len()),
            "annual_arrests.csv" => format!(
                "{} fiscal years ({} official, {} derived, {} reported)",
                data.annual.len(),
                count(Confidence::Official),
                count(Confidence::Derived),
                count(Confidence::Reported)
            ),
            "quotas.csv" => format!(
                "{} reported targets ({} of arrests, {} of removals)",
                data.quotas.len(),
                data.quotas
                    .iter()
                    .filter(|q| q.kind == QuotaKind::Arrests)
                    .count(),
                data.quotas
                    .iter()
                    .filter(|q| q.kind == QuotaKind::Removals)
                    .count()
            ),
            "field_offices.csv" => format!("{} field offices", data.offices.len()),
            "reference.csv" => format!("{} context figures", data.reference.len()),
            "weekly_arrests_2025.csv" => format!("{} weeks", data.weekly.len()),
            _ => String::new(),
        };
        let _ = writeln!(out, "ok  {file:<23} {what}");
        if let Origin::Path(path) = origin {
            wrap_into(&mut out, &format!("from {path}"), "      ", "      ");
        }
    }
    for (label, c) in [
        ("official", Confidence::Official),
        ("derived", Confidence::Derived),
        ("reported", Confidence::Reported),
    ] {
        if count(c) > 0 {
            wrap_into(
                &mut out,
                &format!("{label} years: {}", years(c)),
                "",
                "    ",
            );
        }
    }
    out
}

/// `sources`: every entry with its link.
#[must_use]
pub fn sources(data: &Dataset) -> String {
    let mut out = String::new();
    for entry in &data.sources {
        let _ = writeln!(out, "[{}] {}", entry.id, entry.title);
        let when = if entry.date.is_empty() {
            "undated"
        } else {
            &entry.date
        };
        let _ = writeln!(out, "    {}, {when}", entry.publisher);
        if !entry.url.is_empty() {
            let _ = writeln!(out, "    {}", entry.url);
        }
        if !entry.note.is_empty() {
            let _ = writeln!(out, "    {}", entry.note);
        }
    }
    out
}

/// `presets`: every preset with what it sets.
#[must_use]
pub fn presets(presets: &[Preset]) -> String {
    let mut out = String::new();
    let width = presets.iter().map(|p| p.id.len()).max().unwrap_or(0);
    for p in presets {
        let approx = if p.exact {
            ""
        } else {
            " (per-office target rounded)"
        };
        let _ = writeln!(out, "{:<width$}  {}{approx}", p.id, p.label);
    }
    out
}
