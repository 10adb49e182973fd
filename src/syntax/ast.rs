//! The syntax tree of a batch script, as cmd.exe's phase 2 would build it.
//!
//! The tree is stored flat: every statement lives in [`Script::stmts`] (an arena in source
//! order) and refers to its children by [`StmtId`]. Nothing is recursive, so a script with
//! 10,000 nested blocks neither overflows the stack when it is walked nor when it is dropped.
//! Every node carries the byte span of the original file it was read from; text is read back
//! from the [`crate::source::Source`] through the span, never copied into the tree.

use crate::source::Span;

/// Index of a statement in [`Script::stmts`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StmtId(pub u32);

impl StmtId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A parsed script: statements, expansion atoms and syntax errors.
#[derive(Clone, Debug, Default)]
pub struct Script {
    /// Every statement, in the order its first byte appears in the file.
    pub stmts: Vec<Stmt>,
    /// Top-level statements in execution order.
    pub top: Vec<StmtId>,
    /// `%…%`, `%1`, `%~dp0`, `%*`, `%%x` and `!…!` atoms, sorted by span start.
    pub expansions: Vec<Expansion>,
    /// Problems found while reading; parsing itself never fails.
    pub errors: Vec<SyntaxError>,
}

impl Script {
    pub fn stmt(&self, id: StmtId) -> &Stmt {
        &self.stmts[id.index()]
    }
    /// All statement ids in source order.
    pub fn ids(&self) -> impl Iterator<Item = StmtId> + '_ {
        (0..self.stmts.len() as u32).map(StmtId)
    }
    /// Expansion atoms lying inside `span`.
    pub fn expansions_in(&self, span: Span) -> &[Expansion] {
        let lo = self
            .expansions
            .partition_point(|e| e.span.start() < span.start());
        let hi = self
            .expansions
            .partition_point(|e| e.span.start() < span.end());
        &self.expansions[lo..hi.max(lo)]
    }
}

/// How a statement is joined to the one before it on the same logical line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Connector {
    /// First statement of a logical line or of a block body line.
    #[default]
    None,
    /// `&`
    Amp,
    /// `&&`
    AndAnd,
    /// `||`
    OrOr,
    /// `|`
    Pipe,
}

/// One command (or label / comment / block) with its own span.
///
/// Kept to 64 bytes (the arena holds one per command, several per source line): the large,
/// rarer kinds are boxed, and the rarely present connector span, `@` prefix and
/// redirections share one optional box ([`StmtExtra`]), read through [`Stmt::connector_span`],
/// [`Stmt::at`] and [`Stmt::redirects`].
#[derive(Clone, Debug)]
pub struct Stmt {
    /// From the first byte (including a leading `@`) to the last byte of the command,
    /// including its redirections; for blocks up to and including the closing `)`.
    pub span: Span,
    /// The enclosing statement (a `Block`, `If` or `For`), [`NO_PARENT`] for none; read it
    /// with [`Stmt::parent`] (a bare `u32` keeps every statement 8 bytes smaller than an
    /// `Option<StmtId>`).
    pub(super) parent: u32,
    /// How this statement is joined to the previous one on its logical line.
    pub connector: Connector,
    /// Connector span, `@` prefix and redirections; `None` when the statement has none.
    pub(super) extra: Option<Box<StmtExtra>>,
    pub kind: StmtKind,
}

/// The parts of a [`Stmt`] most statements lack.
#[derive(Clone, Debug, Default)]
pub(super) struct StmtExtra {
    pub(super) connector_span: Option<Span>,
    pub(super) at: Option<Span>,
    pub(super) redirects: Vec<Redirect>,
}

/// [`Stmt::parent`] of a top-level statement (no statement has this id: there are fewer
/// statements than bytes in a file, and files are shorter than `u32::MAX` bytes).
pub(super) const NO_PARENT: u32 = u32::MAX;

impl Stmt {
    /// The enclosing statement (a `Block`, `If` or `For`), if any.
    #[inline]
    pub fn parent(&self) -> Option<StmtId> {
        (self.parent != NO_PARENT).then_some(StmtId(self.parent))
    }
    /// Span of the connector operator (`&`, `&&`, `||`, `|`) before this statement.
    #[inline]
    pub fn connector_span(&self) -> Option<Span> {
        self.extra.as_ref().and_then(|x| x.connector_span)
    }
    /// Span of the `@` prefix(es), if present.
    #[inline]
    pub fn at(&self) -> Option<Span> {
        self.extra.as_ref().and_then(|x| x.at)
    }
    /// Redirections anywhere in the command, in source order.
    #[inline]
    pub fn redirects(&self) -> &[Redirect] {
        self.extra.as_ref().map_or(&[], |x| &x.redirects)
    }
}

