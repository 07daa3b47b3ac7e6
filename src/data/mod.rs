//! The data set: historical arrests, reported quotas, field offices, reference figures,
//! the observed 2025 weekly series and their sources.
//!
//! The bundled CSV files in `data/` are compiled into the binary; [`Dataset::from_dir`]
//! reads the same files from disk. Loading validates everything and reports every
//! problem at once ([`LoadError`]).

mod detention;
mod error;
mod table;

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

pub use detention::{
    Agency, BOOK_INS_CAVEAT, BOOK_INS_NAME, Decimal4, Detention, DetentionFigure, MonthsTotal,
    Period, Series, Workbook,
};
pub use error::{DataError, LoadError};
pub use table::parse_iso_date;
use table::{Fields, Line};

/// How a figure is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// Read in the agency's own document.
    Official,
    /// Computed from record-level data.
    Derived,
    /// From press reports of targets or statements.
    Reported,
}

impl Confidence {
    /// The label as written in the data files.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Official => "official",
            Self::Derived => "derived",
            Self::Reported => "reported",
        }
    }
}

/// ICE ERO administrative arrests in one fiscal year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnnualArrests {
    /// The fiscal year (FY2024 ran Oct 1 2023 - Sep 30 2024).
    pub fiscal_year: i32,
    /// Administrative arrests in that year.
    pub arrests: u64,
    /// How the figure is known.
    pub confidence: Confidence,
    /// Id in `sources.csv`.
    pub source_id: String,
    /// A note shown with the figure (e.g. a second official figure).
    pub note: String,
}

/// What a reported target counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuotaKind {
    /// Arrests: comparable with the scenario.
    Arrests,
    /// Removals (deportations): a different count, shown for context only.
    Removals,
}

/// The unit of a reported target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuotaUnit {
    /// A national figure per day.
    PerDay,
    /// A figure per field office per day.
    PerOfficePerDay,
    /// A national figure per year.
    PerYear,
}

/// A reported target or quota.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quota {
    /// Short id (`wapo-national`), also the preset id.
    pub id: String,
    /// Date reported (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`).
    pub date: String,
    /// The outlet that reported it.
    pub outlet: String,
    /// Arrests or removals.
    pub kind: QuotaKind,
    /// Per day, per office per day, or per year.
    pub unit: QuotaUnit,
    /// Low end of the range.
    pub low: u64,
    /// High end of the range (equal to `low` for a single figure).
    pub high: u64,
    /// Number of offices the report names, if any.
    pub offices: Option<u64>,
    /// How the figure is known.
    pub confidence: Confidence,
    /// Id in `sources.csv`.
    pub source_id: String,
    /// Link to the report, if one is known.
    pub url: String,
    /// A short quote.
    pub quote: String,
}

impl Quota {
    /// `1,200-1,500` or `75`.
    #[must_use]
    pub fn range_text(&self) -> String {
        use crate::number::group_thousands;
        if self.low == self.high {
            group_thousands(u128::from(self.low))
        } else {
            format!(
                "{}-{}",
                group_thousands(u128::from(self.low)),
                group_thousands(u128::from(self.high))
            )
        }
    }

    /// The target in words: `1,200-1,500 arrests a day`.
    #[must_use]
    pub fn describe(&self) -> String {
        let what = match self.kind {
            QuotaKind::Arrests => "arrests",
            QuotaKind::Removals => "removals",
        };
        let unit = match self.unit {
            QuotaUnit::PerDay => " a day".to_string(),
            QuotaUnit::PerYear => " a year".to_string(),
            QuotaUnit::PerOfficePerDay => match self.offices {
                Some(n) => format!(" a day per office x {n} offices"),
                None => " a day per field office".to_string(),
            },
        };
        format!("{} {what}{unit}", self.range_text())
    }
}

/// One ERO field office (area of responsibility).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldOffice {
    /// Three-letter code (`DAL`).
    pub code: String,
    /// Name (`Dallas`).
    pub name: String,
    /// Headquarters city.
    pub hq_city: String,
    /// Headquarters state.
    pub hq_state: String,
    /// Headquarters street address.
    pub hq_address: String,
    /// Area covered.
    pub area: String,
    /// Other codes seen for this office.
    pub alt_codes: Vec<String>,
    /// Id in `sources.csv`.
    pub source_id: String,
}

