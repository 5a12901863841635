#![cfg(not(target_arch = "wasm32"))]
//! Property: nothing private in a person's own data reaches anything they share. For random
//! personal documents (rate, tasks, reminders, the private parts of the week, the page's
//! signing key) and random edits of every kind of shared document by that person, no full
//! link, reply link, share file or page link contains the rate (or a meeting cost worked
//! out from it), a task's title, note or decision, a reminder's text, or a private part of
//! the week: not in the link text or file bytes, not in the inflated Automerge payload, not
//! in any value or key any change in it ever wrote, not in the document as it loads.
//!
//! Where personal data flows into shared artefacts today (all through the same model and
//! doc functions the workspace calls, reproduced here):
//! - the profile's name, person id and zone: into every shared document (`people`, `by`,
//!   `owner`, a link's sender, a status card's zone, a meeting's `when_zone`). Public by
//!   design: they are how teammates know who wrote what.
//! - the boundaries and the week: into the 'how to work with me' page
//!   (`PageState::from_sources` in `workspace::page::publish_page`), signed with the page
//!   key kept in the personal document (`share::page_link::page_link`).
//! - a meeting's own contents into a new discussion (`SharedDoc::to_discussion`): shared
//!   to shared, with the person's name and id only.
//! - the rate is read on screen (what tasks and a meeting cost) and never written
//!   anywhere; reminders only copy from shared documents into the personal one, never
//!   back. Backups and calendar files carry personal data on purpose, to the person
//!   themselves, and are not shared artefacts.
//!
//! What counts as private here. The rate in every form (typed, worked out from income, the
//! income, and what a meeting costs at it); tasks (title, note, the tool or person of a
//! decision); reminders (text); the page's private signing key. Of the boundaries, every
//! field is published on purpose (hours, availability, channels with their notes, what is
//! urgent, the escalation path, tools, do-not-disturb: the page publisher lists them), so
//! none is a secret. Of the week, the page publishes only deep work and office hours (with
//! their labels); leisure and commitments ('never your rate, your tasks, leisure or other
//! commitments', says the publisher), deadlines and the people one works with stay
//! private, and so does the label of a deep-work block once it is turned into leisure
//! (each publication is a snapshot without history, so the next link must lose it).

use automerge::legacy::{Key, OpType};
use automerge::{AutoCommit, Change, ScalarValue};
use proptest::prelude::*;
use unhurried::codec::chunks::{check, Limits};
use unhurried::doc::page::PageDoc;
use unhurried::doc::shared::board::BoardEdit;
use unhurried::doc::shared::discussion::DiscussionEdit;
use unhurried::doc::shared::feedback::FeedbackEdit;
use unhurried::doc::shared::meeting::MeetingEdit;
use unhurried::doc::shared::sop::SopEdit;
use unhurried::doc::shared::{SharedDoc, SharedEdit, SharedError};
use unhurried::doc::PersonalDoc;
use unhurried::model::boundaries::{Boundaries, Channel, EscalationStep, ResponseUnit};
use unhurried::model::ids::Heads;
use unhurried::model::inventory::{Decision, Task, TaskId};
use unhurried::model::kind::DocKind;
use unhurried::model::page::PageState;
use unhurried::model::profile::{parse_time_zone, Profile};
use unhurried::model::rate::{amount_for_input, format_money, Rate, RateMode};
use unhurried::model::reminder::{Every, Reminder, Repeat};
use unhurried::model::review::Month;
use unhurried::model::schedule::{Block, BlockKind, Deadline, Person as Teammate, WorkingHours};
use unhurried::model::shared::board::{Column, StatusCard, StatusTag};
use unhurried::model::shared::envelope::attendee_addresses;
use unhurried::model::shared::meeting::{follow_up, mailto, meeting_cost_cents};
use unhurried::model::shared::sop::{Automation, Cadence, Capture, Performer, SopSchedule, Step};
use unhurried::model::shared::{ItemList, SharedState, TextField};
use unhurried::share::exchange::{full_link, hex, receive, reply_link, Received};
use unhurried::share::link::{PayloadKind, Share};
use unhurried::share::page_link::{new_author_key, page_link, receive_page, PageReceived};
use unhurried::share::{encode_share_file, read_any_file, FileContent};

/// 2026-01-01 00:00 UTC: every edit happens after it.
const NOW: i64 = 1_767_225_600_000;

/// Words of what people type in shared documents. None holds a `q`, so no public text
/// can ever contain the secrets' marker `zq`, in any case.
const WORDS: [&str; 24] = [
    "plan", "launch", "draft", "review", "budget", "notes", "team", "ship", "design", "copy",
    "data", "agenda", "demo", "call", "week", "hire", "sales", "docs", "retro", "pricing", "café",
    "東京", "ñandú", "🙂",
];
const NAMES: [&str; 6] = ["Ana", "Ben", "Cy", "Émile", "Łucja", "Kofi"];
const ZONES: [&str; 6] = [
    "Europe/Lisbon",
    "America/New_York",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Asia/Kolkata",
    "UTC",
];
const CURRENCIES: [&str; 6] = ["USD", "EUR", "GBP", "JPY", "CHF", "INR"];
/// Every private string starts with it (`Zq` + 12 letters), so any trace of one in a
/// decoded string, even cut short or lower-cased, shows.
const MARKER: &str = "zq";
const TEXT_FIELDS: [TextField; 8] = [
    TextField::Problem,
    TextField::Summary,
    TextField::Data,
    TextField::Dates,
    TextField::Questions,
    TextField::Notes,
    TextField::Purpose,
    TextField::Output,
];

// ---------------------------------------------------------------------------------------
// What is private, and finding it.

/// The private values of one person, and where to look for them.
#[derive(Clone, Debug, Default)]
struct Secrets {
    /// Distinctive strings, lower-cased (searched without regard to case): (what, value).
    words: Vec<(String, String)>,
    /// Texts searched as they are (a number's decimal and money forms): (what, text).
    texts: Vec<(String, String)>,
    /// Byte patterns searched in binary data (a number's LEB128 and f64 encodings, the
    /// raw signing key): (what, bytes).
    raw: Vec<(String, Vec<u8>)>,
}

fn uleb(mut n: u64) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return out;
        }
        out.push(byte | 0x80);
    }
}

fn sleb(mut n: i64) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        let done = (n == 0 && byte & 0x40 == 0) || (n == -1 && byte & 0x40 != 0);
        if done {
            out.push(byte);
            return out;
        }
        out.push(byte | 0x80);
    }
}

