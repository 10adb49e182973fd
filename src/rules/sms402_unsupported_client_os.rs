//! SMS402 unsupported-client-os: an inventory client runs an OS its SMS 2.0 site cannot manage.

use crate::diagnostic::Severity;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    code: "SMS402",
    name: "unsupported-client-os",
    severity: Severity::Error,
    summary: "An inventory client's OS is not supported by SMS 2.0 (at its site's release)",
    what: "In `smslint audit`, reads the optional `os` column, matched case-insensitively by \
           prefix (a leading `Microsoft ` is ignored): `MS-DOS`/`DOS` (MS-DOS without Windows), \
           `OS/2` and `Mac` are never supported by SMS 2.0; nor are `Windows XP Home`, `Windows \
           XP Embedded` and `Windows XP 64`. `Windows Me` needs a site at SP2 or later, \
           `Windows XP Professional` / `Windows XP` a site at SP3 or later. Windows 3.1, Windows \
           for Workgroups, Windows 95, Windows 98, Windows NT 3.51/4.0 and Windows 2000 are \
           supported; an unrecognised value is not a finding. In the example A01 is at SP2 \
           (`2.00.1493.2009`) and C01 at SP3; the fix moves the XP client to the SP3 site (or \
           upgrades A01) and keeps the OS/2 client on an SMS 1.2 site.",
    why: "SMS 2.0 has no client for MS-DOS without Windows, OS/2 or the Macintosh: such clients \
          drop out of inventory and software distribution when their 1.2 site is upgraded \
          (upgrade white paper). Windows Me is supported only from SP2 (Q273804) and Windows \
          XP Professional only from SP3 (Q321372); SP4 blocks XP Home outright (Q310499), and \
          XP Embedded and 64-bit XP are never supported (Q310614). On an unsupported OS the \
          client installation fails or the client is not managed.",
    example: "client,site,clicore,os\n\
              WS006,A01,2.00.1493.2009,Windows XP Professional\nWS007,A01,2.00.1493.2009,OS/2 Warp 4\n",
    fix: "client,site,clicore,os\nWS006,C01,2.00.1493.3004,Windows XP Professional\n",
    sources: &[
        "Q273804 (Windows Me needs SP2)",
        "Q321372 (Windows XP needs SP3)",
        "Q310499 (SP4 blocks XP Home)",
        "Q310614 (XP Embedded, 64-bit XP)",
        "upgrading-sms-1.2-to-2.0 white paper (MS-DOS, OS/2, Macintosh)",
        "sms-domain.md §4.1, §4.2",
    ],
    check: None,
    opt_in: None,
};
