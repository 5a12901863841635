//! The personal document: one per person, merged across their devices, never shared
//! whole (it holds the hourly rate).
//!
//! Layout (schema 2):
//! ```text
//! { kind: "personal", schema: 2,
//!   profile:   { name, time_zone, actor_id },
//!   inventory: { <task id>: { title, freq, freq_n, minutes, reasons: { <reason>: true },
//!                             decision, decision_detail, carried_out?, note, created } },
//!   rate:      { mode, direct_cents_per_hour, yearly_income_cents, hours_per_week,
//!                weeks_per_year, currency } }
//! ```
//! `carried_out` is the day ("YYYY-MM-DD") the decision was carried out; it is absent
//! while the decision is only decided, so tasks written before it existed read as not
//! carried out, and older builds keep it untouched (they write only the fields they know).
//!
//! The top-level objects come from one canonical first change, identical on every
//! device (fixed actor, fixed time), so two devices that started apart still share
//! the same `inventory` map and merge task by task instead of one map replacing the other.

use crate::codec::chunks::Checked;
use crate::model::ids::{DocId, Heads};
use crate::model::order;
use automerge::transaction::{CommitOptions, Transactable};
use automerge::{hydrate, ActorId, AutoCommit, Change, ObjId, ObjType, ReadDoc, ScalarValue, ROOT};
use chrono::NaiveDate;

use super::access::{
    ensure_map, field_i64, field_map, field_str, field_u32, get_i64, get_list, get_map, get_str,
    get_u32, set_i64, set_str,
};
use super::{new_session_actor, DocError, DocKind};
use crate::model::inventory::{DecisionKind, Frequency, FrequencyKind, SyncReason, Task, TaskId};
use crate::model::profile::Profile;
use crate::model::rate::{Rate, RateMode};
use crate::model::{HeldDoc, PersonalState};

/// Root keys of held shared documents start with this.
const HELD_PREFIX: &str = "held/";

/// The schema this build writes. Older documents are migrated on load; newer ones open read-only.
pub const PERSONAL_SCHEMA: u64 = 2;

/// The schema written by the canonical first change. Fixed for ever: if it followed
/// `PERSONAL_SCHEMA`, documents begun on different app versions would stop sharing
/// their top-level objects. A later schema writes its number in a change of its own.
const SKELETON_SCHEMA: u64 = 2;

/// The largest personal document accepted from a file or storage, before Automerge parses it.
pub const MAX_PERSONAL_BYTES: usize = 8 * 1024 * 1024;

/// Whether edits are allowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    ReadWrite,
    /// Written by a newer app: reading is safe, writing could damage fields this build does not know.
    ReadOnly {
        found_schema: u64,
    },
}

/// The personal document and what this build may do with it.
pub struct PersonalDoc {
    doc: AutoCommit,
    access: Access,
}

fn skeleton() -> AutoCommit {
    let mut doc = AutoCommit::new().with_actor(ActorId::from([0u8; 16].as_slice()));
    // Infallible on a fresh document: these are puts on the root map.
    doc.put(ROOT, "kind", DocKind::Personal.key())
        .expect("put on a new document");
    doc.put(ROOT, "schema", SKELETON_SCHEMA)
        .expect("put on a new document");
    for key in ["profile", "inventory", "rate"] {
        doc.put_object(ROOT, key, ObjType::Map)
            .expect("put on a new document");
    }
    doc.commit_with(
        CommitOptions::default()
            .with_time(0)
            .with_message("Unhurried personal document"),
    );
    doc
}

/// The canonical first change every personal document of schema 2 starts from.
fn skeleton_change() -> Change {
    skeleton()
        .get_last_local_change()
        .expect("the skeleton has one change")
}

impl PersonalDoc {
    /// A new, empty personal document.
    pub fn new() -> Self {
        let mut doc = skeleton();
        doc.set_actor(new_session_actor());
        PersonalDoc {
            doc,
            access: Access::ReadWrite,
        }
    }

    /// Loads bytes read back from this device's storage (or a test), checked first.
    pub fn from_stored(bytes: &[u8]) -> std::result::Result<Self, DocError> {
        PersonalDoc::load(crate::codec::chunks::check_stored(bytes)?)
    }

    /// Loads a saved document (full save, optionally followed by incremental chunks),
    /// migrating an older schema in place.
    pub fn load(checked: Checked<'_>) -> Result<Self, DocError> {
        let bytes = checked.bytes();
        if bytes.len() > MAX_PERSONAL_BYTES {
            return Err(DocError::TooLarge {
                limit: MAX_PERSONAL_BYTES,
            });
        }
        let mut doc = AutoCommit::load(bytes).map_err(|e| DocError::Unreadable(e.to_string()))?;
        doc.set_actor(new_session_actor());
        // What was loaded is stored already: start the incremental cursor here, so the
        // next part holds only new changes (a migration's, or the next edit's).
        doc.save_incremental();
        let kind = get_str(&doc, &ROOT, "kind");
        if kind.as_deref() != Some(DocKind::Personal.key()) {
            return Err(DocError::WrongKind {
                expected: DocKind::Personal.key(),
                found: kind.unwrap_or_else(|| "unknown".into()),
            });
        }
        let schema = schema_of(&doc);
        let access = if schema > PERSONAL_SCHEMA {
            Access::ReadOnly {
                found_schema: schema,
            }
        } else {
            if schema < PERSONAL_SCHEMA {
                migrate(&mut doc, schema)?;
            }
            Access::ReadWrite
        };
        Ok(PersonalDoc { doc, access })
    }

