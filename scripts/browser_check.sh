#!/usr/bin/env bash
# The real-browser check (CI runs it after `cargo test`):
#   1. `summary --format html` printed to PDF by headless Chromium must have 1-3 pages and
#      carry 684,375, 1,875, 113,431 and every cited source's publisher and title;
#   2. every SVG the tool writes (each chart kind at three sizes, the page's inline chart,
#      `--out`) must parse as XML, and docs/years.svg must be what the tool writes now.
# A check that cannot run FAILS: a missing browser or tool is an error, never a skip.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "browser check FAILED: $*" >&2; exit 1; }

chrome=""
for c in chromium-headless-shell chromium chromium-browser google-chrome; do
    if command -v "$c" >/dev/null 2>&1; then chrome=$(command -v "$c"); break; fi
done
[ -n "$chrome" ] || fail "no headless Chromium (install chromium-headless-shell; .ci/run does)"
for tool in pdfinfo pdftotext python3; do
    command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing (poppler-utils, python3)"
done

bin=${ARREST_SCENARIOS_BIN:-target/debug/arrest-scenarios}
cargo build --locked --quiet
[ -x "$bin" ] || fail "$bin was not built"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 1. The handout, printed.
"$bin" summary --format html > "$work/handout.html"
"$bin" summary --format json > "$work/summary.json"
timeout 180 "$chrome" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$(mktemp -d -p "$work")" \
    --no-pdf-header-footer --print-to-pdf="$work/handout.pdf" "file://$work/handout.html" \
    > "$work/chrome.log" 2>&1 || { cat "$work/chrome.log" >&2; fail "Chromium could not print the page"; }
[ -s "$work/handout.pdf" ] || { cat "$work/chrome.log" >&2; fail "Chromium wrote no PDF"; }
pages=$(pdfinfo "$work/handout.pdf" | awk '/^Pages:/ {print $2}')
[ -n "$pages" ] && [ "$pages" -ge 1 ] && [ "$pages" -le 3 ] \
    || fail "the printed handout has ${pages:-no} pages; expected 1 to 3"
pdftotext "$work/handout.pdf" "$work/handout.txt"
python3 - "$work/handout.txt" "$work/summary.json" <<'PY'
import json, re, sys
text = re.sub(r"\s+", " ", open(sys.argv[1], encoding="utf-8").read())
summary = json.load(open(sys.argv[2], encoding="utf-8"))
missing = [n for n in ("684,375", "1,875", "113,431") if n not in text]
for s in summary["sources"]:
    for field in ("publisher", "title"):
        if re.sub(r"\s+", " ", s[field]) not in text:
            missing.append(f"{s['id']} {field}: {s[field]!r}")
if missing:
    sys.exit("not on the printed page: " + "; ".join(missing))
print(f"printed page ok: {len(summary['sources'])} sources, the totals and FY2024's 113,431 on it")
PY
# The chart is printed whole: its title and its source line fall on the same page.
chart_page=""
for ((p = 1; p <= pages; p++)); do
    page_text=$(pdftotext -f "$p" -l "$p" "$work/handout.pdf" - | tr -s ' \n' '  ')
    if [[ $page_text == *"Arrests a year: every fiscal year against the scenario"* ]]; then
        chart_page=$p
        [[ $page_text == *"Scenario: arithmetic on the inputs"* ]] \
            || fail "the chart is split across pages (its source line is not on page $p)"
    fi
done
[ -n "$chart_page" ] || fail "the chart's title is not on the printed page"
echo "printed handout: $pages pages, the chart whole on page $chart_page"

# 2. Every SVG the tool writes parses as XML.
svgs=()
for kind in years pace ramp capacity; do
    for size in "1280 720" "320 320" "1920 1080"; do
        set -- $size
        out="$work/$kind-$1x$2.svg"
        "$bin" chart --format svg --kind "$kind" --width "$1" --height "$2" > "$out"
        svgs+=("$out")
    done
done
"$bin" chart --kind pace --preset axios-3000 --attainment 60 --out "$work/out.svg"
svgs+=("$work/out.svg")
python3 - "$work/handout.html" "$work/inline.svg" <<'PY'
import sys
html = open(sys.argv[1], encoding="utf-8").read()
start, end = html.index("<svg "), html.index("</svg>") + len("</svg>")
open(sys.argv[2], "w", encoding="utf-8").write(html[start:end])
PY
svgs+=("$work/inline.svg" docs/years.svg)
python3 - "${svgs[@]}" <<'PY'
import sys, xml.dom.minidom
for path in sys.argv[1:]:
    doc = xml.dom.minidom.parse(path)
    root = doc.documentElement
    assert root.tagName == "svg", f"{path}: root is {root.tagName}"
    assert root.getAttribute("xmlns") == "http://www.w3.org/2000/svg", f"{path}: no SVG namespace"
print(f"{len(sys.argv) - 1} SVG files parse as XML")
PY
"$bin" chart --kind years > "$work/years-now.svg"
cmp -s "$work/years-now.svg" docs/years.svg \
    || fail "docs/years.svg is not what the tool writes now; regenerate it with: cargo run -- chart --kind years --out docs/years.svg"
echo "browser check ok"
