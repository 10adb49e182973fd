//! SMS416 terminal-services-client: an inventory client runs Terminal Services.

use crate::diagnostic::Severity;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    code: "SMS416",
    name: "terminal-services-client",
    severity: Severity::Warning,
    summary: "A client runs Terminal Services: logon-script installation hangs or quits",
    what: "In an inventory, reports a row whose `os` names Terminal Server (e.g. \"Windows NT \
           Server 4.0, Terminal Server Edition\"), or whose optional `ts` column is true \
           (`true`, `yes`, `y`, `1`, any case).",
    why: "With Terminal Services installed, client installation from SMSLS hangs after Boot32wn \
          is started; inside a Terminal Services session it quits silently (Q308705, Q302579); \
          on NT 4.0 Terminal Server Edition SP4 and later the components stay Repair Pending \
          (Q309437). Such clients must be installed with SMSMan at the console or by remote \
          client installation.",
    example: "client,site,clicore,os\nTS01,A01,,Windows NT Server 4.0 Terminal Server Edition\n",
    fix: "# install TS01 with SMSMan at the console, or by remote client installation\n",
    sources: &[
        "Q308705 (Terminal Services clients: SMSLS installation hangs)",
        "Q302579 (installation in a Terminal Services session quits)",
        "Q309437 (NT 4.0 TSE components Repair Pending)",
    ],
    check: None,
    opt_in: None,
};
