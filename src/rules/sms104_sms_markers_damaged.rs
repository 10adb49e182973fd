//! SMS104 sms-markers-damaged.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Ctx, Rule};
use crate::source::Span;
use crate::syntax::ast::StmtKind;

pub static RULE: Rule = Rule {
    code: "SMS104",
    name: "sms-markers-damaged",
    severity: Severity::Warning,
    summary: "The `REM Microsoft Systems Management Server (start)` / `(end)` markers are unpaired, duplicated or out of order",
    what: "Looks at the comments that SMS's automatic logon-script configuration uses to find \
           its block in a user script: `REM Microsoft Systems Management Server (start)` and \
           `… (end)` (also the `<start>`/`<end>` forms, any case). Reports a start marker with \
           no end marker, an end marker with no start, a second pair, or an end before the \
           start.",
    why: "With \"Automatically Configure Logon Scripts\" on, Site Configuration Manager leaves \
          the block between intact markers alone, so admins may edit inside it (for example to \
          add a RAS check). When the markers are damaged it inserts the block again (Q121388, \
          Q201640): the script then calls SMSLS twice, or a second, unguarded `call \
          %0\\..\\smsls` appears at the top or bottom of the script, in front of the guard the \
          admin added.",
    example: "REM Microsoft Systems Management Server (start)\r\n%0\\..\\checkras.exe > nul\r\n\
              if errorlevel 1 goto SKIPSMS\r\ncall %0\\..\\smsls\r\n:SKIPSMS\r\n",
    fix: "REM Microsoft Systems Management Server (start)\r\n%0\\..\\checkras.exe > nul\r\n\
          if errorlevel 1 goto SKIPSMS\r\ncall %0\\..\\smsls\r\n:SKIPSMS\r\n\
          REM Microsoft Systems Management Server (end)\r\n",
    sources: &["Q121388", "Q201640", "Q148944"],
    check: Some(check),
    opt_in: None,
};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Marker {
    Start,
    End,
}

fn marker(text: &[u8]) -> Option<Marker> {
    let find = |n: &[u8]| text.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n));
    if !find(b"systems management server") {
        return None;
    }
    if find(b"(start)") || find(b"<start>") {
        Some(Marker::Start)
    } else if find(b"(end)") || find(b"<end>") {
        Some(Marker::End)
    } else {
        None
    }
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    // Every marker names the product (quotes and carets ignored, the word is found in more
    // files than the comments hold, never in fewer).
    if !ctx.mentions(b"systems management server") {
        return;
    }
    let mut markers: Vec<(Marker, Span)> = Vec::new();
    for id in ctx.script.ids() {
        let stmt = ctx.script.stmt(id);
        if let StmtKind::Comment(c) = &stmt.kind {
            if let Some(m) = marker(ctx.source.slice(c.text)) {
                markers.push((m, stmt.span));
            }
        }
    }
    if markers.is_empty() {
        return;
    }
    let mut open: Option<Span> = None;
    let mut pairs = 0;
    for &(m, span) in &markers {
        let problem = match (m, open) {
            (Marker::Start, None) if pairs > 0 => {
                open = Some(span);
                Some((
                    "a second SMS block in this script: the block was inserted again after the \
                 markers were damaged, so the client runs SMSLS twice per logon (Q121388)",
                    "second SMS start marker",
                ))
            }
            (Marker::Start, None) => {
                open = Some(span);
                None
            }
            (Marker::Start, Some(_)) => Some((
                "SMS start marker inside an open SMS block: the markers are damaged, and SMS's \
                 logon-script configuration will insert its block again (Q121388, Q201640)",
                "nested SMS start marker",
            )),
            (Marker::End, Some(_)) => {
                open = None;
                pairs += 1;
                None
            }
            (Marker::End, None) => Some((
                "SMS end marker with no start marker before it: SMS's logon-script \
                 configuration does not recognise its block and inserts it again, adding a \
                 second `call %0\\..\\smsls` (Q121388, Q201640)",
                "end marker without a start",
            )),
        };
        if let Some((message, label)) = problem {
            out.push(
                RULE.diag(span, message)
                    .with_label(label)
                    .with_help("keep exactly one `REM Microsoft Systems Management Server (start)` … `(end)` pair around the SMS lines"),
            );
        }
    }
    if let Some(span) = open {
        out.push(
            RULE.diag(
                span,
                "SMS start marker with no end marker: SMS's logon-script configuration does not \
                 recognise its block and inserts it again, adding a second `call %0\\..\\smsls` \
                 (Q121388, Q201640)",
            )
            .with_label("start marker never closed")
            .with_help("add `REM Microsoft Systems Management Server (end)` after the SMS lines"),
        );
    }
}
