//! The open personal document as the UI sees it: reactive state, edits that save at
//! once, merges from other tabs and from backup files, and plain-words status.
//! Components reach it through context (`use_workspace`) and never touch Automerge or
//! storage themselves.

use crate::codec::chunks::{check, check_stored, Limits};
mod clients;
mod live;
mod page;
mod recordings;
mod reminders;
mod reviews;
mod runs;
mod shared;
mod week;

use std::collections::BTreeMap;

use leptos::prelude::*;

pub use live::{Connection, DocSync, LiveStatus};
pub use page::{page_title, Published};
pub use runs::SopDue;
pub use shared::{file_name, ShareOffer, SharedView};
pub use week::WeekValue;

// What the screens need from the layers below, so that they never reach past the
// workspace (`tests/layers.rs`).
pub use crate::doc::random_id as new_id;
pub use crate::doc::shared::board::BoardEdit;
pub use crate::doc::shared::discussion::DiscussionEdit;
pub use crate::doc::shared::feedback::FeedbackEdit;
pub use crate::doc::shared::meeting::MeetingEdit;
pub use crate::doc::shared::sop::SopEdit;
pub use crate::doc::shared::SharedEdit;
pub use crate::model::recording::RecordingInfo;
pub use crate::share::link::{LinkFit, LINK_BUDGET, LINK_FITS_ANY_CHAT};
pub use crate::share::{MAX_FILE_BYTES, MAX_RECORDINGS_FILE_BYTES};
pub use crate::store::persist::{request_persistence, status as storage_status, StorageStatus};
pub use crate::store::usage::{Stored, Usage};
pub use crate::web::recorder::Source;
pub use recordings::media_message;

/// Whether documents are kept in IndexedDB (rather than localStorage standing in).
pub fn in_indexed_db() -> bool {
    DeviceStore::in_indexed_db()
}

/// Opens this browser's storage, moving what an earlier version kept in localStorage;
/// the app is mounted once it is open.
pub async fn open_storage() {
    crate::store::device::start(now_ms()).await;
}

use crate::doc::{Access, DocError, PersonalDoc};
use crate::model::ids::DocId;
use crate::model::inventory::{Task, TaskId};
use crate::model::kind::DocKind;
use crate::model::profile::Profile;
use crate::model::rate::Rate;
use crate::model::PersonalState;
use crate::session::{open_personal, OpenedPersonal};
use crate::share::{decode_file, encode_backup, read_any_file, FileContent};
use crate::store::device::DeviceStore;
use crate::store::{DocStore, KeyValue, Saved, StoreError};
use crate::web::now_ms;

const DOC_NAME: &str = "personal";

pub use crate::session::StorageHealth;

/// What an Undo button puts back.
#[derive(Clone, Debug, PartialEq)]
pub enum Undo {
    /// A deleted task.
    Task(Task),
    /// Data kept aside as unreadable, deleted from Settings: its key and bytes.
    Aside { key: String, bytes: Vec<u8> },
    /// An item deleted from a shared document (it is only marked gone).
    SharedItem {
        doc: DocId,
        list: crate::model::shared::ItemList,
        id: String,
    },
    /// A deleted block, deadline, person, channel or escalation step.
    Week(WeekValue),
    /// A reminder deleted or marked done.
    Reminder(crate::model::reminder::Reminder),
    /// A recording deleted from this device: its whole record, video included.
    Video(wasm_bindgen::JsValue),
}

/// A short message shown at the bottom of the screen, optionally with undo.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub text: String,
    pub undo: Option<Undo>,
    /// Distinguishes two notices with the same text, so each one restarts its timer.
    pub serial: u64,
}

struct Inner {
    /// This tab's random id: part keys it writes carry it.
    tab: String,
    /// Shared documents loaded in this tab, by id.
    shared: BTreeMap<DocId, shared::OpenShared>,
    doc: PersonalDoc,
    store: DocStore<DeviceStore>,
    /// A stored document that could not be read, kept aside; offered for export.
    aside: Option<Vec<u8>>,
    /// Unreadable data could not be moved aside: write nothing, so nothing is written over it.
    write_blocked: bool,
    notice_serial: u64,
    live: live::Live,
    /// The recordings kept on this device, with their sizes in bytes (read through
    /// `Workspace::videos`, tracked by `stored`).
    videos: Vec<(RecordingInfo, u64)>,
}

