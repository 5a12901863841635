//! 'How to work with me' pages as the UI sees them: publishing one's own (refreshed
//! from the boundaries and the week each time it is shared) and opening others'.
//! A page is small, so it is stored whole and read from storage each time it is shown;
//! another tab's update is then never stale.

use crate::codec::chunks::check_stored;
use leptos::prelude::*;

use super::shared::my_ids;
use super::{memory_only, Workspace};
use crate::doc::page::PageDoc;
use crate::model::ids::DocId;
use crate::model::kind::DocKind;
use crate::model::page::PageState;
use crate::model::HeldDoc;
use crate::share::link::Share;
use crate::share::page_link::{self, new_author_key, PageReceived, Trusted};
use crate::store::device::DeviceStore;
use crate::store::{DocStore, Saved};
use crate::web::now_ms;

pub(super) fn store_name(id: DocId) -> String {
    format!("p-{id}")
}

/// What the author sees after publishing.
#[derive(Clone, Debug, PartialEq)]
pub struct Published {
    pub link: String,
    /// Whether this publication changed the page (readers need the new link).
    pub changed: bool,
}

impl Workspace {
    fn page_store(self, id: DocId) -> DocStore<DeviceStore> {
        let tab = self.inner.with_value(|i| i.tab.clone());
        DocStore::new(DeviceStore::open(), &store_name(id), &tab)
    }

    /// The stored bytes of a one-author snapshot (a page, dashboard or form); empty when
    /// none is stored.
    pub(super) fn read_snapshot(self, id: DocId) -> Result<Vec<u8>, String> {
        let store = self.page_store(id);
        let (bytes, _) = store
            .read_all()
            .map_err(|e| format!("This could not be read from storage ({e})."))?;
        Ok(bytes)
    }

    fn read_page(self, id: DocId) -> Result<Option<PageDoc>, String> {
        let bytes = self.read_snapshot(id)?;
        if bytes.is_empty() {
            return Ok(None);
        }
        check_stored(&bytes)
            .map_err(crate::doc::DocError::from)
            .and_then(PageDoc::load)
            .map(Some)
            .map_err(|e| format!("This page could not be read ({e})."))
    }

    /// Replaces whatever is stored for the page with this snapshot. Snapshots share no
    /// history, so an older part left beside the new one would be merged with it on the
    /// next load, and its values could win.
    fn store_page(self, id: DocId, doc: &mut PageDoc) {
        self.store_snapshot(id, &doc.save());
    }

    /// Replaces whatever is stored for a one-author snapshot with `bytes`.
    pub(super) fn store_snapshot(self, id: DocId, bytes: &[u8]) {
        // A writer id of its own, so the new part never has the key of an old one
        // (this tab may have stored the page before) and only the old ones go.
        let writer = crate::doc::random_id();
        let mut store = DocStore::new(DeviceStore::open(), &store_name(id), &writer[..12]);
        if let Ok((_, keys)) = store.read_all() {
            store.mark_loaded(keys);
        }
        if let Saved::InMemoryOnly(e) = store.compact(bytes) {
            self.health.set(memory_only(&e));
        }
    }

    /// A held page as a backup carries it: its snapshot as an unsigned frame, taken back
    /// only where no copy exists and only under the key listed for the page.
    pub(super) fn page_backup_entry(self, id: DocId) -> Option<Share> {
        let mut doc = self.read_page(id).ok()??;
        let (_, _, sender) = my_ids(self);
        Some(Share {
            payload: crate::share::link::PayloadKind::Document,
            kind: DocKind::Page.code(),
            doc_id: doc.id()?,
            sender,
            heads: doc.heads().hashes().to_vec(),
            bytes: doc.save_for_link(),
            signature: None,
        })
    }

    /// Restores a page from a backup. A backup fills a gap and never replaces a copy
    /// here (only a newer signed link does), and the snapshot must be by the author
    /// this person's data lists for the page. Returns whether it was stored.
    pub(super) fn import_page_snapshot(self, share: &Share) -> Result<bool, String> {
        let id = share.doc_id;
        if self.read_page(id)?.is_some() {
            return Ok(false);
        }
        let mut doc = share
            .checked()
            .map_err(|e| e.to_string())
            .and_then(|c| PageDoc::load(c).map_err(|e| e.to_string()))?;
        let mine = self
            .inner
            .with_value(|i| i.doc.my_page())
            .filter(|(page, _)| *page == id)
            .and_then(|(_, secret)| page_link::public_of(&secret));
        let trusted = self
            .held(id)
            .map(|h| h.key)
            .filter(|k| !k.is_empty())
            .or(mine);
        if doc.id() != Some(id) || trusted.as_deref() != Some(doc.author_key().as_str()) {
            return Err("This page is not by the author your data lists for it.".into());
        }
        self.store_page(id, &mut doc);
        Ok(true)
    }

    /// A held page as it reads now.
    pub fn page_state(self, id: DocId) -> Result<PageState, String> {
        match self.read_page(id)? {
            Some(doc) => Ok(doc.state()),
            None => Err("This page is listed in your data, but its content is not in this browser. Open its link again and it will be here.".into()),
        }
    }

    /// The id of one's own page, when it has been shared before.
    pub fn my_page_id(self) -> Option<DocId> {
        self.inner.with_value(|i| i.doc.my_page().map(|(id, _)| id))
    }

