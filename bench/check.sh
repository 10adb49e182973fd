#!/usr/bin/env bash
# Benchmark `smslint check --format json`:
#   - 10,000 generated, realistic logon/NETLOGON scripts: files/s, MB/s, peak memory;
#   - the same 10,000 files with a baseline recording every finding (`--baseline`, written
#     first with `--update-baseline`): time against the run without one (goal: within 10 %);
#   - one 5 MB script: time and peak memory;
#   - when Blinter (`pip install blinter`) can be installed: its time on a 200-file slice of
#     the same corpus, and smslint's speed as a multiple of Blinter's.
# Goals (issue 3): 10,000 files < 1 s on 2 cores, 5 MB script < 0.5 s, peak memory < 100 MB,
# >= 1,000x Blinter.
#
# Usage: bench/check.sh [WORKDIR]   (default: a temporary directory, removed afterwards)
#        SMSLINT=/path/to/smslint bench/check.sh  measures that binary without building.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

WORK=${1:-}
if [ -z "$WORK" ]; then
    WORK=$(mktemp -d)
    trap 'rm -rf "$WORK"' EXIT
fi
mkdir -p "$WORK"

if [ -n "${SMSLINT:-}" ]; then
    BIN=$(realpath "$SMSLINT")   # another build (an older one, for before/after figures)
else
    echo "== building smslint (release)"
    cargo build --release --quiet
    BIN=$ROOT/target/release/smslint
fi

echo "== generating the corpus in $WORK"
python3 "$ROOT/bench/gen.py" "$WORK"
read -r BYTES LINES < "$WORK/stats"
MB=$(python3 -c "print(f'{$BYTES/1048576:.2f}')")
echo "corpus: 10000 files, $LINES lines, $MB MB ($(python3 -c "print(round($LINES/($BYTES/1048576)))") lines per MB)"

measure() { # label, command...: prints wall seconds and peak RSS (MB)
    local label=$1; shift
    /usr/bin/time -v "$@" > "$WORK/out.json" 2> "$WORK/time.txt" || true
    local wall rss
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$WORK/time.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt")
    SECS=$(python3 -c "
w='$wall'.split(':'); s=float(w[-1]); m=int(w[-2]) if len(w)>1 else 0; h=int(w[-3]) if len(w)>2 else 0
print(h*3600+m*60+s)")
    RSS_MB=$(python3 -c "print(f'{$rss/1024:.1f}')")
    CPU_SECS=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {print u + s}' "$WORK/time.txt")
    echo "$label: ${SECS} s wall, peak RSS ${RSS_MB} MB"
}

echo "== smslint check --format json on 10,000 files ($(nproc) cores)"
cd "$WORK"
"$BIN" check --format json corpus > /dev/null || true   # warm the page cache
best=999
best_cpu=999
for run in 1 2 3; do
    measure "run $run" "$BIN" check --format json corpus
    echo "        (CPU: $(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {print u " s user, " s " s system"}' "$WORK/time.txt"))"
    best=$(python3 -c "print(min($best, $SECS))")
    best_cpu=$(python3 -c "print(min($best_cpu, $CPU_SECS))")
done
FINDINGS=$(python3 -c "import json; print(len(json.load(open('$WORK/out.json'))))")
echo "best: ${best} s  =>  $(python3 -c "print(round(10000/$best))") files/s, $(python3 -c "print(f'{$MB/$best:.1f}')") MB/s ($FINDINGS findings)"
SMSLINT_PER_FILE=$(python3 -c "print($best/10000)")

echo "== the same 10,000 files with a baseline of all $FINDINGS findings"
"$BIN" check --format json corpus --baseline baseline.json --update-baseline > /dev/null 2> "$WORK/baseline.log" || true
echo "$(cat "$WORK/baseline.log") ($(du -h baseline.json | cut -f1))"
bbest=999
bbest_cpu=999
for run in 1 2 3; do
    measure "run $run" "$BIN" check --format json corpus --baseline baseline.json
    bbest=$(python3 -c "print(min($bbest, $SECS))")
    bbest_cpu=$(python3 -c "print(min($bbest_cpu, $CPU_SECS))")
done
[ "$(cat "$WORK/out.json")" = "[]" ] || echo "the baseline run reported findings" >&2
echo "best with the baseline: ${bbest} s wall, ${bbest_cpu} s CPU; without: ${best} s wall, ${best_cpu} s CPU" \
     "($(python3 -c "print(f'{100*($bbest/$best-1):+.1f} % wall, {100*($bbest_cpu/$best_cpu-1):+.1f} % CPU')"))"

echo "== one 5 MB script"
measure "big.bat ($(du -h big.bat | cut -f1), $(wc -l < big.bat) lines)" "$BIN" check --format json big.bat
echo "        (CPU: $(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {print u " s user, " s " s system"}' "$WORK/time.txt"); load average: $(cut -d' ' -f1-3 /proc/loadavg))"

echo "== Blinter"
VENV=$WORK/blinter-venv
if [ -z "${SKIP_BLINTER:-}" ] && python3 -m venv "$VENV" >/dev/null 2>&1 \
    && "$VENV/bin/pip" install -q blinter >/dev/null 2>&1; then
    start=$(date +%s.%N)
    "$VENV/bin/blinter" slice > "$WORK/blinter.out" 2>&1 || true
    end=$(date +%s.%N)
    BT=$(python3 -c "print($end-$start)")
    # The same slice with smslint, for a like-for-like figure.
    start=$(date +%s.%N)
    "$BIN" check --format json slice >/dev/null || true
    end=$(date +%s.%N)
    ST=$(python3 -c "print($end-$start)")
    echo "Blinter: ${BT} s on 200 files (one process, the slice directory; $(wc -l < "$WORK/blinter.out") lines of output)"
    echo "smslint: ${ST} s on the same 200 files (one process)"
    echo "ratio, per file against smslint's 10,000-file throughput: $(python3 -c "print(round(($BT/200)/$SMSLINT_PER_FILE))")x"
    echo "ratio, same 200 files: $(python3 -c "print(round($BT/$ST))")x"
else
    echo "Blinter could not be installed (pip install blinter failed); skipped"
fi
