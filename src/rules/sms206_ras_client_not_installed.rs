//! SMS206 ras-client-not-installed: a Windows 2000/XP dial-up client without the SMS client.

use crate::diagnostic::Severity;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    code: "SMS206",
    name: "ras-client-not-installed",
    severity: Severity::Warning,
    summary: "A Windows 2000/XP dial-up client has no SMS client yet: logon-script installation over RAS fails",
    what: "In an inventory, reports a row with `link` = `ras`, an `os` starting with Windows \
           2000 or Windows XP (a leading `Microsoft` ignored) and an empty `clicore` (no SMS \
           client installed). SMS301 also reports the empty clicore.",
    why: "The Windows 2000 dial-up adapter has the subnet mask 255.255.255.255, so the \
          client's subnet is its own address: site assignment fails and installation from \
          the logon script hangs after Slownet (Q235797). Such clients must be installed on \
          the LAN and then put into travelling mode.",
    example: "client,site,clicore,os,link\nLAP01,A01,,Windows 2000 Professional,ras\n",
    fix: "client,site,clicore,os,link\nLAP01,A01,2.00.1493.4009,Windows 2000 Professional,ras\n",
    sources: &["Q235797 (client logon scripts do not function over a RAS link)"],
    check: None,
    opt_in: None,
};
