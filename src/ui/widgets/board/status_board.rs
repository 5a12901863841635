//! Today's status cards (each person's latest from the last 24 hours), blockers first
//! and marked, who has not posted yet, and the history by each poster's date. Every card
//! says when it was posted, in the viewer's zone.

use crate::model::order;
use leptos::prelude::*;
use std::fmt::Write as _;

use crate::model::shared::board::{BoardPart, StatusCard, StatusTag};
use crate::model::shared::{join_and, Body, Envelope, SharedState};
use crate::ui::pages::shared::board::Day;
use crate::ui::shared::{shown_news, shown_state};
use crate::ui::widgets::remind_me::RemindMe;

/// "Posted 25 Nov 2026, 12:00" in the viewer's zone, with the instant for machines;
/// nothing for a card without a posting instant (it shows under its date).
fn posted_view(at: i64, zone: &str) -> Option<impl IntoView> {
    let iso = chrono::DateTime::from_timestamp_millis(at)
        .filter(|_| at > 0)?
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let when = crate::web::format_time(at as f64, zone);
    Some(view! { <p class="posted">"Posted "<time datetime=iso>{when}</time></p> })
}

fn status_view(s: &SharedState, card: &StatusCard, is_new: bool, zone: &str) -> impl IntoView {
    let name = s.name_of(&card.person);
    let tag = card.tag;
    let rows = [
        ("Done", card.done.clone()),
        ("Doing next", card.doing.clone()),
        ("Blocked by", card.blocked.clone()),
        ("Note", card.note.clone()),
    ];
    // The posting time, not the poster's date, which may not have begun here yet.
    let when = if card.at > 0 {
        format!("posted {}", crate::web::format_time(card.at as f64, zone))
    } else {
        card.date.clone()
    };
    let reminder = format!("{name}'s status ({when}): {}", card.tag.label());
    view! {
        <article class="status-card" class:blocked=card.is_blocked() class:new=is_new
            aria-label=format!("{name}, {}", tag.label())>
            <header>
                <strong>{name.clone()}</strong>
                <span class=format!("tag status-{}", tag.key())>{tag.label()}</span>
                {is_new.then(|| view! { <span class="tag new">"New"</span> })}
            </header>
            {posted_view(card.at, zone)}
            <dl>
                {rows.into_iter().filter(|(_, v)| !v.trim().is_empty()).map(|(k, v)| view! {
                    <dt>{k}</dt><dd>{v}</dd>
                }).collect_view()}
            </dl>
            <RemindMe what=reminder kind="status card"/>
        </article>
    }
}

#[component]
pub fn StatusBoard(day: Memo<Day>, zone: Memo<String>) -> impl IntoView {
    let state = shown_state();
    // Only what this view shows: moving a card must not rebuild a month of status cards.
    let view_state = Memo::new(move |_| {
        state.with(|s| SharedState {
            envelope: Envelope {
                people: s.people.clone(),
                ..Envelope::default()
            },
            body: Body::Board(BoardPart {
                cards: Vec::new(),
                statuses: s.board().statuses.clone(),
            }),
        })
    });
    let state = view_state;
    let news = shown_news();
    let is_new = move |c: &StatusCard| {
        news.with(|n| n.statuses.contains(&(c.date.clone(), c.person.clone())))
    };
    view! {
        <section class="card" aria-labelledby="today-head">
            <h2 id="today-head">{move || format!("Today, {}", day.with(|d| d.date.clone()))}</h2>
            <p class="hint">{move || {
                let zone = zone.get();
                let zone = if zone.is_empty() { String::new() } else { format!(" ({zone})") };
                format!("Each person's latest card from the last 24 hours, with the time it was posted in your zone{zone}.")
            }}</p>
            {move || state.with(|s| day.with(|d| zone.with(|zone| {
                let mut cards: Vec<&StatusCard> = s.board().statuses.iter().filter(|c| d.has(c)).collect();
                // Blockers first, so they stand out.
                order::sort_by_key(&mut cards, |c| (!c.is_blocked(), c.tag != StatusTag::AtRisk, s.name_of(&c.person)));
                let mut waiting: Vec<String> = s.people.iter()
                    .filter(|(id, _)| !cards.iter().any(|c| &c.person == *id))
                    .map(|(_, n)| n.clone())
                    .collect();
                order::sort_by_key(&mut waiting, |n| n.to_lowercase());
                view! {
                    {cards.is_empty().then(|| view! { <p class="hint">"No status cards yet today."</p> })}
                    <div class="status-grid">
                        {cards.iter().map(|c| status_view(s, c, is_new(c), zone)).collect_view()}
                    </div>
                    {(!waiting.is_empty()).then(|| view! { <p class="hint">{format!("Not posted yet today: {}.", join_and(&waiting))}</p> })}
                }
            })))}
        </section>
        <section class="card" aria-labelledby="history-head">
            <h2 id="history-head">"History"</h2>
            {move || state.with(|s| day.with(|d| zone.with(|zone| {
                let days = s.board().history_where(|c| !d.has(c));
                if days.is_empty() {
                    return view! { <p class="hint">"Earlier days' status cards appear here."</p> }.into_any();
                }
                view! {
                    <p class="hint">"By the date on each poster's own clock."</p>
                    {days.into_iter().enumerate().map(|(i, (date, cards))| {
                        let blocked = cards.iter().filter(|c| c.is_blocked()).count();
                        let n = cards.len();
                        let mut summary = format!("{date} · {n} {}", if n == 1 { "card" } else { "cards" });
                        if blocked > 0 {
                            let _ = write!(summary, " · {blocked} blocked");
                        }
                        // A poster ahead of the viewer: say so rather than show a date that has
                        // not begun here as if it had.
                        if date > d.date {
                            summary.push_str(" · their date, ahead of yours");
                        }
                        view! {
                            <details class="history-day" open=i < 2>
                                <summary>{summary}</summary>
                                <div class="status-grid">
                                    {cards.iter().map(|c| status_view(s, c, is_new(c), zone)).collect_view()}
                                </div>
                            </details>
                        }
                    }).collect_view()}
                }.into_any()
            })))}
        </section>
    }
}
