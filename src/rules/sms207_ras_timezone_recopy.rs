//! SMS207 ras-timezone-recopy: a Windows 9x dial-up client at a pre-SP2 site.

use crate::diagnostic::Severity;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    code: "SMS207",
    name: "ras-timezone-recopy",
    severity: Severity::Info,
    summary: "A Windows 9x dial-up client at an RTM/SP1 site copies the core files again after a time-zone change",
    what: "In an inventory, reports a row with `link` = `ras`, an `os` starting with Windows 95 \
           or Windows 98, at a manifest site whose clicore is RTM or SP1 (the Q240921 \
           anomaly counts as SP1).",
    why: "On Windows 9x clients of RTM and SP1 sites a change of time zone makes the client \
          copy Clicore.exe (about 3 MB), Slwnt32 and Smsboot1 again: minutes of download over a \
          dial-up link (Q251164; fixed in SP2).",
    example: "client,site,clicore,os,link\nLAP01,A01,2.00.1380.1000,Windows 98,ras\n",
    fix: "# upgrade site A01 to SP2 or later\n",
    sources: &["Q251164 (changing the time zone recopies three core SMS client files)"],
    check: None,
    opt_in: None,
};