    pub fn access(&self) -> Access {
        self.access
    }

    pub(super) fn raw(&self) -> &AutoCommit {
        &self.doc
    }

    pub(super) fn writable(&mut self) -> Result<&mut AutoCommit, DocError> {
        match self.access {
            Access::ReadWrite => Ok(&mut self.doc),
            Access::ReadOnly { .. } => Err(DocError::ReadOnly),
        }
    }

    /// Merges another copy of this person's document (a backup from another device,
    /// or another tab's save). Returns whether anything new arrived.
    pub fn merge_bytes(&mut self, checked: Checked<'_>) -> Result<bool, DocError> {
        self.writable()?;
        let mut other = PersonalDoc::load(checked)?;
        if let Access::ReadOnly { found_schema } = other.access {
            return Err(DocError::NewerSchema {
                found: found_schema,
                known: PERSONAL_SCHEMA,
            });
        }
        let before = self.doc.get_heads();
        self.doc.merge(&mut other.doc)?;
        Ok(self.doc.get_heads() != before)
    }

    /// Applies incremental chunks written by another tab of this app.
    pub fn apply_incremental(&mut self, checked: Checked<'_>) -> Result<bool, DocError> {
        let bytes = checked.bytes();
        if bytes.len() > MAX_PERSONAL_BYTES {
            return Err(DocError::TooLarge {
                limit: MAX_PERSONAL_BYTES,
            });
        }
        let before = self.doc.get_heads();
        self.doc
            .load_incremental(bytes)
            .map_err(|e| DocError::Unreadable(e.to_string()))?;
        // Another tab on a newer build may have raised the schema: stop writing.
        let schema = schema_of(&self.doc);
        if schema > PERSONAL_SCHEMA {
            self.access = Access::ReadOnly {
                found_schema: schema,
            };
        }
        Ok(self.doc.get_heads() != before)
    }

    /// Whether every change received has all it depends on. Changes waiting for a
    /// missing dependency are not yet in the document, so the bytes that carried them
    /// must be kept.
    pub fn is_complete(&mut self) -> bool {
        self.doc.get_missing_deps(&[]).is_empty()
    }

    /// The whole document, compressed.
    pub fn save(&mut self) -> Vec<u8> {
        self.doc.save()
    }

    /// The changes since the last `save` or `save_incremental`; empty when none.
    pub fn save_incremental(&mut self) -> Vec<u8> {
        self.doc.save_incremental()
    }

    /// Everything in the document as plain values.
    pub fn state(&self) -> PersonalState {
        PersonalState {
            profile: self.profile(),
            tasks: self.tasks(),
            rate: self.rate(),
            held: self.held(),
            schedule: self.schedule(),
            boundaries: self.boundaries(),
            reminders: self.reminders(),
            reviews: self.reviews(),
            freed: self.freed_log(),
        }
    }

    /// Shared documents held, newest first. Each is a root key of its own
    /// (`held/<id>`), so documents added on two devices never compete for one map.
    pub fn held(&self) -> Vec<HeldDoc> {
        let Ok(hydrate::Value::Map(root)) = self.doc.hydrate(&ROOT, None) else {
            return Vec::new();
        };
        let mut held: Vec<HeldDoc> = root
            .iter()
            .filter_map(|(key, v)| {
                // An entry whose key is not a document id is not one of ours to list.
                let id = DocId::parse(key.strip_prefix(HELD_PREFIX)?)?;
                let hydrate::Value::Map(m) = &v.value else {
                    return None;
                };
                // A kind a newer version added is not listed here; its entry stays in
                // the document untouched, for that version to read.
                let kind = DocKind::from_key(&field_str(m, "kind")?)?;
                Some(HeldDoc {
                    id,
                    kind,
                    title: field_str(m, "title").unwrap_or_default(),
                    added: field_i64(m, "added").unwrap_or(0),
                    seen: Heads::parse_list(&field_str(m, "seen").unwrap_or_default()),
                    key: field_str(m, "key").unwrap_or_default(),
                    peers: field_map(m, "peers")
                        .map(|p| {
                            p.iter()
                                .map(|(who, v)| {
                                    let heads = match &v.value {
                                        hydrate::Value::Scalar(ScalarValue::Str(s)) => {
                                            Heads::parse_list(s)
                                        }
                                        _ => Heads::default(),
                                    };
                                    (who.clone(), heads)
                                })
                                .collect()
                        })
                        .unwrap_or_default(),
                })
            })
            .collect();
        order::sort_by(&mut held, |a, b| {
            b.added.cmp(&a.added).then_with(|| a.id.cmp(&b.id))
        });
        held
    }

    /// Adds or updates the entry for a held document, writing only what changed.
    pub fn put_held(&mut self, held: &HeldDoc) -> Result<(), DocError> {
        let doc = self.writable()?;
        let key = format!("{HELD_PREFIX}{}", held.id);
        let obj = match get_map(doc, &ROOT, &key) {
            Some(obj) => obj,
            None => {
                let obj = doc.put_object(ROOT, key.as_str(), ObjType::Map)?;
                doc.put_object(&obj, "peers", ObjType::Map)?;
                obj
            }
        };
        set_str(doc, &obj, "kind", held.kind.key())?;
        set_str(doc, &obj, "title", &held.title)?;
        set_i64(doc, &obj, "added", held.added)?;
        set_str(doc, &obj, "seen", &held.seen.to_list())?;
        if !held.key.is_empty() {
            set_str(doc, &obj, "key", &held.key)?;
        }
        let peers = ensure_map(doc, &obj, "peers")?;
        for (who, heads) in &held.peers {
            set_str(doc, &peers, who, &heads.to_list())?;
        }
        self.commit("held");
        Ok(())
    }

