//! SMS306 duplicate-site: a site code defined twice in the manifest.

use crate::diagnostic::Severity;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    code: "SMS306",
    name: "duplicate-site",
    severity: Severity::Error,
    summary: "A site code is defined twice in the site manifest",
    what: "Reports the second (and any later) `[[site]]` table of smslint.toml whose `code` \
           equals an earlier one's (case-insensitively), at its `code` value, with the first \
           definition as a related label.",
    why: "A site code identifies one SMS site; clients, CAPs and logon points (Copylog.tcf \
          `X86.BIN\\CLICORE.EXE=<code>`, Q263345) refer to it by code. Two definitions usually \
          mean a copy-paste slip whose second clicore or logon points silently disagree with \
          the first. smslint uses the first definition, so the second is ignored by the audit \
          and the SMS303 logon-point check.",
    example: "[[site]]\ncode = \"A01\"\nclicore = \"2.00.1380.1000\"\n\n[[site]]\ncode = \"A01\"\n\
              clicore = \"2.00.1493.2009\"\n",
    fix: "[[site]]\ncode = \"A01\"\nclicore = \"2.00.1380.1000\"\n\n[[site]]\ncode = \"B01\"\n\
          clicore = \"2.00.1493.2009\"\n",
    sources: &["Q263345", "Q235726 (site codes in Senior.lst)"],
    check: None,
    opt_in: None,
};
