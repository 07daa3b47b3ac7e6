//! Every loader error, with its exact text: file, line, column, value, expectation.

mod common;

use arrest_scenarios::data::{Dataset, Origin};
use common::{bundled, data_dir, shown};

/// Load a data dir where `file` has `text`, and return the error lines.
fn errors_for(file: &str, text: &str) -> (Vec<String>, String) {
    let dir = data_dir(&[(file, text.as_bytes())]);
    let prefix = shown(dir.path(), file);
    let err = Dataset::from_dir(dir.path()).expect_err("the data should be refused");
    let lines = err
        .errors
        .iter()
        .map(|e| e.to_string().replace(&prefix, file))
        .collect();
    (lines, err.to_string())
}

const ANNUAL_HEADER: &str = "fiscal_year,arrests,confidence,source_id,note\n";

fn annual(rows: &str) -> String {
    format!("{ANNUAL_HEADER}{rows}")
}

#[test]
fn a_bad_count_names_file_line_column_and_value() {
    let text = annual(
        "2019,143099,official,ohss-yearbook-2021-t35,\n\
         2020,103603,official,ohss-yearbook-2021-t35,\n\
         2021,74082,official,ohss-yearbook-2021-t35,\n\
         2022,142750,official,ice-fy2022-annual-report,\n\
         2023,170590,official,ice-fy2023-year-review,\n\
         2024,abc,official,ice-fy2024-annual-report,\n",
    );
    let (lines, _) = errors_for("annual_arrests.csv", &text);
    assert_eq!(
        lines,
        ["annual_arrests.csv line 7, column \"arrests\": 'abc' is not a whole number"]
    );
}

#[test]
fn every_problem_in_a_file_is_reported_not_only_the_first() {
    let text = annual(
        "2019,-5,official,ohss-yearbook-2021-t35,\n\
         1850,100,official,ohss-yearbook-2021-t35,\n\
         2020,100,offical,ohss-yearbook-2021-t35,\n\
         2020,100,official,no-such-source,\n\
         2021,12.5,official,ohss-yearbook-2021-t35,\n\
         2022,,official,ohss-yearbook-2021-t35,\n\
         2023,1,official,,\n",
    );
    let (lines, whole) = errors_for("annual_arrests.csv", &text);
    assert_eq!(
        lines,
        [
            "annual_arrests.csv line 2, column \"arrests\": '-5' is negative; counts cannot be below zero",
            "annual_arrests.csv line 3, column \"fiscal_year\": '1850' is not a plausible fiscal year (expected 1900 to 2100)",
            "annual_arrests.csv line 4, column \"confidence\": 'offical' is not a confidence label (expected official, derived or reported)",
            "annual_arrests.csv line 5, column \"fiscal_year\": fiscal year 2020 appears twice (first on line 4)",
            "annual_arrests.csv line 5, column \"source_id\": 'no-such-source' is not a source id listed in sources.csv",
            "annual_arrests.csv line 6, column \"arrests\": '12.5' is not a whole number",
            "annual_arrests.csv line 7, column \"arrests\": is empty; expected a whole number",
            "annual_arrests.csv line 8, column \"source_id\": is empty; expected a value",
        ]
    );
    assert!(whole.starts_with("the data has 8 problems:\n  "));
}

#[test]
fn a_huge_count_is_refused_not_wrapped() {
    let (lines, _) = errors_for(
        "annual_arrests.csv",
        &annual("2024,99999999999999999999999,official,ice-fy2024-annual-report,\n"),
    );
    assert_eq!(
        lines,
        [
            "annual_arrests.csv line 2, column \"arrests\": '99999999999999999999999' is too large (at most 18,446,744,073,709,551,615)"
        ]
    );
}

