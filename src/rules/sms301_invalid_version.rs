//! SMS301 invalid-version: a Clicore version string that does not parse.

use crate::diagnostic::Severity;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    code: "SMS301",
    name: "invalid-version",
    severity: Severity::Error,
    summary: "A Clicore version in the site manifest or the inventory does not parse",
    what: "Reports a `clicore` value in a `[[site]]` table of smslint.toml, or in the `clicore` \
           column of an inventory row (`smslint audit`), that is not exactly four numeric fields \
           `major.minor.build.revision`: letters (`2.00.13B0.1000`), missing or empty fields, a \
           fifth field, or a field above 65535. The message names the field and the byte. Zero \
           padding is not an error (`2.0.1493.4009` equals `2.00.1493.4009`).",
    why: "smslint can only tell whether a client is significantly behind or ahead of its site \
          (the Q262677 test Boot32wn applies) when both versions parse. A mistyped site version \
          hides every behind/ahead client of that site; a mistyped inventory row hides that \
          client. Such typos occur in the KB itself (`2.000.1380.1000` in Q267258).",
    example: "[[site]]\ncode = \"A01\"\nclicore = \"2.00.13B0.1000\"   # a letter in the build\n",
    fix: "[[site]]\ncode = \"A01\"\nclicore = \"2.00.1380.1000\"\n",
    sources: &[
        "Q213410 (version and build numbers)",
        "Q266130 (component versions in SMS 2.0)",
        "Q267258 (the 2.000.1380.1000 typo)",
        "Q262677",
        "sms-domain.md §2.1",
    ],
    check: None,
    opt_in: None,
};