/// A context figure to measure scenarios against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReferenceFigure {
    /// Short id.
    pub id: String,
    /// What it is, in words.
    pub label: String,
    /// The figure.
    pub value: u64,
    /// Its unit (`people`, `arrests`).
    pub unit: String,
    /// The date it refers to.
    pub as_of: String,
    /// How the figure is known.
    pub confidence: Confidence,
    /// Id in `sources.csv`.
    pub source_id: String,
    /// A note.
    pub note: String,
}

/// Arrests counted in one week of 2025 (derived from DDP records).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WeeklyCount {
    /// First day of the week (a Sunday).
    pub week_start: jiff::civil::Date,
    /// Arrest records counted that week.
    pub arrests: u64,
    /// Days of the week the data covers (7, or fewer for a partial week).
    pub days_covered: u8,
    /// How the figure is known.
    pub confidence: Confidence,
    /// Id in `sources.csv`.
    pub source_id: String,
}

/// A source that figures cite.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    /// Short id used by the other files.
    pub id: String,
    /// Title (or a description when there is no title).
    pub title: String,
    /// Publisher or outlet.
    pub publisher: String,
    /// Date (`YYYY-MM-DD`, `YYYY-MM`, `YYYY` or empty).
    pub date: String,
    /// Link, if one is known.
    pub url: String,
    /// A note.
    pub note: String,
    /// A short citation for the screen's source line (`ICE FY2024 report`).
    pub short: String,
}

/// Where a file was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// The copy compiled into the binary.
    Bundled,
    /// A file on disk.
    Path(String),
}

/// All the data, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dataset {
    /// Arrests per fiscal year, in ascending year order.
    pub annual: Vec<AnnualArrests>,
    /// Reported targets.
    pub quotas: Vec<Quota>,
    /// The field offices, in file order.
    pub offices: Vec<FieldOffice>,
    /// Context figures.
    pub reference: Vec<ReferenceFigure>,
    /// The weekly 2025 series, in date order.
    pub weekly: Vec<WeeklyCount>,
    /// Sources.
    pub sources: Vec<Source>,
    /// ICE's Detention Statistics, FY2019 to FY2026 (book-ins, population, stay, removals).
    pub detention: Detention,
    /// Where each file came from, in [`FILES`] order.
    pub origins: Vec<(&'static str, Origin)>,
}

/// The data files, in load order.
pub const FILES: [&str; 7] = [
    "sources.csv",
    "annual_arrests.csv",
    "quotas.csv",
    "field_offices.csv",
    "reference.csv",
    "weekly_arrests_2025.csv",
    "detention_stats.csv",
];

const BUNDLED: [(&str, &[u8]); 7] = [
    ("sources.csv", include_bytes!("../../data/sources.csv")),
    (
        "annual_arrests.csv",
        include_bytes!("../../data/annual_arrests.csv"),
    ),
    ("quotas.csv", include_bytes!("../../data/quotas.csv")),
    (
        "field_offices.csv",
        include_bytes!("../../data/field_offices.csv"),
    ),
    ("reference.csv", include_bytes!("../../data/reference.csv")),
    (
        "weekly_arrests_2025.csv",
        include_bytes!("../../data/weekly_arrests_2025.csv"),
    ),
    (
        "detention_stats.csv",
        include_bytes!("../../data/detention_stats.csv"),
    ),
];

/// The raw bytes of a bundled file.
#[must_use]
pub fn bundled_file(name: &str) -> Option<&'static [u8]> {
    BUNDLED.iter().find(|(n, _)| *n == name).map(|(_, b)| *b)
}

/// One file's name as shown in messages, and its bytes.
pub struct FileInput {
    /// Name shown in messages.
    pub display: String,
    /// Contents.
    pub bytes: Vec<u8>,
    /// Where it came from.
    pub origin: Origin,
}

