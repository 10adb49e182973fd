//! `smslint dump FILE`: how smslint reads a script.
//!
//! The output has four sections: the file's facts, the statements (one per line, with
//! `line:col`, nesting by indentation, connector, kind and key fields, redirections and where
//! each `goto` / `call :` goes), the label table as the GOTO scanner sees it, the expansion
//! atoms, and the syntax errors. Text is shown through [`decode_display`] (one character per
//! byte; LF shown as `␊`, TAB as `␉`) and cut at 60 characters.

use rustc_hash::FxHashMap as HashMap;
use std::fmt::Write as _;

use crate::source::{decode_display, Source, Span};
use crate::syntax::ast::*;
use crate::syntax::labels::{key, LabelIndex, Profile};

/// Deeper nesting is not indented further (the depth is printed instead).
const MAX_INDENT: usize = 24;
/// Longest text shown for one span.
const MAX_TEXT: usize = 60;

/// Render the reading of a script as text (statements with line:col, kinds, labels and
/// where each goto/call resolves), with cmd.exe's label rules.
pub fn render(source: &Source, script: &Script, labels: &LabelIndex) -> String {
    render_with(source, script, labels, Profile::Nt)
}

/// [`render`] with the label rules of `profile`.
pub fn render_with(
    source: &Source,
    script: &Script,
    labels: &LabelIndex,
    profile: Profile,
) -> String {
    let mut out = String::new();
    let r = Renderer {
        source,
        script,
        labels,
        profile,
    };
    r.facts(&mut out);
    r.statements(&mut out);
    r.labels(&mut out);
    r.expansions(&mut out);
    r.errors(&mut out);
    out
}

struct Renderer<'a> {
    source: &'a Source,
    script: &'a Script,
    labels: &'a LabelIndex,
    profile: Profile,
}

/// Quote a span's text for display.
fn quote(source: &Source, span: Span) -> String {
    let mut s = String::from("`");
    let bytes = source.slice(span);
    let shown = decode_display(&bytes[..bytes.len().min(MAX_TEXT)]);
    for c in shown.chars() {
        match c {
            '\n' => s.push('␊'),
            '\t' => s.push('␉'),
            _ => s.push(c),
        }
    }
    if bytes.len() > MAX_TEXT {
        s.push('…');
    }
    s.push('`');
    s
}

