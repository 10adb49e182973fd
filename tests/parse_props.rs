//! Properties of the parser on any input: it never panics, every span lies inside the file,
//! the arena is well formed; and deterministic stress cases (deep nesting, 5 MB lines) that
//! must not overflow the stack of a normal test thread.

use proptest::prelude::*;
use smslint::source::{Source, Span};
use smslint::syntax::ast::*;
use smslint::syntax::dump::render_with;
use smslint::syntax::labels::{LabelIndex, Profile};

/// Every span of a statement, its words, redirections and sub-parts.
fn spans(stmt: &Stmt) -> Vec<Span> {
    let mut v = vec![stmt.span];
    v.extend(stmt.at());
    let word = |v: &mut Vec<Span>, w: &Word| v.push(w.span);
    for r in stmt.redirects() {
        v.push(r.span);
        if let Some(t) = &r.target {
            word(&mut v, t);
        }
    }
    let jump = |v: &mut Vec<Span>, t: &JumpTarget| match t {
        JumpTarget::Label { name, .. } | JumpTarget::Dynamic { name } => v.push(*name),
        JumpTarget::Eof | JumpTarget::Missing => {}
    };
    match &stmt.kind {
        StmtKind::Label(l) => {
            v.push(l.colon);
            v.push(l.name);
            v.extend(l.rest);
        }
        StmtKind::Comment(c) => v.push(c.text),
        StmtKind::Block(b) => {
            v.push(b.open);
            v.extend(b.close);
        }
        StmtKind::Echo(e) => {
            v.push(e.keyword);
            v.push(e.text);
        }
        StmtKind::Goto(g) => {
            v.push(g.keyword);
            jump(&mut v, &g.target);
            v.extend(g.ignored);
        }
        StmtKind::Call(c) => {
            v.push(c.keyword);
            match &c.target {
                CallTarget::Label { target, args } => {
                    jump(&mut v, target);
                    args.iter().for_each(|w| word(&mut v, w));
                }
                CallTarget::External { program, args } => {
                    word(&mut v, program);
                    args.iter().for_each(|w| word(&mut v, w));
                }
                CallTarget::Missing => {}
            }
        }
        StmtKind::If(f) => {
            v.push(f.keyword);
            v.extend(f.case_insensitive);
            v.extend(f.not);
            match &f.condition {
                Condition::Errorlevel { keyword, level, .. } => {
                    v.push(*keyword);
                    word(&mut v, level);
                }
                Condition::Exist { keyword, path } => {
                    v.push(*keyword);
                    word(&mut v, path);
                }
                Condition::Defined { keyword, var } => {
                    v.push(*keyword);
                    word(&mut v, var);
                }
                Condition::CmdExtVersion { keyword, version } => {
                    v.push(*keyword);
                    word(&mut v, version);
                }
                Condition::Compare {
                    lhs, op_span, rhs, ..
                } => {
                    word(&mut v, lhs);
                    v.push(*op_span);
                    word(&mut v, rhs);
                }
                Condition::Invalid { span } | Condition::Opaque { span } => v.push(*span),
            }
            if let Some((kw, _)) = f.else_ {
                v.push(kw);
            }
        }
        StmtKind::For(f) => {
            v.push(f.keyword);
            v.extend(f.switches.iter().map(|s| s.1));
            if let Some(o) = &f.options {
                word(&mut v, o);
            }
            v.push(f.var);
            v.push(f.set);
        }
        StmtKind::Set(s) => {
            v.push(s.keyword);
            v.extend(s.switch);
            v.extend(s.name);
            v.extend(s.eq);
            v.extend(s.value);
            v.extend(s.expr);
        }
        StmtKind::Setlocal(s) => {
            v.push(s.keyword);
            s.args.iter().for_each(|w| word(&mut v, w));
        }
        StmtKind::Exit(e) => {
            v.push(e.keyword);
            v.extend(e.b);
            if let Some(c) = &e.code {
                word(&mut v, c);
            }
        }
        StmtKind::Simple(s) => {
            word(&mut v, &s.name);
            s.args.iter().for_each(|w| word(&mut v, w));
        }
        StmtKind::Endlocal | StmtKind::StrayClose | StmtKind::RedirectOnly => {}
    }
    v
}

