//! Fuzz the reader: any bytes through `Source::new`, `parse`, `LabelIndex::build` and the
//! `smslint dump` renderer must not panic, and every statement span must lie in the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smslint::source::Source;
use smslint::syntax::dump::render_with;
use smslint::syntax::labels::{LabelIndex, Profile};

fuzz_target!(|data: &[u8]| {
    let source = Source::new(data.to_vec());
    let script = smslint::syntax::parse(&source);
    let labels = LabelIndex::build(&source);
    for stmt in &script.stmts {
        assert!(stmt.span.start() <= stmt.span.end() && stmt.span.end() <= data.len());
    }
    for e in &script.errors {
        assert!(e.span.start() <= e.span.end() && e.span.end() <= data.len());
    }
    let _ = render_with(&source, &script, &labels, Profile::Nt);
    let _ = render_with(&source, &script, &labels, Profile::Win9x);
});
