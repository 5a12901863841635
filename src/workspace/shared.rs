//! Shared documents as the UI sees them: creating one, opening links and files,
//! edits that save at once, "what is new", and the links to send back.

use crate::codec::chunks::check_stored;
use std::collections::BTreeMap;

use leptos::prelude::*;

use super::{memory_only, StorageHealth, Workspace};
use crate::doc::shared::board::BoardEdit;
use crate::doc::shared::meeting::MeetingEdit;
use crate::doc::shared::{SharedDoc, SharedEdit, SharedError};
use crate::doc::Access;
use crate::model::ids::{DocId, Heads};
use crate::model::kind::DocKind;
use crate::model::review::Month;
use crate::model::shared::board::{Card, Column};
use crate::model::shared::sop::Run;
use crate::model::shared::{Body, News, SharedState, TextField};
use crate::model::HeldDoc;
use crate::session::{open_shared, save_shared};
use crate::share::exchange::{self, Received};
use crate::share::link::{link_fit, LinkFit, PayloadKind, Share};
use crate::share::{encode_share_file, read_any_file, FileContent};
use crate::store::device::DeviceStore;
use crate::store::{DocStore, Saved};
use crate::sync::invite::SyncInvite;
use crate::web::now_ms;

/// What an edit re-reads for the view.
#[derive(Clone)]
enum Refresh {
    /// The whole document (after adding or removing items).
    Whole,
    /// Only one text: typing is the hot path, and reading a 1,000-comment discussion
    /// costs tens of milliseconds.
    Text(TextField),
    /// Only some cards of a board: moving cards is the board's hot path.
    Cards(Vec<String>),
    /// Only one run of an SOP: ticking its steps is the SOP's hot path.
    Run(String),
}

/// What was read back after an edit.
enum Read {
    Whole(Box<SharedState>),
    Text(TextField, String),
    Cards(Vec<(String, Option<Card>)>),
    Run(Option<Run>),
}

/// One shared document loaded in this tab, with its own storage.
pub(super) struct OpenShared {
    pub(super) doc: SharedDoc,
    store: DocStore<DeviceStore>,
    /// The state the person last saw, with its heads: "what is new" compares against it
    /// without rebuilding the old document (`fork_at` costs as much as a load).
    seen: Option<(Heads, SharedState)>,
    /// The state at the heads it was read at: the menu's count and the overview read
    /// every SOP, and the review every feedback request and meeting, and most have not
    /// changed since.
    read: Option<(Heads, SharedState)>,
}

impl OpenShared {
    fn new(doc: SharedDoc, store: DocStore<DeviceStore>) -> Self {
        OpenShared {
            doc,
            store,
            seen: None,
            read: None,
        }
    }

    /// The state at `seen` heads (hex): from the cache, or rebuilt.
    fn state_seen(
        &mut self,
        seen: &Heads,
        now: &Heads,
        current: &SharedState,
    ) -> Option<SharedState> {
        if seen == now {
            return Some(current.clone());
        }
        if let Some((heads, state)) = &self.seen {
            if heads == seen {
                return Some(state.clone());
            }
        }
        let state = self.doc.state_at(seen)?;
        self.seen = Some((seen.clone(), state.clone()));
        Some(state)
    }
}

/// The shared document on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct SharedView {
    pub id: DocId,
    pub state: SharedState,
    /// What arrived since the person last looked, marked on screen until they leave.
    pub news: News,
    pub read_only: bool,
}

/// The links on offer for a document.
#[derive(Clone, Debug, PartialEq)]
pub struct ShareOffer {
    pub full: String,
    pub full_fit: LinkFit,
    /// Only the changes the teammates heard from lack; `None` before anyone replied
    /// or when they lack nothing.
    pub reply: Option<(String, LinkFit)>,
    pub title: String,
}

pub(super) fn store_name(id: DocId) -> String {
    format!("c-{id}")
}