#[test]
fn missing_and_duplicate_columns() {
    let (lines, _) = errors_for(
        "annual_arrests.csv",
        "fiscal_year,confidence,source_id\n2024,official,ice-fy2024-annual-report\n",
    );
    assert_eq!(
        lines,
        [
            "annual_arrests.csv line 1: missing required column \"arrests\" (the header has: fiscal_year, confidence, source_id)"
        ]
    );
    let (lines, _) = errors_for(
        "annual_arrests.csv",
        "fiscal_year,arrests,arrests,confidence,source_id\n",
    );
    assert_eq!(
        lines,
        ["annual_arrests.csv line 1: the column \"arrests\" appears twice in the header"]
    );
}

#[test]
fn ragged_rows_empty_files_and_header_only_files() {
    let (lines, _) = errors_for("annual_arrests.csv", &annual("2024,113431\n"));
    assert_eq!(
        lines,
        [
            "annual_arrests.csv line 2: has 2 fields but the header has 5 (fiscal_year, arrests, confidence, source_id, note)"
        ]
    );
    let (lines, _) = errors_for("annual_arrests.csv", "");
    assert_eq!(
        lines,
        [
            "annual_arrests.csv: the file is empty; expected a header line with the columns fiscal_year, arrests, confidence, source_id"
        ]
    );
    let (lines, _) = errors_for("annual_arrests.csv", ANNUAL_HEADER);
    assert_eq!(
        lines,
        ["annual_arrests.csv: has a header but no data rows; expected at least one row"]
    );
}

#[test]
fn non_utf8_is_a_clear_error() {
    let mut bytes = annual("2024,113431,official,ice-fy2024-annual-report,Caf").into_bytes();
    bytes.push(0xE9);
    bytes.extend_from_slice(b"\n");
    let dir = data_dir(&[("annual_arrests.csv", &bytes)]);
    let err = Dataset::from_dir(dir.path()).unwrap_err();
    let shown_name = shown(dir.path(), "annual_arrests.csv");
    assert_eq!(
        err.errors[0].to_string(),
        format!(
            "{shown_name} line 2: is not valid UTF-8 (byte 0xE9 at character 50 of the line); save the file as UTF-8"
        )
    );
}

#[test]
fn bom_crlf_spaces_and_trailing_blank_lines_are_accepted() {
    let mut messy = String::from("\u{feff}");
    for line in bundled("annual_arrests.csv").lines() {
        let spaced: Vec<String> = line.split(',').map(|f| format!(" {f} ")).collect();
        // Re-join with spaces around fields only where no quoting is involved.
        if line.contains('"') {
            messy.push_str(line);
        } else {
            messy.push_str(&spaced.join(","));
        }
        messy.push_str("\r\n");
    }
    messy.push_str("\r\n   \r\n\r\n");
    let dir = data_dir(&[("annual_arrests.csv", messy.as_bytes())]);
    let loaded = Dataset::from_dir(dir.path()).expect("messy but valid file loads");
    let bundled = Dataset::bundled().unwrap();
    assert_eq!(loaded.annual, bundled.annual);
}

#[test]
fn quota_checks() {
    let header = "id,date,outlet,kind,unit,low,high,offices,confidence,source_id,url,quote\n";
    let text = format!(
        "{header}\
         a,2025-01-26,Post,arrests,per_day,1500,1200,,reported,wapo-2025-01-26,,\n\
         b,2025-13-01,Post,arrests,per_week,1,2,,reported,wapo-2025-01-26,,\n\
         a,2025,Post,detentions,per_day,1,2,x,reported,wapo-2025-01-26,,\n"
    );
    let (lines, _) = errors_for("quotas.csv", &text);
    assert_eq!(
        lines,
        [
            "quotas.csv line 2, column \"high\": '1200' is below the low end '1500'; expected low <= high",
            "quotas.csv line 3, column \"date\": '2025-13-01' is not a date (expected YYYY-MM-DD, YYYY-MM or YYYY)",
            "quotas.csv line 3, column \"unit\": 'per_week' is not one of per_day, per_office_per_day, per_year",
            "quotas.csv line 4, column \"kind\": 'detentions' is not one of arrests, removals",
            "quotas.csv line 4, column \"offices\": 'x' is not a whole number",
            "quotas.csv line 4, column \"id\": 'a' appears twice (first on line 2)",
        ]
    );
}