/// "12,345,678".
fn grouped(n: i64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Bytes as a string of the code points U+0000..U+00FF, one per byte, so that `str`'s
/// substring search (compiled optimised in std, fast in a debug build) finds byte runs.
fn latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

impl Secrets {
    fn word(&mut self, what: impl Into<String>, value: &str) {
        assert!(value.len() >= 12, "a secret must be distinctive");
        self.words.push((what.into(), value.to_lowercase()));
    }

    /// An amount of money in minor units, in every form the app writes or shows one:
    /// the integer, whole units, the editable amount, the formatted money, and the
    /// binary encodings Automerge and a float would give it.
    fn money(&mut self, what: &str, cents: i64, currency: &str, whole_units: bool) {
        let mut texts = vec![
            cents.to_string(),
            grouped(cents / 100),
            amount_for_input(cents),
            format_money(cents, currency),
        ];
        if whole_units {
            texts.push((cents / 100).to_string());
        }
        for t in texts {
            self.texts.push((format!("{what} as “{t}”"), t));
        }
        for (form, bytes) in [
            ("uLEB128", uleb(cents as u64)),
            ("sLEB128", sleb(cents)),
            ("f64", (cents as f64).to_le_bytes().to_vec()),
            (
                "f64 in whole units",
                (cents as f64 / 100.0).to_le_bytes().to_vec(),
            ),
        ] {
            self.raw.push((format!("{what} ({form})"), bytes));
        }
    }

    /// These secrets and what a meeting of `minutes` costs at `rate`, for 1 to 12 people.
    fn with_meeting_costs(&self, rate: &Rate, minutes: u32) -> Secrets {
        let mut out = self.clone();
        for n in 1..=12 {
            let cost = meeting_cost_cents(rate, n, minutes);
            if cost > 0 {
                // Costs are at least a sixtieth of the rate: 11 digits and more, so their
                // whole units (9 digits) are left out of the search, as a timestamp could
                // hold them by chance.
                out.money(
                    &format!("the cost of {n} people for {minutes} minutes"),
                    cost,
                    &rate.currency,
                    false,
                );
            }
        }
        out
    }

    fn without(&self, what: &str) -> Secrets {
        let mut out = self.clone();
        out.words.retain(|(w, _)| w != what);
        out
    }

    /// The secrets in a decoded text (a loaded state, a value, an export).
    fn found_in_text(&self, text: &str) -> Vec<String> {
        let lower = text.to_lowercase();
        let mut found: Vec<String> = self
            .words
            .iter()
            .filter(|(_, w)| lower.contains(w.as_str()))
            .map(|(what, _)| what.clone())
            .collect();
        found.extend(
            self.texts
                .iter()
                .filter(|(_, t)| text.contains(t.as_str()))
                .map(|(what, _)| what.clone()),
        );
        found
    }

    /// The secrets in binary data (a link's text, a file, a payload).
    fn found_in_bytes(&self, bytes: &[u8]) -> Vec<String> {
        let exact = latin1(bytes);
        let lower = latin1(&bytes.to_ascii_lowercase());
        let mut found: Vec<String> = self
            .words
            .iter()
            .filter(|(_, w)| lower.contains(&latin1(w.as_bytes())))
            .map(|(what, _)| what.clone())
            .collect();
        found.extend(
            self.texts
                .iter()
                .filter(|(_, t)| exact.contains(&latin1(t.as_bytes())))
                .map(|(what, _)| what.clone()),
        );
        found.extend(
            self.raw
                .iter()
                .filter(|(_, r)| exact.contains(&latin1(r)))
                .map(|(what, _)| what.clone()),
        );
        found
    }

    fn assert_clean_text(&self, place: &str, text: &str) {
        let found = self.found_in_text(text);
        assert!(found.is_empty(), "{place} holds {}", found.join(", "));
        let lower = text.to_lowercase();
        if let Some(at) = lower.find(MARKER) {
            let around: String = lower[at..].chars().take(40).collect();
            panic!("{place} holds part of a private value: “{around}…”");
        }
    }

    fn assert_clean_bytes(&self, place: &str, bytes: &[u8]) {
        let found = self.found_in_bytes(bytes);
        assert!(found.is_empty(), "{place} holds {}", found.join(", "));
    }

    /// Every value and key a change wrote, one per line (map keys, strings, numbers, the
    /// message); the strings it put joined in order (text is written one character per
    /// op, so a text's words only show joined); and the byte values it put.
    fn written_by(change: &Change, history: &mut History) {
        let History {
            values,
            joined,
            binary,
        } = history;
        let expanded = change.decode();
        if let Some(message) = &expanded.message {
            values.push_str(message);
            values.push('\n');
        }
        for op in &expanded.operations {
            if let Key::Map(key) = &op.key {
                values.push_str(key);
                values.push('\n');
            }
            let value = match &op.action {
                OpType::Put(v) => v,
                OpType::MarkBegin(mark) => &mark.value,
                OpType::Increment(n) => {
                    values.push_str(&format!("{n}\n"));
                    continue;
                }
                _ => continue,
            };
            match value {
                ScalarValue::Str(s) => {
                    values.push_str(s);
                    joined.push_str(s);
                }
                ScalarValue::Bytes(b) => binary.extend_from_slice(b),
                other => values.push_str(&other.to_string()),
            }
            values.push('\n');
        }
        joined.push('\n');
    }

    /// Every change in a checked payload, chunk by chunk: a whole document's history, or
    /// the change chunks of a reply (compressed or not).
    fn assert_clean_history(&self, place: &str, payload: &[u8]) {
        let checked = check(payload, Limits::SHARED).expect("the payload passes the walk");
        let mut history = History::default();
        for chunk in checked.chunks() {
            match chunk[8] {
                0 => {
                    let mut doc = AutoCommit::load(chunk).expect("a document chunk loads");
                    for change in doc.get_changes(&[]) {
                        Self::written_by(&change, &mut history);
                    }
                }
                1 | 2 => {
                    let change = Change::try_from(chunk).expect("a change chunk decodes");
                    Self::written_by(&change, &mut history);
                }
                other => panic!("{place}: unexpected chunk type {other}"),
            }
        }
        self.assert_clean_text(
            &format!("{place} (a value or key in its history)"),
            &history.values,
        );
        let found = self.found_in_text(&history.joined);
        assert!(
            found.is_empty(),
            "{place} (a text in its history) holds {}",
            found.join(", ")
        );
        self.assert_clean_bytes(
            &format!("{place} (a byte value in its history)"),
            &history.binary,
        );
    }
}

/// What the changes of a payload wrote (see `Secrets::written_by`).
#[derive(Default)]
struct History {
    values: String,
    joined: String,
    binary: Vec<u8>,
}

// ---------------------------------------------------------------------------------------
// A person's own data.

#[derive(Clone, Debug)]
struct TaskSpec {
    title: (String, String, String),
    note: String,
    decision: (u8, String),
    minutes: u32,
}

/// Words before the secret, the secret, and whether it repeats (on this weekday at this
/// minute).
type ReminderSpec = (String, String, Option<(u8, u32)>);

#[derive(Clone, Debug)]
struct Personal {
    name: String,
    zone: String,
    id: [u8; 16],
    rate: Rate,
    /// The rate worked out from income (the mode may be either: both are kept).
    from_income: i64,
    tasks: Vec<TaskSpec>,
    reminders: Vec<ReminderSpec>,
    /// Deep work and office hours, published with their labels.
    public_blocks: Vec<Block>,
    /// Leisure and commitments, with private labels.
    private_blocks: Vec<Block>,
    /// Published first, then turned into leisure.
    turned: Block,
    deadlines: Vec<Deadline>,
    people: Vec<Teammate>,
    boundaries: Boundaries,
}

fn words(n: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS.to_vec()), n).prop_map(|w| w.join(" "))
}

fn secret() -> impl Strategy<Value = String> {
    "Zq[a-zA-Z]{12}"
}

