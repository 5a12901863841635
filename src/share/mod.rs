//! Turning a document into a file a person can keep or move, and back.
//!
//! File layout (format 1): the 9 bytes `UNHURRIED`, one byte format version, one byte
//! kind length, the kind in ASCII (`personal`), then the Automerge document bytes as
//! `save()` writes them. The size is checked before anything is parsed. Only this module
//! knows the layout.

pub mod chunks;
pub mod exchange;
pub mod link;
pub mod page_link;

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

/// The kind written in files that carry a shared document: the same frame a link carries.
pub const SHARE_FILE_KIND: &str = "share";

/// A shared document (or changes) as a `.unhurried` file.
pub fn encode_share_file(share: &link::Share) -> Vec<u8> {
    let frame = share.encode_frame();
    let mut out = Vec::with_capacity(MAGIC.len() + 2 + SHARE_FILE_KIND.len() + frame.len());
    out.extend_from_slice(MAGIC);
    out.push(FILE_FORMAT);
    out.push(SHARE_FILE_KIND.len() as u8);
    out.extend_from_slice(SHARE_FILE_KIND.as_bytes());
    out.extend_from_slice(&frame);
    out
}

/// What a `.unhurried` file holds.
#[derive(Debug)]
pub enum FileContent<'a> {
    /// A backup of the personal document.
    Personal(&'a [u8]),
    /// A shared document, checked and inflated.
    Shared(link::Share),
}

/// Reads any `.unhurried` file: a personal backup or a shared document.
pub fn read_any_file(bytes: &[u8]) -> Result<FileContent<'_>, String> {
    match decode_file(bytes, DocKind::Personal) {
        Ok(doc) => Ok(FileContent::Personal(doc)),
        Err(FileError::WrongKind { found, .. }) if found == SHARE_FILE_KIND => {
            let frame = &bytes[MAGIC.len() + 2 + SHARE_FILE_KIND.len()..];
            link::Share::decode_frame(frame, link::MAX_FILE_FRAME_BYTES)
                .map(FileContent::Shared)
                .map_err(|e| file_message(&e))
        }
        Err(e) => Err(format!(
            "{}. Nothing was changed.",
            capitalise(&e.to_string())
        )),
    }
}

/// The link messages, worded for a file.
fn file_message(e: &link::LinkError) -> String {
    use link::LinkError::*;
    match e {
        NotALink | Damaged => "This file is damaged: part of it was changed or lost on the way. Ask for it again. Nothing was changed.".into(),
        Incomplete => "This file is incomplete: its end is missing. Ask for it again. Nothing was changed.".into(),
        NewerVersion(_) => "This file was made by a newer version of Unhurried. Reload the app to update it, then open the file again. Nothing was changed.".into(),
        TooLarge(_) => "This file is too large to open. Nothing was changed.".into(),
        Unsafe => "This file holds data that would grow far beyond any real document, so it was not opened. Nothing was changed.".into(),
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
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
    fn share_files_round_trip_and_backups_still_read() {
        let share = link::Share {
            payload: link::PayloadKind::Changes,
            kind: 1,
            doc_id: [1; 16],
            sender: [2; 16],
            heads: vec![],
            bytes: Vec::new(),
            signature: None,
        };
        // Empty changes fail the Automerge check, as they should: nothing to merge.
        assert!(read_any_file(&encode_share_file(&share)).is_err());
        let mut doc = automerge::AutoCommit::new();
        let share = link::Share {
            payload: link::PayloadKind::Document,
            bytes: doc.save_nocompress(),
            ..share
        };
        match read_any_file(&encode_share_file(&share)) {
            Ok(FileContent::Shared(back)) => assert_eq!(back, share),
            _ => panic!("shared file"),
        }
        assert!(matches!(
            read_any_file(&encode_file(DocKind::Personal, b"x")),
            Ok(FileContent::Personal(b"x"))
        ));
        assert!(read_any_file(b"junk")
            .unwrap_err()
            .starts_with("This is not"));
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
