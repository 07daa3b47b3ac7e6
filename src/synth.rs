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
