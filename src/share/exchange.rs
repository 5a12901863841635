//! Making links from a collaboration document and taking them in: the rules for which
//! changes a reply carries and how a received link meets the local copy.

use super::link::{LinkError, PayloadKind, Share};
use crate::doc::shared::{SharedDoc, SharedError};
use crate::doc::DocError;
use crate::model::ids::Heads;
use crate::model::kind::DocKind;

/// Why a link could not be taken in. Messages are shown as they are.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReceiveError {
    #[error(transparent)]
    Link(#[from] LinkError),
    #[error(transparent)]
    Collab(#[from] SharedError),
    #[error("This link holds a kind of document this version of Unhurried does not know. Reload the app to update it, then open the link again. Nothing was changed.")]
    UnknownKind,
    #[error("This is a reply link for a document you do not have yet. Ask for the full link (\"Copy link\") first. Nothing was changed.")]
    ReplyWithoutDocument,
    #[error("This link's document could not be read: {0}. Nothing was changed.")]
    Unreadable(String),
}

/// What a received link did.
pub enum Received {
    /// The document was new here.
    New(Box<SharedDoc>),
    /// It merged into the local copy; `true` when anything new arrived.
    Merged(bool),
}

/// A document id (32 hex characters) as the 16 bytes a link carries.
pub fn id_bytes(hex: &str) -> Option<[u8; 16]> {
    let bytes = crate::model::ids::decode_hex(hex)?;
    bytes.try_into().ok()
}

pub fn hex(bytes: &[u8]) -> String {
    crate::model::ids::hex(bytes)
}

/// A link carrying the whole document.
pub fn full_link(doc: &mut SharedDoc, sender: [u8; 16]) -> Share {
    let heads = doc.heads();
    Share {
        payload: PayloadKind::Document,
        kind: doc.kind().code(),
        doc_id: doc.id().unwrap_or_default(),
        sender,
        heads: heads.hashes().to_vec(),
        bytes: doc.save_for_link(),
        signature: None,
    }
}

/// A link carrying only what at least one of `peers` lacks, or `None` when there is
/// nothing they lack.
pub fn reply_link(doc: &mut SharedDoc, sender: [u8; 16], peers: &[Heads]) -> Option<Share> {
    let bytes = doc.changes_for(peers);
    if bytes.is_empty() {
        return None;
    }
    let heads = doc.heads();
    Some(Share {
        payload: PayloadKind::Changes,
        kind: doc.kind().code(),
        doc_id: doc.id().unwrap_or_default(),
        sender,
        heads: heads.hashes().to_vec(),
        bytes,
        signature: None,
    })
}

/// Takes in a decoded link. `local` is this device's copy of the same document, if any.
/// On any error nothing local has changed.
pub fn receive(share: &Share, local: Option<&mut SharedDoc>) -> Result<Received, ReceiveError> {
    let Some(kind) = DocKind::from_code(share.kind).filter(|k| DocKind::WRITTEN_BY_ALL.contains(k))
    else {
        return Err(ReceiveError::UnknownKind);
    };
    match (share.payload, local) {
        (PayloadKind::Document, local) => {
            let mut incoming = SharedDoc::load(share.checked()?).map_err(|e| match e {
                DocError::WrongKind { .. } => ReceiveError::Link(LinkError::Damaged),
                other => ReceiveError::Unreadable(other.to_string()),
            })?;
            if incoming.id() != Some(share.doc_id) {
                return Err(SharedError::IdMismatch.into());
            }
            // The frame's kind and the document's must agree, or a meeting could be
            // merged into a board of the same id.
            if incoming.kind() != kind {
                return Err(ReceiveError::Link(LinkError::Damaged));
            }
            match local {
                None => Ok(Received::New(Box::new(incoming))),
                Some(local) => Ok(Received::Merged(local.merge_document(&mut incoming)?)),
            }
        }
        // Collaboration documents are written by everyone: none arrives signed.
        (PayloadKind::SignedDocument, _) => Err(ReceiveError::Link(LinkError::Damaged)),
        (PayloadKind::Changes, None) => Err(ReceiveError::ReplyWithoutDocument),
        (PayloadKind::Changes, Some(local)) => {
            if local.id() != Some(share.doc_id) || local.kind() != kind {
                return Err(SharedError::IdMismatch.into());
            }
            Ok(Received::Merged(local.apply_changes(share.checked()?)?))
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::share::link::Share;

    const ANA: [u8; 16] = [1; 16];
    const BEN: [u8; 16] = [2; 16];

    fn via_fragment(share: &Share) -> Share {
        Share::from_fragment(&share.to_fragment()).unwrap()
    }

    #[test]
    fn full_then_reply_round_trip() {
        let mut a = SharedDoc::create(&hex(&ANA), "Ana", "Plan", 1);
        let link = via_fragment(&full_link(&mut a, ANA));
        let Received::New(mut b) = receive(&link, None).unwrap() else {
            panic!("new")
        };
        // What a receiver keeps of the sender's heads: stored as text and read back.
        let a_heads = Heads::parse_list(&Heads::new(link.heads.clone()).to_list());
        b.add_comment(&hex(&BEN), "Ben", 2, None, "Hello").unwrap();
        let reply = via_fragment(&reply_link(&mut b, BEN, &[a_heads]).unwrap());
        assert!(matches!(
            receive(&reply, Some(&mut a)),
            Ok(Received::Merged(true))
        ));
        assert_eq!(a.state(), b.state());
        // The same reply again changes nothing.
        assert!(matches!(
            receive(&reply, Some(&mut a)),
            Ok(Received::Merged(false))
        ));
    }

    #[test]
    fn a_reply_without_the_document_and_a_foreign_document_are_refused() {
        let mut a = SharedDoc::create(&hex(&ANA), "Ana", "Plan", 1);
        let h = a.heads();
        a.add_comment(&hex(&ANA), "Ana", 2, None, "x").unwrap();
        let reply = reply_link(&mut a, ANA, &[h]).unwrap();
        assert!(matches!(
            receive(&reply, None),
            Err(ReceiveError::ReplyWithoutDocument)
        ));
        let mut other = SharedDoc::create(&hex(&BEN), "Ben", "Other", 1);
        let before = other.state();
        assert!(receive(&reply, Some(&mut other)).is_err());
        let full = full_link(&mut a, ANA);
        assert!(receive(&full, Some(&mut other)).is_err());
        assert_eq!(other.state(), before);
        let mut unknown = full.clone();
        unknown.kind = DocKind::Board.code();
        // A discussion framed as a board is refused.
        assert!(matches!(
            receive(&unknown, None),
            Err(ReceiveError::Link(LinkError::Damaged))
        ));
        unknown.kind = 9;
        assert!(matches!(
            receive(&unknown, None),
            Err(ReceiveError::UnknownKind)
        ));
    }

    #[test]
    fn meetings_and_boards_travel_as_their_own_kinds() {
        use crate::model::shared::board::Column;
        let mut board = SharedDoc::create_kind(DocKind::Board, &hex(&ANA), "Ana", "Team", 1);
        let link = via_fragment(&full_link(&mut board, ANA));
        assert_eq!(link.kind, DocKind::Board.code());
        let Received::New(mut copy) = receive(&link, None).unwrap() else {
            panic!("new")
        };
        assert_eq!(copy.kind(), DocKind::Board);
        let heads = board.heads();
        copy.as_board()
            .unwrap()
            .add_card(&hex(&BEN), "Ben", 2, "Docs", Column::Doing, 1.0)
            .unwrap();
        let reply = via_fragment(&reply_link(&mut copy, BEN, &[heads]).unwrap());
        assert_eq!(reply.kind, DocKind::Board.code());
        assert!(matches!(
            receive(&reply, Some(&mut board)),
            Ok(Received::Merged(true))
        ));
        assert_eq!(board.state().board().clone().cards.len(), 1);
        let mut meeting = SharedDoc::create_kind(DocKind::Meeting, &hex(&ANA), "Ana", "Weekly", 1);
        let link = via_fragment(&full_link(&mut meeting, ANA));
        assert_eq!(link.kind, DocKind::Meeting.code());
        let Received::New(m) = receive(&link, None).unwrap() else {
            panic!("new")
        };
        assert_eq!(m.state().meeting().clone().agenda.len(), 4);
    }

    #[test]
    fn hex_round_trips() {
        assert_eq!(id_bytes(&hex(&ANA)), Some(ANA));
        assert_eq!(id_bytes("xyz"), None);
        assert_eq!(id_bytes("é1"), None);
    }
}
