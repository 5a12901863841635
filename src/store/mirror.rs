//! The documents' storage as one tab sees it: every key and its bytes in memory, read
//! once at start, with each write applied at once and queued for the browser's store.
//!
//! Edits never wait on IndexedDB: a write lands here synchronously and goes out with the
//! next batch (one transaction). A batch the store refuses (quota) comes back to the
//! queue under anything newer, so nothing is lost and the next batch retries it; until
//! then the tab says its edits are only in memory.

use std::collections::BTreeMap;

use super::{KeyValue, StoreError};

/// Writes to make in the store, in one transaction.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Batch {
    pub puts: Vec<(String, Vec<u8>)>,
    pub removes: Vec<String>,
}

impl Batch {
    pub fn is_empty(&self) -> bool {
        self.puts.is_empty() && self.removes.is_empty()
    }
}

#[derive(Default)]
pub struct Mirror {
    map: BTreeMap<String, Vec<u8>>,
    /// The latest write of each key not yet handed out: bytes to put, None to remove.
    queued: BTreeMap<String, Option<Vec<u8>>>,
    /// The batch handed out and not yet answered.
    in_flight: BTreeMap<String, Option<Vec<u8>>>,
    refused: Option<StoreError>,
}

impl Mirror {
    /// The mirror of what the store holds.
    pub fn loaded(entries: impl IntoIterator<Item = (String, Vec<u8>)>) -> Mirror {
        Mirror {
            map: entries.into_iter().collect(),
            ..Mirror::default()
        }
    }

    pub fn get(&self, key: &str) -> Option<&[u8]> {
        self.map.get(key).map(Vec::as_slice)
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.map.keys()
    }

    pub fn entries(&self) -> impl Iterator<Item = (&String, &Vec<u8>)> {
        self.map.iter()
    }

    pub fn set(&mut self, key: &str, value: &[u8]) {
        self.map.insert(key.to_owned(), value.to_vec());
        self.queued.insert(key.to_owned(), Some(value.to_vec()));
    }

    pub fn remove(&mut self, key: &str) {
        self.map.remove(key);
        // Queued even when this tab never saw it: the store may hold it all the same.
        self.queued.insert(key.to_owned(), None);
    }

    /// The queued writes as one batch, unless one is already out or none waits.
    pub fn take_batch(&mut self) -> Option<Batch> {
        if !self.in_flight.is_empty() || self.queued.is_empty() {
            return None;
        }
        self.in_flight = std::mem::take(&mut self.queued);
        let mut batch = Batch::default();
        for (key, value) in &self.in_flight {
            match value {
                Some(bytes) => batch.puts.push((key.clone(), bytes.clone())),
                None => batch.removes.push(key.clone()),
            }
        }
        Some(batch)
    }

    /// The store's answer to the batch out: kept, or refused whole (it comes back to the
    /// queue, under whatever was written since).
    pub fn batch_done(&mut self, result: Result<(), StoreError>) {
        let batch = std::mem::take(&mut self.in_flight);
        match result {
            Ok(()) => self.refused = None,
            Err(e) => {
                for (key, value) in batch {
                    self.queued.entry(key).or_insert(value);
                }
                self.refused = Some(e);
            }
        }
    }

    /// Why the last batch was refused, while writes wait only in memory.
    pub fn refused(&self) -> Option<&StoreError> {
        self.refused.as_ref()
    }

    /// Whether writes wait to go out.
    pub fn has_waiting(&self) -> bool {
        !self.queued.is_empty() || !self.in_flight.is_empty()
    }

    /// The bytes of every write not yet kept (the newest of each key), for a journal
    /// written where the page can still write as it goes away.
    pub fn waiting_puts(&self) -> Vec<(&str, &[u8])> {
        let mut puts: BTreeMap<&str, &[u8]> = BTreeMap::new();
        for (key, value) in self.in_flight.iter().chain(&self.queued) {
            match value {
                Some(bytes) => puts.insert(key, bytes),
                None => puts.remove(key.as_str()),
            };
        }
        puts.into_iter().collect()
    }

    /// Another tab stored or removed `key`: seen here as it is there.
    pub fn foreign(&mut self, key: &str, value: Option<&[u8]>) {
        match value {
            Some(bytes) => self.map.insert(key.to_owned(), bytes.to_vec()),
            None => self.map.remove(key),
        };
    }
}

