#!/usr/bin/env bash
# Linear cost (issue 13): `smslint check --format json` on generated corpora of 5,000, 10,000 and
# 20,000 scripts and on one script of 2.5, 5 and 10 MB (bench/gen.py). Double the files or the
# bytes, double the time: prints best-of-3 wall and CPU seconds, peak RSS, and each ratio to the
# size before it.
#
# Usage: bench/scale.sh   (SMSLINT=/path/to/smslint measures that binary without building)
set -euo pipefail
source "$(dirname "$0")/common.sh"

# best-of-3 "wall cpu rss_mb" of one check
run() {
    python3 - "$BIN" "$1" <<'PY'
import resource, subprocess, sys, time
best = None
for _ in range(3):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "%M", sys.argv[1], "check", "--format", "json",
                        "--exit-zero", sys.argv[2]], stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    rss = int(p.stderr.decode().strip().splitlines()[-1]) / 1024
    if best is None or wall < best[0]:
        best = (wall, cpu, rss)
print(f"{best[0]:.3f} {best[1]:.3f} {best[2]:.1f}")
PY
}

row() { # label size prev_wall prev_cpu -> prints a row, sets WALL CPU
    read -r WALL CPU RSS < <(run "$2")
    local ratio="" 
    if [ -n "$3" ]; then
        ratio=$(python3 -c "print(f'{$WALL/$3:.2f} wall, {$CPU/$4:.2f} CPU')")
    fi
    printf '%-22s %7.3f s wall %7.3f s CPU %7.1f MB   %s\n' "$1" "$WALL" "$CPU" "$RSS" "$ratio"
}

echo "== $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
pw=""; pc=""
for n in 5000 10000 20000; do
    python3 "$ROOT/bench/gen.py" "$WORK/f$n" "$n" 0.001 > /dev/null
    "$BIN" check --format json --exit-zero "$WORK/f$n/corpus" > /dev/null 2>&1 || true  # warm
    row "$n files ($(du -sb --apparent-size "$WORK/f$n/corpus" | awk '{printf "%.0f", $1/1048576}') MB)" "$WORK/f$n/corpus" "$pw" "$pc"
    pw=$WALL; pc=$CPU
    rm -rf "$WORK/f$n"
done
pw=""; pc=""
for mb in 2.5 5 10; do
    python3 "$ROOT/bench/gen.py" "$WORK/b$mb" 0 "$mb" > /dev/null
    row "one $mb MB script" "$WORK/b$mb/big.bat" "$pw" "$pc"
    pw=$WALL; pc=$CPU
    rm -rf "$WORK/b$mb"
done
