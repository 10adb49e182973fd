//! SMS415 duplicate-smsid: two inventory rows share an SMS unique ID.

use crate::diagnostic::Severity;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    code: "SMS415",
    name: "duplicate-smsid",
    severity: Severity::Warning,
    summary: "Two inventory rows share an SMS unique ID",
    what: "In an inventory with an `smsid` column, reports each row whose SMS ID (trimmed, any \
           case) an earlier row already has; the message names that row's line. Empty IDs are \
           not compared. The audit keeps one 64-bit hash and one line number per distinct ID, \
           never the rows (1M rows stay well under 100 MB).",
    why: "Computers cloned from an image with SMS.INI/SMSCFG.INI on it, or reinstalled over a \
          leftover file, report the same SMS unique ID: the site server sees one computer, \
          inventory of the two is mixed, advertisements reach the wrong computer, and the site \
          server's CPU stays high reconciling them (Q254735, Q199248).",
    example: "client,site,clicore,smsid\nWS01,A01,2.00.1493.4009,GUID:1234\n\
              WS02,A01,2.00.1493.4009,GUID:1234\n",
    fix: "client,site,clicore,smsid\nWS01,A01,2.00.1493.4009,GUID:1234\n\
          WS02,A01,2.00.1493.4009,GUID:5678\n",
    sources: &[
        "Q254735 (duplicate SMS unique IDs)",
        "Q199248 (cloned images)",
    ],
    check: None,
    opt_in: None,
};
