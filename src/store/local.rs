//! The browser's localStorage as a [`KeyValue`]: where documents lived before they moved
//! to IndexedDB, read to move them, and where they stay when IndexedDB cannot be had.
//! Values are base64, since localStorage holds text.
//!
//! Written on web-sys rather than gloo-storage: gloo's `LocalStorage::raw()` panics when
//! the browser forbids storage (private modes, blocked cookies), and its typed API stores
//! JSON, which would pull serde_json into the wasm. Here every failure is a `StoreError`.

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use wasm_bindgen::{JsCast, JsValue};

use super::{KeyValue, StoreError};

/// localStorage, or the reason it cannot be had.
pub struct LocalStore {
    storage: Result<web_sys::Storage, StoreError>,
}

fn describe(e: &JsValue) -> String {
    e.dyn_ref::<web_sys::DomException>()
        .map(|d| format!("{}: {}", d.name(), d.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

pub(super) fn classify(e: JsValue) -> StoreError {
    match e.dyn_ref::<web_sys::DomException>() {
        Some(d) if d.name() == "QuotaExceededError" || d.code() == 22 => StoreError::QuotaExceeded,
        _ => StoreError::Unavailable(describe(&e)),
    }
}

impl LocalStore {
    pub fn open() -> Self {
        let storage = web_sys::window()
            .ok_or_else(|| StoreError::Unavailable("no window".into()))
            .and_then(|w| w.local_storage().map_err(classify))
            .and_then(|s| {
                s.ok_or_else(|| StoreError::Unavailable("localStorage is missing".into()))
            });
        LocalStore { storage }
    }

    fn storage(&self) -> Result<&web_sys::Storage, StoreError> {
        self.storage.as_ref().map_err(Clone::clone)
    }

    /// The text under `key`, as stored.
    pub fn text(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.storage()?.get_item(key).map_err(classify)
    }
}

impl KeyValue for LocalStore {
    fn get(&self, key: &str) -> Result<Option<Vec<u8>>, StoreError> {
        self.text(key)?
            .map(|text| {
                super::decode_text(&text).map_err(|_| StoreError::Corrupt { key: key.into() })
            })
            .transpose()
    }

    /// Text that is not base64 is kept as its own bytes: it is still the person's data.
    fn raw(&self, key: &str) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self
            .text(key)?
            .map(|text| super::decode_text(&text).unwrap_or_else(|_| text.into_bytes())))
    }

    fn set(&self, key: &str, value: &[u8]) -> Result<(), StoreError> {
        self.storage()?
            .set_item(key, &B64.encode(value))
            .map_err(classify)
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.storage()?.remove_item(key).map_err(classify)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let storage = self.storage()?;
        let n = storage.length().map_err(classify)?;
        Ok((0..n)
            .filter_map(|i| storage.key(i).ok().flatten())
            .collect())
    }
}
