//! The data set: historical arrests, reported quotas, field offices, reference figures,
//! the observed 2025 weekly series and their sources.
//!
//! The bundled CSV files in `data/` are compiled into the binary; [`Dataset::from_dir`]
//! reads the same files from disk. Loading validates everything and reports every
//! problem at once ([`LoadError`]).

mod annual;
mod detention;
mod error;
mod offices;
mod quotas;
mod reference;
mod sources;
mod table;
mod weekly;

use std::path::Path;

use serde::Serialize;

pub use annual::{AnnualArrests, FISCAL_YEARS};
pub use detention::{
    Agency, BOOK_INS_CAVEAT, BOOK_INS_NAME, Decimal4, Detention, DetentionFigure, FullYear,
    MonthsTotal, Period, Series, Workbook,
};
pub use error::{DataError, LoadError};
pub use offices::FieldOffice;
pub use quotas::{CounterStatement, QUOTA_COUNTER_STATEMENT, Quota, QuotaKind, QuotaUnit};
pub use reference::ReferenceFigure;
pub use sources::Source;
pub use table::parse_iso_date;
pub use weekly::WeeklyCount;

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
    /// Only regular files are read (links to them are followed), each at most
    /// [`crate::fsread::MAX_DATA_FILE`] bytes: a FIFO, a device or a dangling link in
    /// place of a data file is an error, never a hang or a silent fallback.
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
            match crate::fsread::read_regular(&path, crate::fsread::MAX_DATA_FILE) {
                Ok(bytes) => {
                    found_any = true;
                    inputs.push(FileInput {
                        display: display.clone(),
                        bytes,
                        origin: Origin::Path(display),
                    });
                }
                Err(crate::fsread::ReadError::NotFound) => inputs.push(FileInput {
                    display: name.to_string(),
                    bytes: bundled.to_vec(),
                    origin: Origin::Bundled,
                }),
                Err(e) => {
                    found_any = true;
                    errors.push(DataError::file(&display, e.to_string()));
                }
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
        let sources = sources::parse_sources(sources_in, &mut errors);
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
        let annual = annual::parse_annual(annual_in, &mut errors, &check_source);
        // Offices first (a quota spreads over their number), errors still in file order.
        let mut office_errors = Vec::new();
        let offices = offices::parse_offices(offices_in, &mut office_errors, &check_source);
        let office_count = u32::try_from(offices.len()).unwrap_or(u32::MAX).max(1);
        let quotas = quotas::parse_quotas(quotas_in, &mut errors, &check_source, office_count);
        errors.append(&mut office_errors);
        let reference = reference::parse_reference(reference_in, &mut errors, &check_source);
        let weekly = weekly::parse_weekly(weekly_in, &mut errors, &check_source);
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

    /// The reported counter-statement to the quotas, when its source is in the data.
    #[must_use]
    pub fn quota_counter_statement(&self) -> Option<&'static CounterStatement> {
        self.source(QUOTA_COUNTER_STATEMENT.source_id)
            .map(|_| &QUOTA_COUNTER_STATEMENT)
    }

    /// The quota with this id.
    #[must_use]
    pub fn quota(&self, id: &str) -> Option<&Quota> {
        self.quotas.iter().find(|q| q.id == id)
    }
}

type SourceCheck<'a> = dyn Fn(&str, u64, &str, &mut Vec<DataError>) + 'a;

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
        // Only FY2025's estimate has its own window: Sep 29 2024 - Sep 27 2025.
        let windows: Vec<(i32, Option<u16>)> = d
            .annual
            .iter()
            .filter(|a| a.days.is_some())
            .map(|a| (a.fiscal_year, a.days))
            .collect();
        assert_eq!(windows, [(2025, Some(364))]);
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
                ("gothamist-1800", 1800, 1800),
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