/// The handle components hold: small and `Copy`.
#[derive(Clone, Copy)]
pub struct Workspace {
    pub state: RwSignal<PersonalState>,
    pub health: RwSignal<StorageHealth>,
    pub notice: RwSignal<Option<Notice>>,
    /// Plain words about a stored document that could not be read, when there was one.
    pub aside_message: RwSignal<Option<String>>,
    /// The shared document on screen, if any.
    pub shared: RwSignal<Option<SharedView>>,
    /// Set when someone without a name tried to write in a shared document: the UI asks
    /// for the name there and then, instead of at the door.
    pub name_wanted: RwSignal<bool>,
    /// Live sync with a sync server: its address, the connection, the documents kept.
    pub live: RwSignal<LiveStatus>,
    /// Notified when dashboards, forms, their replies or a respondent's answers change.
    pub clients: Trigger,
    /// Notified when data kept aside is deleted or put back, and when the recordings
    /// kept on this device change.
    pub stored: Trigger,
    inner: StoredValue<Inner, LocalStorage>,
}

pub fn use_workspace() -> Workspace {
    expect_context::<Workspace>()
}

fn memory_only(e: &StoreError) -> StorageHealth {
    StorageHealth::memory_only(e)
}

impl Workspace {
    /// Opens the personal document from this browser's storage (or starts one).
    pub fn open() -> Self {
        let tab = crate::doc::random_id()[..12].to_owned();
        let mut store = DocStore::new(DeviceStore::open(), DOC_NAME, &tab);
        let OpenedPersonal {
            doc,
            health,
            mut aside,
            mut aside_message,
            write_blocked,
        } = open_personal(&mut store, now_ms());
        // Parts damaged in localStorage were set aside as they moved: said the same way.
        let damaged = DeviceStore::set_aside_on_move();
        if !damaged.is_empty() && aside_message.is_none() {
            aside_message = Some(match damaged.len() {
                1 => "1 damaged part of your saved data could not be read.".to_owned(),
                n => format!("{n} damaged parts of your saved data could not be read."),
            });
            let store = DeviceStore::open();
            let bytes: Vec<u8> = damaged
                .iter()
                .filter_map(|key| store.get(key).ok().flatten())
                .flatten()
                .collect();
            aside = Some(bytes);
        }
        let state = doc.state();
        let ws = Workspace {
            state: RwSignal::new(state),
            health: RwSignal::new(health),
            notice: RwSignal::new(None),
            aside_message: RwSignal::new(aside_message),
            shared: RwSignal::new(None),
            name_wanted: RwSignal::new(false),
            clients: Trigger::new(),
            stored: Trigger::new(),
            live: RwSignal::new(LiveStatus {
                server: None,
                connection: Connection::Off,
                docs: Default::default(),
                offers: Default::default(),
                tick: 0,
            }),
            inner: StoredValue::new_local(Inner {
                live: live::Live::new(&tab),
                tab,
                shared: BTreeMap::new(),
                doc,
                store,
                aside,
                write_blocked,
                notice_serial: 0,
                videos: Vec::new(),
            }),
        };
        ws.listen_to_other_tabs();
        ws.watch_videos();
        ws.listen_to_network();
        ws.start_live();
        ws
    }

    fn listen_to_other_tabs(self) {
        // Device settings stay in localStorage, so its event still tells of theirs; and a
        // tab that went away with writes not yet in IndexedDB left them there (base64).
        let handle = window_event_listener(leptos::ev::storage, move |ev| {
            let Some(key) = ev.key() else { return };
            if self.live_settings_changed(&key) {
                return;
            }
            let bytes = ev
                .new_value()
                .and_then(|text| crate::store::decode_text(&text).ok());
            if let Some(bytes) = bytes {
                self.merge_from_other_tab(&key, Some(&bytes));
            }
        });
        // The workspace lives as long as the page.
        std::mem::forget(handle);
        DeviceStore::on_foreign(move |key, value| self.merge_from_other_tab(key, value));
        DeviceStore::on_health(move |refused| self.stored_or_not(refused));
    }

    /// A batch of writes was kept, or refused and waits in memory.
    fn stored_or_not(self, refused: Option<&StoreError>) {
        // A workspace whose owner is gone (tests open several) hears nothing.
        let Some(health) = self.health.try_get_untracked() else {
            return;
        };
        match refused {
            Some(e) if !matches!(health, StorageHealth::ReadOnly { .. }) => {
                self.health.try_set(memory_only(e));
            }
            None if matches!(health, StorageHealth::MemoryOnly(_)) => {
                let blocked = self.inner.try_with_value(|i| i.write_blocked);
                if blocked == Some(false) {
                    self.health.try_set(StorageHealth::Saved);
                }
            }
            _ => {}
        }
    }

