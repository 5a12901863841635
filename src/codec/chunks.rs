//! A pre-flight check of Automerge bytes that came from outside (a link or a file),
//! run before Automerge's own loader sees them.
//!
//! Automerge's loader trusts two things a hostile sender controls: it inflates
//! DEFLATE-compressed columns and compressed change chunks with no cap on the output,
//! and it expands run-length encoded columns value by value, so ten bytes can claim a
//! run of a trillion operations. This module walks the chunk framing and every column
//! (inflating compressed ones itself, with a cap) and adds up the run lengths without
//! expanding them, so a payload that would make the tab allocate or spin without bound
//! is refused in time proportional to its size.
//!
//! The layout follows the Automerge binary format
//! (<https://automerge.org/automerge-binary-format-spec/>): chunks of
//! `magic(4) checksum(4) type(1) uleb(length) data`. Checksums are left to Automerge.

use std::io::Read;

use super::leb128;

const MAGIC: [u8; 4] = [0x85, 0x6f, 0x4a, 0x83];
const TYPE_DOCUMENT: u8 = 0;
const TYPE_CHANGE: u8 = 1;
const TYPE_COMPRESSED_CHANGE: u8 = 2;

/// What a payload may cost once expanded.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Bytes of column data after inflating compressed columns, summed over the payload.
    pub max_inflated: usize,
    /// Values in any one column (operations, changes, characters of a run).
    pub max_column_items: u64,
    /// Operations in the whole payload: the longest column of each chunk, summed. Many
    /// small chunks must not add up to what one chunk may not hold.
    pub max_total_items: u64,
}

impl Limits {
    /// Generous for any real document: a 1,000-comment discussion has a few tens of
    /// thousands of operations.
    pub const SHARED: Limits = Limits {
        max_inflated: 16 * 1024 * 1024,
        max_column_items: 400_000,
        max_total_items: 400_000,
    };

    /// For the person's own stored data: far above what years of use write, still far
    /// below what would exhaust the tab (a damaged part can claim any length).
    pub const STORED: Limits = Limits {
        max_inflated: 256 * 1024 * 1024,
        max_column_items: 20_000_000,
        max_total_items: 20_000_000,
    };
}

/// Why bytes were refused before Automerge saw them.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChunkError {
    #[error("the data is not in Automerge's format")]
    NotAutomerge,
    #[error("the data ends early")]
    Truncated,
    #[error("the data uses an Automerge chunk type this app does not accept ({0})")]
    UnsupportedChunk(u8),
    #[error("the data would expand beyond what any real document needs")]
    TooLarge,
    #[error("a compressed part of the data is damaged")]
    BadCompression,
}

/// What a checked payload holds.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ChunkSummary {
    pub documents: usize,
    pub changes: usize,
    /// The largest number of values found in any one column.
    pub largest_column: u64,
    /// The longest column of each chunk, summed: about the operations in the payload.
    pub total_items: u64,
}

/// Bytes that passed [`check`]. Only `check` makes one, and the document layer's loaders
/// take nothing else, so bytes from outside cannot reach Automerge unchecked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checked<'a> {
    bytes: &'a [u8],
    documents: usize,
    changes: usize,
}

impl<'a> Checked<'a> {
    pub fn bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// Whole-document chunks in the payload.
    pub fn documents(&self) -> usize {
        self.documents
    }

    /// Change chunks (compressed or not) in the payload.
    pub fn changes(&self) -> usize {
        self.changes
    }

    /// Each chunk, one slice each, in the order they came.
    pub fn chunks(&self) -> Vec<&'a [u8]> {
        let mut out = Vec::new();
        let mut input = Reader::new(self.bytes);
        let mut start = 0;
        while !input.is_empty() {
            // The walk in `check` already parsed this framing.
            let framed = input
                .take(9)
                .and_then(|_| input.len_uleb())
                .and_then(|len| input.take(len));
            if framed.is_err() {
                break;
            }
            let end = self.bytes.len() - input.remaining();
            out.push(&self.bytes[start..end]);
            start = end;
        }
        out
    }
}

