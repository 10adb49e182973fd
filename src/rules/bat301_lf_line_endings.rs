//! BAT301 lf-line-endings: LF-only line endings in a file that jumps to labels.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::bat_util::jump_target;
use crate::rules::{Ctx, Rule};
use crate::source::{LineEnding, Span};
use crate::syntax::ast::JumpTarget;

pub static RULE: Rule = Rule {
    code: "BAT301",
    name: "lf-line-endings",
    severity: Severity::Warning,
    summary: "LF-only line endings in a file that uses labels (GOTO/CALL can miss them)",
    what: "Reports, on line 1, a file in which at least one line ends in a bare LF (no CR) and \
           which contains a `goto label` or `call :label` (`goto :eof` does not search for a \
           label and does not count).",
    why: "cmd.exe's label search has a long-standing bug with LF-only files: GOTO and CALL \
          sometimes fail with \"The system cannot find the batch label specified\" although the \
          label exists, depending on where the label falls relative to 512-byte boundaries of \
          the file. A small edit elsewhere in the script can make a working jump fail, and the \
          script then aborts at that jump on the client. Files checked out of Git on a \
          non-Windows machine, or edited with Unix tools, often end up LF-only.",
    example: "@echo off<LF>goto end<LF>… 600 bytes …<LF>:end<LF>",
    fix: "@echo off<CR><LF>goto end<CR><LF>… 600 bytes …<CR><LF>:end<CR><LF>\n\n(and `*.bat text eol=crlf` in .gitattributes)",
    sources: &[
        "cmd-semantics §1.1 (rocq-8610, ZipRipper-15, minikube-2394, swift-24749: labels missed across 512-byte boundaries)",
        "cmd-semantics T53; Blinter E018",
    ],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let facts = ctx.source.facts();
    if facts.lf_lines == 0 {
        return;
    }
    let jumps = ctx
        .script
        .stmts
        .iter()
        .filter_map(jump_target)
        .filter(|t| matches!(t, JumpTarget::Label { .. } | JumpTarget::Dynamic { .. }))
        .count();
    if jumps == 0 {
        return;
    }
    let src = ctx.source;
    let first_lf = (1..=src.line_count()).find(|&l| src.line_ending(l) == LineEnding::Lf);
    let total = facts.lf_lines + facts.crlf_lines;
    let mut d = RULE
        .diag(
            src.line_span(1),
            format!(
                "{} of {} lines end in a bare LF: cmd.exe's GOTO/CALL label search can fail on \
                 LF-only lines (\"The system cannot find the batch label specified\") and abort \
                 the script at {}",
                facts.lf_lines,
                total,
                if jumps == 1 {
                    "its jump".to_string()
                } else {
                    format!("any of its {jumps} jumps")
                }
            ),
        )
        .with_label("this file has lines ending in a bare LF")
        .with_help("convert the file to CR LF line endings (and add `*.bat text eol=crlf` to .gitattributes)")
        .about_whole_file();
    if let Some(l) = first_lf {
        let full = src.line_full_span(l);
        let lf = Span::new(full.end.saturating_sub(1), full.end);
        if l != 1 {
            d = d.with_related(lf, "first bare LF");
        }
    }
    out.push(d);
}
