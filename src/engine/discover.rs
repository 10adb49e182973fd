//! Which files `smslint check` reads: named files, `*.bat`/`*.cmd` below named directories
//! (walkdir), standard input.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
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

/// The name of a walked entry, as `sort_by_file_name` orders it: the bytes after the last
/// separator of its path (walkdir builds a child's path as its folder's path, a separator
/// and its name). `Path::file_name` would parse the path's components from the end for every
/// comparison of the sort: about a sixth of the instructions of a run over 150 small files.
fn entry_name(path: &Path) -> &[u8] {
    let bytes = path.as_os_str().as_encoded_bytes();
    // The walk's sort compares names this way: the last separator found by `memrchr`.
    #[cfg(unix)]
    let last = memchr::memrchr(b'/', bytes);
    #[cfg(not(unix))]
    let last = memchr::memrchr2(b'/', b'\\', bytes);
    let start = last.map_or(0, |i| i + 1);
    &bytes[start..]
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
            for entry in walkdir::WalkDir::new(p)
                .sort_by(|a, b| entry_name(a.path()).cmp(entry_name(b.path())))
            {
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

/// Every batch file below `root` into `out`, in the order of one sorted walk. The folders
/// at the top of `root` are walked in parallel (discovery is mostly `getdents`, `open` and
/// `stat` calls), each with its own config cache; their files and errors are then put back
/// in the walk's order, and the first config error in that order is the one returned.
fn walk(root: &Path, configs: &mut ConfigCache, out: &mut Discovered) -> miette::Result<()> {
    let mut top = Vec::new();
    let before = (out.inputs.len(), out.errors.len());
    walk_from(root, 1, None, configs, out, &mut top)?;
    if top.is_empty() {
        return Ok(());
    }
    // Below the top, a symlink back to `root` is a loop as it is in one walk (whose ancestors
    // include `root`; each parallel walk's start at `root`'s child).
    let root_handle = same_file::Handle::from_path(root).ok();
    let shared: &ConfigCache = configs;
    let parts: Vec<miette::Result<(Discovered, ConfigCache)>> = top
        .par_iter()
        .map(|(dir, _)| {
            let mut cache = shared.fork();
            let mut part = Discovered::default();
            let guard = root_handle.as_ref().map(|h| (root, h));
            walk_from(
                dir,
                usize::MAX,
                guard,
                &mut cache,
                &mut part,
                &mut Vec::new(),
            )?;
            Ok((part, cache))
        })
        .collect();
    // Splice each folder's files in at its place among the top-level files.
    let top_files = out.inputs.split_off(before.0);
    let top_errors = out.errors.split_off(before.1);
    let mut files = top_files.into_iter();
    let mut errors = top_errors.into_iter();
    let (mut files_done, mut errors_done) = (0, 0);
    for ((_, at), part) in top.into_iter().zip(parts) {
        let (part, cache) = part?;
        // `at` counts the top-level files and errors found before this folder.
        out.inputs.extend(files.by_ref().take(at.0 - files_done));
        out.errors.extend(errors.by_ref().take(at.1 - errors_done));
        (files_done, errors_done) = at;
        out.inputs.extend(part.inputs);
        out.errors.extend(part.errors);
        configs.absorb(cache);
    }
    out.inputs.extend(files);
    out.errors.extend(errors);
    Ok(())
}

/// The error line of an entry a walk of `start` could not read.
fn walk_error(e: &walkdir::Error, start: &Path) -> String {
    let path = e.path().map(shown).unwrap_or_else(|| shown(start));
    let reason = if let Some(anc) = e.loop_ancestor() {
        format!("symlink loop (points back to {})", anc.display())
    } else if let Some(io) = e.io_error() {
        io_reason(io)
    } else {
        e.to_string()
    };
    format!("{path}: {reason}")
}

/// One sorted walk of `start` down to `max_depth` (with `follow_links`). With `max_depth` 1
/// the subfolders are not entered but listed in `dirs`, each with the number of inputs and
/// errors found before it. `loop_guard` is an ancestor above `start` whose loops this walk
/// reports as walkdir reports its own.
fn walk_from(
    start: &Path,
    max_depth: usize,
    loop_guard: Option<(&Path, &same_file::Handle)>,
    configs: &mut ConfigCache,
    out: &mut Discovered,
    dirs: &mut Vec<(PathBuf, (usize, usize))>,
) -> miette::Result<()> {
    let base = (out.inputs.len(), out.errors.len());
    let mut it = WalkDir::new(start)
        .follow_links(true)
        .sort_by(|a, b| entry_name(a.path()).cmp(entry_name(b.path())))
        .max_depth(max_depth)
        .into_iter();
    // The config of the folder of the last file: the files of a folder come one after another
    // (save its subfolders'), so most files need no lookup at all.
    let mut last: Option<(PathBuf, Option<Arc<LoadedConfig>>)> = None;
    while let Some(entry) = it.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                out.errors.push(walk_error(&e, start));
                continue;
            }
        };
        let path = entry.path();
        if entry.file_type().is_dir() {
            if entry.depth() == 0 {
                continue;
            }
            if let Some((anc, handle)) = loop_guard {
                if entry.path_is_symlink()
                    && same_file::Handle::from_path(path).is_ok_and(|h| h == *handle)
                {
                    out.errors.push(format!(
                        "{}: symlink loop (points back to {})",
                        shown(path),
                        anc.display()
                    ));
                    it.skip_current_dir();
                    continue;
                }
            }
            if hidden(entry.file_name()) {
                it.skip_current_dir();
                continue;
            }
            let config = configs.for_file(path)?;
            if ResolvedSettings::excluded(config.as_deref(), path) {
                it.skip_current_dir();
            } else if max_depth == 1 {
                dirs.push((
                    path.to_path_buf(),
                    (out.inputs.len() - base.0, out.errors.len() - base.1),
                ));
            }
            continue;
        }
        if !is_batch_file(path) {
            continue;
        }
        let parent = path.parent().unwrap_or(Path::new(""));
        let config = match &last {
            // Compared as bytes (`Path`'s `==` parses both into components).
            Some((p, c)) if p.as_os_str() == parent.as_os_str() => c.clone(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_name_is_the_file_name_of_a_walked_path() {
        let names = [
            "a/b.bat",
            "/x/y/Z.CMD",
            "rel",
            "a/.hidden",
            "a/b c/d e.cmd",
            "./a.bat",
            "a/..b",
            "a/b/c.d.e",
            "\u{e9}t\u{e9}/caf\u{e9}.bat",
        ];
        for n in names {
            let p = Path::new(n);
            let want = p.file_name().expect("a name").as_encoded_bytes();
            assert_eq!(entry_name(p), want, "{n}");
        }
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let p = Path::new(std::ffi::OsStr::from_bytes(b"dir/\xff\xfe.bat"));
            assert_eq!(entry_name(p), b"\xff\xfe.bat");
        }
    }

    /// The walk before it ran in parallel: one sorted walkdir walk (the oracle).
    fn walk_single(root: &Path, configs: &mut ConfigCache, out: &mut Discovered) {
        let mut it = WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter();
        while let Some(entry) = it.next() {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    out.errors.push(walk_error(&e, root));
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
                let config = configs.for_file(path).expect("config");
                if ResolvedSettings::excluded(config.as_deref(), path) {
                    it.skip_current_dir();
                }
                continue;
            }
            if !is_batch_file(path) {
                continue;
            }
            let config = configs.for_file(path).expect("config");
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
    }

    #[test]
    fn the_parallel_walk_finds_what_one_walk_finds_in_its_order() {
        let t = tempfile::tempdir().expect("tempdir");
        let root = t.path().join("share");
        let files = [
            "a.bat",
            "b/x.bat",
            "b/y.cmd",
            "b/deep/z.bat",
            "b.bat",
            "c/skip/w.bat",
            "c/keep.bat",
            ".hidden/h.bat",
            "d.txt",
            "e/f/g/h.bat",
            "z.cmd",
        ];
        for f in files {
            let p = root.join(f);
            std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
            std::fs::write(&p, b"@echo off\r\n").expect("write");
        }
        std::fs::write(root.join("c/smslint.toml"), "exclude = [\"skip\"]\n").expect("config");
        #[cfg(unix)]
        {
            use std::os::unix::fs::symlink;
            // Back to the root from below the top, back to a top folder, and a link to a file.
            symlink(&root, root.join("b/deep/up")).expect("symlink");
            symlink(root.join("e"), root.join("e/f/again")).expect("symlink");
            symlink(root.join("a.bat"), root.join("e/link.bat")).expect("symlink");
            symlink(&root, root.join("self")).expect("symlink");
        }
        let mut parallel = Discovered::default();
        // Something found before (another named path) stays first.
        parallel.inputs.push(Input {
            kind: InputKind::File,
            path: PathBuf::from("first.bat"),
            display: "first.bat".into(),
            config: None,
        });
        parallel.errors.push("first error".into());
        walk(
            &root,
            &mut ConfigCache::new(None).expect("cache"),
            &mut parallel,
        )
        .expect("walk");
        let mut single = Discovered::default();
        walk_single(
            &root,
            &mut ConfigCache::new(None).expect("cache"),
            &mut single,
        );
        let shown_of = |d: &Discovered| {
            d.inputs
                .iter()
                .map(|i| i.display.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(&shown_of(&parallel)[1..], &shown_of(&single)[..]);
        assert_eq!(&parallel.errors[1..], &single.errors[..]);
        assert_eq!(parallel.inputs[0].display, "first.bat");
        assert!(single.inputs.len() >= 7, "{:?}", shown_of(&single));
        #[cfg(unix)]
        assert_eq!(single.errors.len(), 3, "{:?}", single.errors);
    }
}
