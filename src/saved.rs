//! Saved scenarios (TOML files) and atomic writes.
//!
//! A write goes to a temporary file in the target's folder, is flushed to disk, then
//! renamed over nothing: a crash or a full disk never leaves a half-written file, and
//! an existing file (a user's save, or a corrupt one) is never overwritten.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::data::FieldOffice;
use crate::model::Scenario;
use crate::model::input::{self, Input};

/// The variable that overrides where scenarios are saved.
pub const DIR_VARIABLE: &str = "ARREST_SCENARIOS_DIR";

/// A problem with a scenario file.
#[derive(Debug, thiserror::Error)]
pub enum SavedError {
    /// The file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file was not read: missing, not a regular file, too large or refused.
    #[error("{path}: {problem}")]
    Read {
        /// The file.
        path: String,
        /// Why it was not read.
        problem: crate::fsread::ReadError,
    },
    /// The scenarios folder exists but cannot be listed.
    #[error("{path}: the scenarios folder cannot be read: {source}")]
    Folder {
        /// The folder.
        path: String,
        /// What the system said.
        source: std::io::Error,
    },
    /// Not UTF-8.
    #[error("{0}: is not valid UTF-8; a scenario file is UTF-8 text (TOML)")]
    NotUtf8(String),
    /// Not valid TOML, or a field of the wrong type.
    #[error("{path} line {line}, column {column}: {message}")]
    Parse {
        /// The file.
        path: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the TOML reader said.
        message: String,
    },
    /// A value that is not allowed.
    #[error("{path}, field \"{field}\": {message}")]
    Invalid {
        /// The file.
        path: String,
        /// The field.
        field: String,
        /// What is wrong.
        message: String,
    },
    /// The target exists already; nothing was written.
    #[error("{0}: already exists; it was left as it is (choose another name)")]
    Exists(String),
    /// The name has nothing usable for a file name.
    #[error("'{0}' has no letters or digits to name a file with")]
    BadName(String),
    /// No file by that path, and no saved scenario by that name.
    #[error("'{name}' is neither a file nor a saved scenario in {dir} (saved: {names})")]
    NotFound {
        /// What was asked for.
        name: String,
        /// The scenarios folder.
        dir: String,
        /// The names there.
        names: String,
    },
    /// The scenario could not be written as TOML (nothing was saved).
    #[error("cannot write the scenario as TOML: {0}")]
    Serialize(String),
}

/// A number in a scenario file: written as a string to keep decimals exact, but plain
/// TOML integers and floats are read too.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(untagged)]
enum Num {
    Int(u64),
    Float(f64),
    Text(String),
}

impl Num {
    fn text(&self) -> String {
        match self {
            Self::Int(n) => n.to_string(),
            Self::Float(f) => f.to_string(),
            Self::Text(t) => t.clone(),
        }
    }
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    name: String,
    offices: u64,
    per_office: Num,
    #[serde(default)]
    attainment: Option<Num>,
    #[serde(default)]
    days: Option<u64>,
    #[serde(default)]
    overrides: BTreeMap<String, Num>,
    /// Office codes left out (older files have none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    excluded: Vec<String>,
    #[serde(default, skip_serializing_if = "CapacityFile::is_empty")]
    capacity: CapacityFile,
}

/// The capacity check's assumptions in a scenario file (`[capacity]`); each one left
/// out keeps its sourced default, and files written before the check have none.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CapacityFile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    stay_days: Option<Num>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    detained_share: Option<Num>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    beds: Option<Num>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    officers: Option<Num>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    at_large_share: Option<Num>,
}

impl CapacityFile {
    fn is_empty(&self) -> bool {
        self.stay_days.is_none()
            && self.detained_share.is_none()
            && self.beds.is_none()
            && self.officers.is_none()
            && self.at_large_share.is_none()
    }

