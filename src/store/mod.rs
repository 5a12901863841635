//! Saving documents in the browser's key-value storage, in small parts.
//!
//! Each document is a set of parts under `unhurried:doc:<name>:<tab>:<seq>`; each part is
//! Automerge bytes (a full save or an incremental chunk), base64 text because
//! localStorage holds strings. Loading concatenates every part. An edit appends one
//! small part; compaction writes one full save as a new part and then removes the parts
//! it has merged.
//!
//! The invariant that keeps several tabs safe: a part is removed only by a tab that has
//! merged its content and already stored a full save that contains it, and part keys
//! are never reused (each tab has its own random id). So no tab can remove what
//! another tab wrote but this one has not yet seen.
//!
//! The logic is generic over [`KeyValue`], so it is tested natively and, with the real
//! localStorage, in the browser (`tests/web_store.rs`).

use crate::model::order;
#[cfg(target_arch = "wasm32")]
pub mod device;
#[cfg(target_arch = "wasm32")]
pub mod idb;
#[cfg(target_arch = "wasm32")]
pub mod local;
pub mod mirror;
pub mod moving;
#[cfg(target_arch = "wasm32")]
pub mod persist;
pub mod usage;

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

/// Every key this app writes starts with this.
pub const KEY_PREFIX: &str = "unhurried:";

/// The storage key table: all keys the app uses are made here.
pub mod keys {
    use super::KEY_PREFIX;

    /// The prefix of every part of a document.
    pub fn doc_prefix(name: &str) -> String {
        format!("{KEY_PREFIX}doc:{name}:")
    }

    pub fn part(name: &str, tab: &str, seq: u64) -> String {
        format!("{}{tab}:{seq:010}", doc_prefix(name))
    }

    /// Where an unreadable document is kept aside, untouched, for export.
    pub fn aside(name: &str, when_ms: i64) -> String {
        format!("{KEY_PREFIX}aside:{name}:{when_ms}")
    }

    pub fn aside_prefix(name: &str) -> String {
        format!("{KEY_PREFIX}aside:{name}:")
    }
}

/// Data that could not be read when it was loaded, kept aside untouched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Aside {
    pub key: String,
    /// The document it belonged to: `personal`, `c-<id>`, `p-<id>`.
    pub doc: String,
    /// When it was set aside (ms since the epoch).
    pub when_ms: i64,
    pub bytes: Vec<u8>,
}

/// Everything set aside in this storage, by any load of any document, newest first.
pub fn all_asides<K: KeyValue>(backend: &K) -> Vec<Aside> {
    let prefix = format!("{KEY_PREFIX}aside:");
    let mut found: Vec<Aside> = backend
        .keys()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|key| {
            let (doc, when) = key.strip_prefix(&prefix)?.rsplit_once(':')?;
            let when_ms = when.parse().ok()?;
            let bytes = backend.raw(&key).ok()??;
            Some(Aside {
                doc: doc.to_owned(),
                when_ms,
                bytes,
                key,
            })
        })
        .collect();
    order::sort_by(&mut found, |a, b| {
        b.when_ms.cmp(&a.when_ms).then(b.key.cmp(&a.key))
    });
    found
}

/// The bytes of a value localStorage holds as base64 text.
pub fn decode_text(text: &str) -> Result<Vec<u8>, base64::DecodeError> {
    use base64::engine::general_purpose::STANDARD as B64;
    use base64::Engine;
    B64.decode(text.as_bytes())
}

/// Why storage refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    #[error("the browser's storage is full")]
    QuotaExceeded,
    #[error("the browser does not allow this site to store data ({0})")]
    Unavailable(String),
    #[error("a stored part is damaged ({key})")]
    Corrupt { key: String },
}

/// A key-value store of bytes: IndexedDB (through an in-memory mirror) in the browser,
/// localStorage where it is read to move it, a map in tests.
pub trait KeyValue {
    /// The bytes under `key`; `Corrupt` when the store holds something that is not them.
    fn get(&self, key: &str) -> Result<Option<Vec<u8>>, StoreError>;
    fn set(&self, key: &str, value: &[u8]) -> Result<(), StoreError>;
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    fn keys(&self) -> Result<Vec<String>, StoreError>;
    /// What is stored under `key` as it is, damaged or not, to keep it aside.
    fn raw(&self, key: &str) -> Result<Option<Vec<u8>>, StoreError> {
        self.get(key)
    }
}

/// An in-memory store for tests; `fail_writes` makes every write refuse as if full, and
/// a key in `damaged` reads as damaged in storage.
#[derive(Default)]
pub struct MemoryStore {
    pub map: RefCell<BTreeMap<String, Vec<u8>>>,
    pub fail_writes: RefCell<bool>,
    pub damaged: RefCell<BTreeSet<String>>,
}

