//! Turning a document into a file a person can keep or move, and back.
//!
//! File layout: the 9 bytes `UNHURRIED`, one byte format version, one byte kind length,
//! the kind in ASCII, then the content. Format 1 carries one document: `personal` (the
//! Automerge bytes as `save()` writes them) or `share` (a link's frame). Format 2 is the
//! whole backup (`backup`): the personal document and every shared document the person
//! holds, each shared one as a link frame, so it passes the same CRC, bounded inflate and
//! chunk walk as a link. Format 3 is a whole backup with the recordings the person chose
//! to include, each a listing and its video after the documents. `docs/backup-format.md`
//! specifies them all. The size is checked before anything is parsed (the format byte
//! says which limit applies). Only this module knows the layout.

pub mod exchange;
pub mod link;
pub mod page_link;

use crate::codec::pack::{from_bytes, to_bytes};
use crate::model::kind::DocKind;
pub use crate::model::recording::RecordingInfo;
use crate::pack_record;

const MAGIC: &[u8; 9] = b"UNHURRIED";
/// The newest file format this build reads.
pub const FILE_FORMAT: u8 = 3;
/// The format of files carrying one document: older builds still open them.
const SINGLE_FORMAT: u8 = 1;
/// The format of a whole backup: without recordings older builds read it too.
const BACKUP_FORMAT: u8 = 2;
/// A whole backup carrying recordings.
const RECORDINGS_FORMAT: u8 = 3;
/// More recordings than anyone keeps.
const MAX_RECORDINGS: u64 = 1_000;
/// The largest video in a file: five minutes at the recorder's bit rate is about 40 MB.
pub const MAX_RECORDING_BYTES: usize = 64 * 1024 * 1024;
/// The largest file with recordings, checked before it is parsed.
pub const MAX_RECORDINGS_FILE_BYTES: usize = 512 * 1024 * 1024;
/// The kind written in a whole backup.
pub const BACKUP_KIND: &str = "backup";
/// More documents than any person holds; a count past it is damage, not data.
const MAX_BACKUP_ENTRIES: u64 = 10_000;
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
    #[error("this file is damaged: part of it was changed or lost on the way")]
    Damaged,
    #[error("this file holds a {found} document, not a {expected} one")]
    WrongKind {
        expected: &'static str,
        found: String,
    },
}

fn header(format: u8, kind: &str, capacity: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(MAGIC.len() + 2 + kind.len() + capacity);
    out.extend_from_slice(MAGIC);
    out.push(format);
    out.push(kind.len() as u8);
    out.extend_from_slice(kind.as_bytes());
    out
}

/// Wraps document bytes in the single-document layout (format 1).
pub fn encode_file(kind: DocKind, document: &[u8]) -> Vec<u8> {
    let mut out = header(SINGLE_FORMAT, kind.key(), document.len());
    out.extend_from_slice(document);
    out
}

pack_record!(RecordingInfo {
    id,
    title,
    doc,
    ms,
    mime,
    at
});

/// A whole backup: the personal document, then each shared document as a link frame,
/// then, only when there are any, the recordings (format 3).
pub fn encode_backup(
    personal: &[u8],
    shared: &[link::Share],
    recordings: &[(RecordingInfo, Vec<u8>)],
) -> Vec<u8> {
    let frames: Vec<Vec<u8>> = shared.iter().map(link::Share::encode_frame).collect();
    let size = personal.len()
        + frames.iter().map(Vec::len).sum::<usize>()
        + recordings.iter().map(|r| r.1.len() + 200).sum::<usize>();
    let format = if recordings.is_empty() {
        BACKUP_FORMAT
    } else {
        RECORDINGS_FORMAT
    };
    let mut out = header(format, BACKUP_KIND, size + 8 * (frames.len() + 2));
    let put = |out: &mut Vec<u8>, bytes: &[u8]| {
        link::write_uleb(out, bytes.len() as u64);
        out.extend_from_slice(bytes);
    };
    put(&mut out, personal);
    link::write_uleb(&mut out, frames.len() as u64);
    for frame in frames {
        put(&mut out, &frame);
    }
    if !recordings.is_empty() {
        link::write_uleb(&mut out, recordings.len() as u64);
        for (info, video) in recordings {
            put(&mut out, &to_bytes(info));
            put(&mut out, video);
        }
    }
    out
}

/// A whole backup, read: the personal document's bytes and each shared document, or why
/// that one could not be read (the others are still imported).
#[derive(Debug)]
pub struct Backup<'a> {
    pub personal: &'a [u8],
    pub shared: Vec<Result<link::Share, link::LinkError>>,
    /// The recordings a format 3 file carries, each with its video.
    pub recordings: Vec<(RecordingInfo, &'a [u8])>,
}

