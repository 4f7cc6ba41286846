//! Reads ROR records from JSON lines, a JSON array or a single JSON object,
//! gzip-compressed or not, without holding the whole text in memory.

use std::fmt;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use flate2::read::MultiGzDecoder;
use serde::Deserialize;
use serde::de::{Deserializer, SeqAccess, Visitor};

use super::record::RorRecord;
use crate::InteropError;

/// Items are handed on in chunks so the channel costs little per record.
const CHUNK: usize = 256;
/// Large buffers: the input is read once, front to back.
const BUFFER: usize = 256 * 1024;

/// One record read from the input, or why it could not be.
#[derive(Debug)]
pub(crate) enum Item {
    /// A record and where it was (`line 7`, `record 3`).
    Record { at: String, record: Box<RorRecord> },
    /// A record that is not valid JSON or not ROR-shaped, and why.
    Malformed { at: String, reason: String },
}

/// Counts the bytes read from the file, so progress shows compressed bytes
/// against the file's size.
pub(crate) struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R> Counting<R> {
    /// Wraps `inner`, adding every byte read to `count`.
    pub fn new(inner: R, count: Arc<AtomicU64>) -> Self {
        Counting { inner, count }
    }
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Reads every record of `input`, handing them to `sink` in chunks; stops
/// early when `sink` returns false (the importer gave up).
pub(crate) fn read_items(
    input: impl Read + 'static,
    sink: &mut dyn FnMut(Vec<Item>) -> bool,
) -> Result<(), InteropError> {
    let mut raw = BufReader::with_capacity(BUFFER, input);
    let gzip = raw.fill_buf()?.starts_with(&[0x1f, 0x8b]);
    let mut text: Box<dyn BufRead> = if gzip {
        Box::new(BufReader::with_capacity(BUFFER, MultiGzDecoder::new(raw)))
    } else {
        Box::new(raw)
    };
    let line = skip_blank(&mut text)?;
    let mut out = Chunks {
        items: Vec::with_capacity(CHUNK),
        sink,
        stopped: false,
    };
    match text.fill_buf()?.first().copied() {
        None => {}
        Some(b'[') => read_array(text, line, &mut out)?,
        Some(b'{') => read_lines_or_object(text, line, &mut out)?,
        Some(_) => {
            let buf = text.fill_buf()?;
            let head = String::from_utf8_lossy(&buf[..buf.len().min(4)]);
            return Err(InteropError::NotJson(head.chars().next().unwrap_or('?')));
        }
    }
    out.flush();
    Ok(())
}

/// Collects items and passes them on a chunk at a time.
struct Chunks<'s> {
    items: Vec<Item>,
    sink: &'s mut dyn FnMut(Vec<Item>) -> bool,
    stopped: bool,
}

impl Chunks<'_> {
    /// Adds an item; false once the receiver is gone.
    fn push(&mut self, item: Item) -> bool {
        self.items.push(item);
        if self.items.len() >= CHUNK {
            self.flush();
        }
        !self.stopped
    }

    fn flush(&mut self) {
        if !self.items.is_empty() && !self.stopped {
            let items = std::mem::replace(&mut self.items, Vec::with_capacity(CHUNK));
            self.stopped = !(self.sink)(items);
        }
    }
}

/// Skips whitespace and a UTF-8 byte order mark; returns the line reached (1-based).
fn skip_blank(text: &mut dyn BufRead) -> io::Result<u64> {
    let mut line = 1;
    let mut first = true;
    loop {
        let buf = text.fill_buf()?;
        if buf.is_empty() {
            return Ok(line);
        }
        let bom = if first && buf.starts_with(&[0xef, 0xbb, 0xbf]) {
            3
        } else {
            0
        };
        first = false;
        let blank = buf[bom..]
            .iter()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
        line += buf[bom..bom + blank]
            .iter()
            .filter(|b| **b == b'\n')
            .count() as u64;
        let done = bom + blank < buf.len();
        text.consume(bom + blank);
        if done {
            return Ok(line);
        }
    }
}

/// One pretty-printed object when the first line is a lone `{` (as every
/// pretty printer writes it), else JSON lines: a broken first line of a JSON
/// lines file must not turn the whole file into one failed document.
fn read_lines_or_object(
    mut text: Box<dyn BufRead>,
    mut line: u64,
    out: &mut Chunks<'_>,
) -> Result<(), InteropError> {
    let mut buf = Vec::with_capacity(16 * 1024);
    text.read_until(b'\n', &mut buf)?;
    if buf.trim_ascii() == b"{" {
        let whole = Cursor::new(buf).chain(text);
        let item = match serde_json::from_reader::<_, RorRecord>(whole) {
            Ok(record) => Item::Record {
                at: "record 1".into(),
                record: Box::new(record),
            },
            Err(e) if e.is_io() => return Err(InteropError::Read(e.into())),
            Err(e) => Item::Malformed {
                at: format!("line {}", line + e.line() as u64 - 1),
                reason: e.to_string(),
            },
        };
        out.push(item);
        return Ok(());
    }
    loop {
        let record = buf.trim_ascii();
        if !record.is_empty() {
            let at = || format!("line {line}");
            let item = match serde_json::from_slice::<RorRecord>(record) {
                Ok(record) => Item::Record {
                    at: at(),
                    record: Box::new(record),
                },
                Err(e) => Item::Malformed {
                    at: at(),
                    reason: within_line(&e),
                },
            };
            if !out.push(item) {
                return Ok(());
            }
        }
        line += 1;
        buf.clear();
        if text.read_until(b'\n', &mut buf)? == 0 {
            return Ok(());
        }
    }
}

