//! SMS309 logon-point-revision-mismatch: sites sharing a logon point differ in hotfix or ICP.

use crate::diagnostic::Severity;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    code: "SMS309",
    name: "logon-point-revision-mismatch",
    severity: Severity::Warning,
    summary:
        "Sites sharing a logon point are at the same release but different hotfix or ICP revisions",
    what: "In the site manifest, reports each site whose `clicore` is of the same release as \
           the newest site listing the same logon point but differs from it in the rest of the \
           revision: the hundreds digit (International Client Pack build, 4-9) or the hotfix \
           number. Different releases are SMS303. One finding per site and shared logon \
           point, with the other site's entry as a related label.",
    why: "NT clients check the CRCs of the client programs against the site's copy; when one \
          site sharing the logon point has a hotfix the other lacks, clients of the other site \
          get \"Client Service is not authorized to run this application! (5)\" (Q246331). \
          Sites sharing logon points must be at the same revision, hotfixes and International \
          Client Pack included, and the ICP must match the service pack (Q269615, Q202941, \
          Q270912; revision digits, Q213410).",
    example:
        "[[site]]\ncode = \"A01\"\nclicore = \"2.00.1493.3242\"\nlogon_points = [\"DC01\"]\n\n\
              [[site]]\ncode = \"B01\"\nclicore = \"2.00.1493.3442\"\nlogon_points = [\"DC01\"]\n",
    fix: "[[site]]\ncode = \"A01\"\nclicore = \"2.00.1493.3442\"\nlogon_points = [\"DC01\"]\n\n\
          [[site]]\ncode = \"B01\"\nclicore = \"2.00.1493.3442\"\nlogon_points = [\"DC01\"]\n",
    sources: &[
        "Q246331 (CRC checking: client service not authorized)",
        "Q269615 (sites sharing logon points: same revision and ICP)",
        "Q202941 (International Client Packs)",
        "Q213410 (revision digits: SP, ICP, hotfix)",
    ],
    check: None,
    opt_in: None,
};
