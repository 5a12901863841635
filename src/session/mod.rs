//! Opening documents from storage and saving them back, in plain Rust: the recovery rules
//! (damaged parts set aside alone, an unreadable document set aside whole and a fresh one
//! started, nothing written over data that could not be moved, a newer version opened
//! read-only) and the one save policy, for the personal document and every shared one.
//! Generic over the store's `KeyValue`, so it is tested natively against `MemoryStore`;
//! the Leptos workspace keeps only the signals.

use crate::codec::chunks::check_stored;
use crate::doc::shared::SharedDoc;
use crate::doc::{Access, DocError, PersonalDoc};
use crate::store::{DocStore, KeyValue, Saved, StoreError};

/// Whether what the person sees is safely stored.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageHealth {
    Saved,
    /// The browser refused to store; edits are kept in this tab's memory.
    MemoryOnly(String),
    /// The stored document is from a newer app version; nothing is written.
    ReadOnly {
        found_schema: u64,
    },
}

impl StorageHealth {
    pub fn memory_only(e: &StoreError) -> Self {
        StorageHealth::MemoryOnly(e.to_string())
    }
}

/// The personal document as opened, with what the person must be told.
pub struct OpenedPersonal {
    pub doc: PersonalDoc,
    pub health: StorageHealth,
    /// A stored document (or damaged parts of one) that could not be read, kept aside
    /// under keys of its own; offered for export.
    pub aside: Option<Vec<u8>>,
    /// Plain words about what was set aside, when something was.
    pub aside_message: Option<String>,
    /// Unreadable data could not be moved aside: write nothing, so nothing is written
    /// over it.
    pub write_blocked: bool,
}

/// Opens the personal document from `store` (or starts one), recovering what can be
/// recovered. `now` names what is set aside.
pub fn open_personal<K: KeyValue>(store: &mut DocStore<K>, now: i64) -> OpenedPersonal {
    let mut health = StorageHealth::Saved;
    let mut aside = None;
    let mut aside_message = None;
    let mut write_blocked = false;
    let mut unreadable = false;
    // Parts damaged in storage itself go aside alone; the rest may still load.
    if let Ok(damaged) = store.damaged_parts() {
        if !damaged.is_empty() {
            match store.set_aside_parts(&damaged, now) {
                Ok(bytes) => {
                    aside = Some(bytes);
                    aside_message = Some(if damaged.len() == 1 {
                        "1 damaged part of your saved data could not be read.".to_owned()
                    } else {
                        format!(
                            "{} damaged parts of your saved data could not be read.",
                            damaged.len()
                        )
                    });
                }
                Err(e) => {
                    health = StorageHealth::memory_only(&e);
                    write_blocked = true;
                }
            }
        }
    }
    let doc = match store.read_all() {
        Ok((bytes, _)) if bytes.is_empty() => None,
        Ok((bytes, keys)) => match check_stored(&bytes)
            .map_err(DocError::from)
            .and_then(PersonalDoc::load)
        {
            Ok(mut doc) => {
                // Parts whose changes wait for a missing one stay: they are not merged yet.
                if doc.is_complete() {
                    store.mark_loaded(keys);
                } else {
                    store.mark_loaded(Vec::new());
                }
                // A migration made on load is stored at once.
                let migrated = doc.save_incremental();
                if !migrated.is_empty() {
                    store.append(&migrated);
                }
                Some(doc)
            }
            Err(e) => {
                unreadable = true;
                aside_message = Some(format!("Your saved data could not be read ({e})."));
                None
            }
        },
        Err(StoreError::Corrupt { key }) => {
            unreadable = true;
            aside_message = Some(format!("Part of your saved data is damaged ({key})."));
            None
        }
        Err(e) => {
            health = StorageHealth::memory_only(&e);
            None
        }
    };
    if unreadable && !write_blocked {
        // A later millisecond than any damaged parts set aside above: a key of its own.
        match store.set_aside(now + 1) {
            Ok(bytes) => aside.get_or_insert_with(Vec::new).extend_from_slice(&bytes),
            Err(e) => {
                // It could not be moved: leave it where it is and write nothing over it.
                health = StorageHealth::memory_only(&e);
                write_blocked = true;
            }
        }
    }
    let fresh = doc.is_none();
    let mut doc = doc.unwrap_or_default();
    if let Access::ReadOnly { found_schema } = doc.access() {
        health = StorageHealth::ReadOnly { found_schema };
    } else if fresh && health == StorageHealth::Saved {
        if let Saved::InMemoryOnly(e) = store.compact(&doc.save()) {
            health = StorageHealth::memory_only(&e);
        }
    }
    OpenedPersonal {
        doc,
        health,
        aside,
        aside_message,
        write_blocked,
    }
}