/// Checks bytes read back from this device's own storage.
pub fn check_stored(bytes: &[u8]) -> Result<Checked<'_>, ChunkError> {
    check(bytes, Limits::STORED)
}

/// Walks every chunk in `bytes` and refuses anything that would expand beyond `limits`.
pub fn check(bytes: &[u8], limits: Limits) -> Result<Checked<'_>, ChunkError> {
    summarise(bytes, limits).map(|s| Checked {
        bytes,
        documents: s.documents,
        changes: s.changes,
    })
}

/// What [`check`] found, with the column figures the tests look at.
pub fn summarise(bytes: &[u8], limits: Limits) -> Result<ChunkSummary, ChunkError> {
    let mut budget = Budget {
        limits,
        inflated: 0,
        checked: ChunkSummary::default(),
        chunk_items: 0,
    };
    let mut input = Reader::new(bytes);
    if input.is_empty() {
        return Err(ChunkError::NotAutomerge);
    }
    while !input.is_empty() {
        if input.take(4)? != MAGIC {
            return Err(ChunkError::NotAutomerge);
        }
        input.take(4)?; // checksum: verified by Automerge
        let kind = input.byte()?;
        let len = input.len_uleb()?;
        let data = input.take(len)?;
        budget.chunk_items = 0;
        match kind {
            TYPE_DOCUMENT => {
                budget.checked.documents += 1;
                document(Reader::new(data), &mut budget)?;
            }
            TYPE_CHANGE => {
                budget.checked.changes += 1;
                change(Reader::new(data), &mut budget)?;
            }
            TYPE_COMPRESSED_CHANGE => {
                budget.checked.changes += 1;
                let inflated = budget.inflate(data)?;
                change(Reader::new(&inflated), &mut budget)?;
            }
            other => return Err(ChunkError::UnsupportedChunk(other)),
        }
        budget.checked.total_items += budget.chunk_items;
        if budget.checked.total_items > limits.max_total_items {
            return Err(ChunkError::TooLarge);
        }
    }
    Ok(budget.checked)
}

struct Budget {
    limits: Limits,
    inflated: usize,
    checked: ChunkSummary,
    /// The longest column of the chunk being checked.
    chunk_items: u64,
}

impl Budget {
    /// Inflates raw DEFLATE data, stopping as soon as the payload's allowance is spent.
    fn inflate(&mut self, data: &[u8]) -> Result<Vec<u8>, ChunkError> {
        let room = self.limits.max_inflated.saturating_sub(self.inflated);
        let mut out = Vec::new();
        flate2::read::DeflateDecoder::new(data)
            .take(room as u64 + 1)
            .read_to_end(&mut out)
            .map_err(|_| ChunkError::BadCompression)?;
        if out.len() > room {
            return Err(ChunkError::TooLarge);
        }
        self.inflated += out.len();
        Ok(out)
    }

    fn count(&mut self, items: u64) -> Result<(), ChunkError> {
        if items > self.limits.max_column_items {
            return Err(ChunkError::TooLarge);
        }
        self.checked.largest_column = self.checked.largest_column.max(items);
        self.chunk_items = self.chunk_items.max(items);
        Ok(())
    }

    /// Checks the data of a column list laid out one column after another.
    fn columns(&mut self, specs: &[(u32, usize)], data: &[u8]) -> Result<(), ChunkError> {
        let mut data = Reader::new(data);
        for &(spec, len) in specs {
            let raw = data.take(len)?;
            let inflated;
            let bytes = if spec & 0b1000 != 0 {
                inflated = self.inflate(raw)?;
                &inflated[..]
            } else {
                raw
            };
            let items = column_items(spec & 0b111, bytes)?;
            self.count(items)?;
        }
        Ok(())
    }
}