#[derive(Clone, Debug)]
pub enum StmtKind {
    /// `:name` as the command parser sees it (an unexecuted label). The label index used by
    /// GOTO is built separately from physical lines (see `labels`).
    Label(Label),
    /// `REM …` or `:: …` (and other `:` lines whose name is empty).
    Comment(Comment),
    /// `( … )` in command position. `close` is `None` when the block never closes.
    /// Boxed, as are `Goto`, `Call`, `If` and `For`: larger than the other kinds.
    Block(Box<Block>),
    Echo(Echo),
    Goto(Box<Goto>),
    Call(Box<Call>),
    If(Box<If>),
    For(Box<For>),
    /// Boxed to keep every [`Stmt`] small (a `Set` is the largest statement kind).
    Set(Box<Set>),
    Setlocal(Setlocal),
    Endlocal,
    Exit(Exit),
    /// Any other command: a program or internal command and its arguments.
    Simple(Simple),
    /// A `)` at top level (paren counter 0): cmd ignores the rest of the line.
    StrayClose,
    /// A command consisting only of redirections (cmd rejects it).
    RedirectOnly,
}

#[derive(Clone, Debug)]
pub struct Label {
    /// The `:` byte.
    pub colon: Span,
    /// The name bytes (after skipped delimiters, before the stop character).
    pub name: Span,
    /// The bytes after the name that cmd ignores.
    pub rest: Option<Span>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CommentStyle {
    /// `REM`, any case.
    Rem,
    /// `::` or `:` followed by a stop character (a label that can never be jumped to).
    DoubleColon,
}

#[derive(Clone, Debug)]
pub struct Comment {
    pub style: CommentStyle,
    /// The comment text after `REM ` / `::`.
    pub text: Span,
}

#[derive(Clone, Debug)]
pub struct Block {
    pub open: Span,
    /// Span of the closing `)`, `None` when the block is never closed.
    pub close: Option<Span>,
    /// Statements in the block, in execution order.
    pub body: Vec<StmtId>,
}

#[derive(Clone, Debug)]
pub struct Echo {
    /// The `echo` keyword.
    pub keyword: Span,
    /// `echo on` / `echo off` (any case); `None` for other text.
    pub mode: Option<bool>,
    /// The separator glued to `echo`: one of `( . / : , ; = + [ ] \`, or a delimiter.
    pub separator: Option<u8>,
    /// The echoed text (may be empty).
    pub text: Span,
}

/// Where a GOTO or `CALL :` goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JumpTarget {
    /// `goto :eof` (with the colon, any case): end of file / return from `call :`.
    Eof,
    /// A static label name; `key` is the name as written (carets removed), not yet case-folded.
    Label { name: Span, key: Vec<u8> },
    /// The target contains a `%…%`, `%1` or `!…!` expansion: not known statically.
    Dynamic { name: Span },
    /// `goto` with nothing after it.
    Missing,
}

#[derive(Clone, Debug)]
pub struct Goto {
    pub keyword: Span,
    pub target: JumpTarget,
    /// Words after the target that cmd ignores (`goto end now please`).
    pub ignored: Option<Span>,
}

#[derive(Clone, Debug)]
pub struct Call {
    pub keyword: Span,
    pub target: CallTarget,
}

#[derive(Clone, Debug)]
pub enum CallTarget {
    /// `call :label args` (also `call ::label`).
    Label { target: JumpTarget, args: Vec<Word> },
    /// `call program args`: another batch file or program, e.g. `call %0\..\smsls`.
    External { program: Word, args: Vec<Word> },
    /// `call` with nothing after it.
    Missing,
}

/// A word of a command line: a run of bytes ended by a delimiter or an operator, with
/// quotes and carets still in the bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word {
    pub span: Span,
    /// Contains a `"`.
    pub quoted: bool,
    /// Contains an expansion atom (`%…%`, `%1`, `%%x`, `!…!`).
    pub dynamic: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    /// `==`
    EqEq,
    Equ,
    Neq,
    Lss,
    Leq,
    Gtr,
    Geq,
    /// A lone `%var%` / `!var!` in the operator place (`if "a" %op% "b"`): phase 1 supplies
    /// the operator; which one is unknown.
    FromVar,
}

#[derive(Clone, Debug)]
pub enum Condition {
    Errorlevel {
        keyword: Span,
        level: Word,
        value: Option<u32>,
    },
    Exist {
        keyword: Span,
        path: Word,
    },
    Defined {
        keyword: Span,
        var: Word,
    },
    CmdExtVersion {
        keyword: Span,
        version: Word,
    },
    Compare {
        lhs: Word,
        op: CmpOp,
        op_span: Span,
        rhs: Word,
    },
    /// The condition could not be read (a syntax error is recorded).
    Invalid {
        span: Span,
    },
    /// The whole `if …` (or `for …`) comes from a `%var%` in command position
    /// (`%_ifexist% (`, where the file sets `_ifexist=if exist "…"`, or a variable the file
    /// never sets): the test is not known, only that the `(` after it opens the command's
    /// block. `span` is the atom; `If::keyword` is the same span.
    Opaque {
        span: Span,
    },
}

