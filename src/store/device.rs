//! Where this browser keeps documents: IndexedDB, seen through a synchronous
//! [`Mirror`], so an edit never waits on it. Started once, before the app opens anything
//! (`start`): it moves whatever an earlier version left in localStorage (under a Web Lock,
//! so two tabs never move at once), reads every entry into the mirror, and listens on a
//! BroadcastChannel for other tabs' writes. Each batch of writes goes out as one
//! transaction and, once kept, is announced to the other tabs.
//!
//! When IndexedDB cannot be had (some private modes), localStorage stands in, as before.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::{Array, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::idb::{Idb, DB_NAME};
use super::local::LocalStore;
use super::mirror::{Batch, Mirror};
use super::moving::{plan, without_kept_asides, Move};
use super::{KeyValue, StoreError, KEY_PREFIX};

#[wasm_bindgen(inline_js = r#"
export function with_lock(name, work) {
  if (navigator.locks && navigator.locks.request) return navigator.locks.request(name, () => work());
  return work();
}
"#)]
extern "C" {
    fn with_lock(name: &str, work: &Closure<dyn FnMut() -> Promise>) -> Promise;
}

const CHANNEL: &str = "unhurried-store";
const MOVE_LOCK: &str = "unhurried-move";

enum Sink {
    Idb(Rc<Idb>),
    Local(LocalStore),
}

type Listener = Rc<dyn Fn(&str, Option<&[u8]>)>;
type HealthListener = Rc<dyn Fn(Option<&StoreError>)>;

struct Device {
    mirror: RefCell<Mirror>,
    sink: Sink,
    flushing: Cell<bool>,
    /// The page is going away: IndexedDB's asynchronous writes may never finish.
    hiding: Cell<bool>,
    channel: Option<web_sys::BroadcastChannel>,
    listeners: RefCell<Vec<Listener>>,
    health: RefCell<Vec<HealthListener>>,
}

thread_local! {
    static DEVICE: RefCell<Option<Rc<Device>>> = const { RefCell::new(None) };
    static SET_ASIDE_ON_MOVE: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

fn device() -> Result<Rc<Device>, StoreError> {
    DEVICE
        .with(|d| d.borrow().clone())
        .ok_or_else(|| StoreError::Unavailable("storage is not open yet".into()))
}

/// What a move from localStorage did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Moved {
    /// Entries moved.
    pub entries: usize,
    /// Where parts damaged in localStorage itself were set aside.
    pub set_aside: Vec<String>,
}

/// What `start` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Started {
    pub moved: Moved,
    /// Why IndexedDB could not be had, when localStorage stands in.
    pub fallback: Option<StoreError>,
}

/// Where a move stops, for tests that interrupt it after each step in turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoveStep {
    Copied,
    Verified,
    OneRemoved,
}

/// localStorage's document entries, as (key, text).
fn local_entries(local: &LocalStore) -> Vec<(String, String)> {
    local
        .keys()
        .unwrap_or_default()
        .into_iter()
        .filter(|k| k.starts_with(KEY_PREFIX))
        .filter_map(|k| Some((k.clone(), local.text(&k).ok()??)))
        .collect()
}

