//! The core every shared document everyone writes has, whatever its kind: load and
//! save, heads, the changes a peer lacks, applying a reply, merging a copy, the rule
//! that no change may rewrite what a document is, and the envelope's edits (title,
//! people, invited names, links, comments, the action plan, shared texts). Kinds add
//! their own parts and edits in their modules through a typed handle; only the registry
//! (`doc::shared`) knows them all.
//!
//! The envelope's layout (each kind's schema number is its own):
//! ```text
//! { kind, schema, id, owner, created, title, due,
//!   people:   { <person>: name },
//!   invited:  { <id>: name },
//!   links:    { <id>: { url, label, by, at, gone, rec?, ms? } },
//!   comments: { <id>: { on, by, at, text, edited, gone } },
//!   actions:  { <id>: { text, owner, due, done, by, at, gone } } }
//! ```
//! A link with `rec` (a recording's id) and `ms` is a recorded explanation: its label is
//! the title and its url stays empty until it is uploaded, so versions before it skip it
//! until then and show it as a plain link after.
//! Two rules keep merges lossless. Every map is created in the same change as its
//! parent (an idea's `votes` with the idea), because two people creating the same map
//! offline would each make their own and one would hide the other. And nothing is
//! removed: deletion sets `gone`, so an edit made concurrently with a delete survives
//! and undo is one flag.

use crate::codec::chunks::Checked;
use crate::model::order;
use automerge::transaction::Transactable;
use automerge::{hydrate, AutoCommit, ChangeHash, ObjId, ObjType, ReadDoc, ROOT};

use crate::doc::access::{
    ensure_map, field_bool, field_i64, field_map, field_str, get_i64, get_map, get_str, set_str,
};
use crate::doc::{new_session_actor, random_id, Access, DocError, DocKind};
use crate::model::ids::{DocId, Heads, RecordingId};
use crate::model::recording::{Recording, MAX_MS};
use crate::model::shared::{
    checked_link, Action, Comment, ContextLink, Envelope, ItemList, LinkProblem, TextField,
    MAX_LINE, MAX_TEXT,
};

/// The maps every kind has, created with the document.
const MAPS: [&str; 5] = ["people", "invited", "links", "comments", "actions"];

/// One shared document everyone writes: a discussion, a meeting or a board.
pub struct SharedDoc {
    pub(super) doc: AutoCommit,
    kind: DocKind,
    access: Access,
    /// The newest schema this build writes for the document's kind.
    newest_schema: u64,
    /// The heads last written to storage. Tracked here rather than through Automerge's
    /// own incremental cursor, which after a load can only be moved by re-encoding the
    /// whole history (a third of the cost of opening a large link).
    saved_heads: Vec<ChangeHash>,
}

/// Why a change to a shared document was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SharedError {
    #[error(transparent)]
    Doc(#[from] DocError),
    #[error("You have used all {0} of your votes. Take one back to vote for this idea.")]
    BudgetSpent(u32),
    #[error("That item is no longer in the document.")]
    Missing,
    #[error("{0}")]
    BadLink(LinkProblem),
    #[error("A status card needs a date.")]
    NoDate,
    #[error("This document already holds {0} of those, the most it can.")]
    TooMany(usize),
    #[error("The server sent a sync message this app cannot read. Nothing was changed.")]
    BadSync,
    #[error("This link adds to a version of the document you do not have yet. Ask for the full link (\"Copy link\") instead. Nothing was changed.")]
    MissingHistory,
    #[error(
        "This link belongs to a different document than the one it claims. Nothing was changed."
    )]
    IdMismatch,
    /// An edit of one kind sent to a document of another (a screen left open while
    /// the document on show changed).
    #[error("This change belongs to a {edit} and this is a {doc}. Nothing was changed.")]
    OtherKind {
        edit: &'static str,
        doc: &'static str,
    },
}

impl From<automerge::AutomergeError> for SharedError {
    fn from(e: automerge::AutomergeError) -> Self {
        SharedError::Doc(e.into())
    }
}

pub(super) type Result<T> = std::result::Result<T, SharedError>;

