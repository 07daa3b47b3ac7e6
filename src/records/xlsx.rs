//! The XLSX reader: cells streamed row by row with `calamine` (only the shared-strings
//! table is held, not the sheet), the sheet's preamble skipped, dates as text or as
//! Excel serials (range-checked like text dates).

use std::path::Path;

use super::count::{Columns, Counter, find_columns, is_true};
use super::csv::no_date_column;
use super::dates::serial_f64_day;
use super::{Aggregate, Options, PREAMBLE_LIMIT, RecordsError, parse_date};
use crate::data::FieldOffice;

/// Read the first worksheet of an XLSX file, streaming its cells row by row (only the
/// shared-strings table is held, not the sheet).
///
/// # Errors
/// See [`super::read_file`].
pub fn read_xlsx(
    path: &Path,
    offices: &[FieldOffice],
    options: &Options,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Aggregate, RecordsError> {
    use calamine::{Reader, Xlsx, open_workbook};
    let shown = path.display().to_string();
    let io = |e: &dyn std::fmt::Display| RecordsError::Io {
        path: shown.clone(),
        message: e.to_string(),
    };
    let mut book: Xlsx<_> = open_workbook(path).map_err(|e| io(&e))?;
    let sheet = book
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| io(&"the workbook has no sheets"))?;
    let mut cells = book.worksheet_cells_reader(&sheet).map_err(|e| io(&e))?;
    let total_rows = u64::from(cells.dimensions().end.0) + 1;
    let mut sheet_rows = SheetRows {
        path: &shown,
        options,
        header: None,
        preamble: 0,
        first_names: Vec::new(),
        counter: Counter::new(&shown, offices, options),
    };
    let mut row_number: Option<u32> = None;
    let mut row: Vec<(u32, XlsxCell)> = Vec::new();
    while let Some(cell) = cells.next_cell().map_err(|e| io(&e))? {
        let (r, c) = cell.get_position();
        if row_number != Some(r) {
            if let Some(prev) = row_number {
                if !sheet_rows.row(prev, &row)? {
                    break;
                }
                if prev % 10_000 == 0 {
                    progress(u64::from(prev), total_rows);
                }
            }
            row.clear();
            row_number = Some(r);
        }
        if sheet_rows.wants(c) {
            row.push((c, XlsxCell::of(cell.get_value())));
        }
    }
    if let Some(prev) = row_number {
        sheet_rows.row(prev, &row)?;
    }
    let Some(cols) = sheet_rows.header.take() else {
        return Err(no_date_column(&shown, options, &sheet_rows.first_names));
    };
    let mut counter = sheet_rows.counter;
    counter.stats.preamble_rows = sheet_rows.preamble;
    Ok(counter.finish(&cols))
}

/// A cell's value as the records reader needs it.
enum XlsxCell {
    /// Text (or a number written as text).
    Text(String),
    /// An Excel date: its serial day number.
    Serial(f64),
}

impl XlsxCell {
    fn of(value: &calamine::DataRef<'_>) -> Self {
        use calamine::DataRef;
        match value {
            DataRef::DateTime(d) => Self::Serial(d.as_f64()),
            DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => {
                Self::Text(s.clone())
            }
            DataRef::SharedString(s) => Self::Text((*s).to_string()),
            DataRef::Float(f) => Self::Text(f.to_string()),
            DataRef::Int(i) => Self::Text(i.to_string()),
            DataRef::Bool(b) => Self::Text(b.to_string()),
            DataRef::Error(e) => Self::Text(format!("{e:?}")),
            DataRef::Empty => Self::Text(String::new()),
        }
    }

    fn text(&self) -> String {
        match self {
            Self::Text(s) => s.clone(),
            Self::Serial(f) => f.to_string(),
        }
    }
}

/// The rows of a sheet, header first.
struct SheetRows<'a> {
    path: &'a str,
    options: &'a Options,
    header: Option<Columns>,
    preamble: u64,
    first_names: Vec<String>,
    counter: Counter<'a>,
}

impl SheetRows<'_> {
    /// Whether column `c` is kept: all of them until the header is found.
    fn wants(&self, c: u32) -> bool {
        let c = c as usize;
        self.header
            .as_ref()
            .is_none_or(|h| c == h.date || h.office == Some(c) || h.duplicate == Some(c))
    }

    /// Take one row (0-based sheet row `r`); false to stop.
    fn row(&mut self, r: u32, cells: &[(u32, XlsxCell)]) -> Result<bool, RecordsError> {
        let get = |c: usize| cells.iter().find(|(i, _)| *i as usize == c).map(|(_, v)| v);
        let Some(cols) = &self.header else {
            let width = cells
                .iter()
                .map(|(c, _)| *c as usize + 1)
                .max()
                .unwrap_or(0);
            let names: Vec<String> = (0..width)
                .map(|c| get(c).map_or_else(String::new, XlsxCell::text))
                .collect();
            if self.first_names.is_empty() {
                self.first_names.clone_from(&names);
            }
            match find_columns(&names, self.options, self.path)? {
                Some(c) => self.header = Some(c),
                None if self.preamble < PREAMBLE_LIMIT as u64 => self.preamble += 1,
                None => return Ok(false),
            }
            return Ok(true);
        };
        let (date, date_text) = match get(cols.date) {
            Some(XlsxCell::Serial(f)) => (serial_f64_day(*f), f.to_string()),
            Some(XlsxCell::Text(t)) => (parse_date(t.as_bytes()), t.clone()),
            None => (None, String::new()),
        };
        let office = cols
            .office
            .map(|c| get(c).map_or_else(String::new, XlsxCell::text));
        let duplicate = cols
            .duplicate
            .map(|c| get(c).is_some_and(|v| is_true(v.text().as_bytes())));
        if let Some((reason, value)) = self.counter.row(
            date,
            date_text.as_bytes(),
            office.as_deref().map(str::as_bytes),
            duplicate,
        ) {
            self.counter.skip(u64::from(r) + 1, reason, &value)?;
        }
        Ok(true)
    }
}
