//! A collaboration document: one Automerge document per discussion, shared by link.
//!
//! Layout (schema 1):
//! ```text
//! { kind: "collab", schema: 1, id, owner, created,
//!   title, problem: Text, due, summary: Text, budget, hide_votes,
//!   people:   { <person>: name },
//!   invited:  { <id>: name },
//!   links:    { <id>: { url, label, by, at, gone } },
//!   comments: { <id>: { on, by, at, text, edited, gone } },
//!   ideas:    { <id>: { text, by, at, short, gone, votes: { <person>: at } } },
//!   polls:    { <id>: { q, multi, by, at, gone, options: { <id>: { text, n } },
//!                       answers: { <person>: "option,option" } } },
//!   actions:  { <id>: { text, owner, due, done, by, at, gone } } }
//! ```
//! Two rules keep merges lossless. Every map is created in the same change as its
//! parent (an idea's `votes` with the idea), because two people creating the same map
//! offline would each make their own and one would hide the other. And nothing is
//! removed: deletion sets `gone`, so an edit made concurrently with a delete survives
//! and undo is one flag.
//!
//! Votes and answers are keyed by the person, so a vote can be changed but never doubled.
//! Texts several people edit (`problem`, `summary`) are Automerge text spliced from a
//! diff, so concurrent typing keeps both people's words.

use crate::codec::chunks::Checked;
use crate::model::order;
use automerge::transaction::Transactable;
use automerge::{hydrate, AutoCommit, ChangeHash, ObjId, ObjType, ReadDoc, ROOT};

use super::access::{
    ensure_map, field_bool, field_i64, field_map, field_str, field_u32, get_i64, get_map, get_str,
    set_i64, set_str,
};
use super::{new_session_actor, random_id, Access, DocError, DocKind};
use crate::model::collab::{
    Action, CollabState, Comment, ContextLink, Idea, Poll, PollOption, VoteBlock,
};
use crate::model::collab::{ItemList, TextField, MAX_LINE, MAX_TEXT};

/// The newest layout of a discussion this build writes.
pub const DISCUSSION_SCHEMA: u64 = 1;

/// The newest layout this build writes for a kind everyone writes. Each kind has its
/// own number, so a change to boards alone leaves older copies of discussions and
/// meetings writable.
pub fn schema_of(kind: DocKind) -> u64 {
    match kind {
        DocKind::Meeting => super::meeting::MEETING_SCHEMA,
        DocKind::Board => super::board::BOARD_SCHEMA,
        // Pages and the personal document have their own loaders and numbers.
        DocKind::Discussion | DocKind::Page | DocKind::Personal => DISCUSSION_SCHEMA,
    }
}

const MAPS: [&str; 7] = [
    "people", "invited", "links", "comments", "ideas", "polls", "actions",
];

pub struct CollabDoc {
    pub(super) doc: AutoCommit,
    kind: DocKind,
    access: Access,
    /// The heads last written to storage. Tracked here rather than through Automerge's
    /// own incremental cursor, which after a load can only be moved by re-encoding the
    /// whole history (a third of the cost of opening a large link).
    saved_heads: Vec<ChangeHash>,
}

/// Why a change to a collaboration document was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CollabError {
    #[error(transparent)]
    Doc(#[from] DocError),
    #[error("You have used all {0} of your votes. Take one back to vote for this idea.")]
    BudgetSpent(u32),
    #[error("That item is no longer in the document.")]
    Missing,
    #[error("{0}")]
    BadLink(crate::model::collab::LinkProblem),
    #[error("A status card needs a date.")]
    NoDate,
    #[error("This link adds to a version of the document you do not have yet. Ask for the full link (\"Copy link\") instead. Nothing was changed.")]
    MissingHistory,
    #[error(
        "This link belongs to a different document than the one it claims. Nothing was changed."
    )]
    IdMismatch,
}

impl From<automerge::AutomergeError> for CollabError {
    fn from(e: automerge::AutomergeError) -> Self {
        CollabError::Doc(e.into())
    }
}

type Result<T> = std::result::Result<T, CollabError>;

impl CollabDoc {
    /// A new discussion owned by `owner`.
    pub fn create(owner: &str, owner_name: &str, title: &str, now: i64) -> Self {
        Self::create_kind(DocKind::Discussion, owner, owner_name, title, now)
    }

