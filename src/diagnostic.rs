//! The one finding type every rule, the site manifest and the inventory audit produce.

use rustc_hash::FxHashSet as HashSet;
use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use crate::source::{Source, Span};

/// The text of a finding (message, label, help, a related place's label or path): shared,
/// because a run repeats the same few texts thousands of times (95,738 findings of the
/// 10,000-file bench carry 114 distinct messages and 9 distinct help lines). Every text made
/// through [`IntoText`] is interned per thread, so equal texts share one allocation.
pub type Text = Arc<str>;

/// Texts interned on one thread at most: the table is emptied when it is full, so a run of
/// unique texts (a 5 MB script's labels, a million inventory rows) costs a bounded table, and
/// sharing only starts over.
const INTERNED_MAX: usize = 4096;

thread_local! {
    /// FxHash: texts are short and trusted; SipHash would cost more than interning saves.
    static INTERNED: RefCell<HashSet<Text>> =
        RefCell::new(HashSet::default());
    static EMPTY: Text = Arc::from("");
}

/// Whether texts are interned (the default). A caller that writes each finding and drops it
/// at once (the streamed inventory audit: a million rows, each message unique) turns it off:
/// sharing saves nothing there and the table costs a lookup and an insertion per text.
static SHARING: AtomicBool = AtomicBool::new(true);

/// Turn interning on or off for the process (see [`SHARING`]); the texts stay equal either way.
pub fn share_texts(on: bool) {
    SHARING.store(on, Ordering::Relaxed);
}

/// The empty text (a finding without label or help), shared.
pub fn empty_text() -> Text {
    EMPTY.with(Text::clone)
}

/// The shared [`Text`] equal to `s` (allocated only when this thread has not seen it lately).
pub fn intern(s: &str) -> Text {
    if s.is_empty() {
        return empty_text();
    }
    if !SHARING.load(Ordering::Relaxed) {
        return Arc::from(s);
    }
    INTERNED.with(|t| {
        let mut t = t.borrow_mut();
        if let Some(found) = t.get(s) {
            return found.clone();
        }
        if t.len() >= INTERNED_MAX {
            t.clear();
        }
        let text: Text = Arc::from(s);
        t.insert(text.clone());
        text
    })
}

/// What a finding's texts are made from: `&str`, `String`, `format!(…)`, a shared [`Text`].
pub trait IntoText {
    fn into_text(self) -> Text;
}

impl IntoText for &str {
    fn into_text(self) -> Text {
        intern(self)
    }
}

impl IntoText for String {
    fn into_text(self) -> Text {
        intern(&self)
    }
}

impl IntoText for &String {
    fn into_text(self) -> Text {
        intern(self)
    }
}

impl IntoText for Box<str> {
    fn into_text(self) -> Text {
        intern(&self)
    }
}

impl IntoText for Cow<'_, str> {
    fn into_text(self) -> Text {
        intern(&self)
    }
}

impl IntoText for Text {
    fn into_text(self) -> Text {
        self
    }
}

impl IntoText for &Text {
    fn into_text(self) -> Text {
        self.clone()
    }
}

/// How bad a finding is. Ordered: `Info < Warning < Error`.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A finding as a rule produces it: byte spans into the checked file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Stable rule code, e.g. `BAT201`.
    pub code: &'static str,
    pub severity: Severity,
    /// What is wrong and what happens on the client because of it.
    pub message: Text,
    /// The exact bytes the finding is about.
    pub span: Span,
    /// Text of the label on `span` (short).
    pub label: Text,
    /// How to fix it.
    pub help: Text,
    /// Further labelled places (e.g. the other definition of a duplicate label).
    pub related: Vec<(Span, Text)>,
    /// Located places, in this file or another file of the tree (the calls that lead a
    /// Windows 9x client or an unguarded RAS path into this file). The engine adds the
    /// `related` spans here too once it has located them, so SARIF can list every place.
    pub elsewhere: Vec<Location>,
    /// Bytes no reporter may show (a password): masked in source windows and fingerprints.
    pub secrets: Vec<Span>,
    /// The finding is about the whole file (its line endings, its BOM), not about the line it
    /// is shown on: its fingerprint does not depend on that line's text.
    pub whole_file: bool,
}

/// A located, labelled place for related locations: in another file (`path`), or in the
/// finding's own file (`path: None`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    pub path: Option<Text>,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub label: Text,
}

