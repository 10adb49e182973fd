//! SMS304 client-ahead-of-site: a client of a newer release than its site.

use crate::diagnostic::Severity;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    code: "SMS304",
    name: "client-ahead-of-site",
    severity: Severity::Error,
    summary: "An inventory client's Clicore release is ahead of its site's",
    what: "In `smslint audit`, reports a row whose `clicore` is of a significantly newer release \
           than its site's `clicore` in the manifest (same significance policy as SMS302). A \
           newer hotfix of the same release is not reported; the Q240921 Compver anomaly \
           (`2.00.1380.20xx`) is SP1, so a client at 2.00.1380.2004 at a site reset to \
           2.00.1380.1072 as Q244410 prescribes is not reported. In the example, the manifest has A01 at `2.00.1380.1000` (SP1) and B01 \
           at `2.00.1493.2009` (SP2); the fix assigns the client to B01 (or upgrades A01, with \
           Q249077 and Q252717 first).",
    why: "A client with a newer base than its site's CAPs is in the mixed installation state of \
          Q264630: its components sit in \"Repair Pending\" and CCIM logs \"could not find a site \
          CAP with uplevel version\"; the site's CCM may try to install its older components on \
          it. It typically happens when a shared logon point of a newer site installed the \
          client (Q236596), or the client was upgraded elsewhere and reassigned.",
    example: "client,site,clicore\nWS003,A01,2.00.1493.2009\n",
    fix: "client,site,clicore\nWS003,B01,2.00.1493.2009\n",
    sources: &[
        "Q264630 (mixed installation state)",
        "Q236596",
        "Q261931",
        "Q262677",
        "sms-domain.md §2.4",
    ],
    check: None,
    opt_in: None,
};
