#!/usr/bin/env bash
# smslint on real scripts, side by side with reading the same bytes (issue 13):
#   - the whole real corpus (../shared/corpus, built by its build.sh into /tmp/corpus/real):
#     `smslint check --format json` against `cat` of the same files, both with a warm page
#     cache, run by turns nine times each, best wall times; goal: <= 3x cat;
#   - 150 real files picked evenly from the corpus's sorted file list: Blinter 1.1.49 (one
#     process over their directory) against smslint on the same directory; goal: >= 1,000x.
#
# Usage: bench/corpus.sh [CORPUS_DIR]   (default /tmp/corpus/real)
#        SMSLINT=/path/to/smslint bench/corpus.sh   measures that binary without building;
#        SKIP_BLINTER=1 skips Blinter (it takes about 10 s and needs `pip install blinter`).
set -euo pipefail
CORPUS="${1:-/tmp/corpus/real}"
[ -d "$CORPUS" ] || { echo "no corpus at $CORPUS: build it with ../shared/corpus/build.sh" >&2; exit 2; }
source "$(dirname "$0")/common.sh"

find "$CORPUS" -type f \( -iname '*.bat' -o -iname '*.cmd' \) -print0 | sort -z > "$WORK/files"
NFILES=$(tr -cd '\0' < "$WORK/files" | wc -c)
BYTES=$(xargs -0 cat < "$WORK/files" | wc -c)

# best wall SECONDS of 5 runs of a command, output to /dev/null (timed in Python: no shell
# or `date` start-up inside the measurement).
best() {
    python3 - "$@" <<'PY'
import subprocess, sys, time
best = 1e9
for _ in range(5):
    t = time.perf_counter()
    subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    best = min(best, time.perf_counter() - t)
print(best)
PY
}
# `cat` and smslint run by turns, nine times each, so both are timed in the same minutes (on a
# shared VM the speed of both drifts by a third from one minute to the next): prints the best
# wall SECONDS of each and the median of the nine pairs' ratios.
pairs() {
    python3 - "$WORK/files" "$BIN" "$CORPUS" <<'PY'
import statistics, subprocess, sys, time
files, binary, corpus = sys.argv[1:]
cat = ["xargs", "-0", "-a", files, "cat"]
sms = [binary, "check", "--format", "json", "--exit-zero", corpus]
def wall(cmd):
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t
runs = [(wall(cat), wall(sms)) for _ in range(9)]
print(min(c for c, _ in runs), min(s for _, s in runs), statistics.median(s / c for c, s in runs))
PY
}
xargs -0 cat < "$WORK/files" > /dev/null   # warm the page cache
"$BIN" check --format json --exit-zero "$CORPUS" > /dev/null 2>&1 || true
read -r CAT SMS MEDIAN < <(pairs)
/usr/bin/time -f "%U %S" -o "$WORK/cpu" "$BIN" check --format json --exit-zero "$CORPUS" > /dev/null 2>&1 || true
CPU=$(awk '{print $1 + $2}' "$WORK/cpu")
echo "corpus: $NFILES files, $(python3 -c "print(f'{$BYTES/1048576:.1f}')") MB, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
echo "cat:     $(python3 -c "print(f'{$CAT:.3f}')") s"
echo "smslint: $(python3 -c "print(f'{$SMS:.3f}')") s wall, $CPU s CPU  =>  $(python3 -c "print(f'{$SMS/$CAT:.1f}')")x cat (best of 9 each, run by turns; median of the pairs $(python3 -c "print(f'{$MEDIAN:.1f}')")x), $(python3 -c "print(f'{$BYTES/1048576/$SMS:.0f}')") MB/s"

if [ -n "${SKIP_BLINTER:-}" ]; then exit 0; fi
VENV="${BLINTER_VENV:-$WORK/blinter-venv}"
if [ ! -x "$VENV/bin/blinter" ]; then
    python3 -m venv "$VENV" >/dev/null 2>&1 && "$VENV/bin/pip" install -q blinter==1.1.49 >/dev/null 2>&1 \
        || { echo "Blinter could not be installed; skipped"; exit 0; }
fi
mkdir "$WORK/b150"
python3 - "$WORK/files" "$WORK/b150" <<'PY'
import os, shutil, sys
files = [f for f in open(sys.argv[1], 'rb').read().decode('utf-8', 'surrogateescape').split('\0') if f]
step = len(files) / 150
for i in range(150):
    p = files[int(i * step)]
    shutil.copyfile(p, os.path.join(sys.argv[2], f'{i:03d}_{os.path.basename(p)}'))
PY
B150=$(du -sb "$WORK/b150" | cut -f1)
t0=$(date +%s.%N); "$VENV/bin/blinter" "$WORK/b150" > /dev/null 2>&1 || true; t1=$(date +%s.%N)
BL=$(python3 -c "print($t1 - $t0)")
S150=$(best "$BIN" check --format json --exit-zero "$WORK/b150")
echo "150 real files ($(python3 -c "print(f'{$B150/1024:.0f}')") KB): Blinter $("$VENV/bin/pip" show blinter 2>/dev/null | awk '/^Version/ {print $2}') $(python3 -c "print(f'{$BL:.2f}')") s, smslint $(python3 -c "print(f'{$S150*1000:.1f}')") ms  =>  $(python3 -c "print(round($BL/$S150))")x"
