#!/usr/bin/env bash
# Benchmark `smslint audit`: generate a 1,000,000-row inventory and report rows/s and peak
# memory (/usr/bin/time -v) for a realistic fleet (about 9% of rows give a finding) and a
# worst case where every row gives one. concise, csv, github, json and sarif are streamed;
# full and --statistics collect the findings.
#
# Usage: bench/audit.sh [ROWS]   (default 1000000; builds the release binary first, unless
#        SMSLINT=/path/to/smslint names the binary to measure, e.g. an older build)
set -euo pipefail

ROWS="${1:-1000000}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

if [ -n "${SMSLINT:-}" ]; then
  BIN="$(realpath "$SMSLINT")"
else
  cargo build --release --quiet --manifest-path "$ROOT/Cargo.toml"
  BIN="$ROOT/target/release/smslint"
fi

cat > "$WORK/smslint.toml" <<'TOML'
[[site]]
code = "A01"
clicore = "2.00.1380.1000"
logon_points = ["DC01"]

[[site]]
code = "B01"
clicore = "2.00.1493.2009"
logon_points = ["DC02"]

[[site]]
code = "C01"
clicore = "2.00.1493.4009"
logon_points = ["DC03"]
TOML

# A realistic fleet: mostly on release (hotfix differences included), some behind, a few
# ahead, unknown sites, bad versions and unsupported OSes; extra columns like a real export.
awk -v rows="$ROWS" 'BEGIN {
  srand(42);
  print "client,site,clicore,os,link,owner,last_seen";
  split("A01 B01 C01", site, " ");
  split("2.00.1380.1000 2.00.1493.2009 2.00.1493.4009", ver, " ");
  split("Windows NT 4.0|Windows 2000|Windows 98|Windows 95|Windows XP Professional", os, "|");
  for (i = 1; i <= rows; i++) {
    s = 1 + int(rand() * 3); v = ver[s]; o = os[1 + int(rand() * 4)]; l = "lan";
    r = rand();
    if (r < 0.04) { v = ver[s > 1 ? s - 1 : 1]; if (rand() < 0.3) l = "ras" }   # behind
    else if (r < 0.05) { v = ver[s < 3 ? s + 1 : 3] }                            # ahead
    else if (r < 0.06) { site[4] = "Z99"; s = 4 }                                 # unknown
    else if (r < 0.065) { v = "2.00.13B0.1000" }                                  # invalid
    else if (r < 0.09) { o = os[5] }                                              # XP
    else if (r < 0.5) { sub(/....$/, sprintf("%04d", substr(v, length(v) - 3) + int(rand() * 50)), v) }
    printf "WS%07d,%s,%s,%s,%s,\"Owner, %d\",2001-0%d-1%d\n", i, site[s], v, o, l, i % 997, 1 + i % 9, i % 10;
  }
}' > "$WORK/fleet.csv"

# The worst case: every row is behind its site (one finding per row).
awk -v rows="$ROWS" 'BEGIN {
  print "client,site,clicore";
  for (i = 1; i <= rows; i++) printf "WS%07d,B01,2.00.1380.1000\n", i;
}' > "$WORK/behind.csv"

measure() { # name csv format
  local name="$1" csv="$2" fmt="$3"
  local out="$WORK/out.$fmt" log="$WORK/time.log"
  (cd "$WORK" && /usr/bin/time -v "$BIN" audit --inventory "$csv" --format "$fmt" \
      --exit-zero -o "$out") 2> "$log"
  local secs rss findings cpu
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {
           n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$log")
  case "$fmt" in
    json) findings=$(grep -c '"code"' "$out" || true) ;;
    sarif) findings=$(grep -c '"ruleId"' "$out" || true) ;;
    *) findings=$(wc -l < "$out") ;;
  esac
  # The next run writes a new file instead of truncating this one (hundreds of MB in the
  # page cache), so each run pays for its own output only.
  rm -f "$out"
  awk -v n="$name" -v f="$fmt" -v rows="$ROWS" -v s="$secs" -v kb="$rss" -v fi="$findings" \
      -v cpu="$cpu" 'BEGIN {
    rate = (s > 0) ? rows / s : 0;
    printf "%-10s %-8s rows %9d  findings %9d  %6.2f s (cpu %5.2f s)  %10.0f rows/s  peak RSS %7.1f MB\n",
           n, f, rows, fi, s, cpu, rate, kb / 1024 }'
}

echo "smslint audit benchmark ($(nproc) cores, $(du -h "$WORK/fleet.csv" | cut -f1) fleet.csv, $(du -h "$WORK/behind.csv" | cut -f1) behind.csv)"
measure fleet    fleet.csv  concise
measure fleet    fleet.csv  json
measure fleet    fleet.csv  sarif
measure behind   behind.csv concise
measure behind   behind.csv csv
measure behind   behind.csv json
measure behind   behind.csv sarif
