//! A 'how to work with me' page: one Automerge document per person, written only by
//! its author and read by anyone holding its link.
//!
//! Layout (schema 1):
//! ```text
//! { kind: "page", schema: 1, id, author, author_key, author_name, time_zone,
//!   work_days, work_start, work_end, availability, urgent, tools, dnd_until, published,
//!   blocks:   { <id>: { day, start, minutes, kind, label } },
//!   channels: { <id>: { name, within, unit, note, order } },
//!   steps:    { <id>: { who, how, order } } }
//! ```
//! `author_key` is the author's Ed25519 public key (hex). Links to a page are signed
//! with the matching private key, which stays in the author's personal document; see
//! `share::page_link` for the rule that keeps everyone else's edits out.
//!
//! Only the author writes a page, so there is nothing to merge: each publication is a
//! fresh snapshot without history (what the author took out is gone from the next link),
//! and a copy is replaced by a newer one (`published` orders them). Any of the author's
//! devices can publish, from the boundaries and week in the personal document.

use crate::codec::chunks::Checked;
use crate::model::ids::{DocId, Heads};
use crate::model::order;
use automerge::transaction::Transactable;
use automerge::{hydrate, AutoCommit, ObjType, ReadDoc, ROOT};

use super::access::{field_i64, field_map, field_str, get_i64, get_str};
use super::week::{read_block, read_channel, read_hours, read_step};
use super::{new_session_actor, Access, DocError, DocKind};
use crate::model::boundaries::{split_lines, Channel, EscalationStep};
use crate::model::page::PageState;
use crate::model::schedule::{sort_blocks, Block};

pub const PAGE_SCHEMA: u64 = 1;
/// A page is small; anything larger was not written by this app.
pub const MAX_PAGE_BYTES: usize = 512 * 1024;

pub struct PageDoc {
    doc: AutoCommit,
    access: Access,
}

impl PageDoc {
    /// A new snapshot of the page holding exactly `state`, signed later by `author_key`'s owner.
    pub fn snapshot(state: &PageState, author_key_hex: &str) -> Self {
        let mut doc = AutoCommit::new().with_actor(new_session_actor());
        write(&mut doc, state, author_key_hex).expect("puts on a new document");
        doc.commit();
        PageDoc {
            doc,
            access: Access::ReadWrite,
        }
    }

    /// Loads bytes read back from this device's storage (or a test), checked first.
    pub fn from_stored(bytes: &[u8]) -> std::result::Result<Self, DocError> {
        PageDoc::load(crate::codec::chunks::check_stored(bytes)?)
    }

    /// Loads checked bytes from storage or a link.
    pub fn load(checked: Checked<'_>) -> Result<Self, DocError> {
        let bytes = checked.bytes();
        if bytes.len() > MAX_PAGE_BYTES {
            return Err(DocError::TooLarge {
                limit: MAX_PAGE_BYTES,
            });
        }
        let mut doc = AutoCommit::load(bytes).map_err(|e| DocError::Unreadable(e.to_string()))?;
        doc.set_actor(new_session_actor());
        let kind = get_str(&doc, &ROOT, "kind");
        if kind.as_deref() != Some(DocKind::Page.key()) {
            return Err(DocError::WrongKind {
                expected: DocKind::Page.key(),
                found: kind.unwrap_or_else(|| "unknown".into()),
            });
        }
        let mut page = PageDoc {
            doc,
            access: Access::ReadWrite,
        };
        page.after_merge();
        Ok(page)
    }

    fn after_merge(&mut self) {
        let schema = get_i64(&self.doc, &ROOT, "schema")
            .and_then(|n| u64::try_from(n).ok())
            .unwrap_or(0);
        if schema > PAGE_SCHEMA {
            self.access = Access::ReadOnly {
                found_schema: schema,
            };
        }
    }

    pub fn access(&self) -> Access {
        self.access
    }

    /// The page's id; `None` when what the document holds is not one.
    pub fn id(&self) -> Option<DocId> {
        DocId::parse(&get_str(&self.doc, &ROOT, "id")?)
    }

    pub fn author(&self) -> String {
        get_str(&self.doc, &ROOT, "author").unwrap_or_default()
    }

