//! Someone's 'how to work with me' page, read-only, with every time converted to the
//! reader's own zone, and a layout that prints cleanly.

use crate::model::zone::Zone;
use leptos::prelude::*;

use crate::model::ids::DocId;
use crate::model::page::PageState;
use crate::model::profile::zone_or_utc;
use crate::model::schedule::{clock, Block, BlockKind, DAY, WEEKDAYS_SHORT};
use crate::model::zones::{block_in_zone, describe_offset, offset_minutes, Slot};
use crate::model::zones::{date_at, monday_of};
use crate::ui::fmt::local_moment;
use crate::workspace::{page_title, use_workspace};

/// A weekly block as it falls on the reader's clock this week: "Tue 09:00–11:00", or
/// "Mon 18:00 – Tue 02:00" when it runs past the reader's midnight.
fn in_reader_zone(block: &Block, owner: Zone, reader: Zone, monday: chrono::NaiveDate) -> String {
    let slots: Vec<Slot> = block_in_zone(block, owner, reader, monday);
    let day = |s: &Slot| WEEKDAYS_SHORT[usize::from(s.day.min(6))];
    match slots.as_slice() {
        [a, b] if a.end == DAY && b.start == 0 => format!(
            "{} {} – {} {}",
            day(a),
            clock(a.start),
            day(b),
            clock(b.end)
        ),
        _ => slots
            .iter()
            .map(|s| format!("{} {}–{}", day(s), clock(s.start), clock(s.end)))
            .collect::<Vec<_>>()
            .join(" and "),
    }
}

fn in_owner_zone(block: &Block) -> String {
    format!(
        "{} {}–{}",
        WEEKDAYS_SHORT[usize::from(block.day.min(6))],
        clock(block.start),
        clock(block.start + block.minutes)
    )
}

#[component]
pub fn WorkWithMe(id: DocId) -> impl IntoView {
    let ws = use_workspace();
    let page = ws.page_state(id);
    let my_zone = ws.state.with_untracked(|s| s.profile.time_zone.clone());
    match page {
        Err(e) => view! { <section class="page"><h1>"This page cannot be shown"</h1><p role="alert">{e}</p></section> }.into_any(),
        Ok(page) => view! { <PageBody page my_zone/> }.into_any(),
    }
}

