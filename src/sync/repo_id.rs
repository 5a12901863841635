//! Document ids as automerge-repo writes them: 16 bytes, bs58check-encoded, and shown as
//! `automerge:<id>` URLs. The app's own ids are 16 bytes too, so a document keeps one id
//! in both worlds.

use crate::model::ids::DocId;

/// A document id in automerge-repo's form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RepoDocId([u8; 16]);

impl RepoDocId {
    /// The bs58check text automerge-repo sends as `documentId`; `None` for anything else
    /// (a bad checksum, another length).
    pub fn parse(text: &str) -> Option<RepoDocId> {
        if text.is_empty() || text.len() > 64 {
            return None;
        }
        let bytes = bs58::decode(text).into_vec().ok()?;
        let (id, check) = bytes.split_at_checked(16)?;
        let id: [u8; 16] = id.try_into().ok()?;
        (check == checksum(&id)).then_some(RepoDocId(id))
    }

    /// An `automerge:` URL, as people paste them.
    pub fn parse_url(url: &str) -> Option<RepoDocId> {
        RepoDocId::parse(url.trim().strip_prefix("automerge:")?)
    }

    pub fn url(&self) -> String {
        format!("automerge:{self}")
    }
}

impl std::fmt::Display for RepoDocId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut bytes = [0u8; 20];
        bytes[..16].copy_from_slice(&self.0);
        bytes[16..].copy_from_slice(&checksum(&self.0));
        f.write_str(&bs58::encode(bytes).into_string())
    }
}

/// bs58check's checksum: the first 4 bytes of SHA-256 applied twice. Computed with the
/// SHA-256 Automerge already brings (bs58's own `check` feature brings a second copy).
fn checksum(payload: &[u8]) -> [u8; 4] {
    use sha2::{Digest, Sha256};
    let twice = Sha256::digest(Sha256::digest(payload));
    [twice[0], twice[1], twice[2], twice[3]]
}

impl From<DocId> for RepoDocId {
    fn from(id: DocId) -> Self {
        RepoDocId(id.bytes())
    }
}

impl From<RepoDocId> for DocId {
    fn from(id: RepoDocId) -> Self {
        DocId::from_bytes(id.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_back_and_a_bad_checksum_is_refused() {
        let app = DocId::from_bytes(*b"0123456789abcdef");
        let id = RepoDocId::from(app);
        let text = id.to_string();
        assert_eq!(RepoDocId::parse(&text), Some(id));
        assert_eq!(DocId::from(id), app);
        assert_eq!(RepoDocId::parse_url(&id.url()), Some(id));
        assert!(id.url().starts_with("automerge:"));
        // One character changed breaks the checksum.
        let mut broken: Vec<char> = text.chars().collect();
        broken[3] = if broken[3] == '2' { '3' } else { '2' };
        let broken: String = broken.into_iter().collect();
        assert_eq!(RepoDocId::parse(&broken), None);
        // Checked, but not 16 bytes.
        let short = bs58::encode([1u8; 12]).into_string();
        for bad in ["", "0OIl", short.as_str(), "automerge:"] {
            assert_eq!(RepoDocId::parse(bad), None, "{bad}");
        }
        assert_eq!(RepoDocId::parse_url(&text), None);
    }
}