    /// A new shared document of `kind` (a discussion, meeting or board) owned by `owner`.
    pub fn create_kind(
        kind: DocKind,
        owner: &str,
        owner_name: &str,
        title: &str,
        now: i64,
    ) -> Self {
        debug_assert!(DocKind::WRITTEN_BY_ALL.contains(&kind));
        let mut doc = AutoCommit::new().with_actor(new_session_actor());
        let init = |doc: &mut AutoCommit| -> std::result::Result<(), automerge::AutomergeError> {
            doc.put(ROOT, "kind", kind.key())?;
            doc.put(ROOT, "schema", schema_of(kind))?;
            doc.put(ROOT, "id", random_id())?;
            doc.put(ROOT, "owner", owner)?;
            doc.put(ROOT, "created", now)?;
            doc.put(ROOT, "title", clip(title, MAX_LINE))?;
            doc.put_object(ROOT, "problem", ObjType::Text)?;
            doc.put_object(ROOT, "summary", ObjType::Text)?;
            for key in MAPS {
                doc.put_object(ROOT, key, ObjType::Map)?;
            }
            let people = get_map(doc, &ROOT, "people").expect("just made");
            doc.put(&people, owner, clip(owner_name, 80))?;
            match kind {
                DocKind::Meeting => super::meeting::init(doc, now)?,
                DocKind::Board => super::board::init(doc)?,
                _ => {}
            }
            Ok(())
        };
        init(&mut doc).expect("puts on a new document");
        doc.commit();
        CollabDoc {
            doc,
            kind,
            access: Access::ReadWrite,
            saved_heads: Vec::new(),
        }
    }

    /// Loads bytes read back from this device's storage (or a test), checked first.
    pub fn from_stored(bytes: &[u8]) -> std::result::Result<Self, DocError> {
        CollabDoc::load(crate::codec::chunks::check_stored(bytes)?)
    }

    /// Loads checked bytes from storage or a link.
    pub fn load(checked: Checked<'_>) -> std::result::Result<Self, DocError> {
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
        let schema = get_i64(&doc, &ROOT, "schema")
            .and_then(|n| u64::try_from(n).ok())
            .unwrap_or(0);
        let access = if schema > schema_of(kind) {
            Access::ReadOnly {
                found_schema: schema,
            }
        } else {
            Access::ReadWrite
        };
        Ok(CollabDoc {
            doc,
            kind,
            access,
            saved_heads,
        })
    }

    pub fn access(&self) -> Access {
        self.access
    }

    /// Discussion, meeting or board.
    pub fn kind(&self) -> DocKind {
        self.kind
    }

