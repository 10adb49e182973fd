//! The source model: a file's exact bytes, its physical lines and the encoding facts.
//!
//! cmd.exe reads batch files as bytes in the console's OEM code page, so nothing here
//! assumes UTF-8. A physical line ends at LF (0x0A) only; a CR is not a terminator (cmd
//! deletes every CR in phase 1.5). Line numbers are `1 + number of LF bytes before the
//! offset` and columns are 1-based byte columns, everywhere in smslint.

use std::fmt;

/// A half-open byte range `start..end` into the original file bytes.
///
/// Offsets are 32-bit to keep the AST small: inputs longer than [`MAX_LEN`] bytes are refused
/// when read ([`read_file`], [`check_len`]), so every offset of a [`Source`] fits. The end is
/// stored plus one in a `NonZeroU32`, so an `Option<Span>` takes no more room than a `Span`
/// (8 bytes instead of 12; the AST holds many). The derived order and hash are those of
/// `(start, end)`: the stored end is a monotone function of the end.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    start: u32,
    end1: std::num::NonZeroU32,
}

/// `end + 1` as stored in a [`Span`] (`end` is at most [`MAX_LEN`] < `u32::MAX`).
const fn end1(end: usize) -> std::num::NonZeroU32 {
    match std::num::NonZeroU32::new((end as u32).wrapping_add(1)) {
        Some(n) => n,
        None => std::num::NonZeroU32::MAX,
    }
}

impl Default for Span {
    fn default() -> Self {
        Span::new(0, 0)
    }
}

impl fmt::Debug for Span {
    /// As a derived `Debug` of `{ start, end }` would print it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Span")
            .field("start", &self.start)
            .field("end", &(self.end1.get() - 1))
            .finish()
    }
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= MAX_LEN && end <= MAX_LEN);
        Span {
            start: start as u32,
            end1: end1(end),
        }
    }
    pub const fn empty(at: usize) -> Self {
        Span::new(at, at)
    }
    /// The first byte offset.
    #[inline]
    pub const fn start(&self) -> usize {
        self.start as usize
    }
    /// The offset one past the last byte.
    #[inline]
    pub const fn end(&self) -> usize {
        (self.end1.get() - 1) as usize
    }
    pub fn set_start(&mut self, start: usize) {
        self.start = start as u32;
    }
    pub fn set_end(&mut self, end: usize) {
        self.end1 = end1(end);
    }
    pub fn len(&self) -> usize {
        self.end().saturating_sub(self.start())
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start().min(other.start()), self.end().max(other.end()))
    }
    pub fn contains(&self, offset: usize) -> bool {
        self.start() <= offset && offset < self.end()
    }
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start()..self.end()
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start(), self.end())
    }
}

/// The longest input smslint reads, in bytes: [`Span`] offsets are 32-bit (and the end is
/// stored plus one).
pub const MAX_LEN: usize = u32::MAX as usize - 1;

/// Refuse an input of `len` bytes when it is longer than `max` (always [`MAX_LEN`] outside
/// tests): its offsets would not fit in a [`Span`].
pub fn check_len(len: u64, max: usize) -> Result<(), String> {
    if len > max as u64 {
        Err(format!(
            "file too large ({len} bytes; smslint reads files of at most {max} bytes)"
        ))
    } else {
        Ok(())
    }
}

/// Read a file for checking, refusing one longer than [`MAX_LEN`] (before reading it when its
/// size is known) with an `InvalidData` error.
pub fn read_file(path: &std::path::Path) -> std::io::Result<Vec<u8>> {
    let too_large = |len: u64| {
        check_len(len, MAX_LEN).map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
    };
    use std::io::Read;
    // One `open` and one `fstat`: the size checked and the buffer sized from the same stat.
    let mut file = std::fs::File::open(path)?;
    let len = file.metadata().map(|m| m.len()).ok();
    if let Some(len) = len {
        too_large(len)?;
    }
    let mut bytes = Vec::with_capacity(len.unwrap_or(0) as usize);
    match len {
        // The size the stat gave, without the extra `read` that finds the end: a file that
        // grows while it is read is checked as it was when it was opened.
        Some(len) if len > 0 => {
            (&mut file).take(len).read_to_end(&mut bytes)?;
        }
        // Size unknown or 0 (a pipe, a /proc file): to the end. Through `take`:
        // `File::read_to_end` would `fstat` (and `lseek`) again for its own hint.
        _ => {
            (&mut file).take(u64::MAX).read_to_end(&mut bytes)?;
        }
    }
    too_large(bytes.len() as u64)?;
    Ok(bytes)
}