/// Why a held shared document could not be opened from storage.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpenError {
    #[error("This document could not be read from storage ({0}).")]
    Storage(#[from] StoreError),
    #[error("This document is listed in your data, but its content is not in this browser (backups made before December 2026 listed shared documents without carrying them). Open a link or file to it, or a newer backup, and it will be here.")]
    NotHere,
    #[error("This document could not be read ({0}).")]
    Unreadable(#[from] DocError),
}

/// Opens a held shared document from `store`.
pub fn open_shared<K: KeyValue>(store: &mut DocStore<K>) -> Result<SharedDoc, OpenError> {
    let (bytes, keys) = store.read_all()?;
    if bytes.is_empty() {
        return Err(OpenError::NotHere);
    }
    let mut doc = SharedDoc::load(check_stored(&bytes).map_err(DocError::from)?)?;
    // Parts whose changes wait for a missing one stay until they can be merged.
    store.mark_loaded(if doc.is_complete() { keys } else { Vec::new() });
    Ok(doc)
}

/// Stores a shared document's latest edits: the one save policy (`DocStore::save`).
pub fn save_shared<K: KeyValue>(doc: &mut SharedDoc, store: &mut DocStore<K>) -> Saved {
    let bytes = doc.save_incremental();
    store.save(&bytes, || doc.save())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::model::kind::DocKind;
    use crate::store::MemoryStore;

    fn store<'a>(kv: &'a MemoryStore, name: &str) -> DocStore<&'a MemoryStore> {
        DocStore::new(kv, name, "tab1")
    }

    #[test]
    fn a_fresh_browser_starts_a_document_and_stores_it() {
        let kv = MemoryStore::default();
        let opened = open_personal(&mut store(&kv, "unhurried"), 1);
        assert_eq!(opened.health, StorageHealth::Saved);
        assert!(opened.aside.is_none() && !opened.write_blocked);
        assert!(
            !kv.map.borrow().is_empty(),
            "the new document is stored at once"
        );
        let again = open_personal(&mut store(&kv, "unhurried"), 2);
        assert_eq!(again.doc.state(), opened.doc.state());
    }

    #[test]
    fn an_unreadable_document_is_set_aside_and_a_fresh_one_started() {
        let kv = MemoryStore::default();
        let mut s = store(&kv, "unhurried");
        s.append(b"not an automerge document at all");
        let opened = open_personal(&mut store(&kv, "unhurried"), 10);
        assert_eq!(
            opened.aside.as_deref(),
            Some(&b"not an automerge document at all"[..])
        );
        assert!(opened
            .aside_message
            .unwrap()
            .starts_with("Your saved data could not be read"));
        assert_eq!(opened.health, StorageHealth::Saved);
        // What was set aside is kept under a key of its own, and what loads now is new.
        assert!(kv.map.borrow().keys().any(|k| k.contains("aside")));
        let again = open_personal(&mut store(&kv, "unhurried"), 20);
        assert!(again.aside.is_none());
    }

    #[test]
    fn when_nothing_can_be_moved_nothing_is_written_over_it() {
        let kv = MemoryStore::default();
        store(&kv, "unhurried").append(b"damaged");
        let before = kv.map.borrow().clone();
        *kv.fail_writes.borrow_mut() = true;
        let opened = open_personal(&mut store(&kv, "unhurried"), 10);
        assert!(opened.write_blocked);
        assert!(matches!(opened.health, StorageHealth::MemoryOnly(_)));
        assert_eq!(*kv.map.borrow(), before);
    }

    #[test]
    fn a_full_store_keeps_the_new_document_in_memory_and_says_so() {
        let kv = MemoryStore::default();
        *kv.fail_writes.borrow_mut() = true;
        let opened = open_personal(&mut store(&kv, "unhurried"), 1);
        assert!(matches!(opened.health, StorageHealth::MemoryOnly(_)));
        assert!(!opened.write_blocked);
    }

    #[test]
    fn a_shared_document_saves_and_opens_again_and_a_missing_one_says_so() {
        let kv = MemoryStore::default();
        assert_eq!(
            open_shared(&mut store(&kv, "c-x")).err(),
            Some(OpenError::NotHere)
        );
        let mut doc = SharedDoc::create_kind(DocKind::Meeting, "ana", "Ana", "Weekly", 1);
        let mut s = store(&kv, "c-x");
        assert!(matches!(save_shared(&mut doc, &mut s), Saved::Stored));
        doc.set_title("Weekly sync").unwrap();
        assert!(matches!(save_shared(&mut doc, &mut s), Saved::Stored));
        let opened = open_shared(&mut store(&kv, "c-x")).unwrap();
        assert_eq!(opened.state(), doc.state());
        assert_eq!(opened.kind(), DocKind::Meeting);

        store(&kv, "c-y").append(b"garbage");
        assert!(matches!(
            open_shared(&mut store(&kv, "c-y")),
            Err(OpenError::Unreadable(_))
        ));
    }
}
