//! SMS504 site-folders-mismatch: Sites\ and Sitescfg\ of a logon point do not match its sites.

use crate::diagnostic::Severity;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    code: "SMS504",
    name: "site-folders-mismatch",
    severity: Severity::Error,
    summary: "A logon point has Sites\\<code> or Sitescfg\\<code>_cfg.lcf of a site not on it, or lacks them for a site that is",
    what: "For each `[[logon_point]]`'s SMSLOGON copy, compares the `Sites\\<code>` folders and \
           the `Sitescfg\\<code>_cfg.lcf` files with the `[[site]]` tables listing the logon \
           point: a folder or file of a site that does not list it is a warning, a missing \
           one for a site that does is an error. The finding is on the logon point's `name` in \
           smslint.toml.",
    why: "SP2 leaves the folders of removed or inactive sites on the logon points, and clients \
          keep trying to install to those sites (Q259816). Before SP2, a site whose folder or \
          configuration file is missing from a logon point makes its clients deinstall \
          themselves (Q242492).",
    example: "# smslint.toml: site AAA lists DC01\n# dc01/smslogon/Sites/REM/ (site REM was \
              removed)\n# dc01/smslogon/Sitescfg/ (no AAA_cfg.lcf)\n",
    fix: "# dc01/smslogon/Sites/AAA/\n# dc01/smslogon/Sitescfg/AAA_cfg.lcf\n",
    sources: &[
        "Q259816 (LSM and inactive sites: orphaned site folders)",
        "Q242492 (clients deinstall when the site files are missing)",
    ],
    check: None,
    opt_in: None,
};