pub(super) fn my_ids(ws: Workspace) -> (String, String, [u8; 16]) {
    let profile = ws.state.with_untracked(|s| s.profile.clone());
    let sender = exchange::id_bytes(&profile.actor_id).unwrap_or_default();
    (profile.actor_id, profile.display_name, sender)
}

impl Workspace {
    /// The app's address for links.
    pub(super) fn link_for(fragment: &str) -> String {
        format!("{}/#{fragment}", crate::web::origin())
    }

    /// Loads a held document from storage into this tab, if it is not loaded yet.
    pub(super) fn ensure_loaded(self, id: DocId) -> Result<(), String> {
        let loaded = self.inner.with_value(|i| i.shared.contains_key(&id));
        if loaded {
            return Ok(());
        }
        let tab = self.inner.with_value(|i| i.tab.clone());
        let mut store = DocStore::new(DeviceStore::open(), &store_name(id), &tab);
        let doc = open_shared(&mut store).map_err(|e| e.to_string())?;
        self.inner
            .update_value(|i| drop(i.shared.insert(id, OpenShared::new(doc, store))));
        Ok(())
    }

    /// A held document's state as it is now, read again only when the document changed.
    fn held_state(self, id: DocId) -> Option<SharedState> {
        self.ensure_loaded(id).ok()?;
        self.inner
            .try_update_value(|i| {
                let open = i.shared.get_mut(&id)?;
                let heads = open.doc.heads();
                if let Some((at, state)) = &open.read {
                    if *at == heads {
                        return Some(state.clone());
                    }
                }
                let state = open.doc.state();
                open.read = Some((heads, state.clone()));
                Some(state)
            })
            .flatten()
    }

    /// Every held document of `kind` that can be read, with its id.
    pub fn held_states(self, kind: DocKind) -> Vec<(DocId, SharedState)> {
        let held: Vec<DocId> = self.state.with_untracked(|s| {
            s.held
                .iter()
                .filter(|h| h.kind == kind)
                .map(|h| h.id)
                .collect()
        });
        held.into_iter()
            .filter_map(|id| Some((id, self.held_state(id)?)))
            .collect()
    }

    /// Whether this browser stores the document's content (a personal document merged
    /// from elsewhere can list a document whose content has not arrived).
    pub(super) fn has_content(self, id: DocId) -> bool {
        if self.inner.with_value(|i| i.shared.contains_key(&id)) {
            return true;
        }
        let tab = self.inner.with_value(|i| i.tab.clone());
        let store = DocStore::new(DeviceStore::open(), &store_name(id), &tab);
        store.read_all().is_ok_and(|(bytes, _)| !bytes.is_empty())
    }

    /// A held document as a backup carries it: the whole document as a link frame, so
    /// restoring it passes every check a link passes.
    pub(super) fn backup_entry(self, held: &HeldDoc) -> Option<Share> {
        if held.kind == DocKind::Page {
            return self.page_backup_entry(held.id);
        }
        // A reader's copy of a dashboard or form is not backed up: its link opens it again.
        if held.kind.is_published() {
            return None;
        }
        self.ensure_loaded(held.id).ok()?;
        let (_, _, sender) = my_ids(self);
        self.inner.try_update_value(|i| {
            let open = i.shared.get_mut(&held.id)?;
            Some(exchange::full_link(&mut open.doc, sender))
        })?
    }

