//! What every shared document has, whatever its kind: who owns it and takes part,
//! its title and due date, context links, comments and the action plan, the texts and
//! lists shared by name, and the checks on what people type into them. Kinds build on
//! this module and never on each other.

use std::collections::BTreeMap;

use crate::model::ids::DocId;

/// A person, by the random id kept in their personal document.
pub type PersonId = String;

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ContextLink {
    pub id: String,
    /// Empty for a recording not uploaded yet.
    pub url: String,
    pub label: String,
    pub by: PersonId,
    pub at: i64,
    /// Set when the link is a recorded explanation (its title is the label).
    pub recording: Option<crate::model::recording::Recording>,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Comment {
    pub id: String,
    /// The idea it is about; `None` for the document as a whole.
    pub on: Option<String>,
    pub by: PersonId,
    pub at: i64,
    pub text: String,
    /// When the author last edited it; 0 when never.
    pub edited: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Action {
    pub id: String,
    pub text: String,
    pub owner: String,
    /// `YYYY-MM-DD`, or empty.
    pub due: String,
    pub done: bool,
    pub by: PersonId,
    pub at: i64,
}

pub const MAX_TEXT: usize = 20_000;
pub const MAX_LINE: usize = 500;

/// The shared documents' texts that everyone edits together.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextField {
    Problem,
    Summary,
    /// A meeting's brief: what everyone must know.
    Data,
    /// A meeting's important dates.
    Dates,
    /// The questions a meeting must answer.
    Questions,
    /// A meeting's notes.
    Notes,
    /// Why an SOP exists.
    Purpose,
    /// What 'done' means for an SOP: the output of a run.
    Output,
}

/// The id-keyed lists whose items can be deleted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemList {
    Links,
    Comments,
    Ideas,
    Polls,
    Actions,
    /// A meeting's agenda items.
    Agenda,
    /// A board's work cards.
    Cards,
    /// An SOP's steps.
    Steps,
    /// An SOP's quality checks.
    Checks,
    /// A feedback request's own questions.
    Own,
}

/// The part of a shared document every kind has. Lists are oldest first; deleted items
/// are left out.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Envelope {
    /// The document's id (all zeros when what the document holds is not one).
    pub id: DocId,
    pub owner: PersonId,
    pub created: i64,
    pub title: String,
    /// `YYYY-MM-DD` by which input is wanted, or empty.
    pub due: String,
    /// Display names, each written by its own person.
    pub people: BTreeMap<PersonId, String>,
    /// Names whose input the owner wants (a meeting's attendees, with any address).
    pub invited: Vec<(String, String)>,
    pub links: Vec<ContextLink>,
    pub comments: Vec<Comment>,
    pub actions: Vec<Action>,
}

impl Envelope {
    pub fn name_of(&self, person: &str) -> String {
        match self.people.get(person) {
            Some(name) if !name.trim().is_empty() => name.clone(),
            _ => "Someone".to_owned(),
        }
    }

    pub fn comments_on<'a>(
        &'a self,
        idea: Option<&'a str>,
    ) -> impl Iterator<Item = &'a Comment> + 'a {
        self.comments
            .iter()
            .filter(move |c| c.on.as_deref() == idea)
    }

    /// The title, or `fallback` when there is none yet.
    pub fn title_or<'a>(&'a self, fallback: &'a str) -> &'a str {
        if self.title.trim().is_empty() {
            fallback
        } else {
            self.title.trim()
        }
    }
}

/// "a", "a and b", "a, b and c".
pub fn join_and(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// "Ana and Ben have voted".
pub fn names_sentence(names: &[String], verb_plural: &str, verb_one: &str) -> String {
    match names.len() {
        0 => String::new(),
        1 => format!("{} {verb_one}", names[0]),
        _ => format!("{} {verb_plural}", join_and(names)),
    }
}

pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub(crate) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Why a typed link cannot be added.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkProblem {
    Empty,
    NotWeb,
    Spaces,
    NoHost,
    TooLong,
}

impl LinkProblem {
    /// The sentence shown beside the field.
    pub fn message(self) -> &'static str {
        match self {
            LinkProblem::Empty => "Enter a link.",
            LinkProblem::NotWeb => "Only links that start with https:// or http:// can be added.",
            LinkProblem::Spaces => "A link cannot contain spaces.",
            LinkProblem::NoHost => "This link has no website in it.",
            LinkProblem::TooLong => "This link is too long (over 2,000 characters).",
        }
    }
}

impl std::fmt::Display for LinkProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message())
    }
}

impl std::error::Error for LinkProblem {}

/// A link a person typed, if it is safe to open: only http and https, with a host,
/// and no spaces or control characters. Returned trimmed.
pub fn checked_link(input: &str) -> Result<String, LinkProblem> {
    let url = input.trim();
    if url.is_empty() {
        return Err(LinkProblem::Empty);
    }
    let lower = url.to_ascii_lowercase();
    let rest = if let Some(rest) = lower.strip_prefix("https://") {
        rest
    } else if let Some(rest) = lower.strip_prefix("http://") {
        rest
    } else {
        return Err(LinkProblem::NotWeb);
    };
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(LinkProblem::Spaces);
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || host.starts_with('@') || host.starts_with(':') {
        return Err(LinkProblem::NoHost);
    }
    if url.len() > 2000 {
        return Err(LinkProblem::TooLong);
    }
    Ok(url.to_owned())
}

/// Whether `address` could be an e-mail address: a single `@` with text on both sides, a
/// dot in the domain, and nothing that could end a field or start another.
pub fn plausible_email(address: &str) -> bool {
    address.len() <= 254
        && address.split('@').count() == 2
        && address.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        })
        && address
            .chars()
            .all(|c| !c.is_whitespace() && !c.is_control() && !"<>,;:?&#%\"()[]\\".contains(c))
}

/// An attendee as the organiser lists them: "Ana", or "Ana <ana@example.org>" to give
/// the address the follow-up is mailed to. Returns the name and the address, if it is
/// a plausible one (a single `@` with text on both sides, a dot in the domain, and
/// nothing that could end the field or start another).
pub fn attendee(entry: &str) -> (&str, Option<&str>) {
    let entry = entry.trim();
    let Some(inner) = entry.strip_suffix('>').and_then(|e| e.rsplit_once('<')) else {
        return (entry, None);
    };
    let (name, address) = (inner.0.trim(), inner.1.trim());
    let plausible = plausible_email(address);
    let name = if name.is_empty() { address } else { name };
    (name, plausible.then_some(address))
}

/// The addresses of the attendees who have one, in the order listed, without repeats.
pub fn attendee_addresses(invited: &[(String, String)]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (_, entry) in invited {
        if let (_, Some(address)) = attendee(entry) {
            if !out.iter().any(|a| a.eq_ignore_ascii_case(address)) {
                out.push(address.to_owned());
            }
        }
    }
    out
}
