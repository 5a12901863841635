//! The few browser calls that are easier in JavaScript than through web-sys: the time
//! zone, file downloads and the service worker. Loaded as a module file (a wasm-bindgen
//! snippet), so the Content Security Policy needs no inline script.

pub mod recorder;
pub mod zones;

use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
export function browser_time_zone_raw() {
  try { return Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (_) { return ""; }
}
export function download_bytes(bytes, filename, mime) {
  save_blob(new Blob([bytes], { type: mime }), filename);
}
export function save_blob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
export function register_service_worker(on_update_ready) {
  if (!("serviceWorker" in navigator)) return;
  // Asks again whether a new build waits; set once the registration is known.
  let recheck = () => {};
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    // Reload only when the person asked for the new build: the first worker also takes
    // control (clients.claim), and reloading then would drop whatever is being typed.
    if (window.__unhurriedUpdateRequested) {
      window.__unhurriedUpdateRequested = false;
      location.reload();
      return;
    }
    // The first worker claimed this page. A new build may have finished installing while
    // the page was not controlled yet (it was announced to no one then): offer it now.
    recheck();
  });
  // Registered once the page has loaded, so the worker's precache downloads do not
  // compete with the first start of the app.
  const register = () => navigator.serviceWorker.register("/sw.js").then((reg) => {
    // A new build is ready when a worker waits while an older one controls this page.
    // Both halves can come true in either order, so each of them asks.
    recheck = () => {
      if (reg.waiting && navigator.serviceWorker.controller) on_update_ready();
    };
    const watch = (worker) => {
      if (!worker) return;
      worker.addEventListener("statechange", () => {
        if (worker.state === "installed" && navigator.serviceWorker.controller) on_update_ready();
      });
    };
    recheck();
    // A new build found while this page was still starting is already installing: its
    // "updatefound" has fired before this listener existed, so watch it too.
    watch(reg.installing);
    reg.addEventListener("updatefound", () => watch(reg.installing));
  }).catch(() => {});
  if (document.readyState === "complete") setTimeout(register, 0);
  else addEventListener("load", () => setTimeout(register, 0), { once: true });
}
export function take_fragment() {
  const hash = location.hash;
  if (!hash || hash.length < 2) return "";
  // The link's document must not linger in the address bar or the history, and a
  // reload must not import it again.
  history.replaceState(history.state, "", location.pathname + location.search);
  return hash.slice(1);
}
export function on_fragment(callback) {
  addEventListener("hashchange", () => callback());
}
export function copy_text(text) {
  if (navigator.clipboard && navigator.clipboard.writeText) {
    return navigator.clipboard.writeText(text).then(() => true, () => false);
  }
  return Promise.resolve(false);
}
export function can_share_file() {
  try {
    const f = new File([new Uint8Array(1)], "x.unhurried", { type: "application/octet-stream" });
    return !!(navigator.canShare && navigator.canShare({ files: [f] }));
  } catch (_) { return false; }
}
export function share_file(bytes, filename, title) {
  const f = new File([bytes], filename, { type: "application/octet-stream" });
  return navigator.share({ files: [f], title }).then(() => true, () => false);
}
// Formatting in the person's locale. Building an Intl formatter costs far more than using
// one, and rows format many values, so each is built once per kind and kept.
const formatters = new Map();
function formatter(Kind, key, options) {
  const id = Kind.name + "|" + key;
  if (!formatters.has(id)) {
    let f = null;
    try { f = new Kind(undefined, options); } catch (_) {}
    formatters.set(id, f);
  }
  return formatters.get(id);
}
// One date style across the app: "1 Dec 2026" (en-GB), "Dec 1, 2026" (en-US).
const DATE = { day: "numeric", month: "short", year: "numeric" };
// "9:05 AM" where the locale counts twelve hours, "09:05" where it counts 24.
let time_options = null;
function TIME() {
  if (!time_options) {
    const probe = formatter(Intl.DateTimeFormat, "h", { hour: "numeric", timeZone: "UTC" });
    const twelve = !!(probe && probe.resolvedOptions().hour12);
    time_options = { hour: twelve ? "numeric" : "2-digit", minute: "2-digit" };
  }
  return time_options;
}
function date_time(key, options, ms, zone) {
  const f = formatter(Intl.DateTimeFormat, key + "|" + zone, { ...options, timeZone: zone || undefined })
    || formatter(Intl.DateTimeFormat, key, options);
  return f ? f.format(ms) : "";
}
export function format_time(ms, zone) {
  return date_time("dt", { ...DATE, ...TIME() }, ms, zone);
}
export function format_moment(ms, zone) {
  return date_time("m", { weekday: "short", day: "numeric", month: "short", ...TIME() }, ms, zone);
}
export function format_date(ms, weekday) {
  return date_time(weekday ? "wd" : "d", weekday ? { weekday: "short", ...DATE } : DATE, ms, "UTC");
}
export function format_clock(ms) { return date_time("t", TIME(), ms, "UTC"); }
// "10:42" on this device's clock.
export function format_clock_here(ms) { return date_time("th", TIME(), ms, ""); }
// "2 PM" where the locale counts twelve hours; "14:00" where it counts 24 ("14" alone reads badly).
export function format_hour(ms) {
  const f = formatter(Intl.DateTimeFormat, "h", { hour: "numeric", timeZone: "UTC" });
  return f && TIME().hour === "numeric" ? f.format(ms) : format_clock(ms);
}
export function format_weekday(ms) { return date_time("w", { weekday: "short" }, ms, "UTC"); }
export function format_month(ms, long) {
  return date_time(long ? "ml" : "ms", long ? { month: "long", year: "numeric" } : { month: "short" }, ms, "UTC");
}
export function format_money(amount, currency) {
  const f = formatter(Intl.NumberFormat, "c" + currency, { style: "currency", currency });
  return f ? f.format(amount) : "";
}
export function format_number(n, digits) {
  const f = formatter(Intl.NumberFormat, "n" + digits, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return f ? f.format(n) : "";
}
export function format_percent(fraction) {
  const f = formatter(Intl.NumberFormat, "p", { style: "percent" });
  return f ? f.format(fraction) : "";
}
export function region_name(code) {
  const f = formatter(Intl.DisplayNames, "region", { type: "region" });
  try { return (f && f.of(code)) || ""; } catch (_) { return ""; }
}
export function notification_permission() {
  return typeof Notification === "undefined" ? "unsupported" : Notification.permission;
}
export function request_notifications() {
  if (typeof Notification === "undefined") return Promise.resolve("unsupported");
  return Notification.requestPermission().then((p) => p, () => "denied");
}
export function notify(title, body, tag) {
  if (typeof Notification === "undefined" || Notification.permission !== "granted") return false;
  // An installed app shows it through its service worker (the only way on Android);
  // an open tab can also create it directly.
  const direct = () => { try { new Notification(title, { body, tag }); } catch (_) {} };
  if (navigator.serviceWorker && navigator.serviceWorker.controller) {
    navigator.serviceWorker.ready
      .then((reg) => reg.showNotification(title, { body, tag }))
      .catch(direct);
  } else {
    direct();
  }
  return true;
}
// A form's field by name, read when it is sent (a radio group answers its checked
// value), so a form need not mirror each field in a signal as it is typed.
export function form_field(form, name) {
  const el = form && form.elements ? form.elements.namedItem(name) : null;
  return el && el.value != null ? String(el.value) : "";
}
export function form_reset(form) { if (form && form.reset) form.reset(); }
// The control someone used to write before they had given a name: once they have,
// the same write is made again, so nothing they typed or clicked is lost.
let writer = null;
export function remember_writer() {
  const el = document.activeElement;
  writer = el && el !== document.body ? el : null;
}
export function retry_writer() {
  const el = writer;
  writer = null;
  if (!el || !el.isConnected) return;
  el.focus();
  if (el instanceof HTMLButtonElement) el.click();
  else if (el instanceof HTMLInputElement && (el.type === "radio" || el.type === "checkbox")) {
    el.dispatchEvent(new Event("change", { bubbles: true }));
  } else if (el.form) el.form.requestSubmit();
}
export function perf_mark(name) { try { performance.mark(name); } catch (_) {} }
export function perf_measure(name, start, end) { try { performance.measure(name, start, end); } catch (_) {} }
// A notice never covers the control in use: it sits above the on-screen keyboard (the
// bottom of the visual viewport), and moves to the top while the bottom would cover the
// focused field, whichever place covers less of it.
export function keep_toast_clear(region) {
  const vv = window.visualViewport;
  const gap = 16;
  let queued = false;
  const place = () => {
    queued = false;
    const top = vv ? vv.offsetTop : 0;
    const height = vv ? vv.height : innerHeight;
    region.style.setProperty("--toast-top", `${top + gap}px`);
    region.style.setProperty("--toast-bottom", `${Math.max(0, innerHeight - top - height) + gap}px`);
    const toast = region.firstElementChild;
    const el = document.activeElement;
    // Pressing a button in the toast focuses it: the toast must stay where it was
    // pressed, or the release lands beside it and the click (Undo) is lost.
    if (el && region.contains(el)) return;
    let up = false;
    if (toast && el && el !== document.body && el.id !== "main") {
      const f = el.getBoundingClientRect();
      const h = toast.getBoundingClientRect().height;
      const cover = (from) => Math.max(0, Math.min(f.bottom, from + h) - Math.max(f.top, from));
      const below = cover(top + height - gap - h);
      up = below > 0 && cover(top + gap) < below;
    }
    region.classList.toggle("top", up);
  };
  const later = () => { if (!queued) { queued = true; requestAnimationFrame(place); } };
  for (const type of ["focusin", "focusout"]) document.addEventListener(type, later);
  addEventListener("resize", later);
  addEventListener("scroll", later, { passive: true, capture: true });
  if (vv) { vv.addEventListener("resize", later); vv.addEventListener("scroll", later); }
  new MutationObserver(place).observe(region, { childList: true, subtree: true, characterData: true });
  place();
}
// Keeps a link of the navigation row in view when the row scrolls sideways: the one
// given (just focused: browsers leave a half-shown one as it is), else the current page's.
export function reveal_link(nav, link) {
  requestAnimationFrame(() => {
    const a = link || nav.querySelector('[aria-current="page"]');
    if (!a || !nav.contains(a)) return;
    const n = nav.getBoundingClientRect();
    const r = a.getBoundingClientRect();
    if (r.left < n.left || r.right > n.right) nav.scrollLeft += (r.left + r.right) / 2 - (n.left + n.right) / 2;
  });
}
export function apply_update() {
  window.__unhurriedUpdateRequested = true;
  navigator.serviceWorker.getRegistration().then((reg) => {
    if (reg && reg.waiting) reg.waiting.postMessage({ type: "SKIP_WAITING" });
  });
}
"#)]
extern "C" {
    /// The browser's IANA time zone as it names it (perhaps a legacy one such as
    /// `Asia/Calcutta`), or "" when it will not say.
    fn browser_time_zone_raw() -> String;
    /// Offers `bytes` as a file download.
    pub fn download_bytes(bytes: &[u8], filename: &str, mime: &str);
    /// Offers a blob (a recorded video) as a download named `filename`.
    pub fn save_blob(blob: &wasm_bindgen::JsValue, filename: &str);
    /// Registers `/sw.js`; calls `on_update_ready` when a new build waits to take over.
    pub fn register_service_worker(on_update_ready: &Closure<dyn FnMut()>);
    /// Keeps the notice region clear of the focused control and the on-screen keyboard.
    pub fn keep_toast_clear(region: &web_sys::Element);
    /// Scrolls the navigation row so `link` shows, or else the current page's link.
    pub fn reveal_link(nav: &web_sys::Element, link: Option<web_sys::Element>);
    /// Lets the waiting build take over; the page reloads when it has.
    pub fn apply_update();
    /// The text after `#`, removed from the address bar and history; "" when none.
    pub fn take_fragment() -> String;
    /// Calls `callback` whenever the fragment changes (a link pasted into this tab).
    pub fn on_fragment(callback: &Closure<dyn FnMut()>);
    /// A moment as the person reads it, in their zone: "25 Nov 2026, 14:05". The browser's
    /// own time-zone data does this, so the app does not ship chrono-tz's offset tables
    /// (about 1 MB of wasm) just to print a time.
    pub fn format_time(ms: f64, zone: &str) -> String;
    /// A moment near now with its weekday and no year: "Tue 25 Nov, 09:00" in en-GB.
    pub fn format_moment(ms: f64, zone: &str) -> String;
    /// The calendar date of a UTC midnight in ms, in the app's date style ("" if Intl fails).
    pub fn format_date(ms: f64, weekday: bool) -> String;
    /// The time of day of a UTC instant in ms, 12- or 24-hour as the locale prefers.
    pub fn format_clock(ms: f64) -> String;
    pub fn format_clock_here(ms: f64) -> String;
    /// An hour mark: "14:00" or "2 PM".
    pub fn format_hour(ms: f64) -> String;
    /// A weekday's short name for a UTC date in ms.
    pub fn format_weekday(ms: f64) -> String;
    /// A month of a UTC date in ms: "March 2026" (`long`), or its short name, "Mar".
    pub fn format_month(ms: f64, long: bool) -> String;
    /// An amount in major units: "₹3,02,361.00" in en-IN ("" for an unknown currency).
    pub fn format_money(amount: f64, currency: &str) -> String;
    /// 0.25 as "25%".
    pub fn format_percent(fraction: f64) -> String;
    /// A number with exactly `digits` decimals: "3.5", or "3,5" in de-DE.
    pub fn format_number(n: f64, digits: u32) -> String;
    /// A country's name from its ISO code: "IN" as "India".
    pub fn region_name(code: &str) -> String;
    /// A User Timing mark, read by the timing script (`tests/perf/timing.mjs`).
    /// The value of the field `name` of `form` (the target of a submit event), or "".
    pub fn form_field(form: &JsValue, name: &str) -> String;
    /// Puts a form's fields back to what they held when drawn.
    pub fn form_reset(form: &JsValue);
    pub fn remember_writer();
    pub fn retry_writer();
    pub fn perf_mark(name: &str);
    /// A User Timing measure between two marks.
    pub fn perf_measure(name: &str, start: &str, end: &str);
    /// Copies text to the clipboard; resolves to whether it worked.
    pub fn copy_text(text: &str) -> js_sys::Promise;
    /// "granted", "denied", "default" (not asked yet) or "unsupported".
    pub fn notification_permission() -> String;
    /// Asks to show notifications; resolves to the new permission.
    pub fn request_notifications() -> js_sys::Promise;
    /// Shows a system notification when allowed; returns whether it was allowed.
    pub fn notify(title: &str, body: &str, tag: &str) -> bool;
    /// Whether the Web Share API can share a file here.
    pub fn can_share_file() -> bool;
    /// Opens the system share sheet with a file; resolves to whether it was shared.
    pub fn share_file(bytes: &[u8], filename: &str, title: &str) -> js_sys::Promise;
}

/// The browser's time zone by its canonical IANA id (`Asia/Kolkata`, never the
/// `Asia/Calcutta` some browsers still report), or "" when it will not say.
pub fn browser_time_zone() -> String {
    let raw = browser_time_zone_raw();
    crate::model::profile::canonical_zone_name(&raw).unwrap_or(raw)
}

/// Whether the screen is wide enough for the editor beside the list (matches the CSS breakpoint).
pub fn is_wide_screen() -> bool {
    web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w > 820.0)
}

/// Sets the document title: "Tasks · Unhurried".
pub fn set_title(page: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(&format!("{page} · Unhurried"));
    }
}

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Today's date as YYYY-MM-DD in the browser's zone, for file names.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// The app's own address, such as `https://unhurried.example`.
pub fn origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(w) = web_sys::window() {
        // Nothing to tell the person if the browser will not print: the dialog is theirs.
        let _ = w.print();
    }
}

/// The `attribute` of the nearest `selector` element under the point (client pixels):
/// where a pointer let go of something dragged.
pub fn data_at_point(x: i32, y: i32, selector: &str, attribute: &str) -> Option<String> {
    web_sys::window()?
        .document()?
        .element_from_point(x as f32, y as f32)?
        .closest(selector)
        .ok()??
        .get_attribute(attribute)
}
