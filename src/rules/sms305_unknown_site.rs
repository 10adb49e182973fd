//! SMS305 unknown-site: an inventory row names a site the manifest does not have.

use crate::diagnostic::Severity;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    code: "SMS305",
    name: "unknown-site",
    severity: Severity::Error,
    summary: "An inventory row names a site the manifest does not define",
    what: "In `smslint audit`, reports a row whose `site` (compared case-insensitively) is not \
           the `code` of any `[[site]]` table in the smslint.toml in effect, including an empty \
           site. In the example the manifest defines A01 and B01 only; the fix corrects the row (or \
           add a `[[site]]` table for C01).",
    why: "The client cannot be checked against its site's release, so a client that Boot32wn \
          will not upgrade (Q262677) or that is in a mixed installation state (Q264630) goes \
          unnoticed. Clients assigned to a site that was removed keep pointing at it through \
          stale Copylog.tcf entries and cannot finish the bootstrap (Q263345, Q313209).",
    example: "client,site,clicore\nWS004,C01,2.00.1493.2009\n",
    fix: "client,site,clicore\nWS004,B01,2.00.1493.2009\n",
    sources: &[
        "Q262677",
        "Q263345 (Copylog.tcf names a site that no longer uses the logon point)",
        "Q313209",
    ],
    check: None,
    opt_in: None,
};
