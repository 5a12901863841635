//! Client dashboards, intake forms and replies to them: one-author snapshots whose
//! content is one typed value (issue 16).
//!
//! Layout (schema 1):
//! ```text
//! { kind: "dashboard" | "intake" | "reply", schema: 1, id, author_key, author_name,
//!   time_zone, published, body: bytes }
//! ```
//! `body` is the value in `codec::pack`'s binary form (`model::dashboard::Dashboard`,
//! `model::intake::PublishedForm`, or `model::intake::ReplyBody`). Like a page, a
//! dashboard or form is written by its author only and each publication is a fresh
//! snapshot without history, signed by `share::page_link`, so nothing would ever merge
//! field by field: one value keeps the layout to one field whatever the content. A
//! reply's `id` is the document it answers and its `author_key` is empty: it is never
//! signed, and only the owner of what it answers reads it in.

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ReadDoc, ScalarValue, Value, ROOT};

use super::access::{get_i64, get_str};
use super::{new_session_actor, DocError, DocKind};
use crate::codec::chunks::Checked;
use crate::codec::pack::{from_bytes, to_bytes, Pack};
use crate::model::ids::{DocId, Heads};

pub const PUBLICATION_SCHEMA: u64 = 1;
/// A dashboard of 40 KPIs with three years of weekly values is under 100 KB.
pub const MAX_PUBLICATION_BYTES: usize = 512 * 1024;

/// Who published a snapshot, and when.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    pub id: Option<DocId>,
    pub author_key: String,
    pub author_name: String,
    /// The author's IANA zone.
    pub time_zone: String,
    /// When it was published or sent (ms): a later publication replaces an earlier one.
    pub published: i64,
}

pub struct PublicationDoc {
    doc: AutoCommit,
    kind: DocKind,
}

impl PublicationDoc {
    /// A new snapshot of `kind` holding `body`.
    pub fn snapshot<T: Pack>(kind: DocKind, meta: &Meta, body: &T) -> Self {
        Self::snapshot_bytes(kind, meta, to_bytes(body))
    }

    /// A new snapshot of `kind` whose body is `bytes`, a value already packed.
    pub fn snapshot_bytes(kind: DocKind, meta: &Meta, bytes: Vec<u8>) -> Self {
        let mut doc = AutoCommit::new().with_actor(new_session_actor());
        let id = meta.id.map(|id| id.to_string()).unwrap_or_default();
        let puts = |doc: &mut AutoCommit| -> Result<(), automerge::AutomergeError> {
            doc.put(ROOT, "kind", kind.key())?;
            doc.put(ROOT, "schema", PUBLICATION_SCHEMA)?;
            doc.put(ROOT, "id", id.as_str())?;
            doc.put(ROOT, "author_key", meta.author_key.as_str())?;
            doc.put(ROOT, "author_name", meta.author_name.as_str())?;
            doc.put(ROOT, "time_zone", meta.time_zone.as_str())?;
            doc.put(ROOT, "published", meta.published)?;
            doc.put(ROOT, "body", ScalarValue::Bytes(bytes))?;
            Ok(())
        };
        puts(&mut doc).expect("puts on a new document");
        doc.commit();
        PublicationDoc { doc, kind }
    }

    /// Loads checked bytes of `kind` from storage or a link. A newer schema is refused:
    /// nothing here can be shown read-only field by field, as its body may mean
    /// something else.
    pub fn load(checked: Checked<'_>, kind: DocKind) -> Result<Self, DocError> {
        let bytes = checked.bytes();
        if bytes.len() > MAX_PUBLICATION_BYTES {
            return Err(DocError::TooLarge {
                limit: MAX_PUBLICATION_BYTES,
            });
        }
        let mut doc = AutoCommit::load(bytes).map_err(|e| DocError::Unreadable(e.to_string()))?;
        doc.set_actor(new_session_actor());
        let found = get_str(&doc, &ROOT, "kind");
        if found.as_deref() != Some(kind.key()) {
            return Err(DocError::WrongKind {
                expected: kind.key(),
                found: found.unwrap_or_else(|| "unknown".into()),
            });
        }
        let schema = get_i64(&doc, &ROOT, "schema").unwrap_or(0);
        if schema > PUBLICATION_SCHEMA as i64 {
            return Err(DocError::NewerSchema {
                found: schema as u64,
                known: PUBLICATION_SCHEMA,
            });
        }
        Ok(PublicationDoc { doc, kind })
    }

