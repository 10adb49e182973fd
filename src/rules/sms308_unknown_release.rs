//! SMS308 unknown-release: a site's Clicore version is no known SMS 2.0 release.

use crate::diagnostic::Severity;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    code: "SMS308",
    name: "unknown-release",
    severity: Severity::Info,
    summary: "A site's clicore is not a known SMS 2.0 release (build/service-pack combination)",
    what: "Reports a `clicore` in a `[[site]]` table of smslint.toml that parses and is a 2.0 \
           version, but whose build and service-pack digit (the thousands digit of the \
           revision) are not one of the shipped releases: RTM 1239.0xxx, SP1 1380.1xxx, SP2 \
           1493.2xxx, SP3 1493.3xxx, SP4 1493.4xxx. The SP1 base Compver `2.00.1380.20xx` left \
           by an early Q240921 hotfix is named as such, and so is `2.00.1493.3009`, the SP3 RC9 \
           pre-release (Q289000), and builds before RTM 1239 (the beta build 1196, Q215129).",
    why: "The site's version is what every client of the site is compared with (SMS302, \
          SMS304) and what decides whether its logon points refuse significant upgrades \
          (SP2 and later, Q262677). A version no release ever had is usually a typo or a \
          value copied from the KB's illustrations (`2.00.1999.2000` in Q262677 is not a real \
          build) and makes every comparison with the site meaningless. `2.00.1380.2004` reads \
          as SP2 by the digit rule but is an SP1 site whose Compver must be reset to \
          `2.00.1380.1072` once all clients are updated (Q244410, Q246527).",
    example: "[[site]]\ncode = \"A01\"\nclicore = \"2.00.1999.2000\"\n",
    fix: "[[site]]\ncode = \"A01\"\nclicore = \"2.00.1493.2009\"\n",
    sources: &[
        "Q266130 (component versions per service pack)",
        "Q268803 (CD versions RTM/SP1/SP2)",
        "Q262677 (its example versions are not real releases)",
        "Q244410, Q246527 (the 2.00.1380.2004 Compver anomaly)",
        "Q289000 (SP3 RC9 2.00.1493.3009: client agent settings do not propagate)",
        "Q215129 (beta build 1196: Remote Control agent does not upgrade to RTM)",
        "sms-domain.md §2.3, §2.4",
    ],
    check: None,
    opt_in: None,
};
