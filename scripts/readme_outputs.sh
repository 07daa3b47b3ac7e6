#!/usr/bin/env bash
# Print the real outputs quoted in README.md, for checking it by eye after a change:
#   cargo build --release && scripts/readme_outputs.sh
set -euo pipefail
B=${B:-target/release/arrest-scenarios}
tmp=$(mktemp -d)
printf 'name = "Jan 2025"\noffices = 25\nper_office = "75"\n' > "$tmp/jan.toml"
printf 'name = "Axios at 60%%"\noffices = 25\nper_office = "120"\nattainment = "60"\n' > "$tmp/axios60.toml"
run() { echo "\$ arrest-scenarios $*"; "$B" "$@" 2>&1 || true; echo; }
run summary --preset wapo-national-low --attainment 60
run goal --daily 1500
run goal --match-fy 2024 --offices 20
run grid
run compare "$tmp/jan.toml" "$tmp/axios60.toml"
run presets
run check
rm -rf "$tmp"