/// Moves localStorage's documents into `idb`: copied in one transaction, read back and
/// compared, and only then removed from localStorage. Stopped anywhere, the next call
/// finds the same entries and copies them again over identical ones: nothing is lost,
/// and a part stored twice is the same Automerge changes, which merge as once.
pub async fn move_local_storage(
    idb: &Idb,
    now_ms: i64,
    stop: Option<MoveStep>,
) -> Result<Moved, StoreError> {
    let local = LocalStore::open();
    let mut moves: Vec<Move> = plan(local_entries(&local), now_ms);
    let mut moved = Moved::default();
    let mut only_remove = Vec::new();
    if moves.iter().any(|m| m.from != m.to) {
        (moves, only_remove) = without_kept_asides(moves, &idb.entries().await?);
    }
    if moves.is_empty() {
        for key in &only_remove {
            local.remove(key)?;
        }
        return Ok(moved);
    }
    let puts: Vec<(String, Vec<u8>)> = moves
        .iter()
        .map(|m| (m.to.clone(), m.bytes.clone()))
        .collect();
    idb.write(&puts, &[]).await?;
    if stop == Some(MoveStep::Copied) {
        return Ok(moved);
    }
    for m in &moves {
        if idb.get(&m.to).await?.as_deref() != Some(m.bytes.as_slice()) {
            return Err(StoreError::Unavailable(format!(
                "{} did not read back as written",
                m.to
            )));
        }
    }
    if stop == Some(MoveStep::Verified) {
        return Ok(moved);
    }
    for m in &moves {
        local.remove(&m.from)?;
        moved.entries += 1;
        if m.from != m.to {
            moved.set_aside.push(m.to.clone());
        }
        if stop == Some(MoveStep::OneRemoved) {
            return Ok(moved);
        }
    }
    for key in &only_remove {
        local.remove(key)?;
    }
    Ok(moved)
}

/// Moves localStorage's documents into `idb` holding a Web Lock, so two tabs starting
/// together move once: the second finds nothing left to move.
pub async fn move_under_lock(idb: Rc<Idb>, now_ms: i64) -> Result<Moved, StoreError> {
    let result = Rc::new(RefCell::new(None));
    let slot = result.clone();
    let mut idb = Some(idb);
    let closure = Closure::<dyn FnMut() -> Promise>::new(move || {
        let slot = slot.clone();
        let idb = idb.take();
        wasm_bindgen_futures::future_to_promise(async move {
            if let Some(idb) = idb {
                *slot.borrow_mut() = Some(move_local_storage(&idb, now_ms, None).await);
            }
            Ok(JsValue::UNDEFINED)
        })
    });
    let done = JsFuture::from(with_lock(MOVE_LOCK, &closure)).await;
    drop(closure);
    let moved = result.borrow_mut().take();
    match (done, moved) {
        (_, Some(moved)) => moved,
        (Err(e), None) => Err(super::local::classify(e)),
        (Ok(_), None) => Err(StoreError::Unavailable("the move did not run".into())),
    }
}

/// Opens this browser's storage for the app. Call once, before anything reads it.
pub async fn start(now_ms: i64) -> Started {
    let early: Rc<RefCell<Vec<JsValue>>> = Rc::default();
    let channel = web_sys::BroadcastChannel::new(CHANNEL).ok();
    // Other tabs' writes that arrive while this one loads are applied after it.
    if let Some(channel) = &channel {
        let early = early.clone();
        let on =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                match DEVICE.with(|d| d.borrow().clone()) {
                    Some(device) => device.receive(&ev.data()),
                    None => early.borrow_mut().push(ev.data()),
                }
            });
        channel.set_onmessage(Some(on.as_ref().unchecked_ref()));
        // The channel lives as long as the page.
        on.forget();
    }
    let (sink, moved, fallback, unmoved) = match Idb::open(DB_NAME).await {
        Ok(idb) => {
            let idb = Rc::new(idb);
            match move_under_lock(idb.clone(), now_ms).await {
                Ok(moved) => (Sink::Idb(idb), moved, None, Vec::new()),
                // A move that fails (a full disk) leaves localStorage as it was, for the
                // next start to try again; meanwhile what it holds is read from there.
                Err(_) => {
                    let unmoved = plan(local_entries(&LocalStore::open()), now_ms);
                    (Sink::Idb(idb), Moved::default(), None, unmoved)
                }
            }
        }
        Err(e) => (
            Sink::Local(LocalStore::open()),
            Moved::default(),
            Some(e),
            Vec::new(),
        ),
    };
    let entries = match &sink {
        Sink::Idb(idb) => {
            let mut entries = idb.entries().await.unwrap_or_default();
            entries.extend(unmoved.into_iter().map(|m| (m.to, m.bytes)));
            entries
        }
        Sink::Local(local) => local_entries(local)
            .into_iter()
            .filter_map(|(k, _)| Some((k.clone(), local.raw(&k).ok()??)))
            .collect(),
    };
    let device = Rc::new(Device {
        mirror: RefCell::new(Mirror::loaded(entries)),
        sink,
        flushing: Cell::new(false),
        hiding: Cell::new(false),
        channel,
        listeners: RefCell::default(),
        health: RefCell::default(),
    });
    DEVICE.with(|d| *d.borrow_mut() = Some(device.clone()));
    watch_page_hide();
    SET_ASIDE_ON_MOVE.with(|keys| *keys.borrow_mut() = moved.set_aside.clone());
    for message in early.take() {
        device.receive(&message);
    }
    Started { moved, fallback }
}