/// Child ids a statement refers to.
fn children(stmt: &Stmt) -> Vec<StmtId> {
    match &stmt.kind {
        StmtKind::Block(b) => b.body.clone(),
        StmtKind::If(f) => f.then.into_iter().chain(f.else_.map(|e| e.1)).collect(),
        StmtKind::For(f) => f.body.into_iter().collect(),
        _ => Vec::new(),
    }
}

/// Parse, index labels and render; check every structural invariant.
fn check(bytes: &[u8]) {
    let source = Source::new(bytes.to_vec());
    let script = smslint::syntax::parse(&source);
    let labels = LabelIndex::build(&source);
    let len = bytes.len();
    let inside = |s: Span, what: &str| {
        assert!(s.start() <= s.end(), "{what}: span {s} runs backwards");
        assert!(
            s.end() <= len,
            "{what}: span {s} ends past the file ({len} bytes)"
        );
    };
    let n = script.stmts.len();
    let mut prev_start = 0;
    for (i, stmt) in script.stmts.iter().enumerate() {
        for s in spans(stmt) {
            inside(s, &format!("stmt {i} {:?}", stmt.kind));
            // Every part lies inside its statement.
            assert!(
                stmt.span.start() <= s.start() && s.end() <= stmt.span.end(),
                "stmt {i}: part {s} outside the statement {}",
                stmt.span
            );
        }
        if let Some(c) = stmt.connector_span() {
            inside(c, "connector");
            assert!(
                c.end() <= stmt.span.start(),
                "connector after its statement"
            );
            assert_ne!(stmt.connector, Connector::None);
        }
        assert!(
            stmt.span.start() >= prev_start,
            "stmts not in source order at {i}"
        );
        prev_start = stmt.span.start();
        if let Some(p) = stmt.parent() {
            assert!(p.index() < i, "parent {p:?} of {i} does not come first");
            let ps = script.stmts[p.index()].span;
            assert!(
                ps.start() <= stmt.span.start() && stmt.span.end() <= ps.end(),
                "stmt {i} {} outside its parent {ps}",
                stmt.span
            );
        }
        for c in children(stmt) {
            assert!(c.index() < n, "dangling child id");
            assert_eq!(script.stmts[c.index()].parent(), Some(StmtId(i as u32)));
        }
    }
    for id in &script.top {
        assert!(id.index() < n);
        assert_eq!(
            script.stmt(*id).parent(),
            None,
            "top statement with a parent"
        );
    }
    assert_eq!(
        script.top.len(),
        script.stmts.iter().filter(|s| s.parent().is_none()).count(),
        "top must list every statement without a parent"
    );
    let mut last = 0;
    for e in &script.expansions {
        inside(e.span, "expansion");
        assert!(e.span.start() >= last, "expansions not sorted");
        last = e.span.start();
    }
    for e in &script.errors {
        inside(e.span, "syntax error");
    }
    for d in &labels.defs {
        inside(d.name, "label name");
        inside(d.colon, "label colon");
        assert!(!d.folded.is_empty());
        assert_eq!(source.line_of(d.colon.start()), d.line);
    }
    // Rendering never panics either.
    let _ = render_with(&source, &script, &labels, Profile::Nt);
    let _ = render_with(&source, &script, &labels, Profile::Win9x);
}