impl SharedDoc {
    /// A new document of `kind` with its envelope; `init` adds the kind's own parts in
    /// the same first change.
    pub(super) fn create_with(
        kind: DocKind,
        schema: u64,
        owner: &str,
        owner_name: &str,
        title: &str,
        now: i64,
        init: fn(&mut AutoCommit, i64) -> std::result::Result<(), automerge::AutomergeError>,
    ) -> Self {
        let mut doc = AutoCommit::new().with_actor(new_session_actor());
        let envelope =
            |doc: &mut AutoCommit| -> std::result::Result<(), automerge::AutomergeError> {
                doc.put(ROOT, "kind", kind.key())?;
                doc.put(ROOT, "schema", schema)?;
                doc.put(ROOT, "id", random_id())?;
                doc.put(ROOT, "owner", owner)?;
                doc.put(ROOT, "created", now)?;
                doc.put(ROOT, "title", clip(title, MAX_LINE))?;
                for key in MAPS {
                    doc.put_object(ROOT, key, ObjType::Map)?;
                }
                let people = get_map(doc, &ROOT, "people").expect("just made");
                doc.put(&people, owner, clip(owner_name, 80))?;
                init(doc, now)
            };
        envelope(&mut doc).expect("puts on a new document");
        doc.commit();
        SharedDoc {
            doc,
            kind,
            access: Access::ReadWrite,
            newest_schema: schema,
            saved_heads: Vec::new(),
        }
    }

    /// Loads checked bytes of a kind everyone writes; `schema_of` gives the newest
    /// schema this build writes for each such kind.
    pub(super) fn open(
        checked: Checked<'_>,
        schema_of: fn(DocKind) -> u64,
    ) -> std::result::Result<Self, DocError> {
        let mut doc =
            AutoCommit::load(checked.bytes()).map_err(|e| DocError::Unreadable(e.to_string()))?;
        doc.set_actor(new_session_actor());
        let saved_heads = doc.get_heads();
        let found = get_str(&doc, &ROOT, "kind");
        let Some(kind) = DocKind::WRITTEN_BY_ALL
            .into_iter()
            .find(|k| found.as_deref() == Some(k.key()))
        else {
            return Err(DocError::WrongKind {
                expected: DocKind::Discussion.key(),
                found: found.unwrap_or_else(|| "unknown".into()),
            });
        };
        let mut shared = SharedDoc {
            doc,
            kind,
            access: Access::ReadWrite,
            newest_schema: schema_of(kind),
            saved_heads,
        };
        shared.after_merge();
        Ok(shared)
    }

    pub fn access(&self) -> Access {
        self.access
    }

    /// Discussion, meeting or board.
    pub fn kind(&self) -> DocKind {
        self.kind
    }

    /// The document's id; `None` when what the document holds is not one.
    pub fn id(&self) -> Option<DocId> {
        DocId::parse(&get_str(&self.doc, &ROOT, "id")?)
    }

    /// The title, read without hydrating the whole document.
    pub fn title(&self) -> String {
        get_str(&self.doc, &ROOT, "title").unwrap_or_default()
    }

    /// One of the shared texts, read without hydrating the whole document.
    pub fn text(&self, field: TextField) -> String {
        get_str(&self.doc, &ROOT, field.key()).unwrap_or_default()
    }

