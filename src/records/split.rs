//! Splitting CSV bytes into records and cells, the way Python's csv reads them: a quote
//! opens a quoted field only at the start of a field (`5 10" tall` and `a"b` are plain
//! text), `""` inside a quoted field is one quote, and a record ends at `\n`, `\r\n` or
//! a lone `\r` outside quotes.
//!
//! The chunk cutter and the cell parser both find record ends with [`record_end`], so
//! they cannot disagree. A quoted field that has not closed [`MAX_RECORD`] bytes after
//! its record began (or by the end of the input) is unterminated: the record's first
//! line is reported as a bad row and reading resumes on the next line, so one stray
//! quote can neither swallow the rest of a file nor make the reader buffer it.

use std::borrow::Cow;

use memchr::{memchr, memchr2, memchr3};

/// How far (in bytes from its record's start) a quoted field may run before it is
/// taken as unterminated. Far above any real cell; well below the reader's chunk size.
pub const MAX_RECORD: usize = 512 * 1024;

const QUOTE: u8 = b'"';

/// Where the record starting at some offset ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// A complete record; the next one starts at this offset.
    Complete(usize),
    /// An unterminated quoted field: the record's first line is bad, and the next
    /// record starts at this offset (just after that line).
    Unterminated(usize),
    /// The bytes end before the record does (only when more input may follow).
    NeedMore,
}

/// Where the record that starts at `start` ends. `eof` says that `bytes` is the whole
/// rest of the input; otherwise [`End::NeedMore`] asks for more bytes.
#[must_use]
pub fn record_end(bytes: &[u8], start: usize, delimiter: u8, eof: bool) -> End {
    let len = bytes.len();
    let mut i = start;
    loop {
        let Some(offset) = bytes
            .get(i..)
            .and_then(|rest| memchr3(QUOTE, b'\n', b'\r', rest))
        else {
            return if eof {
                End::Complete(len)
            } else {
                End::NeedMore
            };
        };
        let p = i + offset;
        match bytes[p] {
            b'\n' => return End::Complete(p + 1),
            b'\r' => {
                return match bytes.get(p + 1) {
                    Some(b'\n') => End::Complete(p + 2),
                    Some(_) => End::Complete(p + 1),
                    None if eof => End::Complete(p + 1),
                    None => End::NeedMore,
                };
            }
            _ => {
                // In unquoted text, a quote is a field's first byte only right after
                // the record's start or a delimiter; anywhere else it is plain text.
                if p != start && bytes[p - 1] != delimiter {
                    i = p + 1;
                    continue;
                }
                match closing_quote(bytes, p + 1, start.saturating_add(MAX_RECORD), eof) {
                    Closing::At(c) => i = c + 1,
                    Closing::NeedMore => return End::NeedMore,
                    Closing::Never => {
                        return match first_line_end(bytes, start, eof) {
                            Some(next) => End::Unterminated(next),
                            None => End::NeedMore,
                        };
                    }
                }
            }
        }
    }
}

enum Closing {
    At(usize),
    NeedMore,
    Never,
}

/// The closing quote of a quoted field whose content starts at `from`, looking no
/// further than `limit`.
fn closing_quote(bytes: &[u8], from: usize, limit: usize, eof: bool) -> Closing {
    let len = bytes.len();
    let end = len.min(limit);
    let mut q = from;
    while q < end {
        let Some(offset) = memchr(QUOTE, &bytes[q..end]) else {
            break;
        };
        let c = q + offset;
        match bytes.get(c + 1) {
            Some(&QUOTE) => q = c + 2,
            Some(_) => return Closing::At(c),
            None if eof => return Closing::At(c),
            None => return Closing::NeedMore,
        }
    }
    if len >= limit || eof {
        Closing::Never
    } else {
        Closing::NeedMore
    }
}

/// Just past the first line end at or after `start` (quotes ignored); the input's end
/// when there is none and `eof`.
fn first_line_end(bytes: &[u8], start: usize, eof: bool) -> Option<usize> {
    let Some(offset) = memchr2(b'\n', b'\r', &bytes[start..]) else {
        return eof.then_some(bytes.len());
    };
    let p = start + offset;
    match (bytes[p], bytes.get(p + 1)) {
        (b'\r', Some(b'\n')) => Some(p + 2),
        (b'\r', None) if !eof => None,
        _ => Some(p + 1),
    }
}

/// A record's bytes without its line end.
#[must_use]
pub fn content(record: &[u8]) -> &[u8] {
    let r = record.strip_suffix(b"\n").unwrap_or(record);
    r.strip_suffix(b"\r").unwrap_or(r)
}