/// The error without serde's "line 1", which would contradict the file's line number.
fn within_line(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let position = format!(" at line {} column {}", e.line(), e.column());
    match text.strip_suffix(&position) {
        Some(message) if e.line() == 1 => format!("{message} at column {}", e.column()),
        _ => text,
    }
}

/// A JSON array of records, read element by element.
fn read_array(text: Box<dyn BufRead>, line: u64, out: &mut Chunks<'_>) -> Result<(), InteropError> {
    let mut de = serde_json::Deserializer::from_reader(text);
    let result = de.deserialize_seq(Elements { out: &mut *out });
    match result.and_then(|()| de.end()) {
        Ok(()) => Ok(()),
        Err(_) if out.stopped => Ok(()),
        Err(e) if e.is_io() => Err(InteropError::Read(e.into())),
        Err(e) => {
            // Past a syntax error there is no telling where the next record starts.
            out.push(Item::Malformed {
                at: format!("line {}", line + e.line() as u64 - 1),
                reason: format!("{e}; the rest of the input was not read"),
            });
            Ok(())
        }
    }
}

/// Visits the array, turning each element into an item.
struct Elements<'a, 's> {
    out: &'a mut Chunks<'s>,
}

impl<'de> Visitor<'de> for Elements<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of ROR records")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut index = 0u64;
        // Each element is read as a JSON value first, so one record of the
        // wrong shape is reported and the rest still read.
        while let Some(value) = seq.next_element::<serde_json::Value>()? {
            index += 1;
            let at = format!("record {index}");
            let item = match RorRecord::deserialize(value) {
                Ok(record) => Item::Record {
                    at,
                    record: Box::new(record),
                },
                Err(e) => Item::Malformed {
                    at,
                    reason: e.to_string(),
                },
            };
            if !self.out.push(item) {
                return Err(serde::de::Error::custom("the import stopped"));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    /// Where each item was and whether it was a record.
    fn read(bytes: &[u8]) -> Vec<(String, bool)> {
        let mut got = Vec::new();
        read_items(Cursor::new(bytes.to_vec()), &mut |items| {
            got.extend(items.into_iter().map(|i| match i {
                Item::Record { at, .. } => (at, true),
                Item::Malformed { at, .. } => (at, false),
            }));
            true
        })
        .unwrap();
        got
    }

    fn at(items: &[(&str, bool)]) -> Vec<(String, bool)> {
        items.iter().map(|(a, ok)| (a.to_string(), *ok)).collect()
    }

    #[test]
    fn json_lines_count_lines_from_one_and_skip_blank_ones() {
        let text = b"\xef\xbb\xbf\n{\"id\": \"a\"}\n\n{\"id\": \n{\"id\": \"b\"}";
        assert_eq!(
            read(text),
            at(&[("line 2", true), ("line 4", false), ("line 5", true)])
        );
    }

    #[test]
    fn arrays_report_records_by_position_and_stop_at_broken_syntax() {
        assert_eq!(
            read(b" [ {\"id\": \"a\"}, {\"names\": 1}, {\"id\": \"c\"} ]"),
            at(&[("record 1", true), ("record 2", false), ("record 3", true)])
        );
        assert_eq!(
            read(b"[\n{\"id\": \"a\"},\n{\"id\" \"b\"}]"),
            at(&[("record 1", true), ("line 3", false)])
        );
        assert_eq!(read(b"[]"), at(&[]));
    }

    #[test]
    fn a_broken_first_line_does_not_hide_the_rest() {
        assert_eq!(
            read(b"{\"id\": \"a\", \"na\n{\"id\": \"b\"}\n"),
            at(&[("line 1", false), ("line 2", true)])
        );
    }

    #[test]
    fn a_pretty_printed_object_is_one_record() {
        assert_eq!(
            read(b"{\n  \"id\": \"a\",\n  \"names\": []\n}\n"),
            at(&[("record 1", true)])
        );
    }

    #[test]
    fn gzip_is_recognised_by_its_magic_bytes() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"{\"id\": \"a\"}\n{\"id\": \"b\"}\n").unwrap();
        assert_eq!(
            read(&gz.finish().unwrap()),
            at(&[("line 1", true), ("line 2", true)])
        );
    }

    #[test]
    fn empty_input_has_no_records_and_other_text_is_refused() {
        assert_eq!(read(b"  \n "), at(&[]));
        let err = read_items(Cursor::new(b"id,name\n".to_vec()), &mut |_| true).unwrap_err();
        assert!(matches!(err, InteropError::NotJson('i')), "{err}");
    }

    #[test]
    fn reading_stops_when_the_importer_gives_up() {
        let lines: String = (0..1000)
            .map(|i| format!("{{\"id\": \"{i}\"}}\n"))
            .collect();
        let mut chunks = 0;
        read_items(Cursor::new(lines.into_bytes()), &mut |_| {
            chunks += 1;
            false
        })
        .unwrap();
        assert_eq!(chunks, 1);
    }
}
