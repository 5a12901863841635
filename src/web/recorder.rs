//! Recording an explanation (screen, camera or both, with the microphone) and keeping
//! the videos on this device, in an IndexedDB database of their own so the documents'
//! store never holds a blob. Capture, the WebM recorder and the blob store are a small
//! JavaScript module: through web-sys they would cost wasm for calls the app only
//! passes along. Failures come back as the DOMException's name, worded by the caller.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::model::ids::RecordingId;
use crate::model::recording::{RecordingInfo, MAX_MS};

#[wasm_bindgen(inline_js = r#"
let opening = null;
function db() {
  return opening || (opening = new Promise((ok, no) => {
    const r = indexedDB.open("unhurried-recordings", 1);
    r.onupgradeneeded = () => r.result.createObjectStore("videos", { keyPath: "id" });
    r.onsuccess = () => {
      const d = r.result;
      d.onversionchange = () => { d.close(); opening = null; };
      ok(d);
    };
    r.onerror = () => { opening = null; no(r.error); };
  }));
}
// Told after every change kept, in this tab and (through the channel) in the others.
let watcher = () => {};
const others = typeof BroadcastChannel === "function" ? new BroadcastChannel("unhurried-recordings") : null;
if (others) others.onmessage = () => watcher();
export function rec_watch(f) { watcher = f; }
function run(mode, act) {
  return db().then((d) => new Promise((ok, no) => {
    const t = d.transaction("videos", mode);
    const req = act(t.objectStore("videos"));
    t.oncomplete = () => {
      ok(req ? req.result : undefined);
      if (mode === "readwrite") { watcher(); if (others) others.postMessage(0); }
    };
    t.onabort = t.onerror = () => no(t.error || new DOMException("", "AbortError"));
  })).catch((e) => { throw (e && e.name) || "Error"; });
}
export function rec_list() {
  return run("readonly", (s) => s.getAll()).then((all) =>
    all.map((r) => [r.id, r.title, r.doc, r.ms, r.blob.size, r.at, r.blob.type]));
}
export function rec_put(id, title, doc, ms, at, blob) {
  return run("readwrite", (s) => s.put({ id, title, doc, ms, at, blob }));
}
export function rec_put_bytes(id, title, doc, ms, at, mime, bytes) {
  return rec_put(id, title, doc, ms, at, new Blob([bytes], { type: mime }));
}
export function rec_get(id) { return run("readonly", (s) => s.get(id)).then((r) => r || null); }
export function rec_restore(record) { return run("readwrite", (s) => s.put(record)); }
export function rec_delete(id) { return run("readwrite", (s) => s.delete(id)); }
// Deletes a video and returns its whole record, for an undo.
export function rec_take(id) {
  return run("readwrite", (s) => {
    const g = s.get(id);
    g.onsuccess = () => { if (g.result) s.delete(id); };
    return g;
  }).then((r) => r || null);
}
export function rec_title(id, title) {
  return run("readwrite", (s) => {
    const g = s.get(id);
    g.onsuccess = () => { if (g.result) s.put({ ...g.result, title }); };
    return null;
  }).catch(() => {});
}
export function rec_bytes(id) {
  return rec_get(id).then((r) => (r ? r.blob.arrayBuffer().then((b) => new Uint8Array(b)) : null));
}
export function blob_url(blob) { return URL.createObjectURL(blob); }
export function record_blob(record) { return record.blob; }
export function revoke_url(url) { URL.revokeObjectURL(url); }

