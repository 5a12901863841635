//! Turning a document into a file a person can keep or move, and back.
//!
//! File layout (format 1): the 9 bytes `UNHURRIED`, one byte format version, one byte
//! kind length, the kind in ASCII (`personal`), then the Automerge document bytes as
//! `save()` writes them. The size is checked before anything is parsed. Only this module
//! knows the layout.

pub mod chunks;
pub mod link;

use crate::doc::DocKind;

const MAGIC: &[u8; 9] = b"UNHURRIED";
/// The newest file format this build writes and reads.
pub const FILE_FORMAT: u8 = 1;
/// The largest file accepted, checked before it is parsed.
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileError {
    #[error("this is not an Unhurried file")]
    NotUnhurried,
    #[error("this file was made by a newer version of Unhurried (format {0}); update the app to open it")]
    NewerFormat(u8),
    #[error("this file is too large ({size} bytes; the limit is {limit})")]
    TooLarge { size: usize, limit: usize },
    #[error("this file holds a {found} document, not a {expected} one")]
    WrongKind {
        expected: &'static str,
        found: String,
    },
}

/// Wraps document bytes in the file layout.
pub fn encode_file(kind: DocKind, document: &[u8]) -> Vec<u8> {
    let kind = kind.key().as_bytes();
    let mut out = Vec::with_capacity(MAGIC.len() + 2 + kind.len() + document.len());
    out.extend_from_slice(MAGIC);
    out.push(FILE_FORMAT);
    out.push(kind.len() as u8);
    out.extend_from_slice(kind);
    out.extend_from_slice(document);
    out
}

/// Checks a file and returns the document bytes inside, for a document of `expected` kind.
pub fn decode_file(bytes: &[u8], expected: DocKind) -> Result<&[u8], FileError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            size: bytes.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let rest = bytes
        .strip_prefix(MAGIC.as_slice())
        .ok_or(FileError::NotUnhurried)?;
    let (&version, rest) = rest.split_first().ok_or(FileError::NotUnhurried)?;
    if version > FILE_FORMAT {
        return Err(FileError::NewerFormat(version));
    }
    if version == 0 {
        return Err(FileError::NotUnhurried);
    }
    let (&kind_len, rest) = rest.split_first().ok_or(FileError::NotUnhurried)?;
    let kind_len = usize::from(kind_len);
    if rest.len() < kind_len {
        return Err(FileError::NotUnhurried);
    }
    let (kind, document) = rest.split_at(kind_len);
    if kind != expected.key().as_bytes() {
        return Err(FileError::WrongKind {
            expected: expected.key(),
            found: String::from_utf8_lossy(kind).chars().take(32).collect(),
        });
    }
    Ok(document)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let file = encode_file(DocKind::Personal, b"doc");
        assert_eq!(decode_file(&file, DocKind::Personal), Ok(b"doc".as_slice()));
    }

    #[test]
    fn every_truncation_is_refused_or_yields_a_prefix() {
        let file = encode_file(DocKind::Personal, b"document");
        for n in 0..file.len() {
            match decode_file(&file[..n], DocKind::Personal) {
                Err(_) => {}
                Ok(doc) => assert!(b"document".starts_with(doc)),
            }
        }
    }

    #[test]
    fn bad_files() {
        assert_eq!(
            decode_file(b"hello", DocKind::Personal),
            Err(FileError::NotUnhurried)
        );
        let mut newer = encode_file(DocKind::Personal, b"x");
        newer[9] = FILE_FORMAT + 1;
        assert_eq!(
            decode_file(&newer, DocKind::Personal),
            Err(FileError::NewerFormat(FILE_FORMAT + 1))
        );
        let mut other = MAGIC.to_vec();
        other.extend_from_slice(&[1, 7]);
        other.extend_from_slice(b"meeting");
        assert!(matches!(
            decode_file(&other, DocKind::Personal),
            Err(FileError::WrongKind { .. })
        ));
        let huge = vec![0u8; MAX_FILE_BYTES + 1];
        assert!(matches!(
            decode_file(&huge, DocKind::Personal),
            Err(FileError::TooLarge { .. })
        ));
    }
}