    /// Takes in the shared documents of a whole backup. Returns what it did in words,
    /// or `None` when the backup held none.
    pub(super) fn import_backup_shared(
        self,
        entries: Vec<Result<Share, crate::share::link::LinkError>>,
    ) -> Option<String> {
        if entries.is_empty() {
            return None;
        }
        let (mut restored, mut merged, mut failed) = (0usize, 0usize, 0usize);
        for entry in entries {
            let Ok(share) = entry else {
                failed += 1;
                continue;
            };
            let id = share.doc_id;
            let outcome = if DocKind::from_code(share.kind) == Some(DocKind::Page) {
                self.import_page_snapshot(&share)
            } else {
                let had = self.has_content(id);
                self.receive_share(share).map(|_| !had)
            };
            match outcome {
                Ok(true) => restored += 1,
                Ok(false) => merged += 1,
                Err(_) => failed += 1,
            }
        }
        let docs = |n: usize| format!("{n} shared {}", super::plural(n, "document", "documents"));
        let parts: Vec<String> = [
            (restored > 0).then(|| format!("{} restored", docs(restored))),
            (merged > 0).then(|| format!("{} already here and brought up to date", docs(merged))),
            (failed > 0).then(|| {
                let verb = if failed == 1 { "was" } else { "were" };
                format!("{} could not be read and {verb} left out", docs(failed))
            }),
        ]
        .into_iter()
        .flatten()
        .collect();
        Some(format!(
            "{}.",
            capital(&crate::model::shared::join_and(&parts))
        ))
    }

    /// Shows a held document: loads it and works out what is new since last looked.
    pub fn show_shared(self, id: DocId) -> Result<(), String> {
        self.ensure_loaded(id)?;
        let me = self.state.with_untracked(|s| s.profile.actor_id.clone());
        let seen = self.held(id).map(|h| h.seen).unwrap_or_default();
        let view = self.inner.try_update_value(|i| {
            let open = i.shared.get_mut(&id)?;
            let state = open.doc.state();
            let now = open.doc.heads();
            let news = if seen.is_empty() {
                News::default()
            } else {
                open.state_seen(&seen, &now, &state)
                    .map(|old| News::between(&old, &state, &me))
                    .unwrap_or_default()
            };
            Some(SharedView {
                id,
                state,
                news,
                read_only: matches!(open.doc.access(), Access::ReadOnly { .. }),
            })
        });
        self.shared.set(view.flatten());
        self.announce_presence(id, true);
        Ok(())
    }

    /// A held document changed from outside this tab's edits (another tab, the sync
    /// server): the list shows its title, and the screen its state if it is shown.
    pub(super) fn shared_arrived(self, id: DocId) {
        let shown = self.shared.with_untracked(|v| v.as_ref().map(|v| v.id)) == Some(id);
        let read = self.inner.try_update_value(|i| {
            let open = i.shared.get_mut(&id)?;
            Some((open.doc.title(), shown.then(|| open.doc.state())))
        });
        let Some((title, state)) = read.flatten() else {
            return;
        };
        if let Some(mut held) = self.held(id).filter(|h| h.title != title) {
            held.title = title;
            self.put_held_entry(held);
        }
        if let Some(state) = state {
            self.shared.update(|v| {
                if let Some(v) = v.as_mut().filter(|v| v.id == id) {
                    v.state = state;
                }
            });
        }
    }

    pub fn held(self, id: DocId) -> Option<HeldDoc> {
        self.state
            .with_untracked(|s| s.held.iter().find(|h| h.id == id).cloned())
    }

    /// Unread items per held document, by others, since the person last looked.
    pub fn unread_counts(self) -> BTreeMap<DocId, usize> {
        let me = self.state.with_untracked(|s| s.profile.actor_id.clone());
        let held = self.state.with_untracked(|s| s.held.clone());
        let mut out = BTreeMap::new();
        for h in held {
            // Pages have no news to count: only their author writes them.
            if h.kind.is_published() || self.ensure_loaded(h.id).is_err() {
                continue;
            }
            let n = self.inner.try_update_value(|i| {
                let open = i.shared.get_mut(&h.id)?;
                let now = open.doc.heads();
                if now == h.seen {
                    return Some(0);
                }
                let state = open.doc.state();
                let old = open.state_seen(&h.seen, &now, &state)?;
                Some(News::between(&old, &state, &me).total())
            });
            out.insert(h.id, n.flatten().unwrap_or(0));
        }
        out
    }

