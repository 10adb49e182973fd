//! SMS302 client-behind-release: a client significantly behind its site's release.

use crate::diagnostic::Severity;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    code: "SMS302",
    name: "client-behind-release",
    severity: Severity::Warning,
    summary: "An inventory client's Clicore release is significantly behind its site's",
    what: "In `smslint audit`, reports a row whose `clicore` is significantly older than the \
           `clicore` of its site in the manifest. Significant means a different release: \
           (major, minor, build, revision / 1000) under the default `significance = \"release\"`, \
           or (major, minor, build) under `\"build\"`. Hotfix-only differences (same release) \
           are never reported. In the example, the manifest has site B01 at \
           `2.00.1493.2009` (SP2); the fix is to let CCIM upgrade the client from a CAP.",
    why: "From SP2 on, Boot32wn on the logon point compares the client's Clicore with its own: a \
          client that is significantly older is not upgraded by the logon script at all. \
          Boot32wn exits without copying the new Clicore, and the client stays behind until \
          CCIM's maintenance cycle (every 23 hours) reads the new version from a CAP (Q262677). \
          A client that never reaches a CAP never upgrades. At a pre-SP2 site, the logon point \
          instead pushes the new Clicore at the next logon, over whatever link the client uses.",
    example: "client,site,clicore\nWS002,B01,2.00.1380.1000\n",
    fix: "client,site,clicore\nWS002,B01,2.00.1493.2009\n",
    sources: &[
        "Q262677 (clients are not upgraded by logon points with SP2)",
        "Q238780",
        "Q236596 (pre-SP2 logon points push base components)",
        "sms-domain.md §2.4",
    ],
    check: None,
    opt_in: None,
};