    /// Loads bytes read back from this device's storage (or a test), checked first.
    pub fn from_stored(bytes: &[u8], kind: DocKind) -> Result<Self, DocError> {
        PublicationDoc::load(crate::codec::chunks::check_stored(bytes)?, kind)
    }

    pub fn kind(&self) -> DocKind {
        self.kind
    }

    pub fn meta(&self) -> Meta {
        let s = |k: &str| get_str(&self.doc, &ROOT, k).unwrap_or_default();
        Meta {
            id: DocId::parse(&s("id")),
            author_key: s("author_key"),
            author_name: s("author_name"),
            time_zone: s("time_zone"),
            published: get_i64(&self.doc, &ROOT, "published").unwrap_or(0),
        }
    }

    /// The body as the value it holds; `None` when it holds something else.
    pub fn body<T: Pack>(&self) -> Option<T> {
        from_bytes(&self.body_bytes()?)
    }

    /// The body's bytes, as packed; `None` past the size a snapshot may have, which a
    /// document that compresses its own columns could otherwise exceed once read.
    pub fn body_bytes(&self) -> Option<Vec<u8>> {
        match self.doc.get(ROOT, "body").ok()?? {
            (Value::Scalar(s), _) => match s.as_ref() {
                ScalarValue::Bytes(b) if b.len() <= MAX_PUBLICATION_BYTES => Some(b.clone()),
                _ => None,
            },
            _ => None,
        }
    }

    pub fn heads(&mut self) -> Heads {
        Heads::new(self.doc.get_heads().iter().map(|h| h.0).collect())
    }

    pub fn save(&mut self) -> Vec<u8> {
        self.doc.save()
    }

    /// The whole document without Automerge's compression, for a link to deflate.
    pub fn save_for_link(&mut self) -> Vec<u8> {
        self.doc.save_nocompress()
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::model::dashboard::{Dashboard, Kpi};
    use crate::model::intake::ReplyBody;

    fn meta() -> Meta {
        Meta {
            id: DocId::parse("0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a"),
            author_key: "ab".repeat(32),
            author_name: "Ana".into(),
            time_zone: "Asia/Kolkata".into(),
            published: 7,
        }
    }

    #[test]
    fn a_snapshot_reads_back_its_body_and_who_published_it() {
        let dash = Dashboard {
            project: "Shop".into(),
            kpis: vec![Kpi {
                name: "Orders".into(),
                values: vec![(739_000, 12.5)],
                ..Kpi::default()
            }],
            ..Dashboard::default()
        };
        let mut doc = PublicationDoc::snapshot(DocKind::Dashboard, &meta(), &dash);
        let stored = doc.save();
        let back = PublicationDoc::from_stored(&stored, DocKind::Dashboard).unwrap();
        assert_eq!(back.meta(), meta());
        assert_eq!(back.body::<Dashboard>(), Some(dash));
        // Read as something else, the body is nothing rather than garbage.
        assert_eq!(back.body::<ReplyBody>(), None);
        assert!(matches!(
            PublicationDoc::from_stored(&stored, DocKind::Form),
            Err(DocError::WrongKind { .. })
        ));
    }

    #[test]
    fn a_newer_schema_is_refused_in_words() {
        let mut doc =
            PublicationDoc::snapshot(DocKind::Reply, &meta(), &ReplyBody::Question("?".into()));
        doc.doc.put(ROOT, "schema", 2_i64).unwrap();
        let err = PublicationDoc::from_stored(&doc.save(), DocKind::Reply)
            .err()
            .unwrap();
        assert!(err.to_string().contains("newer version"));
    }
}