    /// Records that the person has seen the document as it is now.
    pub fn mark_seen(self, id: DocId) {
        let shown = self
            .shared
            .with_untracked(|v| v.as_ref().filter(|v| v.id == id).map(|v| v.state.clone()));
        let heads = self.inner.try_update_value(|i| {
            i.shared.get_mut(&id).map(|o| {
                let heads = o.doc.heads();
                if let Some(state) = shown {
                    // What is on screen is what was seen: keep it for the next comparison.
                    if Some(state.id) == o.doc.id() {
                        o.seen = Some((heads.clone(), state));
                    }
                }
                heads
            })
        });
        let (Some(Some(heads)), Some(mut held)) = (heads, self.held(id)) else {
            return;
        };
        if held.seen != heads {
            held.seen = heads;
            self.put_held_entry(held);
        }
        self.shared.update(|v| {
            if let Some(v) = v.as_mut().filter(|v| v.id == id) {
                v.news = News::default();
            }
        });
    }

    pub(super) fn put_held_entry(self, held: HeldDoc) {
        if self.edit(|doc| doc.put_held(&held)).is_some() {
            self.state
                .update(|s| match s.held.iter_mut().find(|h| h.id == held.id) {
                    Some(slot) => *slot = held,
                    None => s.held.insert(0, held),
                });
        }
    }

    /// Starts a new discussion and returns its id.
    pub fn create_collab(self, title: &str) -> Option<DocId> {
        self.create_shared(DocKind::Discussion, title)
    }

    /// Starts a new shared document of `kind` (discussion, meeting or board) and returns
    /// its id.
    pub fn create_shared(self, kind: DocKind, title: &str) -> Option<DocId> {
        let (me, name, _) = my_ids(self);
        let now = now_ms();
        if kind == DocKind::Feedback {
            // A request asks about the month it is sent in, on the sender's calendar.
            let zone = self.state.with_untracked(|s| s.profile.time_zone.clone());
            return self.create_feedback(Month::at(now, &zone), title);
        }
        let doc = SharedDoc::create_kind(kind, &me, &name, title.trim(), now);
        Some(self.hold_new(doc))
    }

    /// A new feedback request about `month`.
    pub fn create_feedback(self, month: Month, title: &str) -> Option<DocId> {
        let (me, name, _) = my_ids(self);
        let mut doc = SharedDoc::create_kind(DocKind::Feedback, &me, &name, title.trim(), now_ms());
        doc.as_feedback()?.set_month(month).ok()?;
        Some(self.hold_new(doc))
    }

    /// Stores a document made here and lists it as held.
    fn hold_new(self, mut doc: SharedDoc) -> DocId {
        let id = doc.id().expect("a document made here has an id");
        let (kind, title) = (doc.kind(), doc.title());
        let tab = self.inner.with_value(|i| i.tab.clone());
        let mut store = DocStore::new(DeviceStore::open(), &store_name(id), &tab);
        if let Saved::InMemoryOnly(e) = store.compact(&doc.save()) {
            self.health.set(memory_only(&e));
        }
        let heads = doc.heads();
        self.inner
            .update_value(|i| drop(i.shared.insert(id, OpenShared::new(doc, store))));
        self.put_held_entry(HeldDoc {
            id,
            kind,
            title,
            added: now_ms(),
            seen: heads,
            ..HeldDoc::default()
        });
        id
    }