    pub fn profile(&self) -> Profile {
        let Some(obj) = get_map(&self.doc, &ROOT, "profile") else {
            return Profile::default();
        };
        Profile {
            display_name: get_str(&self.doc, &obj, "name").unwrap_or_default(),
            time_zone: get_str(&self.doc, &obj, "time_zone").unwrap_or_default(),
            actor_id: get_str(&self.doc, &obj, "actor_id").unwrap_or_default(),
        }
    }

    pub fn set_profile(&mut self, profile: &Profile) -> Result<(), DocError> {
        let doc = self.writable()?;
        let obj = ensure_map(doc, &ROOT, "profile")?;
        set_str(doc, &obj, "name", &profile.display_name)?;
        set_str(doc, &obj, "time_zone", &profile.time_zone)?;
        set_str(doc, &obj, "actor_id", &profile.actor_id)?;
        self.commit("profile");
        Ok(())
    }

    /// Tasks, oldest first.
    pub fn tasks(&self) -> Vec<Task> {
        let Some(inventory) = get_map(&self.doc, &ROOT, "inventory") else {
            return Vec::new();
        };
        // One hydration of the whole inventory is many times faster than a `get` per field.
        let Ok(hydrate::Value::Map(map)) = self.doc.hydrate(&inventory, None) else {
            return Vec::new();
        };
        let mut tasks: Vec<Task> = map
            .iter()
            .filter_map(|(id, entry)| match &entry.value {
                hydrate::Value::Map(fields) => Some(read_task(fields, TaskId::new(id.clone()))),
                _ => None,
            })
            .collect();
        order::sort_by(&mut tasks, |a, b| {
            a.created_ms
                .cmp(&b.created_ms)
                .then_with(|| a.id.cmp(&b.id))
        });
        tasks
    }

    pub fn task(&self, id: &TaskId) -> Option<Task> {
        let inventory = get_map(&self.doc, &ROOT, "inventory")?;
        let obj = get_map(&self.doc, &inventory, id.as_str())?;
        match self.doc.hydrate(&obj, None).ok()? {
            hydrate::Value::Map(fields) => Some(read_task(&fields, id.clone())),
            _ => None,
        }
    }

    /// Adds the task, or writes the fields that differ from the stored one.
    pub fn put_task(&mut self, task: &Task) -> Result<(), DocError> {
        let doc = self.writable()?;
        let inventory = ensure_map(doc, &ROOT, "inventory")?;
        let obj = ensure_map(doc, &inventory, task.id.as_str())?;
        write_task(doc, &obj, task)?;
        self.commit("task");
        Ok(())
    }

    /// Removes the task; returns it so the caller can offer undo.
    pub fn delete_task(&mut self, id: &TaskId) -> Result<Option<Task>, DocError> {
        let removed = self.task(id);
        let doc = self.writable()?;
        if let (Some(_), Some(inventory)) = (&removed, get_map(doc, &ROOT, "inventory")) {
            doc.delete(&inventory, id.as_str())?;
            self.commit("delete task");
        }
        Ok(removed)
    }

    pub fn rate(&self) -> Rate {
        let Some(obj) = get_map(&self.doc, &ROOT, "rate") else {
            return Rate::default();
        };
        let d = Rate::default();
        let doc = &self.doc;
        Rate {
            mode: get_str(doc, &obj, "mode")
                .and_then(|m| RateMode::from_key(&m))
                .unwrap_or(d.mode),
            direct_cents_per_hour: get_i64(doc, &obj, "direct_cents_per_hour")
                .unwrap_or(d.direct_cents_per_hour),
            yearly_income_cents: get_i64(doc, &obj, "yearly_income_cents")
                .unwrap_or(d.yearly_income_cents),
            hours_per_week: get_u32(doc, &obj, "hours_per_week").unwrap_or(d.hours_per_week),
            weeks_per_year: get_u32(doc, &obj, "weeks_per_year").unwrap_or(d.weeks_per_year),
            currency: get_str(doc, &obj, "currency")
                .filter(|c| !c.is_empty())
                .unwrap_or(d.currency),
        }
    }

    pub fn set_rate(&mut self, rate: &Rate) -> Result<(), DocError> {
        let doc = self.writable()?;
        let obj = ensure_map(doc, &ROOT, "rate")?;
        set_str(doc, &obj, "mode", rate.mode.key())?;
        set_i64(
            doc,
            &obj,
            "direct_cents_per_hour",
            rate.direct_cents_per_hour,
        )?;
        set_i64(doc, &obj, "yearly_income_cents", rate.yearly_income_cents)?;
        set_i64(doc, &obj, "hours_per_week", rate.hours_per_week.into())?;
        set_i64(doc, &obj, "weeks_per_year", rate.weeks_per_year.into())?;
        set_str(doc, &obj, "currency", &rate.currency)?;
        self.commit("rate");
        Ok(())
    }

