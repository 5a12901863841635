//! Links to a 'how to work with me' page, and the rule that makes the page read-only
//! in earnest: every link to a page carries the whole page signed with its author's
//! Ed25519 key, and a copy accepts a link only when the signature verifies against
//! the key it already trusts for that page (or, for a page never seen here, the key
//! inside the page itself). Anyone else can forward the author's link unchanged, but a
//! link carrying their own edits cannot be signed, so it is refused whole.

use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};

use super::exchange::{hex, id_bytes};
use super::link::{LinkError, PayloadKind, Share};
use crate::doc::page::PageDoc;
use crate::doc::{random_bytes, DocError};
use crate::model::ids::DocId;
use crate::model::kind::DocKind;

/// What the signature covers: a label (so it can never be mistaken for a signature of
/// anything else), the page id and the document bytes.
fn signed_message(doc_id: &DocId, bytes: &[u8]) -> Vec<u8> {
    let mut m = Vec::with_capacity(32 + bytes.len());
    m.extend_from_slice(b"unhurried page v1\0");
    m.extend_from_slice(&doc_id.bytes());
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
    let doc_id = doc.id().ok_or(PageLinkError::NoKey)?;
    let bytes = doc.save_for_link();
    let signature = key.sign(&signed_message(&doc_id, &bytes)).to_bytes();
    Ok(Share {
        payload: PayloadKind::SignedDocument,
        kind: DocKind::Page.code(),
        doc_id,
        sender,
        heads: doc.heads().hashes().to_vec(),
        bytes,
        signature: Some(signature),
    })
}

/// The public key for a private key (both hex), when it is a valid one.
pub fn public_of(secret_hex: &str) -> Option<String> {
    let secret = id_bytes_32(secret_hex)?;
    Some(hex(&SigningKey::from_bytes(&secret)
        .verifying_key()
        .to_bytes()))
}

/// 64 hex characters as 32 bytes. Keys come from links, so anything else is refused,
/// including text that is 64 bytes long but not ASCII.
fn id_bytes_32(hex: &str) -> Option<[u8; 32]> {
    if hex.len() != 64 || !hex.is_ascii() {
        return None;
    }
    let a = id_bytes(hex.get(..32)?)?;
    let b = id_bytes(hex.get(32..)?)?;
    let mut out = [0u8; 32];
    out[..16].copy_from_slice(&a);
    out[16..].copy_from_slice(&b);
    Some(out)
}

/// What a received page link did.
pub enum PageReceived {
    /// The page was not here before.
    New(Box<PageDoc>),
    /// A newer publication than the copy here: it replaces it.
    Newer(Box<PageDoc>),
    /// The copy here is as new or newer.
    Unchanged,
}

/// What this device already trusts about a page: its author's key and name.
pub struct Trusted {
    pub key: String,
    pub name: String,
}

fn verifies(share: &Share, key_hex: &str) -> bool {
    let (Some(sig), Some(key)) = (share.signature, id_bytes_32(key_hex)) else {
        return false;
    };
    let Ok(key) = VerifyingKey::from_bytes(&key) else {
        return false;
    };
    share.payload == PayloadKind::SignedDocument
        && key
            .verify_strict(
                &signed_message(&share.doc_id, &share.bytes),
                &Signature::from_bytes(&sig),
            )
            .is_ok()
}

