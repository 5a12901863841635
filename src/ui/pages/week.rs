//! The maker/manager week: the grid, what it adds up to, deadlines (with 'remind me' on
//! the dated ones), and the calendar export.

use chrono::{NaiveDate, TimeZone, Utc};
use leptos::prelude::*;

use crate::model::kind::DocKind;

use crate::model::profile::zone_or_utc;
use crate::model::schedule::WeekItem;
use crate::model::schedule::{
    duration, warnings, week_totals, Block, BlockKind, Deadline, Tie, WeekTotals,
};
use crate::model::zones::{date_at, monday_of};
use crate::ui::focus::focus_after_render;
use crate::ui::widgets::booked_calls::BookedCalls;
use crate::ui::widgets::keyed_list::{id_of, row_key, KeyedList};
use crate::ui::widgets::{
    deadline_outcome::DeadlineOutcome, remind_me::RemindMe, week::block_editor::BlockEditor,
    week::week_grid::WeekGrid,
};
use crate::workspace::{use_workspace, WeekValue};

#[component]
pub fn WeekPage() -> impl IntoView {
    crate::web::set_title("Week");
    let ws = use_workspace();
    let selected = RwSignal::new(None::<String>);
    // The block just added, which Escape in its editor takes away again.
    let created = RwSignal::new(None::<String>);
    let new_kind = RwSignal::new(BlockKind::Maker);
    let blocks = Memo::new(move |_| ws.state.with(|s| s.schedule.blocks.clone()));
    let totals = Memo::new(move |_| blocks.with(|b| week_totals(b)));
    let found = Memo::new(move |_| {
        blocks.with(|b| {
            warnings(b)
                .iter()
                .map(|w| w.describe_with(b, &crate::ui::fmt::time_of_day))
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
        })
    });
    let add_block = move |_| {
        let kind = new_kind.get_untracked();
        // The first weekday without a block at 09:00, so a new block never hides another.
        let day = (0..7u8)
            .find(|d| {
                blocks.with_untracked(|bs| {
                    !bs.iter()
                        .any(|b| b.day == *d && b.start <= 540 && b.start + b.minutes > 540)
                })
            })
            .unwrap_or(0);
        let block = Block {
            id: crate::workspace::new_id(),
            day,
            start: 9 * 60,
            minutes: if kind == BlockKind::Maker { 120 } else { 60 },
            kind,
            label: String::new(),
        };
        let id = block.id.clone();
        if ws.put_week(WeekValue::Block(block)) {
            created.set(Some(id.clone()));
            selected.set(Some(id));
            focus_after_render("block-kind");
        }
    };
    let zone = Memo::new(move |_| ws.state.with(|s| s.profile.time_zone.clone()));
    let download = move |_| {
        let (blocks, deadlines, name) = ws.state.with_untracked(|s| {
            (
                s.schedule.blocks.clone(),
                s.schedule.deadlines.clone(),
                s.profile.display_name.clone(),
            )
        });
        let zone = zone.get_untracked();
        let tz = zone_or_utc(&zone);
        let stamp = Utc
            .timestamp_millis_opt(crate::web::now_ms())
            .single()
            .unwrap_or_default();
        let text = crate::model::ics::week_ics(
            &blocks,
            &deadlines,
            tz,
            monday_of(date_at(&zone, crate::web::now_ms())),
            stamp,
            &name,
        );
        crate::web::download_bytes(text.as_bytes(), "unhurried-week.ics", "text/calendar");
        ws.say(
            "Calendar file downloaded. Import it into your calendar app.".into(),
            None,
        );
    };
    let stat = move |kind: BlockKind| {
        view! {
            <div class=format!("stat kind-{}", kind.key())>
                <span class="stat-value">{move || { let m = WeekTotals::of(kind, &totals.get()); if m == 0 { "0 h".to_owned() } else { duration(m) } }}</span>
                <span class="stat-label">{kind.label()}</span>
            </div>
        }
    };

    view! {
        <section class="page week-page">
            <header class="page-head">
                <h1>"Your week"</h1>
                <p class="lede">"Keep long blocks for deep work and gather meetings and messages into office hours. Times are in your zone, "{move || crate::ui::fmt::zone_label(&zone.get())}"."</p>
            </header>
            <div class="card week-summary">
                <h2 class="visually-hidden">"This week adds up to"</h2>
                <div class="stats">
                    {stat(BlockKind::Maker)}{stat(BlockKind::Manager)}{stat(BlockKind::Leisure)}{stat(BlockKind::Fixed)}
                </div>
                <Show when=move || found.with(|f| !f.is_empty())>
                    <ul class="warnings" aria-label="Things to look at">
                        {move || found.get().into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}
                    </ul>
                </Show>
            </div>
            <div class="week-toolbar">
                <fieldset class="segmented">
                    <legend>"New blocks are"</legend>
                    {BlockKind::ALL.iter().map(|k| {
                        let k = *k;
                        let id = format!("new-kind-{}", k.key());
                        view! {
                            <input type="radio" name="new-kind" id=id.clone() prop:checked=move || new_kind.get() == k
                                on:change=move |_| new_kind.set(k)/>
                            <label for=id class=format!("kind-{}", k.key())>{k.label()}</label>
                        }
                    }).collect_view()}
                </fieldset>
                <button type="button" on:click=add_block>"Add block"</button>
                <p class="hint">"Or click an empty slot. Drag a block to move it, drag its lower edge to resize. With the keyboard: Tab to a block, arrows move it, Shift+Up/Down resizes, Enter opens it, Delete removes it, Escape in its details cancels the change."</p>
            </div>
            <WeekGrid selected created new_kind/>
            <BlockEditor selected created/>
            <Deadlines/>
            <BookedCalls/>
            <div class="card">
                <h2>"Put it in your calendar"</h2>
                <p>"Download your week as an .ics file: each block repeats weekly at its clock times in your time zone, also on the nights the clocks change, and dated deadlines come as all-day events. Google Calendar, Outlook and Apple Calendar import it."</p>
                <button type="button" class="secondary" on:click=download>"Download calendar file (.ics)"</button>
            </div>
        </section>
    }
}