fn block(public: bool) -> impl Strategy<Value = Block> {
    let kinds = if public {
        vec![BlockKind::Maker, BlockKind::Manager]
    } else {
        vec![BlockKind::Leisure, BlockKind::Fixed]
    };
    let label = if public {
        words(1..4).boxed()
    } else {
        (words(0..2), secret())
            .prop_map(|(w, s)| format!("{w} {s}").trim().to_owned())
            .boxed()
    };
    (
        0u8..7,
        0u32..1400,
        15u32..300,
        prop::sample::select(kinds),
        label,
        any::<u32>(),
    )
        .prop_map(move |(day, start, minutes, kind, label, id)| Block {
            // Apart, so a private block never takes a public one's place.
            id: format!("{}{id:08x}", if public { "public" } else { "private" }),
            day,
            start,
            minutes,
            kind,
            label,
        })
}

fn hours() -> impl Strategy<Value = WorkingHours> {
    (1u8..128, 0u32..1440, 0u32..1440).prop_map(|(days, start, end)| WorkingHours {
        days,
        start,
        end,
    })
}

fn boundaries() -> impl Strategy<Value = Boundaries> {
    let channel = (words(1..3), 0u32..10, 0usize..3, words(0..4));
    let step = (words(1..3), words(1..3));
    (
        hours(),
        words(0..6),
        prop::collection::vec(channel, 0..4),
        words(0..6),
        prop::collection::vec(step, 0..3),
        prop::collection::vec(words(1..3), 0..4),
        prop::option::of(1i64..10_000_000),
    )
        .prop_map(
            |(hours, availability, channels, urgent, steps, tools, dnd)| Boundaries {
                hours,
                availability,
                channels: channels
                    .into_iter()
                    .enumerate()
                    .map(|(i, (name, within, unit, note))| Channel {
                        id: format!("c{i}"),
                        name,
                        within,
                        unit: ResponseUnit::ALL[unit],
                        note,
                        order: i as i64,
                    })
                    .collect(),
                urgent,
                escalation: steps
                    .into_iter()
                    .enumerate()
                    .map(|(i, (who, how))| EscalationStep {
                        id: format!("s{i}"),
                        who,
                        how,
                        order: i as i64,
                    })
                    .collect(),
                tools: tools.join("\n"),
                dnd_until: dnd.map_or(0, |d| NOW + d),
            },
        )
}

fn rate() -> impl Strategy<Value = (Rate, i64)> {
    // Rates of 2 to 10 trillion cents an hour: absurd, but 13 digits above any timestamp
    // of this decade, which no count, rank or id in a shared document holds by chance.
    (
        any::<bool>(),
        2_000_000_000_000i64..10_000_000_000_000,
        2_000_000_000_000i64..10_000_000_000_000,
        1u32..=80,
        1u32..=52,
        prop::sample::select(CURRENCIES.to_vec()),
    )
        .prop_map(|(direct, typed, worked_out, hours, weeks, currency)| {
            let rate = Rate {
                mode: if direct {
                    RateMode::Direct
                } else {
                    RateMode::FromIncome
                },
                direct_cents_per_hour: typed,
                yearly_income_cents: worked_out * i64::from(hours) * i64::from(weeks),
                hours_per_week: hours,
                weeks_per_year: weeks,
                currency: currency.to_owned(),
            };
            (rate, worked_out)
        })
}

fn personal() -> impl Strategy<Value = Personal> {
    let task = (
        (words(0..3), secret(), words(0..3)),
        secret(),
        (0u8..7, secret()),
        1u32..600,
    )
        .prop_map(|(title, note, decision, minutes)| TaskSpec {
            title,
            note,
            decision,
            minutes,
        });
    let reminder = (
        words(0..3),
        secret(),
        prop::option::of((0u8..7, 0u32..1440)),
    );
    let deadline = (secret(), prop::option::of(0u32..365));
    let person = (
        secret(),
        prop::sample::select(ZONES.to_vec()),
        hours(),
        any::<bool>(),
    );
    (
        (
            prop::sample::select(NAMES.to_vec()),
            prop::sample::select(ZONES.to_vec()),
            any::<[u8; 16]>(),
            rate(),
        ),
        prop::collection::vec(task, 1..5),
        prop::collection::vec(reminder, 1..4),
        prop::collection::vec(block(true), 0..4),
        prop::collection::vec(block(false), 1..4),
        (block(true), "Xj[a-pr-zA-PR-Z]{12}"),
        prop::collection::vec(deadline, 0..3),
        prop::collection::vec(person, 0..3),
        boundaries(),
    )
        .prop_map(
            |(
                (name, zone, id, (rate, from_income)),
                tasks,
                reminders,
                public_blocks,
                private_blocks,
                (mut turned, turned_label),
                deadlines,
                people,
                boundaries,
            )| {
                turned.id = "turned".into();
                turned.kind = BlockKind::Maker;
                turned.label = turned_label;
                Personal {
                    name: name.to_owned(),
                    zone: zone.to_owned(),
                    id,
                    rate,
                    from_income,
                    tasks,
                    reminders,
                    public_blocks,
                    private_blocks,
                    turned,
                    deadlines: deadlines
                        .into_iter()
                        .enumerate()
                        .map(|(i, (title, day))| Deadline {
                            id: format!("d{i}"),
                            title,
                            date: day.map(|d| {
                                chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
                                    + chrono::Duration::days(i64::from(d))
                            }),
                            ..Deadline::default()
                        })
                        .collect(),
                    people: people
                        .into_iter()
                        .enumerate()
                        .map(|(i, (name, zone, hours, client))| Teammate {
                            id: format!("p{i}"),
                            name,
                            time_zone: zone.to_owned(),
                            hours,
                            client,
                        })
                        .collect(),
                    boundaries,
                }
            },
        )
}

impl Personal {
    fn me(&self) -> String {
        hex(&self.id)
    }

