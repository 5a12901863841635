//! A recorded explanation as the documents that list it keep it (issue 17): which
//! recording (its video stays on the device that made it), its title, its length and,
//! once the person uploaded it somewhere, the http(s) address. The video itself never
//! travels in a document, a link or a backup.

use crate::model::ids::RecordingId;

/// The longest recording: five minutes, the framework's 'short video'.
pub const MAX_MS: u32 = 5 * 60 * 1000;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Recording {
    pub id: RecordingId,
    pub title: String,
    /// Its length in milliseconds.
    pub ms: u32,
    /// Where it was uploaded, http(s) only; empty until then.
    pub url: String,
}

/// What the device that keeps a recording lists about it, and what a backup carrying the
/// video says (`share`, format 3).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RecordingInfo {
    pub id: RecordingId,
    pub title: String,
    /// The document it explains, as its id's hex.
    pub doc: String,
    pub ms: u32,
    /// The video's media type, such as `video/webm;codecs=vp8,opus`.
    pub mime: String,
    /// When it was recorded, in milliseconds since 1970.
    pub at: i64,
}

/// A length as minutes and seconds: "4:05".
pub fn length(ms: u32) -> String {
    let s = ms.min(MAX_MS).div_ceil(1000);
    format!("{}:{:02}", s / 60, s % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_read_as_minutes_and_seconds_and_stop_at_five_minutes() {
        assert_eq!(length(0), "0:00");
        assert_eq!(length(1), "0:01");
        assert_eq!(length(59_400), "1:00");
        assert_eq!(length(245_000), "4:05");
        assert_eq!(length(MAX_MS), "5:00");
        assert_eq!(length(u32::MAX), "5:00");
    }
}