/// The body of a document chunk: actors, heads, change and op column metadata, their
/// data, then optional head indexes.
fn document(mut input: Reader<'_>, budget: &mut Budget) -> Result<(), ChunkError> {
    let actors = input.len_uleb()?;
    for _ in 0..actors {
        let len = input.len_uleb()?;
        input.take(len)?;
    }
    let heads = input.len_uleb()?;
    input.take(heads.checked_mul(32).ok_or(ChunkError::Truncated)?)?;
    let change_cols = column_specs(&mut input)?;
    let op_cols = column_specs(&mut input)?;
    let change_data = input.take(total_len(&change_cols)?)?;
    let op_data = input.take(total_len(&op_cols)?)?;
    budget.columns(&change_cols, change_data)?;
    budget.columns(&op_cols, op_data)?;
    Ok(())
}

/// The body of a change chunk: dependencies, actor, sequence, start op, time, message,
/// other actors, op column metadata and data, then extra bytes.
fn change(mut input: Reader<'_>, budget: &mut Budget) -> Result<(), ChunkError> {
    let deps = input.len_uleb()?;
    input.take(deps.checked_mul(32).ok_or(ChunkError::Truncated)?)?;
    let actor = input.len_uleb()?;
    input.take(actor)?;
    input.uleb()?; // seq
    input.uleb()?; // start op
    input.sleb()?; // time
    let message = input.len_uleb()?;
    input.take(message)?;
    let others = input.len_uleb()?;
    for _ in 0..others {
        let len = input.len_uleb()?;
        input.take(len)?;
    }
    let cols = column_specs(&mut input)?;
    let data = input.take(total_len(&cols)?)?;
    budget.columns(&cols, data)
}

fn column_specs(input: &mut Reader<'_>) -> Result<Vec<(u32, usize)>, ChunkError> {
    let n = input.len_uleb()?;
    // Each column needs at least two bytes of metadata, so `n` is bounded by the input.
    if n > input.remaining() / 2 {
        return Err(ChunkError::Truncated);
    }
    (0..n)
        .map(|_| {
            let spec = u32::try_from(input.uleb()?).map_err(|_| ChunkError::NotAutomerge)?;
            Ok((spec, input.len_uleb()?))
        })
        .collect()
}

fn total_len(specs: &[(u32, usize)]) -> Result<usize, ChunkError> {
    specs
        .iter()
        .try_fold(0usize, |sum, &(_, len)| sum.checked_add(len))
        .ok_or(ChunkError::Truncated)
}

/// How many values a column holds, summed from its run headers without expanding runs.
fn column_items(col_type: u32, bytes: &[u8]) -> Result<u64, ChunkError> {
    let mut input = Reader::new(bytes);
    let mut items: u64 = 0;
    let add = |items: &mut u64, n: u64| -> Result<(), ChunkError> {
        *items = items.checked_add(n).ok_or(ChunkError::TooLarge)?;
        Ok(())
    };
    match col_type {
        // Raw values: their count comes from the metadata column, which is checked.
        7 => return Ok(0),
        // Boolean: alternating run lengths.
        4 => {
            while !input.is_empty() {
                let n = input.uleb()?;
                add(&mut items, n)?;
            }
        }
        // Run-length encoded: a positive count and one value, a negative count and that
        // many literal values, or zero and a count of nulls.
        0..=6 => {
            while !input.is_empty() {
                let count = input.sleb()?;
                if count > 0 {
                    add(&mut items, count as u64)?;
                    skip_value(col_type, &mut input)?;
                } else if count < 0 {
                    let n = count.unsigned_abs();
                    if n > input.remaining() as u64 {
                        return Err(ChunkError::Truncated);
                    }
                    add(&mut items, n)?;
                    for _ in 0..n {
                        skip_value(col_type, &mut input)?;
                    }
                } else {
                    let n = input.uleb()?;
                    add(&mut items, n)?;
                }
            }
        }
        _ => return Err(ChunkError::NotAutomerge),
    }
    Ok(items)
}

