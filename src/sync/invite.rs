//! What a link to a document kept in sync adds after the document itself: the server's
//! address and the document's `automerge:` URL (`&sync=<address>&am=<url>`), so that a
//! teammate who opens it is offered to keep it in sync too, and another Automerge tool
//! can find it on the server. Both stay in the fragment, which browsers never send.

use super::address::ServerAddress;
use super::repo_id::RepoDocId;

/// A server a document is kept on, as a link carries it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyncInvite {
    pub server: ServerAddress,
    pub doc: RepoDocId,
}

impl SyncInvite {
    /// The text to append to a link's fragment.
    pub fn suffix(&self) -> String {
        format!(
            "&sync={}&am={}",
            escape(self.server.as_str()),
            self.doc.url()
        )
    }

    /// Splits a fragment into the link and the invite after it, if any. An invite that
    /// cannot be read is dropped: the document itself still opens.
    pub fn split(fragment: &str) -> (&str, Option<SyncInvite>) {
        let Some((link, rest)) = fragment.split_once('&') else {
            return (fragment, None);
        };
        let mut server = None;
        let mut doc = None;
        for pair in rest.split('&') {
            match pair.split_once('=') {
                Some(("sync", value)) => server = unescape(value),
                Some(("am", value)) => doc = RepoDocId::parse_url(value),
                // Room for what a later version adds.
                _ => {}
            }
        }
        let invite = match (server.and_then(|s| ServerAddress::parse(&s).ok()), doc) {
            (Some(server), Some(doc)) => Some(SyncInvite { server, doc }),
            _ => None,
        };
        (link, invite)
    }
}

/// Percent-escapes what would end the value or the fragment.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~:/[]".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn unescape(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ids::DocId;

    fn invite(server: &str) -> SyncInvite {
        SyncInvite {
            server: ServerAddress::parse(server).unwrap(),
            doc: RepoDocId::from(DocId::from_bytes([7; 16])),
        }
    }

    #[test]
    fn a_link_carries_the_server_and_the_document_and_reads_back() {
        for server in [
            "wss://sync.example.com/a?b=c&d=e",
            "ws://[::1]:3030",
            "ws://127.0.0.1:9",
        ] {
            let sent = invite(server);
            let fragment = format!("u1.AAAA{}", sent.suffix());
            assert!(!fragment[5..].contains('#'));
            let (link, got) = SyncInvite::split(&fragment);
            assert_eq!(link, "u1.AAAA");
            assert_eq!(got, Some(sent));
        }
        let text = invite("wss://s.example").suffix();
        assert!(text.contains("&am=automerge:"), "{text}");
    }

    #[test]
    fn a_link_without_an_invite_is_left_as_it_is() {
        assert_eq!(SyncInvite::split("u1.AAAA"), ("u1.AAAA", None));
    }

    #[test]
    fn a_broken_or_hostile_invite_is_dropped_and_the_link_still_opens() {
        let am = RepoDocId::from(DocId::from_bytes([7; 16])).url();
        for rest in [
            format!("&sync=http%3A%2F%2Fevil.example&am={am}"),
            format!("&sync=ws%3A%2F%2Fevil.example&am={am}"),
            format!("&sync=javascript:alert(1)&am={am}"),
            "&sync=wss%3A%2F%2Fok.example&am=automerge:nonsense".to_owned(),
            format!("&sync=%ZZ&am={am}"),
            format!("&sync=%C3%28&am={am}"),
            "&sync=wss%3A%2F%2Fok.example".to_owned(),
            "&&&===&sync".to_owned(),
        ] {
            let fragment = format!("u1.AAAA{rest}");
            assert_eq!(SyncInvite::split(&fragment), ("u1.AAAA", None), "{rest}");
        }
        let later = format!("u1.AAAA&sync=wss%3A%2F%2Fok.example&am={am}&new=1");
        assert!(SyncInvite::split(&later).1.is_some());
    }
}
