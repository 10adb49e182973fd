#!/usr/bin/env python3
"""Generate the benchmark scripts of bench/check.sh and bench/scale.sh.

Usage: bench/gen.py WORK [FILES] [BIG_MB]   (defaults: 10000 files, a 5 MB script)

Writes WORK/corpus/siteNN/*.bat|*.cmd (FILES realistic logon/NETLOGON scripts in 50 site
directories), WORK/big.bat (one script of BIG_MB MB), WORK/slice (the first 200 files, flat, for
Blinter) and WORK/stats ("<bytes> <lines>" of the corpus). Deterministic: the same arguments
give the same bytes.
"""
import os, random, sys

work = sys.argv[1]
FILES = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
BIG_MB = float(sys.argv[3]) if len(sys.argv) > 3 else 5
rnd = random.Random(20261122)
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
for n in range(FILES):
    sub = os.path.join(corpus, f"site{n % 50:02d}")
    os.makedirs(sub, exist_ok=True)
    name = "SMSLS.BAT" if n % 97 == 0 else f"logon{n:05d}.{'cmd' if n % 7 == 0 else 'bat'}"
    text = script(rnd.choice([15, 30, 40, 60, 80, 120, 200, 400]))
    data = text.encode("ascii")
    with open(os.path.join(sub, name), "wb") as f:
        f.write(data)
    total_bytes += len(data); total_lines += text.count("\n")

# One BIG_MB MB script: the same generator, so labels stay unique (no repeated copies).
lines = ["@echo off", "rem one very long logon script", "setlocal"]
i = size = 0
while size < BIG_MB * 1024 * 1024:
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