    fn of(c: &crate::capacity::Settings) -> Self {
        let text = |t: String| Num::Text(t.replace(',', ""));
        Self {
            stay_days: c.stay_days.map(|v| text(v.to_string())),
            detained_share: c.detained_share.map(|v| text(v.to_string())),
            beds: c.beds.map(Num::Int),
            officers: c.officers.map(Num::Int),
            at_large_share: c.at_large_share.map(|v| text(v.to_string())),
        }
    }

    /// The settings, or the field and message of the first bad value.
    fn settings(&self) -> Result<crate::capacity::Settings, (&'static str, String)> {
        fn read<T>(
            field: &'static str,
            n: Option<&Num>,
            parse: impl Fn(&str) -> Result<T, input::InputError>,
        ) -> Result<Option<T>, (&'static str, String)> {
            n.map(|n| parse(&n.text()).map_err(|e| (field, e.to_string())))
                .transpose()
        }
        Ok(crate::capacity::Settings {
            stay_days: read(
                "capacity.stay_days",
                self.stay_days.as_ref(),
                input::parse_stay_days,
            )?,
            detained_share: read(
                "capacity.detained_share",
                self.detained_share.as_ref(),
                |t| input::parse_share(Input::DetainedShare, t),
            )?,
            beds: read("capacity.beds", self.beds.as_ref(), |t| {
                input::parse_count(Input::Beds, t)
            })?,
            officers: read("capacity.officers", self.officers.as_ref(), |t| {
                input::parse_count(Input::Officers, t)
            })?,
            at_large_share: read(
                "capacity.at_large_share",
                self.at_large_share.as_ref(),
                |t| input::parse_share(Input::AtLargeShare, t),
            )?,
        })
    }
}

/// A scenario read from a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    /// Its name.
    pub name: String,
    /// The scenario.
    pub scenario: Scenario,
    /// Where it is.
    pub path: PathBuf,
    /// The capacity check's assumptions it sets (none in older files).
    pub capacity: crate::capacity::Settings,
}

/// The TOML text of a scenario.
///
/// # Errors
/// [`SavedError::Serialize`] if the scenario cannot be written as TOML.
pub fn to_toml(name: &str, s: &Scenario) -> Result<String, SavedError> {
    to_toml_with(name, s, &crate::capacity::Settings::default())
}

/// The TOML text of a scenario with the capacity assumptions it sets (a `[capacity]`
/// table, left out when none is set).
///
/// # Errors
/// [`SavedError::Serialize`] if the scenario cannot be written as TOML.
pub fn to_toml_with(
    name: &str,
    s: &Scenario,
    capacity: &crate::capacity::Settings,
) -> Result<String, SavedError> {
    let file = File {
        name: name.to_string(),
        offices: u64::from(s.offices),
        per_office: Num::Text(s.per_office.to_string().replace(',', "")),
        attainment: Some(Num::Text(s.attainment.to_string().replace(',', ""))),
        days: Some(u64::from(s.days)),
        overrides: s
            .overrides
            .iter()
            .map(|(k, v)| (k.clone(), Num::Text(v.to_string().replace(',', ""))))
            .collect(),
        excluded: s.excluded.iter().cloned().collect(),
        capacity: CapacityFile::of(capacity),
    };
    let body = toml::to_string(&file).map_err(|e| SavedError::Serialize(e.to_string()))?;
    Ok(format!("# arrest-scenarios scenario\n{body}"))
}

