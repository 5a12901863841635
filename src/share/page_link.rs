//! Links to a 'how to work with me' page, and the rule that makes the page read-only
//! in earnest: every link to a page carries the whole page signed with its author's
//! Ed25519 key, and a copy accepts a link only when the signature verifies against
//! the key it already knows for that page (or, for a page new here, the key inside
//! the page itself). Anyone else can forward the author's link unchanged, but a link
//! carrying their own edits cannot be signed, so it is refused whole.

use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};

use super::exchange::{hex, id_bytes};
use super::link::{LinkError, PayloadKind, Share, SIGNATURE_BYTES};
use crate::doc::page::PageDoc;
use crate::doc::{random_bytes, DocError, DocKind};

/// What the signature covers: a label (so it can never be mistaken for a signature of
/// anything else), the page id and the document bytes.
fn signed_message(doc_id: &[u8; 16], bytes: &[u8]) -> Vec<u8> {
    let mut m = Vec::with_capacity(32 + bytes.len());
    m.extend_from_slice(b"unhurried page v1\0");
    m.extend_from_slice(doc_id);
    m.extend_from_slice(bytes);
    m
}

/// A fresh key pair: (private key hex, public key hex).
pub fn new_author_key() -> (String, String) {
    let secret = random_bytes::<32>();
    let public = SigningKey::from_bytes(&secret).verifying_key().to_bytes();
    (hex(&secret), hex(&public))
}

/// Why a page link was refused. Messages are shown as they are.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PageLinkError {
    #[error(transparent)]
    Link(#[from] LinkError),
    #[error("This link tries to change {0}'s “How to work with me” page, but only {0} can change it, and this link was not made by their app. Nothing was changed.")]
    NotTheAuthor(String),
    #[error("This page's document could not be read: {0}. Nothing was changed.")]
    Unreadable(String),
    #[error("This page cannot be shared: its author key is missing or damaged.")]
    NoKey,
}

/// A signed link carrying the whole page.
pub fn page_link(
    doc: &mut PageDoc,
    secret_hex: &str,
    sender: [u8; 16],
) -> Result<Share, PageLinkError> {
    let secret: [u8; 32] = id_bytes_32(secret_hex).ok_or(PageLinkError::NoKey)?;
    let key = SigningKey::from_bytes(&secret);
    if hex(&key.verifying_key().to_bytes()) != doc.author_key() {
        return Err(PageLinkError::NoKey);
    }
    let doc_id = id_bytes(&doc.id()).ok_or(PageLinkError::NoKey)?;
    let bytes = doc.save_for_link();
    let signature = key.sign(&signed_message(&doc_id, &bytes)).to_bytes();
    Ok(Share {
        payload: PayloadKind::SignedDocument,
        kind: DocKind::Page.code(),
        doc_id,
        sender,
        heads: doc.heads().iter().map(|h| h.0).collect(),
        bytes,
        signature: Some(signature),
    })
}

fn id_bytes_32(hex: &str) -> Option<[u8; 32]> {
    if hex.len() != 64 {
        return None;
    }
    let a = id_bytes(&hex[..32])?;
    let b = id_bytes(&hex[32..])?;
    let mut out = [0u8; 32];
    out[..16].copy_from_slice(&a);
    out[16..].copy_from_slice(&b);
    Some(out)
}

/// What a received page link did.
pub enum PageReceived {
    New(Box<PageDoc>),
    /// Merged into the local copy; `true` when anything new arrived.
    Merged(bool),
}

