//! The edits a person can make to a shared document, as data: the screens send these
//! through the workspace and never hold the document type, and whether an edit needs
//! the writer's name is decided by the edit, once, not at each button. The envelope's
//! edits are listed here; each kind's are its own enum in its module.

use super::board::BoardEdit;
use super::core::{SharedDoc, SharedError};
use super::discussion::DiscussionEdit;
use super::feedback::FeedbackEdit;
use super::meeting::MeetingEdit;
use super::sop::SopEdit;
use crate::model::kind::DocKind;
use crate::model::recording::Recording;
use crate::model::shared::Action;

/// One edit of the shared document on screen.
#[derive(Clone, Debug, PartialEq)]
pub enum SharedEdit {
    SetTitle(String),
    /// `YYYY-MM-DD` by which input is wanted, or empty.
    SetDue(String),
    SetInvited(Vec<String>),
    AddLink {
        url: String,
        label: String,
    },
    /// A recorded explanation made on this device.
    AddRecording(Recording),
    /// A link's label (a recording's title) and address.
    EditLink {
        id: String,
        label: String,
        url: String,
    },
    AddComment {
        reply_to: Option<String>,
        text: String,
    },
    EditComment {
        id: String,
        text: String,
    },
    AddAction {
        text: String,
        owner: String,
        due: String,
    },
    UpdateAction(Action),
    Discussion(DiscussionEdit),
    Meeting(MeetingEdit),
    Board(BoardEdit),
    Sop(SopEdit),
    Feedback(FeedbackEdit),
}

impl From<DiscussionEdit> for SharedEdit {
    fn from(edit: DiscussionEdit) -> Self {
        SharedEdit::Discussion(edit)
    }
}

impl From<MeetingEdit> for SharedEdit {
    fn from(edit: MeetingEdit) -> Self {
        SharedEdit::Meeting(edit)
    }
}

impl From<BoardEdit> for SharedEdit {
    fn from(edit: BoardEdit) -> Self {
        SharedEdit::Board(edit)
    }
}

impl From<SopEdit> for SharedEdit {
    fn from(edit: SopEdit) -> Self {
        SharedEdit::Sop(edit)
    }
}

impl From<FeedbackEdit> for SharedEdit {
    fn from(edit: FeedbackEdit) -> Self {
        SharedEdit::Feedback(edit)
    }
}

impl SharedEdit {
    /// Whether others will see it under the writer's name (a comment, an idea, a vote, an
    /// answer, a card), so someone who came by a link must give a name first.
    pub fn is_authored(&self) -> bool {
        use SharedEdit::*;
        match self {
            AddLink { .. } | AddRecording(_) | AddComment { .. } | AddAction { .. } => true,
            SetTitle(_)
            | SetDue(_)
            | SetInvited(_)
            | EditLink { .. }
            | EditComment { .. }
            | UpdateAction(_) => false,
            Discussion(edit) => edit.is_authored(),
            Meeting(edit) => edit.is_authored(),
            Board(edit) => edit.is_authored(),
            Sop(edit) => edit.is_authored(),
            Feedback(edit) => edit.is_authored(),
        }
    }

