//! Writing findings one at a time, as they come, in the formats whose report is a sequence of
//! per-finding items (`concise`, `csv`, `github`, `json`, `sarif`). Nothing is kept per finding:
//! a JSON item is written field by field and a SARIF result serialised from borrowed fields,
//! straight into the writer, so an audit of a million rows writes its report in bounded memory.
//! [`super::render`] of these formats is this stream into a buffer, so both give the same bytes
//! by construction.

use std::io::Write;

use serde::Serialize;

use crate::diagnostic::{FileReport, Finding};

use super::{Format, RenderOptions};

/// `serde_json`'s pretty printer (two-space indent) starting `depth` levels deep, so that an
/// item serialised on its own nests exactly as it would inside the enclosing document.
pub(crate) struct Indented {
    depth: usize,
    has_value: bool,
}

impl Indented {
    pub(crate) fn at(depth: usize) -> Indented {
        Indented {
            depth,
            has_value: false,
        }
    }

    fn indent<W: ?Sized + Write>(&self, w: &mut W) -> std::io::Result<()> {
        const SPACES: &[u8] = &[b' '; 64];
        let mut n = self.depth * 2;
        while n > 0 {
            let k = n.min(SPACES.len());
            w.write_all(&SPACES[..k])?;
            n -= k;
        }
        Ok(())
    }

    fn open<W: ?Sized + Write>(&mut self, w: &mut W, b: &[u8]) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(b)
    }

    fn close<W: ?Sized + Write>(&mut self, w: &mut W, b: &[u8]) -> std::io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            w.write_all(b"\n")?;
            self.indent(w)?;
        }
        w.write_all(b)
    }

    fn item<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        w.write_all(if first { b"\n" } else { b",\n" })?;
        self.indent(w)
    }
}

impl serde_json::ser::Formatter for Indented {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"[")
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"]")
    }
    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.item(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"{")
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"}")
    }
    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.item(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Serialise `value` pretty-printed as if it sat `depth` levels deep in a document (its first
/// line not indented: the caller has written that indent).
pub(crate) fn write_pretty_at<T: Serialize + ?Sized, W: Write + ?Sized>(
    w: &mut W,
    value: &T,
    depth: usize,
) -> std::io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(w, Indented::at(depth));
    value.serialize(&mut ser).map_err(std::io::Error::from)
}

/// Whether a format can be written finding by finding (`full` and `--statistics` need them
/// all first).
pub fn streamable(opts: &RenderOptions) -> bool {
    !opts.statistics
        && matches!(
            opts.format,
            Format::Concise | Format::Csv | Format::Github | Format::Json | Format::Sarif
        )
}

/// Per-format state between findings.
enum State<'w> {
    Lines,
    /// The rows go through a CSV writer, which has its own buffer in front of the output.
    Csv(Box<::csv::Writer<&'w mut dyn Write>>),
    Json,
    Sarif(super::sarif::Results),
}

/// A report being written one finding at a time ([`Stream::start`], [`Stream::finding`] for
/// each, in report order, then [`Stream::finish`]).
pub struct Stream<'w> {
    opts: RenderOptions,
    state: State<'w>,
    /// The output (`None` when the CSV writer holds it).
    w: Option<&'w mut dyn Write>,
    /// Findings are formatted here and handed to the output in pieces of about [`PIECE`]
    /// bytes: the many small writes of a serialiser go to a plain `Vec`, not through the
    /// output's vtable.
    buf: Vec<u8>,
    /// Findings written so far.
    written: u64,
}

/// How many bytes are gathered before they are written to the output.
const PIECE: usize = 64 * 1024;