    pub(super) fn commit(&mut self, what: &str) {
        self.doc
            .commit_with(CommitOptions::default().with_message(what.to_owned()));
    }
}

impl Default for PersonalDoc {
    fn default() -> Self {
        Self::new()
    }
}

fn schema_of(doc: &AutoCommit) -> u64 {
    get_i64(doc, &ROOT, "schema")
        .and_then(|n| u64::try_from(n).ok())
        .unwrap_or(1)
}

fn read_task(fields: &hydrate::Map, id: TaskId) -> Task {
    let kind = field_str(fields, "freq")
        .and_then(|k| FrequencyKind::from_key(&k))
        .unwrap_or(FrequencyKind::Weekly);
    // Clamped to what the editor allows, so a crafted file cannot overflow the totals.
    let frequency = kind.with_count(field_u32(fields, "freq_n").unwrap_or(1).clamp(1, 31));
    let reasons = match fields.get("reasons") {
        Some(hydrate::Value::Map(r)) => r
            .iter()
            .filter_map(|(k, _)| SyncReason::from_key(k))
            .collect(),
        _ => Default::default(),
    };
    let decision = field_str(fields, "decision")
        .and_then(|k| DecisionKind::from_key(&k))
        .unwrap_or(DecisionKind::Undecided)
        .with_detail(&field_str(fields, "decision_detail").unwrap_or_default());
    Task {
        id,
        title: field_str(fields, "title").unwrap_or_default(),
        frequency,
        minutes: field_u32(fields, "minutes").unwrap_or(0).min(1440),
        reasons,
        decision,
        carried_out: field_str(fields, "carried_out").and_then(|d| parse_day(&d)),
        note: field_str(fields, "note").unwrap_or_default(),
        done_output: field_str(fields, "done_output").unwrap_or_default(),
        done_checks: field_str(fields, "done_checks").unwrap_or_default(),
        created_ms: field_i64(fields, "created").unwrap_or(0),
    }
}

/// The format of `carried_out`.
const DAY_FORMAT: &str = "%Y-%m-%d";

fn parse_day(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, DAY_FORMAT).ok()
}

fn write_task(doc: &mut AutoCommit, obj: &ObjId, task: &Task) -> Result<(), DocError> {
    // Compare against one hydration of the stored task and write only what differs.
    let current = match doc.hydrate(obj, None)? {
        hydrate::Value::Map(map) => map,
        _ => hydrate::Map::default(),
    };
    let n = match task.frequency {
        Frequency::TimesPerMonth(n) => n,
        _ => 1,
    };
    let strings = [
        ("title", task.title.as_str()),
        ("freq", task.frequency.kind().key()),
        ("decision", task.decision.kind().key()),
        ("decision_detail", task.decision.detail()),
        ("note", task.note.as_str()),
    ];
    for (key, value) in strings {
        if field_str(&current, key).as_deref() != Some(value) {
            doc.put(obj, key, value)?;
        }
    }
    // Added later: a task that never defined 'done' keeps the fields it had.
    let done: [(&str, String); 2] = [
        (
            "done_output",
            task.done_output.trim().chars().take(500).collect(),
        ),
        ("done_checks", task.done_checks.chars().take(2000).collect()),
    ];
    for (key, value) in &done {
        if field_str(&current, key).unwrap_or_default() != *value {
            doc.put(obj, *key, value.as_str())?;
        }
    }
    let numbers = [
        ("freq_n", i64::from(n)),
        ("minutes", i64::from(task.minutes)),
        ("created", task.created_ms),
    ];
    for (key, value) in numbers {
        if field_i64(&current, key) != Some(value) {
            doc.put(obj, key, value)?;
        }
    }
    // Absent, not empty, while only decided: that is how tasks older than the field read.
    let stored = field_str(&current, "carried_out");
    match task.carried_out {
        Some(day) => {
            let day = day.format(DAY_FORMAT).to_string();
            if stored.as_deref() != Some(day.as_str()) {
                doc.put(obj, "carried_out", day)?;
            }
        }
        None if stored.is_some() => doc.delete(obj, "carried_out")?,
        None => {}
    }
    let reasons = ensure_map(doc, obj, "reasons")?;
    let stored: Vec<SyncReason> = match current.get("reasons") {
        Some(hydrate::Value::Map(r)) => r
            .iter()
            .filter_map(|(k, _)| SyncReason::from_key(k))
            .collect(),
        _ => Vec::new(),
    };
    for reason in SyncReason::ALL {
        let wanted = task.reasons.contains(&reason);
        let present = stored.contains(&reason);
        if wanted && !present {
            doc.put(&reasons, reason.key(), true)?;
        } else if !wanted && present {
            doc.delete(&reasons, reason.key())?;
        }
    }
    Ok(())
}

