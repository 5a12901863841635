//! Browser tests (wasm-bindgen-test in headless Chromium) of the recordings kept on this
//! device in IndexedDB: a video is kept with its listing and read back whole, renamed,
//! taken out and put back from its record (the undo), every change told to the page, carried as bytes into another
//! store's copy with a media type checked, and a refused write comes back as the
//! DOMException's name the screens word.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Uint8Array};
use unhurried::model::ids::RecordingId;
use unhurried::model::recording::RecordingInfo;
use unhurried::web::recorder;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn info(n: u8, title: &str) -> RecordingInfo {
    RecordingInfo {
        id: RecordingId::from_bytes([n; 16]),
        title: title.into(),
        doc: "ab".repeat(16),
        ms: 1_500,
        mime: String::new(),
        at: 1_790_000_000_000,
    }
}

fn blob(bytes: &[u8], mime: &str) -> JsValue {
    let parts = Array::of1(&Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .unwrap()
        .into()
}

async fn kept(id: RecordingId) -> Option<(RecordingInfo, u64)> {
    recorder::list()
        .await
        .unwrap()
        .into_iter()
        .find(|(i, _)| i.id == id)
}

#[wasm_bindgen_test]
async fn a_video_is_kept_listed_renamed_deleted_and_put_back_whole() {
    let a = info(1, "Why March");
    let video: Vec<u8> = (0..50_000u32).map(|n| (n % 251) as u8).collect();
    recorder::keep(&a, &blob(&video, "video/webm"))
        .await
        .unwrap();
    let (listed, size) = kept(a.id).await.unwrap();
    assert_eq!(size, 50_000);
    assert_eq!(
        (listed.title.as_str(), listed.ms, listed.at),
        ("Why March", 1_500, a.at)
    );
    assert_eq!(listed.mime, "video/webm");
    assert_eq!(recorder::bytes(a.id).await.unwrap(), video);

    recorder::retitle(a.id, "Why we moved to March")
        .await
        .unwrap();
    assert_eq!(kept(a.id).await.unwrap().0.title, "Why we moved to March");

    let record = recorder::take(a.id).await.unwrap().unwrap();
    assert!(kept(a.id).await.is_none());
    assert_eq!(recorder::take(a.id).await, Ok(None));
    assert!(recorder::record(a.id).await.is_none());
    assert!(recorder::bytes(a.id).await.is_none());
    recorder::restore(&record).await.unwrap();
    assert_eq!(recorder::bytes(a.id).await.unwrap(), video);
    recorder::delete(a.id).await.unwrap();
}

#[wasm_bindgen_test]
async fn every_change_kept_is_told() {
    use std::cell::Cell;
    use std::rc::Rc;
    let told = Rc::new(Cell::new(0));
    let count = told.clone();
    recorder::watch(move || count.set(count.get() + 1));
    let d = info(4, "Told");
    recorder::keep(&d, &blob(&[9], "video/webm")).await.unwrap();
    assert_eq!(told.get(), 1);
    recorder::take(d.id).await.unwrap();
    assert_eq!(told.get(), 2);
    // Reading tells nothing.
    recorder::list().await.unwrap();
    assert_eq!(told.get(), 2);
    recorder::watch(|| {});
}

#[wasm_bindgen_test]
async fn a_video_from_a_file_is_kept_with_a_media_type_that_plays() {
    let mut b = info(2, "From a backup");
    b.mime = "text/html".into();
    recorder::keep_bytes(&b, &[1, 2, 3]).await.unwrap();
    assert_eq!(kept(b.id).await.unwrap().0.mime, "video/webm");
    b.mime = "video/webm;codecs=vp8,opus".into();
    recorder::keep_bytes(&b, &[4, 5]).await.unwrap();
    let (listed, size) = kept(b.id).await.unwrap();
    assert_eq!(
        (listed.mime.as_str(), size),
        ("video/webm;codecs=vp8,opus", 2)
    );
    recorder::delete(b.id).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_refused_write_says_why() {
    // The store refuses writes as a full disk does.
    js_sys::eval(
        "globalThis.__put = IDBObjectStore.prototype.put;
         IDBObjectStore.prototype.put = function () {
           throw new DOMException('full', 'QuotaExceededError');
         };",
    )
    .unwrap();
    let c = info(3, "Too big");
    let refused = recorder::keep(&c, &blob(&[1], "video/webm")).await;
    js_sys::eval("IDBObjectStore.prototype.put = globalThis.__put;").unwrap();
    assert_eq!(refused, Err("QuotaExceededError".to_string()));
    assert!(kept(c.id).await.is_none());
}