/// How a physical line ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineEnding {
    /// CR LF
    CrLf,
    /// LF alone
    Lf,
    /// The last line of a file that does not end in LF.
    Eof,
}

/// Encoding and control-byte facts about a file, recorded once when it is read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceFacts {
    /// The file starts with EF BB BF.
    pub utf8_bom: bool,
    /// The file starts with FF FE or FE FF (UTF-16).
    pub utf16_bom: bool,
    /// Offsets of NUL bytes (all of them).
    pub nul: Vec<usize>,
    /// Offsets of CR bytes not followed by LF.
    pub lone_cr: Vec<usize>,
    /// Offsets of Ctrl-Z (0x1A) bytes.
    pub ctrl_z: Vec<usize>,
    /// Number of lines ending in CR LF.
    pub crlf_lines: usize,
    /// Number of lines ending in a bare LF.
    pub lf_lines: usize,
    /// The file contains bytes >= 0x80 (decoded for display as a code page guess).
    pub high_bytes: bool,
    /// The file has bytes >= 0x80 and is valid UTF-8 as a whole: its text is shown as UTF-8
    /// (an editor's encoding; a code-page file is almost never valid UTF-8 by chance).
    pub utf8_text: bool,
}

/// A file's bytes, kept exactly, with a table of physical line starts.
#[derive(Clone, Debug)]
pub struct Source {
    bytes: Vec<u8>,
    /// Offset of the first byte of each physical line. Always starts with 0.
    line_starts: Vec<usize>,
    facts: SourceFacts,
}

impl Source {
    /// Build the line table and facts. Cost is linear in the file size. The caller refuses
    /// inputs longer than [`MAX_LEN`] first ([`read_file`], [`check_len`]).
    pub fn new(bytes: Vec<u8>) -> Self {
        assert!(
            bytes.len() <= MAX_LEN,
            "input longer than MAX_LEN reached Source::new"
        );
        let mut facts = SourceFacts {
            utf8_bom: bytes.starts_with(&[0xEF, 0xBB, 0xBF]),
            utf16_bom: bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]),
            high_bytes: !bytes.is_ascii(),
            ..SourceFacts::default()
        };
        facts.utf8_text = facts.high_bytes && std::str::from_utf8(&bytes).is_ok();
        // A few vectorised passes (memchr) instead of one byte-by-byte loop: most bytes are
        // none of LF, CR, NUL or Ctrl-Z.
        let mut line_starts = Vec::with_capacity(bytes.len() / 32 + 1);
        line_starts.push(0);
        for i in memchr::memchr_iter(b'\n', &bytes) {
            line_starts.push(i + 1);
            facts.crlf_lines += usize::from(i > 0 && bytes[i - 1] == b'\r');
        }
        // CRs are counted in one vectorised pass; only a file with a CR that is not part of
        // a CRLF is walked CR by CR to find them.
        if memchr::memchr_iter(b'\r', &bytes).count() != facts.crlf_lines {
            for i in memchr::memchr_iter(b'\r', &bytes) {
                if bytes.get(i + 1) != Some(&b'\n') {
                    facts.lone_cr.push(i);
                }
            }
        }
        facts.lf_lines = line_starts.len() - 1 - facts.crlf_lines;
        for i in memchr::memchr2_iter(0, 0x1A, &bytes) {
            if bytes[i] == 0 {
                facts.nul.push(i);
            } else {
                facts.ctrl_z.push(i);
            }
        }
        Source {
            bytes,
            line_starts,
            facts,
        }
    }

    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    pub fn facts(&self) -> &SourceFacts {
        &self.facts
    }

    /// Number of physical lines (a file ending in LF has an empty last line that is not counted).
    pub fn line_count(&self) -> usize {
        let n = self.line_starts.len();
        if n > 1 && self.line_starts[n - 1] == self.bytes.len() {
            n - 1
        } else {
            n
        }
    }

    /// Offsets of the first byte of each physical line.
    pub fn line_starts(&self) -> &[usize] {
        &self.line_starts
    }

    /// 1-based line number of a byte offset (offsets past the end map to the last line).
    pub fn line_of(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }

    /// 1-based (line, column) of a byte offset; the column counts bytes.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.bytes.len());
        let line = self.line_of(offset);
        (line, offset - self.line_starts[line - 1] + 1)
    }

    /// The bytes of physical line `line` (1-based) including its terminator.
    pub fn line_full_span(&self, line: usize) -> Span {
        let start = self.line_starts[(line.max(1) - 1).min(self.line_starts.len() - 1)];
        let end = self
            .line_starts
            .get(line.max(1))
            .copied()
            .unwrap_or(self.bytes.len());
        Span::new(start, end)
    }

    /// The content of physical line `line` (1-based) without its LF and a CR right before it.
    pub fn line_span(&self, line: usize) -> Span {
        let full = self.line_full_span(line);
        let mut end = full.end();
        if end > full.start() && self.bytes[end - 1] == b'\n' {
            end -= 1;
            if end > full.start() && self.bytes[end - 1] == b'\r' {
                end -= 1;
            }
        }
        Span::new(full.start(), end)
    }

    /// How physical line `line` (1-based) ends.
    pub fn line_ending(&self, line: usize) -> LineEnding {
        let full = self.line_full_span(line);
        if full.end() > full.start() && self.bytes[full.end() - 1] == b'\n' {
            if full.end() - full.start() >= 2 && self.bytes[full.end() - 2] == b'\r' {
                LineEnding::CrLf
            } else {
                LineEnding::Lf
            }
        } else {
            LineEnding::Eof
        }
    }

    /// The dominant line ending of the file (CR LF when there are no line breaks).
    pub fn dominant_ending(&self) -> LineEnding {
        if self.facts.lf_lines > self.facts.crlf_lines {
            LineEnding::Lf
        } else {
            LineEnding::CrLf
        }
    }

    pub fn slice(&self, span: Span) -> &[u8] {
        let end = span.end().min(self.bytes.len());
        let start = span.start().min(end);
        &self.bytes[start..end]
    }

    /// Text of a span decoded for display only: see [`decode_display`], or
    /// [`decode_display_utf8`] for a file that is valid UTF-8.
    pub fn display(&self, span: Span) -> String {
        if self.facts.utf8_text {
            decode_display_utf8(self.slice(span))
        } else {
            decode_display(self.slice(span))
        }
    }
}

