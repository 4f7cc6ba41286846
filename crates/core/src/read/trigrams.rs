//! Which documents of a text hold each run of three bytes, so that a
//! substring search reads the few documents that can hold the needle rather
//! than the whole text: a filter then costs what it finds, not what the
//! registry holds.
//!
//! Trigrams are hashed into a fixed number of buckets and each bucket lists
//! its documents as gaps, one variable-length integer each (about 1–2 bytes
//! a document), or, where that would take as many bytes as one bit per
//! document, as such bits: a common trigram ("uni", "ver") is then tested
//! per candidate rather than read through. A bucket shared by two trigrams,
//! or trigrams found apart from each other, only add candidates: callers
//! check every candidate against the text itself.

/// The byte that splits a document's pieces: no trigram spans it.
const SEPARATOR: u8 = b'\n';

/// Documents, as gaps or bits, of every bucket.
#[derive(Debug, Default)]
pub struct Trigrams {
    /// Where each bucket's postings start in `postings`, and one past the last.
    starts: Vec<u32>,
    /// Each bucket's documents in ascending order, as LEB128 gaps from the
    /// one before (the first from -1), so every gap is at least one; or, in
    /// a bucket exactly `bitmap_len` long, one bit per document.
    postings: Vec<u8>,
    /// Bytes of a bucket listed as bits: gaps never take this many.
    bitmap_len: usize,
}

/// One bucket's documents.
#[derive(Clone, Copy)]
enum Postings<'a> {
    /// LEB128 gaps, fewer bytes than a bitmap.
    Gaps(&'a [u8]),
    /// Bit `d % 8` of byte `d / 8` is set for document `d`.
    Bits(&'a [u8]),
}

impl Trigrams {
    /// The index of `text`, whose document `d` ends (exclusive) at `ends[d]`;
    /// `None` when it would be too large to address.
    pub fn build(text: &[u8], ends: &[usize]) -> Option<Trigrams> {
        let buckets = (text.len() / 16)
            .next_power_of_two()
            .clamp(1 << 10, 1 << 20);
        let bitmap_len = ends.len().div_ceil(8);
        // Two passes over the text: one to size every bucket, one to fill it,
        // so the postings are one exact allocation.
        let mut last = vec![0u32; buckets];
        let mut sizes = vec![0u32; buckets];
        each_trigram(text, ends, &mut last, |bucket, gap, _| {
            sizes[bucket] += gap_len(gap)
        });
        let mut starts = Vec::with_capacity(buckets + 1);
        let mut total = 0u32;
        for size in &mut sizes {
            // Gaps as long as the bitmap or longer: the bitmap instead.
            let bytes = (*size).min(u32::try_from(bitmap_len).ok()?);
            starts.push(total);
            total = total.checked_add(bytes)?;
            // From here on, where the bucket's next gap is written.
            *size = *starts.last()?;
        }
        starts.push(total);
        let (mut write, mut postings) = (sizes, vec![0u8; total as usize]);
        last.fill(0);
        each_trigram(text, ends, &mut last, |bucket, gap, doc| {
            let (start, end) = (starts[bucket] as usize, starts[bucket + 1] as usize);
            if end - start == bitmap_len {
                postings[start + doc as usize / 8] |= 1 << (doc % 8);
            } else {
                let at = &mut write[bucket];
                *at += put_gap(&mut postings[*at as usize..], gap);
            }
        });
        Some(Trigrams {
            starts,
            postings,
            bitmap_len,
        })
    }

    /// The documents of bucket `b`.
    fn postings(&self, b: usize) -> Postings<'_> {
        let list = &self.postings[self.starts[b] as usize..self.starts[b + 1] as usize];
        if list.len() == self.bitmap_len {
            Postings::Bits(list)
        } else {
            Postings::Gaps(list)
        }
    }

    /// Documents, in ascending order, that may contain `needle`: every one
    /// that does, and perhaps others. `None` when the needle is shorter than
    /// a trigram.
    pub fn candidates(&self, needle: &[u8]) -> Option<Vec<u32>> {
        if needle.len() < 3 {
            return None;
        }
        let buckets = self.starts.len() - 1;
        let mut windows: Vec<(usize, Postings)> = (needle.windows(3).enumerate())
            .map(|(at, w)| (at, self.postings(bucket(w, buckets))))
            .collect();
        // The rarest first: every list of gaps is shorter than any bitmap.
        windows.sort_by_key(|&(at, postings)| match postings {
            Postings::Gaps(list) => (false, list.len(), at),
            Postings::Bits(_) => (true, 0, at),
        });
        // Overlapping trigrams ("leu", "euv") share bytes, so their documents
        // mostly coincide: reading the second narrows little and costs a
        // pass. Only trigrams clear of those taken are read.
        let mut taken: Vec<(usize, Postings)> = Vec::new();
        for (at, postings) in windows {
            let clear = |&(other, read): &(usize, Postings)| {
                at.abs_diff(other) >= 3 && read.bytes().as_ptr() != postings.bytes().as_ptr()
            };
            if taken.iter().all(clear) {
                taken.push((at, postings));
            }
        }
        let mut found: Vec<u32> = match taken.first()?.1 {
            Postings::Gaps(list) => Documents::new(list).collect(),
            // Every trigram is common: the bitmaps' intersection.
            Postings::Bits(first) => {
                let mut all = first.to_vec();
                for (_, postings) in &taken[1..] {
                    all.iter_mut()
                        .zip(postings.bytes())
                        .for_each(|(a, b)| *a &= b);
                }
                return Some(ones(&all));
            }
        };
        for &(_, postings) in &taken[1..] {
            match postings {
                // Checking a few candidates against the text costs less
                // than reading a long list to rule them out.
                Postings::Gaps(list) if list.len() > found.len() * 4 => {}
                Postings::Gaps(list) => {
                    let mut docs = Documents::new(list).peekable();
                    found.retain(|&d| {
                        while docs.next_if(|&o| o < d).is_some() {}
                        docs.peek() == Some(&d)
                    });
                }
                Postings::Bits(list) => {
                    found.retain(|&d| list[d as usize / 8] & (1 << (d % 8)) != 0);
                }
            }
        }
        Some(found)
    }
}