/// Lines ended in `bytes`: each `\n`, `\r\n` or lone `\r` counts once (a `\r` at the
/// very end counts: the cutter never cuts between `\r` and `\n`).
#[must_use]
pub fn count_lines(bytes: &[u8]) -> u64 {
    let lf = memchr::memchr_iter(b'\n', bytes).count();
    let lone_cr = memchr::memchr_iter(b'\r', bytes)
        .filter(|&i| bytes.get(i + 1) != Some(&b'\n'))
        .count();
    (lf + lone_cr) as u64
}

/// Split a record's content (no line end) into its first `want` cells (all of them for
/// `usize::MAX`), appending to `cells`. Quoted cells are unescaped; text after a
/// closing quote is kept, as Python's csv does.
pub fn cells<'a>(record: &'a [u8], delimiter: u8, want: usize, cells: &mut Vec<Cow<'a, [u8]>>) {
    cells_where(record, delimiter, want, |_| true, cells);
}

/// [`cells`], but only the cells for which `keep(i)` holds are taken out (unescaped);
/// the others are stepped over and left empty.
pub fn cells_where<'a>(
    record: &'a [u8],
    delimiter: u8,
    want: usize,
    keep: impl Fn(usize) -> bool,
    cells: &mut Vec<Cow<'a, [u8]>>,
) {
    // One pass over the record's delimiters; those inside quoted cells are stepped over.
    let mut delimiters = memchr::memchr_iter(delimiter, record);
    let mut pos = 0;
    while cells.len() < want {
        let i = cells.len();
        if record.get(pos) == Some(&QUOTE) {
            let next = if keep(i) {
                let (cell, next) = quoted_cell(record, pos + 1, delimiter);
                cells.push(cell);
                next
            } else {
                cells.push(Cow::Borrowed(&[]));
                skip_quoted(record, pos + 1, delimiter)
            };
            match next {
                Some(n) => pos = n,
                None => return,
            }
        } else {
            let next = delimiters.by_ref().find(|&d| d >= pos);
            let Some(d) = next else {
                cells.push(Cow::Borrowed(&record[pos.min(record.len())..]));
                return;
            };
            cells.push(Cow::Borrowed(&record[pos..d]));
            pos = d + 1;
        }
    }
}

/// Where the cell after a quoted cell whose content starts at `from` begins (`None` at
/// the record's end), without taking the cell out.
fn skip_quoted(record: &[u8], from: usize, delimiter: u8) -> Option<usize> {
    let mut q = from;
    loop {
        let c = q + memchr(QUOTE, &record[q..])?;
        if record.get(c + 1) == Some(&QUOTE) {
            q = c + 2;
        } else {
            return memchr(delimiter, &record[c + 1..]).map(|o| c + 1 + o + 1);
        }
    }
}

/// A quoted cell whose content starts at `from`, and where the next cell starts
/// (`None` at the record's end).
fn quoted_cell(record: &[u8], from: usize, delimiter: u8) -> (Cow<'_, [u8]>, Option<usize>) {
    // Pieces between escaped quotes are joined only when there is one (`""`).
    let mut owned: Option<Vec<u8>> = None;
    let (mut piece, mut q) = (from, from);
    let close = loop {
        let Some(offset) = memchr(QUOTE, &record[q..]) else {
            break None;
        };
        let c = q + offset;
        if record.get(c + 1) != Some(&QUOTE) {
            break Some(c);
        }
        owned
            .get_or_insert_with(Vec::new)
            .extend_from_slice(&record[piece..=c]);
        q = c + 2;
        piece = q;
    };
    // Unclosed to the record's end (only in an unterminated record): all content.
    let (close, after) = close.map_or((record.len(), record.len()), |c| (c, c + 1));
    // Text between the closing quote and the next delimiter belongs to the cell.
    let (tail_end, next) = match memchr(delimiter, &record[after..]) {
        Some(offset) => (after + offset, Some(after + offset + 1)),
        None => (record.len(), None),
    };
    let tail = &record[after..tail_end];
    let cell = match owned {
        None if tail.is_empty() => Cow::Borrowed(&record[piece..close]),
        owned => {
            let mut o = owned.unwrap_or_default();
            o.extend_from_slice(&record[piece..close]);
            o.extend_from_slice(tail);
            Cow::Owned(o)
        }
    };
    (cell, next)
}