    fn tasks(&self) -> Vec<Task> {
        self.tasks
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let (before, secret, after) = &t.title;
                let title = format!("{before} {secret} {after}").trim().to_owned();
                let mut task = Task::new(TaskId::new(format!("t{i}")), title, NOW + i as i64);
                task.note = t.note.clone();
                task.minutes = t.minutes;
                let detail = t.decision.1.clone();
                task.set_decision(match t.decision.0 {
                    0 => Decision::Undecided,
                    1 => Decision::KeepLive,
                    2 => Decision::MakeAsync,
                    3 => Decision::Automate { tool: detail },
                    4 => Decision::Delegate { to: detail },
                    5 => Decision::Drop,
                    _ => Decision::WriteSop,
                });
                task
            })
            .collect()
    }

    fn reminders(&self) -> Vec<Reminder> {
        self.reminders
            .iter()
            .enumerate()
            .map(|(i, (before, secret, repeat))| Reminder {
                id: format!("r{i}"),
                text: format!("{before} {secret}").trim().to_owned(),
                source: "Your week".into(),
                at: NOW + 3_600_000 * (i as i64 + 1),
                created: NOW,
                repeat: repeat.map(|(day, minute)| Repeat {
                    every: Every::Week(day),
                    minute,
                    zone: self.zone.clone(),
                }),
                ..Reminder::default()
            })
            .collect()
    }

    /// The personal document as the app writes it, through the same doc functions.
    fn document(&self, page_id: unhurried::model::ids::DocId, page_key: &str) -> PersonalDoc {
        let mut doc = PersonalDoc::new();
        doc.set_profile(&Profile {
            display_name: self.name.clone(),
            time_zone: self.zone.clone(),
            actor_id: self.me(),
        })
        .unwrap();
        doc.set_rate(&self.rate).unwrap();
        for t in self.tasks() {
            doc.put_task(&t).unwrap();
        }
        for r in self.reminders() {
            doc.put_reminder(&r).unwrap();
        }
        for b in self
            .public_blocks
            .iter()
            .chain(&self.private_blocks)
            .chain([&self.turned])
        {
            doc.put_block(b).unwrap();
        }
        for d in &self.deadlines {
            doc.put_deadline(d).unwrap();
        }
        for p in &self.people {
            doc.put_person(p).unwrap();
        }
        doc.set_boundaries(&self.boundaries).unwrap();
        for c in &self.boundaries.channels {
            doc.put_channel(c).unwrap();
        }
        for s in &self.boundaries.escalation {
            doc.put_step(s).unwrap();
        }
        doc.set_my_page(page_id, page_key).unwrap();
        doc
    }

    /// Everything here that must never be shared.
    fn secrets(&self, page_key: &str) -> Secrets {
        let mut s = Secrets::default();
        for (i, t) in self.tasks.iter().enumerate() {
            s.word(format!("task {i}'s title"), &t.title.1);
            s.word(format!("task {i}'s note"), &t.note);
            if matches!(t.decision.0, 3 | 4) {
                s.word(format!("task {i}'s decision"), &t.decision.1);
            }
        }
        for (i, (_, secret, _)) in self.reminders.iter().enumerate() {
            s.word(format!("reminder {i}'s text"), secret);
        }
        for b in &self.private_blocks {
            let label = b.label.split(' ').next_back().unwrap();
            s.word(
                format!("the label of {} block {}", b.kind.key(), b.id),
                label,
            );
        }
        s.word(TURNED, &self.turned.label);
        for d in &self.deadlines {
            s.word(format!("deadline {}'s title", d.id), &d.title);
        }
        for p in &self.people {
            s.word(format!("teammate {}'s name", p.id), &p.name);
        }
        s.word("the page's signing key", page_key);
        s.raw.push((
            "the page's signing key (bytes)".into(),
            (0..32)
                .map(|i| u8::from_str_radix(&page_key[2 * i..2 * i + 2], 16).unwrap())
                .collect(),
        ));
        let currency = &self.rate.currency;
        s.money(
            "the typed rate",
            self.rate.direct_cents_per_hour,
            currency,
            true,
        );
        s.money(
            "the yearly income",
            self.rate.yearly_income_cents,
            currency,
            true,
        );
        s.money(
            "the rate worked out from income",
            self.from_income,
            currency,
            true,
        );
        s
    }
}

const TURNED: &str = "the label of a deep-work block turned into leisure";

// ---------------------------------------------------------------------------------------
// Edits of shared documents.

#[derive(Clone, Debug)]
enum Op {
    Title(String),
    Due(u8),
    Budget(u32),
    HideVotes(bool),
    Text(usize, String),
    Invited(Vec<String>),
    Link(u16, String),
    Comment(Option<usize>, String),
    EditComment(usize, String),
    Idea(String),
    Vote(usize, bool),
    Shortlist(usize, bool),
    Poll(String, bool, Vec<String>),
    Answer(usize, Vec<usize>),
    Action(String, String, u8),
    UpdateAction(usize, String, bool),
    Gone(usize, usize, bool),
    When(u8),
    Recording(u16),
    AgendaAdd(String, u32),
    AgendaUpdate(usize, String, u32),
    AgendaMove(usize, bool),
    TimerNext,
    TimerEnd,
    TimerReset,
    CardAdd(String, usize, f64),
    CardUpdate(usize, String, String, String),
    CardMove(usize, usize, f64),
    CardStep(usize, bool),
    Status(u8, [String; 4], usize),
    StepAdd(String, u32, String),
    StepUpdate(usize, String),
    StepStep(usize, f64),
    CheckAdd(String),
    Schedule(u8, u32),
    Automation(String, Vec<usize>),
    RunStart(bool),
    RunTick(usize, usize, bool),
    RunValue(usize, usize, String),
    RunTimer(usize, usize, bool),
    RunCheck(usize, usize, bool),
    RunNote(usize, String),
    RunPause(usize, bool),
    RunFinish(usize),
    FeedbackMonth(u8),
    FeedbackQuestion(String),
    FeedbackScore(u8),
    /// A written answer: to one of the two every request asks, or to an own question.
    FeedbackWritten(usize, String),
}

fn op() -> impl Strategy<Value = Op> {
    let i = || 0usize..8;
    prop_oneof![
        1 => words(1..4).prop_map(Op::Title),
        1 => (0u8..28).prop_map(Op::Due),
        1 => (0u32..8).prop_map(Op::Budget),
        1 => any::<bool>().prop_map(Op::HideVotes),
        3 => (0usize..TEXT_FIELDS.len(), words(0..12)).prop_map(|(f, t)| Op::Text(f, t)),
        1 => prop::collection::vec(words(1..2), 0..4).prop_map(Op::Invited),
        1 => (any::<u16>(), words(0..3)).prop_map(|(n, l)| Op::Link(n, l)),
        3 => (prop::option::of(i()), words(1..10)).prop_map(|(on, t)| Op::Comment(on, t)),
        1 => (i(), words(1..10)).prop_map(|(n, t)| Op::EditComment(n, t)),
        2 => words(1..6).prop_map(Op::Idea),
        2 => (i(), any::<bool>()).prop_map(|(n, v)| Op::Vote(n, v)),
        1 => (i(), any::<bool>()).prop_map(|(n, v)| Op::Shortlist(n, v)),
        1 => (words(1..5), any::<bool>(), prop::collection::vec(words(1..3), 1..4))
            .prop_map(|(q, m, o)| Op::Poll(q, m, o)),
        1 => (i(), prop::collection::vec(i(), 0..3)).prop_map(|(n, c)| Op::Answer(n, c)),
        2 => (words(1..6), words(0..2), 0u8..28).prop_map(|(t, o, d)| Op::Action(t, o, d)),
        1 => (i(), words(1..6), any::<bool>()).prop_map(|(n, t, d)| Op::UpdateAction(n, t, d)),
        1 => (0usize..7, i(), any::<bool>()).prop_map(|(l, n, g)| Op::Gone(l, n, g)),
        1 => (0u8..28).prop_map(Op::When),
        1 => any::<u16>().prop_map(Op::Recording),
        2 => (words(1..4), 0u32..20).prop_map(|(t, m)| Op::AgendaAdd(t, m)),
        1 => (i(), words(1..4), 0u32..20).prop_map(|(n, t, m)| Op::AgendaUpdate(n, t, m)),
        1 => (i(), any::<bool>()).prop_map(|(n, up)| Op::AgendaMove(n, up)),
        1 => Just(Op::TimerNext),
        1 => Just(Op::TimerEnd),
        1 => Just(Op::TimerReset),
        2 => (words(1..4), 0usize..4, -1000.0f64..1000.0).prop_map(|(t, c, r)| Op::CardAdd(t, c, r)),
        1 => (i(), words(1..4), words(0..6), words(0..2))
            .prop_map(|(n, t, no, o)| Op::CardUpdate(n, t, no, o)),
        1 => (i(), 0usize..4, -1000.0f64..1000.0).prop_map(|(n, c, r)| Op::CardMove(n, c, r)),
        1 => (i(), any::<bool>()).prop_map(|(n, up)| Op::CardStep(n, up)),
        2 => (0u8..28, [words(0..5), words(0..5), words(0..5), words(0..5)], 0usize..3)
            .prop_map(|(d, t, tag)| Op::Status(d, t, tag)),
        2 => (words(1..5), 0u32..60, words(0..2)).prop_map(|(t, m, r)| Op::StepAdd(t, m, r)),
        1 => (i(), words(1..5)).prop_map(|(n, t)| Op::StepUpdate(n, t)),
        1 => (i(), -100.0f64..100.0).prop_map(|(n, r)| Op::StepStep(n, r)),
        1 => words(1..5).prop_map(Op::CheckAdd),
        1 => (0u8..4, 0u32..1440).prop_map(|(c, m)| Op::Schedule(c, m)),
        1 => (words(1..2), prop::collection::vec(i(), 0..3)).prop_map(|(t, c)| Op::Automation(t, c)),
        2 => any::<bool>().prop_map(Op::RunStart),
        2 => (i(), i(), any::<bool>()).prop_map(|(r, n, d)| Op::RunTick(r, n, d)),
        1 => (i(), i(), words(0..4)).prop_map(|(r, n, v)| Op::RunValue(r, n, v)),
        1 => (i(), i(), any::<bool>()).prop_map(|(r, n, on)| Op::RunTimer(r, n, on)),
        1 => (i(), i(), any::<bool>()).prop_map(|(r, n, ok)| Op::RunCheck(r, n, ok)),
        1 => (i(), words(0..8)).prop_map(|(r, t)| Op::RunNote(r, t)),
        1 => (i(), any::<bool>()).prop_map(|(r, p)| Op::RunPause(r, p)),
        1 => i().prop_map(Op::RunFinish),
        1 => (1u8..13).prop_map(Op::FeedbackMonth),
        1 => words(1..5).prop_map(Op::FeedbackQuestion),
        2 => (1u8..6).prop_map(Op::FeedbackScore),
        2 => (i(), words(0..8)).prop_map(|(n, t)| Op::FeedbackWritten(n, t)),
    ]
}

