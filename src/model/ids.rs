//! Typed ids: a document's id and a version of a document (its heads), so that one can
//! never be passed where the other, or any other string, is meant. Both are stored and
//! shown as lowercase hex, as every landed version wrote them.

use std::fmt;

/// A shared document's id: 16 random bytes, 32 hex characters in storage, routes and
/// the personal document's list of held documents, the raw bytes in a link.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct DocId([u8; 16]);

impl DocId {
    pub const fn from_bytes(bytes: [u8; 16]) -> Self {
        DocId(bytes)
    }

    pub const fn bytes(&self) -> [u8; 16] {
        self.0
    }

    /// The id written as 32 hex characters (either case); `None` for anything else.
    pub fn parse(hex: &str) -> Option<Self> {
        let bytes: [u8; 16] = decode_hex(hex)?.try_into().ok()?;
        Some(DocId(bytes))
    }
}

impl fmt::Display for DocId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&hex(&self.0))
    }
}

impl fmt::Debug for DocId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DocId({self})")
    }
}

/// A recorded explanation's id: 16 random bytes, kept as hex in the documents that list
/// it and as the key of its video on the device that recorded it.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Debug)]
pub struct RecordingId(DocId);

impl RecordingId {
    pub const fn from_bytes(bytes: [u8; 16]) -> Self {
        RecordingId(DocId(bytes))
    }

    /// The id written as 32 hex characters; `None` for anything else.
    pub fn parse(hex: &str) -> Option<Self> {
        DocId::parse(hex).map(RecordingId)
    }
}

impl fmt::Display for RecordingId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A version of a document: the hashes of the changes nothing else builds on yet. Kept
/// sorted, so two lists of the same heads are equal.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Heads(Vec<[u8; 32]>);

impl Heads {
    pub fn new(mut hashes: Vec<[u8; 32]>) -> Self {
        hashes.sort_unstable();
        hashes.dedup();
        Heads(hashes)
    }

    pub fn hashes(&self) -> &[[u8; 32]] {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Heads as stored: 64-hex-character hashes separated by commas. What is not a hash
    /// is left out (a hand-edited or damaged entry only makes 'what is new' say more).
    pub fn parse_list(text: &str) -> Self {
        Heads::new(
            text.split(',')
                .filter_map(|h| decode_hex(h.trim())?.try_into().ok())
                .collect(),
        )
    }

    /// The stored form `parse_list` reads.
    pub fn to_list(&self) -> String {
        self.0.iter().map(|h| hex(h)).collect::<Vec<_>>().join(",")
    }
}

impl fmt::Debug for Heads {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Heads[{}]", self.to_list())
    }
}

/// Bytes from hex (either case); `None` for anything else.
pub fn decode_hex(hex: &str) -> Option<Vec<u8>> {
    if !hex.len().is_multiple_of(2) || !hex.is_ascii() {
        return None;
    }
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).ok())
        .collect()
}

/// Lowercase hex, by table: ids are written on every save and in every route, and the
/// formatting machinery per byte costs wasm for nothing.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 0xf)] as char);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_doc_id_reads_and_writes_as_hex_and_refuses_anything_else() {
        let id = DocId::parse("00FF0102030405060708090a0b0c0d0e").unwrap();
        assert_eq!(id.to_string(), "00ff0102030405060708090a0b0c0d0e");
        assert_eq!(DocId::parse(&id.to_string()), Some(id));
        assert_eq!(id.bytes()[1], 0xff);
        for bad in [
            "",
            "00ff",
            "zz".repeat(16).as_str(),
            "é".repeat(16).as_str(),
        ] {
            assert_eq!(DocId::parse(bad), None, "{bad}");
        }
        assert_eq!(DocId::parse(&"ab".repeat(17)), None);
    }

    #[test]
    fn heads_are_a_set_written_as_a_list() {
        let a = [1u8; 32];
        let b = [2u8; 32];
        let heads = Heads::new(vec![b, a, b]);
        assert_eq!(heads.hashes(), &[a, b]);
        let text = heads.to_list();
        assert_eq!(text.len(), 64 * 2 + 1);
        assert_eq!(Heads::parse_list(&text), heads);
        assert_eq!(Heads::parse_list(&format!("{text},nonsense,")), heads);
        assert!(Heads::parse_list("").is_empty());
        assert_eq!(Heads::new(vec![a, b]), Heads::new(vec![b, a]));
    }
}