    fn merge_from_other_tab(self, key: &str, value: Option<&[u8]>) {
        let merged_shared = self
            .inner
            .try_update_value(|inner| shared::merge_shared_part(&mut inner.shared, key, value))
            .flatten();
        if let Some(id) = merged_shared {
            self.shared_arrived(id);
            return;
        }
        let changed = self.inner.try_update_value(|inner| {
            let bytes = inner.store.foreign_part(key, value)?;
            let applied = check_stored(bytes)
                .map_err(DocError::from)
                .and_then(|checked| inner.doc.apply_incremental(checked));
            match applied {
                Ok(changed) => {
                    // Only a part whose changes are all in the document may be removed later.
                    if inner.doc.is_complete() {
                        inner.store.mark_merged(key);
                    }
                    Some(changed)
                }
                Err(_) => None,
            }
        });
        if changed.flatten() == Some(true) {
            if let Access::ReadOnly { found_schema } = self.inner.with_value(|i| i.doc.access()) {
                self.health.set(StorageHealth::ReadOnly { found_schema });
            }
            self.refresh();
        }
    }

    /// Re-reads the whole state from the document (after merges).
    fn refresh(self) {
        let state = self.inner.with_value(|inner| inner.doc.state());
        self.state.set(state);
        self.clients.notify();
    }

    /// Runs an edit, stores it at once as a small part, and reports trouble in plain words.
    fn edit<R>(self, f: impl FnOnce(&mut PersonalDoc) -> Result<R, DocError>) -> Option<R> {
        let outcome = self.inner.try_update_value(|inner| {
            let result = f(&mut inner.doc);
            if result.is_ok() {
                let bytes = inner.doc.save_incremental();
                let saved = if inner.write_blocked {
                    Saved::InMemoryOnly(StoreError::Unavailable(
                        "saved data that could not be read is still in the way".into(),
                    ))
                } else {
                    let doc = &mut inner.doc;
                    inner.store.save(&bytes, || doc.save())
                };
                Some((result, Some(saved)))
            } else {
                Some((result, None))
            }
        });
        let (result, saved) = outcome.flatten()?;
        match saved {
            // A refused edit wrote nothing, so what the banner says still holds.
            None => {}
            // In the mirror; while IndexedDB refuses, the banner stays until a batch is kept.
            Some(Saved::Stored)
                if matches!(self.health.get_untracked(), StorageHealth::MemoryOnly(_))
                    && DeviceStore::refused().is_none() =>
            {
                self.health.set(StorageHealth::Saved);
            }
            Some(Saved::Stored) => {}
            Some(Saved::InMemoryOnly(e)) => self.health.set(memory_only(&e)),
        }
        match result {
            Ok(r) => Some(r),
            Err(e) => {
                self.say(format!("That change was not made: {e}."), None);
                None
            }
        }
    }

    /// Shows a notice at the bottom of the screen.
    pub fn say(self, text: String, undo: Option<Undo>) {
        let serial = self
            .inner
            .try_update_value(|inner| {
                inner.notice_serial += 1;
                inner.notice_serial
            })
            .unwrap_or(0);
        self.notice.set(Some(Notice { text, undo, serial }));
    }

    pub fn set_profile(self, profile: Profile) {
        if self.edit(|doc| doc.set_profile(&profile)).is_some() {
            self.state.update(|s| s.profile = profile);
        }
    }

    /// Gives someone who arrived by a link, before any welcome, an id to write under and
    /// the browser's zone to read times in. The name stays empty until they first write.
    pub fn ensure_identity(self) {
        let profile = self.state.with_untracked(|s| s.profile.clone());
        if !profile.actor_id.is_empty() && !profile.time_zone.is_empty() {
            return;
        }
        let zone = crate::web::browser_time_zone();
        let time_zone = if !profile.time_zone.is_empty() {
            profile.time_zone.clone()
        } else if let Some(tz) = crate::model::profile::parse_time_zone(&zone) {
            tz.name().to_owned()
        } else {
            "UTC".to_owned()
        };
        let actor_id = if profile.actor_id.is_empty() {
            crate::doc::random_id()
        } else {
            profile.actor_id.clone()
        };
        self.set_profile(Profile {
            time_zone,
            actor_id,
            ..profile
        });
    }

    /// Sets the name of someone who first gave it while writing; returns whether it was kept.
    pub fn name_myself(self, display_name: String) -> bool {
        self.ensure_identity();
        let profile = self.state.with_untracked(|s| s.profile.clone());
        self.set_profile(Profile {
            display_name,
            ..profile
        });
        let named = self.state.with_untracked(|s| s.profile.is_set_up());
        if named {
            self.name_wanted.set(false);
        }
        named
    }