    pub fn id(&self) -> String {
        get_str(&self.doc, &ROOT, "id").unwrap_or_default()
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

    pub fn heads(&mut self) -> Vec<ChangeHash> {
        self.doc.get_heads()
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
    pub fn changes_for(&mut self, peers: &[Vec<ChangeHash>]) -> Vec<u8> {
        let mut wanted = std::collections::BTreeSet::new();
        for heads in peers {
            let known: Vec<ChangeHash> = heads
                .iter()
                .copied()
                .filter(|h| self.doc.get_change_by_hash(h).is_some())
                .collect();
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
    pub fn merge_document(&mut self, other: &mut CollabDoc) -> Result<bool> {
        // Merging a copy from a newer version is allowed: this copy then turns read-only.
        self.writable()?;
        if other.id() != self.id() || other.kind != self.kind {
            return Err(CollabError::IdMismatch);
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
                    return Err(CollabError::MissingHistory);
                }
            }
            // A new change may not rewrite what the document is: a reply turning a
            // meeting into something else would leave a copy that no longer loads.
            if self.doc.get_change_by_hash(&change.hash()).is_none() && rewrites_identity(change) {
                return Err(CollabError::IdMismatch);
            }
        }
        let before = self.doc.get_heads();
        self.doc
            .load_incremental(bytes)
            .map_err(|e| DocError::Unreadable(e.to_string()))?;
        if get_str(&self.doc, &ROOT, "id").is_none() {
            return Err(CollabError::IdMismatch);
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
        if schema > schema_of(self.kind) {
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

    /// The document as it was at `heads` (for "what is new").
    pub fn state_at(&mut self, heads: &[ChangeHash]) -> Option<CollabState> {
        let known: Vec<ChangeHash> = heads
            .iter()
            .copied()
            .filter(|h| self.doc.get_change_by_hash(h).is_some())
            .collect();
        if known.is_empty() {
            return None;
        }
        let old = self.doc.fork_at(&known).ok()?;
        let mut state = read_state(&old);
        state.kind = self.kind;
        Some(state)
    }

    pub fn state(&self) -> CollabState {
        let mut state = read_state(&self.doc);
        state.kind = self.kind;
        state
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

    pub fn set_budget(&mut self, budget: u32) -> Result<()> {
        let doc = self.writable()?;
        set_i64(doc, &ROOT, "budget", i64::from(budget.min(99)))?;
        self.commit();
        Ok(())
    }

    pub fn set_hide_votes(&mut self, hide: bool) -> Result<()> {
        let doc = self.writable()?;
        doc.put(ROOT, "hide_votes", hide)?;
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
        let map = get_map(&self.doc, &ROOT, list).ok_or(CollabError::Missing)?;
        get_map(&self.doc, &map, id).ok_or(CollabError::Missing)
    }

    /// Sets a true/false field of an item.
    fn put_flag(&mut self, list: ItemList, id: &str, key: &str, value: bool) -> Result<()> {
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
        let url = crate::model::collab::checked_link(url).map_err(CollabError::BadLink)?;
        let label = clip(label, MAX_LINE);
        self.add_item("links", me, name, now, |doc, obj| {
            doc.put(obj, "url", url)?;
            doc.put(obj, "label", label)?;
            Ok(())
        })
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

    pub fn add_idea(&mut self, me: &str, name: &str, now: i64, text: &str) -> Result<String> {
        let text = clip(text, MAX_TEXT);
        self.add_item("ideas", me, name, now, |doc, obj| {
            doc.put(obj, "text", text)?;
            doc.put_object(obj, "votes", ObjType::Map)?;
            Ok(())
        })
    }

    /// Gives or takes back `me`'s vote on an idea, within the owner's budget.
    pub fn set_vote(
        &mut self,
        me: &str,
        name: &str,
        now: i64,
        idea: &str,
        vote: bool,
    ) -> Result<()> {
        let obj = self.item("ideas", idea)?;
        let votes = get_map(&self.doc, &obj, "votes").ok_or(CollabError::Missing)?;
        let has = self.doc.get(&votes, me)?.is_some();
        if vote == has {
            return Ok(());
        }
        if vote {
            if let Err(VoteBlock::BudgetSpent(n)) = self.state().can_vote(me) {
                return Err(CollabError::BudgetSpent(n));
            }
        }
        self.introduce(me, name)?;
        let doc = self.writable()?;
        if vote {
            doc.put(&votes, me, now)?;
        } else {
            doc.delete(&votes, me)?;
        }
        self.commit();
        Ok(())
    }

    pub fn set_shortlisted(&mut self, idea: &str, short: bool) -> Result<()> {
        self.put_flag(ItemList::Ideas, idea, "short", short)
    }

    pub fn add_poll(
        &mut self,
        me: &str,
        name: &str,
        now: i64,
        question: &str,
        multiple: bool,
        options: &[String],
    ) -> Result<String> {
        let question = clip(question, MAX_LINE);
        let options: Vec<String> = options
            .iter()
            .map(|o| clip(o.trim(), MAX_LINE))
            .filter(|o| !o.is_empty())
            .take(20)
            .collect();
        self.add_item("polls", me, name, now, |doc, obj| {
            doc.put(obj, "q", question)?;
            doc.put(obj, "multi", multiple)?;
            let opts = doc.put_object(obj, "options", ObjType::Map)?;
            for (n, text) in options.into_iter().enumerate() {
                let o = doc.put_object(&opts, format!("o{n}").as_str(), ObjType::Map)?;
                doc.put(&o, "text", text)?;
                doc.put(&o, "n", n as i64)?;
            }
            doc.put_object(obj, "answers", ObjType::Map)?;
            Ok(())
        })
    }

    /// Replaces `me`'s answer to a poll (an empty choice takes the answer back).
    pub fn answer_poll(
        &mut self,
        me: &str,
        name: &str,
        poll: &str,
        chosen: &[String],
    ) -> Result<()> {
        let obj = self.item("polls", poll)?;
        let answers = get_map(&self.doc, &obj, "answers").ok_or(CollabError::Missing)?;
        self.introduce(me, name)?;
        let doc = self.writable()?;
        if chosen.is_empty() {
            if doc.get(&answers, me)?.is_some() {
                doc.delete(&answers, me)?;
            }
        } else {
            set_str(doc, &answers, me, &chosen.join(","))?;
        }
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

/// The kind as the model names it; this copy's kind was fixed when it was created or
/// first loaded.
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
        }
    }
}

/// A string whether written as a plain string or, as other Automerge clients may, as text.
fn value_str(v: &hydrate::Value) -> Option<String> {
    match v {
        hydrate::Value::Scalar(automerge::ScalarValue::Str(s)) => Some(s.to_string()),
        hydrate::Value::Text(t) => Some(t.to_string()),
        _ => None,
    }
}

pub(super) fn clip(s: &str, max_chars: usize) -> String {
    s.chars().take(max_chars).collect()
}

fn read_state(doc: &AutoCommit) -> CollabState {
    let root = match doc.hydrate(&ROOT, None) {
        Ok(hydrate::Value::Map(map)) => map,
        _ => return CollabState::default(),
    };
    let items = |key: &str| -> Vec<(String, &hydrate::Map)> {
        let Some(map) = field_map(&root, key) else {
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
    };
    let s = |m: &hydrate::Map, k: &str| field_str(m, k).unwrap_or_default();
    let at = |m: &hydrate::Map| field_i64(m, "at").unwrap_or(0);
    let string_map = |key: &str| -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = field_map(&root, key)
            .map(|m| {
                m.iter()
                    .filter_map(|(k, v)| Some((k.clone(), value_str(&v.value)?)))
                    .collect()
            })
            .unwrap_or_default();
        order::sort(&mut out);
        out
    };
    CollabState {
        // Set by the caller from the copy's own kind, which a change cannot rewrite.
        kind: DocKind::Discussion,
        meeting: super::meeting::read(&root),
        board: super::board::read(&root),
        id: s(&root, "id"),
        owner: s(&root, "owner"),
        created: field_i64(&root, "created").unwrap_or(0),
        title: s(&root, "title"),
        problem: s(&root, "problem"),
        due: s(&root, "due"),
        summary: s(&root, "summary"),
        budget: field_u32(&root, "budget").unwrap_or(0).min(99),
        hide_votes: field_bool(&root, "hide_votes"),
        people: string_map("people").into_iter().collect(),
        invited: {
            let mut v = string_map("invited");
            order::sort_by_key(&mut v, |a| a.1.to_lowercase());
            v
        },
        links: items("links")
            .into_iter()
            .map(|(id, m)| ContextLink {
                // Re-checked on read: a teammate's copy of the app may not have checked it.
                url: crate::model::collab::checked_link(&s(m, "url")).unwrap_or_default(),
                id,
                label: s(m, "label"),
                by: s(m, "by"),
                at: at(m),
            })
            .filter(|l| !l.url.is_empty())
            .collect(),
        comments: items("comments")
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
        ideas: items("ideas")
            .into_iter()
            .map(|(id, m)| Idea {
                id,
                text: s(m, "text"),
                by: s(m, "by"),
                at: at(m),
                shortlisted: field_bool(m, "short"),
                votes: field_map(m, "votes")
                    .map(|v| {
                        v.iter()
                            .map(|(who, val)| (who.clone(), val.value.as_i64()))
                            .collect()
                    })
                    .unwrap_or_default(),
            })
            .collect(),
        polls: items("polls")
            .into_iter()
            .map(|(id, m)| {
                let mut options: Vec<(i64, PollOption)> = field_map(m, "options")
                    .map(|o| {
                        o.iter()
                            .filter_map(|(oid, v)| match &v.value {
                                hydrate::Value::Map(om) => Some((
                                    field_i64(om, "n").unwrap_or(0),
                                    PollOption {
                                        id: oid.clone(),
                                        text: s(om, "text"),
                                    },
                                )),
                                _ => None,
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                order::sort_by(&mut options, |a, b| {
                    a.0.cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id))
                });
                let options: Vec<PollOption> = options.into_iter().map(|(_, o)| o).collect();
                let multiple = field_bool(m, "multi");
                let answers = field_map(m, "answers")
                    .map(|a| {
                        a.iter()
                            .filter_map(|(who, v)| match value_str(&v.value) {
                                Some(s) => {
                                    let mut chosen: Vec<String> = s
                                        .split(',')
                                        .filter(|c| options.iter().any(|o| o.id == *c))
                                        .map(str::to_owned)
                                        .collect();
                                    if !multiple {
                                        chosen.truncate(1);
                                    }
                                    (!chosen.is_empty()).then(|| (who.clone(), chosen))
                                }
                                _ => None,
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                Poll {
                    id,
                    question: s(m, "q"),
                    multiple,
                    by: s(m, "by"),
                    at: at(m),
                    options,
                    answers,
                }
            })
            .collect(),
        actions: items("actions")
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::chunks::{check, Limits};

    fn copy_bytes(mut doc: CollabDoc) -> Vec<u8> {
        doc.save()
    }

    fn fresh() -> CollabDoc {
        CollabDoc::create("ana", "Ana", "Launch date", 1)
    }

    fn copy(doc: &mut CollabDoc) -> CollabDoc {
        CollabDoc::from_stored(&doc.save()).unwrap()
    }

    #[test]
    fn create_and_read_back() {
        let mut d = fresh();
        d.set_text(TextField::Problem, "ana", "Ana", "We need a date.")
            .unwrap();
        let idea = d.add_idea("ana", "Ana", 2, "March").unwrap();
        d.add_comment("ana", "Ana", 3, Some(&idea), "Before Easter")
            .unwrap();
        d.add_link("ana", "Ana", 4, "https://example.com/video", "Video")
            .unwrap();
        assert!(d
            .add_link("ana", "Ana", 4, "javascript:alert(1)", "x")
            .is_err());
        let poll = d
            .add_poll(
                "ana",
                "Ana",
                5,
                "Which day?",
                false,
                &["Mon".into(), "Tue".into()],
            )
            .unwrap();
        d.answer_poll("ana", "Ana", &poll, &["o1".into()]).unwrap();
        d.add_action("ana", "Ana", 6, "Book venue", "Ben", "2026-12-01")
            .unwrap();
        let s = d.state();
        assert_eq!(s.title, "Launch date");
        assert_eq!(s.owner, "ana");
        assert_eq!(s.problem, "We need a date.");
        assert_eq!(s.ideas[0].text, "March");
        assert_eq!(s.comments[0].on.as_deref(), Some(idea.as_str()));
        assert_eq!(s.links[0].url, "https://example.com/video");
        assert_eq!(s.polls[0].options.len(), 2);
        assert_eq!(s.polls[0].answers["ana"], vec!["o1".to_string()]);
        assert_eq!(s.actions[0].owner, "Ben");
        let loaded = copy(&mut d);
        assert_eq!(loaded.state(), s);
    }

    #[test]
    fn votes_are_one_per_person_and_respect_the_budget() {
        let mut d = fresh();
        let a = d.add_idea("ana", "Ana", 1, "A").unwrap();
        let b = d.add_idea("ana", "Ana", 2, "B").unwrap();
        d.set_vote("ben", "Ben", 3, &a, true).unwrap();
        d.set_vote("ben", "Ben", 4, &a, true).unwrap();
        assert_eq!(d.state().ideas[0].votes.len(), 1);
        d.set_budget(1).unwrap();
        assert_eq!(
            d.set_vote("ben", "Ben", 5, &b, true),
            Err(CollabError::BudgetSpent(1))
        );
        d.set_vote("ben", "Ben", 6, &a, false).unwrap();
        d.set_vote("ben", "Ben", 7, &b, true).unwrap();
        let s = d.state();
        assert!(s.ideas[0].votes.is_empty());
        assert_eq!(s.ideas[1].votes.len(), 1);
    }

    #[test]
    fn concurrent_votes_and_comments_on_one_idea_all_survive() {
        let mut a = fresh();
        let idea = a.add_idea("ana", "Ana", 1, "A").unwrap();
        let mut b = copy(&mut a);
        a.set_vote("ana", "Ana", 2, &idea, true).unwrap();
        a.add_comment("ana", "Ana", 2, Some(&idea), "mine").unwrap();
        b.set_vote("ben", "Ben", 2, &idea, true).unwrap();
        b.add_comment("ben", "Ben", 2, Some(&idea), "his").unwrap();
        let mut b2 = copy(&mut b);
        a.merge_document(&mut b2).unwrap();
        let s = a.state();
        assert_eq!(s.ideas[0].votes.len(), 2);
        assert_eq!(s.comments.len(), 2);
        assert_eq!(s.people.len(), 2);
    }

    #[test]
    fn concurrent_typing_in_the_problem_keeps_both() {
        let mut a = fresh();
        a.set_text(TextField::Problem, "ana", "Ana", "We ship late.")
            .unwrap();
        let mut b = copy(&mut a);
        a.set_text(TextField::Problem, "ana", "Ana", "We often ship late.")
            .unwrap();
        b.set_text(TextField::Problem, "ben", "Ben", "We ship late. Why?")
            .unwrap();
        let mut b2 = copy(&mut b);
        a.merge_document(&mut b2).unwrap();
        assert_eq!(a.state().problem, "We often ship late. Why?");
    }

    #[test]
    fn an_edit_concurrent_with_a_delete_survives_undo() {
        let mut a = fresh();
        let c = a.add_comment("ana", "Ana", 1, None, "first").unwrap();
        let mut b = copy(&mut a);
        a.set_gone(ItemList::Comments, &c, true).unwrap();
        b.edit_comment(&c, 2, "first, edited").unwrap();
        let mut b2 = copy(&mut b);
        a.merge_document(&mut b2).unwrap();
        assert!(a.state().comments.is_empty());
        a.set_gone(ItemList::Comments, &c, false).unwrap();
        assert_eq!(a.state().comments[0].text, "first, edited");
    }

    #[test]
    fn reply_changes_apply_and_missing_history_is_refused() {
        let mut a = fresh();
        let mut b = CollabDoc::from_stored(&a.save_for_link()).unwrap();
        let base = b.heads();
        b.add_comment("ben", "Ben", 2, None, "one").unwrap();
        let reply = b.changes_for(std::slice::from_ref(&base));
        assert!(a
            .apply_changes(check(&reply, Limits::SHARED).unwrap())
            .unwrap());
        assert_eq!(a.state().comments.len(), 1);
        // A reply built on changes the receiver never saw is refused whole.
        let mid = b.heads();
        b.add_comment("ben", "Ben", 3, None, "two").unwrap();
        let mut c = fresh();
        let c_before = c.state();
        assert!(matches!(
            c.apply_changes(check(&b.changes_for(&[mid]), Limits::SHARED).unwrap()),
            Err(CollabError::MissingHistory) | Err(CollabError::IdMismatch)
        ));
        assert_eq!(c.state(), c_before);
        let other = CollabDoc::from_stored(&a.save_for_link()).unwrap();
        let before = other.state();
        let b_heads = b.heads();
        let after_mid = b.changes_for(&[b_heads]);
        assert!(after_mid.is_empty());
        assert_eq!(other.state(), before);
    }

    /// Two dependent changes sent in reverse order: Automerge applies them in dependency
    /// order, as a JavaScript reader's `loadIncremental` does (share-format §3, §6).
    #[test]
    fn a_reply_in_any_order_applies_and_a_truly_missing_change_is_still_refused() {
        let mut a = fresh();
        let original = a.save_for_link();
        let mut b = CollabDoc::from_stored(&original).unwrap();
        let base = b.heads();
        b.add_comment("ben", "Ben", 2, None, "one").unwrap();
        b.add_comment("ben", "Ben", 3, None, "two").unwrap();
        let reply = b.changes_for(std::slice::from_ref(&base));
        let chunks = check(&reply, Limits::SHARED).unwrap().chunks();
        assert_eq!(chunks.len(), 2);
        let reversed: Vec<u8> = chunks
            .iter()
            .rev()
            .flat_map(|c| c.iter().copied())
            .collect();
        assert!(a
            .apply_changes(check(&reversed, Limits::SHARED).unwrap())
            .unwrap());
        let texts: Vec<String> = a.state().comments.iter().map(|c| c.text.clone()).collect();
        assert_eq!(texts, ["one", "two"]);
        assert!(a.is_complete());
        // Only the second change: it needs the first, which is nowhere.
        let mut c = CollabDoc::from_stored(&original).unwrap();
        let second = chunks[1];
        let before = c.state();
        assert_eq!(
            c.apply_changes(check(second, Limits::SHARED).unwrap()),
            Err(CollabError::MissingHistory)
        );
        assert_eq!(c.state(), before);
    }

    /// Another app writing a display name as Text (JavaScript Automerge's default for a
    /// plain string) still shows that name (share-format §10).
    #[test]
    fn a_name_written_as_text_shows_as_written() {
        let mut a = fresh();
        let people = get_map(&a.doc, &ROOT, "people").unwrap();
        let name = a.doc.put_object(&people, "zoe", ObjType::Text).unwrap();
        a.doc.splice_text(&name, 0, 0, "Zoë").unwrap();
        a.doc.commit();
        assert_eq!(a.state().people.get("zoe").map(String::as_str), Some("Zoë"));
    }

    #[test]
    fn changes_for_several_peers_cover_what_any_lacks() {
        let mut a = fresh();
        let h0 = a.heads();
        a.add_comment("ana", "Ana", 1, None, "x").unwrap();
        let h1 = a.heads();
        a.add_comment("ana", "Ana", 2, None, "y").unwrap();
        let only_new = a.changes_for(std::slice::from_ref(&h1));
        let both = a.changes_for(&[h1, h0]);
        assert!(both.len() > only_new.len());
        let mut fresh_copy = CollabDoc::from_stored(&a.save_for_link()).unwrap();
        fresh_copy
            .apply_changes(check(&both, Limits::SHARED).unwrap())
            .unwrap();
    }

    #[test]
    fn state_at_old_heads() {
        let mut a = fresh();
        let h = a.heads();
        a.add_comment("ben", "Ben", 1, None, "x").unwrap();
        assert!(a.state_at(&h).unwrap().comments.is_empty());
        assert_eq!(a.state().comments.len(), 1);
    }

    #[test]
    fn a_newer_schema_opens_read_only() {
        let mut a = fresh();
        a.doc.put(ROOT, "schema", DISCUSSION_SCHEMA + 1).unwrap();
        a.doc.commit();
        let mut b = CollabDoc::from_stored(&a.save()).unwrap();
        assert!(matches!(b.access(), Access::ReadOnly { .. }));
        assert!(b.add_comment("ben", "Ben", 1, None, "x").is_err());
        // Each kind counts its own layouts: a board at the next board schema is
        // read-only, a discussion at that number is not the board's concern.
        let mut board = CollabDoc::create_kind(DocKind::Board, "ana", "Ana", "Stand-up", 1);
        board
            .doc
            .put(ROOT, "schema", schema_of(DocKind::Board) + 1)
            .unwrap();
        board.doc.commit();
        let board = CollabDoc::from_stored(&board.save()).unwrap();
        assert!(matches!(board.access(), Access::ReadOnly { .. }));
        let meeting = CollabDoc::create_kind(DocKind::Meeting, "ana", "Ana", "Review", 1);
        let meeting = CollabDoc::from_stored(&copy_bytes(meeting)).unwrap();
        assert!(matches!(meeting.access(), Access::ReadWrite));
    }

    #[test]
    fn edits_of_different_parts_of_a_text_both_survive_a_merge() {
        let mut a = fresh();
        a.set_text(
            TextField::Problem,
            "ana",
            "Ana",
            "Where do we meet? Lisbon or Porto.",
        )
        .unwrap();
        let mut b = copy(&mut a);
        a.set_text(
            TextField::Problem,
            "ana",
            "Ana",
            "Where do we meet in May? Lisbon or Porto.",
        )
        .unwrap();
        b.set_text(
            TextField::Problem,
            "ben",
            "Ben",
            "Where do we meet? Lisbon, Porto or Faro.",
        )
        .unwrap();
        a.merge_document(&mut b).unwrap();
        assert_eq!(
            a.state().problem,
            "Where do we meet in May? Lisbon, Porto or Faro."
        );
        // Setting the same text again writes nothing.
        let heads = a.heads();
        a.set_text(
            TextField::Problem,
            "ana",
            "Ana",
            "Where do we meet in May? Lisbon, Porto or Faro.",
        )
        .unwrap();
        assert_eq!(a.heads(), heads);
    }
}
