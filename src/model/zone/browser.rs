//! Zone rules from the browser, for the wasm build: the web layer installs an oracle
//! (`Intl`) at start, and a zone is its name, interned, since zones are few and a `Zone`
//! is `Copy`.

use std::cell::RefCell;
use std::sync::OnceLock;

use chrono::LocalResult;

use super::from_offsets;

/// What the browser tells of a zone.
pub trait ZoneOracle: Sync {
    /// The zone's name as the browser spells it, or None when it knows no such zone.
    fn resolve(&self, name: &str) -> Option<String>;
    /// Seconds east of UTC at the instant `utc` (Unix seconds).
    fn offset_at(&self, name: &str, utc: i64) -> i32;
    /// The zone's short name at `utc` ("EST", "GMT+5:30").
    fn short_name(&self, name: &str, utc: i64) -> String;
}

static ORACLE: OnceLock<&'static dyn ZoneOracle> = OnceLock::new();

/// Sets where zone rules come from; the first call wins.
pub fn install(oracle: &'static dyn ZoneOracle) {
    let _ = ORACLE.set(oracle);
}

pub type Id = &'static str;
pub const UTC: Id = "UTC";

thread_local! {
    static NAMES: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
    // Asking Intl costs a few microseconds; the team page asks thousands of times.
    static OFFSETS: RefCell<from_offsets::DayOffsets> = RefCell::new(Default::default());
}

fn intern(name: &str) -> Id {
    NAMES.with(|names| {
        let mut names = names.borrow_mut();
        if let Some(known) = names.iter().find(|known| **known == name) {
            return *known;
        }
        // Only names the browser accepts get here, so the list stays the size of the tz
        // database at most, whatever a link holds.
        let kept: &'static str = Box::leak(name.to_owned().into_boxed_str());
        names.push(kept);
        kept
    })
}

pub fn parse(name: &str) -> Option<Id> {
    if name == UTC {
        return Some(UTC);
    }
    // The browser takes any case and a few spellings that are no IANA name.
    let plausible = (1..=64).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"/_-+".contains(&b));
    let resolved = ORACLE.get()?.resolve(name).filter(|_| plausible)?;
    // The browser may answer with another name of the same zone (ICU keeps some legacy
    // names as canonical); the name asked for is the one the person knows.
    Some(intern(if resolved.eq_ignore_ascii_case(name) {
        &resolved
    } else {
        name
    }))
}

pub fn name(id: Id) -> &'static str {
    id
}

pub fn offset_at(id: Id, utc: i64) -> i32 {
    match ORACLE.get() {
        Some(oracle) if id != UTC => OFFSETS.with(|days| {
            // An interned name's address is the zone's identity.
            days.borrow_mut()
                .get(id.as_ptr() as usize, utc, |at| oracle.offset_at(id, at))
        }),
        _ => 0,
    }
}

pub fn local_offsets(id: Id, local: i64) -> LocalResult<i32> {
    from_offsets::local_offsets(|utc| offset_at(id, utc), local)
}

pub fn dst_at(id: Id, utc: i64) -> i32 {
    from_offsets::daylight(|utc| offset_at(id, utc), utc)
}

pub fn abbreviation_at(id: Id, utc: i64) -> Option<String> {
    let oracle = ORACLE.get()?;
    from_offsets::abbreviation(&oracle.short_name(id, utc))
}
