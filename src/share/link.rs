//! Share links and share files: a shared document, or the changes a teammate lacks,
//! framed, compressed and checked. `docs/share-format.md` is the specification.
//!
//! ```text
//! fragment := "u1." base64url-no-padding(frame)
//! frame    := uleb(body length) body crc32-le(body)
//! body     := type(1) kind(1) doc-id(16) sender(16) uleb(n) head(32)*n uleb(raw length) deflate-raw(payload)
//! ```
//! The payload is Automerge bytes written without Automerge's own compression
//! (`save_nocompress` or concatenated change chunks), which DEFLATE then shrinks far
//! better than it shrinks the already-deflated `save()`.

use std::io::{Read, Write};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use crate::codec::chunks::{self, ChunkError, Limits};
pub(crate) use crate::codec::leb128::{read_uleb, write_uleb};
use crate::model::ids::DocId;

/// The link format this build writes and reads.
pub const LINK_VERSION: u32 = 1;
/// The longest fragment read at all; checked before anything is decoded.
pub const MAX_FRAGMENT_CHARS: usize = 2 * 1024 * 1024;
/// The largest frame accepted from a file.
pub const MAX_FILE_FRAME_BYTES: usize = 8 * 1024 * 1024;
/// The largest payload once inflated; the inflater stops here.
pub const MAX_PAYLOAD_BYTES: usize = 16 * 1024 * 1024;
/// A link up to this many characters fits any chat: WhatsApp's limit, the smallest of
/// the common ones.
pub const LINK_FITS_ANY_CHAT: usize = 4_096;
/// Past this no link is offered at all: Microsoft Teams cuts messages near 28,000
/// characters (Slack takes 40,000, mail clients more). A file is offered instead.
pub const LINK_BUDGET: usize = 28_000;

const MAX_HEADS: usize = 64;

/// Base64url without padding that accepts non-zero trailing bits, which a cut link has.
const LENIENT: base64::engine::GeneralPurpose = base64::engine::GeneralPurpose::new(
    &base64::alphabet::URL_SAFE,
    base64::engine::GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_allow_trailing_bits(true)
        .with_decode_padding_mode(base64::engine::DecodePaddingMode::RequireNone),
);
const PREFIX_START: &str = "u";

/// What a link carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PayloadKind {
    /// The whole document, as one Automerge document chunk.
    Document,
    /// Change chunks: only what the receiver is expected to lack.
    Changes,
    /// The whole document, preceded in the payload by its author's Ed25519 signature
    /// (64 bytes): for documents only their author may change.
    SignedDocument,
}

/// Bytes of an Ed25519 signature.
pub const SIGNATURE_BYTES: usize = 64;

/// A decoded link or file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Share {
    pub payload: PayloadKind,
    /// The document kind's code (see `DocKind::code`).
    pub kind: u8,
    pub doc_id: DocId,
    /// The person who made the link (their actor id in the personal document).
    pub sender: [u8; 16],
    /// The heads of the sender's copy when the link was made.
    pub heads: Vec<[u8; 32]>,
    /// Uncompressed Automerge bytes.
    pub bytes: Vec<u8>,
    /// For `SignedDocument`: the author's signature over the document.
    pub signature: Option<[u8; SIGNATURE_BYTES]>,
}

/// Why a link or file could not be opened. The messages are shown to people as they are.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LinkError {
    #[error("This link does not hold an Unhurried document. Nothing was changed.")]
    NotALink,
    #[error("This link was made by a newer version of Unhurried. Reload the app to update it, then open the link again. Nothing was changed.")]
    NewerVersion(u32),
    #[error("This link is too large to open ({0} characters). Ask for the document as a file instead. Nothing was changed.")]
    TooLarge(usize),
    #[error("This link is incomplete: its end is missing, probably cut off when it was copied or sent. Ask for it again, or for a file. Nothing was changed.")]
    Incomplete,
    #[error("This link is damaged: some of its characters were changed on the way. Ask for it again. Nothing was changed.")]
    Damaged,
    #[error("This link holds data that would grow far beyond any real document, so it was not opened. Nothing was changed.")]
    Unsafe,
}

impl From<ChunkError> for LinkError {
    fn from(e: ChunkError) -> Self {
        match e {
            ChunkError::TooLarge => LinkError::Unsafe,
            _ => LinkError::Damaged,
        }
    }
}

