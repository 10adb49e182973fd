//! The label index, built from physical lines as cmd.exe's GOTO/CALL scanner sees them.

use crate::source::{Source, Span};

/// Which interpreter's label rules apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Profile {
    /// cmd.exe: the first 127 characters of a name are significant.
    Nt,
    /// COMMAND.COM on Windows 9x: the first 8 characters are significant.
    Win9x,
}

impl Profile {
    pub fn significant_len(self) -> usize {
        match self {
            Profile::Nt => 127,
            Profile::Win9x => 8,
        }
    }
}

/// A label as the GOTO scanner finds it on a physical line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LabelDef {
    /// 1-based physical line.
    pub line: usize,
    /// The `:` byte.
    pub colon: Span,
    /// The name bytes as written.
    pub name: Span,
    /// The name with carets removed, ASCII-lower-cased, full length (cut per profile by
    /// [`key`]).
    pub folded: Vec<u8>,
    /// The colon follows one other byte at the start of the line (`#:name:#`, `$:name`,
    /// `@:name`). cmd.exe's label search ignores the first byte of a line, so it finds these;
    /// COMMAND.COM does not (they are left out of its resolution).
    pub prefixed: bool,
}

impl LabelDef {
    /// Whether a GOTO or CALL of this interpreter can land here (COMMAND.COM does not find
    /// a [`LabelDef::prefixed`] label).
    pub fn found_by(&self, profile: Profile) -> bool {
        profile == Profile::Nt || !self.prefixed
    }
}

/// Every label definition in file order.
#[derive(Clone, Debug, Default)]
pub struct LabelIndex {
    pub defs: Vec<LabelDef>,
    /// Per profile (`[Nt, Win9x]`), every definition as (hash of its comparison key, index
    /// in `defs`), sorted: the definitions of one key lie together, in line order. Filled by
    /// [`LabelIndex::build`] (the Win9x table only when it differs: see `win9x_is_nt`); an
    /// index assembled by hand falls back to a linear search.
    by_key: [Vec<(u64, u32)>; 2],
    /// No label is longer than the Win9x significant length, so the Win9x keys are the NT
    /// keys and `by_key[0]` serves both (`by_key[1]` stays empty).
    win9x_is_nt: bool,
    /// `by_key` was filled by [`LabelIndex::build`] (a table may be empty when no
    /// definition is found by its profile).
    indexed: bool,
}

/// The comparison key of a folded name under a profile, without a copy.
fn key_of(folded: &[u8], profile: Profile) -> &[u8] {
    &folded[..folded.len().min(profile.significant_len())]
}

