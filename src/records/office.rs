//! Office matching: a file's area-of-responsibility values mapped to bundled offices,
//! and an index of the distinct values met, by hash (linear however many there are).

use rustc_hash::FxHashMap;

use super::OfficeKey;
use crate::data::FieldOffice;

/// Map an area-of-responsibility value to a bundled office: "Dallas Area of
/// Responsibility", "Dallas", "DAL" and alternative codes all give DAL. Anything else
/// (including "HQ Area of Responsibility") keeps its name as written.
#[must_use]
pub fn resolve_office(text: &str, offices: &[FieldOffice]) -> OfficeKey {
    let trimmed = text.trim();
    let lower = trimmed.to_ascii_lowercase();
    let name = lower
        .strip_suffix("area of responsibility")
        .map_or(lower.as_str(), str::trim);
    let found = offices.iter().find(|o| {
        o.name.eq_ignore_ascii_case(name)
            || o.code.eq_ignore_ascii_case(trimmed)
            || o.alt_codes.iter().any(|c| c.eq_ignore_ascii_case(trimmed))
    });
    match found {
        Some(o) => OfficeKey {
            label: o.code.clone(),
            known: true,
        },
        None => OfficeKey {
            label: trimmed.to_string(),
            known: false,
        },
    }
}

/// The distinct office values of a file, each given a dense index on first sight.
///
/// Raw bytes are looked up first (the common case: the same spelling again), then the
/// resolved key, so "Dallas" and "DAL" share one index. Both maps are hashed: a file
/// of a million distinct values costs a million inserts, not a million squared.
#[derive(Debug, Default)]
pub(crate) struct OfficeIndex {
    raw: FxHashMap<Vec<u8>, u32>,
    by_key: FxHashMap<OfficeKey, u32>,
    keys: Vec<OfficeKey>,
}

impl OfficeIndex {
    /// The index of a raw (trimmed) office cell.
    pub(crate) fn index(&mut self, raw: &[u8], offices: &[FieldOffice]) -> u32 {
        if let Some(i) = self.raw.get(raw) {
            return *i;
        }
        let text = String::from_utf8_lossy(raw);
        let key = resolve_office(&text, offices);
        let i = self.index_of_key(key);
        self.raw.insert(raw.to_vec(), i);
        i
    }

    /// The index of a resolved key (new keys are appended).
    pub(crate) fn index_of_key(&mut self, key: OfficeKey) -> u32 {
        if let Some(i) = self.by_key.get(&key) {
            return *i;
        }
        // More than u32::MAX distinct offices cannot come from a file that fits in
        // memory's row counts; saturate rather than wrap if it ever did.
        let i = u32::try_from(self.keys.len()).unwrap_or(u32::MAX);
        self.by_key.insert(key.clone(), i);
        self.keys.push(key);
        i
    }

    /// Give up the keys.
    pub(crate) fn into_keys(self) -> Vec<OfficeKey> {
        self.keys
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Dataset;

    fn offices() -> Vec<FieldOffice> {
        Dataset::bundled().unwrap().offices
    }

    #[test]
    fn offices_map_to_codes_and_unknown_names_are_kept() {
        let o = offices();
        assert_eq!(
            resolve_office("Dallas Area of Responsibility", &o).label,
            "DAL"
        );
        assert_eq!(
            resolve_office("new york city area of responsibility", &o).label,
            "NYC"
        );
        assert_eq!(resolve_office("HAL", &o).label, "HLG");
        let hq = resolve_office("HQ Area of Responsibility", &o);
        assert_eq!(
            (hq.label.as_str(), hq.known),
            ("HQ Area of Responsibility", false)
        );
    }

    #[test]
    fn spellings_of_one_office_share_an_index_and_many_values_stay_distinct() {
        let o = offices();
        let mut index = OfficeIndex::default();
        let dal = index.index(b"Dallas Area of Responsibility", &o);
        assert_eq!(index.index(b"DAL", &o), dal);
        assert_eq!(index.index(b"Dallas", &o), dal);
        for n in 0..50_000u32 {
            assert_eq!(index.index(format!("person {n}").as_bytes(), &o), n + 1);
        }
        assert_eq!(index.index(b"person 7", &o), 8);
        assert_eq!(index.into_keys().len(), 50_001);
    }
}