/// Like [`decode_display`], but a whole UTF-8 sequence (other than a byte order mark) is shown
/// as its character; a sequence cut by the span's edge is shown byte by byte.
pub fn decode_display_utf8(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match utf8_char_at(bytes, i) {
            Some((c, n)) => {
                out.push(c);
                i += n;
            }
            None => {
                out.push(display_char(bytes[i]));
                i += 1;
            }
        }
    }
    out
}

/// The character of a multi-byte UTF-8 sequence starting at `i`, and its length; `None` for
/// ASCII, a byte that starts no complete sequence, and the byte order mark (shown byte by
/// byte, as cmd.exe shows it).
pub fn utf8_char_at(bytes: &[u8], i: usize) -> Option<(char, usize)> {
    let n = match bytes[i] {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let seq = bytes.get(i..i + n)?;
    let c = std::str::from_utf8(seq).ok()?.chars().next()?;
    (c != '\u{FEFF}').then_some((c, n))
}

/// Decode bytes for display to a user. Bytes >= 0x80 are read as Windows-1252 (a guess: the
/// real code page is the client's OEM code page); control bytes other than TAB are shown as
/// the Unicode control pictures (NUL as `␀`, Ctrl-Z as `␚`, CR as `␍`). Never used for
/// analysis: spans always refer to the original bytes.
pub fn decode_display(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for &b in bytes {
        out.push(display_char(b));
    }
    out
}

/// The character shown for one byte by [`decode_display`]; one char per byte, so byte
/// offsets map to char offsets one to one.
pub fn display_char(b: u8) -> char {
    match b {
        b'\t' | b'\n' => b as char,
        0x00..=0x1F => char::from_u32(0x2400 + b as u32).unwrap_or('?'),
        0x7F => '\u{2421}',
        0x20..=0x7E => b as char,
        _ => {
            let one = [b];
            let (cow, _, _) = encoding_rs::WINDOWS_1252.decode(&one);
            cow.chars().next().unwrap_or('\u{FFFD}')
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_offsets_are_32_bit() {
        assert_eq!(std::mem::size_of::<Span>(), 8);
        assert_eq!(std::mem::size_of::<Option<Span>>(), 8);
        assert_eq!(
            format!("{:?}", Span::new(3, 5)),
            "Span { start: 3, end: 5 }"
        );
        assert_eq!(Span::default(), Span::new(0, 0));
        assert!(Span::new(1, 2) < Span::new(1, 3) && Span::new(1, 9) < Span::new(2, 2));
        let s = Span::new(3, MAX_LEN);
        assert_eq!((s.start(), s.end()), (3, MAX_LEN));
    }

    #[test]
    fn inputs_longer_than_the_limit_are_refused() {
        assert_eq!(check_len(0, 10), Ok(()));
        assert_eq!(check_len(10, 10), Ok(()));
        let err = check_len(11, 10).unwrap_err();
        assert_eq!(
            err,
            "file too large (11 bytes; smslint reads files of at most 10 bytes)"
        );
        assert!(check_len(MAX_LEN as u64, MAX_LEN).is_ok());
        assert!(check_len(MAX_LEN as u64 + 1, MAX_LEN).is_err());
    }

    #[test]
    fn read_file_reads_a_small_file_and_reports_a_missing_one() {
        let dir = std::env::temp_dir().join(format!("smslint-read-file-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let p = dir.join("a.bat");
        std::fs::write(&p, b"echo\r\n").expect("write");
        assert_eq!(read_file(&p).expect("read"), b"echo\r\n");
        assert!(read_file(&dir.join("missing.bat")).is_err());
        // Larger than one read, and empty: every byte, none.
        let big: Vec<u8> = (0..300_000u32).map(|i| (i % 251) as u8).collect();
        std::fs::write(&p, &big).expect("write");
        assert_eq!(read_file(&p).expect("read"), big);
        std::fs::write(&p, b"").expect("write");
        assert_eq!(read_file(&p).expect("read"), b"");
        std::fs::remove_dir_all(&dir).expect("cleanup");
        // A file whose stat says 0 bytes but that has some (procfs): read to its end.
        let status = std::path::Path::new("/proc/self/status");
        if status.exists() {
            assert!(!read_file(status).expect("read").is_empty());
        }
    }

    #[test]
    fn lines_end_at_lf_only() {
        let s = Source::new(b"a\r\nb\rc\nd".to_vec());
        assert_eq!(s.line_count(), 3);
        assert_eq!(s.line_col(0), (1, 1));
        assert_eq!(s.line_col(3), (2, 1));
        assert_eq!(s.line_col(5), (2, 3));
        assert_eq!(s.line_col(7), (3, 1));
        assert_eq!(s.line_ending(1), LineEnding::CrLf);
        assert_eq!(s.line_ending(2), LineEnding::Lf);
        assert_eq!(s.line_ending(3), LineEnding::Eof);
        assert_eq!(s.facts().lone_cr, vec![4]);
        assert_eq!(s.slice(s.line_span(1)), b"a");
        assert_eq!(s.slice(s.line_span(2)), b"b\rc");
    }

    #[test]
    fn facts_are_recorded() {
        let s = Source::new(b"\xEF\xBB\xBF@echo off\x00\x1a\n".to_vec());
        assert!(s.facts().utf8_bom);
        assert_eq!(s.facts().nul, vec![12]);
        assert_eq!(s.facts().ctrl_z, vec![13]);
        assert!(s.facts().high_bytes);
        assert_eq!(s.line_count(), 1);
    }

    #[test]
    fn display_of_a_utf8_file_decodes_utf8() {
        let s = Source::new("set contrase\u{f1}a=x\r\n".as_bytes().to_vec());
        assert!(s.facts().utf8_text);
        assert_eq!(s.display(Span::new(4, 15)), "contrase\u{f1}a");
        // A cut sequence is shown byte by byte.
        assert_eq!(s.display(Span::new(4, 13)), "contrase\u{c3}");
        let bom = Source::new(b"\xEF\xBB\xBF@echo off \xC3\xA9\r\n".to_vec());
        assert!(bom.facts().utf8_text);
        assert_eq!(
            bom.display(Span::new(0, 15)),
            "\u{ef}\u{bb}\u{bf}@echo off \u{e9}"
        );
        // Code-page text that is not UTF-8 stays one char per byte.
        let oem = Source::new(b"echo caf\xe9\r\n".to_vec());
        assert!(!oem.facts().utf8_text);
        assert_eq!(oem.display(Span::new(5, 9)), "caf\u{e9}");
    }

    #[test]
    fn display_decodes_one_char_per_byte() {
        assert_eq!(decode_display(b"caf\xe9\x1a"), "caf\u{e9}\u{241a}");
    }
}