#[test]
fn office_checks() {
    let text = "code,name\nDAL,Dallas\nDAL,Dallas again\ndal,lower\nHOU,\n";
    let (lines, _) = errors_for("field_offices.csv", text);
    assert_eq!(
        lines,
        [
            "field_offices.csv line 3, column \"code\": office code 'DAL' appears twice (first on line 2)",
            "field_offices.csv line 4, column \"code\": 'dal' is not an office code (expected 2 to 4 capital letters, like DAL)",
            "field_offices.csv line 5, column \"name\": is empty; expected a value",
        ]
    );
}

#[test]
fn weekly_and_reference_and_source_checks() {
    let weekly = "week_start,arrests,days_covered,confidence,source_id\n\
                  2025-02-30,5,7,derived,ddp-weekly-2026-02-03\n\
                  2025-03-02,5,9,derived,ddp-weekly-2026-02-03\n";
    let (lines, _) = errors_for("weekly_arrests_2025.csv", weekly);
    assert_eq!(
        lines,
        [
            "weekly_arrests_2025.csv line 2, column \"week_start\": '2025-02-30' is not a calendar date (expected YYYY-MM-DD)",
            "weekly_arrests_2025.csv line 3, column \"days_covered\": '9' is not a number of days in a week (expected 1 to 7)",
        ]
    );
    let reference =
        "id,label,value,confidence,source_id\nx,Thing,7.6 million,reported,wtimes-fy2024-docket\n";
    let (lines, _) = errors_for("reference.csv", reference);
    assert_eq!(
        lines,
        ["reference.csv line 2, column \"value\": '7.6 million' is not a whole number"]
    );
    let mut sources = bundled("sources.csv");
    sources.push_str("wapo-2025-01-26,Again,Post,2025-01-26,ftp://x,,\n");
    let n = sources.lines().count();
    let (lines, _) = errors_for("sources.csv", &sources);
    assert_eq!(
        lines,
        [
            format!(
                "sources.csv line {n}, column \"url\": 'ftp://x' is not a web address (expected http:// or https://)"
            ),
            format!(
                "sources.csv line {n}, column \"id\": 'wapo-2025-01-26' appears twice (first on line 11)"
            ),
        ]
    );
}

#[test]
fn directory_problems() {
    let missing = Dataset::from_dir(std::path::Path::new("/no/such/dir")).unwrap_err();
    assert_eq!(
        missing.to_string(),
        "the data has 1 problem:\n  /no/such/dir: is not a directory; --data-dir expects a folder holding the data files\n"
    );
    let empty = tempfile::tempdir().unwrap();
    let err = Dataset::from_dir(empty.path()).unwrap_err();
    assert!(err.errors[0].to_string().ends_with(
        ": holds none of the data files (sources.csv, annual_arrests.csv, quotas.csv, field_offices.csv, reference.csv, weekly_arrests_2025.csv, detention_stats.csv)"
    ));
}

#[test]
fn a_file_missing_from_the_directory_falls_back_to_the_bundled_copy() {
    let dir = data_dir(&[]);
    std::fs::remove_file(dir.path().join("reference.csv")).unwrap();
    let d = Dataset::from_dir(dir.path()).unwrap();
    let origin = |f: &str| d.origins.iter().find(|(n, _)| *n == f).unwrap().1.clone();
    assert_eq!(origin("reference.csv"), Origin::Bundled);
    assert_eq!(
        origin("annual_arrests.csv"),
        Origin::Path(shown(dir.path(), "annual_arrests.csv"))
    );
}