/// Someone editing: their person id, display name and zone, as in their profile.
struct Writer {
    id: String,
    name: String,
    zone: String,
}

fn pick<T>(items: &[T], n: usize) -> Option<&T> {
    (!items.is_empty()).then(|| &items[n % items.len()])
}

fn date(day: u8) -> String {
    format!("2026-02-{:02}", day % 28 + 1)
}

/// Applies one edit as the workspace does (`collab_edit`, `collab_post`, `board_move`…);
/// edits the document refuses (a vote past the budget) are refused here too. Every kind
/// of edit goes to every kind of document: they are one type, and a writer the kind's
/// screen does not offer is still a way in for a leak.
fn apply(doc: &mut SharedDoc, who: &Writer, now: i64, op: &Op) {
    // Reading the state costs as much as a dozen edits: only edits of an existing item do.
    let picks = matches!(
        op,
        Op::Comment(Some(_), _)
            | Op::EditComment(..)
            | Op::Vote(..)
            | Op::Shortlist(..)
            | Op::Answer(..)
            | Op::UpdateAction(..)
            | Op::Gone(..)
            | Op::AgendaUpdate(..)
            | Op::AgendaMove(..)
            | Op::CardUpdate(..)
            | Op::CardMove(..)
            | Op::CardStep(..)
            | Op::StepUpdate(..)
            | Op::StepStep(..)
            | Op::Automation(..)
            | Op::RunTick(..)
            | Op::RunValue(..)
            | Op::RunTimer(..)
            | Op::RunCheck(..)
            | Op::RunNote(..)
            | Op::RunPause(..)
            | Op::RunFinish(..)
    );
    let s = if picks {
        doc.state()
    } else {
        SharedState::default()
    };
    let (me, name) = (who.id.as_str(), who.name.as_str());
    let ids = |list: usize| -> Vec<String> {
        match list {
            0 => s.links.iter().map(|x| x.id.clone()).collect(),
            1 => s.comments.iter().map(|x| x.id.clone()).collect(),
            2 => s.discussion().ideas.iter().map(|x| x.id.clone()).collect(),
            3 => s.discussion().polls.iter().map(|x| x.id.clone()).collect(),
            4 => s.actions.iter().map(|x| x.id.clone()).collect(),
            5 => s.meeting().agenda.iter().map(|x| x.id.clone()).collect(),
            _ => s.board().cards.iter().map(|x| x.id.clone()).collect(),
        }
    };
    const LISTS: [ItemList; 7] = [
        ItemList::Links,
        ItemList::Comments,
        ItemList::Ideas,
        ItemList::Polls,
        ItemList::Actions,
        ItemList::Agenda,
        ItemList::Cards,
    ];
    let _ = match op {
        Op::Title(t) => doc.set_title(t),
        Op::Due(d) => doc.set_due(&date(*d)),
        Op::Budget(b) => kind_edit(doc, who, now, DiscussionEdit::SetBudget(*b)),
        Op::HideVotes(h) => kind_edit(doc, who, now, DiscussionEdit::SetHideVotes(*h)),
        Op::Text(f, t) => doc.set_text(TEXT_FIELDS[*f], me, name, t),
        Op::Invited(names) => doc.set_invited(names),
        Op::Link(n, label) => doc
            .add_link(me, name, now, &format!("https://docs.example/{n}"), label)
            .map(drop),
        Op::Comment(on, t) => {
            let on = on
                .and_then(|n| pick(&s.discussion().ideas, n))
                .map(|i| i.id.clone());
            doc.add_comment(me, name, now, on.as_deref(), t).map(drop)
        }
        Op::EditComment(n, t) => match pick(&s.comments, *n) {
            Some(c) => doc.edit_comment(&c.id, now, t),
            None => Ok(()),
        },
        Op::Idea(t) => kind_edit(doc, who, now, DiscussionEdit::AddIdea(t.clone())),
        Op::Vote(n, v) => match pick(&s.discussion().ideas, *n) {
            Some(i) => kind_edit(
                doc,
                who,
                now,
                DiscussionEdit::Vote {
                    idea: i.id.clone(),
                    on: *v,
                },
            ),
            None => Ok(()),
        },
        Op::Shortlist(n, v) => match pick(&s.discussion().ideas, *n) {
            Some(i) => kind_edit(
                doc,
                who,
                now,
                DiscussionEdit::Shortlist {
                    idea: i.id.clone(),
                    on: *v,
                },
            ),
            None => Ok(()),
        },
        Op::Poll(q, multiple, options) => kind_edit(
            doc,
            who,
            now,
            DiscussionEdit::AddPoll {
                question: q.clone(),
                multiple: *multiple,
                options: options.clone(),
            },
        ),
        Op::Answer(n, chosen) => match pick(&s.discussion().polls, *n) {
            Some(p) => {
                let mut ids: Vec<String> = chosen
                    .iter()
                    .filter_map(|c| pick(&p.options, *c).map(|o| o.id.clone()))
                    .collect();
                ids.dedup();
                kind_edit(
                    doc,
                    who,
                    now,
                    DiscussionEdit::AnswerPoll {
                        poll: p.id.clone(),
                        chosen: ids,
                    },
                )
            }
            None => Ok(()),
        },
        Op::Action(t, owner, d) => doc.add_action(me, name, now, t, owner, &date(*d)).map(drop),
        Op::UpdateAction(n, t, done) => match pick(&s.actions, *n) {
            Some(a) => {
                let mut a = a.clone();
                a.text = t.clone();
                a.done = *done;
                doc.update_action(&a)
            }
            None => Ok(()),
        },
        Op::Gone(list, n, gone) => match pick(&ids(*list), *n) {
            Some(id) => doc.set_gone(LISTS[*list], id, *gone),
            None => Ok(()),
        },
        Op::When(d) => kind_edit(
            doc,
            who,
            now,
            MeetingEdit::SetWhen {
                when: format!("{}T10:30", date(*d)),
                zone: who.zone.clone(),
            },
        ),
        Op::Recording(n) => kind_edit(
            doc,
            who,
            now,
            MeetingEdit::SetRecording(format!("https://rec.example/{n}")),
        ),
        Op::AgendaAdd(t, m) => kind_edit(
            doc,
            who,
            now,
            MeetingEdit::AddAgendaItem {
                title: t.clone(),
                minutes: *m,
            },
        ),
        Op::AgendaUpdate(n, t, m) => match pick(&s.meeting().agenda, *n) {
            Some(a) => kind_edit(
                doc,
                who,
                now,
                MeetingEdit::UpdateAgendaItem {
                    id: a.id.clone(),
                    title: t.clone(),
                    minutes: *m,
                },
            ),
            None => Ok(()),
        },
        Op::AgendaMove(n, up) => match pick(&s.meeting().agenda, *n) {
            Some(a) => kind_edit(
                doc,
                who,
                now,
                MeetingEdit::MoveAgendaItem {
                    id: a.id.clone(),
                    up: *up,
                },
            ),
            None => Ok(()),
        },
        Op::TimerNext => kind_edit(doc, who, now, MeetingEdit::TimerNext(now)),
        Op::TimerEnd => kind_edit(doc, who, now, MeetingEdit::TimerEnd(now)),
        Op::TimerReset => kind_edit(doc, who, now, MeetingEdit::TimerReset),
        Op::CardAdd(t, c, rank) => kind_edit(
            doc,
            who,
            now,
            BoardEdit::AddCard {
                title: t.clone(),
                column: Column::ALL[*c],
                rank: *rank,
            },
        ),
        Op::CardUpdate(n, t, note, owner) => match pick(&s.board().cards, *n) {
            Some(c) => kind_edit(
                doc,
                who,
                now,
                BoardEdit::UpdateCard {
                    id: c.id.clone(),
                    title: t.clone(),
                    note: note.clone(),
                    owner: owner.clone(),
                },
            ),
            None => Ok(()),
        },
        Op::CardMove(n, c, rank) => match pick(&s.board().cards, *n) {
            Some(card) => kind_edit(
                doc,
                who,
                now,
                BoardEdit::MoveCard {
                    id: card.id.clone(),
                    column: Column::ALL[*c],
                    rank: *rank,
                },
            ),
            None => Ok(()),
        },
        Op::CardStep(n, up) => match pick(&s.board().cards, *n) {
            Some(card) => match s.board().step_ranks(&card.id, if *up { -1 } else { 1 }) {
                Some(ranks) if !ranks.is_empty() => kind_edit(
                    doc,
                    who,
                    now,
                    BoardEdit::RankCards {
                        moved: card.id.clone(),
                        ranks,
                    },
                ),
                _ => Ok(()),
            },
            None => Ok(()),
        },
        Op::Status(d, [done, doing, blocked, note], tag) => {
            // The zone the date was read in, as the status form writes it.
            let zone = parse_time_zone(&who.zone).map_or("UTC", |tz| tz.name());
            let card = StatusCard {
                date: date(*d),
                done: done.clone(),
                doing: doing.clone(),
                blocked: blocked.clone(),
                tag: StatusTag::ALL[*tag],
                note: note.clone(),
                zone: zone.to_owned(),
                ..StatusCard::default()
            };
            kind_edit(doc, who, now, BoardEdit::PostStatus(card))
        }
        Op::StepAdd(t, minutes, role) => kind_edit(
            doc,
            who,
            now,
            SopEdit::AddStep(Step {
                text: t.clone(),
                minutes: *minutes,
                who: Performer::parse(&format!("role:{role}")),
                link: "https://example.com/how".into(),
                capture: Capture::Choice(vec![t.clone(), role.clone()]),
                rank: now as f64,
                ..Step::default()
            }),
        ),
        Op::StepUpdate(n, t) => match pick(&s.sop().steps, *n) {
            Some(step) => {
                let mut step = step.clone();
                step.text = t.clone();
                kind_edit(doc, who, now, SopEdit::UpdateStep(step))
            }
            None => Ok(()),
        },
        Op::StepStep(n, rank) => match pick(&s.sop().steps, *n) {
            Some(step) => kind_edit(
                doc,
                who,
                now,
                SopEdit::RankSteps(vec![(step.id.clone(), *rank)]),
            ),
            None => Ok(()),
        },
        Op::CheckAdd(t) => kind_edit(doc, who, now, SopEdit::AddCheck(t.clone())),
        Op::Schedule(c, minute) => {
            let cadence = [
                Cadence::OnDemand,
                Cadence::Workdays,
                Cadence::Weekly(0b101),
                Cadence::Monthly(31),
            ][*c as usize % 4];
            let zone = parse_time_zone(&who.zone).map_or("UTC", |tz| tz.name());
            kind_edit(
                doc,
                who,
                now,
                SopEdit::SetSchedule(SopSchedule {
                    cadence,
                    minute: *minute,
                    zone: zone.to_owned(),
                }),
            )
        }
        Op::Automation(tool, covers) => {
            let steps = &s.sop().steps;
            let covers = covers
                .iter()
                .filter_map(|n| pick(steps, *n))
                .map(|st| st.id.clone())
                .collect();
            kind_edit(
                doc,
                who,
                now,
                SopEdit::SetAutomation(Automation {
                    tool: tool.clone(),
                    link: String::new(),
                    covers,
                }),
            )
        }
        Op::RunStart(by_itself) => kind_edit(
            doc,
            who,
            now,
            SopEdit::StartRun {
                by_itself: *by_itself,
            },
        ),
        Op::RunTick(r, n, done) => match (pick(&s.sop().runs, *r), pick(&s.sop().steps, *n)) {
            (Some(run), Some(step)) => kind_edit(
                doc,
                who,
                now,
                SopEdit::TickStep {
                    run: run.id.clone(),
                    step: step.id.clone(),
                    done: *done,
                },
            ),
            _ => Ok(()),
        },
        Op::RunValue(r, n, value) => match (pick(&s.sop().runs, *r), pick(&s.sop().steps, *n)) {
            (Some(run), Some(step)) => kind_edit(
                doc,
                who,
                now,
                SopEdit::SetStepValue {
                    run: run.id.clone(),
                    step: step.id.clone(),
                    value: value.clone(),
                },
            ),
            _ => Ok(()),
        },
        Op::RunTimer(r, n, on) => match (pick(&s.sop().runs, *r), pick(&s.sop().steps, *n)) {
            (Some(run), Some(step)) => kind_edit(
                doc,
                who,
                now,
                SopEdit::TimeStep {
                    run: run.id.clone(),
                    step: step.id.clone(),
                    on: *on,
                },
            ),
            _ => Ok(()),
        },
        Op::RunCheck(r, n, ok) => match (pick(&s.sop().runs, *r), pick(&s.sop().checks, *n)) {
            (Some(run), Some(check)) => kind_edit(
                doc,
                who,
                now,
                SopEdit::TickCheck {
                    run: run.id.clone(),
                    check: check.id.clone(),
                    ok: *ok,
                },
            ),
            _ => Ok(()),
        },
        Op::RunNote(r, note) => match pick(&s.sop().runs, *r) {
            Some(run) => kind_edit(
                doc,
                who,
                now,
                SopEdit::SetRunNote {
                    run: run.id.clone(),
                    note: note.clone(),
                },
            ),
            None => Ok(()),
        },
        Op::RunPause(r, pause) => match pick(&s.sop().runs, *r) {
            Some(run) => kind_edit(
                doc,
                who,
                now,
                SopEdit::PauseRun {
                    run: run.id.clone(),
                    pause: *pause,
                },
            ),
            None => Ok(()),
        },
        Op::RunFinish(r) => match pick(&s.sop().runs, *r) {
            Some(run) => kind_edit(doc, who, now, SopEdit::FinishRun(run.id.clone())),
            None => Ok(()),
        },
        Op::FeedbackMonth(m) => {
            let month = Month::parse(&format!("2026-{m:02}")).expect("a month");
            kind_edit(doc, who, now, FeedbackEdit::SetMonth(month))
        }
        Op::FeedbackQuestion(t) => kind_edit(doc, who, now, FeedbackEdit::AddQuestion(t.clone())),
        Op::FeedbackScore(n) => kind_edit(doc, who, now, FeedbackEdit::SetScore(*n)),
        Op::FeedbackWritten(n, text) => {
            let fields: Vec<String> = ["help", "problems"]
                .into_iter()
                .map(str::to_owned)
                .chain(s.feedback().questions.iter().map(|q| q.id.clone()))
                .collect();
            let field = fields[n % fields.len()].clone();
            kind_edit(
                doc,
                who,
                now,
                FeedbackEdit::SetWritten {
                    field,
                    text: text.clone(),
                },
            )
        }
    };
}

