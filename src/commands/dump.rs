//! `smslint dump FILE`: how smslint reads a script (`syntax::dump` renders it);
//! `smslint dump --calls PATH`: the call graph of its tree (`tree::dump` renders it).

use smslint::source::Source;
use smslint::syntax::dump::render_with;
use smslint::syntax::labels::{LabelIndex, Profile};
use smslint::Exit;

use super::cli::{DumpArgs, Target};

/// `smslint dump FILE`.
pub fn run(args: &DumpArgs) -> miette::Result<Exit> {
    use std::io::Read as _;
    if args.calls {
        let text = smslint::engine::dump_calls(&args.file)?;
        use std::io::Write as _;
        let _ = std::io::stdout().lock().write_all(text.as_bytes());
        return Ok(Exit::Clean);
    }
    let bytes = if args.file.as_os_str() == "-" {
        let mut v = Vec::new();
        std::io::stdin()
            .read_to_end(&mut v)
            .map_err(|e| miette::miette!("cannot read standard input: {e}"))?;
        smslint::source::check_len(v.len() as u64, smslint::source::MAX_LEN)
            .map_err(|e| miette::miette!("cannot read standard input: {e}"))?;
        v
    } else {
        smslint::source::read_file(&args.file)
            .map_err(|e| miette::miette!("cannot read {}: {e}", args.file.display()))?
    };
    let profile = match args.target {
        Target::Nt => Profile::Nt,
        Target::Win9x => Profile::Win9x,
    };
    let source = Source::new(bytes);
    let script = smslint::syntax::parse(&source);
    let labels = LabelIndex::build(&source);
    let text = render_with(&source, &script, &labels, profile);
    use std::io::Write as _;
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`smslint dump x | head`) is not a failure.
    let _ = stdout.write_all(text.as_bytes());
    Ok(Exit::Clean)
}
