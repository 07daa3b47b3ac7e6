//! A Parquet text column read from its pages by hand when every data page is
//! dictionary-encoded (as DDP's office and method columns are): the dictionary is read
//! once and each row keeps its dictionary index, so no row's text is copied, counted
//! or hashed. Any other page (plain-encoded after a dictionary fallback, nested
//! columns, deprecated level encodings) gives `None`, and the caller reads the column
//! the general way.
//!
//! The encodings, from the Parquet format's `Encodings.md`: levels and dictionary
//! indices are the RLE / bit-packing hybrid (a ULEB128 header; odd: `header >> 1`
//! groups of 8 bit-packed values, least significant bit first; even: `header >> 1`
//! repeats of one value in `ceil(width / 8)` little-endian bytes); the dictionary page
//! is PLAIN (each value a 4-byte little-endian length and its bytes).

use parquet::basic::Encoding;
use parquet::column::page::{Page, PageReader};

/// A null row's index.
pub(crate) const NULL: u32 = u32::MAX;

/// Why a column's pages cannot be read here: not ours to read (`Other`, read it the
/// general way), or corrupt (`Bad`).
#[derive(Debug)]
pub(crate) enum Refusal {
    /// A page this reader does not decode.
    Other,
    /// A page that contradicts itself.
    Bad(String),
}

impl From<parquet::errors::ParquetError> for Refusal {
    fn from(e: parquet::errors::ParquetError) -> Self {
        Self::Bad(e.to_string())
    }
}

fn bad(what: &str) -> Refusal {
    Refusal::Bad(what.to_string())
}

/// The distinct values and each row's index into them ([`NULL`] for null), for a flat
/// column whose leaves have definition level `max_def` when present, in a row group of
/// `limit` rows (pages that claim more are refused).
///
/// # Errors
/// [`Refusal::Other`] for pages this reader does not decode, [`Refusal::Bad`] for
/// corrupt ones.
pub(crate) fn dictionary_text(
    mut pages: Box<dyn PageReader>,
    max_def: i16,
    limit: usize,
) -> Result<(Vec<Vec<u8>>, Vec<u32>), Refusal> {
    let mut dict: Option<Vec<Vec<u8>>> = None;
    let mut rows: Vec<u32> = Vec::new();
    let mut levels: Vec<u32> = Vec::new();
    let mut indices: Vec<u32> = Vec::new();
    let max = u32::try_from(max_def.max(0)).unwrap_or(0);
    while let Some(page) = pages.get_next_page()? {
        if let Page::DictionaryPage {
            buf,
            num_values,
            encoding,
            ..
        } = &page
        {
            if !matches!(encoding, Encoding::PLAIN | Encoding::PLAIN_DICTIONARY) || dict.is_some() {
                return Err(Refusal::Other);
            }
            dict = Some(plain_byte_arrays(buf, *num_values)?);
            continue;
        }
        let room = limit.saturating_sub(rows.len());
        let (values, count) = levels_of(&page, max, room, &mut levels)?;
        let present = if max > 0 {
            levels.iter().filter(|l| **l == max).count()
        } else {
            count
        };
        // (A page of nulls needs no dictionary.)
        let len = match &dict {
            Some(d) => d.len(),
            None if present == 0 => 0,
            None => return Err(bad("a dictionary-encoded page comes before the dictionary")),
        };
        indices_of(values, present, len, &mut indices)?;
        if max > 0 {
            let mut next = indices.iter();
            rows.extend(levels.iter().map(|l| {
                if *l == max {
                    next.next().copied().unwrap_or(NULL)
                } else {
                    NULL
                }
            }));
        } else {
            rows.extend_from_slice(&indices);
        }
    }
    Ok((dict.unwrap_or_default(), rows))
}

