//! SML001 unused-suppression: reported by the engine, not by a check over the script.

use crate::diagnostic::Severity;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    code: "SML001",
    name: "unused-suppression",
    severity: Severity::Warning,
    summary: "A `smslint: disable` comment that suppresses nothing",
    what: "Reports every code in a `REM smslint: disable=CODE` / `:: smslint: disable=CODE` \
           comment (next statement) or a `REM smslint: disable-file=CODE` comment (whole file) \
           that suppressed no finding in this run, and codes that name no rule at all. Codes \
           of rules that are not selected for the file are not reported.",
    why: "A stale suppression hides the next real problem of that kind: when the statement it \
          was written for is edited or moved, the comment silently covers whatever statement \
          now follows it, so a broken GOTO or an upgrade-gate mistake on the logon script \
          reaches every client at the next logon instead of failing the check. A misspelt \
          code suppresses nothing and gives a false sense of safety.",
    example: "@echo off\nREM smslint: disable=BAT201\necho this line has no undefined label\n",
    fix: "@echo off\necho this line has no undefined label\n",
    sources: &[
        "Ruff RUF100 (unused-noqa), the model for this rule",
        "ShellCheck `# shellcheck disable=` directives (apply to the next command)",
    ],
    check: None,
    opt_in: None,
};
