//! Links to a 'how to work with me' page, and the rule that makes the page read-only
//! in earnest: every link to a page carries the whole page signed with its author's
//! Ed25519 key, and a copy accepts a link only when the signature verifies against
//! the key it already trusts for that page (or, for a page never seen here, the key
//! inside the page itself). Anyone else can forward the author's link unchanged, but a
//! link carrying their own edits cannot be signed, so it is refused whole.
//! Client dashboards and intake forms are published the same way (`sign`,
//! `receive_signed`), each kind's signature labelled with its name.

use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};

use super::exchange::{hex, id_bytes};
use super::link::{LinkError, PayloadKind, Share};
use crate::codec::chunks::Checked;
use crate::doc::page::PageDoc;
use crate::doc::publication::PublicationDoc;
use crate::doc::{random_bytes, DocError};
use crate::model::ids::DocId;
use crate::model::kind::DocKind;

/// What the signature covers: a label naming the kind (so it can never be mistaken for a
/// signature of anything else: "unhurried page v1"), the document id and its bytes.
fn signed_message(kind: DocKind, doc_id: &DocId, bytes: &[u8]) -> Vec<u8> {
    let mut m = Vec::with_capacity(40 + bytes.len());
    m.extend_from_slice(format!("unhurried {} v1\0", kind.key()).as_bytes());
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
    #[error("This link tries to change {name}'s {what}, but only {name} can change it, and this link was not made by their app. Nothing was changed.")]
    NotTheAuthor { name: String, what: &'static str },
    #[error("This page's document could not be read: {0}. Nothing was changed.")]
    Unreadable(String),
    #[error("This cannot be shared: its author key is missing or damaged.")]
    NoKey,
}

/// A one-author snapshot that travels signed: a page, a dashboard or a form.
pub trait Snapshot: Sized {
    /// Loads checked bytes that must hold a snapshot of `kind`.
    fn load_checked(checked: Checked<'_>, kind: DocKind) -> Result<Self, DocError>;
    fn kind(&self) -> DocKind;
    fn snapshot_id(&self) -> Option<DocId>;
    fn key(&self) -> String;
    fn name(&self) -> String;
    fn when(&self) -> i64;
    fn bytes_for_link(&mut self) -> Vec<u8>;
    fn head_hashes(&mut self) -> Vec<[u8; 32]>;
}

impl Snapshot for PageDoc {
    fn load_checked(checked: Checked<'_>, _: DocKind) -> Result<Self, DocError> {
        PageDoc::load(checked)
    }
    fn kind(&self) -> DocKind {
        DocKind::Page
    }
    fn snapshot_id(&self) -> Option<DocId> {
        self.id()
    }
    fn key(&self) -> String {
        self.author_key()
    }
    fn name(&self) -> String {
        self.state().author_name
    }
    fn when(&self) -> i64 {
        self.published()
    }
    fn bytes_for_link(&mut self) -> Vec<u8> {
        self.save_for_link()
    }
    fn head_hashes(&mut self) -> Vec<[u8; 32]> {
        self.heads().hashes().to_vec()
    }
}

impl Snapshot for PublicationDoc {
    fn load_checked(checked: Checked<'_>, kind: DocKind) -> Result<Self, DocError> {
        PublicationDoc::load(checked, kind)
    }
    fn kind(&self) -> DocKind {
        PublicationDoc::kind(self)
    }
    fn snapshot_id(&self) -> Option<DocId> {
        self.meta().id
    }
    fn key(&self) -> String {
        self.meta().author_key
    }
    fn name(&self) -> String {
        self.meta().author_name
    }
    fn when(&self) -> i64 {
        self.meta().published
    }
    fn bytes_for_link(&mut self) -> Vec<u8> {
        self.save_for_link()
    }
    fn head_hashes(&mut self) -> Vec<[u8; 32]> {
        self.heads().hashes().to_vec()
    }
}

/// A signed link carrying the whole page.
pub fn page_link(
    doc: &mut PageDoc,
    secret_hex: &str,
    sender: [u8; 16],
) -> Result<Share, PageLinkError> {
    signed_link(doc, secret_hex, sender)
}

/// A signed link carrying a whole snapshot.
pub fn signed_link<D: Snapshot>(
    doc: &mut D,
    secret_hex: &str,
    sender: [u8; 16],
) -> Result<Share, PageLinkError> {
    let secret: [u8; 32] = id_bytes_32(secret_hex).ok_or(PageLinkError::NoKey)?;
    let key = SigningKey::from_bytes(&secret);
    if hex(&key.verifying_key().to_bytes()) != doc.key() {
        return Err(PageLinkError::NoKey);
    }
    let doc_id = doc.snapshot_id().ok_or(PageLinkError::NoKey)?;
    let bytes = doc.bytes_for_link();
    let signature = key
        .sign(&signed_message(doc.kind(), &doc_id, &bytes))
        .to_bytes();
    Ok(Share {
        payload: PayloadKind::SignedDocument,
        kind: doc.kind().code(),
        doc_id,
        sender,
        heads: doc.head_hashes(),
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

/// What a received signed link did.
pub enum Received<D> {
    /// It was not here before.
    New(Box<D>),
    /// A newer publication than the copy here: it replaces it.
    Newer(Box<D>),
    /// The copy here is as new or newer.
    Unchanged,
}

pub type PageReceived = Received<PageDoc>;

/// What this device already trusts about a page: its author's key and name.
pub struct Trusted {
    pub key: String,
    pub name: String,
}

fn verifies(kind: DocKind, share: &Share, key_hex: &str) -> bool {
    let (Some(sig), Some(key)) = (share.signature, id_bytes_32(key_hex)) else {
        return false;
    };
    let Ok(key) = VerifyingKey::from_bytes(&key) else {
        return false;
    };
    share.payload == PayloadKind::SignedDocument
        && key
            .verify_strict(
                &signed_message(kind, &share.doc_id, &share.bytes),
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
    receive_signed(share, local, trusted, DocKind::Page)
}

/// Takes in a decoded signed link that must carry a snapshot of `kind`, by the rule above.
pub fn receive_signed<D: Snapshot>(
    share: &Share,
    local: Option<&D>,
    trusted: Option<Trusted>,
    kind: DocKind,
) -> Result<Received<D>, PageLinkError> {
    if DocKind::from_code(share.kind) != Some(kind) {
        return Err(LinkError::Damaged.into());
    }
    let known = local
        .map(|l| Trusted {
            key: l.key(),
            name: l.name(),
        })
        .or(trusted);
    let refused = |name: &str| PageLinkError::NotTheAuthor {
        name: if name.trim().is_empty() {
            "its author".to_owned()
        } else {
            name.to_owned()
        },
        what: kind.noun(),
    };
    // With a key already trusted, nothing from the sender is loaded before it verifies.
    if let Some(k) = &known {
        if !verifies(kind, share, &k.key) {
            return Err(refused(&k.name));
        }
    }
    let incoming = D::load_checked(share.checked()?, kind).map_err(|e| match e {
        DocError::WrongKind { .. } => PageLinkError::Link(LinkError::Damaged),
        other => PageLinkError::Unreadable(other.to_string()),
    })?;
    if incoming.snapshot_id() != Some(share.doc_id) {
        return Err(LinkError::Damaged.into());
    }
    let key = match &known {
        Some(k) => k.key.clone(),
        None => incoming.key(),
    };
    let name = known.map_or_else(|| incoming.name(), |k| k.name);
    if incoming.key() != key || !verifies(kind, share, &key) {
        return Err(refused(&name));
    }
    Ok(match local {
        None => Received::New(Box::new(incoming)),
        Some(local) if incoming.when() > local.when() => Received::Newer(Box::new(incoming)),
        Some(_) => Received::Unchanged,
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
                    .sign(&signed_message(DocKind::Page, &share.doc_id, &share.bytes))
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
                assert_eq!(
                    err,
                    PageLinkError::NotTheAuthor {
                        name: "Ana".into(),
                        what: DocKind::Page.noun()
                    }
                );
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

    #[test]
    fn dashboards_and_forms_travel_signed_and_cannot_pass_for_each_other() {
        use crate::doc::publication::Meta;
        use crate::model::dashboard::Dashboard;
        let (secret, public) = new_author_key();
        let meta = |at: i64| Meta {
            id: DocId::parse(PAGE_ID),
            author_key: public.clone(),
            author_name: "Ana".into(),
            time_zone: "Asia/Kolkata".into(),
            published: at,
        };
        let dash = |status: &str, at: i64| {
            PublicationDoc::snapshot(
                DocKind::Dashboard,
                &meta(at),
                &Dashboard {
                    status: status.into(),
                    ..Dashboard::default()
                },
            )
        };
        let link = via_fragment(&signed_link(&mut dash("On track", 1), &secret, ANA).unwrap());
        let copy = match receive_signed::<PublicationDoc>(&link, None, None, DocKind::Dashboard) {
            Ok(Received::New(doc)) => *doc,
            _ => panic!("a new dashboard"),
        };
        assert_eq!(copy.body::<Dashboard>().unwrap().status, "On track");
        let newer = via_fragment(&signed_link(&mut dash("Late", 2), &secret, ANA).unwrap());
        assert!(matches!(
            receive_signed(&newer, Some(&copy), None, DocKind::Dashboard),
            Ok(Received::Newer(_))
        ));
        // The same bytes and signature named as a form (or a page) are refused.
        let mut as_form = link.clone();
        as_form.kind = DocKind::Form.code();
        assert!(receive_signed::<PublicationDoc>(&as_form, None, None, DocKind::Form).is_err());
        let mut as_page = link.clone();
        as_page.kind = DocKind::Page.code();
        assert!(receive_page(&as_page, None, None).is_err());
        // A reader's own edit, signed with their key, is refused by the author's copy.
        let (ben_secret, ben_public) = new_author_key();
        let mut bens = PublicationDoc::snapshot(
            DocKind::Dashboard,
            &Meta {
                author_key: ben_public,
                ..meta(9)
            },
            &Dashboard::default(),
        );
        let forged = via_fragment(&signed_link(&mut bens, &ben_secret, BEN).unwrap());
        let err = receive_signed(&forged, Some(&copy), None, DocKind::Dashboard)
            .err()
            .unwrap();
        assert!(err.to_string().contains("only Ana can change it"));
        assert!(err.to_string().contains("client dashboard"));
    }
}