impl Condition {
    /// The two sides of a `string1==string2` test (not `EQU` and the other operators).
    pub fn string_eq(&self) -> Option<(&Word, &Word)> {
        match self {
            Condition::Compare {
                lhs,
                op: CmpOp::EqEq,
                rhs,
                ..
            } => Some((lhs, rhs)),
            _ => None,
        }
    }
}

#[derive(Clone, Debug)]
pub struct If {
    pub keyword: Span,
    /// Span of `/i`, if present.
    pub case_insensitive: Option<Span>,
    /// Span of `not`, if present.
    pub not: Option<Span>,
    /// The test (held inline: the `If` itself is boxed in [`StmtKind`]).
    pub condition: Condition,
    /// The command run when the condition holds (a `Block` statement or a single command).
    pub then: Option<StmtId>,
    /// The `else` keyword and its command, if present.
    pub else_: Option<(Span, StmtId)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ForSwitch {
    D,
    R,
    L,
    F,
}

#[derive(Clone, Debug)]
pub struct For {
    pub keyword: Span,
    /// Switches with their spans (`/d`, `/r`, `/l`, `/f`).
    pub switches: Vec<(ForSwitch, Span)>,
    /// The `/r` root or the `/f` options word, when present.
    pub options: Option<Word>,
    /// The loop variable including `%%` / `%`.
    pub var: Span,
    /// The `( … )` set including its parentheses.
    pub set: Span,
    /// The command after `do`.
    pub body: Option<StmtId>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetKind {
    /// `set name=value`, `set "name=value"`
    Assign,
    /// `set /a expr`
    Arith,
    /// `set /p name=prompt`
    Prompt,
    /// `set` or `set prefix`: lists variables.
    List,
}

#[derive(Clone, Debug)]
pub struct Set {
    pub keyword: Span,
    pub kind: SetKind,
    /// Span of the `/a` or `/p` switch.
    pub switch: Option<Span>,
    /// `set "name=value"` form.
    pub quoted: bool,
    /// The variable name bytes (for `Assign`/`Prompt`), as written (may end in spaces).
    pub name: Option<Span>,
    /// The `=` sign.
    pub eq: Option<Span>,
    /// The value bytes (to the end of the command, or to the last quote).
    pub value: Option<Span>,
    /// For `/a`: the expression.
    pub expr: Option<Span>,
}

#[derive(Clone, Debug)]
pub struct Setlocal {
    pub keyword: Span,
    pub args: Box<[Word]>,
}

#[derive(Clone, Debug)]
pub struct Exit {
    pub keyword: Span,
    /// Span of `/b`, if present.
    pub b: Option<Span>,
    pub code: Option<Word>,
}

#[derive(Clone, Debug)]
pub struct Simple {
    /// The command word (program name or internal command), quotes and carets included.
    pub name: Word,
    /// A boxed slice (16 bytes, no spare capacity) keeps [`Stmt`] within 64 bytes.
    pub args: Box<[Word]>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RedirectOp {
    /// `>`
    Out,
    /// `>>`
    Append,
    /// `<`
    In,
    /// `>&n`
    DupOut,
    /// `<&n`
    DupIn,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Redirect {
    /// The whole redirection, handle digit and target included.
    pub span: Span,
    /// An explicit handle digit glued before the operator (`2>`).
    pub handle: Option<u8>,
    pub op: RedirectOp,
    pub target: Option<Word>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExpansionKind {
    /// `%name%`, `%name:~1,2%`, `%name:a=b%`
    Var,
    /// `%0`..`%9`
    Arg,
    /// `%*`
    AllArgs,
    /// `%~dp0` and the other `%~` modifiers
    ArgModifier,
    /// `%%x` (a FOR variable in a batch file)
    ForVar,
    /// `%%` not followed by a FOR variable character: a literal percent.
    Percent,
    /// `!name!` (delayed expansion)
    Delayed,
    /// A lone `%` with no partner (cmd removes it).
    Lone,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Expansion {
    pub span: Span,
    pub kind: ExpansionKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    /// A `(` block that is never closed. Span: the `(`.
    UnclosedBlock,
    /// A `)` that closes nothing inside a block context, or a stray close.
    StrayClose,
    /// A `(` that ends a line as the last argument of a command (`if x do (`): not a block,
    /// so the lines up to the stray `)` that was meant to close it run unconditionally.
    /// Span: the command word to the `(`.
    ParenArgument,
    /// A quote left open at the end of a line where it changes the reading.
    UnterminatedQuote,
    /// `if` whose condition cannot be read.
    BadIf,
    /// `for` without `in (…) do`.
    BadFor,
    /// `else` not directly after a parenthesised then-block.
    MisplacedElse,
    /// A command consisting only of redirections.
    RedirectOnly,
    /// Nesting deeper than the parser follows; the rest of the line is read flat.
    TooDeep,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub span: Span,
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_stay_small() {
        // The arena holds several statements per source line: keep each one cache-line sized.
        assert!(
            std::mem::size_of::<Stmt>() <= 64,
            "{}",
            std::mem::size_of::<Stmt>()
        );
        assert_eq!(std::mem::size_of::<Option<Span>>(), 8);
    }
}