    /// A person's display name, read without hydrating the whole document.
    pub fn name_of(&self, person: &str) -> String {
        get_map(&self.doc, &ROOT, "people")
            .and_then(|people| get_str(&self.doc, &people, person))
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| "Someone".to_owned())
    }

    pub fn heads(&mut self) -> Heads {
        Heads::new(self.doc.get_heads().iter().map(|h| h.0).collect())
    }

    /// Those of `heads` this copy holds, as Automerge names them.
    fn known(&self, heads: &Heads) -> Vec<ChangeHash> {
        heads
            .hashes()
            .iter()
            .map(|h| ChangeHash(*h))
            .filter(|h| self.doc.get_change_by_hash(h).is_some())
            .collect()
    }

    pub fn save(&mut self) -> Vec<u8> {
        self.saved_heads = self.doc.get_heads();
        self.doc.save()
    }

    /// The changes since the last `save` or `save_incremental` (or since loading);
    /// empty when none.
    pub fn save_incremental(&mut self) -> Vec<u8> {
        let bytes = self.doc.save_after(&self.saved_heads);
        self.saved_heads = self.doc.get_heads();
        bytes
    }

    /// The whole document without Automerge's compression, for a link to deflate.
    pub fn save_for_link(&mut self) -> Vec<u8> {
        self.doc.save_nocompress()
    }

    /// The changes that at least one of the given peers lacks: each peer is known to
    /// have everything up to its heads. In causal order, so they apply in one pass.
    pub fn changes_for(&mut self, peers: &[Heads]) -> Vec<u8> {
        let mut wanted = std::collections::BTreeSet::new();
        for heads in peers {
            let known = self.known(heads);
            for change in self.doc.get_changes(&known) {
                wanted.insert(change.hash());
            }
        }
        let mut out = Vec::new();
        for change in self.doc.get_changes(&[]) {
            if wanted.contains(&change.hash()) {
                out.extend_from_slice(change.raw_bytes());
            }
        }
        out
    }

    /// Merges a whole document received from a teammate. Refuses one with another id.
    pub fn merge_document(&mut self, other: &mut SharedDoc) -> Result<bool> {
        // Merging a copy from a newer version is allowed: this copy then turns read-only.
        self.writable()?;
        if other.id() != self.id() || other.kind != self.kind {
            return Err(SharedError::IdMismatch);
        }
        let before = self.doc.get_heads();
        self.doc.merge(&mut other.doc)?;
        self.after_merge();
        Ok(self.doc.get_heads() != before)
    }

    /// Applies change chunks from a reply link, in whatever order they come: Automerge
    /// applies each once what it depends on is there. When any of them builds on a
    /// change that is neither in this copy nor in the link, nothing is applied: a
    /// half-applied reply would leave changes waiting invisibly and be lost on the next save.
    pub fn apply_changes(&mut self, checked: Checked<'_>) -> Result<bool> {
        self.writable()?;
        let bytes = checked.bytes();
        let changes = checked
            .chunks()
            .into_iter()
            .map(automerge::Change::try_from)
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| DocError::Unreadable(e.to_string()))?;
        let arriving: std::collections::HashSet<_> = changes.iter().map(|c| c.hash()).collect();
        for change in &changes {
            for dep in change.deps() {
                if !arriving.contains(dep) && self.doc.get_change_by_hash(dep).is_none() {
                    return Err(SharedError::MissingHistory);
                }
            }
            // A new change may not rewrite what the document is: a reply turning a
            // meeting into something else would leave a copy that no longer loads.
            if self.doc.get_change_by_hash(&change.hash()).is_none() && rewrites_identity(change) {
                return Err(SharedError::IdMismatch);
            }
        }
        let before = self.doc.get_heads();
        self.doc
            .load_incremental(bytes)
            .map_err(|e| DocError::Unreadable(e.to_string()))?;
        if get_str(&self.doc, &ROOT, "id").is_none() {
            return Err(SharedError::IdMismatch);
        }
        // A teammate on a newer version may have raised the schema: this copy turns
        // read-only and says so, rather than refusing their changes.
        self.after_merge();
        Ok(self.doc.get_heads() != before)
    }

    /// Applies parts written by another tab of this app (trusted, may wait on each other).
    pub fn apply_incremental(
        &mut self,
        checked: Checked<'_>,
    ) -> std::result::Result<bool, DocError> {
        let before = self.doc.get_heads();
        self.doc
            .load_incremental(checked.bytes())
            .map_err(|e| DocError::Unreadable(e.to_string()))?;
        self.after_merge();
        Ok(self.doc.get_heads() != before)
    }

    pub fn is_complete(&mut self) -> bool {
        self.doc.get_missing_deps(&[]).is_empty()
    }

    fn after_merge(&mut self) {
        let schema = get_i64(&self.doc, &ROOT, "schema")
            .and_then(|n| u64::try_from(n).ok())
            .unwrap_or(0);
        if schema > self.newest_schema {
            self.access = Access::ReadOnly {
                found_schema: schema,
            };
        }
    }

    pub(super) fn writable(&mut self) -> std::result::Result<&mut AutoCommit, DocError> {
        match self.access {
            Access::ReadWrite => Ok(&mut self.doc),
            Access::ReadOnly { .. } => Err(DocError::ReadOnly),
        }
    }

    /// The document as it was at `heads`, or `None` when this copy has none of them.
    pub(super) fn fork_at(&mut self, heads: &Heads) -> Option<AutoCommit> {
        let known = self.known(heads);
        if known.is_empty() {
            return None;
        }
        self.doc.fork_at(&known).ok()
    }

    pub(super) fn commit(&mut self) {
        // No message: every byte of a change travels in each link.
        self.doc.commit();
    }

    /// Writes `me`'s display name, so others see who did what.
    pub(super) fn introduce(&mut self, me: &str, name: &str) -> Result<()> {
        let doc = self.writable()?;
        let people = ensure_map(doc, &ROOT, "people")?;
        let name = clip(name, 80);
        if !name.trim().is_empty() {
            set_str(doc, &people, me, &name)?;
        }
        Ok(())
    }

    pub fn set_title(&mut self, title: &str) -> Result<()> {
        let doc = self.writable()?;
        set_str(doc, &ROOT, "title", &clip(title, MAX_LINE))?;
        self.commit();
        Ok(())
    }

    pub fn set_due(&mut self, due: &str) -> Result<()> {
        let doc = self.writable()?;
        set_str(doc, &ROOT, "due", due)?;
        self.commit();
        Ok(())
    }

    /// Replaces the text at `key` by `value`. Automerge's `update_text` writes only what
    /// changed (a diff by grapheme), so two people editing different parts both keep theirs.
    pub fn set_text(&mut self, key: TextField, me: &str, name: &str, value: &str) -> Result<()> {
        self.introduce(me, name)?;
        let doc = self.writable()?;
        let key = key.key();
        let obj = match doc.get(ROOT, key)? {
            Some((automerge::Value::Object(ObjType::Text), id)) => id,
            _ => doc.put_object(ROOT, key, ObjType::Text)?,
        };
        doc.update_text(&obj, clip(value, MAX_TEXT))?;
        self.commit();
        Ok(())
    }

    pub fn set_invited(&mut self, names: &[String]) -> Result<()> {
        let doc = self.writable()?;
        let invited = ensure_map(doc, &ROOT, "invited")?;
        let current: Vec<(String, String)> = doc
            .map_range(&invited, ..)
            .filter_map(|item| {
                let name = get_str(doc, &invited, &item.key)?;
                Some((item.key.to_string(), name))
            })
            .collect();
        for (id, name) in &current {
            if !names
                .iter()
                .any(|n| n.trim().eq_ignore_ascii_case(name.trim()))
            {
                doc.delete(&invited, id.as_str())?;
            }
        }
        for name in names {
            // Room for a meeting attendee's address: "Ana <ana@example.org>".
            let name = clip(name.trim(), 200);
            if name.is_empty() || current.iter().any(|(_, n)| n.eq_ignore_ascii_case(&name)) {
                continue;
            }
            doc.put(&invited, random_id().as_str(), name)?;
        }
        self.commit();
        Ok(())
    }

    /// Adds an item to one of the id-keyed maps and returns its id.
    pub(super) fn add_item(
        &mut self,
        list: &str,
        me: &str,
        name: &str,
        now: i64,
        fill: impl FnOnce(&mut AutoCommit, &ObjId) -> std::result::Result<(), automerge::AutomergeError>,
    ) -> Result<String> {
        self.introduce(me, name)?;
        let doc = self.writable()?;
        let map = ensure_map(doc, &ROOT, list)?;
        let id = random_id()[..12].to_owned();
        let obj = doc.put_object(&map, id.as_str(), ObjType::Map)?;
        doc.put(&obj, "by", me)?;
        doc.put(&obj, "at", now)?;
        fill(doc, &obj)?;
        self.commit();
        Ok(id)
    }

    pub(super) fn item(&self, list: &str, id: &str) -> Result<ObjId> {
        let map = get_map(&self.doc, &ROOT, list).ok_or(SharedError::Missing)?;
        get_map(&self.doc, &map, id).ok_or(SharedError::Missing)
    }

    /// Sets a true/false field of an item.
    pub(super) fn put_flag(
        &mut self,
        list: ItemList,
        id: &str,
        key: &str,
        value: bool,
    ) -> Result<()> {
        let obj = self.item(list.key(), id)?;
        let doc = self.writable()?;
        doc.put(&obj, key, value)?;
        self.commit();
        Ok(())
    }

    /// Marks an item deleted or restores it.
    pub fn set_gone(&mut self, list: ItemList, id: &str, gone: bool) -> Result<()> {
        self.put_flag(list, id, "gone", gone)
    }

    pub fn add_link(
        &mut self,
        me: &str,
        name: &str,
        now: i64,
        url: &str,
        label: &str,
    ) -> Result<String> {
        let url = checked_link(url).map_err(SharedError::BadLink)?;
        let label = clip(label, MAX_LINE);
        self.add_item("links", me, name, now, |doc, obj| {
            doc.put(obj, "url", url)?;
            doc.put(obj, "label", label)?;
            Ok(())
        })
    }

    /// Lists a recorded explanation made on this device: its title, length and address.
    pub fn add_recording(
        &mut self,
        me: &str,
        name: &str,
        now: i64,
        recording: &Recording,
    ) -> Result<String> {
        let url = recording_url(&recording.url)?;
        let label = clip(&recording.title, MAX_LINE);
        let (rec, ms) = (recording.id.to_string(), recording.ms.min(MAX_MS));
        self.add_item("links", me, name, now, |doc, obj| {
            doc.put(obj, "url", url)?;
            doc.put(obj, "label", label)?;
            doc.put(obj, "rec", rec)?;
            doc.put(obj, "ms", i64::from(ms))?;
            Ok(())
        })
    }

    /// Changes a link's label (a recording's title) and address; a recording's address
    /// may be empty.
    pub fn edit_link(&mut self, id: &str, label: &str, url: &str) -> Result<()> {
        let obj = self.item("links", id)?;
        let url = if get_str(&self.doc, &obj, "rec").is_some() {
            recording_url(url)?
        } else {
            checked_link(url).map_err(SharedError::BadLink)?
        };
        let doc = self.writable()?;
        set_str(doc, &obj, "label", &clip(label, MAX_LINE))?;
        set_str(doc, &obj, "url", &url)?;
        self.commit();
        Ok(())
    }

    pub fn add_comment(
        &mut self,
        me: &str,
        name: &str,
        now: i64,
        on: Option<&str>,
        text: &str,
    ) -> Result<String> {
        let text = clip(text, MAX_TEXT);
        let on = on.unwrap_or("").to_owned();
        self.add_item("comments", me, name, now, |doc, obj| {
            doc.put(obj, "on", on)?;
            doc.put(obj, "text", text)?;
            Ok(())
        })
    }

    pub fn edit_comment(&mut self, id: &str, now: i64, text: &str) -> Result<()> {
        let obj = self.item("comments", id)?;
        let doc = self.writable()?;
        set_str(doc, &obj, "text", &clip(text, MAX_TEXT))?;
        doc.put(&obj, "edited", now)?;
        self.commit();
        Ok(())
    }

    pub fn add_action(
        &mut self,
        me: &str,
        name: &str,
        now: i64,
        text: &str,
        owner: &str,
        due: &str,
    ) -> Result<String> {
        let (text, owner, due) = (clip(text, MAX_LINE), clip(owner, 80), clip(due, 10));
        self.add_item("actions", me, name, now, |doc, obj| {
            doc.put(obj, "text", text)?;
            doc.put(obj, "owner", owner)?;
            doc.put(obj, "due", due)?;
            doc.put(obj, "done", false)?;
            Ok(())
        })
    }

    pub fn update_action(&mut self, action: &Action) -> Result<()> {
        let obj = self.item("actions", &action.id)?;
        let doc = self.writable()?;
        set_str(doc, &obj, "text", &clip(&action.text, MAX_LINE))?;
        set_str(doc, &obj, "owner", &clip(&action.owner, 80))?;
        set_str(doc, &obj, "due", &clip(&action.due, 10))?;
        let done = matches!(doc.get(&obj, "done")?, Some((automerge::Value::Scalar(s), _)) if s.as_bool() == Some(true));
        if done != action.done {
            doc.put(&obj, "done", action.done)?;
        }
        self.commit();
        Ok(())
    }
}

