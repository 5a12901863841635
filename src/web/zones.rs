//! The browser's time zones (`Intl.DateTimeFormat`), installed as the model's zone rules.
//!
//! A zone's formatter is made once and kept by name in the snippet (making one costs far
//! more than using it); only names the browser accepts are kept. An instant's offset is
//! its wall clock in the zone, read back as if it were UTC, minus the instant.

use wasm_bindgen::prelude::*;

use crate::model::zone::{install as install_rules, ZoneOracle};

#[wasm_bindgen(inline_js = r#"
const walls = new Map();
const names = new Map();
function kept(cache, zone, options) {
  let f = cache.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat("en-US", { timeZone: zone, ...options });
    cache.set(zone, f);
  }
  return f;
}
const WALL = {
  hourCycle: "h23", era: "short", year: "numeric", month: "numeric", day: "numeric",
  hour: "numeric", minute: "numeric", second: "numeric",
};
export function zone_resolve(zone) {
  try { return kept(walls, zone, WALL).resolvedOptions().timeZone || ""; } catch (_) { return ""; }
}
export function zone_offset(zone, secs) {
  try {
    const v = {};
    for (const p of kept(walls, zone, WALL).formatToParts(secs * 1000)) v[p.type] = p.value;
    const wall = new Date(0);
    wall.setUTCFullYear(v.era === "BC" ? 1 - v.year : +v.year, v.month - 1, +v.day);
    wall.setUTCHours(+v.hour, +v.minute, +v.second, 0);
    return Math.round(wall.getTime() / 1000 - secs);
  } catch (_) { return 0; }
}
export function zone_short_name(zone, secs) {
  try {
    const parts = kept(names, zone, { timeZoneName: "short" }).formatToParts(secs * 1000);
    const part = parts.find((p) => p.type === "timeZoneName");
    return part ? part.value : "";
  } catch (_) { return ""; }
}
"#)]
extern "C" {
    fn zone_resolve(zone: &str) -> String;
    fn zone_offset(zone: &str, secs: f64) -> i32;
    fn zone_short_name(zone: &str, secs: f64) -> String;
}

struct Intl;

impl ZoneOracle for Intl {
    fn resolve(&self, name: &str) -> Option<String> {
        Some(zone_resolve(name)).filter(|resolved| !resolved.is_empty())
    }

    fn offset_at(&self, name: &str, utc: i64) -> i32 {
        // Unix seconds within ±2^53 are exact as a JS number.
        zone_offset(name, utc as f64)
    }

    fn short_name(&self, name: &str, utc: i64) -> String {
        zone_short_name(name, utc as f64)
    }
}

/// Makes the browser the model's source of zone rules; call once, before any zone is read.
pub fn install() {
    install_rules(&Intl);
}
