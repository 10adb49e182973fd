//! Which files `smslint check` reads: named files, `*.bat`/`*.cmd` below named directories
//! (walkdir), standard input.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use walkdir::WalkDir;

use super::config::{self, LoadedConfig, ResolvedSettings};
use super::{CheckOptions, ConfigCache};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputKind {
    File,
    Stdin,
}

/// One input to check.
#[derive(Clone, Debug)]
pub struct Input {
    pub kind: InputKind,
    /// The path as given or discovered (the `--stdin-filename` for standard input); used for
    /// config matching.
    pub path: PathBuf,
    /// The path shown in messages.
    pub display: String,
    /// The smslint.toml in effect for this file.
    pub config: Option<Arc<LoadedConfig>>,
}

/// The inputs found and the paths that could not be read.
#[derive(Debug, Default)]
pub struct Discovered {
    pub inputs: Vec<Input>,
    /// Error lines, each naming a path.
    pub errors: Vec<String>,
}

/// `*.bat` or `*.cmd`, any case.
pub fn is_batch_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("bat") || e.eq_ignore_ascii_case("cmd"))
}

fn shown(path: &Path) -> String {
    let s = path.to_string_lossy();
    s.strip_prefix("./").unwrap_or(&s).replace('\\', "/")
}

fn hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

/// The files `smslint gate` acts on: files named on the command line, and the logon scripts
/// (SMSLS.BAT or `logon_scripts` in the smslint.toml in effect) under directories.
pub fn logon_scripts(paths: &[PathBuf]) -> miette::Result<(Vec<PathBuf>, Vec<String>)> {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut configs = ConfigCache::new(None)?;
    for p in paths {
        if p.is_dir() {
            for entry in walkdir::WalkDir::new(p).sort_by_file_name() {
                let entry = match entry {
                    Ok(e) => e,
                    Err(e) => {
                        errors.push(format!("{}: {e}", p.display()));
                        continue;
                    }
                };
                let path = entry.path();
                if !entry.file_type().is_file() || !is_batch_file(path) {
                    continue;
                }
                let cfg = configs.for_file(path)?;
                let settings = config::ResolvedSettings::for_file(
                    cfg.as_deref(),
                    &config::Overrides::default(),
                    path,
                );
                if settings.lint.logon_script {
                    files.push(path.to_path_buf());
                }
            }
        } else if p.is_file() {
            files.push(p.clone());
        } else {
            errors.push(format!("{}: no such file or directory", p.display()));
        }
    }
    Ok((files, errors))
}

/// Find the inputs of `smslint check`. A bad smslint.toml is a tool failure (`Err`).
pub fn discover(args: &CheckOptions, configs: &mut ConfigCache) -> miette::Result<Discovered> {
    let mut out = Discovered::default();
    for named in &args.paths {
        if named.as_os_str() == "-" {
            let path = args
                .stdin_filename
                .clone()
                .unwrap_or_else(|| PathBuf::from("-"));
            let config = match &args.stdin_filename {
                Some(p) => configs.for_file(p)?,
                None => configs.for_cwd()?,
            };
            if args.force_exclude
                && args.stdin_filename.is_some()
                && ResolvedSettings::excluded(config.as_deref(), &path)
            {
                continue;
            }
            out.inputs.push(Input {
                kind: InputKind::Stdin,
                display: shown(&path),
                path,
                config,
            });
            continue;
        }
        let meta = match std::fs::metadata(named) {
            Ok(m) => m,
            Err(e) => {
                out.errors
                    .push(format!("{}: {}", named.display(), io_reason(&e)));
                continue;
            }
        };
        if !meta.is_dir() {
            let config = configs.for_file(named)?;
            if args.force_exclude && ResolvedSettings::excluded(config.as_deref(), named) {
                continue;
            }
            out.inputs.push(Input {
                kind: InputKind::File,
                path: named.clone(),
                display: shown(named),
                config,
            });
            continue;
        }
        walk(named, configs, &mut out)?;
    }
    out.inputs.sort_by(|a, b| a.display.cmp(&b.display));
    out.inputs
        .dedup_by(|a, b| a.display == b.display && a.kind == b.kind);
    Ok(out)
}

/// Every batch file below `root` (hidden directories and the config's `exclude` skipped),
/// for the tree of a run.
pub fn batch_files(root: &Path, configs: &mut ConfigCache) -> miette::Result<Discovered> {
    let mut out = Discovered::default();
    walk(root, configs, &mut out)?;
    Ok(out)
}

/// The input for one named file (its config found as `check` finds it).
pub fn file_input(path: &Path, configs: &mut ConfigCache) -> miette::Result<Input> {
    Ok(Input {
        kind: InputKind::File,
        path: path.to_path_buf(),
        display: shown(path),
        config: configs.for_file(path)?,
    })
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

fn walk(root: &Path, configs: &mut ConfigCache, out: &mut Discovered) -> miette::Result<()> {
    let mut it = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter();
    // The config of the folder of the last file: the files of a folder come one after another
    // (save its subfolders'), so most files need no lookup at all.
    let mut last: Option<(PathBuf, Option<Arc<LoadedConfig>>)> = None;
    while let Some(entry) = it.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().map(shown).unwrap_or_else(|| shown(root));
                let reason = if let Some(anc) = e.loop_ancestor() {
                    format!("symlink loop (points back to {})", anc.display())
                } else if let Some(io) = e.io_error() {
                    io_reason(io)
                } else {
                    e.to_string()
                };
                out.errors.push(format!("{path}: {reason}"));
                continue;
            }
        };
        let path = entry.path();
        if entry.file_type().is_dir() {
            if entry.depth() == 0 {
                continue;
            }
            if hidden(entry.file_name()) {
                it.skip_current_dir();
                continue;
            }
            let config = configs.for_file(path)?;
            if ResolvedSettings::excluded(config.as_deref(), path) {
                it.skip_current_dir();
            }
            continue;
        }
        if !is_batch_file(path) {
            continue;
        }
        let parent = path.parent().unwrap_or(Path::new(""));
        let config = match &last {
            Some((p, c)) if p == parent => c.clone(),
            _ => {
                let abs = config::absolute(path);
                let dir = abs.parent().map(Path::to_path_buf).unwrap_or_default();
                let c = configs.for_dir(&dir)?;
                last = Some((parent.to_path_buf(), c.clone()));
                c
            }
        };
        if ResolvedSettings::excluded(config.as_deref(), path) {
            continue;
        }
        out.inputs.push(Input {
            kind: InputKind::File,
            path: path.to_path_buf(),
            display: shown(path),
            config,
        });
    }
    Ok(())
}