/// Brings an older document up to `PERSONAL_SCHEMA` in place.
///
/// Schema 1 kept the profile and rate as flat root fields (`name`, `time_zone`, `actor_id`,
/// `hourly_rate_cents`, `currency`) and tasks as a list (`tasks`) of maps with a plain
/// `freq` of daily/weekly/monthly and `reasons` as a list of keys.
fn migrate(doc: &mut AutoCommit, from: u64) -> Result<(), DocError> {
    if from != 1 {
        return Err(DocError::Unreadable(format!(
            "unknown personal schema {from}"
        )));
    }
    let profile = Profile {
        display_name: get_str(doc, &ROOT, "name").unwrap_or_default(),
        time_zone: get_str(doc, &ROOT, "time_zone").unwrap_or_default(),
        actor_id: get_str(doc, &ROOT, "actor_id").unwrap_or_default(),
    };
    let rate = Rate {
        direct_cents_per_hour: get_i64(doc, &ROOT, "hourly_rate_cents").unwrap_or(0),
        currency: get_str(doc, &ROOT, "currency").unwrap_or_else(|| "USD".into()),
        ..Rate::default()
    };
    let mut tasks = Vec::new();
    if let Some(list) = get_list(doc, &ROOT, "tasks") {
        for i in 0..doc.length(&list) {
            let Some((_, obj)) = doc.get(&list, i)? else {
                continue;
            };
            let id = get_str(doc, &obj, "id").unwrap_or_else(super::random_id);
            let mut task = Task::new(
                TaskId::new(id),
                get_str(doc, &obj, "title").unwrap_or_default(),
                i as i64,
            );
            task.frequency = get_str(doc, &obj, "freq")
                .and_then(|k| FrequencyKind::from_key(&k))
                .unwrap_or(FrequencyKind::Weekly)
                .with_count(1);
            task.minutes = get_u32(doc, &obj, "minutes").unwrap_or(0);
            if let Some(reasons) = get_list(doc, &obj, "reasons") {
                for j in 0..doc.length(&reasons) {
                    let key = doc
                        .get(&reasons, j)?
                        .and_then(|(v, _)| v.into_string().ok());
                    task.reasons
                        .extend(key.and_then(|k| SyncReason::from_key(&k)));
                }
            }
            task.decision = get_str(doc, &obj, "decision")
                .and_then(|k| DecisionKind::from_key(&k))
                .unwrap_or(DecisionKind::Undecided)
                .with_detail("");
            task.note = get_str(doc, &obj, "note").unwrap_or_default();
            tasks.push(task);
        }
    }
    // Join the canonical first change so this document merges with schema-2 documents
    // made on other devices, then move the values into its objects.
    doc.apply_changes([skeleton_change()])?;
    for key in [
        "name",
        "time_zone",
        "actor_id",
        "hourly_rate_cents",
        "currency",
        "tasks",
    ] {
        if doc.get(ROOT, key)?.is_some() {
            doc.delete(ROOT, key)?;
        }
    }
    let mut migrated = PersonalDoc {
        doc: std::mem::take(doc),
        access: Access::ReadWrite,
    };
    migrated.set_profile(&profile)?;
    migrated.set_rate(&rate)?;
    for task in &tasks {
        migrated.put_task(task)?;
    }
    *doc = migrated.doc;
    doc.put(ROOT, "schema", PERSONAL_SCHEMA)?;
    doc.put(ROOT, "kind", DocKind::Personal.key())?;
    doc.commit_with(CommitOptions::default().with_message("migrate personal schema 1 to 2"));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::chunks::check_stored;
    use crate::model::inventory::Decision;

    fn sample_task(id: &str) -> Task {
        let mut t = Task::new(TaskId::new(id), format!("Task {id}"), 1_700_000_000_000);
        t.frequency = Frequency::TimesPerMonth(3);
        t.minutes = 45;
        t.reasons = [SyncReason::Reporting, SyncReason::SensitiveInformation].into();
        t.decision = Decision::Automate {
            tool: "Zapier".into(),
        };
        t.note = "ask Ben".into();
        t
    }

    #[test]
    fn round_trip_through_save_and_load() {
        let mut doc = PersonalDoc::new();
        let profile = Profile {
            display_name: "Ana".into(),
            time_zone: "Europe/Lisbon".into(),
            actor_id: "a1".into(),
        };
        doc.set_profile(&profile).unwrap();
        doc.put_task(&sample_task("t1")).unwrap();
        let rate = Rate {
            direct_cents_per_hour: 4_550,
            currency: "EUR".into(),
            ..Rate::default()
        };
        doc.set_rate(&rate).unwrap();
        let loaded = PersonalDoc::from_stored(&doc.save()).unwrap();
        assert_eq!(loaded.state(), doc.state());
        assert_eq!(loaded.profile(), profile);
        assert_eq!(loaded.tasks(), vec![sample_task("t1")]);
        assert_eq!(loaded.rate(), rate);
        assert_eq!(loaded.access(), Access::ReadWrite);
    }

    #[test]
    fn carried_out_survives_a_round_trip_and_clearing_removes_it() {
        let mut doc = PersonalDoc::new();
        let mut task = sample_task("t");
        task.carried_out = NaiveDate::from_ymd_opt(2026, 12, 1);
        doc.put_task(&task).unwrap();
        let mut loaded = PersonalDoc::from_stored(&doc.save()).unwrap();
        assert_eq!(loaded.task(&task.id), Some(task.clone()));
        assert!(loaded.task(&task.id).unwrap().is_carried_out());
        let inventory = get_map(&loaded.doc, &ROOT, "inventory").unwrap();
        let obj = get_map(&loaded.doc, &inventory, "t").unwrap();
        assert_eq!(
            get_str(&loaded.doc, &obj, "carried_out").as_deref(),
            Some("2026-12-01")
        );
        task.carried_out = None;
        loaded.put_task(&task).unwrap();
        assert_eq!(get_str(&loaded.doc, &obj, "carried_out"), None);
        let reloaded = PersonalDoc::from_stored(&loaded.save()).unwrap();
        assert_eq!(reloaded.task(&task.id), Some(task));
    }

    #[test]
    fn a_task_written_before_carried_out_existed_is_not_carried_out() {
        // What the previous build wrote: the same fields, no `carried_out`.
        let mut doc = PersonalDoc::new();
        doc.put_task(&sample_task("old")).unwrap();
        let inventory = get_map(&doc.doc, &ROOT, "inventory").unwrap();
        let obj = get_map(&doc.doc, &inventory, "old").unwrap();
        assert_eq!(doc.doc.get(&obj, "carried_out").unwrap(), None);
        let loaded = PersonalDoc::from_stored(&doc.save()).unwrap();
        let task = loaded.task(&TaskId::new("old")).unwrap();
        assert_eq!(task.carried_out, None);
        assert!(!task.is_carried_out());
        // A date that is not a date reads as not carried out, too.
        doc.doc.put(&obj, "carried_out", "someday").unwrap();
        assert_eq!(doc.task(&TaskId::new("old")).unwrap().carried_out, None);
    }

    #[test]
    fn what_done_means_is_kept_and_tasks_without_it_keep_their_fields() {
        let mut doc = PersonalDoc::new();
        let mut task = sample_task("t");
        doc.put_task(&task).unwrap();
        let inventory = get_map(&doc.doc, &ROOT, "inventory").unwrap();
        let obj = get_map(&doc.doc, &inventory, "t").unwrap();
        // An edit of another field writes no empty 'done' fields.
        task.minutes += 5;
        doc.put_task(&task).unwrap();
        assert_eq!(doc.doc.get(&obj, "done_output").unwrap(), None);
        assert_eq!(doc.doc.get(&obj, "done_checks").unwrap(), None);
        task.done_output = "The invoice is sent".into();
        task.done_checks = "Amounts match\n\n  PDF attached \n".into();
        doc.put_task(&task).unwrap();
        let loaded = PersonalDoc::from_stored(&doc.save()).unwrap();
        let read = loaded.task(&task.id).unwrap();
        assert_eq!(read, task);
        assert_eq!(
            read.checks().collect::<Vec<_>>(),
            ["Amounts match", "PDF attached"]
        );
    }

    #[test]
    fn incremental_saves_rebuild_the_document() {
        let mut doc = PersonalDoc::new();
        let mut bytes = doc.save();
        doc.put_task(&sample_task("a")).unwrap();
        let chunk = doc.save_incremental();
        assert!(!chunk.is_empty());
        assert!(
            chunk.len() < 400,
            "a one-task chunk should be small, was {}",
            chunk.len()
        );
        bytes.extend_from_slice(&chunk);
        doc.delete_task(&TaskId::new("a")).unwrap();
        bytes.extend_from_slice(&doc.save_incremental());
        assert!(doc.save_incremental().is_empty());
        let loaded = PersonalDoc::from_stored(&bytes).unwrap();
        assert!(loaded.tasks().is_empty());
    }

    #[test]
    fn editing_writes_only_changed_fields() {
        let mut doc = PersonalDoc::new();
        doc.put_task(&sample_task("a")).unwrap();
        doc.save_incremental();
        doc.put_task(&sample_task("a")).unwrap();
        assert!(
            doc.save_incremental().is_empty(),
            "an unchanged task writes nothing"
        );
    }

    #[test]
    fn delete_then_undo_restores_the_task() {
        let mut doc = PersonalDoc::new();
        doc.put_task(&sample_task("a")).unwrap();
        let removed = doc.delete_task(&TaskId::new("a")).unwrap().unwrap();
        assert!(doc.tasks().is_empty());
        doc.put_task(&removed).unwrap();
        assert_eq!(doc.tasks(), vec![sample_task("a")]);
        assert_eq!(doc.delete_task(&TaskId::new("missing")).unwrap(), None);
    }

    #[test]
    fn two_devices_that_started_apart_merge_task_by_task() {
        let mut phone = PersonalDoc::new();
        let mut laptop = PersonalDoc::new();
        phone.put_task(&sample_task("p")).unwrap();
        laptop.put_task(&sample_task("l")).unwrap();
        assert!(laptop
            .merge_bytes(check_stored(&phone.save()).unwrap())
            .unwrap());
        let ids: Vec<String> = laptop.tasks().iter().map(|t| t.id.to_string()).collect();
        assert_eq!(ids, ["l", "p"]);
        assert!(
            !laptop
                .merge_bytes(check_stored(&phone.save()).unwrap())
                .unwrap(),
            "a second import adds nothing"
        );
    }

    #[test]
    fn concurrent_edits_to_different_fields_both_survive() {
        let mut a = PersonalDoc::new();
        a.put_task(&sample_task("t")).unwrap();
        let mut b = PersonalDoc::from_stored(&a.save()).unwrap();
        let mut ta = a.task(&TaskId::new("t")).unwrap();
        ta.title = "Renamed".into();
        a.put_task(&ta).unwrap();
        let mut tb = b.task(&TaskId::new("t")).unwrap();
        tb.reasons.insert(SyncReason::Collaborating);
        tb.minutes = 10;
        b.put_task(&tb).unwrap();
        a.merge_bytes(check_stored(&b.save()).unwrap()).unwrap();
        let t = a.task(&TaskId::new("t")).unwrap();
        assert_eq!(t.title, "Renamed");
        assert_eq!(t.minutes, 10);
        assert!(t.reasons.contains(&SyncReason::Collaborating));
    }

    #[test]
    fn carrying_out_on_one_device_merges_with_an_edit_on_another() {
        let mut phone = PersonalDoc::new();
        phone.put_task(&sample_task("t")).unwrap();
        let mut laptop = PersonalDoc::from_stored(&phone.save()).unwrap();
        let mut on_phone = phone.task(&TaskId::new("t")).unwrap();
        on_phone.carried_out = NaiveDate::from_ymd_opt(2026, 11, 30);
        phone.put_task(&on_phone).unwrap();
        let mut on_laptop = laptop.task(&TaskId::new("t")).unwrap();
        on_laptop.note = "Zap runs on Mondays".into();
        laptop.put_task(&on_laptop).unwrap();
        let phone_bytes = phone.save();
        assert!(laptop
            .merge_bytes(check_stored(&phone_bytes).unwrap())
            .unwrap());
        phone
            .merge_bytes(check_stored(&laptop.save()).unwrap())
            .unwrap();
        let t = laptop.task(&TaskId::new("t")).unwrap();
        assert_eq!(t.carried_out, NaiveDate::from_ymd_opt(2026, 11, 30));
        assert_eq!(t.note, "Zap runs on Mondays");
        assert_eq!(phone.tasks(), laptop.tasks());
    }

    #[test]
    fn a_part_without_its_dependencies_leaves_the_document_incomplete() {
        let mut a = PersonalDoc::new();
        a.save_incremental();
        a.put_task(&sample_task("one")).unwrap();
        let _first = a.save_incremental();
        a.put_task(&sample_task("two")).unwrap();
        let second = a.save_incremental();
        let mut b = PersonalDoc::from_stored(&PersonalDoc::new().save()).unwrap();
        b.apply_incremental(check_stored(&second).unwrap()).unwrap();
        assert!(!b.is_complete(), "the second part waits for the first");
        assert!(b.tasks().is_empty());
    }

    #[test]
    fn loading_starts_the_incremental_cursor_after_what_was_stored() {
        let mut doc = PersonalDoc::new();
        doc.put_task(&sample_task("a")).unwrap();
        let mut loaded = PersonalDoc::from_stored(&doc.save()).unwrap();
        assert!(loaded.save_incremental().is_empty());
        let mut migrated = PersonalDoc::from_stored(&schema_1_document()).unwrap();
        assert!(
            !migrated.save_incremental().is_empty(),
            "the migration is new"
        );
    }

    #[test]
    fn a_newer_schema_from_another_tab_makes_this_one_read_only() {
        let mut old_tab = PersonalDoc::new();
        let mut new_tab = PersonalDoc::from_stored(&old_tab.save()).unwrap();
        new_tab.save_incremental();
        new_tab
            .doc
            .put(ROOT, "schema", PERSONAL_SCHEMA + 1)
            .unwrap();
        new_tab.doc.commit();
        old_tab
            .apply_incremental(check_stored(&new_tab.save_incremental()).unwrap())
            .unwrap();
        assert_eq!(
            old_tab.access(),
            Access::ReadOnly {
                found_schema: PERSONAL_SCHEMA + 1
            }
        );
    }

    #[test]
    fn out_of_range_numbers_from_a_file_are_clamped() {
        let mut doc = PersonalDoc::new();
        doc.put_task(&sample_task("t")).unwrap();
        let inventory = get_map(&doc.doc, &ROOT, "inventory").unwrap();
        let obj = get_map(&doc.doc, &inventory, "t").unwrap();
        doc.doc.put(&obj, "minutes", u64::from(u32::MAX)).unwrap();
        doc.doc.put(&obj, "freq_n", u64::from(u32::MAX)).unwrap();
        let t = doc.task(&TaskId::new("t")).unwrap();
        assert_eq!(
            (t.minutes, t.frequency),
            (1440, Frequency::TimesPerMonth(31))
        );
        assert!(t.minutes_per_year() > 0);
    }

    #[test]
    fn other_kinds_and_garbage_are_refused() {
        use crate::codec::chunks::ChunkError;
        // Garbage never reaches Automerge: the chunk walk refuses it first.
        assert!(matches!(
            PersonalDoc::from_stored(b"not automerge"),
            Err(DocError::Refused(ChunkError::NotAutomerge))
        ));
        let mut other = AutoCommit::new();
        other.put(ROOT, "kind", "meeting").unwrap();
        assert!(matches!(
            PersonalDoc::from_stored(&other.save()),
            Err(DocError::WrongKind { .. })
        ));
        let huge = vec![0u8; MAX_PERSONAL_BYTES + 1];
        assert!(matches!(
            PersonalDoc::from_stored(&huge),
            Err(DocError::Refused(ChunkError::NotAutomerge))
        ));
    }

    #[test]
    fn a_newer_schema_opens_read_only_and_refuses_edits_and_merges() {
        let mut newer = PersonalDoc::new();
        newer.put_task(&sample_task("a")).unwrap();
        newer.doc.put(ROOT, "schema", PERSONAL_SCHEMA + 1).unwrap();
        newer.doc.commit();
        let bytes = newer.save();
        let mut opened = PersonalDoc::from_stored(&bytes).unwrap();
        assert_eq!(
            opened.access(),
            Access::ReadOnly {
                found_schema: PERSONAL_SCHEMA + 1
            }
        );
        assert_eq!(opened.tasks().len(), 1);
        assert_eq!(opened.put_task(&sample_task("b")), Err(DocError::ReadOnly));
        let mut current = PersonalDoc::new();
        assert!(matches!(
            current.merge_bytes(check_stored(&bytes).unwrap()),
            Err(DocError::NewerSchema { .. })
        ));
    }

    /// Writes what the first release of the app (schema 1) saved.
    fn schema_1_document() -> Vec<u8> {
        let mut doc = AutoCommit::new();
        doc.put(ROOT, "kind", "personal").unwrap();
        doc.put(ROOT, "schema", 1u64).unwrap();
        doc.put(ROOT, "name", "Ben").unwrap();
        doc.put(ROOT, "time_zone", "Asia/Kolkata").unwrap();
        doc.put(ROOT, "actor_id", "b2").unwrap();
        doc.put(ROOT, "hourly_rate_cents", 3_000i64).unwrap();
        doc.put(ROOT, "currency", "INR").unwrap();
        let tasks = doc.put_object(ROOT, "tasks", ObjType::List).unwrap();
        for (i, (title, freq, reasons)) in [
            ("Stand-up", "daily", vec!["reporting"]),
            ("Invoices", "monthly", vec![]),
        ]
        .into_iter()
        .enumerate()
        {
            let t = doc.insert_object(&tasks, i, ObjType::Map).unwrap();
            doc.put(&t, "id", format!("old{i}")).unwrap();
            doc.put(&t, "title", title).unwrap();
            doc.put(&t, "freq", freq).unwrap();
            doc.put(&t, "minutes", 15u64).unwrap();
            doc.put(&t, "decision", "make_async").unwrap();
            let r = doc.put_object(&t, "reasons", ObjType::List).unwrap();
            for (j, key) in reasons.into_iter().enumerate() {
                doc.insert(&r, j, key).unwrap();
            }
        }
        doc.save()
    }

    #[test]
    fn a_schema_1_document_migrates() {
        let mut doc = PersonalDoc::from_stored(&schema_1_document()).unwrap();
        assert_eq!(doc.access(), Access::ReadWrite);
        assert_eq!(schema_of(&doc.doc), PERSONAL_SCHEMA);
        let state = doc.state();
        assert_eq!(state.profile.display_name, "Ben");
        assert_eq!(state.profile.time_zone, "Asia/Kolkata");
        assert_eq!(state.rate.direct_cents_per_hour, 3_000);
        assert_eq!(state.rate.currency, "INR");
        let titles: Vec<&str> = state.tasks.iter().map(|t| t.title.as_str()).collect();
        assert_eq!(titles, ["Stand-up", "Invoices"]);
        assert_eq!(state.tasks[0].frequency, Frequency::Daily);
        assert!(state.tasks[0].reasons.contains(&SyncReason::Reporting));
        assert_eq!(state.tasks[1].decision, Decision::MakeAsync);
        assert!(doc.doc.get(ROOT, "tasks").unwrap().is_none());
        // The migrated document merges task by task with one begun on schema 2 elsewhere.
        let mut fresh = PersonalDoc::new();
        fresh.put_task(&sample_task("new")).unwrap();
        fresh
            .merge_bytes(check_stored(&doc.save()).unwrap())
            .unwrap();
        assert_eq!(fresh.tasks().len(), 3);
        doc.merge_bytes(check_stored(&fresh.save()).unwrap())
            .unwrap();
        assert_eq!(doc.tasks(), fresh.tasks());
    }
}