/// Takes in a decoded page link. `local` is this device's copy, if any; `trusted` what
/// this device knows of the page's author even without a copy (from the list of held
/// documents, or its own key). On any error nothing local has changed.
pub fn receive_page(
    share: &Share,
    local: Option<&PageDoc>,
    trusted: Option<Trusted>,
) -> Result<PageReceived, PageLinkError> {
    if DocKind::from_code(share.kind) != Some(DocKind::Page) {
        return Err(LinkError::Damaged.into());
    }
    let known = local
        .map(|l| Trusted {
            key: l.author_key(),
            name: l.state().author_name,
        })
        .or(trusted);
    let named = |name: &str| {
        if name.trim().is_empty() {
            "its author".to_owned()
        } else {
            name.to_owned()
        }
    };
    // With a key already trusted, nothing from the sender is loaded before it verifies.
    if let Some(k) = &known {
        if !verifies(share, &k.key) {
            return Err(PageLinkError::NotTheAuthor(named(&k.name)));
        }
    }
    let incoming = PageDoc::load(share.checked()?).map_err(|e| match e {
        DocError::WrongKind { .. } => PageLinkError::Link(LinkError::Damaged),
        other => PageLinkError::Unreadable(other.to_string()),
    })?;
    if incoming.id() != Some(share.doc_id) {
        return Err(LinkError::Damaged.into());
    }
    let key = match &known {
        Some(k) => k.key.clone(),
        None => incoming.author_key(),
    };
    let name = named(&known.map_or_else(|| incoming.state().author_name, |k| k.name));
    if incoming.author_key() != key || !verifies(share, &key) {
        return Err(PageLinkError::NotTheAuthor(name));
    }
    Ok(match local {
        None => PageReceived::New(Box::new(incoming)),
        Some(local) if incoming.published() > local.published() => {
            PageReceived::Newer(Box::new(incoming))
        }
        Some(_) => PageReceived::Unchanged,
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::model::boundaries::Boundaries;
    use crate::model::page::PageState;
    use crate::model::schedule::Schedule;

    const ANA: [u8; 16] = [1; 16];
    const BEN: [u8; 16] = [2; 16];
    const PAGE_ID: &str = "0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a";

    fn publish(urgent: &str, at: i64, public: &str) -> PageDoc {
        let b = Boundaries {
            urgent: urgent.into(),
            ..Boundaries::default()
        };
        let state = PageState::from_sources(
            PAGE_ID,
            &hex(&ANA),
            "Ana",
            "Europe/London",
            &b,
            &Schedule::default(),
            at,
        );
        PageDoc::snapshot(&state, public)
    }

    fn via_fragment(share: &Share) -> Share {
        Share::from_fragment(&share.to_fragment()).unwrap()
    }

    fn new_copy(share: &Share) -> PageDoc {
        match receive_page(share, None, None) {
            Ok(PageReceived::New(doc)) => *doc,
            _ => panic!("a new page"),
        }
    }

    #[test]
    fn the_authors_links_open_and_update() {
        let (secret, public) = new_author_key();
        assert_eq!(public_of(&secret), Some(public.clone()));
        let link =
            via_fragment(&page_link(&mut publish("Site down", 1, &public), &secret, ANA).unwrap());
        let copy = new_copy(&link);
        assert_eq!(copy.state().urgent, "Site down");
        let update = via_fragment(
            &page_link(&mut publish("Payments fail", 2, &public), &secret, ANA).unwrap(),
        );
        match receive_page(&update, Some(&copy), None) {
            Ok(PageReceived::Newer(doc)) => assert_eq!(doc.state().urgent, "Payments fail"),
            _ => panic!("newer"),
        }
        // The older link again, or forwarded unchanged by a reader: accepted, changes nothing.
        let mut forwarded = link.clone();
        forwarded.sender = BEN;
        let newer = new_copy(&update);
        assert!(matches!(
            receive_page(&forwarded, Some(&newer), None),
            Ok(PageReceived::Unchanged)
        ));
        // A device that lists the page but lacks its content trusts the listed key.
        let listed = Trusted {
            key: public.clone(),
            name: "Ana".into(),
        };
        assert!(matches!(
            receive_page(&update, None, Some(listed)),
            Ok(PageReceived::New(_))
        ));
    }

    #[test]
    fn anyone_elses_edits_are_refused_whole() {
        let (secret, public) = new_author_key();
        let link = page_link(&mut publish("Site down", 1, &public), &secret, ANA).unwrap();
        let anas = new_copy(&link);
        // Ben's edit of his copy, sent back in several disguises.
        let mut state = new_copy(&link).state();
        state.urgent = "Anything Ben says".into();
        state.published = 99;
        let mut bens = PageDoc::snapshot(&state, &public);
        let unsigned = Share {
            payload: PayloadKind::Document,
            signature: None,
            sender: BEN,
            bytes: bens.save_for_link(),
            ..link.clone()
        };
        let (ben_secret, ben_public) = new_author_key();
        let ben_key = SigningKey::from_bytes(&id_bytes_32(&ben_secret).unwrap());
        let sign = |share: &mut Share| {
            share.payload = PayloadKind::SignedDocument;
            share.signature = Some(
                ben_key
                    .sign(&signed_message(&share.doc_id, &share.bytes))
                    .to_bytes(),
            );
        };
        // Signed with Ben's key while the page still names Ana's.
        let mut forged = unsigned.clone();
        sign(&mut forged);
        // Ana's real signature over different bytes.
        let mut spliced = forged.clone();
        spliced.signature = link.signature;
        // A whole page re-keyed to Ben's key under the same id, properly signed by him.
        let mut rekeyed = Share {
            bytes: PageDoc::snapshot(&state, &ben_public).save_for_link(),
            ..unsigned.clone()
        };
        sign(&mut rekeyed);
        let listed = || Trusted {
            key: public.clone(),
            name: "Ana".into(),
        };
        for bad in [&unsigned, &forged, &spliced, &rekeyed] {
            let bad = via_fragment(bad);
            for outcome in [
                receive_page(&bad, Some(&anas), None),
                receive_page(&bad, None, Some(listed())),
            ] {
                let err = outcome.err().expect("refused");
                assert_eq!(err, PageLinkError::NotTheAuthor("Ana".into()));
                assert!(err.to_string().contains("only Ana can change it"));
            }
        }
        // Someone who never saw Ana's page cannot tell the re-keyed one from an original.
        assert!(receive_page(&via_fragment(&rekeyed), None, None).is_ok());
    }

    #[test]
    fn keys_that_are_not_hex_are_refused_without_panicking() {
        let odd = format!("{}é{}", "a".repeat(31), "a".repeat(31));
        assert_eq!(odd.len(), 64);
        assert_eq!(id_bytes_32(&odd), None);
        assert_eq!(public_of(&odd), None);
        let (secret, _) = new_author_key();
        let mut page = publish("x", 1, &odd);
        assert!(page_link(&mut page, &secret, ANA).is_err());
        // A page naming such a key, signed by anyone, is refused as not the author's.
        let mut share = page_link(
            &mut publish("x", 1, &public_of(&secret).unwrap()),
            &secret,
            ANA,
        )
        .unwrap();
        share.bytes = page.save_for_link();
        assert!(receive_page(&share, None, None).is_err());
    }
}