let current = null;
export async function rec_start(source, limit, preview, on_stop) {
  const md = navigator.mediaDevices;
  if (!md || !window.MediaRecorder || !md.getUserMedia) throw "NotSupportedError";
  const got = [];
  const release = () => got.forEach((s) => s.getTracks().forEach((t) => t.stop()));
  let screen = null, cam;
  try {
    // The screen first: the browser asks for it only straight from the click.
    if (source !== "camera") {
      if (!md.getDisplayMedia) throw { name: "NotSupportedError" };
      screen = await md.getDisplayMedia({ video: true, audio: false });
      got.push(screen);
    }
    cam = await md.getUserMedia({ audio: true, video: source !== "screen" });
    got.push(cam);
  } catch (e) {
    release();
    throw (e && e.name) || "Error";
  }
  // Anything failing from here on must not leave the camera or the screen share on.
  let tick = null;
  try {
    let draw = null, video;
    if (source === "both") {
      const play = (s) => { const v = document.createElement("video"); v.muted = true; v.srcObject = s; return v.play().then(() => v); };
      const [sv, cv] = await Promise.all([play(screen), play(cam)]);
      const c = document.createElement("canvas");
      c.width = sv.videoWidth || 1280;
      c.height = sv.videoHeight || 720;
      const g = c.getContext("2d");
      // The camera in the lower right corner, a quarter of the width.
      draw = () => {
        g.drawImage(sv, 0, 0, c.width, c.height);
        const w = Math.round(c.width / 4), h = Math.round(w * (cv.videoHeight || 3) / (cv.videoWidth || 4));
        g.drawImage(cv, c.width - w - 16, c.height - h - 16, w, h);
      };
      draw();
      video = c.captureStream(30).getVideoTracks()[0];
      got.push(new MediaStream([video]));
    } else {
      video = (screen || cam).getVideoTracks()[0];
    }
    const stream = new MediaStream([video, ...cam.getAudioTracks()]);
    const mimeType = ["video/webm;codecs=vp9,opus", "video/webm;codecs=vp8,opus", "video/webm"]
      .find((t) => MediaRecorder.isTypeSupported(t)) || "";
    const rec = new MediaRecorder(stream, { mimeType, videoBitsPerSecond: 1000000, audioBitsPerSecond: 64000 });
    const parts = [];
    const t0 = performance.now();
    let ms = 0;
    tick = new Worker("/tick.js");
    tick.postMessage(draw ? 33 : 250);
    const finish = () => {
      if (rec.state === "inactive") return;
      ms = Math.min(limit, Math.round(performance.now() - t0));
      rec.stop();
    };
    tick.onmessage = () => {
      if (draw) draw();
      if (performance.now() - t0 >= limit) finish();
    };
    rec.ondataavailable = (e) => { if (e.data.size) parts.push(e.data); };
    rec.onstop = () => {
      tick.terminate();
      release();
      current = null;
      if (preview) preview.srcObject = null;
      on_stop(new Blob(parts, { type: (rec.mimeType || "video/webm").split(";")[0] }), ms);
    };
    // Stopping the share from the browser's own bar ends the recording too.
    (screen || cam).getVideoTracks().forEach((t) => t.addEventListener("ended", finish));
    if (preview) { preview.muted = true; preview.srcObject = new MediaStream([video]); preview.play().catch(() => {}); }
    rec.start(1000);
    current = finish;
  } catch (e) {
    if (tick) tick.terminate();
    release();
    throw (e && e.name) || "Error";
  }
}
export function rec_stop() { if (current) current(); }
"#)]
extern "C" {
    #[wasm_bindgen(catch)]
    fn rec_list() -> Result<js_sys::Promise, JsValue>;
    fn rec_put(
        id: &str,
        title: &str,
        doc: &str,
        ms: u32,
        at: f64,
        blob: &JsValue,
    ) -> js_sys::Promise;
    #[allow(clippy::too_many_arguments)]
    fn rec_put_bytes(
        id: &str,
        title: &str,
        doc: &str,
        ms: u32,
        at: f64,
        mime: &str,
        bytes: &[u8],
    ) -> js_sys::Promise;
    fn rec_get(id: &str) -> js_sys::Promise;
    fn rec_restore(record: &JsValue) -> js_sys::Promise;
    fn rec_delete(id: &str) -> js_sys::Promise;
    fn rec_take(id: &str) -> js_sys::Promise;
    fn rec_watch(on_change: &Closure<dyn FnMut()>);
    fn rec_title(id: &str, title: &str) -> js_sys::Promise;
    fn rec_bytes(id: &str) -> js_sys::Promise;
    fn blob_url(blob: &JsValue) -> String;
    fn record_blob(record: &JsValue) -> JsValue;
    fn revoke_url(url: &str);
    fn rec_start(
        source: &str,
        limit: u32,
        preview: &JsValue,
        on_stop: &Closure<dyn FnMut(JsValue, u32)>,
    ) -> js_sys::Promise;
    fn rec_stop();
}

/// Why recording or keeping a video failed: the DOMException's name.
pub type MediaError = String;

async fn wait(promise: js_sys::Promise) -> Result<JsValue, MediaError> {
    JsFuture::from(promise)
        .await
        .map_err(|e| e.as_string().unwrap_or_else(|| "Error".into()))
}

/// What to record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Screen,
    Camera,
    Both,
}

impl Source {
    fn key(self) -> &'static str {
        match self {
            Source::Screen => "screen",
            Source::Camera => "camera",
            Source::Both => "both",
        }
    }
}

