//! BAT106 line-too-long: a line longer than cmd.exe accepts.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Ctx, Rule};
use crate::source::Span;

/// cmd.exe's command-line limit on Windows NT 4.0 and 2000.
pub const NT4_LIMIT: usize = 2047;
/// cmd.exe's command-line limit on Windows XP and later.
pub const XP_LIMIT: usize = 8191;

pub static RULE: Rule = Rule {
    code: "BAT106",
    name: "line-too-long",
    severity: Severity::Warning,
    summary: "A line longer than cmd.exe's command-line limit (2047 bytes on NT 4.0/2000, 8191 on XP)",
    what: "Reports each physical line longer than 8191 bytes (line break not counted). In a \
           logon script or a script a logon script calls (SMSLS.BAT, a file matching \
           `logon_scripts`, what they reach in the tree, or a script that starts \
           an SMS client program such as SMSLS), which NT 4.0 and 2000 clients run, lines over \
           2047 bytes are reported too, saying whether they are also over 8191.",
    why: "cmd.exe reads at most 2047 characters of a command line on Windows NT 4.0 and \
          Windows 2000, and 8191 on Windows XP and later; the limit applies to the line after \
          `%variables%` are expanded, so a line that is already longer as written can never \
          run. cmd.exe rejects it (\"The input line is too long.\") and the script stops there \
          on those clients. Machine-generated `set PATH=…` lines and long `net use` / `if` \
          chains in logon scripts reach these sizes.",
    example: "set DRIVES=… 3,000 characters …\n",
    fix: "set DRIVES=… first part …\nset DRIVES=%DRIVES% … second part …\n",
    sources: &[
        "Q830473 (KB830473, \"Command prompt (Cmd.exe) command-line string limitation\": 8191 on XP and later, 2047 on Windows 2000 and NT 4.0)",
        "cmd-semantics §1.1 (Wiki-cmd)",
    ],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let src = ctx.source;
    // A line's content is never longer than the distance from its start to the next line's
    // (or to the end): most files are ruled out by the line starts alone.
    let starts = src.line_starts();
    let last = src.bytes().len() - starts.last().copied().unwrap_or(0);
    if starts.windows(2).all(|w| w[1] - w[0] <= NT4_LIMIT) && last <= NT4_LIMIT {
        return;
    }
    if !(1..=src.line_count()).any(|l| src.line_span(l).len() > NT4_LIMIT) {
        return;
    }
    // The 2047-byte limit matters only where NT 4.0 / 2000 clients run the file: logon
    // scripts (SMSLS.BAT and the configured `logon_scripts`), the scripts they reach (the
    // tree's `nt4_client`), and scripts that start the SMS client themselves
    // (`call %0\..\smsls`). Elsewhere only 8191 counts.
    let nt4_clients = ctx.settings.logon_script
        || ctx.settings.nt4_client
        || ctx.sms().invocations.iter().any(|i| i.is_client_program());
    let limit = if nt4_clients { NT4_LIMIT } else { XP_LIMIT };
    // cmd.exe stops reading at the first NUL (BAT103): the lines after it are never read.
    let nul = src.facts().nul.first().copied().unwrap_or(usize::MAX);
    for line in 1..=src.line_count() {
        let span = src.line_span(line);
        if span.start() > nul {
            break;
        }
        // Up to the NUL on the line that holds it.
        let len = span.end().min(nul) - span.start();
        if len <= limit {
            continue;
        }
        let msg = if len > XP_LIMIT {
            format!(
                "line {line} is {len} bytes long, over cmd.exe's {XP_LIMIT}-character limit on \
                 every Windows version: cmd.exe rejects it (\"The input line is too long.\") \
                 and the script stops here"
            )
        } else {
            format!(
                "line {line} is {len} bytes long, over cmd.exe's {NT4_LIMIT}-character limit on \
                 Windows NT 4.0 and 2000: those clients reject it (\"The input line is too \
                 long.\") and the script stops there (XP accepts up to {XP_LIMIT})"
            )
        };
        out.push(
            RULE.diag(Span::new(span.start() + limit, span.start() + limit + 1), msg)
                .with_label(format!("byte {} starts here", limit + 1))
                .with_help("split the command over several shorter lines (for example build a long value with several `set X=%X%…` lines)"),
        );
    }
}
