//! `field_offices.csv`: the ERO field offices and their codes.

use serde::{Deserialize, Serialize};

use super::error::DataError;
use super::table::{self, Fields, FirstSeen, Line};
use super::{FileInput, SourceCheck};

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

pub(super) fn parse_offices(
    input: &FileInput,
    errors: &mut Vec<DataError>,
    check_source: &SourceCheck<'_>,
) -> Vec<FieldOffice> {
    let file = input.display.as_str();
    let rows: Vec<Line<RawOffice>> = table::read(file, &input.bytes, &["code", "name"], errors);
    let mut codes: FirstSeen<String> = FirstSeen::default();
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
                f.once(
                    &mut codes,
                    "code",
                    each.clone(),
                    &format!("office code '{each}'"),
                );
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