/// A kind's own edit, through the path the screens use: on a document of another kind
/// it is refused and changes nothing.
fn kind_edit(
    doc: &mut SharedDoc,
    who: &Writer,
    now: i64,
    edit: impl Into<SharedEdit>,
) -> Result<(), SharedError> {
    edit.into().apply(doc, &who.id, &who.name, now)
}

fn edit_all(doc: &mut SharedDoc, who: &Writer, now: &mut i64, ops: &[Op]) {
    for op in ops {
        *now += 61_000;
        apply(doc, who, *now, op);
    }
}

// ---------------------------------------------------------------------------------------
// Checking what is shared.

/// A link to a shared document as a reader gets it, and the same as a file: the link's
/// text, the file's bytes, the inflated payload, every change in it, and the document
/// the receiver ends up with. `receiver` is the teammate's copy (none before the first
/// link); it takes the link in as the app would.
fn check_collab_link(
    secrets: &Secrets,
    place: &str,
    share: &Share,
    receiver: &mut Option<SharedDoc>,
) {
    let fragment = share.to_fragment();
    secrets.assert_clean_bytes(&format!("{place} (the link's text)"), fragment.as_bytes());
    let file = encode_share_file(share);
    secrets.assert_clean_bytes(&format!("{place} (as a file)"), &file);

    let decoded = Share::from_fragment(&fragment).expect("the link decodes");
    assert_eq!(decoded.bytes, share.bytes);
    let Ok(FileContent::Shared(from_file)) = read_any_file(&file) else {
        panic!("{place}: the file does not read back as a shared document");
    };
    assert_eq!(from_file.bytes, share.bytes);

    secrets.assert_clean_bytes(&format!("{place} (its payload)"), &decoded.bytes);
    secrets.assert_clean_history(place, &decoded.bytes);

    let checked = check(&decoded.bytes, Limits::SHARED).expect("the payload passes the walk");
    if decoded.payload == PayloadKind::Document {
        let loaded = SharedDoc::load(checked).expect("the document loads");
        secrets.assert_clean_text(
            &format!("{place} (loaded)"),
            &format!("{:?}", loaded.state()),
        );
    }
    match receive(&decoded, receiver.as_mut()).expect("the receiver takes the link in") {
        Received::New(doc) => *receiver = Some(*doc),
        Received::Merged(_) => {}
    }
    let state = receiver.as_ref().expect("a copy after a link").state();
    secrets.assert_clean_text(
        &format!("{place} (the receiver's copy)"),
        &format!("{state:?}"),
    );
}