/// Bytes that matter to the reader, so random inputs hit real structure.
fn interesting() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just(b"(".to_vec()),
        Just(b")".to_vec()),
        Just(b"^".to_vec()),
        Just(b"\"".to_vec()),
        Just(b"%".to_vec()),
        Just(b"%%".to_vec()),
        Just(b"!".to_vec()),
        Just(b"&".to_vec()),
        Just(b"|".to_vec()),
        Just(b">".to_vec()),
        Just(b"2>&1".to_vec()),
        Just(b"<".to_vec()),
        Just(b":".to_vec()),
        Just(b"::".to_vec()),
        Just(b" ".to_vec()),
        Just(b"=".to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b"\n".to_vec()),
        Just(b"\r".to_vec()),
        Just(vec![0x1A]),
        Just(vec![0x00]),
        Just(vec![0xFF]),
        Just(b"if ".to_vec()),
        Just(b"if /i not ".to_vec()),
        Just(b"==".to_vec()),
        Just(b" else ".to_vec()),
        Just(b"errorlevel ".to_vec()),
        Just(b"for %%a in ".to_vec()),
        Just(b" do ".to_vec()),
        Just(b"for /f ".to_vec()),
        Just(b"goto ".to_vec()),
        Just(b"call ".to_vec()),
        Just(b"set ".to_vec()),
        Just(b"set /a ".to_vec()),
        Just(b"echo".to_vec()),
        Just(b"echo(".to_vec()),
        Just(b"rem ".to_vec()),
        Just(b"exit /b ".to_vec()),
        Just(b"setlocal".to_vec()),
        Just(b"@".to_vec()),
        Just(b"x".to_vec()),
        Just(b"%~dp0".to_vec()),
        Just(b"%OS%".to_vec()),
        any::<u8>().prop_map(|b| vec![b]),
    ];
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check(&bytes);
    }

    #[test]
    fn structured_noise_keeps_invariants(bytes in interesting()) {
        check(&bytes);
    }
}

#[test]
fn ten_thousand_nested_blocks_across_lines() {
    let mut s = Vec::new();
    for _ in 0..10_000 {
        s.extend_from_slice(b"(\r\n");
    }
    s.extend_from_slice(b"echo deep\r\n");
    for _ in 0..10_000 {
        s.extend_from_slice(b")\r\n");
    }
    check(&s);
    let script = smslint::syntax::parse(&Source::new(s));
    assert_eq!(script.stmts.len(), 10_001);
    assert!(script.errors.is_empty(), "{:?}", script.errors.first());
    assert_eq!(script.top.len(), 1);
}

#[test]
fn ten_thousand_nested_blocks_on_one_line_unclosed() {
    let mut s = b"if 1==1 ".to_vec();
    s.extend(std::iter::repeat(b'(').take(10_000));
    s.extend_from_slice(b"echo x");
    check(&s);
    let script = smslint::syntax::parse(&Source::new(s));
    assert_eq!(
        script
            .errors
            .iter()
            .filter(|e| e.kind == SyntaxErrorKind::UnclosedBlock)
            .count(),
        10_000
    );
}

#[test]
fn five_megabyte_line_of_chained_ifs() {
    let mut s = Vec::with_capacity(5 << 20);
    while s.len() < 5 << 20 {
        s.extend_from_slice(b"if 1==1 ");
    }
    s.extend_from_slice(b"echo deep\r\n");
    let source = Source::new(s);
    let script = smslint::syntax::parse(&source);
    let ifs = script
        .stmts
        .iter()
        .filter(|s| matches!(s.kind, StmtKind::If(_)))
        .count();
    assert_eq!(ifs, (5 << 20) / 8);
    assert!(matches!(
        script.stmts.last().map(|s| &s.kind),
        Some(StmtKind::Echo(_))
    ));
    assert!(script.errors.is_empty());
    // Dropping and rendering a deep tree is iterative too.
    let labels = LabelIndex::build(&source);
    let out = render_with(&source, &script, &labels, Profile::Nt);
    assert!(out.contains("[depth 655359]"));
}

#[test]
fn five_megabyte_plain_line() {
    let mut s = b"echo ".to_vec();
    s.extend(std::iter::repeat(b'a').take(5 << 20));
    s.extend_from_slice(b" & goto end\r\n:end\r\n");
    check(&s);
    let source = Source::new(s);
    let script = smslint::syntax::parse(&source);
    assert_eq!(script.stmts.len(), 3);
}

#[test]
fn five_megabyte_line_of_parentheses_and_carets() {
    let mut s = Vec::with_capacity(5 << 20);
    while s.len() < 5 << 20 {
        s.extend_from_slice(b"(echo ^& %x% \"q\" ");
    }
    check(&s);
}