    /// Adds a task with sensible defaults and returns its id.
    pub fn add_task(self, title: &str) -> Option<TaskId> {
        let task = Task::new(TaskId::new(crate::doc::random_id()), title.trim(), now_ms());
        let id = task.id.clone();
        self.edit(|doc| doc.put_task(&task))?;
        self.state.update(|s| s.tasks.push(task));
        Some(id)
    }

    /// Saves a task's new values; only the fields that changed are written.
    pub fn update_task(self, task: Task) {
        if self.edit(|doc| doc.put_task(&task)).is_some() {
            self.state.update(|s| {
                if let Some(slot) = s.tasks.iter_mut().find(|t| t.id == task.id) {
                    *slot = task;
                }
            });
        }
    }

    pub fn delete_task(self, id: &TaskId) {
        if let Some(Some(task)) = self.edit(|doc| doc.delete_task(id)) {
            self.state.update(|s| s.tasks.retain(|t| t.id != *id));
            let text = format!("Deleted “{}”.", display_title(&task.title));
            self.say(text, Some(Undo::Task(task)));
        }
    }

    /// Puts back what a notice's Undo refers to.
    pub fn undo(self, undo: Undo) {
        match undo {
            Undo::Task(task) => self.undo_delete(task),
            Undo::Aside { key, bytes } => {
                let _ = DeviceStore::open().set(&key, &bytes);
                self.stored.notify();
                self.say("Restored.".into(), None);
            }
            Undo::Week(value) => self.undo_week(value),
            Undo::Reminder(r) => self.restore_reminder(r),
            Undo::Video(record) => self.restore_video(record),
            Undo::SharedItem { doc, list, id } => {
                let shown = self
                    .shared
                    .with_untracked(|v| v.as_ref().is_some_and(|v| v.id == doc));
                if !shown {
                    let _ = self.show_shared(doc);
                }
                if self
                    .collab_edit(|d, _, _, _| d.set_gone(list, &id, false))
                    .is_some()
                {
                    self.say("Restored.".into(), None);
                }
            }
        }
    }

    /// Puts back a task deleted a moment ago.
    pub fn undo_delete(self, task: Task) {
        if self.edit(|doc| doc.put_task(&task)).is_some() {
            self.refresh();
            self.say(format!("Restored “{}”.", display_title(&task.title)), None);
        }
    }

    pub fn set_rate(self, rate: Rate) {
        if self.edit(|doc| doc.set_rate(&rate)).is_some() {
            self.state.update(|s| s.rate = rate);
        }
    }

    /// Tries again to store edits that are only in memory.
    pub fn retry_storage(self) {
        DeviceStore::retry();
        self.edit(|_| Ok(()));
    }

    /// Everything this person holds as one backup file: the personal document and every
    /// shared document and page stored here, and the recordings given.
    pub fn export_file(self, recordings: &[(RecordingInfo, Vec<u8>)]) -> Vec<u8> {
        let bytes = self
            .inner
            .try_update_value(|inner| inner.doc.save())
            .unwrap_or_default();
        let held = self.state.with_untracked(|s| s.held.clone());
        let shared: Vec<_> = held.iter().filter_map(|h| self.backup_entry(h)).collect();
        encode_backup(&bytes, &shared, recordings)
    }

    /// Offers the backup file as a download named for today, with this device's
    /// recordings when asked (they are read from IndexedDB first).
    pub fn download_backup(self, with_recordings: bool) {
        wasm_bindgen_futures::spawn_local(async move {
            let videos = if with_recordings {
                self.video_bytes().await
            } else {
                Vec::new()
            };
            crate::web::download_bytes(
                &self.export_file(&videos),
                &format!("unhurried-backup-{}.unhurried", crate::web::today()),
                "application/octet-stream",
            );
        });
    }

    /// Every piece of data set aside as unreadable in this browser, by this load or any
    /// earlier one, newest first.
    pub fn asides(self) -> Vec<crate::store::Aside> {
        crate::store::all_asides(&DeviceStore::open())
    }

    /// Deletes data kept aside as unreadable (the person exported it or does not need
    /// it), with an undo.
    pub fn delete_aside(self, aside: crate::store::Aside) {
        if DeviceStore::open().remove(&aside.key).is_ok() {
            self.stored.notify();
            self.say(
                "Deleted the data that could not be read.".into(),
                Some(Undo::Aside {
                    key: aside.key,
                    bytes: aside.bytes,
                }),
            );
        }
    }