/// Whether a change writes the root `kind` or `id`, which only the creating change may.
fn rewrites_identity(change: &automerge::Change) -> bool {
    use automerge::legacy::{Key, ObjectId};
    change.decode().operations.iter().any(|op| {
        matches!(op.obj, ObjectId::Root)
            && matches!(&op.key, Key::Map(k) if k.as_str() == "kind" || k.as_str() == "id")
    })
}

impl TextField {
    pub(super) fn key(self) -> &'static str {
        match self {
            TextField::Problem => "problem",
            TextField::Summary => "summary",
            TextField::Data => "data",
            TextField::Dates => "dates",
            TextField::Questions => "questions",
            TextField::Notes => "notes",
            TextField::Purpose => "purpose",
            TextField::Output => "output",
        }
    }
}

impl ItemList {
    pub(super) fn key(self) -> &'static str {
        match self {
            ItemList::Agenda => "agenda",
            ItemList::Cards => "cards",
            ItemList::Links => "links",
            ItemList::Comments => "comments",
            ItemList::Ideas => "ideas",
            ItemList::Polls => "polls",
            ItemList::Actions => "actions",
            ItemList::Steps => "steps",
            ItemList::Checks => "checks",
            ItemList::Own => "own",
        }
    }
}

/// A string whether written as a plain string or, as other Automerge clients may, as text.
pub(super) fn value_str(v: &hydrate::Value) -> Option<String> {
    match v {
        hydrate::Value::Scalar(automerge::ScalarValue::Str(s)) => Some(s.to_string()),
        hydrate::Value::Text(t) => Some(t.to_string()),
        _ => None,
    }
}

