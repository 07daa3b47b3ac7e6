//! `reference.csv`: context figures to measure scenarios against (removals, dockets).

use serde::{Deserialize, Serialize};

use super::error::DataError;
use super::table::{self, Fields, FirstSeen, Line};
use super::{Confidence, FileInput, SourceCheck};

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

pub(super) fn parse_reference(
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
    let mut seen: FirstSeen<String> = FirstSeen::default();
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
            f.once(&mut seen, "id", id.clone(), &format!("'{id}'"));
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
