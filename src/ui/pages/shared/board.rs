//! A stand-up board's body: blockers first, the person's status card for the day, the
//! day's cards and history, and the work in four columns.

use leptos::prelude::*;

use crate::model::shared::board::{Column, StatusCard};
use crate::ui::shared::shown_state;
use crate::ui::widgets::{
    board::kanban::Kanban, board::status_board::StatusBoard, board::status_form::StatusForm,
    shared::comment_thread::CommentThread, shared::sharing::Sharing,
};
use crate::workspace::use_workspace;

/// The stand-up day as the viewer sees it now (see `BoardPart::standup`): the viewer's
/// date and which status cards are today's, by (person, date).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Day {
    pub date: String,
    pub today: Vec<(String, String)>,
}

impl Day {
    fn of((date, today): (String, Vec<&StatusCard>)) -> Day {
        Day {
            date,
            today: today
                .iter()
                .map(|c| (c.person.clone(), c.date.clone()))
                .collect(),
        }
    }

    /// Whether `card` is one of today's.
    pub fn has(&self, card: &StatusCard) -> bool {
        self.today
            .iter()
            .any(|(p, d)| *p == card.person && *d == card.date)
    }
}

#[component]
pub fn BoardBody(is_owner: Signal<bool>) -> impl IntoView {
    let ws = use_workspace();
    let state = shown_state();
    let now = expect_context::<crate::ui::app::Now>().0;
    let zone = Memo::new(move |_| ws.state.with(|s| s.profile.time_zone.clone()));
    // Which cards are today's, worked out at each tick of the clock; a memo, so the views
    // redraw only when that changes (when a card comes or goes, or the date turns).
    let day = Memo::new(move |_| {
        let now = now.get();
        state.with(|s| Day::of(s.board().today(now, &zone.get())))
    });
    let today: Signal<String> = Memo::new(move |_| day.with(|d| d.date.clone())).into();
    let blockers = Memo::new(move |_| {
        state.with(|s| {
            let mut out: Vec<String> = day.with(|d| {
                s.board()
                    .statuses
                    .iter()
                    .filter(|c| d.has(c) && c.is_blocked())
                    .map(|c| {
                        let why = if c.blocked.trim().is_empty() {
                            "blocked".to_owned()
                        } else {
                            c.blocked.trim().to_owned()
                        };
                        format!("{}: {why}", s.name_of(&c.person))
                    })
                    .collect()
            });
            out.extend(
                s.board()
                    .column(Column::Blocked)
                    .iter()
                    .map(|c| format!("Card “{}” is blocked", c.title.trim())),
            );
            out
        })
    });
    view! {
        {move || {
            let list = blockers.get();
            (!list.is_empty()).then(|| view! {
                <div class="banner warn blockers" role="status">
                    <p><strong>{format!("{} blocker{} today", list.len(), if list.len() == 1 { "" } else { "s" })}</strong></p>
                    <ul>{list.into_iter().map(|b| view! { <li>{b}</li> }).collect_view()}</ul>
                </div>
            })
        }}
        <div class="collab-layout board-layout">
            <div class="collab-main">
                <StatusBoard day zone/>
            </div>
            <aside class="collab-side">
                <StatusForm today/>
            </aside>
        </div>
        <Kanban/>
        <div class="collab-layout board-layout">
            <div class="collab-main">
                <section class="card" aria-labelledby="comments-head">
                    <h2 id="comments-head">"Comments"</h2>
                    <CommentThread on=None/>
                </section>
            </div>
            <aside class="collab-side">
                <Sharing is_owner/>
            </aside>
        </div>
    }
}
