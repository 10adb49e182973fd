//! SMS208 ras-nt351-client: a Windows NT 3.51 client on a dial-up link.

use crate::diagnostic::Severity;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    code: "SMS208",
    name: "ras-nt351-client",
    severity: Severity::Warning,
    summary: "A Windows NT 3.51 client logs on over RAS, which SMS 2.0 does not support",
    what: "In an inventory, reports a row with `link` = `ras` and an `os` starting with Windows \
           NT 3.51 (a leading `Microsoft` ignored).",
    why: "SMS 2.0 does not support Windows NT 3.51 clients over RAS: the logon script must keep \
          SMS from them with a CheckRAS test (Q224388), or their installation and inventory \
          run over the dial-up link and fail.",
    example: "client,site,clicore,os,link\nNT351A,A01,2.00.1493.4009,Windows NT 3.51,ras\n",
    fix: "# guard the logon script with CheckRAS, or manage the client on the LAN only\n",
    sources: &["Q224388 (NT 3.51 clients over RAS must be stopped with CheckRAS)"],
    check: None,
    opt_in: None,
};