impl<'w> Stream<'w> {
    /// Write what precedes the first finding. `opts` must be [`streamable`].
    pub fn start(opts: &RenderOptions, w: &'w mut dyn Write) -> std::io::Result<Stream<'w>> {
        let mut buf = Vec::with_capacity(PIECE + 4096);
        let (state, w) = match opts.format {
            Format::Csv => {
                let mut csv = ::csv::WriterBuilder::new()
                    .has_headers(false)
                    .buffer_capacity(PIECE)
                    .from_writer(w);
                csv.write_record(super::json::FIELDS)?;
                (State::Csv(Box::new(csv)), None)
            }
            Format::Json => {
                buf.push(b'[');
                (State::Json, Some(w))
            }
            Format::Sarif => (
                State::Sarif(super::sarif::Results::start(opts, &mut buf)),
                Some(w),
            ),
            Format::Concise | Format::Github | Format::Full => (State::Lines, Some(w)),
        };
        Ok(Stream {
            opts: opts.clone(),
            state,
            w,
            buf,
            written: 0,
        })
    }

    /// Write one finding of the file shown as `path`.
    pub fn finding(&mut self, path: &str, f: &Finding) -> std::io::Result<()> {
        let first = self.written == 0;
        self.written += 1;
        write_finding(&mut self.state, &self.opts, first, path, f, &mut self.buf)?;
        if self.buf.len() >= PIECE {
            self.drain()?;
        }
        Ok(())
    }

    /// Hand what is gathered to the output.
    fn drain(&mut self) -> std::io::Result<()> {
        if let Some(w) = &mut self.w {
            w.write_all(&self.buf)?;
        }
        self.buf.clear();
        Ok(())
    }

    /// Findings written so far.
    pub fn written(&self) -> u64 {
        self.written
    }

    /// Write what follows the last finding.
    pub fn finish(mut self) -> std::io::Result<()> {
        let any = self.written > 0;
        match std::mem::replace(&mut self.state, State::Lines) {
            State::Lines => {}
            State::Csv(mut csv) => csv.flush()?,
            State::Json => self
                .buf
                .extend_from_slice(if any { b"\n]\n" } else { b"]\n" }),
            State::Sarif(results) => results.finish(any, &mut self.buf),
        }
        self.drain()
    }
}

/// Write one finding of the file shown as `path` in the format of `state` (`first`: no
/// finding of the report precedes it).
fn write_finding(
    state: &mut State<'_>,
    opts: &RenderOptions,
    first: bool,
    path: &str,
    f: &Finding,
    buf: &mut Vec<u8>,
) -> std::io::Result<()> {
    match state {
        State::Lines => match opts.format {
            Format::Github => super::github::write_one(path, f, buf),
            _ => super::concise::write_one(path, f, buf),
        },
        State::Csv(csv) => Ok(csv.serialize(super::json::JsonFinding::of(path, f, &opts.docs))?),
        State::Json => {
            buf.extend_from_slice(if first { b"\n  " } else { b",\n  " });
            super::json::write_item(buf, path, f, &opts.docs);
            Ok(())
        }
        State::Sarif(results) => results.write(path, f, first, opts, buf),
    }
}

/// Findings rendered together by one worker when a report is written in parallel, and how
/// many such pieces are in memory at once (per worker thread): about 150 KB of JSON a piece.
const PIECE_FINDINGS: usize = 256;
const PIECES_PER_THREAD: usize = 4;

/// Every finding of `reports` in a streamed format ([`streamable`]), in report order.
///
/// With more than one piece of findings ([`PIECE_FINDINGS`]) and more than one worker, the
/// pieces are rendered on rayon's workers a few at a time and written in
/// order: the bytes are those of one sequential stream (a finding's text depends only on the
/// finding and on whether it is the report's first; SARIF's per-piece caches of the last URI
/// and rule give the same values), and memory holds a few pieces, not the report. CSV goes
/// through its writer's own quoting state and stays sequential.
pub fn write_all(
    reports: &[FileReport],
    opts: &RenderOptions,
    w: &mut dyn Write,
) -> std::io::Result<()> {
    use rayon::prelude::*;
    let mut stream = Stream::start(opts, w)?;
    let total: usize = reports.iter().map(|r| r.findings.len()).sum();
    let threads = rayon::current_num_threads();
    if matches!(stream.state, State::Csv(_)) || total <= PIECE_FINDINGS || threads < 2 {
        for (r, f) in super::all(reports) {
            stream.finding(&r.path, f)?;
        }
        return stream.finish();
    }
    // Pieces of PIECE_FINDINGS findings (a large report is cut into several).
    let all: Vec<(&FileReport, &Finding)> = super::all(reports).collect();
    let pieces: Vec<&[(&FileReport, &Finding)]> = all.chunks(PIECE_FINDINGS).collect();
    // The pieces' buffers go round: the workers fill them, this thread writes and hands them
    // back (freed here, each would be a free on another thread's heap, kept until that thread
    // allocates again: about 10 MB more at the end of a 10,000-file run).
    let mut pool: Vec<Vec<u8>> = Vec::new();
    for batch in pieces.chunks(threads * PIECES_PER_THREAD) {
        let none_yet = stream.written == 0;
        let bufs: Vec<Vec<u8>> = batch
            .iter()
            .map(|_| pool.pop().unwrap_or_default())
            .collect();
        let rendered: Vec<std::io::Result<(Vec<u8>, u64)>> = batch
            .par_iter()
            .zip(bufs)
            .enumerate()
            .map(|(k, (piece, mut buf))| {
                let mut state = match opts.format {
                    Format::Sarif => State::Sarif(super::sarif::Results::piece()),
                    Format::Json => State::Json,
                    _ => State::Lines,
                };
                // Only the run's very first finding is `first`: every piece but the first
                // one of the first batch follows findings.
                let mut first = none_yet && k == 0;
                buf.clear();
                let mut count = 0;
                for &(r, f) in piece.iter() {
                    write_finding(&mut state, opts, first, &r.path, f, &mut buf)?;
                    first = false;
                    count += 1;
                }
                Ok((buf, count))
            })
            .collect();
        for r in rendered {
            let (buf, count) = r?;
            stream.drain()?;
            stream.written += count;
            if let Some(w) = &mut stream.w {
                w.write_all(&buf)?;
            }
            pool.push(buf);
        }
    }
    stream.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indented_nests_like_the_pretty_printer() {
        let v = serde_json::json!({ "a": [1, { "b": [] , "c": {} }], "d": "x\ny" });
        let whole = serde_json::to_string_pretty(&serde_json::json!([[v.clone()]])).unwrap();
        let mut item = b"    ".to_vec();
        write_pretty_at(&mut item, &v, 2).unwrap();
        let item = String::from_utf8(item).unwrap();
        assert!(whole.contains(&item), "{whole}\n---\n{item}");
        let mut top = Vec::new();
        write_pretty_at(&mut top, &v, 0).unwrap();
        assert_eq!(
            String::from_utf8(top).unwrap(),
            serde_json::to_string_pretty(&v).unwrap()
        );
    }

    /// Written in parallel pieces, every streamed format gives the bytes of one sequential
    /// stream: reports of no, one and many findings (one report cut into several pieces),
    /// several rules and paths (SARIF's caches), the first finding in the first piece only.
    #[test]
    fn parallel_pieces_give_the_sequential_bytes() {
        use crate::diagnostic::{Diagnostic, Severity};
        use crate::source::{Source, Span};
        let src = Source::new(b"echo a\r\nset b=1\r\ngoto x\r\n".to_vec());
        let codes = ["BAT101", "BAT201", "SMS405", "NOPE999"];
        let counts = [0, 1, 700, 3, 0, 255, 256, 1, 2 * PIECE_FINDINGS + 1, 0];
        let reports: Vec<FileReport> = counts
            .iter()
            .enumerate()
            .map(|(i, &n)| FileReport {
                path: format!("dir {}/f{i}.bat", i % 3),
                source: None,
                secrets: Vec::new(),
                findings: (0..n)
                    .map(|k| {
                        let start = (k * 7) % 20;
                        let d = Diagnostic::new(
                            codes[(k / 3 + i) % codes.len()],
                            Severity::Warning,
                            Span::new(start, start + 2),
                            format!("finding {k} of \"{i}\""),
                        )
                        .with_help("do \\ that");
                        Finding::locate(d, &src)
                    })
                    .collect(),
            })
            .collect();
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(3)
            .build()
            .unwrap();
        for format in [Format::Json, Format::Sarif, Format::Concise, Format::Github] {
            let opts = RenderOptions::plain(format);
            let mut one = Vec::new();
            let mut stream = Stream::start(&opts, &mut one).unwrap();
            for (r, f) in super::super::all(&reports) {
                stream.finding(&r.path, f).unwrap();
            }
            stream.finish().unwrap();
            let mut pieces = Vec::new();
            pool.install(|| write_all(&reports, &opts, &mut pieces))
                .unwrap();
            assert!(one.len() > 50_000, "{format:?}: {} bytes", one.len());
            assert!(one == pieces, "{format:?} differs");
        }
    }
}
