//! Who else has a document open now, through the protocol's ephemeral messages: each tab
//! with a document on screen says so every few seconds (and that it left, when it
//! does); the server passes that on to the others who have the document, and nothing
//! is stored anywhere.

use serde::{Deserialize, Serialize};

use super::message::PeerId;
use super::repo_id::RepoDocId;

/// How often a tab says it is still there.
pub const HEARTBEAT_MS: i64 = 10_000;
/// Someone not heard from for this long has gone (a closed laptop sends no goodbye).
pub const GONE_AFTER_MS: i64 = 25_000;
/// More than a name and an id is not presence.
const MAX_PRESENCE: usize = 1024;

/// What a tab says about itself, CBOR-encoded as the ephemeral message's data (the
/// server decodes it as CBOR before passing it on).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Presence {
    /// The person's id, so their own other tabs are not listed.
    pub person: String,
    pub name: String,
    /// False when the tab leaves the document.
    pub here: bool,
}

impl Presence {
    pub fn encode(&self) -> Vec<u8> {
        minicbor_serde::to_vec(self).unwrap_or_default()
    }

    /// Reads what another tab sent; `None` for anything else (another tool's ephemeral
    /// messages use the same channel).
    pub fn decode(bytes: &[u8]) -> Option<Presence> {
        if bytes.len() > MAX_PRESENCE {
            return None;
        }
        let mut p: Presence = minicbor_serde::from_slice(bytes).ok()?;
        p.name = p.name.chars().take(60).collect();
        Some(p)
    }
}

/// Who has been heard from, per document: a handful of tabs, so a list.
#[derive(Debug, Default)]
pub struct Roster {
    heard: Vec<(RepoDocId, PeerId, Presence, i64)>,
}

impl Roster {
    /// Takes in what a tab said at `now`. Answers whether it just arrived: then those
    /// who have the document open say so at once, instead of at their next heartbeat.
    pub fn heard(&mut self, doc: RepoDocId, from: PeerId, presence: Presence, now: i64) -> bool {
        let before = self.heard.len();
        self.heard.retain(|(d, p, ..)| !(*d == doc && *p == from));
        let arrived = presence.here && self.heard.len() == before;
        if presence.here {
            self.heard.push((doc, from, presence, now));
        }
        arrived
    }

    /// The names of the other people who have `doc` open at `now`, without `me`, each
    /// once, in order.
    pub fn others(&self, doc: RepoDocId, me: &str, now: i64) -> Vec<String> {
        let mut names: Vec<String> = self
            .heard
            .iter()
            .filter(|(d, _, p, at)| *d == doc && p.person != me && now - at < GONE_AFTER_MS)
            .map(|(.., p, _)| {
                if p.name.trim().is_empty() {
                    "Someone".to_owned()
                } else {
                    p.name.clone()
                }
            })
            .collect();
        // The app's one sort, so no sort is compiled for this list alone.
        crate::model::order::sort(&mut names);
        names.dedup();
        names
    }

    /// Forgets everyone (the connection closed: nobody is heard any more).
    pub fn clear(&mut self) {
        self.heard.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ids::DocId;

    fn p(person: &str, name: &str, here: bool) -> Presence {
        Presence {
            person: person.into(),
            name: name.into(),
            here,
        }
    }

    #[test]
    fn presence_reads_back_and_anything_else_is_ignored() {
        let ben = p("ben", "Ben", true);
        assert_eq!(Presence::decode(&ben.encode()), Some(ben));
        assert_eq!(Presence::decode(&[0xff, 0x00]), None);
        assert_eq!(Presence::decode(&vec![0x60; 2000]), None);
        let long = p("ben", &"B".repeat(500), true);
        assert_eq!(Presence::decode(&long.encode()).unwrap().name.len(), 60);
    }

    #[test]
    fn others_are_listed_until_they_leave_or_go_quiet() {
        let doc = RepoDocId::from(DocId::from_bytes([1; 16]));
        let other = RepoDocId::from(DocId::from_bytes([2; 16]));
        let mut roster = Roster::default();
        assert!(roster.heard(doc, PeerId("ben-1".into()), p("ben", "Ben", true), 0));
        assert!(!roster.heard(doc, PeerId("ben-1".into()), p("ben", "Ben", true), 0));
        roster.heard(doc, PeerId("ben-2".into()), p("ben", "Ben", true), 0);
        roster.heard(doc, PeerId("ana-2".into()), p("ana", "Ana", true), 0);
        roster.heard(doc, PeerId("cy".into()), p("cy", "", true), 1_000);
        roster.heard(other, PeerId("dee".into()), p("dee", "Dee", true), 0);
        // Ana's own other tab is not listed; Ben's two tabs are one name.
        assert_eq!(roster.others(doc, "ana", 5_000), ["Ben", "Someone"]);
        roster.heard(doc, PeerId("ben-1".into()), p("ben", "Ben", false), 6_000);
        assert_eq!(roster.others(doc, "ana", 6_000), ["Ben", "Someone"]);
        roster.heard(doc, PeerId("ben-2".into()), p("ben", "Ben", false), 6_000);
        assert_eq!(roster.others(doc, "ana", 6_000), ["Someone"]);
        // Cy said nothing for 25 s.
        assert!(roster.others(doc, "ana", 26_000).is_empty());
        roster.clear();
        assert!(roster.others(other, "ana", 0).is_empty());
    }
}
