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
}