/// A recording's address: empty until uploaded, and then http(s) only.
fn recording_url(url: &str) -> Result<String> {
    if url.trim().is_empty() {
        Ok(String::new())
    } else {
        checked_link(url).map_err(SharedError::BadLink)
    }
}

pub(super) fn clip(s: &str, max_chars: usize) -> String {
    s.chars().take(max_chars).collect()
}

/// The whole document as one hydrated map (empty when the root cannot be read).
pub(super) fn hydrate_root(doc: &AutoCommit) -> hydrate::Map {
    match doc.hydrate(&ROOT, None) {
        Ok(hydrate::Value::Map(map)) => map,
        _ => hydrate::Map::default(),
    }
}

/// The items of one id-keyed map that are not deleted, oldest first (ties by id, so
/// every copy lists them alike).
pub(super) fn items<'a>(root: &'a hydrate::Map, key: &str) -> Vec<(String, &'a hydrate::Map)> {
    let Some(map) = field_map(root, key) else {
        return Vec::new();
    };
    let mut out: Vec<(String, &hydrate::Map)> = map
        .iter()
        .filter_map(|(id, v)| match &v.value {
            hydrate::Value::Map(m) if !field_bool(m, "gone") => Some((id.clone(), m)),
            _ => None,
        })
        .collect();
    order::sort_by(&mut out, |a, b| {
        field_i64(a.1, "at")
            .unwrap_or(0)
            .cmp(&field_i64(b.1, "at").unwrap_or(0))
            .then_with(|| a.0.cmp(&b.0))
    });
    out
}

