//! A line-level look at the file's own `set name=value` lines, for the few places where the
//! parser must know what a `%name%` expands to before phase 2 reads the line
//! (cmd-semantics §1.3: a `%var%` whose value holds `^`, `(` or a keyword changes the
//! structure of the command):
//!
//! * a continuation macro (`%\n%`, `%\macroN%`, `%$\n%`, or any name the file sets to a value
//!   ending in a caret) at the end of a physical line continues that line like a caret;
//! * a command word that is only `%name%`, where the file sets `name` to `if …` or `for …`,
//!   reads like that IF or FOR (the `(` after it opens the command's block).
//!
//! This is one linear pass over the physical lines; nothing here follows control flow. A
//! name set in several places keeps the first value.

use rustc_hash::FxHashMap as HashMap;

use super::parse::is_delim;

/// What the file's `set` lines say about a variable, as far as structure is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    /// The value ends in `^`: at the end of a line it continues the line.
    Continuation,
    /// The value starts with the keyword `if`.
    If,
    /// The value starts with the keyword `for`.
    For,
    /// Anything else.
    Plain,
}

/// Lower-case variable name → the shape of its first in-file value.
#[derive(Default)]
pub(crate) struct SetTable {
    names: HashMap<Vec<u8>, Shape>,
}

impl SetTable {
    /// Read every physical line of the cleaned text (LF and Ctrl-Z end a line).
    pub(crate) fn scan(t: &[u8]) -> SetTable {
        let mut names = HashMap::default();
        // The lines as `t.split(|&b| b == b'\n' || b == 0x1A)` gives them, found with
        // `memchr2` instead of a test per byte.
        let mut rest = t;
        loop {
            let (line, next) = match memchr::memchr2(b'\n', 0x1A, rest) {
                Some(i) => (&rest[..i], Some(&rest[i + 1..])),
                None => (rest, None),
            };
            if let Some((name, shape)) = set_line(line) {
                if !names.contains_key(name) {
                    names.insert(name.to_ascii_lowercase(), shape);
                }
            }
            match next {
                Some(n) => rest = n,
                None => break,
            }
        }
        SetTable { names }
    }

    /// Only the continuation macros: the set lines whose value ends in a caret, read from
    /// `lines` (cleaned ranges of the lines ending in `^` or `^"`, found while phase 1 reads
    /// the file).
    pub(crate) fn continuations(t: &[u8], lines: &[(usize, usize)]) -> SetTable {
        let mut names = HashMap::default();
        for &(a, b) in lines {
            if let Some((name, Shape::Continuation)) = set_line(&t[a..b]) {
                if !names.contains_key(name) {
                    names.insert(name.to_ascii_lowercase(), Shape::Continuation);
                }
            }
        }
        SetTable { names }
    }

    /// The shape of `name`'s first in-file value; `buf` is scratch space for the lower-case
    /// key (reused by callers that ask often).
    pub(crate) fn shape(&self, name: &[u8], buf: &mut Vec<u8>) -> Option<Shape> {
        buf.clear();
        buf.extend(name.iter().map(u8::to_ascii_lowercase));
        self.names.get(buf.as_slice()).copied()
    }
}

/// Is `name` (without the `%`) a continuation macro by the common naming convention of the
/// DosTips macro libraries: `\n`, `\\n`, `\macroN`, `$\n`, `\N`, … (a name starting with `\`
/// or `$\`)?
pub(crate) fn conventional_continuation(name: &[u8]) -> bool {
    name.len() > 1 && (name.starts_with(b"\\") || name.starts_with(b"$\\"))
}