/// When the page goes away (closed, reloaded, navigated), writes not yet kept, and any
/// made while it goes (`pagehide` handlers save what was seen), go to localStorage too,
/// which writes at once; the next start moves them into IndexedDB like an earlier
/// version's data. Capture, so this runs before the app's own `pagehide` handlers.
fn watch_page_hide() {
    thread_local! {
        static WATCHING: Cell<bool> = const { Cell::new(false) };
    }
    if WATCHING.with(|w| w.replace(true)) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let hide = Closure::<dyn FnMut()>::new(|| {
        if let Ok(device) = device() {
            device.hiding.set(true);
            let local = LocalStore::open();
            for (key, bytes) in device.mirror.borrow().waiting_puts() {
                let _ = local.set(key, bytes);
            }
        }
    });
    // Back from the back-forward cache: IndexedDB writes finish again.
    let show = Closure::<dyn FnMut()>::new(|| {
        if let Ok(device) = device() {
            device.hiding.set(false);
        }
    });
    let capture = web_sys::AddEventListenerOptions::new();
    capture.set_capture(true);
    let _ = window.add_event_listener_with_callback_and_add_event_listener_options(
        "pagehide",
        hide.as_ref().unchecked_ref(),
        &capture,
    );
    let _ = window.add_event_listener_with_callback("pageshow", show.as_ref().unchecked_ref());
    // They listen for the page's whole life.
    hide.forget();
    show.forget();
}

impl Device {
    fn schedule_flush(self: &Rc<Self>) {
        if self.flushing.replace(true) {
            return;
        }
        let device = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            // Everything written in this turn of the event loop goes in one batch.
            loop {
                let Some(batch) = device.mirror.borrow_mut().take_batch() else {
                    break;
                };
                let result = device.write(&batch).await;
                let refused = result.is_err();
                device.mirror.borrow_mut().batch_done(result);
                if !refused {
                    device.announce(&batch);
                }
                let refused_now = device.mirror.borrow().refused().cloned();
                for listener in device.health.borrow().clone() {
                    listener(refused_now.as_ref());
                }
                if refused {
                    // Retried with the next write.
                    break;
                }
            }
            device.flushing.set(false);
        });
    }

    async fn write(&self, batch: &Batch) -> Result<(), StoreError> {
        match &self.sink {
            Sink::Idb(idb) => idb.write(&batch.puts, &batch.removes).await,
            Sink::Local(local) => {
                for (key, bytes) in &batch.puts {
                    local.set(key, bytes)?;
                }
                for key in &batch.removes {
                    local.remove(key)?;
                }
                Ok(())
            }
        }
    }

    /// Tells the other tabs what this one has stored: `[[key, bytes]...]` and removed keys.
    fn announce(&self, batch: &Batch) {
        let Some(channel) = &self.channel else { return };
        let puts = Array::new();
        for (key, bytes) in &batch.puts {
            puts.push(&Array::of2(
                &JsValue::from_str(key),
                &Uint8Array::from(bytes.as_slice()),
            ));
        }
        let removes: Array = batch.removes.iter().map(|k| JsValue::from_str(k)).collect();
        let _ = channel.post_message(&Array::of2(&puts, &removes));
    }

    /// Another tab's announcement: into the mirror, then to whoever listens.
    fn receive(&self, data: &JsValue) {
        let Ok(message) = data.clone().dyn_into::<Array>() else {
            return;
        };
        let puts: Array = message.get(0).dyn_into().unwrap_or_default();
        let removes: Array = message.get(1).dyn_into().unwrap_or_default();
        let mut seen: Vec<(String, Option<Vec<u8>>)> = Vec::new();
        for put in puts.iter() {
            let Ok(put) = put.dyn_into::<Array>() else {
                continue;
            };
            let (Some(key), Ok(bytes)) =
                (put.get(0).as_string(), put.get(1).dyn_into::<Uint8Array>())
            else {
                continue;
            };
            seen.push((key, Some(bytes.to_vec())));
        }
        for key in removes.iter().filter_map(|k| k.as_string()) {
            seen.push((key, None));
        }
        for (key, value) in &seen {
            self.mirror.borrow_mut().foreign(key, value.as_deref());
        }
        let listeners = self.listeners.borrow().clone();
        for (key, value) in &seen {
            for listener in &listeners {
                listener(key, value.as_deref());
            }
        }
    }
}