#[component]
fn PageBody(page: PageState, my_zone: String) -> impl IntoView {
    let ws = use_workspace();
    let is_mine = ws
        .state
        .with_untracked(|s| s.profile.actor_id == page.author);
    crate::web::set_title(&page_title(&page.author_name));
    let owner_tz = zone_or_utc(&page.time_zone);
    let reader_tz = zone_or_utc(&my_zone);
    let owner_monday = monday_of(date_at(&page.time_zone, crate::web::now_ms()));
    let now = crate::web::now_ms();
    let now_utc = chrono::DateTime::from_timestamp_millis(now).unwrap_or_default();
    let same_zone = owner_tz == reader_tz;
    let name = if page.author_name.trim().is_empty() {
        "This person".to_owned()
    } else {
        page.author_name.clone()
    };
    let zone_line = format!(
        "{name} is in {} ({}). Times below are in your time zone, {} ({}).",
        page.time_zone,
        describe_offset(offset_minutes(owner_tz, now_utc)),
        reader_tz.name(),
        describe_offset(offset_minutes(reader_tz, now_utc)),
    );
    let hours: Vec<(String, String)> = (0..7u8)
        .filter(|d| page.hours.works_on(*d))
        .map(|d| {
            let b = Block {
                day: d,
                start: page.hours.start,
                minutes: page.hours.minutes(),
                kind: BlockKind::Manager,
                ..Block::default()
            };
            (
                in_reader_zone(&b, owner_tz, reader_tz, owner_monday),
                in_owner_zone(&b),
            )
        })
        .collect();
    let rows = |kind: BlockKind| -> Vec<(String, String, String)> {
        page.blocks
            .iter()
            .filter(|b| b.kind == kind)
            .map(|b| {
                (
                    in_reader_zone(b, owner_tz, reader_tz, owner_monday),
                    in_owner_zone(b),
                    b.label.clone(),
                )
            })
            .collect()
    };
    let office = rows(BlockKind::Manager);
    let deep = rows(BlockKind::Maker);
    let dnd = (page.dnd_until > now).then(|| local_moment(page.dnd_until, reader_tz.name()));
    let owner_note = move |text: String| {
        (!same_zone)
            .then(|| view! { <small class="their-time">{format!("{text} for them")}</small> })
    };
    let list = move |items: Vec<(String, String, String)>, empty: &'static str| {
        if items.is_empty() {
            return view! { <p class="empty">{empty}</p> }.into_any();
        }
        view! {
            <ul class="time-list">
                {items.into_iter().map(|(yours, theirs, label)| view! {
                    <li>
                        <span class="your-time">{yours}</span>
                        {(!label.trim().is_empty()).then(|| view! { <span class="time-label">{label}</span> })}
                        {owner_note(theirs)}
                    </li>
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let published = local_moment(page.published, reader_tz.name());
    view! {
        <article class="page work-with-me">
            <header class="page-head">
                <p class="kicker">"How to work with"</p>
                <h1>{name.clone()}</h1>
                <p class="lede">{zone_line}</p>
                {dnd.map(|at| view! {
                    <p class="dnd-banner" role="status">{format!("Do not disturb until {at} your time. Messages wait until then; see below for what is urgent.")}</p>
                })}
                <div class="actions no-print">
                    <button type="button" class="secondary" on:click=|_| { let _ = window().print(); }>"Print"</button>
                    {is_mine.then(|| view! { <a href="/boundaries">"Edit in Boundaries"</a> })}
                </div>
            </header>
            <div class="page-grid">
                <section class="card">
                    <h2>"Working hours"</h2>
                    {list(hours.into_iter().map(|(y, t)| (y, t, String::new())).collect(), "No working hours given.")}
                    {(!page.availability.trim().is_empty()).then(|| view! { <p class="words">{page.availability.clone()}</p> })}
                </section>
                <section class="card">
                    <h2>"Office hours"</h2>
                    <p class="hint">"The best time for meetings and quick questions."</p>
                    {list(office, "No office hours given.")}
                </section>
                <section class="card">
                    <h2>"Deep work"</h2>
                    <p class="hint">"Heads-down time: messages wait until after."</p>
                    {list(deep, "No deep-work blocks given.")}
                </section>
                <section class="card">
                    <h2>"When to expect an answer"</h2>
                    {if page.channels.is_empty() {
                        view! { <p class="empty">"No channels given."</p> }.into_any()
                    } else {
                        view! {
                            <dl class="channels">
                                {page.channels.iter().map(|c| view! {
                                    <dt>{c.name.clone()}</dt>
                                    <dd>{c.expectation()}{(!c.note.is_empty()).then(|| format!(". {}", c.note))}</dd>
                                }).collect_view()}
                            </dl>
                        }.into_any()
                    }}
                </section>
                <section class="card">
                    <h2>"What counts as urgent"</h2>
                    {if page.urgent.trim().is_empty() {
                        view! { <p class="empty">"Not stated."</p> }.into_any()
                    } else {
                        view! { <p class="words">{page.urgent.clone()}</p> }.into_any()
                    }}
                    <h3>"In an emergency"</h3>
                    {if page.escalation.is_empty() {
                        view! { <p class="empty">"No escalation path given."</p> }.into_any()
                    } else {
                        view! {
                            <ol class="steps">
                                {page.escalation.iter().map(|s| view! { <li><strong>{s.who.clone()}</strong>" "{s.how.clone()}</li> }).collect_view()}
                            </ol>
                        }.into_any()
                    }}
                </section>
                <section class="card">
                    <h2>"Tools"</h2>
                    {if page.tools.is_empty() {
                        view! { <p class="empty">"None listed."</p> }.into_any()
                    } else {
                        view! { <ul class="tools">{page.tools.iter().map(|t| view! { <li>{t.clone()}</li> }).collect_view()}</ul> }.into_any()
                    }}
                </section>
            </div>
            <p class="hint">{format!("Published {published} (your time). Read-only: only {name} can change it.")}</p>
        </article>
    }
}