/// A small multiplicative hash of a comparison key (equal keys, equal hashes; a collision
/// only costs a comparison of the keys).
fn key_hash(key: &[u8]) -> u64 {
    let mut h = key.len() as u64;
    for &b in key {
        h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    h
}

/// The comparison key of a label name under a profile: ASCII case folded, cut to the
/// significant length.
pub fn key(name: &[u8], profile: Profile) -> Vec<u8> {
    let mut k: Vec<u8> = name.iter().map(|b| b.to_ascii_lowercase()).collect();
    k.truncate(profile.significant_len());
    k
}

/// A label-name stop byte on the GOTO scanner's side.
fn is_label_stop(b: u8) -> bool {
    crate::syntax::parse::is_delim(b)
        || matches!(b, b':' | b'+' | b'&' | b'|' | b'<' | b'>' | b'\r' | b'\n')
}

fn scan_label(bytes: &[u8], start: usize, end: usize, line: usize) -> Option<LabelDef> {
    let delim = |p: usize| crate::syntax::parse::DELIMS[usize::from(bytes[p])];
    let skip_delims = |mut p: usize| {
        while p < end && delim(p) {
            p += 1;
        }
        p
    };
    let mut p = skip_delims(start);
    let mut prefixed = false;
    if p < end && p == start && bytes[p] != b':' {
        // cmd.exe's label search ignores the first byte of a line whatever it is (AveYo's
        // `#:name:#` subroutines of PowerShell hybrids rely on it), a CR too (a file with LF
        // CR line ends: `<CR>:name`). Most lines go on with a letter: no label.
        let q = p + 1;
        if q >= end || (bytes[q] != b':' && !delim(q)) {
            return None;
        }
        p = skip_delims(q);
        prefixed = true;
    }
    if p >= end || bytes[p] != b':' {
        return None;
    }
    let colon = p;
    p = skip_delims(p + 1);
    let name_start = p;
    let mut folded = Vec::new();
    while p < end {
        let b = bytes[p];
        if is_label_stop(b) {
            break;
        }
        if b == b'^' {
            if p + 1 < end && bytes[p + 1] != b'\r' {
                folded.push(bytes[p + 1].to_ascii_lowercase());
                p += 2;
            } else {
                p += 1;
            }
            continue;
        }
        folded.push(b.to_ascii_lowercase());
        p += 1;
    }
    if folded.is_empty() {
        return None;
    }
    Some(LabelDef {
        line,
        colon: Span::new(colon, colon + 1),
        name: Span::new(name_start, p),
        folded,
        prefixed,
    })
}

/// Where the label scan stops: at the first NUL (the source already knows where it is), or
/// at the MS-DOS end-of-file mark: a Ctrl-Z with nothing after it but blanks, line ends and
/// more Ctrl-Z (`:End^Z`, the last line of an old editor's file) ends the last label's name.
/// COMMAND.COM reads it as the end of the file; what cmd.exe makes of it is unverified
/// (cmd-semantics T56 ⚠), and COMMAND.COM's reading is taken, so a `goto end` there is no
/// missing label.
fn scan_end(source: &Source) -> usize {
    let bytes = source.bytes();
    let end = source.facts().nul.first().copied().unwrap_or(bytes.len());
    let tail = bytes
        .iter()
        .rposition(|&b| !matches!(b, 0x1a | b'\r' | b'\n' | b' ' | b'\t'))
        .map_or(0, |p| p + 1);
    if bytes[tail..].contains(&0x1a) {
        end.min(tail)
    } else {
        end
    }
}

impl LabelIndex {
    /// Scan the physical lines as cmd.exe's GOTO/CALL label search reads them: a line whose
    /// first non-delimiter byte is `:` defines the name after it (delimiters after the colon
    /// skipped; the name ends at a delimiter, `:`, `+`, `&`, `|`, `<`, `>`, CR or LF; `^x`
    /// contributes `x`). Ctrl-Z is an ordinary byte here (but one that ends the file ends
    /// the last name); reading stops at the first NUL.
    /// `::x` and `:` followed by a stop byte define nothing.
    pub fn build(source: &Source) -> LabelIndex {
        let bytes = source.bytes();
        let end = scan_end(source);
        let starts = source.line_starts();
        let mut defs = Vec::new();
        // A label needs a `:` on its line: only the lines holding one are scanned, found from
        // the colons of the text (one SIMD search) with a cursor over the line starts.
        let (mut i, mut scanned) = (0, None);
        for colon in memchr::memchr_iter(b':', &bytes[..end]) {
            // The line of the colon: the last start at or before it.
            while starts.get(i + 1).is_some_and(|&n| n <= colon) {
                i += 1;
            }
            if scanned == Some(i) {
                continue;
            }
            scanned = Some(i);
            // (`starts` begins with 0, so the colon's line is always there.)
            let start = starts[i];
            // The line ends at the LF before the next line start (or at the NUL).
            let line_end = starts.get(i + 1).map_or(end, |&n| (n - 1).min(end));
            if let Some(def) = scan_label(bytes, start, line_end, i + 1) {
                defs.push(def);
            }
        }
        let win9x_is_nt = defs
            .iter()
            .all(|d| !d.prefixed && d.folded.len() <= Profile::Win9x.significant_len());
        let by_key = [Profile::Nt, Profile::Win9x].map(|profile| {
            if profile == Profile::Win9x && win9x_is_nt {
                return Vec::new();
            }
            let mut v: Vec<(u64, u32)> = defs
                .iter()
                .enumerate()
                .filter(|(_, d)| d.found_by(profile))
                .map(|(i, d)| (key_hash(key_of(&d.folded, profile)), i as u32))
                .collect();
            v.sort_unstable();
            v
        });
        LabelIndex {
            defs,
            by_key,
            win9x_is_nt,
            indexed: true,
        }
    }

    /// No label is longer than the Win9x significant length (and none is found only by
    /// cmd.exe): COMMAND.COM and cmd.exe read every label alike. `false` for an index
    /// assembled by hand.
    pub fn win9x_is_nt(&self) -> bool {
        self.win9x_is_nt
    }

    /// The label a jump on physical line `from_line` to `name` reaches: the next matching
    /// definition after that line, else wrapping to the first one from the top.
    pub fn resolve(&self, name: &[u8], from_line: usize, profile: Profile) -> Option<&LabelDef> {
        self.resolve_index(name, from_line, profile)
            .and_then(|d| self.defs.get(d))
    }

    /// The labels defined on the lines after the file's first NUL byte, where cmd.exe's
    /// reading and its label search stop (BAT103 reports the NUL): their names as cmd.exe
    /// compares them ([`key`]). Empty when the file has no NUL.
    pub fn keys_after_nul(source: &Source) -> rustc_hash::FxHashSet<Vec<u8>> {
        let Some(&nul) = source.facts().nul.first() else {
            return Default::default();
        };
        let bytes = source.bytes();
        let starts = source.line_starts();
        let first = starts.partition_point(|&s| s <= nul);
        (first..starts.len())
            .filter_map(|i| {
                let line_end = starts.get(i + 1).map_or(bytes.len(), |&n| n - 1);
                scan_label(bytes, starts[i], line_end, i + 1)
                    .map(|d| key_of(&d.folded, Profile::Nt).to_vec())
            })
            .collect()
    }

    /// As [`LabelIndex::resolve`], the index of the definition in `defs`.
    pub fn resolve_index(&self, name: &[u8], from_line: usize, profile: Profile) -> Option<usize> {
        let want = key(name, profile);
        let slot = match profile {
            Profile::Win9x if !self.win9x_is_nt => 1,
            _ => 0,
        };
        let sorted = &self.by_key[slot];
        if self.indexed {
            let h = key_hash(&want);
            let lo = sorted.partition_point(|e| e.0 < h);
            let hi = lo + sorted[lo..].partition_point(|e| e.0 == h);
            let run = &sorted[lo..hi];
            let is_want =
                |e: &&(u64, u32)| key_of(&self.defs[e.1 as usize].folded, profile) == want;
            // The run is in line order: the first match after the line, else the first one.
            let after = run.partition_point(|e| self.defs[e.1 as usize].line <= from_line);
            return run[after..]
                .iter()
                .find(is_want)
                .or_else(|| run.iter().find(is_want))
                .map(|e| e.1 as usize);
        }
        let matches =
            |d: &(usize, &LabelDef)| d.1.found_by(profile) && key(&d.1.folded, profile) == want;
        let mut all = self.defs.iter().enumerate();
        all.clone()
            .filter(|d| d.1.line > from_line)
            .find(matches)
            .or_else(|| all.find(matches))
            .map(|d| d.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(text: &[u8]) -> LabelIndex {
        LabelIndex::build(&Source::new(text.to_vec()))
    }

    #[test]
    fn labels_follow_the_goto_scanner() {
        let ix = index(b":a\r\n  :B rest\r\n;=,:c\r\n::x\r\n:\r\n: spaced\r\n:x\x1a\r\n:car^&et\n");
        let names: Vec<&[u8]> = ix.defs.iter().map(|d| d.folded.as_slice()).collect();
        assert_eq!(
            names,
            vec![&b"a"[..], b"b", b"c", b"spaced", b"x\x1a", b"car&et"]
        );
        assert_eq!(ix.defs[1].line, 2);
        assert_eq!(ix.defs[1].name, Span::new(7, 8));
    }

    #[test]
    fn resolution_is_forward_then_wrap() {
        // T18: `goto a` on line 5 goes to the `:a` on line 6, not line 1.
        let ix = index(b":a\r\necho one\r\ngoto next\r\n:next\r\ngoto a\r\n:a\r\necho two\r\n");
        assert_eq!(ix.resolve(b"a", 5, Profile::Nt).map(|d| d.line), Some(6));
        assert_eq!(ix.resolve(b"A", 6, Profile::Nt).map(|d| d.line), Some(1));
        assert_eq!(ix.resolve(b"next", 3, Profile::Nt).map(|d| d.line), Some(4));
        assert!(ix.resolve(b"missing", 1, Profile::Nt).is_none());
    }

    #[test]
    fn significance_depends_on_the_profile() {
        // T19: the first 8 characters decide under COMMAND.COM.
        let ix = index(b"goto latestch\r\n:latestchanges\r\n:latestch\r\n");
        assert_eq!(
            ix.resolve(b"latestch", 1, Profile::Nt).map(|d| d.line),
            Some(3)
        );
        assert_eq!(
            ix.resolve(b"latestch", 1, Profile::Win9x).map(|d| d.line),
            Some(2)
        );
        let long_a = [b":".as_slice(), &[b'x'; 127], b"A\n"].concat();
        let long_b = [b":".as_slice(), &[b'x'; 127], b"B\n"].concat();
        let ix = index(&[long_a, long_b].concat());
        let probe = [[b'x'; 127].as_slice(), b"C"].concat();
        assert_eq!(ix.resolve(&probe, 0, Profile::Nt).map(|d| d.line), Some(1));
    }

    #[test]
    fn short_labels_share_one_index_for_both_profiles() {
        // Every label fits in 8 characters: the Win9x lookup uses the NT index, and a long
        // jump name still matches on its first 8 characters under COMMAND.COM only.
        let ix = index(b"goto latestchanges\r\n:latestc\r\n:latestch\r\n:other\r\n");
        assert!(ix.win9x_is_nt);
        assert_eq!(
            ix.resolve(b"latestchanges", 1, Profile::Win9x)
                .map(|d| d.line),
            Some(3)
        );
        assert_eq!(ix.resolve(b"latestchanges", 1, Profile::Nt), None);
        assert_eq!(
            ix.resolve(b"OTHER", 4, Profile::Win9x).map(|d| d.line),
            Some(4)
        );
        // The same answers as the linear search of a hand-built index.
        let linear = LabelIndex {
            defs: ix.defs.clone(),
            ..LabelIndex::default()
        };
        for name in [
            &b"latestchanges"[..],
            b"latestc",
            b"latestch",
            b"other",
            b"x",
        ] {
            for line in 0..5 {
                for profile in [Profile::Nt, Profile::Win9x] {
                    assert_eq!(
                        ix.resolve_index(name, line, profile),
                        linear.resolve_index(name, line, profile)
                    );
                }
            }
        }
    }

    proptest::proptest! {
        /// The index scans only the lines that hold a colon: it finds exactly what a scan of
        /// every physical line finds, on text of colons, delimiters, carets, line ends, NULs
        /// and letters in any order.
        #[test]
        fn scanning_lines_with_a_colon_finds_every_label(
            text in proptest::collection::vec(
                proptest::sample::select(b"::: \t;=,^\r\n\n\x00\x1a#@aAbZ+&".to_vec()),
                0..200,
            ),
        ) {
            let source = Source::new(text.clone());
            let end = scan_end(&source);
            let starts = source.line_starts();
            let mut every = Vec::new();
            for (i, &start) in starts.iter().enumerate().take_while(|&(_, &s)| s < end) {
                let line_end = starts.get(i + 1).map_or(end, |&n| (n - 1).min(end));
                every.extend(scan_label(&text, start, line_end, i + 1));
            }
            proptest::prop_assert_eq!(LabelIndex::build(&source).defs, every);
        }

        /// Labels of 7 to 10 bytes sharing prefixes (so some differ only after the 8th): the
        /// built index answers as the linear search of the same definitions, both profiles.
        #[test]
        fn built_index_answers_as_the_linear_search(
            names in proptest::collection::vec(
                proptest::collection::vec(proptest::sample::select(b"aAb".to_vec()), 7..=10),
                0..12,
            ),
            probes in proptest::collection::vec(
                (proptest::collection::vec(proptest::sample::select(b"aAb".to_vec()), 6..=11), 0usize..14),
                1..12,
            ),
        ) {
            let mut text = Vec::new();
            for n in &names {
                text.extend_from_slice(b":");
                text.extend_from_slice(n);
                text.extend_from_slice(b"\r\necho x\r\n");
            }
            let ix = index(&text);
            let linear = LabelIndex {
                defs: ix.defs.clone(),
                ..LabelIndex::default()
            };
            for (name, line) in probes {
                for profile in [Profile::Nt, Profile::Win9x] {
                    proptest::prop_assert_eq!(
                        ix.resolve_index(&name, line, profile),
                        linear.resolve_index(&name, line, profile)
                    );
                }
            }
        }
    }

    #[test]
    fn a_ctrl_z_that_ends_the_file_ends_the_last_label() {
        // `:End^Z` as an old DOS editor saved it: COMMAND.COM reads the mark as the file's end.
        let ix = index(b"goto end\r\n:End\x1a");
        assert_eq!(ix.defs[0].folded, b"end");
        let ix = index(b"goto end\r\n:End\x1a\r\n\x1a\x1a");
        assert_eq!(ix.defs[0].folded, b"end");
        // A Ctrl-Z with a line after it is an ordinary byte of the name (T56).
        let ix = index(b"goto x\r\n:x\x1a\r\necho ok\r\n");
        assert_eq!(ix.defs[0].folded, b"x\x1a");
    }

    #[test]
    fn a_label_after_empty_lines_is_found_on_its_own_line() {
        // Lines without a colon are skipped: the label's line number and bytes still count
        // them (`:` then Ctrl-Z and a blank: the name is the Ctrl-Z).
        let ix = index(b"\n\n:\x1a \nrem\n");
        assert_eq!(ix.defs.len(), 1);
        assert_eq!(ix.defs[0].line, 3);
        assert_eq!(ix.defs[0].colon, Span::new(2, 3));
        assert_eq!(ix.defs[0].folded, b"\x1a");
    }

    #[test]
    fn cmd_ignores_the_first_byte_of_a_line_and_command_com_does_not() {
        let ix = index(
            b"call :dl\r\n#:DL:# [params]\r\n$:iso: #,#\r\n@:at\r\n*  :  spaced x\r\n\
              \x20$:indented\r\nab:two\r\nc:\r\n:plain\r\n",
        );
        let names: Vec<(&[u8], bool)> = ix
            .defs
            .iter()
            .map(|d| (d.folded.as_slice(), d.prefixed))
            .collect();
        assert_eq!(
            names,
            vec![
                (&b"dl"[..], true),
                (b"iso", true),
                (b"at", true),
                (b"spaced", true),
                (b"plain", false)
            ]
        );
        assert_eq!(ix.resolve(b"DL", 1, Profile::Nt).map(|d| d.line), Some(2));
        assert_eq!(ix.resolve(b"dl", 1, Profile::Win9x), None);
        assert_eq!(
            ix.resolve(b"plain", 1, Profile::Win9x).map(|d| d.line),
            Some(9)
        );
        assert!(!ix.win9x_is_nt);
    }

    #[test]
    fn a_hand_built_index_still_resolves() {
        let mut ix = LabelIndex::default();
        ix.defs.push(LabelDef {
            line: 3,
            colon: Span::new(0, 1),
            name: Span::new(1, 2),
            folded: b"z".to_vec(),
            prefixed: false,
        });
        assert_eq!(ix.resolve(b"Z", 9, Profile::Nt).map(|d| d.line), Some(3));
    }

    #[test]
    fn nul_ends_the_scan() {
        let ix = index(b":a\r\nx\x00\r\n:b\r\n");
        assert_eq!(ix.defs.len(), 1);
    }
}