    /// 'Could this be async?' answered yes: the meeting on screen becomes a new
    /// discussion with its brief, people, recording and action items, and the meeting
    /// points to it. Returns the discussion's id.
    pub fn meeting_to_discussion(self) -> Option<DocId> {
        let id = self.shared.with_untracked(|v| v.as_ref().map(|v| v.id))?;
        let (me, name, _) = my_ids(self);
        let made = self.inner.try_update_value(|i| {
            let open = i.shared.get(&id)?;
            Some(open.doc.meeting_to_discussion(&me, &name, now_ms()))
        });
        let doc = match made.flatten()? {
            Ok(doc) => doc,
            Err(e) => {
                self.say(e.to_string(), None);
                return None;
            }
        };
        let new_id = self.hold_new(doc);
        self.edit_shown(
            |doc, me, name, now| {
                SharedEdit::from(MeetingEdit::SetMovedTo(new_id)).apply(doc, me, name, now)
            },
            Refresh::Whole,
        );
        Some(new_id)
    }

    /// Makes an edit of the shown document, stores it at once, and refreshes the view.
    /// An edit others see under the writer's name ([`SharedEdit::is_authored`]) asks
    /// someone who came by a link for a name first (`name_wanted`); nothing is written
    /// until then, so their draft stays.
    pub fn shared_edit(self, edit: impl Into<SharedEdit>) -> Option<()> {
        // Converted at once, so the edit path below is compiled once, not per kind.
        self.shared_edit_now(edit.into())
    }

    fn shared_edit_now(self, edit: SharedEdit) -> Option<()> {
        if edit.is_authored() && !self.state.with_untracked(|s| s.profile.is_set_up()) {
            self.name_wanted.set(true);
            return None;
        }
        let refresh = match &edit {
            SharedEdit::Sop(e) => e
                .run()
                .map_or(Refresh::Whole, |r| Refresh::Run(r.to_owned())),
            _ => Refresh::Whole,
        };
        self.edit_shown(|doc, me, name, now| edit.apply(doc, me, name, now), refresh)
    }

    /// An edit the workspace makes itself (a deletion and its Undo, a meeting's move).
    pub(super) fn collab_edit<R>(
        self,
        f: impl FnOnce(&mut SharedDoc, &str, &str, i64) -> Result<R, SharedError>,
    ) -> Option<R> {
        self.edit_shown(f, Refresh::Whole)
    }

    /// Typing in a shared text. The hot path: only that field is read back, not the
    /// whole document (reading a 1,000-comment discussion costs tens of milliseconds).
    pub fn collab_set_text(self, field: TextField, value: &str) {
        self.edit_shown(
            |doc, me, name, _| doc.set_text(field, me, name, value),
            Refresh::Text(field),
        );
    }

    /// Moves a card of the shown board, re-reading only that card.
    pub fn board_move(self, card: &str, column: Column, rank: f64) {
        let edit = BoardEdit::MoveCard {
            id: card.to_owned(),
            column,
            rank,
        };
        self.edit_cards(edit, vec![card.to_owned()]);
    }

    /// Moves a card of the shown board one place up (`-1`) or down (`1`) in its column.
    pub fn board_step(self, card: &str, step: i32) {
        let ranks = self.shared.with_untracked(|v| {
            v.as_ref()
                .and_then(|v| v.state.board().step_ranks(card, step))
        });
        let Some(ranks) = ranks.filter(|r| !r.is_empty()) else {
            return;
        };
        let ids = ranks.iter().map(|(id, _)| id.clone()).collect();
        let edit = BoardEdit::RankCards {
            moved: card.to_owned(),
            ranks,
        };
        self.edit_cards(edit, ids);
    }

    /// Edits a card's words, re-reading only that card.
    pub fn board_edit_card(self, card: &str, title: &str, note: &str, owner: &str) -> bool {
        let edit = BoardEdit::UpdateCard {
            id: card.to_owned(),
            title: title.to_owned(),
            note: note.to_owned(),
            owner: owner.to_owned(),
        };
        self.edit_cards(edit, vec![card.to_owned()]).is_some()
    }

    /// A board edit that re-reads only the cards it touches.
    fn edit_cards(self, edit: BoardEdit, ids: Vec<String>) -> Option<()> {
        let edit = SharedEdit::from(edit);
        self.edit_shown(
            |doc, me, name, now| edit.apply(doc, me, name, now),
            Refresh::Cards(ids),
        )
    }

