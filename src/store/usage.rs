//! How much this browser stores, by kind of document, and what is kept aside: what the
//! Settings page lists, worked out from the stored keys and their sizes.

use std::collections::BTreeMap;

use super::KEY_PREFIX;
use crate::model::kind::DocKind;

/// What a row of the list is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stored {
    Kind(DocKind),
    /// A document this browser keeps but no longer lists (its kind is not known).
    Unlisted,
    /// Data that could not be read, kept aside untouched.
    Aside,
}

/// One row: how many documents (or pieces kept aside) and their bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Usage {
    pub what: Stored,
    pub count: usize,
    pub bytes: usize,
}

/// The rows for `entries` (key, size in bytes), largest first; `kind_of` names the kind of
/// a stored document (`personal`, `c-<id>`, `p-<id>`).
pub fn usage<'k>(
    entries: impl IntoIterator<Item = (&'k str, usize)>,
    kind_of: impl Fn(&str) -> Option<DocKind>,
) -> Vec<Usage> {
    let doc = format!("{KEY_PREFIX}doc:");
    let aside = format!("{KEY_PREFIX}aside:");
    // Per row: the documents seen and the bytes.
    let mut rows: BTreeMap<Stored, (BTreeMap<&str, ()>, usize)> = BTreeMap::new();
    for (key, bytes) in entries {
        let (what, name) = if let Some(rest) = key.strip_prefix(&doc) {
            let name = rest.split(':').next().unwrap_or(rest);
            (kind_of(name).map_or(Stored::Unlisted, Stored::Kind), name)
        } else if key.strip_prefix(&aside).is_some() {
            (Stored::Aside, key)
        } else {
            continue;
        };
        let row = rows.entry(what).or_default();
        row.0.insert(name, ());
        row.1 += bytes;
    }
    let mut list: Vec<Usage> = rows
        .into_iter()
        .map(|(what, (names, bytes))| Usage {
            what,
            count: names.len(),
            bytes,
        })
        .collect();
    crate::model::order::sort_by(&mut list, |a, b| b.bytes.cmp(&a.bytes));
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_are_counted_by_kind_and_asides_apart() {
        let entries = [
            ("unhurried:doc:personal:t1:0000000000", 100),
            ("unhurried:doc:personal:t2:0000000001", 50),
            ("unhurried:doc:c-aa:t1:0000000000", 400),
            ("unhurried:doc:c-bb:t1:0000000000", 10),
            ("unhurried:doc:p-cc:t1:0000000000", 30),
            ("unhurried:doc:c-zz:t1:0000000000", 5),
            ("unhurried:aside:personal:12", 7),
            ("unhurried:sync:server", 999),
        ];
        let kind_of = |name: &str| match name {
            "personal" => Some(DocKind::Personal),
            "c-aa" | "c-bb" => Some(DocKind::Board),
            "p-cc" => Some(DocKind::Page),
            _ => None,
        };
        let rows = usage(entries, kind_of);
        let seen: Vec<(Stored, usize, usize)> =
            rows.iter().map(|u| (u.what, u.count, u.bytes)).collect();
        assert_eq!(
            seen,
            [
                (Stored::Kind(DocKind::Board), 2, 410),
                (Stored::Kind(DocKind::Personal), 1, 150),
                (Stored::Kind(DocKind::Page), 1, 30),
                (Stored::Aside, 1, 7),
                (Stored::Unlisted, 1, 5),
            ]
        );
    }
}
