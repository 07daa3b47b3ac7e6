//! A seeded generator of files shaped like the Deportation Data Project's processed
//! arrest releases (17 columns, about 236 bytes a row), for benchmarks and tests.
//! The values are random draws, not real records.

use std::io::{self, Write};

/// The columns written, in order.
pub const COLUMNS: [&str; 17] = [
    "apprehension_date",
    "apprehension_state",
    "apprehension_county",
    "apprehension_aor",
    "final_program",
    "final_program_group",
    "apprehension_method",
    "apprehension_criminality",
    "case_status",
    "case_category",
    "departed_date",
    "departure_country",
    "final_order_yes_no",
    "final_order_date",
    "birth_year",
    "citizenship_country",
    "duplicate_likely",
];

const AORS: [&str; 26] = [
    "Atlanta",
    "Baltimore",
    "Boston",
    "Buffalo",
    "Chicago",
    "Dallas",
    "Denver",
    "Detroit",
    "El Paso",
    "Harlingen",
    "Houston",
    "Los Angeles",
    "Miami",
    "Newark",
    "New Orleans",
    "New York City",
    "Philadelphia",
    "Phoenix",
    "Seattle",
    "San Francisco",
    "Salt Lake City",
    "San Antonio",
    "San Diego",
    "St. Paul",
    "Washington",
    "HQ",
];

const STATES: [&str; 8] = [
    "TEXAS",
    "CALIFORNIA",
    "FLORIDA",
    "GEORGIA",
    "NEW YORK",
    "ILLINOIS",
    "ARIZONA",
    "NEW JERSEY",
];
const COUNTRIES: [&str; 6] = [
    "MEXICO",
    "GUATEMALA",
    "HONDURAS",
    "EL SALVADOR",
    "VENEZUELA",
    "COLOMBIA",
];
const CRIMINALITY: [&str; 3] = [
    "1 Convicted Criminal",
    "2 Pending Criminal Charges",
    "3 Other Immigration Violator",
];

/// `SplitMix64`: small, fast and reproducible.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    #[must_use]
    pub const fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[usize::try_from(self.below(items.len() as u64)).unwrap_or(0)]
    }
}

/// One generated row's date (days since 1970-01-01) and office value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The arrest day.
    pub day: i32,
    /// The AOR value as written ("Dallas Area of Responsibility").
    pub aor: String,
    /// All 17 cells.
    pub cells: Vec<String>,
}

/// The next row: dates spread over FY2023-FY2025, about 2% flagged as duplicates.
pub fn row(rng: &mut Rng) -> Row {
    let first = crate::records::day_number(2022, 10, 1).unwrap_or(0);
    let day = first + i32::try_from(rng.below(3 * 365)).unwrap_or(0);
    let aor = format!("{} Area of Responsibility", rng.pick(&AORS));
    let duplicate = rng.below(50) == 0;
    let birth = 1950 + rng.below(55);
    let departed = if rng.below(3) == 0 {
        crate::records::iso(day + 30 + i32::try_from(rng.below(200)).unwrap_or(0))
    } else {
        String::new()
    };
    let cells = vec![
        format!(
            "{}T{:02}:{:02}:00",
            crate::records::iso(day),
            rng.below(24),
            rng.below(60)
        ),
        rng.pick(&STATES).to_string(),
        format!(
            "{} COUNTY",
            rng.pick(&[
                "HARRIS",
                "DALLAS",
                "COOK",
                "MARICOPA",
                "KINGS",
                "MIAMI-DADE"
            ])
        ),
        aor.clone(),
        rng.pick(&[
            "Fugitive Operations",
            "ERO Criminal Alien Program",
            "Non-Detained Docket Control",
            "287(g) Program",
        ])
        .to_string(),
        rng.pick(&["ICE", "287(g)"]).to_string(),
        rng.pick(&[
            "CAP Local Incarceration",
            "Located",
            "Non-Custodial Arrest",
            "Other efforts",
        ])
        .to_string(),
        rng.pick(&CRIMINALITY).to_string(),
        rng.pick(&["ACTIVE - REMOVAL PENDING", "CLOSED - REMOVED"])
            .to_string(),
        format!("[{}] Removable, \"Final\" order", rng.below(20)),
        departed.clone(),
        if departed.is_empty() {
            String::new()
        } else {
            rng.pick(&COUNTRIES).to_string()
        },
        rng.pick(&["YES", "NO"]).to_string(),
        departed,
        birth.to_string(),
        rng.pick(&COUNTRIES).to_string(),
        if duplicate { "TRUE" } else { "FALSE" }.to_string(),
    ];
    Row { day, aor, cells }
}

/// Write a CSV of `rows` rows from `seed` (quoted where needed).
///
/// # Errors
/// A failed write.
pub fn write_csv(out: impl Write, rows: u64, seed: u64) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(io::BufWriter::with_capacity(1 << 20, out));
    w.write_record(COLUMNS)?;
    let mut rng = Rng::new(seed);
    for _ in 0..rows {
        w.write_record(&row(&mut rng).cells)?;
    }
    w.flush()?;
    Ok(())
}