/// The candidates for the delimiter, in order of preference on a tie.
pub const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// The delimiter among comma, semicolon, tab and `|` that splits some record of the
/// head (the first `lines` records, preamble included) into the most cells.
#[must_use]
pub fn sniff_delimiter(head: &[u8], eof: bool, lines: usize) -> u8 {
    let mut best = (0, DELIMITERS[0]);
    let mut cells_of = Vec::new();
    for d in DELIMITERS {
        let mut most = 0;
        let mut start = 0;
        for _ in 0..lines {
            let end = match record_end(head, start, d, eof) {
                End::Complete(e) | End::Unterminated(e) => e,
                End::NeedMore => break,
            };
            if end <= start {
                break;
            }
            cells_of.clear();
            cells(content(&head[start..end]), d, usize::MAX, &mut cells_of);
            most = most.max(cells_of.len());
            start = end;
        }
        if most > best.0 {
            best = (most, d);
        }
    }
    best.1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split_all(text: &[u8]) -> Vec<Vec<String>> {
        let mut out = Vec::new();
        let mut start = 0;
        while start < text.len() {
            let end = match record_end(text, start, b',', true) {
                End::Complete(e) | End::Unterminated(e) => e,
                End::NeedMore => unreachable!("eof"),
            };
            let mut c = Vec::new();
            cells(content(&text[start..end]), b',', usize::MAX, &mut c);
            out.push(
                c.iter()
                    .map(|x| String::from_utf8_lossy(x).into_owned())
                    .collect(),
            );
            start = end;
        }
        out
    }

    #[test]
    fn a_quote_quotes_only_at_the_start_of_a_field() {
        assert_eq!(
            split_all(b"5 10\" tall,a\"b\nx,\"q,\"\"r\"\"\"\n\"ab\"cd,e\n"),
            [
                vec!["5 10\" tall", "a\"b"],
                vec!["x", "q,\"r\""],
                vec!["abcd", "e"],
            ]
        );
    }

    #[test]
    fn skipped_cells_leave_the_kept_ones_as_they_are() {
        let record = b"\"a,\"\"b\"\"\",x,\"y\"z,\"q\"\"\",last";
        let mut all = Vec::new();
        cells(record, b',', usize::MAX, &mut all);
        for keep in [0usize, 1, 2, 3, 4] {
            let mut some = Vec::new();
            cells_where(record, b',', usize::MAX, |i| i == keep, &mut some);
            assert_eq!(some.len(), all.len());
            assert_eq!(some[keep], all[keep], "cell {keep}");
        }
        assert_eq!(all[4].as_ref(), b"last");
    }

    #[test]
    fn every_line_end_ends_a_record_outside_quotes() {
        assert_eq!(
            split_all(b"a,b\rc,d\r\ne,\"f\rg\"\nh"),
            [vec!["a", "b"], vec!["c", "d"], vec!["e", "f\rg"], vec!["h"],]
        );
        assert_eq!(count_lines(b"a\rb\r\nc\nd\r"), 4);
    }

    #[test]
    fn an_unterminated_quote_loses_one_line_and_no_more() {
        let text = b"a,\"open\nb,c\nd,e\n";
        assert_eq!(record_end(text, 0, b',', true), End::Unterminated(8));
        assert_eq!(record_end(text, 8, b',', true), End::Complete(12));
        // With more input to come and the limit not reached, it waits.
        assert_eq!(record_end(text, 0, b',', false), End::NeedMore);
        let mut long = b"a,\"open\n".to_vec();
        long.resize(MAX_RECORD + 10, b'x');
        assert_eq!(record_end(&long, 0, b',', false), End::Unterminated(8));
    }

    #[test]
    fn cr_at_a_chunk_edge_waits_for_the_next_byte() {
        assert_eq!(record_end(b"a,b\r", 0, b',', false), End::NeedMore);
        assert_eq!(record_end(b"a,b\r", 0, b',', true), End::Complete(4));
        assert_eq!(record_end(b"\"a\"", 0, b',', false), End::NeedMore);
    }

    #[test]
    fn the_sniffer_takes_the_delimiter_that_splits_most() {
        assert_eq!(sniff_delimiter(b"a|b|c\n1|2|3\n", true, 30), b'|');
        assert_eq!(sniff_delimiter(b"a;b,c;d\n", true, 30), b';');
        assert_eq!(sniff_delimiter(b"a\tb\n", true, 30), b'\t');
        assert_eq!(sniff_delimiter(b"abc\n", true, 30), b',');
        assert_eq!(sniff_delimiter(b"\"a;b;c\",d\n", true, 30), b',');
    }
}
