//! The CSV reader: the header found in the first chunk (preamble rows skipped), then
//! chunks cut by the main thread and counted by one worker per core. A file is first
//! cut after line feeds, each worker checking that its chunk ended at a record end
//! ([`read_csv_at_line_ends`]); pipes, gzip and files where a cut fell inside a record
//! are cut at record ends found record by record ([`read_csv`]).
//!
//! Memory stays at a few chunks whatever the file's size. Any worker's error stops the
//! reading: the workers set a shared flag that the cutter checks before each hand-over,
//! and the receiving end is shared by the workers alone, so when they have all gone a
//! blocked send fails instead of waiting for ever.

use std::borrow::Cow;
use std::io::Read;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, mpsc};

use super::count::{Columns, Counter, find_columns};
use super::split::{self, End};
use super::{Aggregate, DATE_COLUMNS, Options, PREAMBLE_LIMIT, RecordsError, parse_date};
use crate::data::FieldOffice;

/// Bytes handed to a worker at a time: small enough to keep memory flat (a few chunks
/// are in flight), large enough to amortise the hand-over.
pub const CHUNK: usize = 1 << 20;

/// Read CSV from `input` (named `path` in messages), calling `progress` with the bytes
/// read so far.
///
/// # Errors
/// An unreadable input, no date column, an unknown named column, a count overflow, or
/// (with `strict`) a bad row.
pub fn read_csv(
    path: &str,
    input: impl Read,
    offices: &[FieldOffice],
    options: &Options,
    progress: &mut dyn FnMut(u64),
) -> Result<Aggregate, RecordsError> {
    read_csv_chunked(path, input, offices, options, progress, CHUNK)
}

/// [`read_csv`] with a chosen chunk size (tests cross chunk boundaries thousands of
/// times with a tiny one). Chunks grow as needed to hold a whole record.
///
/// # Errors
/// See [`read_csv`].
pub fn read_csv_chunked(
    path: &str,
    input: impl Read,
    offices: &[FieldOffice],
    options: &Options,
    progress: &mut dyn FnMut(u64),
    chunk: usize,
) -> Result<Aggregate, RecordsError> {
    read_chunked(
        path,
        input,
        offices,
        options,
        progress,
        chunk,
        Cuts::AtRecordEnds,
    )?
    .ok_or_else(|| RecordsError::Io {
        path: path.to_string(),
        message: "the reader lost its place (an internal error)".into(),
    })
}

/// [`read_csv_chunked`], with each chunk cut after the first line feed past `chunk`
/// bytes instead of at record ends found by the main thread: the main thread then only reads, and the
/// workers find the record ends as they count. A cut inside a quoted field (a quoted
/// line break across it) is noticed by the worker whose chunk ends inside the record,
/// and the result is `None`: read the input again with [`read_csv`]. Any worker's
/// error gives `None` too, so that the exact reading reports it.
///
/// Why a result is exact: the first chunk starts at a record start; a chunk whose
/// every record ends inside it (no record asks for bytes past its end) ends at a
/// record end, so the next chunk starts at a record start too.
///
/// # Errors
/// An unreadable input, no date column or an unknown named column.
pub fn read_csv_at_line_ends(
    path: &str,
    input: impl Read,
    offices: &[FieldOffice],
    options: &Options,
    progress: &mut dyn FnMut(u64),
    chunk: usize,
) -> Result<Option<Aggregate>, RecordsError> {
    read_chunked(
        path,
        input,
        offices,
        options,
        progress,
        chunk,
        Cuts::AtLineEnds,
    )
}

/// Where the main thread cuts the input into chunks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cuts {
    /// At record ends, found record by record (quote-aware).
    AtRecordEnds,
    /// After the first line feed past a chunk's worth; the workers check that it was a
    /// record end.
    AtLineEnds,
}