    /// Runs an edit on the shown document, stores it at once, and updates the view as
    /// `refresh` says.
    fn edit_shown<R>(
        self,
        f: impl FnOnce(&mut SharedDoc, &str, &str, i64) -> Result<R, SharedError>,
        refresh: Refresh,
    ) -> Option<R> {
        let id = self.shared.with_untracked(|v| v.as_ref().map(|v| v.id))?;
        let (me, name, _) = my_ids(self);
        let outcome = self.inner.try_update_value(|i| {
            let open = i.shared.get_mut(&id)?;
            let result = f(&mut open.doc, &me, &name, now_ms());
            let saved = result.as_ref().ok().map(|_| save_open(open));
            let read = match refresh {
                Refresh::Whole => Read::Whole(Box::new(open.doc.state())),
                Refresh::Text(field) => Read::Text(field, open.doc.text(field)),
                Refresh::Cards(ids) => Read::Cards(
                    ids.into_iter()
                        .map(|id| {
                            let card = open.doc.as_board().and_then(|b| b.card(&id));
                            (id, card)
                        })
                        .collect(),
                ),
                Refresh::Run(id) => Read::Run(open.doc.as_sop().and_then(|s| s.run(&id))),
            };
            Some((result, saved, read))
        });
        let (result, saved, read) = outcome.flatten()?;
        let edited = saved.is_some();
        match saved {
            Some(Saved::InMemoryOnly(e)) => self.health.set(memory_only(&e)),
            Some(Saved::Stored) => {
                if matches!(self.health.get_untracked(), StorageHealth::MemoryOnly(_)) {
                    self.health.set(StorageHealth::Saved);
                }
            }
            None => {}
        }
        let mut title = None;
        self.shared.update(|v| {
            let Some(v) = v.as_mut() else { return };
            match read {
                Read::Whole(state) => v.state = *state,
                Read::Cards(read) => {
                    let Body::Board(board) = &mut v.state.body else {
                        return;
                    };
                    let cards = &mut board.cards;
                    for (id, card) in read {
                        match (cards.iter().position(|c| c.id == id), card) {
                            (Some(i), Some(card)) => cards[i] = card,
                            (Some(i), None) => drop(cards.remove(i)),
                            (None, Some(card)) => {
                                let at = cards.partition_point(|c| c.id < card.id);
                                cards.insert(at, card);
                            }
                            (None, None) => {}
                        }
                    }
                }
                Read::Run(Some(run)) => {
                    let Body::Sop(sop) = &mut v.state.body else {
                        return;
                    };
                    if let Some(slot) = sop.runs.iter_mut().find(|r| r.id == run.id) {
                        *slot = run;
                    }
                }
                Read::Run(None) => {}
                Read::Text(field, text) => {
                    if let Some(shown) = v.state.text_mut(field) {
                        *shown = text;
                    }
                    if !name.trim().is_empty() {
                        v.state.people.insert(me.clone(), name.clone());
                    }
                }
            }
            title = Some(v.state.title.clone());
        });
        if let (Some(title), Some(mut held)) = (title, self.held(id)) {
            if held.title != title {
                held.title = title;
                self.put_held_entry(held);
            }
        }
        if edited {
            self.live_changed(id);
        }
        match result {
            Ok(r) => Some(r),
            Err(e) => {
                self.say(format!("{e}"), None);
                None
            }
        }
    }

    /// Marks an item of the shown document deleted, with Undo in the notice.
    pub fn delete_shared_item(self, list: crate::model::shared::ItemList, id: &str, what: &str) {
        let Some(doc) = self.shared.with_untracked(|v| v.as_ref().map(|v| v.id)) else {
            return;
        };
        if self
            .collab_edit(|d, _, _, _| d.set_gone(list, id, true))
            .is_some()
        {
            self.say(
                format!("{what} deleted."),
                Some(super::Undo::SharedItem {
                    doc,
                    list,
                    id: id.to_owned(),
                }),
            );
        }
    }

