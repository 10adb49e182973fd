//! `--format json`: one JSON array; each finding has exactly the fields `code`, `name`,
//! `severity`, `path`, `line`, `column`, `end_line`, `end_column`, `message`, `help`, `url`.

use serde::Serialize;

use crate::diagnostic::{FileReport, Finding};

/// The fields of a finding in `json` and `csv`, in order (the contract).
pub const FIELDS: [&str; 11] = [
    "code",
    "name",
    "severity",
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "message",
    "help",
    "url",
];

/// One finding as `json` and `csv` write it: exactly [`FIELDS`], in that order.
#[derive(Serialize)]
pub struct JsonFinding<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub severity: &'a str,
    pub path: &'a str,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub message: &'a str,
    pub help: &'a str,
    pub url: String,
}

impl<'a> JsonFinding<'a> {
    /// The row of a finding; `docs` is the rules page its `url` points into.
    pub fn new(r: &'a FileReport, f: &'a crate::diagnostic::Finding, docs: &str) -> Self {
        JsonFinding::of(&r.path, f, docs)
    }

    /// The row of a finding of the file shown as `path`.
    pub fn of(path: &'a str, f: &'a crate::diagnostic::Finding, docs: &str) -> Self {
        JsonFinding {
            code: f.diag.code,
            name: super::rule_name(f.diag.code),
            severity: f.diag.severity.as_str(),
            path,
            line: f.line,
            column: f.column,
            end_line: f.end_line,
            end_column: f.end_column,
            message: &f.diag.message,
            help: &f.diag.help,
            url: crate::rules::docs_url_at(docs, f.diag.code),
        }
    }
}

/// The array item of a finding of the file shown as `path` (after the caller's `\n  ` or
/// `,\n  `): the bytes `serde_json`'s pretty printer writes for [`JsonFinding::of`] one level
/// deep, written field by field. The 95,738 findings of the 10,000 generated bench scripts make
/// a 55 MB report: written this way it takes about half the instructions it took through
/// `serde_json`, whose escape looks at every byte (the test `items_match_serde_pretty` holds
/// the two to the same bytes).
pub(crate) fn write_item(out: &mut Vec<u8>, path: &str, f: &Finding, docs: &str) {
    let mut num = itoa::Buffer::new();
    out.extend_from_slice(b"{\n    \"code\": ");
    write_str(out, f.diag.code);
    out.extend_from_slice(b",\n    \"name\": ");
    write_str(out, super::rule_name(f.diag.code));
    out.extend_from_slice(b",\n    \"severity\": ");
    write_str(out, f.diag.severity.as_str());
    out.extend_from_slice(b",\n    \"path\": ");
    write_str(out, path);
    for (key, n) in [
        (&b",\n    \"line\": "[..], f.line),
        (b",\n    \"column\": ", f.column),
        (b",\n    \"end_line\": ", f.end_line),
        (b",\n    \"end_column\": ", f.end_column),
    ] {
        out.extend_from_slice(key);
        out.extend_from_slice(num.format(n).as_bytes());
    }
    out.extend_from_slice(b",\n    \"message\": ");
    write_str(out, &f.diag.message);
    out.extend_from_slice(b",\n    \"help\": ");
    write_str(out, &f.diag.help);
    // The url is `docs#code` ([`crate::rules::docs_url_at`]); JSON escapes a string one
    // character at a time, so its pieces can be escaped apart.
    out.extend_from_slice(b",\n    \"url\": \"");
    write_str_contents(out, docs);
    out.push(b'#');
    let code = out.len();
    write_str_contents(out, f.diag.code);
    out[code..].make_ascii_lowercase(); // escapes are lower case already
    out.extend_from_slice(b"\"\n  }");
}

/// `s` as a JSON string, escaped as `serde_json` escapes it: `"` and `\\` with a backslash,
/// the control characters below 0x20 as `\b \t \n \f \r` or `\u00xx` (lower-case hex), every
/// other character as it is. Eight bytes at a time are searched for the next byte to escape.
fn write_str(out: &mut Vec<u8>, s: &str) {
    out.reserve(s.len() + 2);
    out.push(b'"');
    write_str_contents(out, s);
    out.push(b'"');
}

/// [`write_str`] without the quotes.
fn write_str_contents(out: &mut Vec<u8>, s: &str) {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = ONES << 7;
    // The high bit of each byte of `x` (read little-endian) that is below 0x20, `"` or `\\`.
    // A borrow can mark a byte after such a byte too, never one before it: the lowest mark
    // is exact.
    fn marks(x: u64) -> u64 {
        let quote = x ^ (ONES * u64::from(b'"'));
        let slash = x ^ (ONES * u64::from(b'\\'));
        ((x.wrapping_sub(ONES * 0x20) & !x)
            | (quote.wrapping_sub(ONES) & !quote)
            | (slash.wrapping_sub(ONES) & !slash))
            & HIGH
    }
    fn special(c: u8) -> bool {
        c < 0x20 || c == b'"' || c == b'\\'
    }
    let b = s.as_bytes();
    let mut copied = 0;
    let mut i = 0;
    loop {
        // The next byte to escape, from `i` on.
        let next = loop {
            match b.get(i..i + 8) {
                Some(word) => {
                    let m = marks(u64::from_le_bytes(word.try_into().expect("eight bytes")));
                    if m != 0 {
                        break Some(i + m.trailing_zeros() as usize / 8);
                    }
                    i += 8;
                }
                None => break b[i..].iter().position(|&c| special(c)).map(|k| i + k),
            }
        };
        let Some(at) = next else { break };
        let c = b[at];
        out.extend_from_slice(&b[copied..at]);
        copied = at + 1;
        i = at + 1;
        let short = match c {
            b'"' => b'"',
            b'\\' => b'\\',
            0x08 => b'b',
            b'\t' => b't',
            b'\n' => b'n',
            0x0C => b'f',
            b'\r' => b'r',
            _ => 0,
        };
        if short == 0 {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(b"\\u00");
            out.push(HEX[usize::from(c >> 4)]);
            out.push(HEX[usize::from(c & 0xF)]);
        } else {
            out.push(b'\\');
            out.push(short);
        }
    }
    out.extend_from_slice(&b[copied..]);
}

