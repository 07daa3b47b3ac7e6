//! Write a DDP-shaped CSV for benchmarks: `cargo run --release --example gen_ddp -- ROWS FILE [SEED]`.

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(rows), Some(path)) = (args.get(1).and_then(|r| r.parse().ok()), args.get(2)) else {
        eprintln!("usage: gen_ddp ROWS FILE [SEED]");
        std::process::exit(2);
    };
    let seed = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(2025);
    arrest_scenarios::synth::write_csv(std::fs::File::create(path)?, rows, seed)
}
