//! SMS307 not-clicore-version: a version that parses but is not an SMS 2.0 Clicore version.

use crate::diagnostic::Severity;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    code: "SMS307",
    name: "not-clicore-version",
    severity: Severity::Warning,
    summary: "A version that is not an SMS 2.0 Clicore version is used as one",
    what: "Reports a site `clicore` or an inventory `clicore` that parses but is not a Clicore \
           version of SMS 2.0: `2.50.*` (SMS 2003), `2.00.0000.0000` (the default logged when a \
           logon point has no COMPVER.INI), the numbering of other SMS binaries (`2.0.91.x`, \
           `2.0.92.x`: Ccmcore/Swdist32/Apasetup; `2.0.1250.x`, `2.00.1520.x`: Preinst), or a \
           version that does not start with 2.0. Such a value is not compared (no SMS302/SMS304 \
           for it).",
    why: "Comparing one of these with a Clicore version gives nonsense: an SP1 client whose \
          inventory picked up Ccmcore.exe's 2.0.91.7 would look years behind, an SMS 2003 client \
          ahead. `2.00.0000.0000` in a CCIM log means the logon point lacks COMPVER.INI \
          (Q264630), a site problem rather than a client version.",
    example: "client,site,clicore\nWS005,A01,2.0.91.7\n",
    fix: "client,site,clicore\nWS005,A01,2.00.1380.1000\n",
    sources: &[
        "Q253151 (SP1 dependency package numbering)",
        "Q316021 (Ccmcore/Swdist32 2.0.92.x)",
        "Q305693 (Preinst.exe numbering)",
        "Q264630 (2.00.0000.0000 when COMPVER.INI is missing)",
        "KB 832103 (SMS 2003 2.50.*)",
        "sms-domain.md §2.1, §2.3",
    ],
    check: None,
    opt_in: None,
};
