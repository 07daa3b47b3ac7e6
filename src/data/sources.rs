//! `sources.csv`: the sources every other file cites, by id.

use serde::{Deserialize, Serialize};

use super::FileInput;
use super::error::DataError;
use super::table::{self, Fields, FirstSeen, Line};

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

pub(super) fn parse_sources(input: &FileInput, errors: &mut Vec<DataError>) -> Vec<Source> {
    let file = input.display.as_str();
    let rows: Vec<Line<RawSource>> =
        table::read(file, &input.bytes, &["id", "title", "publisher"], errors);
    let mut seen: FirstSeen<String> = FirstSeen::default();
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
            f.once(&mut seen, "id", id.clone(), &format!("'{id}'"));
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
