//! The XLSX reader: cells streamed row by row with `calamine` (only the shared-strings
//! table is held, not the sheet), the sheet's preamble skipped, dates as text or as
//! Excel serials (range-checked like text dates).

use std::path::Path;

use super::count::{Columns, Counter, find_columns};
use super::csv::no_date_column;
use super::dates::serial_f64_day;
use super::{Aggregate, Options, PREAMBLE_LIMIT, RecordsError, parse_date};
use crate::data::FieldOffice;

/// Read an XLSX file: every worksheet stacked (or only `options.sheet`), each with its
/// own preamble skipped, streaming cells row by row (only the shared-strings table is
/// held, not the sheet). The report gives each sheet's rows; a sheet whose header
/// differs from the first one's is an error naming it.
///
/// # Errors
/// See [`super::read_file`]; also a sheet with another header or none, and a named
/// sheet that is not in the workbook.
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
    let format = |what: String| RecordsError::Format {
        path: shown.clone(),
        what,
    };
    let mut book: Xlsx<_> = open_workbook(path).map_err(|e: calamine::XlsxError| {
        format(format!(
            "a zip archive that is not a readable XLSX workbook ({})",
            crate::text::echo(&e.to_string())
        ))
    })?;
    let all = book.sheet_names();
    let sheets: Vec<String> = match &options.sheet {
        Some(name) => {
            let found = all.iter().find(|s| *s == name).ok_or_else(|| {
                format(format!(
                    "no sheet named \"{}\" (the workbook has: {})",
                    crate::text::echo(name),
                    all.iter()
                        .map(|s| crate::text::echo(s))
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            })?;
            vec![found.clone()]
        }
        None => all.clone(),
    };
    if sheets.is_empty() {
        return Err(io(&"the workbook has no sheets"));
    }
    let mut counter = Counter::new(&shown, offices, options);
    let mut first: Option<(String, Vec<String>, Columns)> = None;
    let mut first_names = Vec::new();
    let mut preamble = 0;
    let mut per_sheet = Vec::new();
    for sheet in &sheets {
        let mut cells = book.worksheet_cells_reader(sheet).map_err(|e| io(&e))?;
        let total_rows = u64::from(cells.dimensions().end.0) + 1;
        let before = counter.stats.rows_read;
        counter.set_sheet(sheets.len() > 1, sheet);
        let mut rows = SheetRows {
            path: &shown,
            options,
            header: None,
            header_names: Vec::new(),
            preamble: 0,
            first_names: Vec::new(),
            counter: &mut counter,
        };
        let any = rows.stream(&mut cells, total_rows, progress)?;
        if first_names.is_empty() {
            first_names.clone_from(&rows.first_names);
        }
        preamble += rows.preamble;
        let (header, names) = (rows.header.take(), std::mem::take(&mut rows.header_names));
        match (header, &first) {
            (None, _) if !any => {}
            (None, _) if sheets.len() == 1 => {
                return Err(no_date_column(&shown, options, &first_names));
            }
            (None, _) => {
                return Err(format(format!(
                    "sheet \"{}\" has no header with a date column in its first {PREAMBLE_LIMIT} rows; pick a sheet with --sheet NAME",
                    crate::text::echo(sheet)
                )));
            }
            (Some(cols), None) => first = Some((sheet.clone(), names, cols)),
            (Some(_), Some((name, first_header, _))) => {
                if !same_header(first_header, &names) {
                    return Err(format(format!(
                        "sheet \"{}\" has another header than sheet \"{}\" ({} against {}); read it alone with --sheet NAME",
                        crate::text::echo(sheet),
                        crate::text::echo(name),
                        crate::text::echo(&names.join(", ")),
                        crate::text::echo(&first_header.join(", "))
                    )));
                }
            }
        }
        per_sheet.push((sheet.clone(), counter.stats.rows_read - before));
    }
    let Some((_, _, cols)) = first else {
        return Err(no_date_column(&shown, options, &first_names));
    };
    counter.stats.preamble_rows = preamble;
    counter.stats.sheets = per_sheet;
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

/// Whether two header rows name the same columns (case, spaces and trailing empty
/// cells aside).
fn same_header(a: &[String], b: &[String]) -> bool {
    let norm = |v: &[String]| {
        let mut v: Vec<String> = v.iter().map(|h| h.trim().to_ascii_lowercase()).collect();
        while v.last().is_some_and(String::is_empty) {
            v.pop();
        }
        v
    };
    norm(a) == norm(b)
}

/// The rows of a sheet, header first.
struct SheetRows<'a, 'b> {
    path: &'a str,
    options: &'a Options,
    header: Option<Columns>,
    /// The header row's names, to compare sheets.
    header_names: Vec<String>,
    preamble: u64,
    first_names: Vec<String>,
    counter: &'a mut Counter<'b>,
}

impl SheetRows<'_, '_> {
    /// Stream a sheet's cells row by row; whether it had any cell.
    fn stream<RS: std::io::Read + std::io::Seek>(
        &mut self,
        cells: &mut calamine::XlsxCellReader<'_, RS>,
        total_rows: u64,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<bool, RecordsError> {
        let io = |e: &dyn std::fmt::Display| RecordsError::Io {
            path: self.path.to_string(),
            message: e.to_string(),
        };
        let mut row_number: Option<u32> = None;
        let mut row: Vec<(u32, XlsxCell)> = Vec::new();
        let mut any = false;
        while let Some(cell) = cells.next_cell().map_err(|e| io(&e))? {
            any = true;
            let (r, c) = cell.get_position();
            if row_number != Some(r) {
                if let Some(prev) = row_number {
                    if !self.row(prev, &row)? {
                        return Ok(any);
                    }
                    if prev % 10_000 == 0 {
                        progress(u64::from(prev), total_rows);
                    }
                }
                row.clear();
                row_number = Some(r);
            }
            if self.wants(c) {
                row.push((c, XlsxCell::of(cell.get_value())));
            }
        }
        if let Some(prev) = row_number {
            self.row(prev, &row)?;
        }
        Ok(any)
    }

    /// Whether column `c` is kept: all of them until the header is found.
    fn wants(&self, c: u32) -> bool {
        let c = c as usize;
        self.header
            .as_ref()
            .is_none_or(|h| h.needed().any(|n| n == c))
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
                Some(c) => {
                    self.header = Some(c);
                    self.header_names = names;
                }
                None if self.preamble < PREAMBLE_LIMIT as u64 => self.preamble += 1,
                None => return Ok(false),
            }
            return Ok(true);
        };
        let date = match get(cols.date) {
            Some(XlsxCell::Serial(f)) => serial_f64_day(*f),
            Some(XlsxCell::Text(t)) => parse_date(t.as_bytes()),
            None => None,
        };
        let texts: Vec<(usize, String)> = cols
            .needed()
            .map(|c| (c, get(c).map_or_else(String::new, XlsxCell::text)))
            .collect();
        let cell = |c: usize| {
            texts
                .iter()
                .find(|(i, _)| *i == c)
                .map_or(&b""[..], |(_, t)| t.as_bytes())
        };
        if let Some((reason, value)) = self.counter.row(cols.row(date, cell)) {
            self.counter.skip(u64::from(r) + 1, reason, &value)?;
        }
        Ok(true)
    }
}