    /// The links on offer for the shown document.
    pub fn share_offer(self) -> Option<ShareOffer> {
        let id = self.shared.with_untracked(|v| v.as_ref().map(|v| v.id))?;
        let (me, _, sender) = my_ids(self);
        let held = self.held(id)?;
        let peers: Vec<_> = held
            .peers
            .iter()
            .filter(|(who, _)| **who != me)
            .map(|(_, heads)| heads.clone())
            .collect();
        let made = self.inner.try_update_value(|i| {
            let open = i.shared.get_mut(&id)?;
            let full = exchange::full_link(&mut open.doc, sender).to_fragment();
            let reply = if peers.is_empty() {
                None
            } else {
                exchange::reply_link(&mut open.doc, sender, &peers).map(|s| s.to_fragment())
            };
            Some((full, reply, open.doc.title()))
        });
        let (full, reply, title) = made.flatten()?;
        // A document kept in sync offers its server to whoever opens the link.
        let invite = self.sync_invite(id).map(|i| i.suffix()).unwrap_or_default();
        let full = Self::link_for(&format!("{full}{invite}"));
        let reply = reply
            .map(|r| Self::link_for(&format!("{r}{invite}")))
            .filter(|r| r.len() < full.len())
            .map(|r| {
                let fit = link_fit(r.len());
                (r, fit)
            });
        Some(ShareOffer {
            full_fit: link_fit(full.len()),
            full,
            reply,
            title,
        })
    }

    /// The shown document as a `.unhurried` file, offered as a download.
    pub fn share_file_bytes(self) -> Option<(Vec<u8>, String)> {
        let id = self.shared.with_untracked(|v| v.as_ref().map(|v| v.id))?;
        let (_, _, sender) = my_ids(self);
        let made = self.inner.try_update_value(|i| {
            let open = i.shared.get_mut(&id)?;
            let share = exchange::full_link(&mut open.doc, sender);
            Some((encode_share_file(&share), open.doc.title()))
        });
        let (bytes, title) = made.flatten()?;
        Some((bytes, file_name(&title)))
    }

    /// Takes in a link's fragment. Returns the document's id and plain words for the person.
    /// A link to a document kept in sync also offers its server (`SyncInvite`).
    pub fn receive_fragment(self, fragment: &str) -> Result<(DocId, String), String> {
        let (link, invite) = SyncInvite::split(fragment);
        let share = Share::from_fragment(link).map_err(|e| e.to_string())?;
        let received = self.receive_share(share)?;
        if let Some(invite) = invite {
            self.note_sync_offer(received.0, invite);
        }
        Ok(received)
    }

    /// Takes in any `.unhurried` file: a shared document, or a personal backup.
    pub fn receive_file(self, bytes: &[u8]) -> Result<(Option<DocId>, String), String> {
        match read_any_file(bytes)? {
            FileContent::Shared(share) => self
                .receive_share(share)
                .map(|(id, message)| (Some(id), message)),
            FileContent::Personal(_) | FileContent::Backup(_) => {
                self.import_file(bytes).map(|m| (None, m))
            }
        }
    }

