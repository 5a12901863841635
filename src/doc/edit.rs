//! The edits a person can make to a shared document, as data: the screens send these
//! through the workspace and never hold the document type, and whether an edit needs
//! the writer's name is decided here, once, not at each button.

use super::collab::{CollabDoc, CollabError};
use crate::model::board::{Column, StatusCard};
use crate::model::collab::Action;

/// One edit of the shared document on screen.
#[derive(Clone, Debug, PartialEq)]
pub enum SharedEdit {
    SetTitle(String),
    /// `YYYY-MM-DD` by which input is wanted, or empty.
    SetDue(String),
    SetBudget(u32),
    SetHideVotes(bool),
    SetInvited(Vec<String>),
    AddLink {
        url: String,
        label: String,
    },
    AddComment {
        reply_to: Option<String>,
        text: String,
    },
    EditComment {
        id: String,
        text: String,
    },
    AddIdea(String),
    Vote {
        idea: String,
        on: bool,
    },
    Shortlist {
        idea: String,
        on: bool,
    },
    AddPoll {
        question: String,
        multiple: bool,
        options: Vec<String>,
    },
    /// The chosen option ids; none takes the answer back.
    AnswerPoll {
        poll: String,
        chosen: Vec<String>,
    },
    AddAction {
        text: String,
        owner: String,
        due: String,
    },
    UpdateAction(Action),
    /// A meeting's time on the owner's wall clock, and that clock's zone.
    SetWhen {
        when: String,
        zone: String,
    },
    SetRecording(String),
    AddAgendaItem {
        title: String,
        minutes: u32,
    },
    UpdateAgendaItem {
        id: String,
        title: String,
        minutes: u32,
    },
    MoveAgendaItem {
        id: String,
        up: bool,
    },
    TimerNext(i64),
    TimerEnd(i64),
    TimerReset,
    AddCard {
        title: String,
        column: Column,
        rank: f64,
    },
    PostStatus(StatusCard),
}

impl SharedEdit {
    /// Whether others will see it under the writer's name (a comment, an idea, a vote, an
    /// answer, a card), so someone who came by a link must give a name first.
    pub fn is_authored(&self) -> bool {
        use SharedEdit::*;
        match self {
            AddLink { .. }
            | AddComment { .. }
            | AddIdea(_)
            | Vote { .. }
            | AddPoll { .. }
            | AnswerPoll { .. }
            | AddAction { .. }
            | AddAgendaItem { .. }
            | AddCard { .. }
            | PostStatus(_) => true,
            SetTitle(_)
            | SetDue(_)
            | SetBudget(_)
            | SetHideVotes(_)
            | SetInvited(_)
            | EditComment { .. }
            | Shortlist { .. }
            | UpdateAction(_)
            | SetWhen { .. }
            | SetRecording(_)
            | UpdateAgendaItem { .. }
            | MoveAgendaItem { .. }
            | TimerNext(_)
            | TimerEnd(_)
            | TimerReset => false,
        }
    }

    /// Makes the edit as `me` (called `name`) at `now`.
    pub fn apply(
        &self,
        doc: &mut CollabDoc,
        me: &str,
        name: &str,
        now: i64,
    ) -> Result<(), CollabError> {
        use SharedEdit::*;
        match self {
            SetTitle(title) => doc.set_title(title.trim()),
            SetDue(due) => doc.set_due(due),
            SetBudget(n) => doc.set_budget(*n),
            SetHideVotes(hide) => doc.set_hide_votes(*hide),
            SetInvited(names) => doc.set_invited(names),
            AddLink { url, label } => doc.add_link(me, name, now, url, label).map(drop),
            AddComment { reply_to, text } => doc
                .add_comment(me, name, now, reply_to.as_deref(), text.trim())
                .map(drop),
            EditComment { id, text } => doc.edit_comment(id, now, text.trim()),
            AddIdea(text) => doc.add_idea(me, name, now, text.trim()).map(drop),
            Vote { idea, on } => doc.set_vote(me, name, now, idea, *on),
            Shortlist { idea, on } => doc.set_shortlisted(idea, *on),
            AddPoll {
                question,
                multiple,
                options,
            } => doc
                .add_poll(me, name, now, question.trim(), *multiple, options)
                .map(drop),
            AnswerPoll { poll, chosen } => doc.answer_poll(me, name, poll, chosen),
            AddAction { text, owner, due } => doc
                .add_action(me, name, now, text.trim(), owner.trim(), due)
                .map(drop),
            UpdateAction(action) => doc.update_action(action),
            SetWhen { when, zone } => doc.set_when(when, zone),
            SetRecording(url) => doc.set_recording(url),
            AddAgendaItem { title, minutes } => doc
                .add_agenda_item(me, name, now, title.trim(), *minutes)
                .map(drop),
            UpdateAgendaItem { id, title, minutes } => doc.update_agenda_item(id, title, *minutes),
            MoveAgendaItem { id, up } => doc.move_agenda_item(id, *up),
            TimerNext(at) => doc.timer_next(*at),
            TimerEnd(at) => doc.timer_end(*at),
            TimerReset => doc.timer_reset(),
            AddCard {
                title,
                column,
                rank,
            } => doc
                .add_card(me, name, now, title.trim(), *column, *rank)
                .map(drop),
            PostStatus(card) => doc.post_status(me, name, now, card),
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::model::kind::DocKind;

    /// Every edit a screen can make applies to a document of the kind it belongs to, and
    /// exactly the authored ones need a name.
    #[test]
    fn each_edit_applies_and_the_authored_ones_need_a_name() {
        let mut discussion = CollabDoc::create("ana", "Ana", "Offsite", 1);
        let edits = [
            SharedEdit::SetTitle(" Offsite 2027 ".into()),
            SharedEdit::AddIdea(" Lisbon ".into()),
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
        assert_eq!(state.ideas[0].text, "Lisbon");
        assert_eq!(state.comments[0].text, "Tuesday?");
        assert_eq!(state.actions[0].owner, "Ben");
        let idea = state.ideas[0].id.clone();
        SharedEdit::Vote { idea, on: true }
            .apply(&mut discussion, "ben", "Ben", 3)
            .unwrap();
        assert_eq!(discussion.state().ideas[0].votes.len(), 1);

        let mut board = CollabDoc::create_kind(DocKind::Board, "ana", "Ana", "Stand-up", 1);
        SharedEdit::AddCard {
            title: " Index ".into(),
            column: Column::Doing,
            rank: 1.0,
        }
        .apply(&mut board, "ana", "Ana", 2)
        .unwrap();
        assert_eq!(board.state().board.cards[0].title, "Index");

        assert!(edits[1].is_authored() && !edits[0].is_authored());
        assert!(!SharedEdit::TimerReset.is_authored());
        assert!(SharedEdit::PostStatus(StatusCard::default()).is_authored());
    }
}
