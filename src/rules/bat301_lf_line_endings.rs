//! BAT301 lf-line-endings: LF-only line endings in a file that jumps to labels.

use crate::diagnostic::{Diagnostic, Severity};
use crate::flow::Resolution;
use crate::rules::bat_util::{jump_target, snippet};
use crate::rules::{Ctx, Rule};
use crate::source::{LineEnding, Span};
use crate::syntax::ast::{JumpTarget, StmtId};

pub static RULE: Rule = Rule {
    code: "BAT301",
    name: "lf-line-endings",
    severity: Severity::Warning,
    summary: "LF-only line endings in a file that uses labels (GOTO/CALL can miss them)",
    what: "Reports, on line 1, a file in which at least one line ends in a bare LF (no CR) and \
           a `goto label` or `call :label` makes cmd.exe's label search cover 512 bytes or \
           more (from the jump's line forward to the label, or, when the search wraps around, \
           from the start of the file). Not reported when a `.gitattributes` above the file \
           gives it `eol=crlf` (every checkout is CRLF) or `text` / `text=auto` without `eol` \
           (every Windows checkout is CRLF).",
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
        "precision study, portability.md F4 (rocq #8610: \"only if the jump label is more than 512 bytes away\"), F5 (git attributes)",
    ],
    check: Some(check),
    opt_in: Some(
        "On 2,030 real scripts about half of its findings were files whose repositories make every Windows checkout CRLF (`text=auto` or `eol=crlf` in a .gitattributes that the copy being checked no longer has); smslint cannot tell from the file alone how it reaches the share, so the rule stays opt-in.",
    ),
};

/// The bug needs distance: a label is missed only when it lies about 512 bytes or more from
/// the jump (rocq #8610, ZipRipper #15).
const DISTANCE: usize = 512;

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let facts = ctx.source.facts();
    if facts.lf_lines == 0 || ctx.source.len() < DISTANCE {
        return;
    }
    let src = ctx.source;
    // The jump whose label search covers the most bytes: forward from the end of the jump's
    // line to the label, or, when the search wraps around, the label's offset in the file.
    let mut far: Option<(StmtId, usize, usize)> = None;
    let mut jumps = 0usize;
    for id in ctx.script.ids() {
        let stmt = ctx.script.stmt(id);
        if !matches!(jump_target(stmt), Some(JumpTarget::Label { .. })) {
            continue;
        }
        let Some(Resolution::Label { def, .. }) = ctx.flow.resolution(id) else {
            continue;
        };
        let Some(label) = ctx.labels.defs.get(*def) else {
            continue;
        };
        jumps += 1;
        let from = src.line_full_span(src.line_of(stmt.span.start())).end();
        let to = label.colon.start();
        let dist = if to >= from { to - from } else { to };
        if far.map_or(true, |f| dist > f.1) {
            far = Some((id, dist, *def));
        }
    }
    let Some((jump, dist, def)) = far else {
        return;
    };
    if dist < DISTANCE || gitattributes::forces_crlf(ctx.path) {
        return;
    }
    let jstmt = ctx.script.stmt(jump);
    let label = &ctx.labels.defs[def];
    let name = snippet(src, label.name, 40, false);
    let first_lf = (1..=src.line_count()).find(|&l| src.line_ending(l) == LineEnding::Lf);
    let total = facts.lf_lines + facts.crlf_lines;
    let mut d = RULE
        .diag(
            src.line_span(1),
            format!(
                "{} of {} lines end in a bare LF, and the jump to `:{name}` on line {} makes \
                 cmd.exe's label search cover {dist} bytes: on LF-only lines that search can \
                 miss the label (\"The system cannot find the batch label specified\") and \
                 abort the script{}",
                facts.lf_lines,
                total,
                src.line_of(jstmt.span.start()),
                if jumps > 1 {
                    format!(" (this file has {jumps} such jumps)")
                } else {
                    String::new()
                }
            ),
        )
        .with_label("this file has lines ending in a bare LF")
        .with_help("convert the file to CR LF line endings (and add `*.bat text eol=crlf` and `*.cmd text eol=crlf` to .gitattributes)")
        .with_related(jstmt.span, "the farthest jump")
        .about_whole_file();
    if let Some(l) = first_lf {
        let full = src.line_full_span(l);
        let lf = Span::new(full.end().saturating_sub(1), full.end());
        if l != 1 {
            d = d.with_related(lf, "first bare LF");
        }
    }
    out.push(d);
}

/// Git's line-ending attributes: does a `.gitattributes` above the file force CRLF in the
/// work tree (`eol=crlf`, with `text` not unset)? Then every checkout is CRLF and an LF-only
/// copy is an artifact of reading the repository's normalised blob.
mod gitattributes {
    use std::path::{Path, PathBuf};

    #[derive(Clone, Copy, PartialEq, Eq)]
    enum Text {
        Set,
        Unset,
        Auto,
    }