    pub(super) fn receive_share(self, share: Share) -> Result<(DocId, String), String> {
        match DocKind::from_code(share.kind) {
            Some(DocKind::Page) => return self.receive_page_share(share),
            Some(DocKind::Dashboard | DocKind::Form) => return self.receive_published(share),
            Some(DocKind::Reply) => return self.receive_reply(share),
            _ => {}
        }
        let id = share.doc_id;
        let (me, _, _) = my_ids(self);
        let sender = exchange::hex(&share.sender);
        let held = self.held(id);
        if held.is_some() && self.has_content(id) {
            // A held document that cannot be loaded is not replaced by the link's copy.
            self.ensure_loaded(id)?;
        }
        let outcome = self.inner.try_update_value(|i| {
            let local = i.shared.get_mut(&id).map(|o| &mut o.doc);
            match exchange::receive(&share, local) {
                Ok(Received::New(doc)) => {
                    let mut doc = *doc;
                    let tab = i.tab.clone();
                    let mut store = DocStore::new(DeviceStore::open(), &store_name(id), &tab);
                    // The link's bytes are a whole saved document already: storing them
                    // spares a second encoding; the next compaction compresses them.
                    let saved = store.compact(&share.bytes);
                    let (title, from) = (doc.title(), doc.name_of(&sender));
                    let heads = doc.heads();
                    i.shared.insert(id, OpenShared::new(doc, store));
                    Ok((true, true, saved, title, from, heads))
                }
                Ok(Received::Merged(changed)) => {
                    let open = i
                        .shared
                        .get_mut(&id)
                        .expect("merged into a loaded document");
                    let saved = if changed {
                        save_open(open)
                    } else {
                        Saved::Stored
                    };
                    let heads = open.doc.heads();
                    let (title, from) = (open.doc.title(), open.doc.name_of(&sender));
                    Ok((false, changed, saved, title, from, heads))
                }
                Err(e) => Err(e.to_string()),
            }
        });
        let (is_new, changed, saved, doc_title, from, heads) =
            outcome.ok_or_else(|| "The app is not ready yet.".to_owned())??;
        if let Saved::InMemoryOnly(e) = saved {
            self.health.set(memory_only(&e));
        }
        let sender_heads = Heads::new(share.heads.clone());
        let kind = DocKind::from_code(share.kind).unwrap_or(DocKind::Discussion);
        let mut held = held.unwrap_or_else(|| HeldDoc {
            id,
            kind,
            added: now_ms(),
            // First time: everything is shown as it is, nothing marked new.
            seen: heads,
            ..Default::default()
        });
        held.title = doc_title.clone();
        if sender != me {
            held.peers.insert(sender.clone(), sender_heads);
        }
        self.put_held_entry(held);
        if changed {
            self.live_changed(id);
        }
        let title = display(&doc_title);
        let message = if is_new {
            format!("Opened “{title}” from {from}.")
        } else if !changed {
            format!("Everything in that link was already in “{title}”.")
        } else if share.payload == PayloadKind::Changes {
            format!("Merged {from}'s reply into “{title}”.")
        } else {
            format!("Merged {from}'s copy of “{title}”.")
        };
        Ok((id, message))
    }
}

/// Stores the changes since the last save of a shared document.
pub(super) fn save_open(open: &mut OpenShared) -> Saved {
    save_shared(&mut open.doc, &mut open.store)
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn display(title: &str) -> String {
    let t = title.trim();
    if t.is_empty() {
        "Untitled".into()
    } else {
        t.chars().take(60).collect()
    }
}

/// A file name from a title: "pick-a-launch-date.unhurried".
pub fn file_name(title: &str) -> String {
    let slug: String = title
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .take(6)
        .collect::<Vec<_>>()
        .join("-");
    if slug.is_empty() {
        "discussion.unhurried".into()
    } else {
        format!("{slug}.unhurried")
    }
}

/// Merges parts another tab wrote for a shared document loaded here.
pub(super) fn merge_shared_part(
    shared: &mut BTreeMap<DocId, OpenShared>,
    key: &str,
    value: Option<&[u8]>,
) -> Option<DocId> {
    for (id, open) in shared.iter_mut() {
        let Some(bytes) = open.store.foreign_part(key, value) else {
            continue;
        };
        if open.doc.apply_incremental(check_stored(bytes).ok()?).ok()? {
            if open.doc.is_complete() {
                open.store.mark_merged(key);
            }
            return Some(*id);
        }
        return None;
    }
    None
}