fn kebab(kind: SyntaxErrorKind) -> String {
    let name = format!("{kind:?}");
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

impl Renderer<'_> {
    fn q(&self, span: Span) -> String {
        quote(self.source, span)
    }

    fn lc(&self, offset: usize) -> String {
        let (l, c) = self.source.line_col(offset);
        format!("{l}:{c}")
    }

    fn facts(&self, out: &mut String) {
        let f = self.source.facts();
        let profile = match self.profile {
            Profile::Nt => "nt (cmd.exe)",
            Profile::Win9x => "win9x (COMMAND.COM)",
        };
        let _ = writeln!(out, "# smslint dump, label rules: {profile}");
        let _ = write!(
            out,
            "file: {} bytes, {} lines (CRLF {}, LF {})",
            self.source.len(),
            self.source.line_count(),
            f.crlf_lines,
            f.lf_lines
        );
        if f.utf8_bom {
            out.push_str(", UTF-8 BOM");
        }
        if f.utf16_bom {
            out.push_str(", UTF-16 BOM");
        }
        if let Some(&n) = f.nul.first() {
            let _ = write!(out, ", NUL at {} (reading stops there)", self.lc(n));
        }
        if let Some(&c) = f.lone_cr.first() {
            let _ = write!(
                out,
                ", {} lone CR (first at {})",
                f.lone_cr.len(),
                self.lc(c)
            );
        }
        if let Some(&z) = f.ctrl_z.first() {
            let _ = write!(out, ", {} Ctrl-Z (first at {})", f.ctrl_z.len(), self.lc(z));
        }
        if f.high_bytes {
            out.push_str(", bytes >= 0x80 (shown as Windows-1252)");
        }
        out.push('\n');
    }

    fn statements(&self, out: &mut String) {
        let script = self.script;
        let n = script.stmts.len();
        let _ = writeln!(out, "\nstatements: {n}");
        let mut depth = vec![0usize; n];
        let mut top = vec![0usize; n];
        for i in 0..n {
            match script.stmts[i].parent() {
                Some(p) if p.index() < i => {
                    depth[i] = depth[p.index()] + 1;
                    top[i] = top[p.index()];
                }
                _ => top[i] = i,
            }
        }
        for (i, stmt) in script.stmts.iter().enumerate() {
            let d = depth[i];
            let _ = write!(out, "  {:<9}", self.lc(stmt.span.start()));
            if d > MAX_INDENT {
                let _ = write!(out, "{}[depth {d}] ", "  ".repeat(MAX_INDENT));
            } else {
                out.push_str(&"  ".repeat(d));
            }
            out.push_str(match stmt.connector {
                Connector::None => "",
                Connector::Amp => "& ",
                Connector::AndAnd => "&& ",
                Connector::OrOr => "|| ",
                Connector::Pipe => "| ",
            });
            out.push_str(&self.role(StmtId(i as u32), stmt));
            if stmt.at().is_some() {
                out.push('@');
            }
            let from_line = {
                let t = &script.stmts[top[i]].span;
                self.source
                    .line_of(t.end().saturating_sub(1).max(t.start()))
            };
            out.push_str(&self.kind(stmt, from_line));
            for r in stmt.redirects() {
                let _ = write!(out, "  redirect {}", self.q(r.span));
            }
            out.push('\n');
        }
    }

    /// `then:` / `else:` / `do:` before the first statement of an if/for part.
    fn role(&self, id: StmtId, stmt: &Stmt) -> String {
        let Some(p) = stmt.parent() else {
            return String::new();
        };
        match &self.script.stmt(p).kind {
            StmtKind::If(f) if f.then == Some(id) => "then: ".into(),
            StmtKind::If(f) if f.else_.map(|e| e.1) == Some(id) => "else: ".into(),
            StmtKind::For(f) if f.body == Some(id) => "do: ".into(),
            _ => String::new(),
        }
    }

    fn words(&self, ws: &[Word]) -> String {
        ws.iter()
            .map(|w| self.q(w.span))
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn jump(&self, target: &JumpTarget, from_line: usize) -> String {
        match target {
            JumpTarget::Eof => match self.profile {
                Profile::Nt => ":eof -> EOF".into(),
                Profile::Win9x => match self.labels.resolve(b"eof", from_line, self.profile) {
                    Some(d) => format!(":eof -> line {} (COMMAND.COM has no :eof)", d.line),
                    None => ":eof -> unresolved (COMMAND.COM has no :eof)".into(),
                },
            },
            JumpTarget::Missing => "(no target) -> missing".into(),
            JumpTarget::Dynamic { name } => format!("{} -> dynamic", self.q(*name)),
            JumpTarget::Label { name, key: k } => {
                let res = match self.labels.resolve(k, from_line, self.profile) {
                    Some(d) => format!("line {}", d.line),
                    None => "unresolved".into(),
                };
                format!("{} -> {res}", self.q(*name))
            }
        }
    }

    fn cond(&self, c: &Condition) -> String {
        match c {
            Condition::Errorlevel { level, value, .. } => match value {
                Some(v) => format!("errorlevel {} (exit code >= {v})", self.q(level.span)),
                None => format!("errorlevel {}", self.q(level.span)),
            },
            Condition::Exist { path, .. } => format!("exist {}", self.q(path.span)),
            Condition::Defined { var, .. } => format!("defined {}", self.q(var.span)),
            Condition::CmdExtVersion { version, .. } => {
                format!("cmdextversion {}", self.q(version.span))
            }
            Condition::Compare { lhs, op, rhs, .. } => {
                let op = match op {
                    CmpOp::EqEq => "==",
                    CmpOp::Equ => "EQU",
                    CmpOp::Neq => "NEQ",
                    CmpOp::Lss => "LSS",
                    CmpOp::Leq => "LEQ",
                    CmpOp::Gtr => "GTR",
                    CmpOp::Geq => "GEQ",
                    CmpOp::FromVar => "%op%",
                };
                format!("{} {op} {}", self.q(lhs.span), self.q(rhs.span))
            }
            Condition::Invalid { span } => format!("(invalid condition {})", self.q(*span)),
            Condition::Opaque { span } => format!("(condition from {})", self.q(*span)),
        }
    }

    fn kind(&self, stmt: &Stmt, from_line: usize) -> String {
        match &stmt.kind {
            StmtKind::Label(l) => {
                let mut s = format!("label {}", self.q(l.name));
                if let Some(r) = l.rest {
                    let _ = write!(s, " ignored {}", self.q(r));
                }
                s
            }
            StmtKind::Comment(c) => match c.style {
                CommentStyle::Rem => format!("rem {}", self.q(c.text)),
                CommentStyle::DoubleColon => format!(":: {}", self.q(c.text)),
            },
            StmtKind::Block(b) => match b.close {
                Some(c) => format!("block of {} closes at {}", b.body.len(), self.lc(c.start())),
                None => format!("block of {} never closed", b.body.len()),
            },
            StmtKind::Echo(e) => match (e.mode, e.separator) {
                (Some(true), _) => "echo on".into(),
                (Some(false), _) => "echo off".into(),
                (None, None) => "echo (no text: shows the echo state)".into(),
                (None, Some(sep)) if crate::syntax::parse::is_delim(sep) => {
                    format!("echo {}", self.q(e.text))
                }
                (None, Some(sep)) => format!("echo{} {}", sep as char, self.q(e.text)),
            },
            StmtKind::Goto(g) => {
                let mut s = format!("goto {}", self.jump(&g.target, from_line));
                if let Some(i) = g.ignored {
                    let _ = write!(s, " ignored {}", self.q(i));
                }
                s
            }
            StmtKind::Call(c) => match &c.target {
                CallTarget::Label { target, args } => {
                    let mut s = format!("call :{}", self.jump(target, from_line));
                    if !args.is_empty() {
                        let _ = write!(s, " args {}", self.words(args));
                    }
                    s
                }
                CallTarget::External { program, args } => {
                    let mut s = format!("call program {}", self.q(program.span));
                    if !args.is_empty() {
                        let _ = write!(s, " args {}", self.words(args));
                    }
                    s
                }
                CallTarget::Missing => "call (nothing to call)".into(),
            },
            StmtKind::If(f) => {
                let mut s = String::from("if ");
                if f.case_insensitive.is_some() {
                    s.push_str("/i ");
                }
                if f.not.is_some() {
                    s.push_str("not ");
                }
                s.push_str(&self.cond(&f.condition));
                if f.then.is_none() {
                    s.push_str(" (no then-command)");
                }
                s
            }
            StmtKind::For(f) => {
                let mut s = String::from("for ");
                for (sw, _) in &f.switches {
                    s.push_str(match sw {
                        ForSwitch::D => "/d ",
                        ForSwitch::R => "/r ",
                        ForSwitch::L => "/l ",
                        ForSwitch::F => "/f ",
                    });
                }
                if let Some(o) = f.options {
                    let _ = write!(s, "options {} ", self.q(o.span));
                }
                let _ = write!(s, "{} in {}", self.q(f.var), self.q(f.set));
                if f.body.is_none() {
                    s.push_str(" (no body)");
                }
                s
            }
            StmtKind::Set(x) => {
                let name = x.name.map(|n| self.q(n)).unwrap_or_default();
                let quoted = if x.quoted { " (quoted form)" } else { "" };
                match x.kind {
                    SetKind::Assign => format!(
                        "set name {name} value {}{quoted}",
                        x.value.map(|v| self.q(v)).unwrap_or_default()
                    ),
                    SetKind::Arith => format!(
                        "set /a {}",
                        x.expr
                            .map(|v| self.q(v))
                            .unwrap_or_else(|| "(empty)".into())
                    ),
                    SetKind::Prompt => format!(
                        "set /p name {name} prompt {}{quoted}",
                        x.value.map(|v| self.q(v)).unwrap_or_default()
                    ),
                    SetKind::List => {
                        if name.is_empty() {
                            "set (list all variables)".into()
                        } else {
                            format!("set (list variables starting with {name})")
                        }
                    }
                }
            }
            StmtKind::Setlocal(s) => {
                if s.args.is_empty() {
                    "setlocal".into()
                } else {
                    format!("setlocal {}", self.words(&s.args))
                }
            }
            StmtKind::Endlocal => "endlocal".into(),
            StmtKind::Exit(e) => {
                let mut s = String::from("exit");
                if e.b.is_some() {
                    s.push_str(" /b");
                }
                if let Some(c) = e.code {
                    let _ = write!(s, " code {}", self.q(c.span));
                }
                s
            }
            StmtKind::Simple(c) => {
                let mut s = format!("command {}", self.q(c.name.span));
                if !c.args.is_empty() {
                    let _ = write!(s, " args {}", self.words(&c.args));
                }
                s
            }
            StmtKind::StrayClose => format!("stray ) line ignored {}", self.q(stmt.span)),
            StmtKind::RedirectOnly => "redirections only (no command)".into(),
        }
    }

    fn labels(&self, out: &mut String) {
        let defs = &self.labels.defs;
        let _ = writeln!(out, "\nlabels (as GOTO finds them): {}", defs.len());
        // Lines where the command reader sees a label, and whether it is inside a block.
        let mut exec: HashMap<usize, bool> = HashMap::default();
        for s in &self.script.stmts {
            if let StmtKind::Label(l) = &s.kind {
                exec.insert(self.source.line_of(l.colon.start()), s.parent().is_some());
            }
        }
        let mut first_by_key: HashMap<Vec<u8>, usize> = HashMap::default();
        for d in defs {
            let _ = write!(out, "  {:<9}:{}", self.lc(d.colon.start()), {
                let q = self.q(d.name);
                q[1..q.len() - 1].to_string()
            });
            if !d.found_by(self.profile) {
                out.push_str("  (after the line's first byte: COMMAND.COM does not find it)\n");
                continue;
            }
            if d.prefixed {
                out.push_str("  (after the line's first byte, which cmd.exe ignores)");
            }
            let k = key(&d.folded, self.profile);
            match first_by_key.get(&k) {
                Some(line) => {
                    let _ = write!(out, "  (duplicate of line {line})");
                }
                None => {
                    first_by_key.insert(k, d.line);
                }
            }
            match exec.get(&d.line) {
                Some(true) => out.push_str("  (inside a block)"),
                Some(false) => {}
                None => out.push_str("  (not a label when executed)"),
            }
            out.push('\n');
        }
    }

    fn expansions(&self, out: &mut String) {
        let ex = &self.script.expansions;
        let _ = writeln!(out, "\nexpansions: {}", ex.len());
        for e in ex {
            let kind = match e.kind {
                ExpansionKind::Var => "var",
                ExpansionKind::Arg => "arg",
                ExpansionKind::AllArgs => "all-args",
                ExpansionKind::ArgModifier => "arg-modifier",
                ExpansionKind::ForVar => "for-var",
                ExpansionKind::Percent => "percent",
                ExpansionKind::Delayed => "delayed",
                ExpansionKind::Lone => "lone-percent",
            };
            let _ = writeln!(
                out,
                "  {:<9}{kind} {}",
                self.lc(e.span.start()),
                self.q(e.span)
            );
        }
    }

    fn errors(&self, out: &mut String) {
        let errs = &self.script.errors;
        let _ = writeln!(out, "\nsyntax errors: {}", errs.len());
        for e in errs {
            let _ = writeln!(
                out,
                "  {:<9}{}: {}",
                self.lc(e.span.start()),
                kebab(e.kind),
                e.message
            );
        }
    }
}