/// The app's handle on this browser's storage.
#[derive(Clone, Copy, Debug, Default)]
pub struct DeviceStore;

impl DeviceStore {
    pub fn open() -> DeviceStore {
        DeviceStore
    }

    /// Calls `f` with each key another tab stores (with its bytes) or removes.
    pub fn on_foreign(f: impl Fn(&str, Option<&[u8]>) + 'static) {
        if let Ok(device) = device() {
            device.listeners.borrow_mut().push(Rc::new(f));
        }
    }

    /// Calls `f` after each batch: with the refusal while writes wait in memory only,
    /// with None once they are kept.
    pub fn on_health(f: impl Fn(Option<&StoreError>) + 'static) {
        if let Ok(device) = device() {
            device.health.borrow_mut().push(Rc::new(f));
        }
    }

    /// Where this start's move set aside parts damaged in localStorage, for the person to
    /// be told and to export them.
    pub fn set_aside_on_move() -> Vec<String> {
        SET_ASIDE_ON_MOVE.with(|keys| keys.borrow().clone())
    }

    /// Every stored key with its size in bytes.
    pub fn sizes() -> Vec<(String, usize)> {
        device().map_or_else(
            |_| Vec::new(),
            |d| {
                d.mirror
                    .borrow()
                    .entries()
                    .map(|(k, v)| (k.clone(), v.len()))
                    .collect()
            },
        )
    }

    /// Why the last batch was refused, while writes wait in memory only.
    pub fn refused() -> Option<StoreError> {
        device().ok()?.mirror.borrow().refused().cloned()
    }

    /// Sends what waits in memory again (after the person freed space).
    pub fn retry() {
        if let Ok(device) = device() {
            device.schedule_flush();
        }
    }

    /// Whether a batch is being written now.
    pub fn is_writing() -> bool {
        device().is_ok_and(|d| d.flushing.get())
    }

    /// Whether writes still wait to be kept.
    pub fn has_waiting() -> bool {
        device().is_ok_and(|d| d.mirror.borrow().has_waiting())
    }

    /// Whether documents are in IndexedDB (rather than localStorage standing in).
    pub fn in_indexed_db() -> bool {
        device().is_ok_and(|d| matches!(d.sink, Sink::Idb(_)))
    }
}

impl KeyValue for DeviceStore {
    fn get(&self, key: &str) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(device()?.mirror.borrow().get(key).map(<[u8]>::to_vec))
    }
    fn set(&self, key: &str, value: &[u8]) -> Result<(), StoreError> {
        let device = device()?;
        device.mirror.borrow_mut().set(key, value);
        if device.hiding.get() {
            let _ = LocalStore::open().set(key, value);
        }
        device.schedule_flush();
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        let device = device()?;
        device.mirror.borrow_mut().remove(key);
        device.schedule_flush();
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(device()?.mirror.borrow().keys().cloned().collect())
    }
}
