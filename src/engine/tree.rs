//! The tree of a `check` run (issue 9): which files form it, reading each into its summary
//! (in parallel), resolving the tree once, and the settings each checked file is then linted
//! with. The analysis itself is `crate::tree`; this file only gathers its inputs.
//!
//! The tree of a named path is every `*.bat`/`*.cmd` under its project root: the directory
//! of the smslint.toml in effect, else the git work tree, else the named directory (a named
//! file with neither is a tree of its own). When only some files are named (pre-commit passes
//! the changed ones), the rest of the tree is read for the call graph only.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::config::{self, ResolvedSettings};
use super::discover::{self, Input, InputKind};
use super::{display_path, Analysis, ConfigCache, Overrides};
use crate::rules::LintSettings;
use crate::source::Source;
use crate::tree::{calls, guards::Win9xView, Decider, FileFacts, Member, Targets, Tree};

/// The git work tree `dir` lies in: the nearest ancestor with a `.git` entry.
pub fn git_work_tree(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .find(|d| d.join(".git").exists())
        .map(Path::to_path_buf)
}

/// The project root of a named path (absolute).
fn project_root(
    named: &Path,
    is_dir: bool,
    configs: &mut ConfigCache,
) -> miette::Result<Option<PathBuf>> {
    let abs = config::absolute(named);
    let dir = if is_dir {
        abs.clone()
    } else {
        abs.parent().map(Path::to_path_buf).unwrap_or_default()
    };
    if let Some(cfg) = configs.for_dir(&dir)? {
        let root = cfg.dir();
        // A config found from the working directory for a path outside it says nothing
        // about that path's tree.
        if abs.starts_with(&root) {
            return Ok(Some(root));
        }
    }
    if let Some(git) = git_work_tree(&dir) {
        return Ok(Some(git));
    }
    Ok(is_dir.then_some(abs))
}

/// One file of the run: what it is and whether its findings are reported.
pub struct TreeInput {
    pub input: Input,
    /// Named (or below a named directory): its findings are reported.
    pub lint: bool,
}

/// The files of the run's trees: the named inputs (reported) and every other batch file
/// under their project roots (read for the call graph).
pub fn tree_inputs(
    named: Vec<Input>,
    named_paths: &[PathBuf],
    configs: &mut ConfigCache,
) -> miette::Result<Vec<TreeInput>> {
    let mut roots: Vec<PathBuf> = Vec::new();
    for p in named_paths {
        if p.as_os_str() == "-" {
            continue;
        }
        let is_dir = p.is_dir();
        if let Some(r) = project_root(p, is_dir, configs)? {
            roots.push(r);
        }
    }
    roots.sort();
    roots.dedup();
    // A root inside another root is walked with it.
    let mut outer: Vec<PathBuf> = Vec::new();
    for r in roots {
        if !outer.iter().any(|o| r.starts_with(o)) {
            outer.push(r);
        }
    }
    let mut seen: HashMap<PathBuf, usize> = HashMap::new();
    let mut out: Vec<TreeInput> = Vec::new();
    for input in named {
        let key = config::absolute(&input.path);
        if seen.contains_key(&key) && input.kind == InputKind::File {
            continue;
        }
        seen.insert(key, out.len());
        out.push(TreeInput { input, lint: true });
    }
    for root in outer {
        let found = discover::batch_files(&root, configs)?;
        for mut input in found.inputs {
            let key = config::absolute(&input.path);
            if seen.contains_key(&key) {
                continue;
            }
            input.display = display_path(&key);
            seen.insert(key, out.len());
            out.push(TreeInput {
                input,
                lint: false,
            });
        }
    }
    Ok(out)
}

/// The tree's member for one input, from its bytes.
pub fn member(input: &Input, settings: &ResolvedSettings, source: &Source) -> Member {
    let analysis = Analysis::of(source);
    summarize_member(input, settings, source, &analysis)
}

/// The tree's member for one input already analysed.
pub fn summarize_member(
    input: &Input,
    settings: &ResolvedSettings,
    source: &Source,
    analysis: &Analysis,
) -> Member {
    let view = Win9xView::build(source, &analysis.script, &analysis.flow);
    let summary = calls::summarize(
        source,
        &analysis.script,
        &analysis.flow,
        &view,
        settings.lint.sms_settings(),
    );
    Member {
        path: config::absolute(&input.path),
        display: input.display.clone(),
        logon_script: settings.lint.logon_script,
        explicit: settings.explicit_targets,
        netlogon_complete: settings.netlogon_complete,
        summary,
    }
}

/// Read every file of the run into the tree (in parallel) and resolve it. Returns the tree
/// and, per input, its settings; unreadable files become error lines when they are reported,
/// and are left out of the tree otherwise.
pub fn build(
    inputs: &[TreeInput],
    ov: &Overrides,
    stdin: Option<&[u8]>,
) -> (Tree, Vec<Option<usize>>, Vec<String>) {
    let read: Vec<Result<Option<Member>, String>> = inputs
        .par_iter()
        .map(|t| {
            let bytes = match read_input(&t.input, stdin) {
                Ok(b) => b,
                Err(e) if t.lint => return Err(e),
                Err(_) => return Ok(None),
            };
            let settings = ResolvedSettings::for_file(t.input.config.as_deref(), ov, &t.input.path);
            let source = Source::new(bytes);
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                member(&t.input, &settings, &source)
            }))
            .map(Some)
            .map_err(|_| internal_error(&t.input))
        })
        .collect();
    let mut members = Vec::new();
    let mut index = Vec::with_capacity(inputs.len());
    let mut errors = Vec::new();
    for r in read {
        match r {
            Ok(Some(m)) => {
                index.push(Some(members.len()));
                members.push(m);
            }
            Ok(None) => index.push(None),
            Err(e) => {
                errors.push(e);
                index.push(None);
            }
        }
    }
    (Tree::build(members), index, errors)
}

/// The bytes of an input.
pub fn read_input(input: &Input, stdin: Option<&[u8]>) -> Result<Vec<u8>, String> {
    match input.kind {
        InputKind::Stdin => stdin
            .map(<[u8]>::to_vec)
            .ok_or_else(|| format!("{}: standard input could not be read", input.display)),
        InputKind::File => std::fs::read(&input.path)
            .map_err(|e| format!("{}: cannot read: {e}", input.display)),
    }
}

pub fn internal_error(input: &Input) -> String {
    format!(
        "{}: internal error while checking this file (a bug in smslint; please report it)",
        input.display
    )
}

/// The settings a file is linted with: its own, with the targets, the NT 4.0 client fact and
/// the tree's facts filled in.
pub fn with_facts(base: &LintSettings, member: &Member, facts: Arc<FileFacts>) -> LintSettings {
    let mut s = base.clone();
    let nt = match facts.decided_by {
        Decider::Flag | Decider::PerFileConfig | Decider::Config => {
            member.explicit.map(|(t, _)| t.nt).unwrap_or(true)
        }
        Decider::Pragma => member.summary.pragma.map(|t| t.nt).unwrap_or(true),
        _ => true,
    };
    s.targets = Targets {
        nt,
        win9x: facts.win9x,
    };
    s.nt4_client = facts.logon_reached || base.logon_script;
    s.tree = facts;
    s
}