/// Reads a whole backup's entries after its header. The layout itself must be intact;
/// a damaged entry inside it is reported in its place.
fn decode_backup_body(body: &[u8], format: u8) -> Result<Backup<'_>, FileError> {
    let take = |rest: &'_ [u8]| -> Result<(usize, usize), FileError> {
        let (len, after) = link::read_uleb(rest).ok_or(FileError::Damaged)?;
        let len = usize::try_from(len).map_err(|_| FileError::Damaged)?;
        if after.len() < len {
            return Err(FileError::Damaged);
        }
        Ok((rest.len() - after.len(), len))
    };
    let (skip, len) = take(body)?;
    let personal = &body[skip..skip + len];
    let mut rest = &body[skip + len..];
    let (count, after) = link::read_uleb(rest).ok_or(FileError::Damaged)?;
    if count > MAX_BACKUP_ENTRIES {
        return Err(FileError::Damaged);
    }
    rest = after;
    let mut shared = Vec::with_capacity(count as usize);
    for _ in 0..count {
        let (skip, len) = take(rest)?;
        let frame = &rest[skip..skip + len];
        shared.push(link::Share::decode_frame(frame, link::MAX_FILE_FRAME_BYTES));
        rest = &rest[skip + len..];
    }
    let mut recordings = Vec::new();
    if format == RECORDINGS_FORMAT {
        let (count, after) = link::read_uleb(rest).ok_or(FileError::Damaged)?;
        if count > MAX_RECORDINGS {
            return Err(FileError::Damaged);
        }
        rest = after;
        for _ in 0..count {
            let (skip, len) = take(rest)?;
            let info: RecordingInfo =
                from_bytes(&rest[skip..skip + len]).ok_or(FileError::Damaged)?;
            rest = &rest[skip + len..];
            let (skip, len) = take(rest)?;
            if len > MAX_RECORDING_BYTES {
                return Err(FileError::Damaged);
            }
            recordings.push((info, &rest[skip..skip + len]));
            rest = &rest[skip + len..];
        }
    }
    if !rest.is_empty() {
        return Err(FileError::Damaged);
    }
    Ok(Backup {
        personal,
        shared,
        recordings,
    })
}

/// The kind written in files that carry a shared document: the same frame a link carries.
pub const SHARE_FILE_KIND: &str = "share";

/// A shared document (or changes) as a `.unhurried` file.
pub fn encode_share_file(share: &link::Share) -> Vec<u8> {
    let frame = share.encode_frame();
    // Format 1, so a teammate on an older version opens it too.
    let mut out = header(SINGLE_FORMAT, SHARE_FILE_KIND, frame.len());
    out.extend_from_slice(&frame);
    out
}

