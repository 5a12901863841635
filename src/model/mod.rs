//! The domain: plain types and pure functions, no I/O and nothing of the browser
//! or of Automerge. Everything here is tested natively.

pub mod collab;
pub mod inventory;
pub mod profile;
pub mod rate;

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
}