#[cfg(test)]
mod fixture_tests {
    use super::*;
    use crate::codec::chunks::check_stored;
    use base64::Engine;

    /// The end-to-end test of a newer schema stores this fixture; check it says what it claims.
    #[test]
    fn the_newer_schema_fixture_opens_read_only() {
        let text = include_str!("../../tests/e2e/fixtures/personal-schema-99.b64");
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(text.trim())
            .unwrap();
        let doc = PersonalDoc::from_stored(&bytes).unwrap();
        assert_eq!(doc.access(), Access::ReadOnly { found_schema: 99 });
        assert_eq!(doc.tasks()[0].title, "From the future");
        assert_eq!(doc.profile().display_name, "Ana");
    }

    #[test]
    fn held_documents_round_trip_and_merge_across_devices() {
        let mut a = PersonalDoc::new();
        let mut b = PersonalDoc::new();
        let mut one = HeldDoc {
            id: DocId::from_bytes([0xd1; 16]),
            kind: DocKind::Discussion,
            title: "Launch".into(),
            added: 5,
            seen: Heads::new(vec![[0xaa; 32]]),
            ..Default::default()
        };
        one.peers
            .insert("ben".into(), Heads::new(vec![[0xbb; 32], [0xcc; 32]]));
        a.put_held(&one).unwrap();
        let two = HeldDoc {
            id: DocId::from_bytes([0xd2; 16]),
            kind: DocKind::Discussion,
            added: 9,
            ..Default::default()
        };
        b.put_held(&two).unwrap();
        a.merge_bytes(check_stored(&b.save()).unwrap()).unwrap();
        let held = a.held();
        assert_eq!(held.len(), 2);
        assert_eq!(held[0].id, DocId::from_bytes([0xd2; 16]));
        assert_eq!(held[1], one);
    }
}