impl KeyValue for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<Vec<u8>>, StoreError> {
        if self.damaged.borrow().contains(key) {
            return Err(StoreError::Corrupt { key: key.into() });
        }
        self.raw(key)
    }
    fn raw(&self, key: &str) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self.map.borrow().get(key).cloned())
    }
    fn set(&self, key: &str, value: &[u8]) -> Result<(), StoreError> {
        if *self.fail_writes.borrow() {
            return Err(StoreError::QuotaExceeded);
        }
        self.map.borrow_mut().insert(key.into(), value.to_vec());
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.map.borrow_mut().remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.map.borrow().keys().cloned().collect())
    }
}

impl<T: KeyValue + ?Sized> KeyValue for &T {
    fn get(&self, key: &str) -> Result<Option<Vec<u8>>, StoreError> {
        (**self).get(key)
    }
    fn raw(&self, key: &str) -> Result<Option<Vec<u8>>, StoreError> {
        (**self).raw(key)
    }
    fn set(&self, key: &str, value: &[u8]) -> Result<(), StoreError> {
        (**self).set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        (**self).remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        (**self).keys()
    }
}

/// Parts appended before compaction is worthwhile.
const COMPACT_AFTER_PARTS: usize = 32;

/// One document's storage, as seen by one tab.
pub struct DocStore<B: KeyValue> {
    backend: B,
    name: String,
    tab: String,
    next_seq: u64,
    /// Part keys whose content this tab's document holds.
    merged: BTreeSet<String>,
    /// Bytes not yet stored because storage refused; written with the next part.
    pending: Vec<u8>,
    parts_since_compaction: usize,
    bytes_since_compaction: usize,
    last_full_len: usize,
    /// No full save of this tab's document is stored yet, so incremental parts alone
    /// could not be loaded (their first change would be missing).
    needs_full: bool,
}

/// What `DocStore::append` achieved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    Stored,
    /// Storage refused; the bytes are kept in memory and retried with the next save.
    InMemoryOnly(StoreError),
}

impl<B: KeyValue> DocStore<B> {
    /// `tab` must be unique to this page load (a random id).
    pub fn new(backend: B, name: &str, tab: &str) -> Self {
        DocStore {
            backend,
            name: name.into(),
            tab: tab.into(),
            next_seq: 0,
            merged: BTreeSet::new(),
            pending: Vec::new(),
            parts_since_compaction: 0,
            bytes_since_compaction: 0,
            last_full_len: 0,
            needs_full: true,
        }
    }

    /// Stores an edit: the one save policy for every document. `incremental` holds the
    /// changes since the last save, `full` makes a full save when one is needed. Parts
    /// always lie on a full save; when parts pile up they are compacted; when there is
    /// no room for a second full copy, the small part still goes.
    pub fn save(&mut self, incremental: &[u8], full: impl FnOnce() -> Vec<u8>) -> Saved {
        if self.needs_full {
            // A part with no full save under it could not be read back alone.
            return self.compact(&full());
        }
        if self.wants_compaction() {
            if let Saved::Stored = self.compact(&full()) {
                return Saved::Stored;
            }
        }
        self.append(incremental)
    }

    /// Whether the next save must be a full one ([`DocStore::compact`]) rather than a part.
    pub fn needs_full_save(&self) -> bool {
        self.needs_full
    }

    pub fn backend(&self) -> &B {
        &self.backend
    }

    fn part_keys(&self) -> Result<Vec<String>, StoreError> {
        let prefix = keys::doc_prefix(&self.name);
        let mut found: Vec<String> = self
            .backend
            .keys()?
            .into_iter()
            .filter(|k| k.starts_with(&prefix))
            .collect();
        order::sort(&mut found);
        Ok(found)
    }

    /// Reads every stored part, concatenated (empty when the document was never stored).
    /// The parts read count as merged once the caller has loaded them: call
    /// [`DocStore::mark_loaded`] after a successful load.
    pub fn read_all(&self) -> Result<(Vec<u8>, Vec<String>), StoreError> {
        let mut bytes = Vec::new();
        let mut read = Vec::new();
        for key in self.part_keys()? {
            // A part removed since the keys were listed was merged into a full save.
            if let Some(part) = self.backend.get(&key)? {
                bytes.extend_from_slice(&part);
                read.push(key);
            }
        }
        Ok((bytes, read))
    }

