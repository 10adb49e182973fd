//! Writing findings one at a time, as they come, in the formats whose report is a sequence of
//! per-finding items (`concise`, `csv`, `github`, `json`, `sarif`). Nothing is kept per finding:
//! a JSON or SARIF item is serialised from borrowed fields straight into the writer, so an audit
//! of a million rows writes its report in bounded memory. [`super::render`] of these formats is
//! this stream into a buffer, so both give the same bytes by construction.

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
        let buf = &mut self.buf;
        match &mut self.state {
            State::Lines => match self.opts.format {
                Format::Github => super::github::write_one(path, f, buf)?,
                _ => super::concise::write_one(path, f, buf)?,
            },
            State::Csv(csv) => {
                csv.serialize(super::json::JsonFinding::of(path, f, &self.opts.docs))?
            }
            State::Json => {
                buf.extend_from_slice(if first { b"\n  " } else { b",\n  " });
                write_pretty_at(
                    buf,
                    &super::json::JsonFinding::of(path, f, &self.opts.docs),
                    1,
                )?;
            }
            State::Sarif(results) => results.write(path, f, first, &self.opts, buf)?,
        }
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

/// Every finding of `reports` in a streamed format ([`streamable`]), in report order.
pub fn write_all(
    reports: &[FileReport],
    opts: &RenderOptions,
    w: &mut dyn Write,
) -> std::io::Result<()> {
    let mut stream = Stream::start(opts, w)?;
    for (r, f) in super::all(reports) {
        stream.finding(&r.path, f)?;
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
}