    /// Whether one's own page has been shared: it is then among the held documents.
    /// Reads the state, so a view that asks follows it.
    pub fn page_shared(self) -> bool {
        let Some(id) = self.my_page_id() else {
            return self.state.with(|_| false);
        };
        self.state.with(|s| s.held.iter().any(|h| h.id == id))
    }

    /// One's page id and signing key (private and public, hex), made the first time
    /// something is published and kept in the personal document, so any of the person's
    /// devices can publish later. Pages, dashboards and forms are signed with it.
    pub(super) fn author_key(self) -> Result<(DocId, String, String), String> {
        let (id, secret) = match self.inner.with_value(|i| i.doc.my_page()) {
            Some(found) => found,
            None => {
                let (secret, _) = new_author_key();
                let id = crate::doc::random_doc_id();
                self.edit(|d| d.set_my_page(id, &secret))
                    .ok_or_else(|| "The signing key could not be created.".to_owned())?;
                (id, secret)
            }
        };
        let public = page_link::public_of(&secret)
            .ok_or_else(|| "Your signing key is damaged, so this cannot be shared.".to_owned())?;
        Ok((id, secret, public))
    }

    /// Publishes one's page from the boundaries and the week and returns its signed
    /// link. The first time, the page's id and signing key are made and kept in the
    /// personal document, so any of the person's devices can publish it later.
    pub fn publish_page(self) -> Result<Published, String> {
        let (me, name, sender) = my_ids(self);
        let (id, secret, public) = self.author_key()?;
        let state = self.state.with_untracked(|s| {
            PageState::from_sources(
                &id.to_string(),
                &me,
                &name,
                &s.profile.time_zone,
                &s.boundaries,
                &s.schedule,
                now_ms(),
            )
        });
        // Unchanged since the last publication: the same link, so readers see no update.
        // Otherwise a later time than the last one, even if the clock disagrees, so
        // readers always take the new one.
        let (mut doc, changed) = match self.read_page(id).ok().flatten() {
            Some(doc) if !state.differs_from(&doc.state()) => (doc, false),
            last => {
                let mut state = state;
                if let Some(last) = last {
                    state.published = state.published.max(last.published() + 1);
                }
                (PageDoc::snapshot(&state, &public), true)
            }
        };
        if changed {
            self.store_page(id, &mut doc);
        }
        let share = page_link::page_link(&mut doc, &secret, sender).map_err(|e| e.to_string())?;
        let mut held = self.held(id).unwrap_or_else(|| HeldDoc {
            id,
            kind: DocKind::Page,
            added: now_ms(),
            ..HeldDoc::default()
        });
        let heads = doc.heads();
        let title = page_title(&name);
        if held.title != title || held.seen != heads || held.key != public {
            held.title = title;
            held.seen = heads;
            held.key = public;
            self.put_held_entry(held);
        }
        let link = Self::link_for(&share.to_fragment());
        Ok(Published { link, changed })
    }

    /// Takes in a page link: a new page is stored, a newer publication replaces the copy
    /// here, and anything not signed by the page's author is refused.
    pub(super) fn receive_page_share(self, share: Share) -> Result<(DocId, String), String> {
        let id = share.doc_id;
        let held = self.held(id);
        if held.as_ref().is_some_and(|h| h.kind != DocKind::Page) {
            return Err("This link belongs to a different document than the one it claims. Nothing was changed.".into());
        }
        let local = self.read_page(id)?;
        // What this device trusts without a copy: the key listed with the page, or, for
        // one's own page, the key one holds.
        let mine = self
            .inner
            .with_value(|i| i.doc.my_page())
            .filter(|(page, _)| *page == id)
            .and_then(|(_, secret)| page_link::public_of(&secret));
        let trusted = held
            .as_ref()
            .map(|h| h.key.clone())
            .filter(|k| !k.is_empty())
            .or(mine)
            .map(|key| Trusted {
                key,
                name: String::new(),
            });
        let outcome =
            page_link::receive_page(&share, local.as_ref(), trusted).map_err(|e| e.to_string())?;
        let (mut doc, changed, is_new) = match outcome {
            PageReceived::New(doc) => (*doc, true, true),
            PageReceived::Newer(doc) => (*doc, true, false),
            PageReceived::Unchanged => (local.expect("compared with a local copy"), false, false),
        };
        if changed {
            self.store_page(id, &mut doc);
        }
        let state = doc.state();
        let title = page_title(&state.author_name);
        let mut held = held.unwrap_or_else(|| HeldDoc {
            id,
            kind: DocKind::Page,
            added: now_ms(),
            ..HeldDoc::default()
        });
        held.title = title.clone();
        held.seen = doc.heads();
        held.key = doc.author_key();
        self.put_held_entry(held);
        Ok((id, received_words(&title, is_new, changed)))
    }
}

/// What taking in a signed link did, in words: "Opened …", "Updated …", or that the
/// copy here was already up to date.
pub(super) fn received_words(title: &str, is_new: bool, changed: bool) -> String {
    if is_new {
        format!("Opened {title}.")
    } else if changed {
        format!("Updated {title}.")
    } else {
        format!("{title} was already up to date.")
    }
}

/// "Ana's “How to work with me”".
pub fn page_title(name: &str) -> String {
    let name = name.trim();
    if name.is_empty() {
        "“How to work with me”".into()
    } else {
        format!("{name}'s “How to work with me”")
    }
}