impl Dataset {
    /// The data compiled into the binary.
    ///
    /// # Errors
    /// Only if the bundled files are broken, which the test suite rules out.
    pub fn bundled() -> Result<Self, LoadError> {
        Self::from_inputs(&BUNDLED.map(|(name, bytes)| FileInput {
            display: name.to_string(),
            bytes: bytes.to_vec(),
            origin: Origin::Bundled,
        }))
    }

    /// Read the data files from `dir`. A file missing from `dir` falls back to the
    /// bundled copy, and `origins` says so; a directory with none of them is an error.
    ///
    /// # Errors
    /// Every problem in every file, or an unreadable directory.
    pub fn from_dir(dir: &Path) -> Result<Self, LoadError> {
        if !dir.is_dir() {
            return Err(LoadError {
                errors: vec![DataError::file(
                    &dir.display().to_string(),
                    "is not a directory; --data-dir expects a folder holding the data files",
                )],
            });
        }
        let mut inputs = Vec::new();
        let mut errors = Vec::new();
        let mut found_any = false;
        for (name, bundled) in BUNDLED {
            let path = dir.join(name);
            let display = path.display().to_string();
            match std::fs::read(&path) {
                Ok(bytes) => {
                    found_any = true;
                    inputs.push(FileInput {
                        display: display.clone(),
                        bytes,
                        origin: Origin::Path(display),
                    });
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => inputs.push(FileInput {
                    display: name.to_string(),
                    bytes: bundled.to_vec(),
                    origin: Origin::Bundled,
                }),
                Err(e) => errors.push(DataError::file(&display, format!("cannot be read: {e}"))),
            }
        }
        if !found_any && errors.is_empty() {
            errors.push(DataError::file(
                &dir.display().to_string(),
                format!("holds none of the data files ({})", FILES.join(", ")),
            ));
        }
        match <[FileInput; 7]>::try_from(inputs) {
            Ok(inputs) if errors.is_empty() => Self::from_inputs(&inputs),
            _ => Err(LoadError { errors }),
        }
    }

    /// Parse and validate the files, given in [`FILES`] order.
    ///
    /// # Errors
    /// Every problem found, across all files.
    pub fn from_inputs(inputs: &[FileInput; 7]) -> Result<Self, LoadError> {
        let [
            sources_in,
            annual_in,
            quotas_in,
            offices_in,
            reference_in,
            weekly_in,
            detention_in,
        ] = inputs;
        let mut errors = Vec::new();
        let sources = parse_sources(sources_in, &mut errors);
        let known: std::collections::HashSet<&str> =
            sources.iter().map(|s| s.id.as_str()).collect();
        let check_source = |file: &str, line: u64, id: &str, errors: &mut Vec<DataError>| {
            if !id.is_empty() && !known.contains(id) {
                errors.push(DataError::field(
                    file,
                    line,
                    "source_id",
                    format!("'{id}' is not a source id listed in sources.csv"),
                ));
            }
        };
        let annual = parse_annual(annual_in, &mut errors, &check_source);
        let quotas = parse_quotas(quotas_in, &mut errors, &check_source);
        let offices = parse_offices(offices_in, &mut errors, &check_source);
        let reference = parse_reference(reference_in, &mut errors, &check_source);
        let weekly = parse_weekly(weekly_in, &mut errors, &check_source);
        let detention = detention::parse(detention_in, &mut errors, &check_source);
        if !errors.is_empty() {
            return Err(LoadError { errors });
        }
        let origins = FILES
            .iter()
            .zip(inputs)
            .map(|(f, input)| (*f, input.origin.clone()))
            .collect();
        Ok(Self {
            annual,
            quotas,
            offices,
            reference,
            weekly,
            sources,
            detention,
            origins,
        })
    }

    /// The source with this id.
    #[must_use]
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The quota with this id.
    #[must_use]
    pub fn quota(&self, id: &str) -> Option<&Quota> {
        self.quotas.iter().find(|q| q.id == id)
    }
}

type SourceCheck<'a> = dyn Fn(&str, u64, &str, &mut Vec<DataError>) + 'a;

#[derive(Deserialize)]
struct RawSource {
    id: String,
    title: String,
    publisher: String,
    #[serde(default)]
    date: String,
    #[serde(default)]
    url: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    short: String,
}

fn parse_sources(input: &FileInput, errors: &mut Vec<DataError>) -> Vec<Source> {
    let file = input.display.as_str();
    let rows: Vec<Line<RawSource>> =
        table::read(file, &input.bytes, &["id", "title", "publisher"], errors);
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut out = Vec::new();
    for Line { line, record: r } in rows {
        let mut f = Fields::new(file, line, errors);
        let id = f.text("id", &r.id);
        let title = f.text("title", &r.title);
        let publisher = f.text("publisher", &r.publisher);
        let date = f.partial_date("date", &r.date, false);
        if !r.url.is_empty() && !r.url.starts_with("https://") && !r.url.starts_with("http://") {
            f.fail(
                "url",
                format!(
                    "'{}' is not a web address (expected http:// or https://)",
                    r.url
                ),
            );
        }
        if let Some(id) = &id {
            if let Some(first) = seen.get(id) {
                f.fail(
                    "id",
                    format!("'{id}' appears twice (first on line {first})"),
                );
            } else {
                seen.insert(id.clone(), line);
            }
        }
        if let (Some(id), Some(title), Some(publisher), Some(date)) = (id, title, publisher, date) {
            let short = if r.short.is_empty() {
                format!("{publisher} {date}").trim_end().to_string()
            } else {
                r.short
            };
            out.push(Source {
                id,
                title,
                publisher,
                date,
                url: r.url,
                note: r.note,
                short,
            });
        }
    }
    out
}

#[derive(Deserialize)]
struct RawAnnual {
    fiscal_year: String,
    arrests: String,
    confidence: String,
    source_id: String,
    #[serde(default)]
    note: String,
}

/// Fiscal years the loader accepts.
pub const FISCAL_YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

fn parse_annual(
    input: &FileInput,
    errors: &mut Vec<DataError>,
    check_source: &SourceCheck<'_>,
) -> Vec<AnnualArrests> {
    let file = input.display.as_str();
    let rows: Vec<Line<RawAnnual>> = table::read(
        file,
        &input.bytes,
        &["fiscal_year", "arrests", "confidence", "source_id"],
        errors,
    );
    let mut seen: HashMap<i32, u64> = HashMap::new();
    let mut out = Vec::new();
    for Line { line, record: r } in rows {
        let mut f = Fields::new(file, line, errors);
        let year = f.whole("fiscal_year", &r.fiscal_year).and_then(|y| {
            let y = i32::try_from(y).ok().filter(|y| FISCAL_YEARS.contains(y));
            if y.is_none() {
                f.fail(
                    "fiscal_year",
                    format!(
                        "'{}' is not a plausible fiscal year (expected {} to {})",
                        r.fiscal_year,
                        FISCAL_YEARS.start(),
                        FISCAL_YEARS.end()
                    ),
                );
            }
            y
        });
        let arrests = f.whole("arrests", &r.arrests);
        let confidence = f.confidence("confidence", &r.confidence);
        let source = f.text("source_id", &r.source_id);
        if let Some(y) = year {
            if let Some(first) = seen.get(&y) {
                f.fail(
                    "fiscal_year",
                    format!("fiscal year {y} appears twice (first on line {first})"),
                );
            } else {
                seen.insert(y, line);
            }
        }
        check_source(file, line, &r.source_id, errors);
        if let (Some(fiscal_year), Some(arrests), Some(confidence), Some(source_id)) =
            (year, arrests, confidence, source)
        {
            out.push(AnnualArrests {
                fiscal_year,
                arrests,
                confidence,
                source_id,
                note: r.note,
            });
        }
    }
    out.sort_by_key(|a| a.fiscal_year);
    out
}

#[derive(Deserialize)]
struct RawQuota {
    id: String,
    date: String,
    outlet: String,
    kind: String,
    unit: String,
    low: String,
    high: String,
    #[serde(default)]
    offices: String,
    confidence: String,
    source_id: String,
    #[serde(default)]
    url: String,
    #[serde(default)]
    quote: String,
}

fn parse_quotas(
    input: &FileInput,
    errors: &mut Vec<DataError>,
    check_source: &SourceCheck<'_>,
) -> Vec<Quota> {
    let file = input.display.as_str();
    let rows: Vec<Line<RawQuota>> = table::read(
        file,
        &input.bytes,
        &[
            "id",
            "date",
            "outlet",
            "kind",
            "unit",
            "low",
            "high",
            "confidence",
            "source_id",
        ],
        errors,
    );
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut out = Vec::new();
    for Line { line, record: r } in rows {
        let mut f = Fields::new(file, line, errors);
        let id = f.text("id", &r.id);
        let date = f.partial_date("date", &r.date, true);
        let outlet = f.text("outlet", &r.outlet);
        let kind = f.choice(
            "kind",
            &r.kind,
            &[
                ("arrests", QuotaKind::Arrests),
                ("removals", QuotaKind::Removals),
            ],
        );
        let unit = f.choice(
            "unit",
            &r.unit,
            &[
                ("per_day", QuotaUnit::PerDay),
                ("per_office_per_day", QuotaUnit::PerOfficePerDay),
                ("per_year", QuotaUnit::PerYear),
            ],
        );
        let low = f.whole("low", &r.low);
        let high = f.whole("high", &r.high);
        let offices = f.optional_whole("offices", &r.offices);
        let confidence = f.confidence("confidence", &r.confidence);
        let source = f.text("source_id", &r.source_id);
        if let (Some(lo), Some(hi)) = (low, high)
            && lo > hi
        {
            f.fail(
                "high",
                format!(
                    "'{}' is below the low end '{}'; expected low <= high",
                    r.high, r.low
                ),
            );
        }
        if let Some(id) = &id {
            if let Some(first) = seen.get(id) {
                f.fail(
                    "id",
                    format!("'{id}' appears twice (first on line {first})"),
                );
            } else {
                seen.insert(id.clone(), line);
            }
        }
        check_source(file, line, &r.source_id, errors);
        if let (
            Some(id),
            Some(date),
            Some(outlet),
            Some(kind),
            Some(unit),
            Some(low),
            Some(high),
            Some(offices),
            Some(confidence),
            Some(source_id),
        ) = (
            id, date, outlet, kind, unit, low, high, offices, confidence, source,
        ) && low <= high
        {
            out.push(Quota {
                id,
                date,
                outlet,
                kind,
                unit,
                low,
                high,
                offices,
                confidence,
                source_id,
                url: r.url,
                quote: r.quote,
            });
        }
    }
    out
}

#[derive(Deserialize)]
struct RawOffice {
    code: String,
    name: String,
    #[serde(default)]
    hq_city: String,
    #[serde(default)]
    hq_state: String,
    #[serde(default)]
    hq_address: String,
    #[serde(default)]
    area: String,
    #[serde(default)]
    alt_codes: String,
    #[serde(default)]
    source_id: String,
}

fn parse_offices(
    input: &FileInput,
    errors: &mut Vec<DataError>,
    check_source: &SourceCheck<'_>,
) -> Vec<FieldOffice> {
    let file = input.display.as_str();
    let rows: Vec<Line<RawOffice>> = table::read(file, &input.bytes, &["code", "name"], errors);
    let mut codes: HashMap<String, u64> = HashMap::new();
    let mut out = Vec::new();
    for Line { line, record: r } in rows {
        let mut f = Fields::new(file, line, errors);
        let code = f.text("code", &r.code).and_then(|c| {
            let ok = (2..=4).contains(&c.len()) && c.chars().all(|ch| ch.is_ascii_uppercase());
            if ok {
                Some(c)
            } else {
                f.fail(
                    "code",
                    format!(
                        "'{c}' is not an office code (expected 2 to 4 capital letters, like DAL)"
                    ),
                );
                None
            }
        });
        let name = f.text("name", &r.name);
        let alt_codes: Vec<String> = r
            .alt_codes
            .split([' ', ';', '|'])
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        if let Some(c) = &code {
            for each in std::iter::once(c).chain(alt_codes.iter()) {
                if let Some(first) = codes.get(each) {
                    f.fail(
                        "code",
                        format!("office code '{each}' appears twice (first on line {first})"),
                    );
                } else {
                    codes.insert(each.clone(), line);
                }
            }
        }
        check_source(file, line, &r.source_id, errors);
        if let (Some(code), Some(name)) = (code, name) {
            out.push(FieldOffice {
                code,
                name,
                hq_city: r.hq_city,
                hq_state: r.hq_state,
                hq_address: r.hq_address,
                area: r.area,
                alt_codes,
                source_id: r.source_id,
            });
        }
    }
    out
}

#[derive(Deserialize)]
struct RawReference {
    id: String,
    label: String,
    value: String,
    #[serde(default)]
    unit: String,
    #[serde(default)]
    as_of: String,
    confidence: String,
    source_id: String,
    #[serde(default)]
    note: String,
}

fn parse_reference(
    input: &FileInput,
    errors: &mut Vec<DataError>,
    check_source: &SourceCheck<'_>,
) -> Vec<ReferenceFigure> {
    let file = input.display.as_str();
    let rows: Vec<Line<RawReference>> = table::read(
        file,
        &input.bytes,
        &["id", "label", "value", "confidence", "source_id"],
        errors,
    );
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut out = Vec::new();
    for Line { line, record: r } in rows {
        let mut f = Fields::new(file, line, errors);
        let id = f.text("id", &r.id);
        let label = f.text("label", &r.label);
        let value = f.whole("value", &r.value);
        let as_of = f.partial_date("as_of", &r.as_of, false);
        let confidence = f.confidence("confidence", &r.confidence);
        let source = f.text("source_id", &r.source_id);
        if let Some(id) = &id {
            if let Some(first) = seen.get(id) {
                f.fail(
                    "id",
                    format!("'{id}' appears twice (first on line {first})"),
                );
            } else {
                seen.insert(id.clone(), line);
            }
        }
        check_source(file, line, &r.source_id, errors);
        if let (
            Some(id),
            Some(label),
            Some(value),
            Some(as_of),
            Some(confidence),
            Some(source_id),
        ) = (id, label, value, as_of, confidence, source)
        {
            out.push(ReferenceFigure {
                id,
                label,
                value,
                unit: r.unit,
                as_of,
                confidence,
                source_id,
                note: r.note,
            });
        }
    }
    out
}

#[derive(Deserialize)]
struct RawWeekly {
    week_start: String,
    arrests: String,
    #[serde(default)]
    days_covered: String,
    confidence: String,
    source_id: String,
}

fn parse_weekly(
    input: &FileInput,
    errors: &mut Vec<DataError>,
    check_source: &SourceCheck<'_>,
) -> Vec<WeeklyCount> {
    let file = input.display.as_str();
    let rows: Vec<Line<RawWeekly>> = table::read(
        file,
        &input.bytes,
        &["week_start", "arrests", "confidence", "source_id"],
        errors,
    );
    let mut seen: HashMap<jiff::civil::Date, u64> = HashMap::new();
    let mut out = Vec::new();
    for Line { line, record: r } in rows {
        let mut f = Fields::new(file, line, errors);
        let week_start = f.date("week_start", &r.week_start);
        let arrests = f.whole("arrests", &r.arrests);
        let days = if r.days_covered.is_empty() {
            Some(7)
        } else {
            f.whole("days_covered", &r.days_covered).and_then(|d| {
                let d = u8::try_from(d).ok().filter(|d| (1..=7).contains(d));
                if d.is_none() {
                    f.fail(
                        "days_covered",
                        format!(
                            "'{}' is not a number of days in a week (expected 1 to 7)",
                            r.days_covered
                        ),
                    );
                }
                d
            })
        };
        let confidence = f.confidence("confidence", &r.confidence);
        let source = f.text("source_id", &r.source_id);
        if let Some(d) = week_start {
            if let Some(first) = seen.get(&d) {
                f.fail(
                    "week_start",
                    format!("week {d} appears twice (first on line {first})"),
                );
            } else {
                seen.insert(d, line);
            }
        }
        check_source(file, line, &r.source_id, errors);
        if let (
            Some(week_start),
            Some(arrests),
            Some(days_covered),
            Some(confidence),
            Some(source_id),
        ) = (week_start, arrests, days, confidence, source)
        {
            out.push(WeeklyCount {
                week_start,
                arrests,
                days_covered,
                confidence,
                source_id,
            });
        }
    }
    out.sort_by_key(|w| w.week_start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every bundled arrest figure, as in the fact sheet (shared/facts/ice-facts.md,
    /// items 1 and 4): a change to the data must change this list on purpose.
    #[test]
    fn every_annual_figure_matches_the_fact_sheet() {
        let d = Dataset::bundled().unwrap();
        let got: Vec<(i32, u64, &str)> = d
            .annual
            .iter()
            .map(|a| (a.fiscal_year, a.arrests, a.confidence.label()))
            .collect();
        assert_eq!(
            got,
            [
                (2009, 297_898, "reported"),
                (2012, 290_622, "official"),
                (2013, 229_698, "official"),
                (2014, 181_719, "official"),
                (2015, 117_983, "official"),
                (2016, 110_104, "official"),
                (2017, 143_470, "official"),
                (2018, 158_581, "official"),
                (2019, 143_099, "official"),
                (2020, 103_603, "official"),
                (2021, 74_082, "official"),
                (2022, 142_750, "official"),
                (2023, 170_590, "official"),
                (2024, 113_431, "official"),
                (2025, 233_042, "derived"),
            ]
        );
        // FY2025's 233,042 is the fact sheet's sum of DDP weekly counts over the whole
        // fiscal year; the bundled series starts on Dec 29 2024, so it cannot be summed
        // again here. What can: its weeks from Jan 19 2025 add to 221,007 (item 4).
        let from_jan_19: u64 = d
            .weekly
            .iter()
            .filter(|w| w.week_start >= jiff::civil::date(2025, 1, 19))
            .map(|w| w.arrests)
            .sum();
        assert_eq!(from_jan_19, 221_007);
        let quotas: Vec<(&str, u64, u64)> = d
            .quotas
            .iter()
            .map(|q| (q.id.as_str(), q.low, q.high))
            .collect();
        assert_eq!(
            quotas,
            [
                ("wapo-national", 1200, 1500),
                ("wapo-per-office", 75, 75),
                ("independent-25x75", 75, 75),
                ("nypost-1800", 1800, 1800),
                ("axios-3000", 3000, 3000),
                ("wapo-1m-removals", 1_000_000, 1_000_000),
                ("wapo-2010-removals", 400_000, 400_000),
            ]
        );
        let reference: Vec<(&str, u64)> = d
            .reference
            .iter()
            .map(|r| (r.id.as_str(), r.value))
            .collect();
        assert_eq!(
            reference,
            [
                ("removals-fy2024", 271_484),
                ("removals-fy2023", 142_580),
                ("at-large-fy2024", 33_243),
                ("criminal-fy2024", 81_312),
                ("docket-criminal-2024-07", 662_566),
                ("docket-nondetained-fy2024", 7_600_000),
            ]
        );
    }

    #[test]
    fn bundled_data_loads_with_the_verified_figures() {
        let d = Dataset::bundled().expect("bundled data is valid");
        let fy = |y| d.annual.iter().find(|a| a.fiscal_year == y).unwrap();
        assert_eq!(fy(2024).arrests, 113_431);
        assert_eq!(fy(2024).confidence, Confidence::Official);
        assert_eq!(fy(2015).arrests, 117_983);
        assert!(fy(2015).note.contains("119,772"));
        assert_eq!(fy(2025).confidence, Confidence::Derived);
        assert_eq!(fy(2009).confidence, Confidence::Reported);
        assert_eq!(d.offices.len(), 25);
        assert_eq!(d.weekly.iter().map(|w| w.arrests).sum::<u64>(), 226_446);
        let wapo = d.quota("wapo-national").unwrap();
        assert_eq!((wapo.low, wapo.high), (1200, 1500));
        assert!(d.origins.iter().all(|(_, o)| *o == Origin::Bundled));
    }
}
