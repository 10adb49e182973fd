//! SMS502 copylog-removed-site: Copylog.tcf lines of sites that do not use the logon point.

use crate::diagnostic::Severity;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    code: "SMS502",
    name: "copylog-removed-site",
    severity: Severity::Error,
    summary: "A Copylog.tcf line names a removed site, or one that does not use the logon point",
    what: "In `Config\\Copylog.tcf` of each `[[logon_point]]`'s SMSLOGON copy, reports every \
           `[FILE SOURCE]` line other than `X86.BIN\\CLICORE.EXE` (SMS501) whose value, or whose \
           `SITES\\<code>\\…` key, names a site code that is not a `[[site]]` listing this \
           logon point (codes compared case-insensitively).",
    why: "When a site is removed, its `SITES\\<old>\\…=<old>` lines and its attributions of \
          shared files (smsboot1, SMSMAN) stay in Copylog.tcf, and clients look to the removed \
          site to install and upgrade (Q313209).",
    example: "[FILE SOURCE]\nX86.bin\\smsboot1.exe=REM\nX86.bin\\CLICORE.EXE=AAA\n\
              SITES\\AAA\\caplist.ini=AAA\nSITES\\REM\\caplist.ini=REM\n",
    fix: "[FILE SOURCE]\nX86.bin\\smsboot1.exe=AAA\nX86.bin\\CLICORE.EXE=AAA\n\
          SITES\\AAA\\caplist.ini=AAA\n",
    sources: &["Q313209 (Copylog.tcf contains invalid sites after site removal)"],
    check: None,
    opt_in: None,
};
