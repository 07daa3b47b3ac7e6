//! Reading a DDP-shaped CSV, and the same rows as Parquet (zstd, one row group, as DDP
//! writes it), and counting per (fiscal year, office) and per day: this crate against
//! polars (lazy `scan_csv` / `scan_parquet`) and `DuckDB`, timed side by side in one run.
//!
//! `cargo bench --bench records` (sizes: `RECORDS_BENCH_ROWS=1000000,5000000`; formats:
//! `RECORDS_BENCH_FORMATS=csv,parquet`). Files are generated once (seed 2025) under
//! `target/bench-data/`. polars and `DuckDB` run when `python3 -c "import polars,
//! duckdb"` works; otherwise only this crate is timed. Each tool runs `RUNS` times,
//! alternating, and the median is reported; peak memory is the process's maximum
//! resident set. Every tool is timed as a whole process (start-up, and for polars and
//! `DuckDB` the interpreter and the import, included).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const RUNS: usize = 3;

const PYTHON: &str = r#"
import sys, time, resource
tool, path = sys.argv[1], sys.argv[2]
parquet = path.endswith(".parquet")
if tool == "polars":
    import polars as pl
else:
    import duckdb
t = time.perf_counter()
if tool == "polars" and parquet:
    lf = pl.scan_parquet(path).select(
        pl.col("apprehension_date").dt.date().alias("d"),
        pl.col("apprehension_aor").alias("aor"))
    lf = lf.with_columns((pl.col("d").dt.year() + (pl.col("d").dt.month() >= 10).cast(pl.Int32)).alias("fy"))
    lf = lf.cache()
    a, b = pl.collect_all([lf.group_by("fy", "aor").len(), lf.group_by("d").len()])
    n = a["len"].sum()
elif tool == "polars":
    lf = pl.scan_csv(path, infer_schema=False).select(
        pl.col("apprehension_date").str.slice(0, 10).str.to_date("%Y-%m-%d").alias("d"),
        pl.col("apprehension_aor").alias("aor"))
    lf = lf.with_columns((pl.col("d").dt.year() + (pl.col("d").dt.month() >= 10).cast(pl.Int32)).alias("fy"))
    lf = lf.cache()
    a, b = pl.collect_all([lf.group_by("fy", "aor").len(), lf.group_by("d").len()])
    n = a["len"].sum()
else:
    con = duckdb.connect()
    if parquet:
        con.execute(f"create temp view r as select cast(apprehension_date at time zone 'UTC' as date) d, apprehension_aor aor from read_parquet('{path}')")
    else:
        con.execute(f"create temp view r as select cast(substr(apprehension_date, 1, 10) as date) d, apprehension_aor aor from read_csv('{path}', all_varchar=true)")
    a = con.execute("select year(d) + (month(d) >= 10)::int fy, aor, count(*) from r group by all").fetchall()
    b = con.execute("select d, count(*) from r group by d").fetchall()
    n = sum(x[2] for x in a)
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, n)
"#;

fn data_file(rows: u64, format: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    std::fs::create_dir_all(&dir).expect("bench data folder");
    let path = dir.join(format!("ddp-{rows}.{format}"));
    if !path.exists() {
        eprintln!("generating {} ...", path.display());
        let tmp = path.with_extension("tmp");
        if format == "parquet" {
            // One row group, as DDP's files have.
            arrest_scenarios::synth::write_parquet(&tmp, rows, 2025, rows).expect("generate");
        } else {
            arrest_scenarios::synth::write_csv(
                std::fs::File::create(&tmp).expect("create"),
                rows,
                2025,
            )
            .expect("generate");
        }
        std::fs::rename(&tmp, &path).expect("rename");
    }
    path
}

/// (seconds, peak KB, rows counted) of this crate's binary on the file.
fn ours(path: &Path) -> (f64, u64, u64) {
    let start = Instant::now();
    let out = Command::new("/usr/bin/time")
        .args(["-f", "%M"])
        .arg(env!("CARGO_BIN_EXE_arrest-scenarios"))
        .args(["records", "--by", "fy", "--office", "--format", "json"])
        .arg(path)
        .output()
        .expect("run arrest-scenarios under /usr/bin/time");
    let secs = start.elapsed().as_secs_f64();
    let kb = String::from_utf8_lossy(&out.stderr)
        .lines()
        .last()
        .and_then(|l| l.trim().parse().ok())
        .unwrap_or(0);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    (
        secs,
        kb,
        json["stats"]["rows_counted"].as_u64().unwrap_or(0),
    )
}

/// (seconds, peak KB, rows counted) of a Python tool, timed as a whole process (the
/// interpreter's start and the import included), as this crate is.
fn python(tool: &str, path: &Path) -> Option<(f64, u64, u64)> {
    let start = Instant::now();
    let out = Command::new("/usr/bin/time")
        .args(["-f", "%M", "python3", "-c", PYTHON, tool])
        .arg(path)
        .output()
        .ok()?;
    let secs = start.elapsed().as_secs_f64();
    let kb = String::from_utf8_lossy(&out.stderr)
        .lines()
        .last()
        .and_then(|l| l.trim().parse().ok())?;
    let text = String::from_utf8_lossy(&out.stdout);
    let n = text.split_whitespace().nth(2)?.parse().ok()?;
    Some((secs, kb, n))
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let sizes: Vec<u64> = std::env::var("RECORDS_BENCH_ROWS")
        .unwrap_or_else(|_| "1000000,5000000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let formats: Vec<String> = std::env::var("RECORDS_BENCH_FORMATS")
        .unwrap_or_else(|_| "csv,parquet".into())
        .split(',')
        .map(|s| s.trim().to_string())
        .collect();
    let others = Command::new("python3")
        .args(["-c", "import polars, duckdb"])
        .status()
        .is_ok_and(|s| s.success());
    println!("| rows | format | tool | median seconds | peak memory | rows counted |");
    println!("| --: | --- | --- | --: | --: | --: |");
    for (rows, format) in sizes
        .iter()
        .flat_map(|r| formats.iter().map(move |f| (*r, f.as_str())))
    {
        let path = data_file(rows, format);
        let mut times: Vec<(&str, Vec<f64>, u64, u64)> = vec![("arrest-scenarios", vec![], 0, 0)];
        if others {
            times.push((
                if format == "parquet" {
                    "polars (lazy scan_parquet)"
                } else {
                    "polars (lazy scan_csv)"
                },
                vec![],
                0,
                0,
            ));
            times.push(("DuckDB", vec![], 0, 0));
        }
        for _ in 0..RUNS {
            for entry in &mut times {
                let r = match entry.0 {
                    "arrest-scenarios" => Some(ours(&path)),
                    "DuckDB" => python("duckdb", &path),
                    _ => python("polars", &path),
                };
                if let Some((secs, kb, n)) = r {
                    entry.1.push(secs);
                    entry.2 = entry.2.max(kb);
                    entry.3 = n;
                }
            }
        }
        for (tool, secs, kb, n) in times {
            if secs.is_empty() {
                continue;
            }
            println!(
                "| {rows} | {format} | {tool} | {:.2} | {} MB | {n} |",
                median(secs),
                kb.div_ceil(1024)
            );
        }
    }
}