impl Diagnostic {
    pub fn new(code: &'static str, severity: Severity, span: Span, message: impl IntoText) -> Self {
        let empty = empty_text();
        Diagnostic {
            code,
            severity,
            message: message.into_text(),
            span,
            label: empty.clone(),
            help: empty,
            related: Vec::new(),
            elsewhere: Vec::new(),
            secrets: Vec::new(),
            whole_file: false,
        }
    }
    pub fn with_label(mut self, label: impl IntoText) -> Self {
        self.label = label.into_text();
        self
    }
    pub fn with_help(mut self, help: impl IntoText) -> Self {
        self.help = help.into_text();
        self
    }
    pub fn with_related(mut self, span: Span, label: impl IntoText) -> Self {
        self.related.push((span, label.into_text()));
        self
    }
    /// Add `more` to the end of the message.
    pub fn append_message(&mut self, more: &str) {
        self.message = format!("{}{more}", self.message).into_text();
    }
    /// A located place in another file (see [`Location`]).
    pub fn with_elsewhere(mut self, loc: Location) -> Self {
        self.elsewhere.push(loc);
        self
    }
    /// Mark the finding as one about the whole file (see [`Diagnostic::whole_file`]).
    pub fn about_whole_file(mut self) -> Self {
        self.whole_file = true;
        self
    }
    /// Mark bytes as secret: reporters show them masked, fingerprints never hash them.
    pub fn with_secret(mut self, span: Span) -> Self {
        self.secrets.push(span);
        self
    }
}

/// How a secret is written in messages: never the secret itself, nor its length.
pub const MASK: &str = "****";

/// A finding's identity that survives edits elsewhere in its file: a hash of the text of the
/// line the finding starts on (without its leading and trailing blanks, secrets replaced by
/// [`MASK`]) and which occurrence of that text it is among the file's findings of the same
/// rule. Shown as `0123456789abcdef:0`, in the baseline and in SARIF `partialFingerprints`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Fingerprint {
    pub line_hash: u64,
    pub occurrence: u32,
}

impl Fingerprint {
    /// Read the `0123456789abcdef:0` form back.
    pub fn parse(text: &str) -> Option<Fingerprint> {
        let (hash, occurrence) = text.split_once(':')?;
        if hash.len() != 16 {
            return None;
        }
        Some(Fingerprint {
            line_hash: u64::from_str_radix(hash, 16).ok()?,
            occurrence: occurrence.parse().ok()?,
        })
    }
}

impl std::fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:016x}:{}", self.line_hash, self.occurrence)
    }
}

/// The line hash of a finding about the whole file: the hash of no text.
const FILE_HASH: u64 = 0xcbf2_9ce4_8422_2325;

/// Bytes of a line hashed at most: a finding on a 5 MB line costs what a short one costs.
const HASHED_LINE_BYTES: usize = 512;

/// The line hash of a finding at `offset` (FNV-1a, 64 bits: stable across platforms and
/// releases). `secrets` are replaced by [`MASK`].
pub fn line_hash(source: &Source, offset: usize, secrets: &[Span]) -> u64 {
    let line = source.line_span(source.line_of(offset));
    let bytes = source.slice(line);
    let lead = bytes.len() - bytes.trim_ascii_start().len();
    let trail = bytes.len() - bytes.trim_ascii_end().len();
    let (start, end) = (
        line.start() + lead,
        (line.end() - trail).max(line.start() + lead),
    );
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    };
    let stop = end.min(start + HASHED_LINE_BYTES);
    let mut i = start;
    while i < stop {
        if let Some(s) = secrets.iter().find(|s| s.contains(i)) {
            MASK.bytes().for_each(&mut eat);
            i = s.end();
            continue;
        }
        eat(source.bytes()[i]);
        i += 1;
    }
    // The length (secrets counted as the mask) tells long lines apart beyond the hashed bytes.
    let mut len = end - start;
    for s in secrets {
        let (a, b) = (s.start().max(start), s.end().min(end));
        if a < b {
            len = len - (b - a) + MASK.len();
        }
    }
    len.to_le_bytes().iter().for_each(|&b| eat(b));
    h
}

/// A located finding, ready for the reporters: 1-based line/column (byte columns) of the
/// span's start and end.
#[derive(Clone, Debug)]
pub struct Finding {
    pub diag: Diagnostic,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// The identity of the finding across edits ([`Fingerprint`]); `None` for findings without
    /// a source (inventory rows). Its occurrence is numbered by the engine per file.
    pub fingerprint: Option<Fingerprint>,
}