    pub fn mark_loaded(&mut self, keys: Vec<String>) {
        // Loaded parts include a full save (every first save is one); none loaded, none stored.
        self.needs_full = keys.is_empty();
        self.parts_since_compaction = keys.len();
        self.merged.extend(keys);
    }

    /// Stores a new part (the changes since the last save). Never loses `bytes`: when
    /// storage refuses they wait in memory and go out with the next successful write.
    pub fn append(&mut self, bytes: &[u8]) -> Saved {
        if bytes.is_empty() && self.pending.is_empty() {
            return Saved::Stored;
        }
        self.pending.extend_from_slice(bytes);
        let key = keys::part(&self.name, &self.tab, self.next_seq);
        match self.backend.set(&key, &self.pending) {
            Ok(()) => {
                self.next_seq += 1;
                self.parts_since_compaction += 1;
                self.bytes_since_compaction += self.pending.len();
                self.pending.clear();
                self.merged.insert(key);
                Saved::Stored
            }
            Err(e) => Saved::InMemoryOnly(e),
        }
    }

    /// Whether enough small parts have piled up that a full save is worth writing.
    pub fn wants_compaction(&self) -> bool {
        self.parts_since_compaction >= COMPACT_AFTER_PARTS
            || (self.parts_since_compaction > 1
                && self.bytes_since_compaction > self.last_full_len.max(4096))
    }

    /// Replaces the merged parts with `full`, a full save of the document this tab holds.
    pub fn compact(&mut self, full: &[u8]) -> Saved {
        let key = keys::part(&self.name, &self.tab, self.next_seq);
        if let Err(e) = self.backend.set(&key, full) {
            return Saved::InMemoryOnly(e);
        }
        self.next_seq += 1;
        self.pending.clear();
        // Only now that the full save is stored may the parts it contains go.
        for old in std::mem::take(&mut self.merged) {
            // A part that fails to go is harmless: it is merged again on the next load.
            let _ = self.backend.remove(&old);
        }
        self.merged.insert(key);
        self.parts_since_compaction = 1;
        self.bytes_since_compaction = 0;
        self.last_full_len = full.len();
        self.needs_full = false;
        Saved::Stored
    }

