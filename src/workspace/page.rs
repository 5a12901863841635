//! 'How to work with me' pages as the UI sees them: publishing one's own (refreshed
//! from the boundaries and the week each time it is shared) and opening others'.
//! A page is small, so it is stored whole and read from storage each time it is shown;
//! another tab's update is then never stale.

use leptos::prelude::*;

use super::shared::my_ids;
use super::{memory_only, Workspace};
use crate::doc::page::PageDoc;
use crate::doc::DocKind;
use crate::model::page::PageState;
use crate::model::HeldDoc;
use crate::share::exchange;
use crate::share::link::{link_fit, LinkFit, Share};
use crate::share::page_link::{self, new_author_key, PageReceived};
use crate::store::local::LocalStore;
use crate::store::{DocStore, Saved};
use crate::web::now_ms;

fn store_name(id: &str) -> String {
    format!("p-{id}")
}

/// What the author sees after publishing.
#[derive(Clone, Debug, PartialEq)]
pub struct Published {
    pub link: String,
    pub fit: LinkFit,
    /// Whether this publication changed the page (readers need the new link).
    pub changed: bool,
}

impl Workspace {
    fn page_store(self, id: &str) -> DocStore<LocalStore> {
        let tab = self.inner.with_value(|i| i.tab.clone());
        DocStore::new(LocalStore::open(), &store_name(id), &tab)
    }

    fn read_page(self, id: &str) -> Result<Option<PageDoc>, String> {
        let store = self.page_store(id);
        let (bytes, _) = store
            .read_all()
            .map_err(|e| format!("This page could not be read from storage ({e})."))?;
        if bytes.is_empty() {
            return Ok(None);
        }
        PageDoc::load(&bytes)
            .map(Some)
            .map_err(|e| format!("This page could not be read ({e})."))
    }

    fn store_page(self, doc: &mut PageDoc) {
        let mut store = self.page_store(&doc.id());
        if let Saved::InMemoryOnly(e) = store.compact(&doc.save()) {
            self.health.set(memory_only(&e));
        }
    }

    /// A held page as it reads now.
    pub fn page_state(self, id: &str) -> Result<PageState, String> {
        match self.read_page(id)? {
            Some(doc) => Ok(doc.state()),
            None => Err("This page is listed in your data, but its content is not in this browser. Open its link again and it will be here.".into()),
        }
    }

    /// The page one's own boundaries and week would publish now.
    pub fn page_preview(self) -> PageState {
        self.state.with(|s| {
            PageState::from_sources(
                "",
                &s.profile.actor_id,
                &s.profile.display_name,
                &s.profile.time_zone,
                &s.boundaries,
                &s.schedule,
                now_ms(),
            )
        })
    }

    /// The id of one's own page, when it has been shared before.
    pub fn my_page_id(self) -> Option<String> {
        self.inner.with_value(|i| i.doc.my_page().map(|(id, _)| id))
    }

    /// Refreshes one's page from the boundaries and the week, stores it, and returns
    /// its signed link. The first time, the page and its signing key are made.
    pub fn publish_page(self) -> Result<Published, String> {
        let (me, name, sender) = my_ids(self);
        let existing = self.inner.with_value(|i| i.doc.my_page());
        let (mut doc, secret) = match existing {
            Some((id, secret)) => match self.read_page(&id)? {
                Some(doc) => (doc, secret),
                // Shared from another device whose page is not stored here: start a
                // new page rather than publish one readers could not merge.
                None => self.new_page(&me)?,
            },
            None => self.new_page(&me)?,
        };
        let id = doc.id();
        let state = self.state.with_untracked(|s| {
            PageState::from_sources(
                &id,
                &me,
                &name,
                &s.profile.time_zone,
                &s.boundaries,
                &s.schedule,
                now_ms(),
            )
        });
        let changed = doc.publish(&state).map_err(|e| e.to_string())?;
        self.store_page(&mut doc);
        let share = page_link::page_link(&mut doc, &secret, sender).map_err(|e| e.to_string())?;
        let held = self.held(&id).unwrap_or_else(|| HeldDoc {
            id: id.clone(),
            kind: DocKind::Page.key().into(),
            added: now_ms(),
            ..HeldDoc::default()
        });
        let title = page_title(&name);
        if held.title != title || held.seen.is_empty() {
            let mut held = held;
            held.title = title;
            held.seen = exchange::heads_to_hex(&doc.heads());
            self.put_held_entry(held);
        }
        let link = Self::link_for(&share.to_fragment());
        Ok(Published {
            fit: link_fit(link.len()),
            link,
            changed,
        })
    }

    fn new_page(self, me: &str) -> Result<(PageDoc, String), String> {
        let (secret, public) = new_author_key();
        let doc = PageDoc::create(me, &public);
        let id = doc.id();
        self.edit(|d| d.set_my_page(&id, &secret))
            .ok_or_else(|| "The page could not be created.".to_owned())?;
        Ok((doc, secret))
    }

    /// Takes in a page link: new pages are stored, known ones updated, and anything
    /// not signed by the page's author refused.
    pub(super) fn receive_page_share(self, share: Share) -> Result<(String, String), String> {
        let id = exchange::hex(&share.doc_id);
        let mut local = self.read_page(&id)?;
        let outcome = page_link::receive_page(&share, local.as_mut()).map_err(|e| e.to_string())?;
        let (mut doc, changed, is_new) = match outcome {
            PageReceived::New(doc) => (*doc, true, true),
            PageReceived::Merged(changed) => {
                (local.expect("merged into a local copy"), changed, false)
            }
        };
        if changed {
            self.store_page(&mut doc);
        }
        let state = doc.state();
        let title = page_title(&state.author_name);
        let mut held = self.held(&id).unwrap_or_else(|| HeldDoc {
            id: id.clone(),
            kind: DocKind::Page.key().into(),
            added: now_ms(),
            ..HeldDoc::default()
        });
        held.title = title.clone();
        held.seen = exchange::heads_to_hex(&doc.heads());
        self.put_held_entry(held);
        let message = if is_new {
            format!("Opened {title}.")
        } else if changed {
            format!("Updated {title}.")
        } else {
            format!("{title} was already up to date.")
        };
        Ok((id, message))
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
