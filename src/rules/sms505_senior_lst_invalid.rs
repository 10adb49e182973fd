//! SMS505 senior-lst-invalid: Sitescfg\Senior.lst does not name a site of the logon point.

use crate::diagnostic::Severity;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    code: "SMS505",
    name: "senior-lst-invalid",
    severity: Severity::Warning,
    summary: "Senior.lst is not the upper-case 3-character code of a site on the logon point",
    what: "For each `[[logon_point]]`'s SMSLOGON copy that has `Sitescfg\\Senior.lst`, reports \
           its first non-blank line (BOM, spaces and a Ctrl-Z ignored) when it is not exactly \
           three upper-case letters or digits, or names a site that does not list the logon \
           point.",
    why: "Senior.lst overrides the election of the senior site, which may sit across a slow \
          link. The Logon Server Manager reads the first three characters and compares them \
          case-sensitively, so a lower-case or mistyped code is ignored; the named site must \
          take part in logon discovery or installation on the logon point (Q235726, Q263395; \
          upper-case site codes, Q271885).",
    example: "xyz\n",
    fix: "XYZ\n",
    sources: &[
        "Q235726 (specifying the senior site for NT logon point management)",
        "Q263395 (senior site)",
        "Q271885 (lower-case site codes)",
    ],
    check: None,
    opt_in: None,
};