/// A text field of an item or the root, whether written as a string or as text.
pub(super) fn text_of(m: &hydrate::Map, key: &str) -> String {
    field_str(m, key).unwrap_or_default()
}

/// The envelope, read from the hydrated root.
pub(super) fn read_envelope(root: &hydrate::Map) -> Envelope {
    let s = text_of;
    let at = |m: &hydrate::Map| field_i64(m, "at").unwrap_or(0);
    let string_map = |key: &str| -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = field_map(root, key)
            .map(|m| {
                m.iter()
                    .filter_map(|(k, v)| Some((k.clone(), value_str(&v.value)?)))
                    .collect()
            })
            .unwrap_or_default();
        order::sort(&mut out);
        out
    };
    Envelope {
        id: DocId::parse(&s(root, "id")).unwrap_or_default(),
        owner: s(root, "owner"),
        created: field_i64(root, "created").unwrap_or(0),
        title: s(root, "title"),
        due: s(root, "due"),
        people: string_map("people").into_iter().collect(),
        invited: {
            let mut v = string_map("invited");
            order::sort_by_key(&mut v, |a| a.1.to_lowercase());
            v
        },
        links: items(root, "links")
            .into_iter()
            .map(|(id, m)| {
                // Re-checked on read: a teammate's copy of the app may not have checked it.
                let url = checked_link(&s(m, "url")).unwrap_or_default();
                let label = s(m, "label");
                let recording = RecordingId::parse(&s(m, "rec")).map(|rid| Recording {
                    id: rid,
                    title: label.clone(),
                    ms: field_i64(m, "ms").unwrap_or(0).clamp(0, MAX_MS.into()) as u32,
                    url: url.clone(),
                });
                ContextLink {
                    url,
                    id,
                    label,
                    by: s(m, "by"),
                    at: at(m),
                    recording,
                }
            })
            .filter(|l| !l.url.is_empty() || l.recording.is_some())
            .collect(),
        comments: items(root, "comments")
            .into_iter()
            .map(|(id, m)| Comment {
                id,
                on: Some(s(m, "on")).filter(|o| !o.is_empty()),
                by: s(m, "by"),
                at: at(m),
                text: s(m, "text"),
                edited: field_i64(m, "edited").unwrap_or(0),
            })
            .collect(),
        actions: items(root, "actions")
            .into_iter()
            .map(|(id, m)| Action {
                id,
                text: s(m, "text"),
                owner: s(m, "owner"),
                due: s(m, "due"),
                done: field_bool(m, "done"),
                by: s(m, "by"),
                at: at(m),
            })
            .collect(),
    }
}