/// Starts recording, showing what is recorded in `preview`; `on_stop` gets the video
/// and its length in milliseconds when it ends (stopped, five minutes, or the share
/// ended). Call straight from a click: the browser asks for the screen only then.
pub async fn start(
    source: Source,
    preview: &JsValue,
    on_stop: impl FnOnce(JsValue, u32) + 'static,
) -> Result<(), MediaError> {
    let mut once = Some(on_stop);
    let closure = Closure::<dyn FnMut(JsValue, u32)>::new(move |blob, ms| {
        if let Some(f) = once.take() {
            f(blob, ms);
        }
    });
    let started = wait(rec_start(source.key(), MAX_MS, preview, &closure)).await;
    // The recorder calls it at most once, at any time after this.
    closure.forget();
    started.map(drop)
}

/// Ends the recording under way, if any.
pub fn stop() {
    rec_stop();
}

/// Keeps a video on this device.
pub async fn keep(info: &RecordingInfo, blob: &JsValue) -> Result<(), MediaError> {
    let id = info.id.to_string();
    wait(rec_put(
        &id,
        &info.title,
        &info.doc,
        info.ms,
        info.at as f64,
        blob,
    ))
    .await
    .map(drop)
}

/// Keeps a video that arrived in a file.
pub async fn keep_bytes(info: &RecordingInfo, bytes: &[u8]) -> Result<(), MediaError> {
    let mime = if info.mime.starts_with("video/") || info.mime.starts_with("audio/") {
        info.mime.as_str()
    } else {
        "video/webm"
    };
    let id = info.id.to_string();
    wait(rec_put_bytes(
        &id,
        &info.title,
        &info.doc,
        info.ms,
        info.at as f64,
        mime,
        bytes,
    ))
    .await
    .map(drop)
}

/// Every video kept on this device, with its size in bytes.
pub async fn list() -> Result<Vec<(RecordingInfo, u64)>, MediaError> {
    let promise = rec_list().map_err(|_| MediaError::from("NotSupportedError"))?;
    let all = wait(promise).await?;
    let text = |v: JsValue| v.as_string().unwrap_or_default();
    let num = |v: JsValue| v.as_f64().unwrap_or(0.0);
    Ok(Array::from(&all)
        .iter()
        .filter_map(|row| {
            let row = Array::from(&row);
            let info = RecordingInfo {
                id: RecordingId::parse(&text(row.get(0)))?,
                title: text(row.get(1)),
                doc: text(row.get(2)),
                ms: num(row.get(3)) as u32,
                mime: text(row.get(6)),
                at: num(row.get(5)) as i64,
            };
            Some((info, num(row.get(4)) as u64))
        })
        .collect())
}

/// A kept video's whole record (for an undo), or `None` when it is not here.
pub async fn record(id: RecordingId) -> Option<JsValue> {
    wait(rec_get(&id.to_string()))
        .await
        .ok()
        .filter(|r| !r.is_null())
}

/// A kept video's bytes, for a file.
pub async fn bytes(id: RecordingId) -> Option<Vec<u8>> {
    let got = wait(rec_bytes(&id.to_string())).await.ok()?;
    (!got.is_null()).then(|| Uint8Array::from(got).to_vec())
}

pub async fn restore(record: &JsValue) -> Result<(), MediaError> {
    wait(rec_restore(record)).await.map(drop)
}

pub async fn delete(id: RecordingId) -> Result<(), MediaError> {
    wait(rec_delete(&id.to_string())).await.map(drop)
}

/// A new title, kept with the video (a failure only leaves the old title in Settings).
pub fn retitle(id: RecordingId, title: &str) -> js_sys::Promise {
    rec_title(&id.to_string(), title)
}

/// Deletes a video and returns its whole record, for an undo; `None` when it was not here.
pub async fn take(id: RecordingId) -> Result<Option<JsValue>, MediaError> {
    Ok(Some(wait(rec_take(&id.to_string())).await?).filter(|r| !r.is_null()))
}

/// Offers a kept video as a download named `name`.
pub fn download_kept(id: RecordingId, name: &str) {
    let name = name.to_owned();
    wasm_bindgen_futures::spawn_local(async move {
        if let Some(r) = record(id).await {
            crate::web::save_blob(&blob_of(&r), &name);
        }
    });
}

/// Calls `on_change` after every change to the videos kept, made in any tab.
pub fn watch(on_change: impl FnMut() + 'static) {
    let closure = Closure::<dyn FnMut()>::new(on_change);
    rec_watch(&closure);
    // Kept for the page's life: the store calls it at any time.
    closure.forget();
}

/// An address the page can play or download a video from; revoke it when done.
pub fn url_of_blob(blob: &JsValue) -> String {
    blob_url(blob)
}

/// The video inside a record `record` returned.
pub fn blob_of(record: &JsValue) -> JsValue {
    record_blob(record)
}

pub fn revoke(url: &str) {
    revoke_url(url);
}

/// Offers a video as a download named `name`.
pub fn download(blob: &JsValue, name: &str) {
    crate::web::save_blob(blob, name);
}