/// What else leaves the app from a shared document: the Markdown export, the follow-up
/// text and its `mailto:` link.
fn check_exports(secrets: &Secrets, place: &str, state: &SharedState) {
    secrets.assert_clean_text(&format!("{place} (Markdown)"), &state.to_markdown());
    let text = follow_up(state, state.meeting());
    secrets.assert_clean_text(&format!("{place} (follow-up)"), &text);
    let link = mailto(&attendee_addresses(&state.invited), &state.title, &text);
    secrets.assert_clean_text(&format!("{place} (mailto link)"), &link);
}

/// A page link as a reader gets it: its text and frame, the inflated payload, every
/// change in it, and the page as it loads, which must be exactly what was published.
fn check_page_link(secrets: &Secrets, place: &str, share: &Share, published: &PageState) {
    let fragment = share.to_fragment();
    secrets.assert_clean_bytes(&format!("{place} (the link's text)"), fragment.as_bytes());
    secrets.assert_clean_bytes(&format!("{place} (its frame)"), &share.encode_frame());
    let decoded = Share::from_fragment(&fragment).expect("the page link decodes");
    assert_eq!(decoded.payload, PayloadKind::SignedDocument);
    secrets.assert_clean_bytes(&format!("{place} (its payload)"), &decoded.bytes);
    secrets.assert_clean_history(place, &decoded.bytes);
    let loaded = PageDoc::load(check(&decoded.bytes, Limits::SHARED).expect("the walk"))
        .expect("the page loads");
    secrets.assert_clean_text(
        &format!("{place} (loaded)"),
        &format!("{:?}", loaded.state()),
    );
    // A reader accepts it as the author's, and reads what was published.
    match receive_page(&decoded, None, None).expect("a reader takes the page in") {
        PageReceived::New(doc) => assert_eq!(doc.state(), *published),
        _ => panic!("{place}: a first page link is new"),
    }
}

