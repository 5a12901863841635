//! The domain: plain types and pure functions, no I/O and nothing of the browser
//! or of Automerge. Everything here is tested natively.

pub mod booking;
pub mod boundaries;
pub mod csv;
pub mod dashboard;
pub mod form;
pub mod framework;
pub mod ics;
pub mod ids;
pub mod intake;
pub mod inventory;
pub mod kind;
pub mod kpi;
pub mod order;
pub mod page;
pub mod profile;
pub mod rate;
pub mod recording;
pub mod reminder;
pub mod review;
pub mod schedule;
pub mod shared;
pub mod zone;
pub mod zones;

use inventory::Task;
use profile::Profile;
use rate::Rate;

/// Everything the personal document holds, as plain values.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct PersonalState {
    pub profile: Profile,
    /// Ordered by when they were added, oldest first.
    pub tasks: Vec<Task>,
    pub rate: Rate,
    /// Shared documents this person holds, newest first.
    pub held: Vec<HeldDoc>,
    pub schedule: schedule::Schedule,
    pub boundaries: boundaries::Boundaries,
    /// Soonest first.
    pub reminders: Vec<reminder::Reminder>,
    /// Months with a review begun, oldest first.
    pub reviews: Vec<review::Review>,
    /// The freed-time log, by date, oldest first.
    pub freed: Vec<review::FreedEntry>,
}

/// A shared document this person holds, as listed in their personal document.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct HeldDoc {
    pub id: ids::DocId,
    pub kind: kind::DocKind,
    pub title: String,
    /// When it arrived or was created, in ms.
    pub added: i64,
    /// The document's heads when the person last looked at it.
    pub seen: ids::Heads,
    /// For each teammate heard from (by person id), the heads (hex) their last link
    /// came from: they have at least that much.
    pub peers: std::collections::BTreeMap<String, ids::Heads>,
    /// For a page: its author's public key (hex), trusted for every later link to it,
    /// even when this device does not hold the page's content.
    pub key: String,
}
