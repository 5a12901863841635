//! What kind of document something is: the one list of kinds, with the name stored in
//! each document (`kind`) and the byte that names it in a link.

/// A kind of document. Stored in every document under `kind`; shared kinds also travel
/// in links as [`DocKind::code`].
/// The default, a discussion, only fills an empty `SharedState` before a document is
/// read; every document read says its own kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum DocKind {
    /// The person's own document: tasks, rate, week, boundaries, reminders.
    Personal,
    /// A discussion: problem, comments, ideas, polls, action plan.
    #[default]
    Discussion,
    /// A 'how to work with me' page.
    Page,
    /// A meeting: brief, agenda and timer, notes, follow-up.
    Meeting,
    /// A stand-up board: work cards and daily status cards.
    Board,
    /// A standard operating procedure: steps, checks, and its runs.
    Sop,
    /// A request for feedback: a score, what would help, and the owner's questions.
    Feedback,
    /// A client dashboard: published by its owner, signed, read by the client.
    Dashboard,
    /// An intake form, with slots in office hours when the owner offers them:
    /// published by its owner, signed, answered by reply.
    Form,
    /// A reply to a dashboard or a form: one respondent's answers and picked slots, or a
    /// client's question. Never held: it is read into the owner's data.
    Reply,
}

impl DocKind {
    /// Every kind this build knows.
    pub const ALL: [DocKind; 10] = [
        DocKind::Personal,
        DocKind::Discussion,
        DocKind::Page,
        DocKind::Meeting,
        DocKind::Board,
        DocKind::Sop,
        DocKind::Feedback,
        DocKind::Dashboard,
        DocKind::Form,
        DocKind::Reply,
    ];

    /// The kinds one author publishes as signed snapshots, which everyone else reads.
    pub fn is_published(self) -> bool {
        matches!(self, DocKind::Page | DocKind::Dashboard | DocKind::Form)
    }

    /// The kinds everyone writes, merged change by change (a page has one author): they
    /// share the link, reply, file and 'what is new' machinery.
    pub const WRITTEN_BY_ALL: [DocKind; 5] = [
        DocKind::Discussion,
        DocKind::Meeting,
        DocKind::Board,
        DocKind::Sop,
        DocKind::Feedback,
    ];

    /// The name stored in the document. A discussion keeps the name it was first
    /// written with, "collab", so every copy ever made still opens.
    pub fn key(self) -> &'static str {
        match self {
            DocKind::Personal => "personal",
            DocKind::Discussion => "collab",
            DocKind::Page => "page",
            DocKind::Meeting => "meeting",
            DocKind::Board => "board",
            DocKind::Sop => "sop",
            DocKind::Feedback => "feedback",
            DocKind::Dashboard => "dashboard",
            DocKind::Form => "intake",
            DocKind::Reply => "reply",
        }
    }

    /// The kind a stored name names; `None` for a kind a newer version added.
    pub fn from_key(key: &str) -> Option<DocKind> {
        DocKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The byte that names this kind in a share link.
    pub fn code(self) -> u8 {
        match self {
            DocKind::Personal => 0,
            DocKind::Discussion => 1,
            DocKind::Page => 2,
            DocKind::Meeting => 3,
            DocKind::Board => 4,
            DocKind::Sop => 5,
            DocKind::Feedback => 6,
            DocKind::Dashboard => 7,
            DocKind::Form => 8,
            DocKind::Reply => 9,
        }
    }

    /// The kind a share link names; `None` for kinds this build does not know (and for
    /// the personal document, which never travels in a link).
    pub fn from_code(code: u8) -> Option<DocKind> {
        DocKind::ALL
            .into_iter()
            .find(|k| *k != DocKind::Personal && k.code() == code)
    }

    /// What the kind is called in the app, in a sentence: "stand-up board".
    pub fn noun(self) -> &'static str {
        match self {
            DocKind::Personal => "personal document",
            DocKind::Discussion => "discussion",
            DocKind::Page => "“How to work with me” page",
            DocKind::Meeting => "meeting",
            DocKind::Board => "stand-up board",
            DocKind::Sop => "SOP",
            DocKind::Feedback => "feedback request",
            DocKind::Dashboard => "client dashboard",
            DocKind::Form => "form",
            DocKind::Reply => "reply",
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn names_and_codes_round_trip_and_stay_what_was_written() {
        for kind in DocKind::ALL {
            assert_eq!(DocKind::from_key(kind.key()), Some(kind));
        }
        for kind in DocKind::ALL.into_iter().filter(|k| *k != DocKind::Personal) {
            assert_eq!(DocKind::from_code(kind.code()), Some(kind));
        }
        // What documents and links already carry.
        assert_eq!(DocKind::Discussion.key(), "collab");
        assert_eq!(DocKind::from_code(1), Some(DocKind::Discussion));
        assert_eq!(DocKind::from_code(0), None);
        assert_eq!(DocKind::from_code(5), Some(DocKind::Sop));
        assert_eq!(DocKind::from_code(6), Some(DocKind::Feedback));
        assert_eq!(DocKind::from_code(7), Some(DocKind::Dashboard));
        assert_eq!(DocKind::from_code(8), Some(DocKind::Form));
        assert_eq!(DocKind::from_code(9), Some(DocKind::Reply));
        assert_eq!(DocKind::from_code(10), None);
        assert_eq!(DocKind::from_key("sop"), Some(DocKind::Sop));
        assert_eq!(DocKind::from_key("feedback"), Some(DocKind::Feedback));
        assert_eq!(DocKind::from_key("survey"), None);
    }
}