/// Parse scenario TOML (named `path` in messages) and check it against the offices.
///
/// # Errors
/// A [`SavedError`] naming the line, column or field.
pub fn from_toml(text: &str, path: &Path, offices: &[FieldOffice]) -> Result<Saved, SavedError> {
    let shown = path.display().to_string();
    let file: File = toml::from_str(text).map_err(|e| {
        let (line, column) = e.span().map_or((1, 1), |span| line_col(text, span.start));
        SavedError::Parse {
            path: shown.clone(),
            line,
            column,
            message: e.message().trim().to_string(),
        }
    })?;
    let invalid = |field: &str, message: String| SavedError::Invalid {
        path: shown.clone(),
        field: field.to_string(),
        message,
    };
    let target = |field: &str, input: Input, n: &Num| {
        input::parse_target(input, &n.text()).map_err(|e| invalid(field, e.to_string()))
    };
    let mut s = Scenario {
        offices: input::offices_from(file.offices)
            .map_err(|e| invalid("offices", e.to_string()))?,
        per_office: target("per_office", Input::PerOffice, &file.per_office)?,
        ..Scenario::default()
    };
    if let Some(a) = &file.attainment {
        s.attainment =
            input::parse_attainment(&a.text()).map_err(|e| invalid("attainment", e.to_string()))?;
    }
    if let Some(d) = file.days {
        s.days = input::days_from(d).map_err(|e| invalid("days", e.to_string()))?;
    }
    for (code, v) in &file.overrides {
        s.overrides.insert(
            code.to_ascii_uppercase(),
            target(
                &format!("overrides.{}", crate::text::echo(code)),
                Input::OfficeTarget,
                v,
            )?,
        );
    }
    s.excluded = file
        .excluded
        .iter()
        .map(|c| c.trim().to_ascii_uppercase())
        .collect();
    s.validate(offices)
        .map_err(|e| invalid("scenario", e.to_string()))?;
    let capacity = file
        .capacity
        .settings()
        .map_err(|(field, message)| invalid(field, message))?;
    Ok(Saved {
        name: if file.name.is_empty() {
            path.file_stem()
                .map_or_else(String::new, |s| s.to_string_lossy().into_owned())
        } else {
            file.name
        },
        scenario: s,
        path: path.to_path_buf(),
        capacity,
    })
}

/// Read a scenario file.
///
/// # Errors
/// A [`SavedError`]: unreadable, not UTF-8, not TOML, or a bad value.
pub fn load(path: &Path, offices: &[FieldOffice]) -> Result<Saved, SavedError> {
    let shown = crate::text::escape_controls(&path.display().to_string()).into_owned();
    let bytes =
        crate::fsread::read_regular(path, crate::fsread::MAX_SCENARIO_FILE).map_err(|problem| {
            SavedError::Read {
                path: shown.clone(),
                problem,
            }
        })?;
    let text = String::from_utf8(bytes).map_err(|_| SavedError::NotUtf8(shown))?;
    from_toml(
        text.strip_prefix('\u{feff}').unwrap_or(&text),
        path,
        offices,
    )
}

/// Where scenarios are saved: `$ARREST_SCENARIOS_DIR`, else the platform's config
/// folder (`~/.config/arrest-scenarios/scenarios` on Linux).
#[must_use]
pub fn default_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(DIR_VARIABLE).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "arrest-scenarios")
        .map(|p| p.config_dir().join("scenarios"))
}

/// A file name from a scenario name: lower case letters, digits and dashes.
///
/// # Errors
/// [`SavedError::BadName`] when nothing usable is left.
pub fn file_name(name: &str) -> Result<String, SavedError> {
    let mut slug = String::new();
    for c in name.trim().chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-').to_string();
    if slug.is_empty() {
        return Err(SavedError::BadName(name.to_string()));
    }
    Ok(format!("{slug}.toml"))
}

/// Save a scenario under a new name in `dir` (created if needed). Never overwrites.
///
/// # Errors
/// The name exists, is unusable, or the write failed (nothing is left behind).
pub fn save_new(dir: &Path, name: &str, s: &Scenario) -> Result<PathBuf, SavedError> {
    let path = dir.join(file_name(name)?);
    write_new(&path, to_toml(name, s)?.as_bytes())?;
    Ok(path)
}

const TMP_PREFIX: &str = ".arrest-scenarios-";
const TMP_SUFFIX: &str = ".tmp";
/// A temporary file older than this was left by a save that was interrupted (killed, or
/// the machine stopped); a younger one may belong to a save under way in another process.
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(60);

