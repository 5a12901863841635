//! What moves from localStorage to IndexedDB, and under which keys: every document part
//! and everything kept aside, as bytes. A part whose text is not base64 (damaged in
//! localStorage itself) moves aside, as its text, rather than into the document.

use super::{keys, KEY_PREFIX};

/// One entry to move.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Move {
    /// Where it was in localStorage, removed once the copy is verified.
    pub from: String,
    /// Where it goes in IndexedDB.
    pub to: String,
    pub bytes: Vec<u8>,
}

/// The moves for localStorage's `(key, text)` entries; other keys (device settings) stay.
/// `now_ms` names what a damaged part is set aside as.
pub fn plan(entries: impl IntoIterator<Item = (String, String)>, now_ms: i64) -> Vec<Move> {
    let doc = format!("{KEY_PREFIX}doc:");
    let aside = format!("{KEY_PREFIX}aside:");
    let mut moves = Vec::new();
    let mut damaged = 0;
    for (key, text) in entries {
        let decoded = super::decode_text(&text);
        let to = if let Some(rest) = key.strip_prefix(&doc) {
            if decoded.is_err() {
                // Its own millisecond, so two damaged parts never share a key.
                damaged += 1;
                let name = rest.split(':').next().unwrap_or(rest);
                keys::aside(name, now_ms + damaged)
            } else {
                key.clone()
            }
        } else if key.starts_with(&aside) {
            key.clone()
        } else {
            continue;
        };
        let bytes = decoded.unwrap_or_else(|_| text.clone().into_bytes());
        moves.push(Move {
            from: key,
            to,
            bytes,
        });
    }
    moves
}

/// Leaves out the damaged parts already kept aside with the same bytes, returning the
/// moves still to make and the localStorage keys only to remove. Each tab's localStorage
/// is a cached copy that hears of another tab's removals a moment later, so a tab taking
/// the move lock just after another may still see a damaged part the first one set aside;
/// its key names this tab's moment, so without this it would be kept aside (and told) twice.
pub fn without_kept_asides(
    moves: Vec<Move>,
    kept: &[(String, Vec<u8>)],
) -> (Vec<Move>, Vec<String>) {
    let aside = format!("{KEY_PREFIX}aside:");
    let (done, todo): (Vec<Move>, Vec<Move>) = moves.into_iter().partition(|m| {
        m.from != m.to
            && kept
                .iter()
                .any(|(k, v)| k.starts_with(&aside) && *v == m.bytes)
    });
    (todo, done.into_iter().map(|m| m.from).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_and_asides_move_as_bytes_and_settings_stay() {
        let moves = plan(
            [
                (
                    "unhurried:doc:personal:ab:0000000000".to_owned(),
                    "AQID".to_owned(),
                ),
                ("unhurried:aside:c-1:5".to_owned(), "not base64!".to_owned()),
                ("unhurried:sync:server".to_owned(), "wss://x".to_owned()),
                ("someone-else".to_owned(), "AQID".to_owned()),
                (
                    "unhurried:doc:c-9:cd:0000000003".to_owned(),
                    "%%".to_owned(),
                ),
            ],
            1000,
        );
        assert_eq!(
            moves,
            vec![
                Move {
                    from: "unhurried:doc:personal:ab:0000000000".into(),
                    to: "unhurried:doc:personal:ab:0000000000".into(),
                    bytes: vec![1, 2, 3],
                },
                Move {
                    from: "unhurried:aside:c-1:5".into(),
                    to: "unhurried:aside:c-1:5".into(),
                    bytes: b"not base64!".to_vec(),
                },
                Move {
                    from: "unhurried:doc:c-9:cd:0000000003".into(),
                    to: keys::aside("c-9", 1001),
                    bytes: b"%%".to_vec(),
                },
            ]
        );
    }

    #[test]
    fn a_damaged_part_another_tab_set_aside_is_only_removed() {
        let moves = plan(
            [
                (
                    "unhurried:doc:personal:t:0000000001".to_owned(),
                    "AAEC".to_owned(),
                ),
                (
                    "unhurried:doc:personal:t:0000000002".to_owned(),
                    "%%%".to_owned(),
                ),
            ],
            900,
        );
        let kept = vec![("unhurried:aside:personal:501".to_owned(), b"%%%".to_vec())];
        let (todo, only_remove) = without_kept_asides(moves.clone(), &kept);
        assert_eq!(todo, vec![moves[0].clone()]);
        assert_eq!(
            only_remove,
            vec!["unhurried:doc:personal:t:0000000002".to_owned()]
        );
        // Kept under a document key, or with other bytes, it is still set aside.
        let elsewhere = vec![("unhurried:doc:personal:x:1".to_owned(), b"%%%".to_vec())];
        assert_eq!(without_kept_asides(moves.clone(), &elsewhere).0, moves);
    }
}