    pub fn author_key(&self) -> String {
        get_str(&self.doc, &ROOT, "author_key").unwrap_or_default()
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

    /// When this snapshot was published (ms): a later one replaces it.
    pub fn published(&self) -> i64 {
        get_i64(&self.doc, &ROOT, "published").unwrap_or(0)
    }

    pub fn state(&self) -> PageState {
        let Ok(hydrate::Value::Map(root)) = self.doc.hydrate(&ROOT, None) else {
            return PageState::default();
        };
        let entries = |key: &str| -> Vec<(String, hydrate::Map)> {
            field_map(&root, key)
                .map(|m| {
                    m.iter()
                        .filter_map(|(id, v)| match &v.value {
                            hydrate::Value::Map(f) => Some((id.clone(), f.clone())),
                            _ => None,
                        })
                        .collect()
                })
                .unwrap_or_default()
        };
        let mut blocks: Vec<Block> = entries("blocks")
            .into_iter()
            .map(|(id, f)| read_block(id, &f))
            .collect();
        sort_blocks(&mut blocks);
        let mut channels: Vec<Channel> = entries("channels")
            .into_iter()
            .map(|(id, f)| read_channel(id, &f))
            .collect();
        order::sort_by(&mut channels, |a, b| {
            (a.order, &a.id).cmp(&(b.order, &b.id))
        });
        let mut escalation: Vec<EscalationStep> = entries("steps")
            .into_iter()
            .map(|(id, f)| read_step(id, &f))
            .collect();
        order::sort_by(&mut escalation, |a, b| {
            (a.order, &a.id).cmp(&(b.order, &b.id))
        });
        let num = |k: &str| field_i64(&root, k);
        PageState {
            id: field_str(&root, "id").unwrap_or_default(),
            author: field_str(&root, "author").unwrap_or_default(),
            author_name: field_str(&root, "author_name").unwrap_or_default(),
            time_zone: field_str(&root, "time_zone").unwrap_or_default(),
            hours: read_hours(num("work_days"), num("work_start"), num("work_end")),
            availability: field_str(&root, "availability").unwrap_or_default(),
            blocks,
            channels,
            urgent: field_str(&root, "urgent").unwrap_or_default(),
            escalation,
            tools: split_lines(&field_str(&root, "tools").unwrap_or_default()),
            dnd_until: num("dnd_until").unwrap_or(0),
            published: num("published").unwrap_or(0),
        }
    }
}

fn write(
    doc: &mut AutoCommit,
    state: &PageState,
    author_key_hex: &str,
) -> Result<(), automerge::AutomergeError> {
    doc.put(ROOT, "kind", DocKind::Page.key())?;
    doc.put(ROOT, "schema", PAGE_SCHEMA)?;
    doc.put(ROOT, "id", state.id.as_str())?;
    doc.put(ROOT, "author", state.author.as_str())?;
    doc.put(ROOT, "author_key", author_key_hex)?;
    doc.put(ROOT, "author_name", state.author_name.as_str())?;
    doc.put(ROOT, "time_zone", state.time_zone.as_str())?;
    doc.put(ROOT, "work_days", i64::from(state.hours.days))?;
    doc.put(ROOT, "work_start", i64::from(state.hours.start))?;
    doc.put(ROOT, "work_end", i64::from(state.hours.end))?;
    doc.put(ROOT, "availability", state.availability.as_str())?;
    doc.put(ROOT, "urgent", state.urgent.as_str())?;
    doc.put(ROOT, "tools", state.tools.join("\n"))?;
    doc.put(ROOT, "dnd_until", state.dnd_until)?;
    doc.put(ROOT, "published", state.published)?;
    let blocks = doc.put_object(ROOT, "blocks", ObjType::Map)?;
    for b in &state.blocks {
        let o = doc.put_object(&blocks, b.id.as_str(), ObjType::Map)?;
        doc.put(&o, "day", i64::from(b.day))?;
        doc.put(&o, "start", i64::from(b.start))?;
        doc.put(&o, "minutes", i64::from(b.minutes))?;
        doc.put(&o, "kind", b.kind.key())?;
        doc.put(&o, "label", b.label.as_str())?;
    }
    let channels = doc.put_object(ROOT, "channels", ObjType::Map)?;
    for c in &state.channels {
        let o = doc.put_object(&channels, c.id.as_str(), ObjType::Map)?;
        doc.put(&o, "name", c.name.as_str())?;
        doc.put(&o, "within", i64::from(c.within))?;
        doc.put(&o, "unit", c.unit.key())?;
        doc.put(&o, "note", c.note.as_str())?;
        doc.put(&o, "order", c.order)?;
    }
    let steps = doc.put_object(ROOT, "steps", ObjType::Map)?;
    for st in &state.escalation {
        let o = doc.put_object(&steps, st.id.as_str(), ObjType::Map)?;
        doc.put(&o, "who", st.who.as_str())?;
        doc.put(&o, "how", st.how.as_str())?;
        doc.put(&o, "order", st.order)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::boundaries::{Boundaries, ResponseUnit};
    use crate::model::schedule::{BlockKind, Schedule};

    #[test]
    fn a_snapshot_reads_back_and_carries_no_history() {
        let schedule = Schedule {
            blocks: vec![Block {
                id: "b".into(),
                day: 1,
                start: 600,
                minutes: 120,
                kind: BlockKind::Manager,
                label: "Calls".into(),
            }],
            ..Schedule::default()
        };
        let mut b = Boundaries {
            urgent: "Call 0123".into(),
            ..Boundaries::default()
        };
        b.channels.push(Channel {
            id: "c".into(),
            name: "Email".into(),
            within: 1,
            unit: ResponseUnit::WorkingDays,
            ..Channel::default()
        });
        let state = PageState::from_sources("p1", "ana", "Ana", "Europe/Lisbon", &b, &schedule, 10);
        let mut page = PageDoc::snapshot(&state, "00");
        assert_eq!(page.state(), state);
        assert_eq!(page.published(), 10);
        let copy = PageDoc::from_stored(&page.save()).unwrap();
        assert_eq!(copy.state(), state);
        assert_eq!(copy.id(), None, "\"p1\" is not a document id");
        assert_eq!(copy.author_key(), "00");
        // The next publication no longer holds what was taken out, not even in history.
        b.urgent = "Only outages".into();
        let later = PageState::from_sources("p1", "ana", "Ana", "Europe/Lisbon", &b, &schedule, 20);
        let mut next = PageDoc::snapshot(&later, "00");
        let bytes = next.save_for_link();
        assert!(!bytes.windows(8).any(|w| w == b"Call 0123"));
        assert_eq!(next.published(), 20);
    }
}