    /// What this browser stores, by kind of document, with what is kept aside.
    pub fn stored_use(self) -> Vec<Usage> {
        let kinds: BTreeMap<String, crate::model::kind::DocKind> = self.state.with_untracked(|s| {
            s.held
                .iter()
                .map(|h| {
                    let name = if h.kind.is_published() {
                        page::store_name(h.id)
                    } else {
                        shared::store_name(h.id)
                    };
                    (name, h.kind)
                })
                .collect()
        });
        let sizes = DeviceStore::sizes();
        crate::store::usage::usage(sizes.iter().map(|(k, n)| (k.as_str(), *n)), |name| {
            if name == DOC_NAME {
                Some(crate::model::kind::DocKind::Personal)
            } else {
                kinds.get(name).copied()
            }
        })
    }

    /// The data that could not be read, exactly as it was stored.
    pub fn aside_bytes(self) -> Option<Vec<u8>> {
        self.inner.with_value(|inner| inner.aside.clone())
    }

    /// Merges a backup file into this browser's documents: the personal one, and in a
    /// whole backup every shared document and page as well. Returns plain words.
    pub fn import_file(self, bytes: &[u8]) -> Result<String, String> {
        match read_any_file(bytes) {
            Ok(FileContent::Personal(document)) => self.import_personal(document),
            Ok(FileContent::Backup(backup)) => {
                let personal = self.import_personal(backup.personal)?;
                let videos = self.import_videos(&backup.recordings);
                let shared = self.import_backup_shared(backup.shared);
                Ok(join_outcomes(personal, shared) + &videos)
            }
            Ok(FileContent::Shared(share)) => self.receive_share(share).map(|(_, m)| m),
            Err(e) => Err(match decode_file(bytes, DocKind::Personal) {
                // The plain file errors keep the wording people know.
                Err(fe) if !matches!(fe, crate::share::FileError::WrongKind { .. }) => {
                    format!("Nothing was imported: {fe}.")
                }
                _ => e,
            }),
        }
    }

    /// Merges the personal document of a backup.
    fn import_personal(self, document: &[u8]) -> Result<String, String> {
        // A file can come from anywhere: refuse what would expand without bound.
        let checked =
            check(document, Limits::SHARED).map_err(|e| format!("Nothing was imported: {e}."))?;
        let before = self.state.get_untracked();
        let merged = self
            .edit(|doc| doc.merge_bytes(checked))
            .ok_or_else(|| "Nothing was imported.".to_owned())?;
        self.refresh();
        if !merged {
            return Ok("Everything in that file was already here.".into());
        }
        let after = self.state.get_untracked();
        let added = after
            .tasks
            .iter()
            .filter(|t| !before.tasks.iter().any(|b| b.id == t.id))
            .count();
        let changed = after
            .tasks
            .iter()
            .filter(|t| before.tasks.iter().any(|b| b.id == t.id && b != *t))
            .count();
        let new_of = |count: usize, one: &str, many: &str| {
            (count > 0).then(|| format!("{count} new {}", plural(count, one, many)))
        };
        let blocks = after
            .schedule
            .blocks
            .iter()
            .filter(|x| !before.schedule.blocks.iter().any(|b| b.id == x.id))
            .count();
        let people = after
            .schedule
            .people
            .iter()
            .filter(|x| !before.schedule.people.iter().any(|b| b.id == x.id))
            .count();
        let parts: Vec<String> = [
            new_of(added, "task", "tasks"),
            (changed > 0)
                .then(|| format!("changes to {changed} {}", plural(changed, "task", "tasks"))),
            new_of(blocks, "block in your week", "blocks in your week"),
            new_of(people, "person", "people"),
        ]
        .into_iter()
        .flatten()
        .collect();
        Ok(if parts.is_empty() {
            "Imported. Your settings were brought up to date.".into()
        } else {
            format!("Imported {}.", crate::model::shared::join_and(&parts))
        })
    }

    /// Characters this document takes in localStorage.
    pub fn stored_bytes(self) -> usize {
        self.inner.with_value(|inner| inner.store.stored_bytes())
    }
}

/// One message from what the personal document and the shared ones brought.
fn join_outcomes(personal: String, shared: Option<String>) -> String {
    match shared {
        None => personal,
        Some(shared) if personal.starts_with("Everything in that file") => shared,
        Some(shared) => format!("{personal} {shared}"),
    }
}

pub fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// A title for messages: "Untitled task" when empty, shortened when long.
pub fn display_title(title: &str) -> String {
    let t = title.trim();
    if t.is_empty() {
        "Untitled task".into()
    } else if t.chars().count() > 60 {
        format!("{}…", t.chars().take(59).collect::<String>())
    } else {
        t.to_owned()
    }
}