/// A dictionary-encoded data page's definition levels (up to `max`) into `levels`, and
/// its values' bytes and its number of values (at most `room`).
fn levels_of<'p>(
    page: &'p Page,
    max: u32,
    room: usize,
    levels: &mut Vec<u32>,
) -> Result<(&'p [u8], usize), Refusal> {
    let width = bit_width(max);
    let too_many = || bad("its pages hold more values than the row group has rows");
    levels.clear();
    match page {
        Page::DataPage {
            buf,
            num_values,
            encoding,
            def_level_encoding,
            ..
        } => {
            let count = *num_values as usize;
            if !is_dictionary(*encoding) || (max > 0 && *def_level_encoding != Encoding::RLE) {
                return Err(Refusal::Other);
            }
            if count > room {
                return Err(too_many());
            }
            if max == 0 {
                return Ok((buf, count));
            }
            // V1: the levels' byte length, then the levels.
            let len = buf
                .get(..4)
                .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
                .ok_or_else(|| bad("a data page ends before its levels"))?;
            let data = buf
                .get(4..4 + len)
                .ok_or_else(|| bad("a data page's levels run past its end"))?;
            hybrid(data, width, count, levels)?;
            Ok((&buf[4 + len..], count))
        }
        Page::DataPageV2 {
            buf,
            num_values,
            encoding,
            def_levels_byte_len,
            rep_levels_byte_len,
            ..
        } => {
            let count = *num_values as usize;
            if !is_dictionary(*encoding) || *rep_levels_byte_len != 0 {
                return Err(Refusal::Other);
            }
            if count > room {
                return Err(too_many());
            }
            // V2: the levels' length is in the header.
            let def_len = *def_levels_byte_len as usize;
            let data = buf
                .get(..def_len)
                .ok_or_else(|| bad("a data page's levels run past its end"))?;
            if max > 0 {
                hybrid(data, width, count, levels)?;
            }
            Ok((&buf[def_len..], count))
        }
        Page::DictionaryPage { .. } => Err(bad("a second dictionary page")),
    }
}

/// `present` dictionary indices (a byte giving their bit width, then the hybrid runs)
/// into `indices`, each checked against the dictionary's `len`.
fn indices_of(
    values: &[u8],
    present: usize,
    len: usize,
    indices: &mut Vec<u32>,
) -> Result<(), Refusal> {
    indices.clear();
    if present == 0 {
        return Ok(());
    }
    let (&width, data) = values
        .split_first()
        .ok_or_else(|| bad("a data page has no dictionary indices"))?;
    if width > 32 {
        return Err(bad("a dictionary index wider than 32 bits"));
    }
    hybrid(data, width, present, indices)?;
    if indices.iter().any(|&i| i as usize >= len) {
        return Err(bad("a dictionary index past the dictionary's end"));
    }
    Ok(())
}

const fn is_dictionary(e: Encoding) -> bool {
    matches!(e, Encoding::RLE_DICTIONARY | Encoding::PLAIN_DICTIONARY)
}

/// Bits needed for values up to `max`.
const fn bit_width(max: u32) -> u8 {
    // At most 32, so the cast is exact.
    #[expect(clippy::cast_possible_truncation, reason = "at most 32")]
    let w = (32 - max.leading_zeros()) as u8;
    w
}