fn skip_value(col_type: u32, input: &mut Reader<'_>) -> Result<(), ChunkError> {
    match col_type {
        3 => {
            input.sleb()?;
        }
        5 => {
            let len = input.len_uleb()?;
            input.take(len)?;
        }
        _ => {
            input.uleb()?;
        }
    }
    Ok(())
}

/// A cursor over bytes whose every read is checked.
struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes }
    }

    fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    fn remaining(&self) -> usize {
        self.bytes.len()
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], ChunkError> {
        if n > self.bytes.len() {
            return Err(ChunkError::Truncated);
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Ok(head)
    }

    fn byte(&mut self) -> Result<u8, ChunkError> {
        Ok(self.take(1)?[0])
    }

    fn uleb(&mut self) -> Result<u64, ChunkError> {
        let (value, rest) = leb128::read_uleb(self.bytes).ok_or_else(|| self.leb_error())?;
        self.bytes = rest;
        Ok(value)
    }

    fn sleb(&mut self) -> Result<i64, ChunkError> {
        let (value, rest) = leb128::read_sleb(self.bytes).ok_or_else(|| self.leb_error())?;
        self.bytes = rest;
        Ok(value)
    }

    /// A number that does not end before the data does is cut short; one that does not
    /// fit 64 bits is not Automerge's.
    fn leb_error(&self) -> ChunkError {
        if self.bytes.iter().take(10).all(|b| b & 0x80 != 0) && self.bytes.len() < 10 {
            ChunkError::Truncated
        } else {
            ChunkError::NotAutomerge
        }
    }

    /// A length: a uleb that must fit what is left to read.
    fn len_uleb(&mut self) -> Result<usize, ChunkError> {
        let n = self.uleb()?;
        usize::try_from(n).map_err(|_| ChunkError::Truncated)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::codec::leb128::write_uleb;
    use automerge::transaction::Transactable;
    use automerge::{AutoCommit, ObjType, ROOT};
    use std::io::Write;

    fn sample() -> AutoCommit {
        let mut doc = AutoCommit::new();
        let text = doc.put_object(ROOT, "text", ObjType::Text).unwrap();
        doc.splice_text(&text, 0, 0, &"hello world ".repeat(200))
            .unwrap();
        let list = doc.put_object(ROOT, "list", ObjType::List).unwrap();
        for i in 0..50 {
            doc.insert(&list, i, i as i64).unwrap();
        }
        doc.commit();
        doc
    }

    #[test]
    fn real_documents_and_changes_pass() {
        let mut doc = sample();
        let heads = doc.get_heads();
        let checked = summarise(&doc.save(), Limits::SHARED).unwrap();
        assert_eq!(checked.documents, 1);
        assert!(checked.largest_column >= 2400);
        check(&doc.save_nocompress(), Limits::SHARED).unwrap();
        doc.put(ROOT, "x", 1).unwrap();
        doc.commit();
        let changes = doc.save_after(&heads);
        assert_eq!(check(&changes, Limits::SHARED).unwrap().changes(), 1);
        // Compressed change chunks, as `Change::bytes` writes them, pass too.
        let mut change = doc.get_last_local_change().unwrap();
        check(&change.bytes(), Limits::SHARED).unwrap();
    }

    #[test]
    fn a_tight_limit_refuses_a_real_document() {
        let doc = sample().save();
        let tight = Limits {
            max_inflated: usize::MAX,
            max_column_items: 100,
            max_total_items: u64::MAX,
        };
        assert_eq!(check(&doc, tight), Err(ChunkError::TooLarge));
    }

    #[test]
    fn every_truncation_is_refused_without_panic() {
        let bytes = sample().save_nocompress();
        for n in 0..bytes.len() {
            assert!(check(&bytes[..n], Limits::SHARED).is_err(), "prefix {n}");
        }
    }

    fn chunk(kind: u8, data: &[u8]) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&[0, 0, 0, 0, kind]);
        write_uleb(&mut out, data.len() as u64);
        out.extend_from_slice(data);
        out
    }

    /// A change chunk whose single column is given.
    fn change_with_column(spec: u32, column: &[u8]) -> Vec<u8> {
        let mut data = vec![0]; // no deps
        data.push(16);
        data.extend_from_slice(&[7; 16]); // actor
        data.extend_from_slice(&[1, 1, 0, 0, 0]); // seq, start op, time, message, others
        data.push(1);
        write_uleb(&mut data, u64::from(spec));
        write_uleb(&mut data, column.len() as u64);
        data.extend_from_slice(column);
        chunk(TYPE_CHANGE, &data)
    }

    #[test]
    fn a_run_of_a_trillion_operations_is_refused() {
        // Action column (id 4, type uleb) claiming 10^12 copies of one value.
        let mut column = Vec::new();
        write_uleb(&mut column, 1_000_000_000_000);
        column.push(1);
        let bytes = change_with_column((4 << 4) | 2, &column);
        assert!(bytes.len() < 64);
        assert_eq!(check(&bytes, Limits::SHARED), Err(ChunkError::TooLarge));
    }

    #[test]
    fn many_chunks_cannot_add_up_past_the_total() {
        // Each chunk claims just under the per-column cap; together they are far over.
        let mut column = Vec::new();
        write_uleb(&mut column, Limits::SHARED.max_column_items - 1);
        column.push(1);
        let one = change_with_column((4 << 4) | 2, &column);
        assert!(check(&one, Limits::SHARED).is_ok());
        let many: Vec<u8> = one.iter().copied().cycle().take(one.len() * 250).collect();
        assert!(many.len() < 12_000);
        assert_eq!(check(&many, Limits::SHARED), Err(ChunkError::TooLarge));
    }

    #[test]
    fn a_deflate_bomb_column_is_refused() {
        let mut enc = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
        enc.write_all(&vec![0u8; 64 * 1024 * 1024]).unwrap();
        let bomb = enc.finish().unwrap();
        assert!(bomb.len() < 100 * 1024);
        // A value column (type 7) flagged as deflated.
        let bytes = change_with_column((9 << 4) | 0b1000 | 7, &bomb);
        assert_eq!(check(&bytes, Limits::SHARED), Err(ChunkError::TooLarge));
        // The same bomb as a compressed change chunk.
        assert_eq!(
            check(&chunk(TYPE_COMPRESSED_CHANGE, &bomb), Limits::SHARED),
            Err(ChunkError::TooLarge)
        );
    }

    #[test]
    fn foreign_and_unknown_chunks_are_refused() {
        assert_eq!(check(b"", Limits::SHARED), Err(ChunkError::NotAutomerge));
        assert_eq!(
            check(b"hello world", Limits::SHARED),
            Err(ChunkError::NotAutomerge)
        );
        assert_eq!(
            check(&chunk(3, &[0]), Limits::SHARED),
            Err(ChunkError::UnsupportedChunk(3))
        );
        // A column count far beyond the bytes that follow.
        let mut data = vec![0, 16];
        data.extend_from_slice(&[7; 16]);
        data.extend_from_slice(&[1, 1, 0, 0, 0]);
        write_uleb(&mut data, u64::MAX >> 1);
        assert!(check(&chunk(TYPE_CHANGE, &data), Limits::SHARED).is_err());
    }

    proptest::proptest! {
        #[test]
        fn random_bytes_never_panic(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..400)) {
            let _ = check(&bytes, Limits::SHARED);
            let mut framed = MAGIC.to_vec();
            framed.extend_from_slice(&bytes);
            let _ = check(&framed, Limits::SHARED);
        }
    }
}