/// Remove the temporary files that interrupted saves left in `dir`. Best effort: a file
/// that cannot be removed is left, and nothing else in the folder is touched.
fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(TMP_PREFIX) && name.ends_with(TMP_SUFFIX)) {
            continue;
        }
        let stale = entry
            .metadata()
            .ok()
            .filter(std::fs::Metadata::is_file)
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STALE_AFTER);
        if stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Write `bytes` to a new file at `path`, atomically: all or nothing, never over an
/// existing file.
///
/// # Errors
/// [`SavedError::Exists`] if `path` exists; [`SavedError::Io`] if the write failed.
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<(), SavedError> {
    let shown = path.display().to_string();
    let io = |source| SavedError::Io {
        path: shown.clone(),
        source,
    };
    if path.exists() {
        return Err(SavedError::Exists(shown));
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(io)?;
    remove_stale_temporaries(dir);
    let mut tmp = tempfile::Builder::new()
        .prefix(TMP_PREFIX)
        .suffix(TMP_SUFFIX)
        .tempfile_in(dir)
        .map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist_noclobber(path).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            SavedError::Exists(shown.clone())
        } else {
            io(e.error)
        }
    })?;
    Ok(())
}

/// Every `.toml` file in `dir`, read (a bad one as its error), by file name. A folder
/// that cannot be read is listed as one error entry ([`SavedError::Folder`]); a folder
/// that does not exist yet has no entries.
#[must_use]
pub fn list(dir: &Path, offices: &[FieldOffice]) -> Vec<Result<Saved, SavedError>> {
    list_dir(dir, offices).unwrap_or_else(|e| vec![Err(e)])
}

/// Every `.toml` file in `dir`, read (a bad one as its error), by file name; a folder
/// that does not exist has none. Only regular files are read, each at most
/// [`crate::fsread::MAX_SCENARIO_FILE`] bytes: a FIFO or a device named `x.toml` is an
/// entry with its error, never a hang.
///
/// # Errors
/// [`SavedError::Folder`] when the folder exists but cannot be listed.
pub fn list_dir(
    dir: &Path,
    offices: &[FieldOffice],
) -> Result<Vec<Result<Saved, SavedError>>, SavedError> {
    let folder_error = |source| SavedError::Folder {
        path: crate::text::escape_controls(&dir.display().to_string()).into_owned(),
        source,
    };
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(folder_error(e)),
    };
    let mut paths: Vec<PathBuf> = Vec::new();
    for entry in entries {
        paths.push(entry.map_err(folder_error)?.path());
    }
    let mut paths: Vec<PathBuf> = paths
        .into_iter()
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
        })
        .collect();
    paths.sort();
    Ok(paths.iter().map(|p| load(p, offices)).collect())
}