#[component]
fn Deadlines() -> impl IntoView {
    let ws = use_workspace();
    let deadlines = Memo::new(move |_| ws.state.with(|s| s.schedule.deadlines.clone()));
    let now = expect_context::<crate::ui::app::Now>();
    // Today on the person's own calendar, read again as the minute turns, so a deadline
    // starts asking at their midnight.
    let today = Memo::new(move |_| {
        now.1.with(|_| ());
        ws.state
            .with(|s| date_at(&s.profile.time_zone, now.0.get_untracked()))
    });
    let title = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());
    let tie = RwSignal::new(String::new());
    // What a deadline can belong to, as (group, [(Tie::key, name)]).
    let ties = move || {
        ws.state.with(|s| {
            let tasks = s
                .tasks
                .iter()
                .map(|t| (Tie::Task(t.id.to_string()), t.title.clone()))
                .collect::<Vec<_>>();
            let sops = s
                .held
                .iter()
                .filter(|h| h.kind == DocKind::Sop)
                .map(|h| (Tie::Sop(h.id), h.title.clone()))
                .collect::<Vec<_>>();
            let clients = s
                .schedule
                .people
                .iter()
                .filter(|p| p.client)
                .map(|p| (Tie::Client(p.id.clone()), p.name.clone()))
                .collect::<Vec<_>>();
            [("Tasks", tasks), ("SOPs", sops), ("Clients", clients)]
        })
    };
    let tie_name = move |tie: &Tie| {
        ties()
            .into_iter()
            .flat_map(|(_, items)| items)
            .find(|(t, _)| t == tie)
            .map(|(_, n)| n)
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = title.get_untracked();
        if t.trim().is_empty() {
            return;
        }
        let d = NaiveDate::parse_from_str(&date.get_untracked(), "%Y-%m-%d").ok();
        if ws.put_week(WeekValue::Deadline(Deadline {
            id: crate::workspace::new_id(),
            title: t.trim().to_owned(),
            date: d,
            tie: Tie::parse(&tie.get_untracked()),
            ..Deadline::default()
        })) {
            title.set(String::new());
            date.set(String::new());
        }
    };
    view! {
        <div class="card deadlines">
            <h2>"Deadlines"</h2>
            <ul class="plain-list">
                <KeyedList ids=Signal::derive(move || deadlines.with(|v| v.iter().map(|d| {
                        let day = |x: Option<NaiveDate>| x.map(|x| x.to_string()).unwrap_or_default();
                        row_key(&[&d.id, &d.title, &day(d.date), &d.outcome.key(), &day(d.moved_from), &d.reason])
                    }).collect()))
                    row=Callback::new(move |key: String| {
                        let Some(d) = deadlines.with_untracked(|v| v.iter().find(|d| d.id == id_of(&key)).cloned()) else {
                            return ().into_any();
                        };
                        let id = d.id.clone();
                        let when = d.date.map(crate::ui::fmt::date_with_weekday).unwrap_or_else(|| "No date".into());
                        let label = format!("Delete the deadline {}", d.title);
                        view! {
                            <li>
                                <span class="deadline-date">{when}</span>
                                <span class="grow">{d.title.clone()}
                                    {d.tie.as_ref().and_then(|t| Some((t.clone(), tie_name(t)?))).map(|(t, name)| match t {
                                        Tie::Sop(id) => view! { <span class="task-meta">" · for "<a href=format!("/shared/{id}")>{name}</a></span> }.into_any(),
                                        _ => view! { <span class="task-meta">{format!(" · for {name}")}</span> }.into_any(),
                                    })}
                                </span>
                                {d.date.map(|date| view! {
                                    <RemindMe what=format!("Deadline: {}", d.title) kind="deadline" due=date.to_string() source="Your week"/>
                                })}
                                <button type="button" class="icon" aria-label=label
                                    on:click=move |_| ws.delete_week(WeekItem::Deadline, &id)>"✕"</button>
                                {d.date.is_some().then(|| view! { <DeadlineOutcome deadline=d.clone() today/> })}
                            </li>
                        }.into_any()
                    })/>
            </ul>
            <Show when=move || deadlines.with(|d| d.is_empty())>
                <p class="empty">"No deadlines yet."</p>
            </Show>
            <p class="hint"><a href="/review">"Monthly review"</a>": how each month's deadlines went, beside time freed, and what to change."</p>
            <form class="field-row" on:submit=add>
                <div class="grow">
                    <label for="deadline-title">"Deadline"</label>
                    <input id="deadline-title" type="text" maxlength="200" placeholder="Quarterly report"
                        prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev))/>
                </div>
                <div>
                    <label for="deadline-date">"Date"</label>
                    <input id="deadline-date" type="date" prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev))/>
                </div>
                <div>
                    <label for="deadline-for">"For (optional)"</label>
                    <select id="deadline-for" prop:value=move || tie.get() on:change=move |ev| tie.set(event_target_value(&ev))>
                        <option value="">"Nothing in particular"</option>
                        {move || ties().into_iter().filter(|(_, items)| !items.is_empty()).map(|(group, items)| view! {
                            <optgroup label=group>
                                {items.into_iter().map(|(tie, name)| view! { <option value=tie.key()>{name}</option> }).collect_view()}
                            </optgroup>
                        }).collect_view()}
                    </select>
                </div>
                <button type="submit">"Add deadline"</button>
            </form>
        </div>
    }
}