impl KeyValue for std::cell::RefCell<Mirror> {
    fn get(&self, key: &str) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self.borrow().get(key).map(<[u8]>::to_vec))
    }
    fn set(&self, key: &str, value: &[u8]) -> Result<(), StoreError> {
        self.borrow_mut().set(key, value);
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.borrow_mut().remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.borrow().keys().cloned().collect())
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What a store holds after it applies a batch.
    fn apply(store: &mut BTreeMap<String, Vec<u8>>, batch: &Batch) {
        for (key, bytes) in &batch.puts {
            store.insert(key.clone(), bytes.clone());
        }
        for key in &batch.removes {
            store.remove(key);
        }
    }

    #[test]
    fn writes_are_seen_at_once_and_go_out_in_one_batch() {
        let mut m = Mirror::loaded([("a".to_owned(), vec![1])]);
        m.set("b", &[2]);
        m.set("b", &[3]);
        m.remove("a");
        assert_eq!(m.get("b"), Some([3].as_slice()));
        assert_eq!(m.get("a"), None);
        let batch = m.take_batch().unwrap();
        assert_eq!(batch.puts, vec![("b".to_owned(), vec![3])]);
        assert_eq!(batch.removes, vec!["a".to_owned()]);
        // One batch out at a time; what comes meanwhile waits for the next.
        m.set("c", &[4]);
        assert_eq!(m.take_batch(), None);
        assert_eq!(
            m.waiting_puts(),
            vec![("b", [3].as_slice()), ("c", [4].as_slice())]
        );
        m.batch_done(Ok(()));
        assert_eq!(
            m.take_batch().unwrap().puts,
            vec![("c".to_owned(), vec![4])]
        );
        m.batch_done(Ok(()));
        assert!(!m.has_waiting());
        // Set and removed before it went out: only the removal goes.
        m.set("d", &[5]);
        m.remove("d");
        assert_eq!(m.take_batch().unwrap().removes, vec!["d".to_owned()]);
    }

    #[test]
    fn a_refused_batch_comes_back_under_what_was_written_since() {
        let mut m = Mirror::default();
        m.set("a", &[1]);
        m.set("b", &[1]);
        let _ = m.take_batch().unwrap();
        m.set("a", &[2]);
        m.batch_done(Err(StoreError::QuotaExceeded));
        assert_eq!(m.refused(), Some(&StoreError::QuotaExceeded));
        let again = m.take_batch().unwrap();
        assert_eq!(
            again.puts,
            vec![("a".to_owned(), vec![2]), ("b".to_owned(), vec![1])]
        );
        m.batch_done(Ok(()));
        assert_eq!(m.refused(), None);
    }

    #[derive(Debug, Clone)]
    enum Step {
        Set(u8, u8),
        Remove(u8),
        Flush(bool),
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            (0u8..6, any::<u8>()).prop_map(|(k, v)| Step::Set(k, v)),
            (0u8..6).prop_map(Step::Remove),
            any::<bool>().prop_map(Step::Flush),
        ]
    }

    proptest! {
        /// Whatever the writes and however often the store refuses, once the last batch
        /// is kept the store holds exactly what the mirror shows.
        #[test]
        fn the_store_ends_as_the_mirror_shows(steps in proptest::collection::vec(step(), 0..60)) {
            let mut store = BTreeMap::new();
            let mut m = Mirror::default();
            let mut out: Option<Batch> = None;
            for s in steps {
                match s {
                    Step::Set(k, v) => m.set(&k.to_string(), &[v]),
                    Step::Remove(k) => m.remove(&k.to_string()),
                    Step::Flush(kept) => {
                        if let Some(batch) = out.take() {
                            if kept {
                                apply(&mut store, &batch);
                                m.batch_done(Ok(()));
                            } else {
                                m.batch_done(Err(StoreError::QuotaExceeded));
                            }
                        }
                        out = m.take_batch();
                    }
                }
            }
            if let Some(batch) = out.take() {
                apply(&mut store, &batch);
                m.batch_done(Ok(()));
            }
            while let Some(batch) = m.take_batch() {
                apply(&mut store, &batch);
                m.batch_done(Ok(()));
            }
            let shown: BTreeMap<String, Vec<u8>> =
                m.entries().map(|(k, v)| (k.clone(), v.clone())).collect();
            prop_assert_eq!(store, shown);
        }
    }
}