/// One shared document of `kind`, made and edited by the person with a teammate, and
/// every link and file the app makes of it along the way.
fn share_one(
    secrets: &Secrets,
    rate: &Rate,
    kind: DocKind,
    me: &Writer,
    sender: [u8; 16],
    ops: &[Vec<Op>; 3],
    title: &str,
) {
    let place = |what: &str| format!("{} {what}", kind.key());
    let with_costs = |doc: &SharedDoc| -> Secrets {
        let minutes = doc.state().meeting().planned_minutes();
        secrets.with_meeting_costs(rate, minutes)
    };
    let tess = Writer {
        id: hex(&[7; 16]),
        name: "Tess".into(),
        zone: "Europe/Berlin".into(),
    };
    let mut now = NOW;
    let mut doc = SharedDoc::create_kind(kind, &me.id, &me.name, title, now);
    edit_all(&mut doc, me, &mut now, &ops[0]);

    // The first full link, to a teammate who has nothing yet.
    let mut theirs: Option<SharedDoc> = None;
    let link = full_link(&mut doc, sender);
    check_collab_link(&with_costs(&doc), &place("full link"), &link, &mut theirs);

    // The teammate edits and replies; the person takes it in and keeps their heads, as
    // `receive_share` records them in the held entry.
    // Without a reply, the heads of the link the teammate got.
    let heads = |share: &Share| Heads::new(share.heads.clone());
    let mut copy = theirs.take().expect("the teammate has a copy");
    edit_all(&mut copy, &tess, &mut now, &ops[1]);
    let mut their_heads = heads(&link);
    if let Some(back) = reply_link(&mut copy, [7; 16], &[heads(&link)]) {
        let back = Share::from_fragment(&back.to_fragment()).unwrap();
        receive(&back, Some(&mut doc)).expect("the person takes the reply in");
        their_heads = heads(&back);
    }
    theirs = Some(copy);

    // More edits, then the reply link for what the teammate lacks, as `share_offer` makes it.
    edit_all(&mut doc, me, &mut now, &ops[2]);
    if let Some(reply) = reply_link(&mut doc, sender, std::slice::from_ref(&their_heads)) {
        check_collab_link(&with_costs(&doc), &place("reply link"), &reply, &mut theirs);
    }

    // The full link and file of the end state (`share_offer`, `share_file_bytes`).
    let link = full_link(&mut doc, sender);
    let secrets_now = with_costs(&doc);
    check_collab_link(&secrets_now, &place("full link, later"), &link, &mut theirs);
    check_exports(&secrets_now, &place("export"), &doc.state());

    // 'Could this be async?': the meeting becomes a discussion (`meeting_to_discussion`).
    if kind == DocKind::Meeting {
        let mut discussion = doc
            .meeting_to_discussion(&me.id, &me.name, now)
            .expect("made");
        let link = full_link(&mut discussion, sender);
        check_collab_link(
            &secrets_now,
            "the discussion a meeting became",
            &link,
            &mut None,
        );
        check_exports(
            &secrets_now,
            "the discussion a meeting became",
            &discussion.state(),
        );
    }
}

/// The detector itself: every secret is found in the personal document it came from,
/// in its loaded state, its history and its uncompressed bytes, so a clean result
/// elsewhere means something.
fn detector_finds_everything(secrets: &Secrets, doc: &mut PersonalDoc) {
    let state = format!("{:?}", doc.state());
    let in_state = secrets.found_in_text(&state);
    let mut history = AutoCommit::load(&doc.save()).unwrap();
    let in_bytes = secrets.found_in_bytes(&history.save_nocompress());
    let mut written = History::default();
    for change in history.get_changes(&[]) {
        Secrets::written_by(&change, &mut written);
    }
    let mut in_history = secrets.found_in_text(&written.values);
    in_history.extend(secrets.found_in_text(&written.joined));
    for (what, _) in &secrets.words {
        // The signing key is kept in the document but never shown in its state.
        if what != "the page's signing key" {
            assert!(in_state.contains(what), "the state does not show {what}");
        }
        assert!(
            in_history.contains(what),
            "the detector misses {what} in the history"
        );
        assert!(
            in_bytes.contains(what),
            "the detector misses {what} in the bytes"
        );
    }
    for what in ["the typed rate", "the yearly income"] {
        for found in [&in_state, &in_history] {
            assert!(
                found.iter().any(|f| f.starts_with(&format!("{what} as"))),
                "the detector misses {what}"
            );
        }
        assert!(
            in_bytes.contains(&format!("{what} (sLEB128)")),
            "the detector misses {what} in the bytes"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn nothing_private_reaches_a_link_a_file_or_a_page(
        person in personal(),
        titles in [words(1..4), words(1..4), words(1..4), words(1..4), words(1..4)],
        ops in [
            [prop::collection::vec(op(), 0..10), prop::collection::vec(op(), 0..4), prop::collection::vec(op(), 1..10)],
            [prop::collection::vec(op(), 0..10), prop::collection::vec(op(), 0..4), prop::collection::vec(op(), 1..10)],
            [prop::collection::vec(op(), 0..10), prop::collection::vec(op(), 0..4), prop::collection::vec(op(), 1..10)],
            [prop::collection::vec(op(), 0..10), prop::collection::vec(op(), 0..4), prop::collection::vec(op(), 1..10)],
            [prop::collection::vec(op(), 0..10), prop::collection::vec(op(), 0..4), prop::collection::vec(op(), 1..10)],
        ],
    ) {
        let (page_key, public) = new_author_key();
        let page_id = unhurried::doc::random_doc_id();
        let mut doc = person.document(page_id, &page_key);
        let secrets = person.secrets(&page_key);
        detector_finds_everything(&secrets, &mut doc);

        // What the workspace reads everything from.
        let state = doc.state();
        let me = Writer {
            id: state.profile.actor_id.clone(),
            name: state.profile.display_name.clone(),
            zone: state.profile.time_zone.clone(),
        };
        let sender = unhurried::share::exchange::id_bytes(&me.id).unwrap();
        prop_assert_eq!(&state.rate, &person.rate);

        // Discussions, meetings, boards, SOPs and feedback requests, with edits of every
        // kind.
        for (n, kind) in DocKind::WRITTEN_BY_ALL.into_iter().enumerate() {
            share_one(&secrets, &state.rate, kind, &me, sender, &ops[n], &titles[n]);
        }

        // The page, as `publish_page` makes it: built from the boundaries and the week,
        // a fresh snapshot, signed with the key kept in the personal document.
        let (id, key) = doc.my_page().expect("the page's id and key are kept");
        let page_state = PageState::from_sources(
            &id.to_string(), &me.id, &me.name, &state.profile.time_zone, &state.boundaries, &state.schedule, NOW,
        );
        let mut page = PageDoc::snapshot(&page_state, &public);
        let link = page_link(&mut page, &key, sender).expect("the page signs");
        // The deep-work block is published while it is one.
        let first = secrets.without(TURNED);
        check_page_link(&first, "the page", &link, &page_state);
        prop_assert!(page_state.blocks.iter().any(|b| b.label == person.turned.label));
        prop_assert_eq!(&page_state.availability, person.boundaries.availability.trim());

        // The block becomes leisure; the next publication no longer carries its label.
        doc.put_block(&Block { kind: BlockKind::Leisure, ..person.turned.clone() }).unwrap();
        let state = doc.state();
        let mut next = PageState::from_sources(
            &id.to_string(), &me.id, &me.name, &state.profile.time_zone, &state.boundaries, &state.schedule, NOW,
        );
        prop_assert!(next.differs_from(&page_state));
        next.published = next.published.max(page.published() + 1);
        let mut page = PageDoc::snapshot(&next, &public);
        let link = page_link(&mut page, &key, sender).expect("the page signs");
        check_page_link(&secrets, "the page, published again", &link, &next);
    }
}
