//! Persistent storage and quota: asks the browser not to evict this site's data, and
//! reads how much of the quota is used.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// What the browser said about storage.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct StorageStatus {
    /// `None` when the browser has no Storage API.
    pub persisted: Option<bool>,
    pub usage_bytes: Option<f64>,
    pub quota_bytes: Option<f64>,
}

fn manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // Older browsers have no navigator.storage; web-sys would hand back undefined.
    let storage = js_sys::Reflect::get(&navigator, &JsValue::from_str("storage")).ok()?;
    if storage.is_undefined() {
        return None;
    }
    Some(navigator.storage())
}

async fn bool_of(promise: Result<js_sys::Promise, JsValue>) -> Option<bool> {
    JsFuture::from(promise.ok()?).await.ok()?.as_bool()
}

/// Asks for persistent storage (the browser may grant it silently, ask, or refuse).
pub async fn request_persistence() -> Option<bool> {
    let m = manager()?;
    if bool_of(m.persisted()).await == Some(true) {
        return Some(true);
    }
    bool_of(m.persist()).await
}

pub async fn status() -> StorageStatus {
    let Some(m) = manager() else {
        return StorageStatus::default();
    };
    let persisted = bool_of(m.persisted()).await;
    let estimate = match m.estimate() {
        Ok(p) => JsFuture::from(p).await.ok(),
        Err(_) => None,
    };
    let field = |name: &str| {
        estimate
            .as_ref()
            .and_then(|e| js_sys::Reflect::get(e, &JsValue::from_str(name)).ok())
            .and_then(|v| v.as_f64())
    };
    StorageStatus {
        persisted,
        usage_bytes: field("usage"),
        quota_bytes: field("quota"),
    }
}
