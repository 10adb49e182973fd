//! SMS503 copylog-incomplete: Copylog.tcf lacks its [FILE SOURCE] section or bootstrap lines.

use crate::diagnostic::Severity;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    code: "SMS503",
    name: "copylog-incomplete",
    severity: Severity::Error,
    summary: "Copylog.tcf is absent, has no [FILE SOURCE] section, unparseable lines, or lacks a bootstrap entry",
    what: "For each `[[logon_point]]`'s SMSLOGON copy, reports a missing \
           `Config\\Copylog.tcf` (on the logon point's `smslogon` in smslint.toml), a file \
           without a `[FILE SOURCE]` section, lines of that section that are not `file=site`, \
           and a section lacking any of `x86.bin\\smsboot1.exe`, `x86.bin\\boot32wn.exe`, \
           `X86.BIN\\CLICORE.EXE`, `x86.bin\\Slwnt32.exe` (and, once any 16-bit client file is \
           listed, `x86.bin\\boot16wn.exe` and `x86.bin\\CLICOR16.EXE`). Names compare \
           case-insensitively; a BOM, CR LF, blank lines and `;` comments are accepted.",
    why: "Boot32wn looks its files up in `[FILE SOURCE]`. With the section corrupt (only \
          SITES\\ lines left) it logs \"Couldn't find line in the FILE SOURCE section\" and \
          retries every 10 minutes, 7 times: the client is sluggish for 70 minutes at every \
          logon and the client is not installed (Q264976).",
    example: "[FILE SOURCE]\nSITES\\ZZZ\\cli_inst.cfg=ZZZ\nSITES\\ZZZ\\NETCONF.NCF=ZZZ\n\
              SITES\\ZZZ\\caplist.ini=ZZZ\n",
    fix: "[FILE SOURCE]\nx86.bin\\smsboot1.exe=ZZZ\nx86.bin\\boot32wn.exe=ZZZ\n\
          X86.BIN\\CLICORE.EXE=ZZZ\nx86.bin\\Slwnt32.exe=ZZZ\nSITES\\ZZZ\\cli_inst.cfg=ZZZ\n\
          SITES\\ZZZ\\NETCONF.NCF=ZZZ\nSITES\\ZZZ\\caplist.ini=ZZZ\n",
    sources: &["Q264976 (client slow after running Boot32wn: corrupt Copylog.tcf)"],
    check: None,
    opt_in: None,
};
