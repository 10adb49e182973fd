//! BAT211 label-in-block: a label inside a parenthesised block.

use std::collections::HashMap;

use crate::diagnostic::{Diagnostic, Severity};
use crate::flow::Resolution;
use crate::rules::bat_util::snippet;
use crate::rules::{Ctx, Rule};
use crate::syntax::ast::StmtKind;

pub static RULE: Rule = Rule {
    code: "BAT211",
    name: "label-in-block",
    severity: Severity::Warning,
    summary: "A label inside a `( … )` block: jumping to it breaks the block",
    what: "Reports a `:label` (with a name a GOTO can jump to) that is inside a parenthesised \
           block (an IF/ELSE/FOR body or a bare `( … )`), and says how many jumps target it.",
    why: "cmd.exe reads a whole block before it runs any of it, and a GOTO abandons the block it \
          is in. A GOTO to a label inside a block still finds the line, but continues from there \
          as plain top-level lines: the IF/FOR around it is forgotten, `%%i` is no longer \
          substituted, and the block's closing `)` is then ignored. Inside a block, the line \
          after a label is also read in surprising ways (a following `::` line or `)` can break \
          the block). A label there is never what the author meant.",
    example: "if exist %TEMP%\\sms.flg (\n:again\n  del %TEMP%\\sms.flg\n  goto again\n)\n",
    fix: ":again\nif exist %TEMP%\\sms.flg (\n  del %TEMP%\\sms.flg\n  goto again\n)\n",
    sources: &[
        "cmd-semantics §1.4 (pb-goto: GOTO makes cmd forget the loop; SS64-rem: GOTO inside brackets breaks their context), §1.8 (SO-broken-label), §1.2 (SO-dcolon)",
        "cmd-semantics T61, T62",
    ],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let src = ctx.source;
    let mut def_at: HashMap<usize, usize> = HashMap::new();
    for (i, d) in ctx.labels.defs.iter().enumerate() {
        def_at.insert(d.name.start, i);
    }
    let mut jumps_to = vec![0usize; ctx.labels.defs.len()];
    for r in ctx.flow.jumps.iter().flatten() {
        if let Resolution::Label { def, .. } = r {
            if let Some(n) = jumps_to.get_mut(*def) {
                *n += 1;
            }
        }
    }
    for stmt in &ctx.script.stmts {
        let StmtKind::Label(l) = &stmt.kind else {
            continue;
        };
        if stmt.parent.is_none() || l.name.is_empty() {
            continue;
        }
        let jumps = def_at
            .get(&l.name.start)
            .and_then(|&d| jumps_to.get(d).copied())
            .unwrap_or(0);
        let shown = snippet(src, l.name, 60, false);
        let tail = match jumps {
            0 => "nothing jumps to it, and a jump to it would leave the block's IF/FOR context"
                .to_string(),
            1 => "the jump to it lands outside the block's IF/FOR context: the rest of the block \
                  runs as plain lines and its `)` is ignored"
                .to_string(),
            n => format!(
                "the {n} jumps to it land outside the block's IF/FOR context: the rest of the \
                 block runs as plain lines and its `)` is ignored"
            ),
        };
        out.push(
            RULE.diag(
                l.colon.cover(l.name),
                format!("label `:{shown}` is inside a parenthesised block: {tail}"),
            )
            .with_label("label inside a block")
            .with_help("move the label out of the block (before the IF/FOR), or use `call :sub` for a loop body"),
        );
    }
}