#[expect(
    clippy::too_many_lines,
    reason = "the reader's threads, set up and joined"
)]
fn read_chunked(
    path: &str,
    mut input: impl Read,
    offices: &[FieldOffice],
    options: &Options,
    progress: &mut dyn FnMut(u64),
    chunk: usize,
    cuts: Cuts,
) -> Result<Option<Aggregate>, RecordsError> {
    let chunk = chunk.max(1);
    let io = |e: &dyn std::fmt::Display| RecordsError::Io {
        path: path.to_string(),
        message: e.to_string(),
    };
    // The header is looked for in the first chunk (at least a whole CHUNK, so that a
    // tiny test chunk does not change what is found).
    let mut buffer = Vec::with_capacity(CHUNK.max(chunk));
    let eof = fill(&mut input, &mut buffer, CHUNK.max(chunk)).map_err(|e| io(&e))?;
    let read_total = buffer.len() as u64;
    progress(read_total);
    let delimiter = options
        .delimiter
        .unwrap_or_else(|| split::sniff_delimiter(&buffer, eof, PREAMBLE_LIMIT + 1));
    let Some(head) = Head::find(path, &buffer, eof, delimiter, options)? else {
        return Err(no_date_column(
            path,
            options,
            &head_row(&buffer, eof, delimiter),
        ));
    };
    buffer.drain(..head.data_start);
    let work = Work {
        columns: &head.columns,
        delimiter,
    };
    let workers = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
    let (tx, rx) = mpsc::sync_channel::<(u64, Vec<u8>, bool)>(workers);
    let rx = Arc::new(Mutex::new(rx));
    // Emptied chunks come back to the cutter to be filled again: no fresh allocation
    // (and no fresh pages to fault in) per chunk.
    let (spare_tx, spare_rx) = mpsc::channel::<Vec<u8>>();
    let stop = AtomicBool::new(false);
    // A chunk cut inside a record, or a worker's error, when cutting at line ends.
    let unclean = AtomicBool::new(false);
    let results: Vec<Result<Counter<'_>, RecordsError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                let rx = Arc::clone(&rx);
                let spare = spare_tx.clone();
                let (work, stop, unclean) = (&work, &stop, &unclean);
                scope.spawn(move || {
                    let mut counter = Counter::new(path, offices, options);
                    while !stop.load(Ordering::Relaxed) {
                        let next = rx.lock().map_or(None, |r| r.recv().ok());
                        let Some((line, bytes, last)) = next else {
                            break;
                        };
                        // Cut at record ends, every chunk is whole; cut at line ends,
                        // only the last is known to end where the input does.
                        let whole = cuts == Cuts::AtRecordEnds || last;
                        match work.chunk(&mut counter, line, &bytes, whole) {
                            Ok(true) => {}
                            Ok(false) => {
                                unclean.store(true, Ordering::Relaxed);
                                stop.store(true, Ordering::Relaxed);
                            }
                            Err(e) => {
                                stop.store(true, Ordering::Relaxed);
                                if cuts == Cuts::AtLineEnds {
                                    unclean.store(true, Ordering::Relaxed);
                                }
                                return Err(e);
                            }
                        }
                        let _ = spare.send(bytes);
                    }
                    Ok(counter)
                })
            })
            .collect();
        // Only the workers hold the receiver now.
        drop(rx);
        let mut cutter = Cutter {
            input: &mut input,
            buffer: &mut buffer,
            eof,
            read_total,
            chunk,
            delimiter,
            spare: spare_rx,
            cuts,
        };
        let reading = match cutter.run(head.data_line, &tx, &stop, progress) {
            Ok(true) => Ok(()),
            Ok(false) => {
                unclean.store(true, Ordering::Relaxed);
                stop.store(true, Ordering::Relaxed);
                Ok(())
            }
            Err(e) => Err(io(&e)),
        };
        drop(tx);
        let mut out: Vec<Result<Counter<'_>, RecordsError>> = handles
            .into_iter()
            .map(|w| {
                w.join()
                    .unwrap_or_else(|_| Err(io(&"a reading thread failed")))
            })
            .collect();
        if let Err(e) = reading {
            out.push(Err(e));
        }
        out
    });
    if unclean.load(Ordering::Relaxed) {
        return Ok(None);
    }
    let mut merged = merge_results(results, Counter::new(path, offices, options))?;
    merged.stats.preamble_rows = head.preamble;
    Ok(Some(merged.finish(&head.columns)))
}

/// The main thread's part: read, cut at record ends, hand over.
struct Cutter<'a, R> {
    input: &'a mut R,
    buffer: &'a mut Vec<u8>,
    eof: bool,
    read_total: u64,
    chunk: usize,
    delimiter: u8,
    /// Chunks the workers are done with.
    spare: mpsc::Receiver<Vec<u8>>,
    cuts: Cuts,
}