impl Finding {
    /// Locate a diagnostic in its source. `end_*` is the position just past the last byte
    /// (an empty span ends where it starts).
    pub fn locate(mut diag: Diagnostic, source: &Source) -> Self {
        // The same-file related spans, located, join the other related places (SARIF lists
        // them all; `full` draws the same-file ones as labels).
        let own: Vec<Location> = diag
            .related
            .iter()
            .map(|(span, label)| {
                let (line, column) = source.line_col(span.start());
                let (end_line, end_column) = source.line_col(span.end().max(span.start()));
                Location {
                    path: None,
                    line,
                    column,
                    end_line,
                    end_column,
                    label: label.clone(),
                }
            })
            .collect();
        diag.elsewhere.splice(0..0, own);
        let (line, column) = source.line_col(diag.span.start());
        let (end_line, end_column) = source.line_col(diag.span.end().max(diag.span.start()));
        let fingerprint = Some(Fingerprint {
            line_hash: if diag.whole_file {
                FILE_HASH
            } else {
                line_hash(source, diag.span.start(), &diag.secrets)
            },
            occurrence: 0,
        });
        Finding {
            fingerprint,
            diag,
            line,
            column,
            end_line,
            end_column,
        }
    }
}

/// Everything found in one input file (a script, a smslint.toml or an inventory CSV).
#[derive(Clone, Debug)]
pub struct FileReport {
    /// The path as given on the command line or discovered (or the stdin file name).
    pub path: String,
    /// The file's bytes, for reporters that show source lines. `None` for streamed inputs
    /// (inventories), whose findings are shown without a snippet.
    pub source: Option<Arc<Source>>,
    pub findings: Vec<Finding>,
    /// Bytes of the file no report may show (the passwords rules found), also those of
    /// findings a suppression or the baseline hid: `full` masks them in every source window.
    pub secrets: Vec<Span>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fp(text: &[u8], at: usize, secrets: &[Span]) -> u64 {
        line_hash(&Source::new(text.to_vec()), at, secrets)
    }

    #[test]
    fn the_line_hash_ignores_indentation_and_line_endings_but_not_the_text() {
        let a = fp(b"goto x\r\n", 0, &[]);
        assert_eq!(a, fp(b"rem new\n    goto x  \n", 12, &[]));
        assert_ne!(a, fp(b"goto y\r\n", 0, &[]));
        // A masked secret does not reach the hash: any password gives the same one.
        let one = fp(
            b"net use x: \\\\s\\t Pa55 /user:u\r\n",
            17,
            &[Span::new(17, 21)],
        );
        let two = fp(
            b"net use x: \\\\s\\t Longer99 /user:u\r\n",
            17,
            &[Span::new(17, 25)],
        );
        assert_eq!(one, two);
        // Long lines cost their first bytes only, and never panic.
        let long = vec![b'a'; 5_000_000];
        let _ = fp(&long, 4_999_999, &[]);
    }

    #[test]
    fn equal_texts_share_one_allocation_and_the_table_stays_bounded() {
        let a = Diagnostic::new("X1", Severity::Info, Span::empty(0), format!("m{}", 1))
            .with_help("fix it");
        let b = Diagnostic::new("X1", Severity::Info, Span::empty(0), "m1")
            .with_help(String::from("fix it"));
        assert!(Arc::ptr_eq(&a.message, &b.message));
        assert!(Arc::ptr_eq(&a.help, &b.help));
        assert_eq!(&*a.message, "m1");
        for i in 0..3 * INTERNED_MAX {
            assert_eq!(&*intern(&i.to_string()), i.to_string());
        }
        assert!(INTERNED.with(|t| t.borrow().len()) <= INTERNED_MAX);
        share_texts(false);
        let (x, y) = (intern("unshared"), intern("unshared"));
        share_texts(true);
        assert!(x == y && !Arc::ptr_eq(&x, &y));
        let mut c = b.clone();
        c.append_message(" (more)");
        assert_eq!(&*c.message, "m1 (more)");
        assert_eq!(&*b.message, "m1");
    }

    #[test]
    fn fingerprints_read_back() {
        let f = Fingerprint {
            line_hash: 0xfe,
            occurrence: 3,
        };
        assert_eq!(f.to_string(), "00000000000000fe:3");
        assert_eq!(Fingerprint::parse("00000000000000fe:3"), Some(f));
        assert_eq!(Fingerprint::parse("fe:3"), None);
        assert_eq!(Fingerprint::parse("00000000000000fe:x"), None);
    }
}
