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
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

WORK=${1:-}
if [ -z "$WORK" ]; then
    WORK=$(mktemp -d)
    trap 'rm -rf "$WORK"' EXIT
fi
mkdir -p "$WORK"

echo "== building smslint (release)"
cargo build --release --quiet
BIN=$ROOT/target/release/smslint

echo "== generating the corpus in $WORK"
python3 - "$WORK" <<'PY'
import os, random, sys
work = sys.argv[1]
rnd = random.Random(20261122)
corpus = os.path.join(work, "corpus")
os.makedirs(corpus, exist_ok=True)

SERVERS = ["SMS01", "SMS02", "DC01", "DC02", "FILES", "PRINT1"]
SHARES = ["users", "apps", "public", "netlogon", "depts", "scans"]
PROGRAMS = ["smsls", "checkras", "setacl", "kix32", "ifmember", "inventory"]

def block(i):
    s = rnd.choice(SERVERS); sh = rnd.choice(SHARES); d = chr(ord("G") + i % 12)
    kind = rnd.randrange(10)
    if kind == 0:
        return [f'if exist {d}:\\nul net use {d}: /delete /y >nul',
                f'net use {d}: \\\\{s}\\{sh} /persistent:no']
    if kind == 1:
        return [f'if "%OS%"=="Windows_NT" goto nt_{i}',
                f'echo Windows 9x client: skipping step {i}',
                f'goto done_{i}', f':nt_{i}',
                f'if not exist "%USERPROFILE%\\{sh}" mkdir "%USERPROFILE%\\{sh}"',
                f':done_{i}']
    if kind == 2:
        return [f'rem --- step {i}: map the {sh} share for the department ---',
                f':: maintained by the helpdesk, see ticket {rnd.randrange(10000, 99999)}']
    if kind == 3:
        return [f'set SHARE{i}=\\\\{s}\\{sh}', f'if errorlevel 1 goto err_{i}',
                f'echo %SHARE{i}% mapped', f'goto ok_{i}', f':err_{i}',
                f'echo could not map %SHARE{i}% >> %TEMP%\\logon.log', f':ok_{i}']
    if kind == 4:
        p = rnd.choice(PROGRAMS)
        return [f'call %0\\..\\{p}.bat', f'if errorlevel 1 echo {p} failed with %errorlevel%']
    if kind == 5:
        return [f'for %%f in (%LOGONSERVER%\\netlogon\\{sh}\\*.reg) do regedit /s "%%f"']
    if kind == 6:
        return [f'if /i "%USERNAME%"=="admin{i}" (', f'  echo administrator logon',
                f'  net use {d}: \\\\{s}\\admin$', f') else (', f'  echo user logon', ')']
    if kind == 7:
        return [f'%0\\..\\checkras.exe', f'if errorlevel 1 goto skip_{i}',
                f'%0\\..\\smsls.bat', f':skip_{i}']
    if kind == 8:
        return [f'copy /y \\\\{s}\\{sh}\\template.ini "%WINDIR%\\{sh}.ini" >nul 2>&1']
    return [f'echo Logon step {i} for %USERDOMAIN%\\%USERNAME% on %COMPUTERNAME%']

def script(target_lines):
    lines = ["@echo off", "rem NETLOGON script generated for the smslint benchmark", "setlocal"]
    i = 0
    while len(lines) < target_lines:
        lines += block(i); i += 1
    lines += [":end", "endlocal"]
    return "\r\n".join(lines) + "\r\n"

total_bytes = total_lines = 0
for n in range(10000):
    sub = os.path.join(corpus, f"site{n % 50:02d}")
    os.makedirs(sub, exist_ok=True)
    name = "SMSLS.BAT" if n % 97 == 0 else f"logon{n:05d}.{'cmd' if n % 7 == 0 else 'bat'}"
    text = script(rnd.choice([15, 30, 40, 60, 80, 120, 200, 400]))
    data = text.encode("ascii")
    with open(os.path.join(sub, name), "wb") as f:
        f.write(data)
    total_bytes += len(data); total_lines += text.count("\n")

# One 5 MB script: the same generator, so labels stay unique (no repeated copies).
lines = ["@echo off", "rem one very long logon script", "setlocal"]
i = size = 0
while size < 5 * 1024 * 1024:
    b = block(i); i += 1
    lines += b; size += sum(len(l) + 2 for l in b)
lines += [":end", "endlocal"]
with open(os.path.join(work, "big.bat"), "wb") as f:
    f.write(("\r\n".join(lines) + "\r\n").encode("ascii"))

# The 200-file slice for Blinter (first 200 paths in sorted order).
paths = sorted(os.path.join(dp, f) for dp, _, fs in os.walk(corpus) for f in fs)[:200]
slice_dir = os.path.join(work, "slice")
os.makedirs(slice_dir, exist_ok=True)
for p in paths:
    with open(p, "rb") as src, open(os.path.join(slice_dir, os.path.relpath(p, corpus).replace(os.sep, "_")), "wb") as dst:
        dst.write(src.read())

with open(os.path.join(work, "stats"), "w") as f:
    f.write(f"{total_bytes} {total_lines}\n")
PY
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