impl<R: Read> Cutter<'_, R> {
    /// Hand over chunks of whole records (each with the line number it starts on)
    /// until the input ends, a worker fails (`stop`) or the workers are gone; `false`
    /// when cutting at line ends finds none to cut at.
    fn run(
        &mut self,
        mut line: u64,
        tx: &mpsc::SyncSender<(u64, Vec<u8>, bool)>,
        stop: &AtomicBool,
        progress: &mut dyn FnMut(u64),
    ) -> std::io::Result<bool> {
        // Where the first record not yet known to be complete starts.
        let mut scanned = 0;
        loop {
            if self.cuts == Cuts::AtLineEnds {
                // After the first line feed at or past a chunk's worth; all of the
                // rest at the end of the input. No line feed for a longest record's
                // worth past it (a file of CR line ends, or one huge record): the
                // exact reading takes over.
                let from = self.chunk - 1;
                scanned = match self
                    .buffer
                    .get(from..)
                    .and_then(|b| memchr::memchr(b'\n', b))
                {
                    Some(p) => from + p + 1,
                    None if self.eof => self.buffer.len(),
                    None if self.buffer.len() >= self.chunk + split::MAX_RECORD => {
                        return Ok(false);
                    }
                    None => 0,
                };
            } else {
                while scanned < self.chunk && scanned < self.buffer.len() {
                    match split::record_end(self.buffer, scanned, self.delimiter, self.eof) {
                        End::Complete(next) | End::Unterminated(next) => scanned = next,
                        End::NeedMore => break,
                    }
                }
            }
            // At the end of the input every record is complete, so all is ready.
            let ready = scanned >= self.chunk
                || (self.eof && scanned == self.buffer.len())
                || (self.cuts == Cuts::AtLineEnds && scanned > 0);
            if ready && scanned > 0 {
                if stop.load(Ordering::Relaxed) {
                    return Ok(true);
                }
                let mut rest = self.spare.try_recv().unwrap_or_else(|_| {
                    Vec::with_capacity(self.chunk.min(CHUNK) + split::MAX_RECORD)
                });
                rest.clear();
                rest.extend_from_slice(&self.buffer[scanned..]);
                self.buffer.truncate(scanned);
                let bytes = std::mem::replace(self.buffer, rest);
                let start = line;
                line += split::count_lines(&bytes);
                scanned = 0;
                let last = self.eof && self.buffer.is_empty();
                if tx.send((start, bytes, last)).is_err() {
                    return Ok(true);
                }
            }
            if self.eof && self.buffer.is_empty() {
                return Ok(true);
            }
            if !ready && !self.eof {
                let before = self.buffer.len();
                self.eof = fill(self.input, self.buffer, self.chunk)?;
                self.read_total += (self.buffer.len() - before) as u64;
                progress(self.read_total);
            }
        }
    }
}

/// Merge the workers' counts; an I/O error wins, then the earliest `--strict` row.
pub(crate) fn merge_results<'a>(
    results: Vec<Result<Counter<'a>, RecordsError>>,
    mut merged: Counter<'a>,
) -> Result<Counter<'a>, RecordsError> {
    let mut first_error: Option<RecordsError> = None;
    let mut counters = Vec::new();
    for r in results {
        match r {
            Ok(c) => counters.push(c),
            Err(e) => {
                let replace = match (&first_error, &e) {
                    (
                        Some(RecordsError::Strict { line: a, .. }),
                        RecordsError::Strict { line: b, .. },
                    ) => b < a,
                    (Some(RecordsError::Strict { .. }) | None, _) => true,
                    _ => false,
                };
                if replace {
                    first_error = Some(e);
                }
            }
        }
    }
    if let Some(e) = first_error {
        return Err(e);
    }
    for c in counters {
        merged.merge(c)?;
    }
    Ok(merged)
}

/// Read until `buffer` holds at least `want` more bytes or the input ends; true at
/// the end.
fn fill(input: &mut impl Read, buffer: &mut Vec<u8>, want: usize) -> std::io::Result<bool> {
    // `read_to_end` on a `take` appends without zeroing the space first.
    let got = input.take(want as u64).read_to_end(buffer)?;
    Ok(got < want)
}

/// The records of `bytes` from the start: (start, end) of each, blank lines included.
fn records(bytes: &[u8], eof: bool, delimiter: u8) -> impl Iterator<Item = (usize, usize)> {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        match split::record_end(bytes, start, delimiter, eof) {
            End::Complete(end) | End::Unterminated(end) => {
                let s = start;
                start = end;
                Some((s, end))
            }
            End::NeedMore => None,
        }
    })
}