impl Share {
    /// The payload, checked again for the document layer (decoding checked it once; a
    /// `Share` built in memory has not been).
    pub fn checked(&self) -> Result<chunks::Checked<'_>, LinkError> {
        Ok(chunks::check(&self.bytes, Limits::SHARED)?)
    }

    /// The binary frame, as written to a file and inside a link.
    pub fn encode_frame(&self) -> Vec<u8> {
        let mut body = Vec::with_capacity(64 + self.bytes.len() / 2);
        body.push(match self.payload {
            PayloadKind::Document => 0,
            PayloadKind::Changes => 1,
            PayloadKind::SignedDocument => 2,
        });
        body.push(self.kind);
        body.extend_from_slice(&self.doc_id.bytes());
        body.extend_from_slice(&self.sender);
        // Readers take at most MAX_HEADS; leaving some out only makes replies to this
        // sender carry a little more than needed.
        let heads = &self.heads[..self.heads.len().min(MAX_HEADS)];
        write_uleb(&mut body, heads.len() as u64);
        for head in heads {
            body.extend_from_slice(head);
        }
        let signature = match self.payload {
            PayloadKind::SignedDocument => &self.signature.unwrap_or([0; SIGNATURE_BYTES])[..],
            _ => &[],
        };
        write_uleb(&mut body, (signature.len() + self.bytes.len()) as u64);
        let mut deflater =
            flate2::write::DeflateEncoder::new(&mut body, flate2::Compression::best());
        // Writing into a Vec cannot fail.
        deflater.write_all(signature).expect("deflate into memory");
        deflater
            .write_all(&self.bytes)
            .expect("deflate into memory");
        deflater.finish().expect("deflate into memory");
        let mut frame = Vec::with_capacity(body.len() + 9);
        write_uleb(&mut frame, body.len() as u64);
        let crc = crc32(&body);
        frame.extend_from_slice(&body);
        frame.extend_from_slice(&crc.to_le_bytes());
        frame
    }

    /// The text after `#` in a share link.
    pub fn to_fragment(&self) -> String {
        format!(
            "{PREFIX_START}{LINK_VERSION}.{}",
            URL_SAFE_NO_PAD.encode(self.encode_frame())
        )
    }

    /// Reads a frame (from a file, or a link's decoded fragment).
    pub fn decode_frame(frame: &[u8], max_frame: usize) -> Result<Share, LinkError> {
        if frame.len() > max_frame {
            return Err(LinkError::TooLarge(frame.len()));
        }
        let (body_len, rest) = read_uleb(frame).ok_or(LinkError::Incomplete)?;
        let body_len = usize::try_from(body_len).map_err(|_| LinkError::Damaged)?;
        if body_len > max_frame {
            return Err(LinkError::Damaged);
        }
        if rest.len() < body_len.saturating_add(4) {
            return Err(LinkError::Incomplete);
        }
        if rest.len() > body_len + 4 {
            return Err(LinkError::Damaged);
        }
        let (body, crc) = rest.split_at(body_len);
        if crc32(body).to_le_bytes() != crc {
            return Err(LinkError::Damaged);
        }
        let mut r = body;
        let mut take = |n: usize| -> Result<&[u8], LinkError> {
            if r.len() < n {
                return Err(LinkError::Damaged);
            }
            let (head, tail) = r.split_at(n);
            r = tail;
            Ok(head)
        };
        let payload = match take(1)?[0] {
            0 => PayloadKind::Document,
            1 => PayloadKind::Changes,
            2 => PayloadKind::SignedDocument,
            _ => return Err(LinkError::NotALink),
        };
        let kind = take(1)?[0];
        let doc_id = DocId::from_bytes(take(16)?.try_into().expect("16 bytes"));
        let sender: [u8; 16] = take(16)?.try_into().expect("16 bytes");
        let rest = r;
        let (n_heads, rest) = read_uleb(rest).ok_or(LinkError::Damaged)?;
        if n_heads > MAX_HEADS as u64 || rest.len() < n_heads as usize * 32 {
            return Err(LinkError::Damaged);
        }
        let (head_bytes, rest) = rest.split_at(n_heads as usize * 32);
        let heads = head_bytes
            .chunks_exact(32)
            .map(|h| h.try_into().expect("32 bytes"))
            .collect();
        let (raw_len, compressed) = read_uleb(rest).ok_or(LinkError::Damaged)?;
        if raw_len > MAX_PAYLOAD_BYTES as u64 {
            return Err(LinkError::Unsafe);
        }
        let raw_len = raw_len as usize;
        // The inflater stops one byte past the declared length, so a payload that lies
        // about its size costs at most that much.
        let mut bytes = Vec::with_capacity(raw_len.min(1 << 20));
        flate2::read::DeflateDecoder::new(compressed)
            .take(raw_len as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|_| LinkError::Damaged)?;
        if bytes.len() != raw_len {
            return Err(LinkError::Damaged);
        }
        let signature = if payload == PayloadKind::SignedDocument {
            if bytes.len() < SIGNATURE_BYTES {
                return Err(LinkError::Damaged);
            }
            let sig: [u8; SIGNATURE_BYTES] = bytes[..SIGNATURE_BYTES].try_into().expect("64 bytes");
            bytes.drain(..SIGNATURE_BYTES);
            Some(sig)
        } else {
            None
        };
        let checked = chunks::check(&bytes, Limits::SHARED)?;
        // A whole document is exactly one document chunk, and changes are only
        // changes: Automerge would load changes trailing a document before the app
        // could look at its kind or id.
        let shape_ok = match payload {
            PayloadKind::Document | PayloadKind::SignedDocument => {
                checked.documents() == 1 && checked.changes() == 0
            }
            PayloadKind::Changes => checked.documents() == 0 && checked.changes() > 0,
        };
        if !shape_ok {
            return Err(LinkError::Damaged);
        }
        Ok(Share {
            payload,
            kind,
            doc_id,
            sender,
            heads,
            bytes,
            signature,
        })
    }

    /// Reads the text after `#` in a share link.
    pub fn from_fragment(fragment: &str) -> Result<Share, LinkError> {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment).trim();
        if fragment.len() > MAX_FRAGMENT_CHARS {
            return Err(LinkError::TooLarge(fragment.len()));
        }
        let rest = fragment
            .strip_prefix(PREFIX_START)
            .ok_or(LinkError::NotALink)?;
        let (version, data) = rest.split_once('.').ok_or(LinkError::NotALink)?;
        if version.is_empty()
            || version.len() > 6
            || !version.bytes().all(|b| b.is_ascii_digit())
            || version.starts_with('0')
        {
            return Err(LinkError::NotALink);
        }
        let version: u32 = version.parse().map_err(|_| LinkError::NotALink)?;
        if version > LINK_VERSION {
            return Err(LinkError::NewerVersion(version));
        }
        if version != LINK_VERSION {
            return Err(LinkError::NotALink);
        }
        // Some mail clients wrap long links or add spaces; those characters are never
        // part of the alphabet, so dropping them is safe.
        let mut cleaned: String = data.chars().filter(|c| !c.is_whitespace()).collect();
        // A link cut at any character still decodes up to the cut, so the frame's own
        // length can say "incomplete" rather than "damaged".
        if cleaned.len() % 4 == 1 {
            cleaned.pop();
        }
        let frame = LENIENT
            .decode(cleaned.as_bytes())
            .map_err(|_| LinkError::Damaged)?;
        Share::decode_frame(&frame, MAX_FRAGMENT_CHARS)
    }
}