/// Takes in a decoded page link. On any error nothing local has changed.
pub fn receive_page(
    share: &Share,
    local: Option<&mut PageDoc>,
) -> Result<PageReceived, PageLinkError> {
    if DocKind::from_code(share.kind) != Some(DocKind::Page) {
        return Err(LinkError::Damaged.into());
    }
    let mut incoming = PageDoc::load(&share.bytes).map_err(|e| match e {
        DocError::WrongKind { .. } => PageLinkError::Link(LinkError::Damaged),
        other => PageLinkError::Unreadable(other.to_string()),
    })?;
    let author_name = |doc: &PageDoc| {
        let name = doc.state().author_name;
        if name.trim().is_empty() {
            "its author".to_owned()
        } else {
            name
        }
    };
    if id_bytes(&incoming.id()) != Some(share.doc_id) {
        return Err(LinkError::Damaged.into());
    }
    // The key to check against: the one this device already trusts for the page, or,
    // the first time, the one the page names.
    let trusted = match &local {
        Some(local) => local.author_key(),
        None => incoming.author_key(),
    };
    let name = match &local {
        Some(local) => author_name(local),
        None => author_name(&incoming),
    };
    let verified = (|| {
        let sig: [u8; SIGNATURE_BYTES] = share.signature?;
        let key = VerifyingKey::from_bytes(&id_bytes_32(&trusted)?).ok()?;
        key.verify_strict(
            &signed_message(&share.doc_id, &share.bytes),
            &Signature::from_bytes(&sig),
        )
        .ok()
    })();
    if share.payload != PayloadKind::SignedDocument || verified.is_none() {
        return Err(PageLinkError::NotTheAuthor(name));
    }
    if incoming.author_key() != trusted {
        return Err(PageLinkError::NotTheAuthor(name));
    }
    match local {
        None => Ok(PageReceived::New(Box::new(incoming))),
        Some(local) => local
            .merge(&mut incoming)
            .map(PageReceived::Merged)
            .map_err(|e| PageLinkError::Unreadable(e.to_string())),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::model::boundaries::Boundaries;
    use crate::model::page::PageState;
    use crate::model::schedule::Schedule;

    const ANA: [u8; 16] = [1; 16];
    const BEN: [u8; 16] = [2; 16];

    fn published(urgent: &str) -> (PageDoc, String) {
        let (secret, public) = new_author_key();
        let mut page = PageDoc::create(&hex(&ANA), &public);
        let b = Boundaries {
            urgent: urgent.into(),
            ..Boundaries::default()
        };
        let state = PageState::from_sources(
            &page.id(),
            &hex(&ANA),
            "Ana",
            "Europe/London",
            &b,
            &Schedule::default(),
            1,
        );
        page.publish(&state).unwrap();
        (page, secret)
    }

    fn via_fragment(share: &Share) -> Share {
        Share::from_fragment(&share.to_fragment()).unwrap()
    }

    #[test]
    fn the_authors_links_open_and_update() {
        let (mut page, secret) = published("Site down");
        let link = via_fragment(&page_link(&mut page, &secret, ANA).unwrap());
        let PageReceived::New(mut copy) = receive_page(&link, None).unwrap() else {
            panic!("new");
        };
        assert_eq!(copy.state().urgent, "Site down");
        let mut state = page.state();
        state.urgent = "Payments fail".into();
        page.publish(&state).unwrap();
        let update = via_fragment(&page_link(&mut page, &secret, ANA).unwrap());
        assert!(matches!(
            receive_page(&update, Some(&mut copy)),
            Ok(PageReceived::Merged(true))
        ));
        assert_eq!(copy.state().urgent, "Payments fail");
        // Forwarded unchanged by a reader, the author's link still opens.
        let mut forwarded = update.clone();
        forwarded.sender = BEN;
        assert!(receive_page(&forwarded, Some(&mut copy)).is_ok());
    }

    #[test]
    fn anyone_elses_edits_are_refused_whole() {
        let (mut page, secret) = published("Site down");
        let link = page_link(&mut page, &secret, ANA).unwrap();
        let PageReceived::New(mut bens) = receive_page(&link, None).unwrap() else {
            panic!("new");
        };
        // Ben edits his copy with the app's own functions and sends it back.
        let mut state = bens.state();
        state.urgent = "Anything Ben says".into();
        bens.publish(&state).unwrap();
        let before = page.state();
        let heads = page.heads();

        // Unsigned, as a plain document link.
        let unsigned = Share {
            payload: PayloadKind::Document,
            signature: None,
            sender: BEN,
            bytes: bens.save_for_link(),
            ..link.clone()
        };
        // Signed with Ben's own key, with the page's key left as Ana's.
        let (ben_secret, _) = new_author_key();
        let ben_key = SigningKey::from_bytes(&id_bytes_32(&ben_secret).unwrap());
        let mut forged = unsigned.clone();
        forged.payload = PayloadKind::SignedDocument;
        forged.signature = Some(
            ben_key
                .sign(&signed_message(&forged.doc_id, &forged.bytes))
                .to_bytes(),
        );
        // Ana's real signature over different bytes.
        let mut spliced = forged.clone();
        spliced.signature = link.signature;
        for bad in [&unsigned, &forged, &spliced] {
            let err = receive_page(&via_fragment(bad), Some(&mut page))
                .err()
                .expect("refused");
            assert_eq!(err, PageLinkError::NotTheAuthor("Ana".into()));
            assert!(err.to_string().contains("only Ana can change it"));
        }
        assert_eq!(page.state(), before);
        assert_eq!(page.heads(), heads);
    }
}