/// A record's cells as text.
fn names(record: &[u8], delimiter: u8) -> Vec<String> {
    let mut cells = Vec::new();
    split::cells(split::content(record), delimiter, usize::MAX, &mut cells);
    cells
        .iter()
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect()
}

/// The header, found in the first chunk.
struct Head {
    columns: Columns,
    /// Byte offset of the first data row.
    data_start: usize,
    /// Line number of the first data row.
    data_line: u64,
    /// Non-blank rows above the header.
    preamble: u64,
}

impl Head {
    fn find(
        path: &str,
        first: &[u8],
        eof: bool,
        delimiter: u8,
        options: &Options,
    ) -> Result<Option<Self>, RecordsError> {
        let mut preamble = 0;
        for (start, end) in records(first, eof, delimiter) {
            let record = &first[start..end];
            if split::content(record).is_empty() {
                continue;
            }
            if let Some(columns) = find_columns(&names(record, delimiter), options, path)? {
                return Ok(Some(Self {
                    columns,
                    data_start: end,
                    data_line: split::count_lines(&first[..end]) + 1,
                    preamble,
                }));
            }
            preamble += 1;
            if preamble > PREAMBLE_LIMIT as u64 {
                break;
            }
        }
        Ok(None)
    }
}

/// The first non-blank row, for the message when no header is found.
fn head_row(bytes: &[u8], eof: bool, delimiter: u8) -> Vec<String> {
    records(bytes, eof, delimiter)
        .map(|(s, e)| &bytes[s..e])
        .find(|r| !split::content(r).is_empty())
        .map(|r| names(r, delimiter))
        .unwrap_or_default()
}

/// What every worker needs to parse a chunk.
struct Work<'a> {
    columns: &'a Columns,
    delimiter: u8,
}

impl Work<'_> {
    /// Count the records of one chunk, which starts on line `line` at a record start.
    /// With `whole`, it ends at a record end (or the input's); without, it is cut after
    /// a line end, and the answer is whether that was a record end: `false` when a
    /// record asks for bytes past the chunk (what was counted is then of no use).
    fn chunk(
        &self,
        counter: &mut Counter<'_>,
        line: u64,
        bytes: &[u8],
        whole: bool,
    ) -> Result<bool, RecordsError> {
        let cols = self.columns;
        let want = cols.last_needed() + 1;
        let mut needed = vec![false; want];
        for c in cols.needed() {
            needed[c] = true;
        }
        let mut cells: Vec<Cow<'_, [u8]>> = Vec::with_capacity(want);
        // Line numbers are only worked out for bad rows, counted lazily from the last
        // one so the total work stays linear.
        let (mut counted_to, mut lines) = (0usize, 0u64);
        let mut line_of = |start: usize| {
            lines += split::count_lines(&bytes[counted_to..start]);
            counted_to = start;
            line + lines
        };
        let mut start = 0;
        while start < bytes.len() {
            let (end, complete) = match split::record_end(bytes, start, self.delimiter, whole) {
                End::Complete(end) => (end, true),
                End::Unterminated(end) => (end, false),
                End::NeedMore if whole => (bytes.len(), true),
                End::NeedMore => return Ok(false),
            };
            let record = split::content(&bytes[start..end]);
            if !complete {
                counter.unsplittable(line_of(start), record)?;
            } else if !record.is_empty() {
                cells.clear();
                split::cells_where(record, self.delimiter, want, |i| needed[i], &mut cells);
                let cell = |i: usize| cells.get(i).map_or(&[][..], |c| &**c);
                let row = cols.row(parse_date(cell(cols.date)), cell);
                if let Some((reason, value)) = counter.row(row) {
                    counter.skip(line_of(start), reason, &value)?;
                }
            }
            start = end;
        }
        Ok(true)
    }
}

/// The error for a header without the date column.
pub(crate) fn no_date_column(path: &str, options: &Options, first: &[String]) -> RecordsError {
    match &options.date_column {
        Some(name) => RecordsError::NoSuchColumn {
            path: path.to_string(),
            name: name.clone(),
            found: first.join(", "),
        },
        None => RecordsError::NoDateColumn {
            path: path.to_string(),
            wanted: DATE_COLUMNS.join(" or "),
        },
    }
}

#[cfg(test)]
#[path = "csv_tests.rs"]
mod tests;
