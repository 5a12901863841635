//! IndexedDB as a store of bytes by key (issue 17, first step; not yet what the app
//! saves to): one database with one object store, text keys, `Uint8Array` values (no
//! base64), and every write a batch of puts and removes in one transaction, which is
//! all or nothing. Each call is asynchronous; the store's part-and-compaction logic will
//! keep a synchronous mirror in memory and write through this behind the typing path.
//!
//! Written on web-sys directly: the well-kept wrappers (`rexie`, `idb`) bring their own
//! futures and error layers for what is four requests here, and web-sys is already in
//! the wasm.

use js_sys::{Array, Function, Promise, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbFactory, IdbRequest, IdbTransaction, IdbTransactionMode};

use super::local::classify;
use super::StoreError;

/// The app's database.
pub const DB_NAME: &str = "unhurried";
const STORE: &str = "kv";
const VERSION: u32 = 1;

fn factory() -> Result<IdbFactory, StoreError> {
    web_sys::window()
        .ok_or_else(|| StoreError::Unavailable("no window".into()))?
        .indexed_db()
        .map_err(classify)?
        .ok_or_else(|| StoreError::Unavailable("IndexedDB is missing".into()))
}

/// Calls `settle` once, with `value`, when `set` fires; the closure frees itself.
fn once(settle: Function, value: impl FnOnce() -> JsValue + 'static) -> JsValue {
    Closure::once_into_js(move |_: web_sys::Event| {
        let _ = settle.call1(&JsValue::NULL, &value());
    })
}

/// A request's result, or its error.
async fn finished(req: &IdbRequest) -> Result<JsValue, StoreError> {
    let promise = Promise::new(&mut |resolve, reject| {
        let (ok, bad) = (req.clone(), req.clone());
        req.set_onsuccess(Some(
            once(resolve, move || ok.result().unwrap_or(JsValue::UNDEFINED)).unchecked_ref(),
        ));
        req.set_onerror(Some(
            once(reject, move || {
                bad.error()
                    .ok()
                    .flatten()
                    .map_or(JsValue::NULL, JsValue::from)
            })
            .unchecked_ref(),
        ));
    });
    JsFuture::from(promise).await.map_err(classify)
}

/// Waits until a transaction has committed. An abort (a full quota among them) is its
/// error; nothing of the transaction was written.
async fn committed(tx: &IdbTransaction) -> Result<(), StoreError> {
    let promise = Promise::new(&mut |resolve, reject| {
        let why = tx.clone();
        let reason = move || {
            why.error()
                .map(JsValue::from)
                .unwrap_or_else(|| JsValue::from_str("the transaction was aborted"))
        };
        tx.set_oncomplete(Some(once(resolve, || JsValue::UNDEFINED).unchecked_ref()));
        // An error also aborts the transaction: the abort event carries it.
        tx.set_onabort(Some(once(reject, reason).unchecked_ref()));
    });
    JsFuture::from(promise).await.map(|_| ()).map_err(classify)
}

/// One open database.
pub struct Idb {
    db: IdbDatabase,
}

impl Idb {
    /// Opens (and the first time, creates) the database `name`.
    pub async fn open(name: &str) -> Result<Idb, StoreError> {
        let req = factory()?.open_with_u32(name, VERSION).map_err(classify)?;
        let made = req.clone();
        let upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            if let Some(db) = made
                .result()
                .ok()
                .and_then(|r| r.dyn_into::<IdbDatabase>().ok())
            {
                if !db.object_store_names().contains(STORE) {
                    let _ = db.create_object_store(STORE);
                }
            }
        });
        req.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
        let db = finished(&req).await;
        req.set_onupgradeneeded(None);
        drop(upgrade);
        let db: IdbDatabase = db?
            .dyn_into()
            .map_err(|_| StoreError::Unavailable("IndexedDB did not open".into()))?;
        // A newer version upgrading the database (or it being deleted) waits for every
        // connection to close: this one steps aside; its later writes are refused, which
        // keeps them in memory and says so.
        let closing = db.clone();
        let step_aside = Closure::<dyn FnMut()>::new(move || closing.close());
        db.set_onversionchange(Some(step_aside.as_ref().unchecked_ref()));
        // It stays set for as long as the connection lives.
        step_aside.forget();
        Ok(Idb { db })
    }

    /// Removes the database `name` with everything in it.
    pub async fn delete(name: &str) -> Result<(), StoreError> {
        let req = factory()?.delete_database(name).map_err(classify)?;
        finished(&req).await.map(|_| ())
    }

    fn store(
        &self,
        mode: IdbTransactionMode,
    ) -> Result<(IdbTransaction, web_sys::IdbObjectStore), StoreError> {
        let tx = self
            .db
            .transaction_with_str_and_mode(STORE, mode)
            .map_err(classify)?;
        let store = tx.object_store(STORE).map_err(classify)?;
        Ok((tx, store))
    }

    /// Every entry, in key order.
    pub async fn entries(&self) -> Result<Vec<(String, Vec<u8>)>, StoreError> {
        let (_tx, store) = self.store(IdbTransactionMode::Readonly)?;
        // Both lists come from one transaction, so they describe the same moment.
        let keys = store.get_all_keys().map_err(classify)?;
        let values = store.get_all().map_err(classify)?;
        let keys: Array = finished(&keys).await?.unchecked_into();
        let values: Array = finished(&values).await?.unchecked_into();
        Ok(keys
            .iter()
            .zip(values.iter())
            .filter_map(|(k, v)| {
                let bytes = v.dyn_into::<Uint8Array>().ok()?.to_vec();
                Some((k.as_string()?, bytes))
            })
            .collect())
    }

    /// One entry's bytes, if it exists.
    pub async fn get(&self, key: &str) -> Result<Option<Vec<u8>>, StoreError> {
        let (_tx, store) = self.store(IdbTransactionMode::Readonly)?;
        let req = store.get(&JsValue::from_str(key)).map_err(classify)?;
        Ok(finished(&req)
            .await?
            .dyn_into::<Uint8Array>()
            .ok()
            .map(|a| a.to_vec()))
    }

    /// Writes `puts` and removes `removes` in one transaction: all of it, or (a full
    /// quota, a closed database) none of it.
    pub async fn write(
        &self,
        puts: &[(String, Vec<u8>)],
        removes: &[String],
    ) -> Result<(), StoreError> {
        let (tx, store) = self.store(IdbTransactionMode::Readwrite)?;
        let queued = (|| {
            for (key, bytes) in puts {
                let value = Uint8Array::from(bytes.as_slice());
                store.put_with_key(&value, &JsValue::from_str(key))?;
            }
            for key in removes {
                store.delete(&JsValue::from_str(key))?;
            }
            Ok::<(), JsValue>(())
        })();
        if let Err(e) = queued {
            // What was queued before the refusal must not commit on its own.
            let _ = tx.abort();
            return Err(classify(e));
        }
        committed(&tx).await
    }

    pub fn close(&self) {
        self.db.close();
    }
}