impl<'a> Postings<'a> {
    /// The bytes the documents are written in.
    fn bytes(self) -> &'a [u8] {
        match self {
            Postings::Gaps(bytes) | Postings::Bits(bytes) => bytes,
        }
    }
}

/// The documents whose bits are set, in ascending order.
fn ones(bits: &[u8]) -> Vec<u32> {
    let mut found = Vec::new();
    for (i, chunk) in bits.chunks(8).enumerate() {
        let mut word = [0u8; 8];
        word[..chunk.len()].copy_from_slice(chunk);
        let mut word = u64::from_le_bytes(word);
        while word != 0 {
            found.push(i as u32 * 64 + word.trailing_zeros());
            word &= word - 1;
        }
    }
    found
}

/// The bucket of a trigram (Fibonacci hashing of its three bytes).
fn bucket(trigram: &[u8], buckets: usize) -> usize {
    let key = u32::from_le_bytes([trigram[0], trigram[1], trigram[2], 0]);
    (key.wrapping_mul(0x9E37_79B1) >> (32 - buckets.trailing_zeros())) as usize
}

/// Calls `each(bucket, gap, document)` once per document for each bucket
/// its trigrams fall in, documents in ascending order; `last` holds, per
/// bucket, the last document listed plus one (all zero to start), and the
/// gap is from that one.
fn each_trigram(
    text: &[u8],
    ends: &[usize],
    last: &mut [u32],
    mut each: impl FnMut(usize, u32, u32),
) {
    let mut start = 0;
    for (doc, &end) in ends.iter().enumerate() {
        let next = doc as u32 + 1;
        for piece in text[start..end].split(|&b| b == SEPARATOR) {
            for w in piece.windows(3) {
                let b = bucket(w, last.len());
                // A document is listed once per bucket however often it
                // repeats the trigram.
                if last[b] != next {
                    each(b, next - last[b], doc as u32);
                    last[b] = next;
                }
            }
        }
        start = end;
    }
}

/// Bytes that `gap` takes as LEB128.
fn gap_len(gap: u32) -> u32 {
    (32 - gap.leading_zeros()).div_ceil(7).max(1)
}