/// `n` PLAIN byte arrays.
fn plain_byte_arrays(mut buf: &[u8], n: u32) -> Result<Vec<Vec<u8>>, Refusal> {
    let mut out = Vec::new();
    for _ in 0..n {
        let len = buf
            .get(..4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
            .ok_or_else(|| bad("the dictionary page ends early"))?;
        let value = buf
            .get(4..4 + len)
            .ok_or_else(|| bad("a dictionary value runs past the page's end"))?;
        out.push(value.to_vec());
        buf = &buf[4 + len..];
    }
    Ok(out)
}

/// Append `count` values of `width` bits from the hybrid runs in `data`.
///
/// # Errors
/// The runs end before `count` values, or a header or run is malformed.
pub(crate) fn hybrid(
    mut data: &[u8],
    width: u8,
    count: usize,
    out: &mut Vec<u32>,
) -> Result<(), Refusal> {
    let target = out.len() + count;
    let width_bytes = usize::from(width).div_ceil(8);
    while out.len() < target {
        let header = uleb128(&mut data)?;
        let wanted = target - out.len();
        if header & 1 == 1 {
            // Bit-packed: groups of 8 values, `width` bytes a group.
            let groups = usize::try_from(header >> 1).map_err(|_| bad("a run too long"))?;
            let bytes = groups
                .checked_mul(usize::from(width))
                .ok_or_else(|| bad("a run too long"))?;
            let run = data
                .get(..bytes)
                .ok_or_else(|| bad("a bit-packed run past the page's end"))?;
            let n = groups.saturating_mul(8).min(wanted);
            unpack(run, width, n, out);
            data = &data[bytes..];
        } else {
            let n = usize::try_from(header >> 1).map_err(|_| bad("a run too long"))?;
            if n == 0 {
                return Err(bad("an empty run"));
            }
            let raw = data
                .get(..width_bytes)
                .ok_or_else(|| bad("a repeated run past the page's end"))?;
            let mut value = 0u32;
            for (k, b) in raw.iter().enumerate() {
                value |= u32::from(*b) << (8 * k);
            }
            data = &data[width_bytes..];
            out.extend(std::iter::repeat_n(value, n.min(wanted)));
        }
    }
    Ok(())
}

/// Append the first `n` values of `width` bits packed least significant bit first.
fn unpack(run: &[u8], width: u8, n: usize, out: &mut Vec<u32>) {
    if width == 0 {
        out.extend(std::iter::repeat_n(0, n));
        return;
    }
    let width = usize::from(width);
    let mask = if width == 32 {
        u64::from(u32::MAX)
    } else {
        (1u64 << width) - 1
    };
    for j in 0..n {
        let bit = j * width;
        let byte = bit / 8;
        // Up to 5 bytes hold a value of up to 32 bits at any bit offset.
        let mut word = 0u64;
        for k in 0..5 {
            if let Some(b) = run.get(byte + k) {
                word |= u64::from(*b) << (8 * k);
            }
        }
        // The mask keeps at most 32 bits.
        #[expect(clippy::cast_possible_truncation, reason = "masked to 32 bits")]
        out.push(((word >> (bit % 8)) & mask) as u32);
    }
}

/// An unsigned LEB128 number, taken off the front of `data`.
fn uleb128(data: &mut &[u8]) -> Result<u64, Refusal> {
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let (&b, rest) = data
            .split_first()
            .ok_or_else(|| bad("a run header past the page's end"))?;
        *data = rest;
        value |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Ok(value);
        }
    }
    Err(bad("a run header longer than 64 bits"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(data: &[u8], width: u8, count: usize) -> Result<Vec<u32>, Refusal> {
        let mut out = Vec::new();
        hybrid(data, width, count, &mut out).map(|()| out)
    }

    #[test]
    fn repeated_and_bit_packed_runs() {
        // 5 repeats of 3 (width 2), then one bit-packed group of 8 values 0..8 (width 3).
        // 0..8 at 3 bits, LSB first: 0b10_001_000, 0b1_100_011_0, 0b111_110_10.
        let v = decode(&[0x0a, 0x03], 2, 5).unwrap();
        assert_eq!(v, [3, 3, 3, 3, 3]);
        let v = decode(&[0x03, 0b1000_1000, 0b1100_0110, 0b1111_1010], 3, 8).unwrap();
        assert_eq!(v, [0, 1, 2, 3, 4, 5, 6, 7]);
        // A bit-packed group padded past the values wanted: only those are taken.
        let v = decode(&[0x03, 0b1000_1000, 0b1100_0110, 0b1111_1010], 3, 5).unwrap();
        assert_eq!(v, [0, 1, 2, 3, 4]);
        // Runs one after another; a two-byte repeated value at width 9.
        let v = decode(&[0x04, 0x2c, 0x01, 0x02, 0x05, 0x00], 9, 3).unwrap();
        assert_eq!(v, [300, 300, 5]);
        // Width 0: every value 0.
        assert_eq!(decode(&[0x06], 0, 3).unwrap(), [0, 0, 0]);
        // Width 32 bit-packed.
        let mut data = vec![0x03];
        for i in 0..8u32 {
            data.extend_from_slice(&(u32::MAX - i).to_le_bytes());
        }
        assert_eq!(
            decode(&data, 32, 8).unwrap(),
            (0..8).map(|i| u32::MAX - i).collect::<Vec<_>>()
        );
    }

    #[test]
    fn short_or_malformed_runs_are_refused_not_read_past() {
        for (data, width, count) in [
            (&[][..], 3, 1),
            (&[0x0a][..], 2, 5),
            (&[0x03, 0x01][..], 3, 8),
            (&[0x00, 0x01][..], 1, 1),
            (&[0x80, 0x80][..], 1, 1),
            (&[0xff; 12][..], 1, 1),
        ] {
            assert!(
                matches!(decode(data, width, count), Err(Refusal::Bad(_))),
                "{data:?}"
            );
        }
        assert!(matches!(
            plain_byte_arrays(&[5, 0, 0, 0, b'a'], 1),
            Err(Refusal::Bad(_))
        ));
        assert_eq!(
            plain_byte_arrays(&[1, 0, 0, 0, b'a', 0, 0, 0, 0], 2).unwrap(),
            [b"a".to_vec(), Vec::new()]
        );
        assert_eq!(bit_width(0), 0);
        assert_eq!(bit_width(1), 1);
        assert_eq!(bit_width(2), 2);
        assert_eq!(bit_width(u32::MAX), 32);
    }

    /// A one-column file of `values` (None: null) written with `props`, and the column
    /// read back from its pages.
    fn round_trip(
        values: &[Option<&str>],
        props: parquet::file::properties::WriterProperties,
        limit: usize,
    ) -> Result<(Vec<Vec<u8>>, Vec<u32>), Refusal> {
        use parquet::data_type::{ByteArray, ByteArrayType};
        use parquet::file::reader::{FileReader, SerializedFileReader};
        use parquet::file::writer::SerializedFileWriter;
        use std::sync::Arc;
        let schema = Arc::new(
            parquet::schema::parser::parse_message_type(
                "message m { OPTIONAL BYTE_ARRAY aor (STRING); }",
            )
            .unwrap(),
        );
        let file = tempfile::NamedTempFile::new().unwrap();
        let out = std::fs::File::create(file.path()).unwrap();
        let mut w = SerializedFileWriter::new(out, schema, Arc::new(props)).unwrap();
        let mut rg = w.next_row_group().unwrap();
        let mut col = rg.next_column().unwrap().unwrap();
        let present: Vec<ByteArray> = values.iter().flatten().map(|v| (*v).into()).collect();
        let defs: Vec<i16> = values.iter().map(|v| i16::from(v.is_some())).collect();
        col.typed::<ByteArrayType>()
            .write_batch(&present, Some(&defs), None)
            .unwrap();
        col.close().unwrap();
        rg.close().unwrap();
        w.close().unwrap();
        let reader = SerializedFileReader::new(std::fs::File::open(file.path()).unwrap()).unwrap();
        let group = reader.get_row_group(0).unwrap();
        dictionary_text(group.get_column_page_reader(0).unwrap(), 1, limit)
    }

    #[test]
    fn dictionary_pages_are_read_and_other_pages_refused() {
        use parquet::file::properties::{WriterProperties, WriterVersion};
        let values: Vec<Option<&str>> = (0..1000)
            .map(|i| match i % 7 {
                0 => None,
                k => Some(["DAL", "HOU", "MIA", "Chicago", "", "NYC"][k - 1]),
            })
            .collect();
        let text = |(dict, rows): (Vec<Vec<u8>>, Vec<u32>)| -> Vec<Option<String>> {
            rows.iter()
                .map(|&i| (i != NULL).then(|| String::from_utf8(dict[i as usize].clone()).unwrap()))
                .collect()
        };
        let want: Vec<Option<String>> = values.iter().map(|v| v.map(str::to_string)).collect();
        for props in [
            WriterProperties::builder().build(),
            WriterProperties::builder()
                .set_writer_version(WriterVersion::PARQUET_2_0)
                .build(),
            WriterProperties::builder()
                .set_data_page_row_count_limit(10)
                .set_write_batch_size(10)
                .build(),
        ] {
            assert_eq!(text(round_trip(&values, props, 1000).unwrap()), want);
        }
        // Plain pages: the general reader's job.
        for props in [
            WriterProperties::builder()
                .set_dictionary_enabled(false)
                .build(),
            WriterProperties::builder()
                .set_dictionary_page_size_limit(8)
                .set_write_batch_size(8)
                .build(),
        ] {
            assert!(matches!(
                round_trip(&values, props, 1000),
                Err(Refusal::Other)
            ));
        }
        // A column of nulls only.
        let nulls = vec![None; 30];
        let (_, rows) = round_trip(&nulls, WriterProperties::builder().build(), 30).unwrap();
        assert_eq!(rows, vec![NULL; 30]);
        // Pages holding more values than the row group's rows: refused, not read.
        let got = round_trip(&values, WriterProperties::builder().build(), 999);
        assert!(matches!(got, Err(Refusal::Bad(e)) if e.contains("more values than")));
    }
}