    /// `text` / `text=auto` without `eol` counts too: every Windows checkout is then CRLF,
    /// and an LF copy exists only on other systems.
    ///
    /// Walks from the file's folder up to the work tree's root (a folder holding `.git`) or
    /// the file system's root, then applies the attribute files from the outside in: a
    /// deeper file and a later line win, as in Git.
    pub fn forces_crlf(path: &Path) -> bool {
        let Ok(file) = std::fs::canonicalize(path) else {
            return false;
        };
        let mut dirs: Vec<PathBuf> = Vec::new();
        let mut dir = file.parent();
        while let Some(d) = dir {
            dirs.push(d.to_path_buf());
            if d.join(".git").exists() {
                break;
            }
            dir = d.parent();
        }
        let mut eol_crlf: Option<bool> = None;
        let mut text: Option<Text> = None;
        for d in dirs.iter().rev() {
            let Ok(body) = std::fs::read_to_string(d.join(".gitattributes")) else {
                continue;
            };
            let Ok(rel) = file.strip_prefix(d) else {
                continue;
            };
            let rel = rel.to_string_lossy().replace('\\', "/");
            apply(&body, &rel, &mut eol_crlf, &mut text);
        }
        match (eol_crlf, text) {
            (Some(true), t) => t != Some(Text::Unset),
            // `text` / `text=auto` without `eol`: Git writes the platform's line ending on
            // checkout (core.eol=native), so every Windows working tree is CRLF.
            (None, Some(Text::Set | Text::Auto)) => true,
            _ => false,
        }
    }

    /// Apply every line of one `.gitattributes` whose pattern matches `rel` (the file's path
    /// relative to that file's folder, `/`-separated).
    fn apply(body: &str, rel: &str, eol_crlf: &mut Option<bool>, text: &mut Option<Text>) {
        let base = rel.rsplit('/').next().unwrap_or(rel);
        for line in body.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut parts = line.split_whitespace();
            let Some(pat) = parts.next() else { continue };
            let (pat, subject) = match pat.strip_prefix('/') {
                Some(p) => (p, rel),
                None if pat.contains('/') => (pat, rel),
                None => (pat, base),
            };
            let Ok(glob) = globset::GlobBuilder::new(pat)
                .literal_separator(true)
                .build()
            else {
                continue;
            };
            if !glob.compile_matcher().is_match(subject) {
                continue;
            }
            for attr in parts {
                match attr {
                    "text" => *text = Some(Text::Set),
                    "-text" | "binary" | "-crlf" => *text = Some(Text::Unset),
                    "!text" => *text = None,
                    "text=auto" => *text = Some(Text::Auto),
                    "eol=crlf" => *eol_crlf = Some(true),
                    "eol=lf" => *eol_crlf = Some(false),
                    "!eol" | "-eol" => *eol_crlf = None,
                    "crlf" => {
                        *text = Some(Text::Set);
                        *eol_crlf = Some(true);
                    }
                    _ => {}
                }
            }
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn tree(attrs: &[(&str, &str)], file: &str) -> (tempfile::TempDir, PathBuf) {
            let dir = tempfile::tempdir().expect("temp dir");
            std::fs::create_dir(dir.path().join(".git")).expect(".git");
            for (at, body) in attrs {
                let p = dir.path().join(at);
                std::fs::create_dir_all(p.parent().expect("parent")).expect("dirs");
                std::fs::write(p, body).expect("write");
            }
            let f = dir.path().join(file);
            std::fs::create_dir_all(f.parent().expect("parent")).expect("dirs");
            std::fs::write(&f, "@echo off\n").expect("write");
            (dir, f)
        }

        #[test]
        fn eol_crlf_from_a_parent_folder() {
            let (_d, f) = tree(
                &[(".gitattributes", "*.bat text eol=crlf\n")],
                "netlogon/a.bat",
            );
            assert!(forces_crlf(&f));
            let (_d, f) = tree(&[(".gitattributes", "*.bat eol=crlf\n")], "a.BAT.txt");
            assert!(!forces_crlf(&f));
            let (_d, f) = tree(&[(".gitattributes", "* text=auto\n")], "a.bat");
            assert!(forces_crlf(&f));
            let (_d, f) = tree(&[(".gitattributes", "* text=auto eol=lf\n")], "a.bat");
            assert!(!forces_crlf(&f));
            let (_d, f) = tree(&[(".gitattributes", "*.txt text\n")], "a.bat");
            assert!(!forces_crlf(&f));
        }

        #[test]
        fn deeper_and_later_lines_win() {
            let (_d, f) = tree(
                &[
                    (".gitattributes", "*.bat eol=crlf\n"),
                    ("tools/.gitattributes", "*.bat -text\n"),
                ],
                "tools/x.bat",
            );
            assert!(!forces_crlf(&f));
            let (_d, f) = tree(
                &[(".gitattributes", "*.bat eol=crlf\n/scripts/*.bat eol=lf\n")],
                "scripts/x.bat",
            );
            assert!(!forces_crlf(&f));
            let (_d, f) = tree(
                &[(".gitattributes", "/scripts/** eol=crlf\n")],
                "scripts/a/x.bat",
            );
            assert!(forces_crlf(&f));
        }
    }
}