/// How a link of `len` characters can be sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkFit {
    AnyChat,
    /// Too long for WhatsApp and SMS; fine in Slack, Teams and mail.
    LongChats,
    /// Over the budget: offer a file.
    TooLong,
}

pub fn link_fit(len: usize) -> LinkFit {
    if len <= LINK_FITS_ANY_CHAT {
        LinkFit::AnyChat
    } else if len <= LINK_BUDGET {
        LinkFit::LongChats
    } else {
        LinkFit::TooLong
    }
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = flate2::Crc::new();
    crc.update(bytes);
    crc.sum()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use automerge::transaction::Transactable;
    use automerge::{AutoCommit, ObjType, ReadDoc, ROOT};
    use std::io::Write;

    fn doc() -> AutoCommit {
        // A fixed actor: with a random one, the two sizes compared below differ by a few
        // bytes from run to run, and now and then the comparison flipped.
        let mut doc = AutoCommit::new().with_actor(automerge::ActorId::from([7u8; 16]));
        let list = doc.put_object(ROOT, "comments", ObjType::List).unwrap();
        for i in 0..20 {
            doc.insert(&list, i, format!("comment number {i} about the plan"))
                .unwrap();
        }
        doc.commit();
        doc
    }

    fn share(bytes: Vec<u8>) -> Share {
        Share {
            payload: PayloadKind::Document,
            kind: 1,
            doc_id: DocId::from_bytes([3; 16]),
            sender: [4; 16],
            heads: vec![[5; 32]],
            bytes,
            signature: None,
        }
    }

    #[test]
    fn round_trip_through_a_fragment() {
        let s = share(doc().save_nocompress());
        let fragment = s.to_fragment();
        assert!(fragment.starts_with("u1."));
        assert!(fragment
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)));
        let back = Share::from_fragment(&format!("#{fragment}")).unwrap();
        assert_eq!(back, s);
        let loaded = AutoCommit::load(&back.bytes).unwrap();
        assert_eq!(
            loaded.length(loaded.get(ROOT, "comments").unwrap().unwrap().1),
            20
        );
    }

    #[test]
    fn deflating_the_uncompressed_save_beats_the_compressed_save() {
        let mut d = doc();
        let plain = share(d.save_nocompress()).to_fragment().len();
        let saved = share(d.save()).to_fragment().len();
        assert!(plain < saved, "{plain} vs {saved}");
    }

    #[test]
    fn every_truncation_says_incomplete_or_damaged() {
        let fragment = share(doc().save_nocompress()).to_fragment();
        for n in 0..fragment.len() {
            let err = Share::from_fragment(&fragment[..n]).unwrap_err();
            assert!(
                matches!(
                    err,
                    LinkError::Incomplete | LinkError::Damaged | LinkError::NotALink
                ),
                "{n}: {err:?}"
            );
        }
        // Cut well inside the data, it reads as incomplete, the usual chat-app failure.
        assert_eq!(
            Share::from_fragment(&fragment[..fragment.len() / 2]).unwrap_err(),
            LinkError::Incomplete
        );
    }

    #[test]
    fn every_bit_flip_in_the_frame_is_caught() {
        let frame = share(doc().save_nocompress()).encode_frame();
        for i in 0..frame.len() {
            for bit in [0, 3, 7] {
                let mut bad = frame.clone();
                bad[i] ^= 1 << bit;
                assert!(
                    Share::decode_frame(&bad, MAX_FILE_FRAME_BYTES).is_err(),
                    "byte {i} bit {bit}"
                );
            }
        }
    }

    #[test]
    fn bad_fragments_get_their_own_messages() {
        assert_eq!(Share::from_fragment("#top"), Err(LinkError::NotALink));
        assert_eq!(Share::from_fragment("u+1.AAAA"), Err(LinkError::NotALink));
        assert_eq!(Share::from_fragment("u01.AAAA"), Err(LinkError::NotALink));
        assert_eq!(Share::from_fragment(""), Err(LinkError::NotALink));
        assert_eq!(Share::from_fragment("u1.!!!!"), Err(LinkError::Damaged));
        assert_eq!(
            Share::from_fragment("u7.AAAA"),
            Err(LinkError::NewerVersion(7))
        );
        let huge = format!("u1.{}", "A".repeat(MAX_FRAGMENT_CHARS));
        assert!(matches!(
            Share::from_fragment(&huge),
            Err(LinkError::TooLarge(_))
        ));
    }

    #[test]
    fn wrapped_links_still_open() {
        let fragment = share(doc().save_nocompress()).to_fragment();
        let (a, b) = fragment.split_at(40);
        assert!(Share::from_fragment(&format!("{a}\n {b}")).is_ok());
    }

    /// A frame with a valid checksum around an arbitrary payload, as an attacker would make.
    fn crafted(raw_len: u64, compressed: &[u8]) -> Vec<u8> {
        let mut body = vec![0, 1];
        body.extend_from_slice(&[0; 32]);
        body.push(0);
        write_uleb(&mut body, raw_len);
        body.extend_from_slice(compressed);
        let mut frame = Vec::new();
        write_uleb(&mut frame, body.len() as u64);
        let crc = crc32(&body);
        frame.extend_from_slice(&body);
        frame.extend_from_slice(&crc.to_le_bytes());
        frame
    }

    #[test]
    fn a_decompression_bomb_is_stopped_at_the_declared_size() {
        let mut enc = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
        enc.write_all(&vec![0u8; 256 * 1024 * 1024]).unwrap();
        let bomb = enc.finish().unwrap();
        assert!(bomb.len() < 300 * 1024);
        // Declared honestly: over the limit before inflating anything.
        assert_eq!(
            Share::decode_frame(&crafted(256 * 1024 * 1024, &bomb), MAX_FILE_FRAME_BYTES),
            Err(LinkError::Unsafe)
        );
        // Declared small: inflation stops one byte past it.
        assert_eq!(
            Share::decode_frame(&crafted(1000, &bomb), MAX_FILE_FRAME_BYTES),
            Err(LinkError::Damaged)
        );
    }

    #[test]
    fn valid_framing_around_garbage_is_refused() {
        let mut enc = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(b"this is not automerge at all").unwrap();
        let garbage = enc.finish().unwrap();
        assert_eq!(
            Share::decode_frame(&crafted(28, &garbage), MAX_FILE_FRAME_BYTES),
            Err(LinkError::Damaged)
        );
    }

    #[test]
    fn fit() {
        assert_eq!(link_fit(4_000), LinkFit::AnyChat);
        assert_eq!(link_fit(10_000), LinkFit::LongChats);
        assert_eq!(link_fit(30_000), LinkFit::TooLong);
    }

    proptest::proptest! {
        #[test]
        fn random_fragments_never_panic(s in "u1\\.[A-Za-z0-9_-]{0,300}") {
            let _ = Share::from_fragment(&s);
        }

        #[test]
        fn random_frames_never_panic(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..300)) {
            let _ = Share::decode_frame(&bytes, MAX_FILE_FRAME_BYTES);
        }
    }
}
