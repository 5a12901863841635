//! Client dashboards, intake forms, their replies, and the answers a respondent is
//! typing, inside the personal document (issue 16):
//! ```text
//! { "dash/<doc id>": bytes,            // (client's person id, Dashboard) in CBOR
//!   "dashq/<doc id>/<id>": bytes,      // a client's question, ClientQuestion
//!   "form/<doc id>": bytes,            // IntakeForm
//!   "resp/<doc id>/<id>": bytes,       // a reply as kept, Response
//!   "fill/<doc id>/<question id>": bytes, // an answer being typed, Answer
//!   "fill/<doc id>/#picks": bytes }    // the slots picked, Vec<i64>
//! ```
//! Flat root values, one per item: two devices add replies or dashboards offline and
//! both are kept. An item is written whole; only its author edits a dashboard or form,
//! so the last device's edit of one item wins, and replies are never edited but for
//! the confirmed slot.

use automerge::transaction::Transactable;
use automerge::{ReadDoc, ScalarValue, Value, ROOT};
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::{DocError, PersonalDoc};

pub const DASHBOARD: &str = "dash/";
pub const QUESTION: &str = "dashq/";
pub const FORM: &str = "form/";
pub const RESPONSE: &str = "resp/";
pub const FILL: &str = "fill/";
pub const PICKS: &str = "#picks";

impl PersonalDoc {
    /// The value stored under `key`, when it holds one of `T`.
    pub fn item<T: DeserializeOwned>(&self, key: &str) -> Option<T> {
        match self.raw().get(ROOT, key).ok()?? {
            (Value::Scalar(s), _) => match s.as_ref() {
                ScalarValue::Bytes(b) => minicbor_serde::from_slice(b).ok(),
                _ => None,
            },
            _ => None,
        }
    }

    /// Every value under `prefix` that holds a `T`, as (the rest of its key, value), in
    /// key order.
    pub fn items<T: DeserializeOwned>(&self, prefix: &str) -> Vec<(String, T)> {
        let mut end = prefix.to_owned();
        // '/' + 1: every key that starts with the prefix sorts before it.
        end.pop();
        end.push('0');
        let doc = self.raw();
        doc.map_range(&ROOT, prefix.to_owned()..end)
            .filter_map(|item| {
                let rest = item.key.get(prefix.len()..)?.to_owned();
                Some((rest, self.item(&item.key)?))
            })
            .collect()
    }

    /// Writes `value` under `key`, unless it is already there.
    pub fn put_item<T: Serialize>(&mut self, key: &str, value: &T) -> Result<(), DocError> {
        let bytes =
            minicbor_serde::to_vec(value).map_err(|e| DocError::Automerge(e.to_string()))?;
        let same = matches!(
            self.raw().get(ROOT, key),
            Ok(Some((Value::Scalar(s), _))) if matches!(s.as_ref(), ScalarValue::Bytes(b) if *b == bytes)
        );
        if !same {
            self.writable()?.put(ROOT, key, ScalarValue::Bytes(bytes))?;
            self.commit("client item");
        }
        Ok(())
    }

    /// Removes every value whose key starts with `prefix` (one item, or all under it).
    pub fn remove_items(&mut self, prefix: &str) -> Result<(), DocError> {
        let keys: Vec<String> = self
            .raw()
            .keys(ROOT)
            .filter(|k| k.starts_with(prefix))
            .collect();
        if keys.is_empty() {
            return Ok(());
        }
        let doc = self.writable()?;
        for k in keys {
            doc.delete(ROOT, k.as_str())?;
        }
        self.commit("client item");
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::form::Answer;

    #[test]
    fn items_are_kept_by_key_and_read_back_by_prefix() {
        let mut doc = PersonalDoc::new();
        doc.put_item("fill/a/q1", &Answer::Text("one".into()))
            .unwrap();
        doc.put_item("fill/a/q2", &Answer::Choices(vec!["x".into()]))
            .unwrap();
        doc.put_item("fill/ab/q1", &Answer::Text("other form".into()))
            .unwrap();
        doc.put_item("fill/a/#picks", &vec![5_i64]).unwrap();
        let answers: Vec<(String, Answer)> = doc.items("fill/a/");
        assert_eq!(
            answers,
            vec![
                ("q1".into(), Answer::Text("one".into())),
                ("q2".into(), Answer::Choices(vec!["x".into()])),
            ]
        );
        assert_eq!(doc.item::<Vec<i64>>("fill/a/#picks"), Some(vec![5]));
        // Writing the same value again writes nothing.
        let before = doc.save();
        doc.put_item("fill/a/q1", &Answer::Text("one".into()))
            .unwrap();
        assert_eq!(doc.save(), before);
        doc.remove_items("fill/a/").unwrap();
        assert!(doc.items::<Answer>("fill/a/").is_empty());
        assert_eq!(doc.items::<Answer>("fill/ab/").len(), 1);
    }

    #[test]
    fn two_devices_adding_replies_offline_keep_both() {
        use crate::codec::chunks::check_stored;
        let mut a = PersonalDoc::new();
        let mut b = PersonalDoc::new();
        a.put_item("resp/f/1", &"Ben".to_owned()).unwrap();
        b.put_item("resp/f/2", &"Chie".to_owned()).unwrap();
        a.merge_bytes(check_stored(&b.save()).unwrap()).unwrap();
        assert_eq!(a.items::<String>("resp/f/").len(), 2);
    }
}
