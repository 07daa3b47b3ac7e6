//! Properties of the data loader over random input: a quota of any size, unit and office
//! count either loads into presets the model holds (never zero, never wrapped) or is an
//! error naming quotas.csv with a line; random bytes (quotes, commas, CR and LF mixes)
//! in any data file never panic, and every refusal names the file.

use arrest_scenarios::data::{Dataset, FILES, FileInput, Origin, bundled_file};
use arrest_scenarios::model::{self, MAX_PER_OFFICE};
use proptest::prelude::*;

/// The bundled files, with `file` replaced by `bytes`.
fn inputs_with(file: &str, bytes: &[u8]) -> [FileInput; 7] {
    FILES.map(|name| FileInput {
        display: name.to_string(),
        bytes: if name == file {
            bytes.to_vec()
        } else {
            bundled_file(name).unwrap().to_vec()
        },
        origin: Origin::Bundled,
    })
}

fn unit() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        Just("per_day"),
        Just("per_office_per_day"),
        Just("per_year")
    ]
}

fn count() -> impl Strategy<Value = u64> {
    prop_oneof![
        any::<u64>(),
        0u64..10_000,
        Just(u64::MAX),
        Just(u64::MAX / 1000),
        Just(u64::MAX / 1000 + 1),
        Just(1_000_000_000_000),
        Just(1_000_000_000_001),
    ]
}

fn offices() -> impl Strategy<Value = Option<u64>> {
    prop_oneof![
        Just(None),
        (0u64..100).prop_map(Some),
        Just(Some(u64::from(u32::MAX))),
        Just(Some(u64::from(u32::MAX) + 1)),
        any::<u64>().prop_map(Some),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn any_quota_loads_into_valid_presets_or_is_a_located_error(
        low in count(),
        extra in count(),
        unit in unit(),
        offices in offices(),
    ) {
        let high = low.saturating_add(extra % 1000);
        let row = format!(
            "p,2025-01-26,Post,arrests,{unit},{low},{high},{},reported,wapo-2025-01-26,,\n",
            offices.map_or_else(String::new, |n| n.to_string())
        );
        let text = format!("id,date,outlet,kind,unit,low,high,offices,confidence,source_id,url,quote\n{row}");
        match Dataset::from_inputs(&inputs_with("quotas.csv", text.as_bytes())) {
            Ok(d) => {
                let presets = model::presets(&d);
                prop_assert!(!presets.is_empty());
                for p in presets {
                    prop_assert!(p.per_office.thousandths() > 0, "{:?}", p);
                    prop_assert!(p.per_office <= MAX_PER_OFFICE, "{:?}", p);
                    prop_assert!(p.offices >= 1);
                }
            }
            Err(e) => {
                prop_assert!(!e.errors.is_empty());
                for err in &e.errors {
                    prop_assert_eq!(err.file.as_str(), "quotas.csv");
                    prop_assert_eq!(err.line, Some(2));
                    prop_assert!(err.column.is_some(), "{}", err);
                }
            }
        }
    }

    #[test]
    fn random_bytes_in_any_data_file_never_panic(
        which in 0..FILES.len(),
        bytes in proptest::collection::vec(
            prop_oneof![
                Just(b'"'), Just(b','), Just(b'\n'), Just(b'\r'), Just(b' '),
                any::<u8>(), b'0'..=b'9', b'a'..=b'z',
            ],
            0..400,
        ),
        keep_header in any::<bool>(),
    ) {
        let file = FILES[which];
        let mut text = Vec::new();
        if keep_header {
            let bundled = bundled_file(file).unwrap();
            let end = bundled.iter().position(|&b| b == b'\n').unwrap() + 1;
            text.extend_from_slice(&bundled[..end]);
        }
        text.extend_from_slice(&bytes);
        if let Err(e) = Dataset::from_inputs(&inputs_with(file, &text)) {
            // The damaged file is named (a broken sources.csv also leaves other files'
            // source ids unknown, so they may be named too).
            prop_assert!(e.errors.iter().any(|err| err.file == file), "{}", e);
            prop_assert!(e.errors.iter().all(|err| FILES.contains(&err.file.as_str())));
            // Shown escaped: no control character reaches a terminal.
            prop_assert!(!e.to_string().chars().any(|c| c.is_control() && c != '\n'));
        }
    }
}