/// What a `.unhurried` file holds.
#[derive(Debug)]
pub enum FileContent<'a> {
    /// A backup of the personal document alone (format 1).
    Personal(&'a [u8]),
    /// A whole backup: the personal document and the shared ones (format 2).
    Backup(Backup<'a>),
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
        Err(FileError::WrongKind { found, .. }) if found == BACKUP_KIND => {
            let body = &bytes[MAGIC.len() + 2 + BACKUP_KIND.len()..];
            decode_backup_body(body, bytes[MAGIC.len()])
                .map(FileContent::Backup)
                .map_err(|e| format!("{}. Nothing was changed.", capitalise(&e.to_string())))
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
    // Only a file with recordings may be larger; its format byte says so.
    let limit = if bytes.get(MAGIC.len()) == Some(&RECORDINGS_FORMAT) {
        MAX_RECORDINGS_FILE_BYTES
    } else {
        MAX_FILE_BYTES
    };
    if bytes.len() > limit {
        return Err(FileError::TooLarge {
            size: bytes.len(),
            limit,
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
    if version == RECORDINGS_FORMAT && kind != BACKUP_KIND.as_bytes() {
        return Err(FileError::NotUnhurried);
    }
    if kind != expected.key().as_bytes() {
        return Err(FileError::WrongKind {
            expected: expected.key(),
            found: String::from_utf8_lossy(kind).chars().take(32).collect(),
        });
    }
    Ok(document)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
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
            doc_id: crate::model::ids::DocId::from_bytes([1; 16]),
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

    fn shared_doc(title: &str, payload_byte: u8) -> link::Share {
        let mut doc = crate::doc::shared::SharedDoc::create(&"ab".repeat(16), "Ana", title, 1);
        let mut share = exchange::full_link(&mut doc, [payload_byte; 16]);
        share.sender = [payload_byte; 16];
        share
    }

    #[test]
    fn whole_backups_round_trip_every_document() {
        let shares = vec![shared_doc("Plan", 1), shared_doc("Offsite", 2)];
        let file = encode_backup(b"personal bytes", &shares, &[]);
        let Ok(FileContent::Backup(backup)) = read_any_file(&file) else {
            panic!("a whole backup")
        };
        assert_eq!(backup.personal, b"personal bytes");
        let back: Vec<link::Share> = backup.shared.into_iter().map(Result::unwrap).collect();
        assert_eq!(back, shares);
        // No shared documents at all is still a backup.
        let file = encode_backup(b"p", &[], &[]);
        let Ok(FileContent::Backup(empty)) = read_any_file(&file) else {
            panic!("a whole backup")
        };
        assert!(empty.shared.is_empty());
    }

    fn recording(n: u8) -> (RecordingInfo, Vec<u8>) {
        use crate::model::ids::RecordingId;
        let info = RecordingInfo {
            id: RecordingId::from_bytes([n; 16]),
            title: format!("Walkthrough {n}"),
            doc: "ab".repeat(16),
            ms: 1_000 * u32::from(n),
            mime: "video/webm".into(),
            at: 1_790_000_000_000,
        };
        (info, vec![n; 300 * usize::from(n)])
    }

    #[test]
    fn recordings_make_a_format_3_backup_and_come_back_with_their_videos() {
        let shares = vec![shared_doc("Plan", 1)];
        let recs = vec![recording(1), recording(2)];
        let file = encode_backup(b"personal", &shares, &recs);
        assert_eq!(file[9], 3);
        let Ok(FileContent::Backup(backup)) = read_any_file(&file) else {
            panic!("a whole backup")
        };
        assert_eq!(backup.personal, b"personal");
        assert_eq!(backup.shared.len(), 1);
        let back: Vec<(RecordingInfo, Vec<u8>)> = backup
            .recordings
            .iter()
            .map(|(i, v)| (i.clone(), v.to_vec()))
            .collect();
        assert_eq!(back, recs);
        // Without recordings it stays format 2, which earlier versions read.
        assert_eq!(encode_backup(b"personal", &shares, &[])[9], 2);
        // Every cut is refused whole.
        for n in MAGIC.len() + 2 + BACKUP_KIND.len()..file.len() {
            assert!(read_any_file(&file[..n]).is_err(), "cut at {n}");
        }
    }

    #[test]
    fn only_a_backup_may_be_format_3_and_only_it_may_be_large() {
        let mut personal = encode_file(DocKind::Personal, b"x");
        personal[9] = 3;
        assert!(read_any_file(&personal).is_err());
        let mut big = header(RECORDINGS_FORMAT, BACKUP_KIND, 0);
        big.resize(MAX_FILE_BYTES + 10, 0);
        // Past the documents' limit but within the recordings' one: read (and here
        // refused as damaged), not refused for its size.
        assert_eq!(
            decode_backup_body(&big[MAGIC.len() + 2 + BACKUP_KIND.len()..], 3).err(),
            Some(FileError::Damaged)
        );
        assert!(matches!(
            decode_file(&big, DocKind::Personal),
            Err(FileError::WrongKind { .. })
        ));
        big[9] = 2;
        assert!(matches!(
            decode_file(&big, DocKind::Personal),
            Err(FileError::TooLarge { .. })
        ));
    }

    #[test]
    fn a_damaged_entry_is_reported_in_its_place_and_the_rest_still_read() {
        let shares = vec![shared_doc("Plan", 1), shared_doc("Offsite", 2)];
        let mut file = encode_backup(b"p", &shares, &[]);
        // A byte inside the first frame's compressed body: its CRC no longer matches.
        let first_frame = MAGIC.len() + 2 + BACKUP_KIND.len() + 2 + 1 + 2;
        file[first_frame + 40] ^= 0xff;
        let Ok(FileContent::Backup(backup)) = read_any_file(&file) else {
            panic!("the layout is intact")
        };
        assert!(backup.shared[0].is_err());
        assert_eq!(backup.shared[1].as_ref().unwrap(), &shares[1]);
    }

    #[test]
    fn every_cut_of_a_backup_is_refused_whole_and_never_panics() {
        let file = encode_backup(b"personal", &[shared_doc("Plan", 1)], &[]);
        let header = MAGIC.len() + 2 + BACKUP_KIND.len();
        for n in header..file.len() {
            assert!(read_any_file(&file[..n]).is_err(), "cut at {n}");
        }
        // A count past any real backup, and bytes after the last entry.
        let mut huge = header_for_test();
        link::write_uleb(&mut huge, 0);
        link::write_uleb(&mut huge, MAX_BACKUP_ENTRIES + 1);
        assert!(read_any_file(&huge).is_err());
        let mut trailing = file.clone();
        trailing.push(0);
        assert!(read_any_file(&trailing).is_err());
    }

    fn header_for_test() -> Vec<u8> {
        header(BACKUP_FORMAT, BACKUP_KIND, 0)
    }

    #[test]
    fn a_backup_from_a_newer_format_says_so() {
        let mut file = encode_backup(b"p", &[], &[]);
        file[9] = FILE_FORMAT + 1;
        let message = read_any_file(&file).unwrap_err();
        assert!(message.contains("newer version"), "{message}");
    }

    #[test]
    fn files_of_one_document_stay_format_1_for_older_versions() {
        assert_eq!(encode_file(DocKind::Personal, b"x")[9], 1);
        assert_eq!(encode_share_file(&shared_doc("Plan", 1))[9], 1);
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
