//! SMS204 ras-client-pending-upgrade: a RAS client significantly behind its site.

use crate::diagnostic::Severity;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    code: "SMS204",
    name: "ras-client-pending-upgrade",
    severity: Severity::Warning,
    summary:
        "A dial-up (RAS) client is significantly behind its site: its upgrade will run over RAS",
    what: "In `smslint audit`, reports a row with `link = ras` (case-insensitive) whose `clicore` \
           is significantly behind its site's `clicore` (the SMS302 test). In the example B01 is at `2.00.1493.2009` (SP2); the fix is the \
           laptop upgraded while it was on the LAN.",
    why: "The client upgrade to a new service pack moves 8 to 24 MB (Q237543). A client that \
          connects over RAS will run it over the dial-up link: through the logon script at a \
          pre-SP2 site, or through CCIM from a CAP once connected (Q238780, Q262677). That \
          ties up the line for a long time and can leave a half-upgraded client when the call \
          drops. Microsoft's advice is to turn off SMS logon scripts for RAS clients and to \
          upgrade them on the LAN.",
    example: "client,site,clicore,link\nLAPTOP01,B01,2.00.1380.1000,ras\n",
    fix: "client,site,clicore,link\nLAPTOP01,B01,2.00.1493.2009,ras\n",
    sources: &[
        "Q237543 (8-24 MB client upgrade; turn off logon scripts for RAS)",
        "Q238780 (upgrade starts the next time the client dials in)",
        "Q262677",
        "Q185346 (CheckRAS in logon scripts)",
    ],
    check: None,
    opt_in: None,
};
