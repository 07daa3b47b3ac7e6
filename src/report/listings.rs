//! `check`, `sources` and `presets`: what was loaded and where it came from.

use std::fmt::Write as _;

use super::wrap_into;
use crate::data::{Confidence, Dataset, Origin, QuotaKind};
use crate::model::Preset;
use crate::text::{MAX_PAD, echo, escape_controls, pad_width};

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
            "detention_stats.csv" => detention_line(data),
            _ => String::new(),
        };
        let _ = writeln!(out, "ok  {file:<23} {what}");
        if *file == "detention_stats.csv" {
            wrap_into(&mut out, &data_through_line(data), "      ", "      ");
        }
        if let Origin::Path(path) = origin {
            wrap_into(
                &mut out,
                &format!("from {}", escape_controls(path)),
                "      ",
                "      ",
            );
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

/// `899 values, 8 workbooks FY2019-FY2026 (899 official)`.
fn detention_line(data: &Dataset) -> String {
    let figures = data.detention.figures();
    let books = data.detention.workbooks();
    let official = figures
        .iter()
        .filter(|f| f.confidence == Confidence::Official)
        .count();
    let span = match (books.first(), books.last()) {
        (Some(a), Some(b)) => format!(" FY{}-FY{}", a.fiscal_year, b.fiscal_year),
        _ => String::new(),
    };
    format!(
        "{} values, {} workbooks{span} ({official} official)",
        figures.len(),
        books.len()
    )
}

/// `data through: FY2019 2019-09-30, ...`.
fn data_through_line(data: &Dataset) -> String {
    let dates: Vec<String> = data
        .detention
        .workbooks()
        .iter()
        .map(|w| format!("FY{} {}", w.fiscal_year, w.data_through))
        .collect();
    format!("data through: {}", dates.join(", "))
}

/// `sources`: every entry with its link.
#[must_use]
pub fn sources(data: &Dataset) -> String {
    let mut out = String::new();
    for entry in &data.sources {
        let e = |s: &str| escape_controls(s).into_owned();
        let _ = writeln!(out, "[{}] {}", e(&entry.id), e(&entry.title));
        let when = if entry.date.is_empty() {
            "undated"
        } else {
            &entry.date
        };
        let _ = writeln!(out, "    {}, {when}", e(&entry.publisher));
        if !entry.url.is_empty() {
            let _ = writeln!(out, "    {}", e(&entry.url));
        }
        if !entry.note.is_empty() {
            let _ = writeln!(out, "    {}", e(&entry.note));
        }
    }
    out
}

/// `presets` with the data: every preset, then the quotas' reported counter-statement
/// (shown wherever the quotas are listed).
#[must_use]
pub fn presets_listing(presets: &[Preset], data: &Dataset) -> String {
    let mut out = self::presets(presets);
    if let Some(c) = data.quota_counter_statement() {
        out.push('\n');
        wrap_into(&mut out, &c.sentence(), "", "  ");
    }
    out
}

/// `presets`: every preset with what it sets.
#[must_use]
pub fn presets(presets: &[Preset]) -> String {
    let mut out = String::new();
    let ids: Vec<String> = presets.iter().map(|p| echo(&p.id)).collect();
    let width = pad_width(ids.iter().map(String::as_str), MAX_PAD);
    for (p, id) in presets.iter().zip(&ids) {
        let approx = if p.exact {
            ""
        } else {
            " (per-office target rounded)"
        };
        let _ = writeln!(out, "{id:<width$}  {}{approx}", echo(&p.label));
    }
    out
}
