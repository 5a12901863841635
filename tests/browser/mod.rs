//! Helpers the browser tests share.

use wasm_bindgen::prelude::*;

/// Waits `ms` milliseconds, letting the page's tasks and IndexedDB's events run.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen(inline_js = r#"
const put = IDBObjectStore.prototype.put;
export function refuse_writes(on) {
  IDBObjectStore.prototype.put = on
    ? function () { throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); }
    : put;
}
"#)]
extern "C" {
    /// Makes every IndexedDB write refuse as a full disk does, or lets them through again.
    pub fn refuse_writes(on: bool);
}
