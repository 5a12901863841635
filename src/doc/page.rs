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

use automerge::transaction::Transactable;
use automerge::{hydrate, AutoCommit, ChangeHash, ObjId, ObjType, ReadDoc, ROOT};

use super::access::{field_i64, field_map, field_str, get_i64, get_map, get_str, set_i64, set_str};
use super::week::{read_block, read_channel, read_hours, read_step};
use super::{new_session_actor, random_id, Access, DocError, DocKind};
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
    pub fn create(author: &str, author_key_hex: &str) -> Self {
        let mut doc = AutoCommit::new().with_actor(new_session_actor());
        let init = |doc: &mut AutoCommit| -> Result<(), automerge::AutomergeError> {
            doc.put(ROOT, "kind", DocKind::Page.key())?;
            doc.put(ROOT, "schema", PAGE_SCHEMA)?;
            doc.put(ROOT, "id", random_id())?;
            doc.put(ROOT, "author", author)?;
            doc.put(ROOT, "author_key", author_key_hex)?;
            for key in ["blocks", "channels", "steps"] {
                doc.put_object(ROOT, key, ObjType::Map)?;
            }
            Ok(())
        };
        init(&mut doc).expect("puts on a new document");
        doc.commit();
        PageDoc {
            doc,
            access: Access::ReadWrite,
        }
    }

    /// Loads bytes from storage or a link (link bytes must have passed `share::chunks::check`).
    pub fn load(bytes: &[u8]) -> Result<Self, DocError> {
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

    pub fn id(&self) -> String {
        get_str(&self.doc, &ROOT, "id").unwrap_or_default()
    }

    pub fn author(&self) -> String {
        get_str(&self.doc, &ROOT, "author").unwrap_or_default()
    }

    pub fn author_key(&self) -> String {
        get_str(&self.doc, &ROOT, "author_key").unwrap_or_default()
    }

    pub fn heads(&mut self) -> Vec<ChangeHash> {
        self.doc.get_heads()
    }

    pub fn save(&mut self) -> Vec<u8> {
        self.doc.save()
    }

    /// The whole document without Automerge's compression, for a link to deflate.
    pub fn save_for_link(&mut self) -> Vec<u8> {
        self.doc.save_nocompress()
    }

    /// Merges another copy of this page (a checked, signed link's, or another tab's).
    pub fn merge(&mut self, other: &mut PageDoc) -> Result<bool, DocError> {
        if other.id() != self.id() {
            return Err(DocError::WrongKind {
                expected: "the same page",
                found: "another page".into(),
            });
        }
        let before = self.doc.get_heads();
        self.doc.merge(&mut other.doc)?;
        self.after_merge();
        Ok(self.doc.get_heads() != before)
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
        channels.sort_by(|a, b| (a.order, &a.id).cmp(&(b.order, &b.id)));
        let mut escalation: Vec<EscalationStep> = entries("steps")
            .into_iter()
            .map(|(id, f)| read_step(id, &f))
            .collect();
        escalation.sort_by(|a, b| (a.order, &a.id).cmp(&(b.order, &b.id)));
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

    /// Writes what differs between the page and `state` (id, author and key stay).
    /// Returns whether anything changed.
    pub fn publish(&mut self, state: &PageState) -> Result<bool, DocError> {
        if self.access != Access::ReadWrite {
            return Err(DocError::ReadOnly);
        }
        let current = self.state();
        if !state.differs_from(&current) {
            return Ok(false);
        }
        let doc = &mut self.doc;
        set_str(doc, &ROOT, "author_name", &state.author_name)?;
        set_str(doc, &ROOT, "time_zone", &state.time_zone)?;
        set_i64(doc, &ROOT, "work_days", i64::from(state.hours.days))?;
        set_i64(doc, &ROOT, "work_start", i64::from(state.hours.start))?;
        set_i64(doc, &ROOT, "work_end", i64::from(state.hours.end))?;
        set_str(doc, &ROOT, "availability", &state.availability)?;
        set_str(doc, &ROOT, "urgent", &state.urgent)?;
        set_str(doc, &ROOT, "tools", &state.tools.join("\n"))?;
        set_i64(doc, &ROOT, "dnd_until", state.dnd_until)?;
        set_i64(doc, &ROOT, "published", state.published)?;
        let blocks: Vec<Entry<'_>> = state
            .blocks
            .iter()
            .map(|b| {
                (
                    b.id.clone(),
                    vec![
                        ("kind", b.kind.key().to_owned()),
                        ("label", b.label.clone()),
                    ],
                    vec![
                        ("day", i64::from(b.day)),
                        ("start", i64::from(b.start)),
                        ("minutes", i64::from(b.minutes)),
                    ],
                )
            })
            .collect();
        sync_map(doc, "blocks", &blocks)?;
        let channels: Vec<_> = state
            .channels
            .iter()
            .map(|c| {
                (
                    c.id.clone(),
                    vec![
                        ("name", c.name.clone()),
                        ("unit", c.unit.key().to_owned()),
                        ("note", c.note.clone()),
                    ],
                    vec![("within", i64::from(c.within)), ("order", c.order)],
                )
            })
            .collect();
        sync_map(doc, "channels", &channels)?;
        let steps: Vec<_> = state
            .escalation
            .iter()
            .map(|s| {
                (
                    s.id.clone(),
                    vec![("who", s.who.clone()), ("how", s.how.clone())],
                    vec![("order", s.order)],
                )
            })
            .collect();
        sync_map(doc, "steps", &steps)?;
        self.doc.commit();
        Ok(true)
    }
}

type Entry<'a> = (String, Vec<(&'a str, String)>, Vec<(&'a str, i64)>);

/// Makes the map at `key` hold exactly `entries`, writing only what differs.
fn sync_map(doc: &mut AutoCommit, key: &str, entries: &[Entry<'_>]) -> Result<(), DocError> {
    let map: ObjId = match get_map(doc, &ROOT, key) {
        Some(m) => m,
        None => doc.put_object(ROOT, key, ObjType::Map)?,
    };
    let existing: Vec<String> = doc.keys(&map).collect();
    for id in existing {
        if !entries.iter().any(|(e, _, _)| *e == id) {
            doc.delete(&map, id.as_str())?;
        }
    }
    for (id, strings, numbers) in entries {
        let obj = match get_map(doc, &map, id) {
            Some(o) => o,
            None => doc.put_object(&map, id.as_str(), ObjType::Map)?,
        };
        for (k, v) in strings {
            set_str(doc, &obj, k, v)?;
        }
        for (k, v) in numbers {
            set_i64(doc, &obj, k, *v)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::boundaries::Boundaries;
    use crate::model::boundaries::ResponseUnit;
    use crate::model::schedule::{BlockKind, Schedule};

    #[test]
    fn publishing_writes_only_what_changed() {
        let mut page = PageDoc::create("ana", "00");
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
            urgent: "Site down".into(),
            ..Boundaries::default()
        };
        b.channels.push(Channel {
            id: "c".into(),
            name: "Email".into(),
            within: 1,
            unit: ResponseUnit::WorkingDays,
            ..Channel::default()
        });
        let state =
            PageState::from_sources(&page.id(), "ana", "Ana", "Europe/Lisbon", &b, &schedule, 10);
        assert!(page.publish(&state).unwrap());
        let back = page.state();
        assert_eq!(back, state);
        let heads = page.heads();
        let mut again = state.clone();
        again.published = 20;
        assert!(!page.publish(&again).unwrap());
        assert_eq!(page.heads(), heads);
        b.channels.clear();
        let fewer =
            PageState::from_sources(&page.id(), "ana", "Ana", "Europe/Lisbon", &b, &schedule, 30);
        assert!(page.publish(&fewer).unwrap());
        assert!(page.state().channels.is_empty());
        let copy = PageDoc::load(&page.save()).unwrap();
        assert_eq!(copy.state(), page.state());
        assert_eq!(copy.author_key(), "00");
    }
}