pub fn render(reports: &[FileReport], docs: &str) -> String {
    super::to_string(|r, w| write(r, docs, w), reports)
}

/// Stream the array, pretty-printed exactly as `serde_json::to_string_pretty` prints it.
pub fn write(
    reports: &[FileReport],
    docs: &str,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let opts = super::RenderOptions {
        docs: docs.to_string(),
        ..super::RenderOptions::plain(super::Format::Json)
    };
    super::stream::write_all(reports, &opts, w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Diagnostic, Finding, Severity};
    use crate::source::{Source, Span};

    #[test]
    fn streamed_json_equals_serde_pretty() {
        let src = Source::new(b"a\nbb\n".to_vec());
        let f = |s, e, m: &str| {
            Finding::locate(
                Diagnostic::new("SML001", Severity::Info, Span::new(s, e), m).with_help("h\"x"),
                &src,
            )
        };
        let rep = FileReport {
            path: "p\\q.bat".into(),
            source: None,
            secrets: Vec::new(),
            findings: vec![f(0, 1, "one\nline"), f(2, 4, "two")],
        };
        let items: Vec<JsonFinding<'_>> = rep
            .findings
            .iter()
            .map(|f| JsonFinding::new(&rep, f, "d"))
            .collect();
        let mut want = serde_json::to_string_pretty(&items).unwrap();
        want.push('\n');
        assert_eq!(render(std::slice::from_ref(&rep), "d"), want);
        assert_eq!(render(&[], "d"), "[]\n");
    }

    /// [`write_item`] gives the bytes of `serde_json`'s pretty printer for [`JsonFinding::of`].
    fn same_as_serde(
        code: &'static str,
        sev: Severity,
        path: &str,
        msg: &str,
        help: &str,
        docs: &str,
    ) {
        let src = Source::new(b"a\nbb\n".to_vec());
        let mut f = Finding::locate(
            Diagnostic::new(code, sev, Span::new(0, 1), msg).with_help(help),
            &src,
        );
        f.line = msg.len() * 1_000_003;
        f.end_column = usize::MAX;
        let mut want = Vec::new();
        super::super::stream::write_pretty_at(&mut want, &JsonFinding::of(path, &f, docs), 1)
            .unwrap();
        let mut got = Vec::new();
        write_item(&mut got, path, &f, docs);
        assert_eq!(
            String::from_utf8_lossy(&got),
            String::from_utf8_lossy(&want)
        );
    }

    #[test]
    fn items_match_serde_pretty() {
        // Every ASCII byte and some wider characters, at every offset in an eight-byte word.
        let ascii: String = (0u8..0x80).map(char::from).collect();
        let wide = "é€𝄞\u{7f}\u{80}\u{2028}";
        for lead in 0..9 {
            let pad = "x".repeat(lead);
            for s in [&ascii, wide, "", "\"", "\\", "a\u{0}b\u{1f}c"] {
                let t = format!("{pad}{s}{pad}");
                same_as_serde("BAT201", Severity::Warning, &t, &t, &t, &t);
            }
        }
        same_as_serde(
            "SMS101",
            Severity::Error,
            "C:\\x y\\\"q\".bat",
            "m",
            "",
            "file:///d/r.md",
        );
    }

    proptest::proptest! {
        #[test]
        fn items_match_serde_pretty_on_any_text(
            path in ".*", msg in ".*", help in "\\PC*", docs in ".{0,12}",
            sev in 0..3usize,
        ) {
            let sev = [Severity::Error, Severity::Warning, Severity::Info][sev];
            same_as_serde("NET101", sev, &path, &msg, &help, &docs);
        }
    }

    #[test]
    fn csv_rows_have_the_json_fields_in_order() {
        let src = Source::new(b"a,b\n".to_vec());
        let d = Diagnostic::new("SML001", Severity::Warning, Span::new(0, 3), "x, \"y\"");
        let rep = FileReport {
            path: "p.bat".into(),
            source: None,
            secrets: Vec::new(),
            findings: vec![Finding::locate(d, &src)],
        };
        let v = serde_json::to_value(JsonFinding::new(&rep, &rep.findings[0], "d")).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        let mut sorted = FIELDS.to_vec();
        sorted.sort_unstable();
        assert_eq!(keys, sorted, "JsonFinding serialises exactly FIELDS");
        let out = super::super::csv::render(std::slice::from_ref(&rep), "d");
        let mut rdr = ::csv::Reader::from_reader(out.as_bytes());
        let head: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(head, FIELDS);
        let row = rdr.records().next().unwrap().unwrap();
        assert_eq!(&row[0], "SML001");
        assert_eq!(&row[2], "warning");
        assert_eq!(&row[3], "p.bat");
        assert_eq!(&row[4], "1");
        assert_eq!(&row[8], "x, \"y\"");
        assert_eq!(super::super::csv::render(&[], "d").lines().count(), 1);
    }
}