/// Writes `gap` as LEB128 at the start of `out`; the bytes written.
fn put_gap(out: &mut [u8], mut gap: u32) -> u32 {
    let mut n = 0;
    loop {
        let low = (gap & 0x7f) as u8;
        gap >>= 7;
        if gap == 0 {
            out[n] = low;
            return n as u32 + 1;
        }
        out[n] = low | 0x80;
        n += 1;
    }
}

/// The documents of one bucket, decoded from its gaps.
struct Documents<'a> {
    bytes: std::slice::Iter<'a, u8>,
    last: u32,
}

impl<'a> Documents<'a> {
    fn new(list: &'a [u8]) -> Self {
        Documents {
            bytes: list.iter(),
            last: 0,
        }
    }
}

impl Iterator for Documents<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let (mut gap, mut shift) = (0u32, 0);
        loop {
            let byte = *self.bytes.next()?;
            gap |= u32::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                break;
            }
            shift += 7;
        }
        self.last += gap;
        Some(self.last - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Documents holding `needle` found by reading every one.
    fn holding(docs: &[&str], needle: &str) -> Vec<u32> {
        (0..docs.len() as u32)
            .filter(|&d| {
                docs[d as usize]
                    .split('\n')
                    .any(|piece| piece.contains(needle))
            })
            .collect()
    }

    /// The index of `docs`, each ending with the separator as `OrgText` lays them.
    fn index(docs: &[&str]) -> Trigrams {
        let mut text = String::new();
        let mut ends = vec![];
        for d in docs {
            text.push_str(d);
            text.push('\n');
            ends.push(text.len());
        }
        Trigrams::build(text.as_bytes(), &ends).unwrap()
    }

    #[test]
    fn candidates_hold_every_document_with_the_needle() {
        let many: Vec<String> = (0..3000).map(|i| format!("org {i} of kyoto")).collect();
        let mut docs: Vec<&str> = vec![
            "universität wien\nuni wien",
            "",
            "東京大学\nthe university of tokyo",
            "ab",
            "tokyo tech\nmeguro",
        ];
        docs.extend(many.iter().map(String::as_str));
        docs.push("tokyo");
        let grams = index(&docs);
        let as_bits = |needle: &str| {
            let buckets = grams.starts.len() - 1;
            (needle.as_bytes().windows(3))
                .map(|w| matches!(grams.postings(bucket(w, buckets)), Postings::Bits(_)))
                .collect::<Vec<_>>()
        };
        // Both kinds are read below: "of kyoto" from bits alone, "tokyo" from both.
        assert_eq!(as_bits("of kyoto"), [true; 6], "common trigrams as bits");
        assert_eq!(as_bits("wien"), [false; 2], "rare ones as gaps");
        assert_eq!(
            as_bits("tokyo"),
            [false, false, true],
            "a needle can hold both"
        );
        for needle in [
            "wien", "uni", "東京", "東", "tokyo", "of kyoto", "org 2999", "org 29", "kyoto",
            "meguro", "nowhere", "zzqx", "abc", "ab\nc",
        ] {
            let Some(found) = grams.candidates(needle.as_bytes()) else {
                assert!(needle.len() < 3, "{needle:?}");
                continue;
            };
            let truth = holding(&docs, needle);
            assert!(
                found.windows(2).all(|w| w[0] < w[1]),
                "{needle:?} ascending, once each"
            );
            assert!(
                truth.iter().all(|d| found.contains(d)),
                "{needle:?}: {truth:?} within {found:?}"
            );
            // Few false candidates: a common needle is intersected down.
            assert!(
                found.len() <= truth.len() + 8,
                "{needle:?}: {} for {}",
                found.len(),
                truth.len()
            );
        }
    }

    #[test]
    fn gaps_of_every_width_read_back() {
        let mut out = [0u8; 5];
        for gap in [1, 127, 128, 16_383, 16_384, 2_097_152, u32::MAX] {
            let n = put_gap(&mut out, gap);
            assert_eq!(n, gap_len(gap), "{gap}");
            assert_eq!(Documents::new(&out[..n as usize]).next(), Some(gap - 1));
        }
    }
}