/// The Parquet schema of [`write_parquet`]: DDP's processed columns, the date as a UTC
/// timestamp, `duplicate_likely` a boolean, every other column optional text.
fn parquet_schema() -> String {
    use std::fmt::Write as _;
    let mut s = String::from("message arrests {\n");
    for c in COLUMNS {
        s.push_str(match c {
            "apprehension_date" => "  OPTIONAL INT64 apprehension_date (TIMESTAMP(MICROS,true));\n",
            "duplicate_likely" => "  OPTIONAL BOOLEAN duplicate_likely;\n",
            _ => "",
        });
        if !matches!(c, "apprehension_date" | "duplicate_likely") {
            let _ = writeln!(s, "  OPTIONAL BYTE_ARRAY {c} (STRING);");
        }
    }
    s.push('}');
    s
}

/// Write a Parquet file of `rows` rows from `seed` as the Deportation Data Project
/// writes its processed arrests: zstd, `row_group` rows to a row group (DDP's files
/// have one), timestamps and booleans, empty text cells as nulls. The same rows as
/// [`write_csv`] with the same seed.
///
/// Columns are written one after another, so the generator is run once per column
/// rather than holding the rows.
///
/// # Errors
/// A failed write.
pub fn write_parquet(
    path: &std::path::Path,
    rows: u64,
    seed: u64,
    row_group: u64,
) -> io::Result<()> {
    use parquet::basic::{Compression, ZstdLevel};
    use parquet::data_type::{BoolType, ByteArray, ByteArrayType, Int64Type};
    use parquet::file::properties::WriterProperties;
    use parquet::file::writer::SerializedFileWriter;
    let err = |e: parquet::errors::ParquetError| io::Error::other(e.to_string());
    let schema = std::sync::Arc::new(
        parquet::schema::parser::parse_message_type(&parquet_schema()).map_err(err)?,
    );
    let props = std::sync::Arc::new(
        WriterProperties::builder()
            .set_compression(Compression::ZSTD(ZstdLevel::default()))
            .build(),
    );
    let file = std::fs::File::create(path)?;
    let mut writer = SerializedFileWriter::new(file, schema, props).map_err(err)?;
    let row_group = row_group.max(1);
    let mut rng = Rng::new(seed);
    let mut start = 0;
    while start < rows {
        let n = row_group.min(rows - start);
        let mut group = writer.next_row_group().map_err(err)?;
        let mut column = 0;
        while let Some(mut col) = group.next_column().map_err(err)? {
            // Replay the generator for this row group, keeping one column.
            let mut replay = rng.clone();
            let mut left = n;
            while left > 0 {
                let batch = left.min(65_536);
                left -= batch;
                let cells: Vec<String> = (0..batch)
                    .map(|_| std::mem::take(&mut row(&mut replay).cells[column]))
                    .collect();
                let defs: Vec<i16> = cells.iter().map(|c| i16::from(!c.is_empty())).collect();
                match COLUMNS[column] {
                    "apprehension_date" => {
                        let v: Vec<i64> = cells
                            .iter()
                            .filter(|c| !c.is_empty())
                            .map(|c| micros(c))
                            .collect();
                        col.typed::<Int64Type>().write_batch(&v, Some(&defs), None)
                    }
                    "duplicate_likely" => {
                        let v: Vec<bool> = cells
                            .iter()
                            .filter(|c| !c.is_empty())
                            .map(|c| c == "TRUE")
                            .collect();
                        col.typed::<BoolType>().write_batch(&v, Some(&defs), None)
                    }
                    _ => {
                        let v: Vec<ByteArray> = cells
                            .iter()
                            .filter(|c| !c.is_empty())
                            .map(|c| ByteArray::from(c.as_str()))
                            .collect();
                        col.typed::<ByteArrayType>()
                            .write_batch(&v, Some(&defs), None)
                    }
                }
                .map_err(err)?;
            }
            col.close().map_err(err)?;
            column += 1;
        }
        group.close().map_err(err)?;
        // Move the generator past this row group.
        for _ in 0..n {
            row(&mut rng);
        }
        start += n;
    }
    writer.close().map_err(err)?;
    Ok(())
}

/// Microseconds since 1970 of a generated `YYYY-MM-DDTHH:MM:00` cell.
fn micros(cell: &str) -> i64 {
    let day = crate::records::parse_date(cell.as_bytes()).unwrap_or(0);
    let num =
        |r: std::ops::Range<usize>| cell.get(r).and_then(|s| s.parse::<i64>().ok()).unwrap_or(0);
    (i64::from(day) * 86_400 + num(11..13) * 3600 + num(14..16) * 60) * 1_000_000
}
