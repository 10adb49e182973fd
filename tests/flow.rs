//! Flow analysis over real parses: reachability, jump resolution, NT-only regions.

use smslint::flow::{Flow, Node, Resolution};
use smslint::source::Source;
use smslint::syntax::ast::{Script, StmtId, StmtKind};
use smslint::syntax::labels::LabelIndex;

struct Analysed {
    source: Source,
    script: Script,
    flow: Flow,
}

fn analyse(text: &str) -> Analysed {
    let source = Source::new(text.replace('\n', "\r\n").into_bytes());
    let script = smslint::syntax::parse(&source);
    let labels = LabelIndex::build(&source);
    let flow = Flow::build(&source, &script, &labels);
    Analysed {
        source,
        script,
        flow,
    }
}

impl Analysed {
    /// Lines (1-based) of statements matching `pred`.
    fn lines(&self, pred: impl Fn(StmtId) -> bool) -> Vec<usize> {
        let mut v: Vec<usize> = self
            .script
            .ids()
            .filter(|id| !matches!(self.script.stmt(*id).kind, StmtKind::Block(_)))
            .filter(|id| pred(*id))
            .map(|id| self.source.line_of(self.script.stmt(id).span.start()))
            .collect();
        v.dedup();
        v
    }
    fn unreachable_lines(&self) -> Vec<usize> {
        self.lines(|id| !self.flow.is_reachable(id))
    }
    fn nt_only_lines(&self) -> Vec<usize> {
        self.lines(|id| self.flow.is_nt_only(id))
    }
    fn stmt_on_line(&self, line: usize) -> StmtId {
        self.script
            .ids()
            .find(|id| self.source.line_of(self.script.stmt(*id).span.start()) == line)
            .expect("a statement on that line")
    }
}

#[test]
fn goto_skips_code_and_subroutines_return() {
    let a = analyse(
        "@echo off\ngoto main\necho dead\n:main\ncall :sub\ngoto :eof\necho dead too\n:sub\necho in sub\ngoto :eof\n",
    );
    assert_eq!(a.unreachable_lines(), vec![3, 7]);
    assert!(a.flow.end_reachable);
}

#[test]
fn missing_label_ends_the_script() {
    let a = analyse("goto nowhere\necho never\n");
    assert_eq!(a.unreachable_lines(), vec![2]);
    let g = a.stmt_on_line(1);
    assert_eq!(a.flow.resolution(g), Some(&Resolution::Unresolved));
}

#[test]
fn goto_resolves_to_next_label_after_it_then_wraps() {
    let a = analyse(":dup\necho one\ngoto dup\n:dup\necho two\ngoto dup\n");
    // line 3 jumps forward to line 4; line 6 wraps to line 1.
    let first = a.stmt_on_line(3);
    let second = a.stmt_on_line(6);
    let target_line = |id| match a.flow.resolution(id) {
        Some(Resolution::Label {
            to: Node::Stmt(s), ..
        }) => a.source.line_of(a.script.stmt(*s).span.start()),
        other => panic!("unexpected {other:?}"),
    };
    assert_eq!(target_line(first), 4);
    assert_eq!(target_line(second), 1);
}

#[test]
fn labels_are_case_insensitive_and_goto_colon_forms_agree() {
    let a = analyse("GOTO :End\necho a\ngoto:END\necho b\ngoto end now please\n:end\n");
    assert_eq!(a.unreachable_lines(), vec![2, 3, 4, 5]);
}

#[test]
fn if_branches_both_reachable_and_exit_ends() {
    let a = analyse("if errorlevel 1 (\n  echo bad\n  exit /b 1\n) else (\n  echo good\n)\necho after\nexit\necho never\n");
    assert_eq!(a.unreachable_lines(), vec![9]);
}

#[test]
fn goto_inside_block_abandons_the_rest_of_it() {
    let a = analyse("(\n  goto out\n  echo skipped\n)\n:out\necho here\n");
    assert_eq!(a.unreachable_lines(), vec![3]);
}

#[test]
fn conditional_connectors_may_skip() {
    let a =
        analyse("find x y.txt || goto missing\necho found\ngoto :eof\n:missing\necho missing\n");
    assert_eq!(a.unreachable_lines(), Vec::<usize>::new());
}

#[test]
fn dynamic_goto_may_reach_every_label() {
    let a = analyse("goto %choice%\necho never\n:a\necho a\n:b\necho b\n");
    assert_eq!(a.unreachable_lines(), vec![2]);
}

#[test]
fn nt_side_of_os_tests_is_nt_only() {
    let a = analyse(
        "if \"%OS%\"==\"Windows_NT\" goto nt\necho 9x\ngoto end\n:nt\nsetlocal\ngoto end\n:end\n",
    );
    // Line 1: the `goto nt` (the then-command), not the `if` itself.
    assert_eq!(a.nt_only_lines(), vec![1, 4, 5, 6]);
    assert!(!a.flow.is_nt_only(a.stmt_on_line(1)));
}

#[test]
fn negated_os_test_makes_the_fall_through_nt_only() {
    let a =
        analyse("if not \"%OS%\"==\"Windows_NT\" goto dos\nsetlocal\ngoto :eof\n:dos\necho 9x\n");
    assert_eq!(a.nt_only_lines(), vec![2, 3]);
}

#[test]
fn os_test_then_block_is_nt_only_and_else_is_not() {
    let a = analyse("if /i %os%==windows_nt (\n  setlocal\n) else (\n  echo 9x\n)\n");
    assert_eq!(a.nt_only_lines(), vec![2]);
}

#[test]
fn deep_nesting_does_not_overflow() {
    let mut text = String::new();
    for _ in 0..10_000 {
        text.push_str("(\n");
    }
    text.push_str("echo deep\n");
    for _ in 0..10_000 {
        text.push_str(")\n");
    }
    text.push_str("goto x\necho dead\n:x\n");
    let a = analyse(&text);
    assert!(a.flow.reachable.iter().filter(|r| !**r).count() >= 1);
}

#[test]
fn dynamic_jumps_share_one_hub_so_the_graph_stays_linear() {
    // 20,000 dynamic gotos and 20,000 labels: one edge to the hub each, not 400 million.
    let mut text = String::new();
    for i in 0..20_000 {
        text.push_str(&format!(":l{i}\ngoto %next%\n"));
    }
    text.push_str("echo after\n");
    let a = analyse(&text);
    assert!(a.flow.edges.len() < 10 * a.script.stmts.len());
    // Every label is reachable through the hub; the line after the last goto is not.
    assert_eq!(a.unreachable_lines(), vec![40_001]);
}