    /// Makes the edit as `me` (called `name`) at `now`. A kind's edit on a document of
    /// another kind is refused, and nothing changes.
    pub fn apply(
        &self,
        doc: &mut SharedDoc,
        me: &str,
        name: &str,
        now: i64,
    ) -> Result<(), SharedError> {
        use SharedEdit::*;
        let other_kind = |edit: DocKind, doc: DocKind| SharedError::OtherKind {
            edit: edit.noun(),
            doc: doc.noun(),
        };
        let kind = doc.kind();
        match self {
            SetTitle(title) => doc.set_title(title.trim()),
            SetDue(due) => doc.set_due(due),
            SetInvited(names) => doc.set_invited(names),
            AddLink { url, label } => doc.add_link(me, name, now, url, label).map(drop),
            AddRecording(r) => doc.add_recording(me, name, now, r).map(drop),
            EditLink { id, label, url } => doc.edit_link(id, label.trim(), url),
            AddComment { reply_to, text } => doc
                .add_comment(me, name, now, reply_to.as_deref(), text.trim())
                .map(drop),
            EditComment { id, text } => doc.edit_comment(id, now, text.trim()),
            AddAction { text, owner, due } => doc
                .add_action(me, name, now, text.trim(), owner.trim(), due)
                .map(drop),
            UpdateAction(action) => doc.update_action(action),
            Discussion(edit) => match doc.as_discussion() {
                Some(d) => edit.apply(d, me, name, now),
                None => Err(other_kind(DocKind::Discussion, kind)),
            },
            Meeting(edit) => match doc.as_meeting() {
                Some(m) => edit.apply(m, me, name, now),
                None => Err(other_kind(DocKind::Meeting, kind)),
            },
            Board(edit) => match doc.as_board() {
                Some(b) => edit.apply(b, me, name, now),
                None => Err(other_kind(DocKind::Board, kind)),
            },
            Sop(edit) => match doc.as_sop() {
                Some(s) => edit.apply(s, me, name, now),
                None => Err(other_kind(DocKind::Sop, kind)),
            },
            Feedback(edit) => match doc.as_feedback() {
                Some(f) => edit.apply(f, me, name, now),
                None => Err(other_kind(DocKind::Feedback, kind)),
            },
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::model::shared::board::{Column, StatusCard};

    /// Every edit a screen can make applies to a document of the kind it belongs to,
    /// exactly the authored ones need a name, and one kind's edit on another kind's
    /// document changes nothing.
    #[test]
    fn each_edit_applies_to_its_kind_and_the_authored_ones_need_a_name() {
        let mut discussion = SharedDoc::create("ana", "Ana", "Offsite", 1);
        let edits: [SharedEdit; 4] = [
            SharedEdit::SetTitle(" Offsite 2027 ".into()),
            DiscussionEdit::AddIdea(" Lisbon ".into()).into(),
            SharedEdit::AddComment {
                reply_to: None,
                text: "Tuesday?".into(),
            },
            SharedEdit::AddAction {
                text: "Book".into(),
                owner: "Ben".into(),
                due: "2026-12-10".into(),
            },
        ];
        for edit in &edits {
            edit.apply(&mut discussion, "ana", "Ana", 2).unwrap();
        }
        let state = discussion.state();
        assert_eq!(state.title, "Offsite 2027");
        assert_eq!(state.discussion().ideas[0].text, "Lisbon");
        assert_eq!(state.comments[0].text, "Tuesday?");
        assert_eq!(state.actions[0].owner, "Ben");
        let idea = state.discussion().ideas[0].id.clone();
        SharedEdit::from(DiscussionEdit::Vote { idea, on: true })
            .apply(&mut discussion, "ben", "Ben", 3)
            .unwrap();
        assert_eq!(discussion.state().discussion().ideas[0].votes.len(), 1);

        let mut board = SharedDoc::create_kind(DocKind::Board, "ana", "Ana", "Stand-up", 1);
        let add_card = SharedEdit::from(BoardEdit::AddCard {
            title: " Index ".into(),
            column: Column::Doing,
            rank: 1.0,
        });
        add_card.apply(&mut board, "ana", "Ana", 2).unwrap();
        assert_eq!(board.state().board().cards[0].title, "Index");

        // A board's edit on a discussion, and a meeting's on a board, are refused whole.
        let before = discussion.save();
        assert_eq!(
            add_card.apply(&mut discussion, "ana", "Ana", 4),
            Err(SharedError::OtherKind {
                edit: "stand-up board",
                doc: "discussion"
            })
        );
        assert_eq!(discussion.save(), before);
        assert!(SharedEdit::from(MeetingEdit::TimerNext(5))
            .apply(&mut board, "ana", "Ana", 5)
            .is_err());

        assert!(edits[1].is_authored() && !edits[0].is_authored());
        assert!(!SharedEdit::from(MeetingEdit::TimerReset).is_authored());
        assert!(SharedEdit::from(BoardEdit::PostStatus(StatusCard::default())).is_authored());
        assert!(!SharedEdit::from(BoardEdit::MoveCard {
            id: "c".into(),
            column: Column::Done,
            rank: 0.0
        })
        .is_authored());
    }
}
