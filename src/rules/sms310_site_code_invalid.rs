//! SMS310 site-code-invalid: a reserved device name or not 3 upper-case letters/digits.

use crate::diagnostic::Severity;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    code: "SMS310",
    name: "site-code-invalid",
    severity: Severity::Error,
    summary: "A site code is a reserved device name or not three upper-case letters or digits",
    what: "In the site manifest, reports a `code` that is a Windows NT reserved device name \
           (CON, PRN, AUX, NUL, COM1-COM9, LPT1-LPT9; only the first four can be three \
           characters), or that is not exactly three upper-case ASCII letters or digits.",
    why: "SMS creates a `Sites\\<code>` folder on every logon point; a reserved name cannot be a \
          folder, so the logon points fail (Q182420, Q279868). A lower-case site code (which a \
          scripted install accepts) sends every status message to the retry queue (Q271885), \
          and the Logon Server Manager compares site codes case-sensitively (Q235726).",
    example: "[[site]]\ncode = \"con\"\nclicore = \"2.00.1493.4009\"\n",
    fix: "[[site]]\ncode = \"C01\"\nclicore = \"2.00.1493.4009\"\n",
    sources: &[
        "Q182420 (site code should not be an NT reserved word)",
        "Q279868 (reserved names as SMS 2.0 site codes)",
        "Q271885 (scripted site install allows a lower-case site code)",
        "Q235726 (three-character upper-case site code)",
    ],
    check: None,
    opt_in: None,
};