    /// Whether some edits are only in memory.
    pub fn has_pending(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Another tab wrote `key`: returns the bytes to merge when it is a part of this document.
    /// Call [`DocStore::mark_merged`] once they are merged.
    pub fn foreign_part<'v>(&self, key: &str, value: Option<&'v [u8]>) -> Option<&'v [u8]> {
        key.starts_with(&keys::doc_prefix(&self.name))
            .then_some(value)
            .flatten()
    }

    pub fn mark_merged(&mut self, key: &str) {
        self.merged.insert(key.to_owned());
    }

    /// Moves every part of this document aside under one key, untouched, so that a new
    /// document can be stored without overwriting what could not be read. Returns the bytes.
    pub fn set_aside(&mut self, when_ms: i64) -> Result<Vec<u8>, StoreError> {
        let keys = self.part_keys()?;
        self.set_aside_parts(&keys, when_ms)
    }

    /// Parts the store holds damaged: in localStorage, text that is not base64.
    pub fn damaged_parts(&self) -> Result<Vec<String>, StoreError> {
        let mut damaged = Vec::new();
        for key in self.part_keys()? {
            if let Err(StoreError::Corrupt { .. }) = self.backend.get(&key) {
                damaged.push(key);
            }
        }
        Ok(damaged)
    }

    /// Moves just these parts aside under one key, untouched; the rest stay, so other
    /// open tabs keep the history their next parts build on.
    pub fn set_aside_parts(
        &mut self,
        keys: &[String],
        when_ms: i64,
    ) -> Result<Vec<u8>, StoreError> {
        let mut bytes = Vec::new();
        for key in keys {
            // Damaged or not, it is still the person's data: kept as it is.
            if let Some(part) = self.backend.raw(key)? {
                bytes.extend_from_slice(&part);
            }
        }
        self.backend
            .set(&keys::aside(&self.name, when_ms), &bytes)?;
        for key in keys {
            let _ = self.backend.remove(key);
        }
        Ok(bytes)
    }

    /// Documents kept aside earlier, newest first, as (key, bytes).
    pub fn asides(&self) -> Vec<(String, Vec<u8>)> {
        all_asides(&self.backend)
            .into_iter()
            .filter(|a| a.doc == self.name)
            .map(|a| (a.key, a.bytes))
            .collect()
    }

    /// Bytes of stored parts, a measure of how much room this document takes.
    pub fn stored_bytes(&self) -> usize {
        self.part_keys()
            .map(|keys| {
                keys.iter()
                    .filter_map(|key| self.backend.raw(key).ok().flatten())
                    .map(|part| part.len())
                    .sum()
            })
            .unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::PersonalDoc;
    use crate::model::inventory::{Task, TaskId};

    fn task(id: &str) -> Task {
        Task::new(TaskId::new(id), id, 0)
    }

    /// The save policy: a full save first, parts on it, compaction when they pile up, and
    /// a part when storage has no room for a second full copy. Nothing is lost when
    /// storage refuses, and what is stored always reads back whole.
    #[test]
    fn one_save_policy_for_every_document() {
        let mem = MemoryStore::default();
        let (mut doc, mut store) = open(&mem, "tab1");
        doc.put_task(&task("a")).unwrap();
        let part = doc.save_incremental();
        assert_eq!(store.save(&part, || doc.save()), Saved::Stored);
        assert!(!store.needs_full_save());
        // Storage refuses: the edit waits in memory and goes with the next write.
        *mem.fail_writes.borrow_mut() = true;
        doc.put_task(&task("b")).unwrap();
        let part = doc.save_incremental();
        assert!(matches!(
            store.save(&part, || doc.save()),
            Saved::InMemoryOnly(_)
        ));
        *mem.fail_writes.borrow_mut() = false;
        for n in 0..COMPACT_AFTER_PARTS {
            doc.put_task(&task(&format!("c{n}"))).unwrap();
            let part = doc.save_incremental();
            assert_eq!(store.save(&part, || doc.save()), Saved::Stored);
        }
        let (back, _) = open(&mem, "tab2");
        assert_eq!(back.tasks().len(), COMPACT_AFTER_PARTS + 2);
        // Compaction kept the parts few.
        assert!(store.part_keys().unwrap().len() < COMPACT_AFTER_PARTS);
    }

    /// With no full save yet, a refused full save is not replaced by a lone part.
    #[test]
    fn a_first_save_that_fails_leaves_no_part_without_a_full_save_under_it() {
        let mem = MemoryStore::default();
        let (mut doc, mut store) = open(&mem, "tab1");
        *mem.fail_writes.borrow_mut() = true;
        doc.put_task(&task("a")).unwrap();
        let part = doc.save_incremental();
        assert!(matches!(
            store.save(&part, || doc.save()),
            Saved::InMemoryOnly(_)
        ));
        assert!(mem.map.borrow().is_empty());
        *mem.fail_writes.borrow_mut() = false;
        doc.put_task(&task("b")).unwrap();
        let part = doc.save_incremental();
        assert_eq!(store.save(&part, || doc.save()), Saved::Stored);
        let (back, _) = open(&mem, "tab2");
        assert_eq!(back.tasks().len(), 2);
    }

    fn open<'m>(mem: &'m MemoryStore, tab: &str) -> (PersonalDoc, DocStore<&'m MemoryStore>) {
        let mut store = DocStore::new(mem, "personal", tab);
        let (bytes, keys) = store.read_all().unwrap();
        let doc = if bytes.is_empty() {
            PersonalDoc::new()
        } else {
            PersonalDoc::from_stored(&bytes).unwrap()
        };
        store.mark_loaded(keys);
        (doc, store)
    }

    #[test]
    fn append_then_reload() {
        let mem = MemoryStore::default();
        let (mut doc, mut store) = open(&mem, "a");
        assert!(store.needs_full_save());
        assert_eq!(store.compact(&doc.save()), Saved::Stored);
        assert!(!store.needs_full_save());
        doc.put_task(&task("x")).unwrap();
        assert_eq!(store.append(&doc.save_incremental()), Saved::Stored);
        let (again, _) = open(&mem, "b");
        assert_eq!(again.tasks(), doc.tasks());
    }

    #[test]
    fn compaction_keeps_everything_and_leaves_one_part() {
        let mem = MemoryStore::default();
        let (mut doc, mut store) = open(&mem, "a");
        store.append(&doc.save());
        for i in 0..40 {
            doc.put_task(&task(&format!("t{i}"))).unwrap();
            store.append(&doc.save_incremental());
        }
        assert!(store.wants_compaction());
        assert_eq!(store.compact(&doc.save()), Saved::Stored);
        assert_eq!(mem.map.borrow().len(), 1);
        assert!(!store.wants_compaction());
        let (again, _) = open(&mem, "b");
        assert_eq!(again.tasks().len(), 40);
    }

    #[test]
    fn refused_writes_stay_in_memory_and_go_out_later() {
        let mem = MemoryStore::default();
        let (mut doc, mut store) = open(&mem, "a");
        store.append(&doc.save());
        *mem.fail_writes.borrow_mut() = true;
        doc.put_task(&task("kept")).unwrap();
        assert_eq!(
            store.append(&doc.save_incremental()),
            Saved::InMemoryOnly(StoreError::QuotaExceeded)
        );
        assert!(store.has_pending());
        *mem.fail_writes.borrow_mut() = false;
        doc.put_task(&task("later")).unwrap();
        assert_eq!(store.append(&doc.save_incremental()), Saved::Stored);
        assert!(!store.has_pending());
        let (again, _) = open(&mem, "b");
        assert_eq!(again.tasks().len(), 2);
    }

    #[test]
    fn a_tab_never_removes_parts_it_has_not_merged() {
        let mem = MemoryStore::default();
        let (mut a, mut store_a) = open(&mem, "a");
        store_a.append(&a.save());
        let (mut b, mut store_b) = open(&mem, "b");
        b.put_task(&task("from-b")).unwrap();
        store_b.append(&b.save_incremental());
        // Tab a compacts before it has seen b's part: b's part must survive.
        a.put_task(&task("from-a")).unwrap();
        store_a.append(&a.save_incremental());
        store_a.compact(&a.save());
        let (merged, _) = open(&mem, "c");
        let ids: Vec<String> = merged.tasks().iter().map(|t| t.id.to_string()).collect();
        assert_eq!(ids, ["from-a", "from-b"]);
    }

    #[test]
    fn foreign_parts_are_recognised() {
        let mem = MemoryStore::default();
        let (_, store) = open(&mem, "a");
        assert!(store.foreign_part("other-app-key", Some(b"x")).is_none());
        let key = keys::part("personal", "b", 0);
        assert_eq!(
            store.foreign_part(&key, Some(b"!!")),
            Some(b"!!".as_slice())
        );
        assert!(store.foreign_part(&key, None).is_none());
    }

    #[test]
    fn only_damaged_parts_are_set_aside() {
        let mem = MemoryStore::default();
        let (mut doc, mut store) = open(&mem, "a");
        store.compact(&doc.save());
        doc.put_task(&task("kept")).unwrap();
        store.append(&doc.save_incremental());
        mem.set(&keys::part("personal", "z", 0), b"%%% not base64 %%%")
            .unwrap();
        mem.damaged
            .borrow_mut()
            .insert(keys::part("personal", "z", 0));
        let damaged = store.damaged_parts().unwrap();
        assert_eq!(damaged, vec![keys::part("personal", "z", 0)]);
        assert_eq!(
            store.set_aside_parts(&damaged, 7).unwrap(),
            b"%%% not base64 %%%"
        );
        let (again, _) = open(&mem, "b");
        assert_eq!(again.tasks(), doc.tasks());
    }

    #[test]
    fn an_unreadable_document_is_set_aside_not_overwritten() {
        let mem = MemoryStore::default();
        mem.set(&keys::part("personal", "z", 0), b"garbage")
            .unwrap();
        let mut store = DocStore::new(&mem, "personal", "a");
        let (bytes, _) = store.read_all().unwrap();
        assert!(PersonalDoc::from_stored(&bytes).is_err());
        assert_eq!(store.set_aside(42).unwrap(), b"garbage");
        assert_eq!(
            store.asides(),
            vec![(keys::aside("personal", 42), b"garbage".to_vec())]
        );
        assert_eq!(store.read_all().unwrap().0, Vec::<u8>::new());
    }

    #[test]
    fn asides_of_every_document_and_every_earlier_load_are_listed_newest_first() {
        let mem = MemoryStore::default();
        // Set aside by loads in earlier sessions, of the personal and a shared document.
        let mut personal = DocStore::new(&mem, "personal", "a");
        mem.set(&keys::part("personal", "z", 0), b"old").unwrap();
        personal.set_aside(10).unwrap();
        mem.set(&keys::part("c-abc", "z", 0), b"shared").unwrap();
        DocStore::new(&mem, "c-abc", "b").set_aside(30).unwrap();
        mem.set(&keys::part("personal", "y", 0), b"newer").unwrap();
        personal.set_aside(20).unwrap();
        // Not an aside, and a key of the shape that names none.
        mem.set("unhurried:aside:broken", b"x").unwrap();
        let found = all_asides(&&mem);
        let seen: Vec<(&str, i64, &[u8])> = found
            .iter()
            .map(|a| (a.doc.as_str(), a.when_ms, a.bytes.as_slice()))
            .collect();
        assert_eq!(
            seen,
            vec![
                ("c-abc", 30, b"shared".as_slice()),
                ("personal", 20, b"newer".as_slice()),
                ("personal", 10, b"old".as_slice()),
            ]
        );
        assert_eq!(personal.asides().len(), 2);
    }
}