#[test]
fn a_users_own_years_replace_the_bundled_ones() {
    let text = annual("2030,500000,derived,ice-fy2024-annual-report,my estimate\n");
    let dir = data_dir(&[("annual_arrests.csv", text.as_bytes())]);
    let d = Dataset::from_dir(dir.path()).unwrap();
    assert_eq!(d.annual.len(), 1);
    assert_eq!(d.annual[0].fiscal_year, 2030);
    assert_eq!(d.annual[0].note, "my estimate");
}

#[test]
fn a_quota_beyond_the_models_bounds_is_a_check_error_with_line_and_column() {
    let header = "id,date,outlet,kind,unit,low,high,offices,confidence,source_id,url,quote\n";
    let text = format!(
        "{header}\
         huge,2025-01-26,Post,arrests,per_office_per_day,18446744073709551,18446744073709551,,reported,wapo-2025-01-26,,\n\
         big,2025-01-26,Post,arrests,per_office_per_day,1000000000001,1000000000001,,reported,wapo-2025-01-26,,\n\
         national,2025-01-26,Post,arrests,per_day,1,25000000000001,,reported,wapo-2025-01-26,,\n\
         tiny,2025-01-26,Post,arrests,per_year,0,4,,reported,wapo-2025-01-26,,\n\
         many,2025-01-26,Post,arrests,per_day,5,5,4294967296,reported,wapo-2025-01-26,,\n\
         none,2025-01-26,Post,arrests,per_day,5,5,0,reported,wapo-2025-01-26,,\n\
         removals,2025-01-26,Post,removals,per_year,1,18446744073709551615,,reported,wapo-2025-01-26,,\n\
         wrap,2025-01-26,Post,arrests,per_office_per_day,1,18446744073709552,,reported,wapo-2025-01-26,,\n"
    );
    let (lines, _) = errors_for("quotas.csv", &text);
    assert_eq!(
        lines,
        [
            "quotas.csv line 2, column \"low\": '18446744073709551' is 18,446,744,073,709,551 a day per office, above the largest per-office target the model accepts (1,000,000,000,000 a day)",
            "quotas.csv line 2, column \"high\": '18446744073709551' is 18,446,744,073,709,551 a day per office, above the largest per-office target the model accepts (1,000,000,000,000 a day)",
            "quotas.csv line 3, column \"low\": '1000000000001' is 1,000,000,000,001 a day per office, above the largest per-office target the model accepts (1,000,000,000,000 a day)",
            "quotas.csv line 3, column \"high\": '1000000000001' is 1,000,000,000,001 a day per office, above the largest per-office target the model accepts (1,000,000,000,000 a day)",
            "quotas.csv line 4, column \"high\": '25000000000001' is 1,000,000,000,000.04 a day per office over 25 offices, above the largest per-office target the model accepts (1,000,000,000,000 a day)",
            "quotas.csv line 5, column \"low\": '0' is zero; an arrest target is at least 1",
            "quotas.csv line 5, column \"high\": '4' is under 0.0005 a day per office over 25 offices and 365 days, which rounds to 0; the model holds targets to 0.001",
            "quotas.csv line 6, column \"offices\": '4294967296' is not an office count the model holds (expected 1 to 4,294,967,295)",
            "quotas.csv line 7, column \"offices\": '0' is not an office count the model holds (expected 1 to 4,294,967,295)",
            "quotas.csv line 9, column \"high\": '18446744073709552' is above the largest per-office target the model accepts (1,000,000,000,000 a day)",
        ]
    );
}

#[test]
fn weekly_counts_whose_total_overflows_are_refused() {
    let weekly = "week_start,arrests,days_covered,confidence,source_id\n\
                  2025-03-02,18446744073709551615,7,derived,ddp-weekly-2026-02-03\n\
                  2025-03-09,1,7,derived,ddp-weekly-2026-02-03\n";
    let (lines, _) = errors_for("weekly_arrests_2025.csv", weekly);
    assert_eq!(
        lines,
        [
            "weekly_arrests_2025.csv line 3, column \"arrests\": '1' takes the series' total above 18,446,744,073,709,551,615, the largest count the model adds up"
        ]
    );
}
