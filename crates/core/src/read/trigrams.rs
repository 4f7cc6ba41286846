//! Which documents of a text hold each run of three bytes, so that a
//! substring search reads the few documents that can hold the needle rather
//! than the whole text: a filter then costs what it finds, not what the
//! registry holds.
//!
//! Trigrams are hashed into a fixed number of buckets and each bucket lists
//! its documents as gaps, one variable-length integer each (about 1–2 bytes
//! a document). A bucket shared by two trigrams, or trigrams found apart from
//! each other, only add candidates: callers check every candidate against the
//! text itself.

/// The byte that splits a document's pieces: no trigram spans it.
const SEPARATOR: u8 = b'\n';

/// Documents, as gaps, of every bucket.
#[derive(Debug, Default)]
pub struct Trigrams {
    /// Where each bucket's postings start in `postings`, and one past the last.
    starts: Vec<u32>,
    /// Each bucket's documents in ascending order, as LEB128 gaps from the
    /// one before (the first from -1), so every gap is at least one.
    postings: Vec<u8>,
}

impl Trigrams {
    /// The index of `text`, whose document `d` ends (exclusive) at `ends[d]`;
    /// `None` when it would be too large to address.
    pub fn build(text: &[u8], ends: &[usize]) -> Option<Trigrams> {
        let buckets = (text.len() / 16)
            .next_power_of_two()
            .clamp(1 << 10, 1 << 20);
        // Two passes over the text: one to size every bucket, one to fill it,
        // so the postings are one exact allocation.
        let mut last = vec![0u32; buckets];
        let mut sizes = vec![0u32; buckets];
        each_trigram(text, ends, &mut last, |bucket, gap| {
            sizes[bucket] += gap_len(gap)
        });
        let mut starts = Vec::with_capacity(buckets + 1);
        let mut total = 0u32;
        for size in &mut sizes {
            starts.push(total);
            total = total.checked_add(*size)?;
            // From here on, where the bucket's next gap is written.
            *size = *starts.last()?;
        }
        starts.push(total);
        let (mut write, mut postings) = (sizes, vec![0u8; total as usize]);
        last.fill(0);
        each_trigram(text, ends, &mut last, |bucket, gap| {
            let at = &mut write[bucket];
            *at += put_gap(&mut postings[*at as usize..], gap);
        });
        Some(Trigrams { starts, postings })
    }

    /// Documents, in ascending order, that may contain `needle`: every one
    /// that does, and perhaps others. `None` when the needle is shorter than
    /// a trigram.
    pub fn candidates(&self, needle: &[u8]) -> Option<Vec<u32>> {
        if needle.len() < 3 {
            return None;
        }
        let buckets = self.starts.len() - 1;
        let mut lists: Vec<&[u8]> = needle
            .windows(3)
            .map(|w| {
                let b = bucket(w, buckets);
                &self.postings[self.starts[b] as usize..self.starts[b + 1] as usize]
            })
            .collect();
        lists.sort_by_key(|l| (l.len(), l.as_ptr()));
        lists.dedup_by_key(|l| l.as_ptr());
        let mut found: Vec<u32> = Documents::new(lists[0]).collect();
        for list in &lists[1..] {
            // Checking a few candidates against the text costs less than
            // reading a long list to rule them out.
            if found.is_empty() || found.len() * 16 < list.len() {
                break;
            }
            let mut docs = Documents::new(list).peekable();
            found.retain(|&d| {
                while docs.next_if(|&o| o < d).is_some() {}
                docs.peek() == Some(&d)
            });
        }
        Some(found)
    }
}

/// The bucket of a trigram (Fibonacci hashing of its three bytes).
fn bucket(trigram: &[u8], buckets: usize) -> usize {
    let key = u32::from_le_bytes([trigram[0], trigram[1], trigram[2], 0]);
    (key.wrapping_mul(0x9E37_79B1) >> (32 - buckets.trailing_zeros())) as usize
}

/// Calls `each(bucket, gap)` once per document for each bucket its
/// trigrams fall in, documents in ascending order; `last` holds, per bucket,
/// the last document listed plus one (all zero to start), and the gap is
/// from that one.
fn each_trigram(text: &[u8], ends: &[usize], last: &mut [u32], mut each: impl FnMut(usize, u32)) {
    let mut start = 0;
    for (doc, &end) in ends.iter().enumerate() {
        let next = doc as u32 + 1;
        for piece in text[start..end].split(|&b| b == SEPARATOR) {
            for w in piece.windows(3) {
                let b = bucket(w, last.len());
                // A document is listed once per bucket however often it
                // repeats the trigram.
                if last[b] != next {
                    each(b, next - last[b]);
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