/// A scenario given on the command line: a path to a file, or the name (or file stem)
/// of one in `dir`, as `arrest-scenarios scenarios` lists them. A path that exists wins.
///
/// # Errors
/// The file cannot be used, or nothing in `dir` has that name
/// ([`SavedError::NotFound`], listing the names there).
pub fn find(arg: &Path, dir: Option<&Path>, offices: &[FieldOffice]) -> Result<Saved, SavedError> {
    if arg.exists() || arg.components().count() > 1 || dir.is_none() {
        return load(arg, offices);
    }
    let wanted = arg.to_string_lossy();
    let wanted = wanted.trim();
    let dir = dir.unwrap_or(Path::new("."));
    let mut names = Vec::new();
    for item in list(dir, offices) {
        let Ok(saved) = item else { continue };
        let stem = saved
            .path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if saved.name.eq_ignore_ascii_case(wanted) || stem.eq_ignore_ascii_case(wanted) {
            return Ok(saved);
        }
        names.push(saved.name);
    }
    Err(SavedError::NotFound {
        name: crate::text::echo(wanted),
        dir: dir.display().to_string(),
        names: if names.is_empty() {
            "none".to_string()
        } else {
            names.join(", ")
        },
    })
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Dataset;
    use crate::number::Fixed3;

    fn offices() -> Vec<FieldOffice> {
        Dataset::bundled().unwrap().offices
    }

    #[test]
    fn left_out_offices_are_kept_and_old_files_still_load() {
        let mut s = Scenario::default();
        assert!(s.set_taking_part("WAS", false, &offices()));
        let text = to_toml("No WAS", &s).unwrap();
        assert!(
            text.contains("\ndays = 365\nexcluded = [\"WAS\"]\n"),
            "{text}"
        );
        let back = from_toml(&text, Path::new("w.toml"), &offices()).unwrap();
        assert_eq!(back.scenario, s);
        let old = "name = \"old\"\noffices = 25\nper_office = \"75\"\n";
        let back = from_toml(old, Path::new("o.toml"), &offices()).unwrap();
        assert!(back.scenario.excluded.is_empty());
    }

    #[test]
    fn round_trip() {
        let mut s = Scenario {
            per_office: Fixed3::from_thousandths(62_500),
            attainment: Fixed3::whole(60),
            days: 261,
            ..Scenario::default()
        };
        s.overrides.insert("DAL".into(), Fixed3::whole(120));
        let text = to_toml("Weekdays, 60%", &s).unwrap();
        assert_eq!(
            text,
            "# arrest-scenarios scenario\nname = \"Weekdays, 60%\"\noffices = 25\nper_office = \"62.5\"\nattainment = \"60\"\ndays = 261\n\n[overrides]\nDAL = \"120\"\n"
        );
        let back = from_toml(&text, Path::new("w.toml"), &offices()).unwrap();
        assert_eq!(back.scenario, s);
        assert_eq!(back.name, "Weekdays, 60%");
    }

    #[test]
    fn plain_numbers_and_defaults_are_read() {
        let text = "offices = 20\nper_office = 62.5\n";
        let s = from_toml(text, Path::new("my-plan.toml"), &offices()).unwrap();
        assert_eq!(s.scenario.per_office, Fixed3::from_thousandths(62_500));
        assert_eq!(s.scenario.attainment, Fixed3::whole(100));
        assert_eq!(s.scenario.days, 365);
        assert_eq!(s.name, "my-plan");
    }

    #[test]
    fn bad_files_get_precise_errors() {
        let o = offices();
        let err = |text: &str| {
            from_toml(text, Path::new("s.toml"), &o)
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            err("offices = 25\nper_office = \"abc\"\n"),
            "s.toml, field \"per_office\": per-office target 'abc' is not a number; expected a number from 0 to 1,000,000,000,000 a day, with at most 3 decimals"
        );
        assert!(err("offices = 25\nper_office = [\n").starts_with("s.toml line 2, column"));
        assert!(
            err("per_office = 5\n").starts_with("s.toml line 1, column 1: missing field `offices`")
        );
        assert!(
            err("offices = 25\nper_office = 5\ncolour = 1\n").contains("unknown field `colour`")
        );
        assert_eq!(
            err("offices = 25\nper_office = 5\ndays = 400\n"),
            "s.toml, field \"days\": days '400' is out of range; expected a whole number of days from 1 to 366"
        );
        assert!(
            err("offices = 25\nper_office = 5\n[overrides]\nXYZ = 3\n")
                .starts_with("s.toml, field \"scenario\": 'XYZ' is not a field office code")
        );
        assert_eq!(
            err("offices = -1\nper_office = 5\n")
                .split(':')
                .next()
                .unwrap(),
            "s.toml line 1, column 11"
        );
    }

    #[test]
    fn saving_is_atomic_and_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let s = Scenario::default();
        let path = save_new(dir.path(), "January 2025: 25 x 75", &s).unwrap();
        assert_eq!(path.file_name().unwrap(), "january-2025-25-x-75.toml");
        assert_eq!(load(&path, &offices()).unwrap().scenario, s);
        let again = save_new(dir.path(), "January 2025 - 25 x 75", &s).unwrap_err();
        assert!(matches!(again, SavedError::Exists(_)));
        // A corrupt file keeps its bytes: nothing writes over it.
        let corrupt = dir.path().join("corrupt.toml");
        std::fs::write(&corrupt, b"offices = \xff").unwrap();
        assert!(matches!(
            save_new(dir.path(), "corrupt", &s),
            Err(SavedError::Exists(_))
        ));
        assert_eq!(std::fs::read(&corrupt).unwrap(), b"offices = \xff");
        let listed = list(dir.path(), &offices());
        assert_eq!(listed.len(), 2);
        assert!(matches!(listed[0], Err(SavedError::NotUtf8(_))));
        // No temporary files are left behind.
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            names.iter().all(|n| !n.starts_with(".arrest-scenarios-")),
            "{names:?}"
        );
        assert!(matches!(file_name("  !!! "), Err(SavedError::BadName(_))));
    }

    #[test]
    fn an_interrupted_saves_leftovers_are_removed_on_the_next_save() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join(".arrest-scenarios-AbC123.tmp");
        let young = dir.path().join(".arrest-scenarios-XyZ789.tmp");
        let other = dir.path().join("notes.tmp");
        for p in [&old, &young, &other] {
            std::fs::write(p, b"half a scenario").unwrap();
        }
        let long_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        std::fs::File::options()
            .write(true)
            .open(&old)
            .unwrap()
            .set_modified(long_ago)
            .unwrap();
        write_new(&dir.path().join("plan.toml"), b"x").unwrap();
        assert!(!old.exists(), "an hour-old leftover is removed");
        assert!(young.exists(), "a save that may be under way is left alone");
        assert!(other.exists(), "other files are never touched");
    }

    #[test]
    fn a_failed_write_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let entries = |d: &Path| {
            let mut names: Vec<String> = std::fs::read_dir(d)
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            names.sort();
            names
        };
        // The target is taken by a folder: the final rename fails after the data was
        // written to a temporary file, and that temporary file must not stay behind.
        std::fs::create_dir(dir.path().join("plan.toml")).unwrap();
        let err = write_new(&dir.path().join("plan.toml"), b"x").unwrap_err();
        assert!(
            matches!(err, SavedError::Exists(_) | SavedError::Io { .. }),
            "{err}"
        );
        assert_eq!(entries(dir.path()), ["plan.toml"]);
        // An existing file keeps its bytes, and nothing else appears.
        std::fs::write(dir.path().join("kept.toml"), b"old").unwrap();
        let err = write_new(&dir.path().join("kept.toml"), b"new").unwrap_err();
        assert!(matches!(err, SavedError::Exists(_)), "{err}");
        assert_eq!(std::fs::read(dir.path().join("kept.toml")).unwrap(), b"old");
        assert_eq!(entries(dir.path()), ["kept.toml", "plan.toml"]);
    }

    #[test]
    fn an_unreadable_folder_is_one_error_entry_and_a_missing_one_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("not-a-folder");
        std::fs::write(&file, "").unwrap();
        let listed = list(&file, &offices());
        assert_eq!(listed.len(), 1);
        let err = listed[0].as_ref().unwrap_err();
        assert!(matches!(err, SavedError::Folder { .. }), "{err}");
        assert!(err.to_string().starts_with(&format!(
            "{}: the scenarios folder cannot be read: ",
            file.display()
        )));
        assert!(list(&dir.path().join("none"), &offices()).is_empty());
        assert!(
            list_dir(&dir.path().join("none"), &offices())
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn a_scenario_file_over_the_cap_is_refused_unread() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.toml");
        let f = std::fs::File::create(&big).unwrap();
        f.set_len(crate::fsread::MAX_SCENARIO_FILE + 1).unwrap();
        let err = load(&big, &offices()).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "{}: is 1,048,577 bytes, more than the 1,048,576 bytes a file here may have",
                big.display()
            )
        );
    }
}