/// `[(|@|D]* set [^]"name=value["]` or `set name=value` on one line: the name as written
/// (the table folds case) and the value's shape.
fn set_line(line: &[u8]) -> Option<(&[u8], Shape)> {
    let mut i = 0;
    while i < line.len() && (is_delim(line[i]) || matches!(line[i], b'(' | b'@')) {
        i += 1;
    }
    let rest = &line[i..];
    if rest.len() < 4 || !rest[..3].eq_ignore_ascii_case(b"set") {
        return None;
    }
    let mut j = 3;
    if !(is_delim(rest[j]) || rest[j] == b'"' || rest[j] == b'^') {
        return None;
    }
    while j < rest.len() && matches!(rest[j], b' ' | b'\t') {
        j += 1;
    }
    let mut quoted = false;
    // `set ^"name=value^"`: the escaped quote leaves the line unquoted, so its carets are
    // escapes; a caret right before the closing quote escapes that quote, and is no part
    // of the value (`set ^"ARGS=%*^"` stores the arguments, with no caret at the end).
    let mut escaped_quote = false;
    if rest[j..].starts_with(b"^\"") {
        quoted = true;
        escaped_quote = true;
        j += 2;
    } else if rest.get(j) == Some(&b'"') {
        quoted = true;
        j += 1;
    }
    let body = &rest[j..];
    let eq = body.iter().position(|&b| b == b'=')?;
    let name = &body[..eq];
    if name.is_empty() || name.starts_with(b"/") || name.contains(&b' ') {
        return None;
    }
    let mut value = &body[eq + 1..];
    if quoted {
        if let Some(q) = value.iter().rposition(|&b| b == b'"') {
            value = &value[..q];
            let carets = value.iter().rev().take_while(|&&b| b == b'^').count();
            if escaped_quote && carets % 2 == 1 {
                value = &value[..q - 1];
            }
        }
    }
    // Unquoted, a lone caret at the end of a plain value (`set help=text ^`) escapes the
    // line end: the SET goes on with the next line and its value ends in no caret. The
    // macro idioms build their final caret with `^^` or put it right after a `%LF%` expansion.
    let carets = value.iter().rev().take_while(|&&b| b == b'^').count();
    let own_continuation =
        !quoted && carets == 1 && value.len() >= 2 && value[value.len() - 2] != b'%';
    let shape = if carets > 0 && !own_continuation {
        Shape::Continuation
    } else if starts_keyword(value, b"if") {
        Shape::If
    } else if starts_keyword(value, b"for") {
        Shape::For
    } else {
        Shape::Plain
    };
    Some((name, shape))
}

fn starts_keyword(v: &[u8], kw: &[u8]) -> bool {
    let v = &v[v.iter().position(|&b| !is_delim(b)).unwrap_or(v.len())..];
    v.len() > kw.len() && v[..kw.len()].eq_ignore_ascii_case(kw) && is_delim(v[kw.len()])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_of_set_lines() {
        let t = b"set ^\"\\n=^^^%LF%%LF%^%LF%%LF%^^\"\n\
                  set \"_ifx=if exist \"%TEMP%\\f.txt\"\"\n\
                  (set re=/R)\n\
                  @set loop=for %%a in (1) do\n\
                  set NL=^^^%LF%%LF%^%LF%%LF%^\n\
                  set /a n=1\n\
                  set usage=first half of %~n0 text ^\n\
                  set ^\"ARGS=%*^\"\n\
                  set ^\"NL2=^^^\"\n";
        let s = SetTable::scan(t);
        let b = &mut Vec::new();
        assert_eq!(s.shape(b"\\n", b), Some(Shape::Continuation));
        // The caret before an escaped closing quote escapes it: no caret in the value.
        assert_eq!(s.shape(b"args", b), Some(Shape::Plain));
        assert_eq!(s.shape(b"nl2", b), Some(Shape::Continuation));
        assert_eq!(s.shape(b"_IFX", b), Some(Shape::If));
        assert_eq!(s.shape(b"re", b), Some(Shape::Plain));
        assert_eq!(s.shape(b"loop", b), Some(Shape::For));
        assert_eq!(s.shape(b"nl", b), Some(Shape::Continuation));
        assert_eq!(s.shape(b"n", b), None);
        assert_eq!(s.shape(b"usage", b), Some(Shape::Plain));
        let lines: Vec<(usize, usize)> = {
            let mut v = Vec::new();
            let mut a = 0;
            for (i, &c) in t.iter().enumerate() {
                if c == b'\n' {
                    v.push((a, i));
                    a = i + 1;
                }
            }
            v
        };
        let cont = SetTable::continuations(t, &lines);
        assert_eq!(cont.shape(b"re", b), None);
        assert_eq!(cont.shape(b"_ifx", b), None);
        assert_eq!(cont.shape(b"NL", b), Some(Shape::Continuation));
        assert_eq!(cont.shape(b"\\n", b), Some(Shape::Continuation));
        // Ctrl-Z ends a line too, and the last line needs no line end.
        let z = SetTable::scan(b"set a=if x\x1aset b=for y\x1a\x1a\nset c=^");
        assert_eq!(z.shape(b"a", b), Some(Shape::If));
        assert_eq!(z.shape(b"b", b), Some(Shape::For));
        assert_eq!(z.shape(b"c", b), Some(Shape::Continuation));
        assert!(conventional_continuation(b"\\macroN"));
        assert!(conventional_continuation(b"$\\n"));
        assert!(!conventional_continuation(b"nul"));
    }
}
