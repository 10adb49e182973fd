//! SMS303 mixed-release-logon-point: sites of different releases share a logon point.

use crate::diagnostic::Severity;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    code: "SMS303",
    name: "mixed-release-logon-point",
    severity: Severity::Warning,
    summary: "Sites of different releases share a logon point",
    what: "In the site manifest of smslint.toml, reports each site whose `clicore` is of a \
           significantly older release than another site listing the same domain controller in \
           `logon_points` (names compared case-insensitively). One finding per older site and \
           shared logon point, on that site's entry for the logon point, with the newer site's \
           entry as a related label.",
    why: "From SP2 on, new clients are not assigned to significantly earlier sites that \
          participate on a logon point: with site A at SP1 and site B at SP2 sharing it, every \
          new client is assigned to B, and A gets none (Q262677). With an RTM/SP1 logon point the \
          opposite happens: the logon point upgraded by one site pushes its newer base \
          components to clients of a site whose CAPs are still older, and their optional \
          components fail with \"out of sync with offer file version\" (Q236596). Sites sharing \
          logon points must be upgraded together (Q238780), after the prerequisite hotfixes \
          (Q261931).",
    example: "[[site]]\ncode = \"A01\"\nclicore = \"2.00.1380.1000\"\n\
              logon_points = [\"DC01\", \"DC02\"]\n\n[[site]]\ncode = \"B01\"\n\
              clicore = \"2.00.1493.2009\"\nlogon_points = [\"DC01\"]\n",
    fix: "[[site]]\ncode = \"A01\"\nclicore = \"2.00.1493.2009\"\n\
          logon_points = [\"DC01\", \"DC02\"]\n\n[[site]]\ncode = \"B01\"\n\
          clicore = \"2.00.1493.2009\"\nlogon_points = [\"DC01\"]\n",
    sources: &[
        "Q262677 (new clients assigned only to the latest site)",
        "Q236596 (SP1 logon point pushes base components)",
        "Q238780 (upgrade sites sharing a domain together)",
        "Q261931 (prerequisite hotfixes before SP2)",
        "sms-domain.md §2.4, §4.1",
    ],
    check: None,
    opt_in: None,
};
