//! Teammates and clients across time zones: who works when, the hours everyone
//! shares on a chosen date, and office-hour slots that fall inside them.

use chrono::NaiveDate;
use leptos::prelude::*;
use std::fmt::Write as _;

use crate::model::profile::{parse_time_zone, zone_or_utc};
use crate::model::schedule::WeekItem;
use crate::model::schedule::{
    clock, duration, overlapping, parse_clock, Block, BlockKind, Person, WorkingHours, WEEKDAYS,
    WEEKDAYS_SHORT,
};
use crate::model::zones::{
    best_pairs, day_frame, local_clock, local_instant, overlap_day, suggest_office_hours, Member,
};
use crate::model::zones::{date_at, monday_of};
use crate::ui::fmt;
use crate::ui::widgets::intake_forms::IntakeForms;
use crate::ui::widgets::keyed_list::KeyedList;
use crate::ui::widgets::time_zone_field::TimeZoneField;
use crate::workspace::{use_workspace, WeekValue};

fn pct(part: u32, whole: u32) -> String {
    format!("{:.4}%", f64::from(part) * 100.0 / f64::from(whole.max(1)))
}

#[component]
pub fn TeamPage() -> impl IntoView {
    crate::web::set_title("Team");
    let ws = use_workspace();
    let people = Memo::new(move |_| ws.state.with(|s| s.schedule.people.clone()));
    let name = RwSignal::new(String::new());
    let zone = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked();
        if n.trim().is_empty() {
            error.set(Some("Enter the person's name.".into()));
            return;
        }
        let Some(tz) = parse_time_zone(&zone.get_untracked()) else {
            error.set(Some(
                "Pick a time zone from the list, such as America/New_York or Asia/Kolkata.".into(),
            ));
            return;
        };
        if ws.put_week(WeekValue::Person(Person {
            id: crate::workspace::new_id(),
            name: n.trim().to_owned(),
            time_zone: tz.name().to_owned(),
            hours: WorkingHours::default(),
            client: false,
        })) {
            name.set(String::new());
            zone.set(String::new());
            error.set(None);
        }
    };
    view! {
        <section class="page team-page">
            <header class="page-head">
                <h1>"Team and time zones"</h1>
                <p class="lede">"The people you work with, when they work in their own zone, and the hours you all share."</p>
            </header>
            <Overlap/>
            <div class="card">
                <h2>"People"</h2>
                <ul class="people-list">
                    <KeyedList ids=Signal::derive(move || people.with(|v| v.iter().map(|p| p.id.clone()).collect()))
                        row=Callback::new(|id: String| view! { <PersonRow id/> }.into_any())/>
                </ul>
                <Show when=move || people.with(|p| p.is_empty())>
                    <p class="empty">"Add the teammates and clients you work with to see when your hours overlap."</p>
                </Show>
                <form class="field-row" on:submit=add>
                    <div class="grow">
                        <label for="person-name">"Name"</label>
                        <input id="person-name" type="text" maxlength="80" prop:value=move || name.get()
                            on:input=move |ev| name.set(event_target_value(&ev))/>
                    </div>
                    <div class="grow">
                        <label for="person-zone">"Time zone"</label>
                        <TimeZoneField id="person-zone" value=zone described_by="person-error"
                            invalid=Signal::derive(move || error.with(|e| e.is_some()))/>
                    </div>
                    <button type="submit">"Add person"</button>
                </form>
                <p id="person-error" class="error" role="alert">{move || error.get()}</p>
            </div>
            <IntakeForms/>
        </section>
    }
}

/// One person's details, edited in place.
#[component]
fn PersonRow(id: String) -> impl IntoView {
    let ws = use_workspace();
    let person = {
        let id = id.clone();
        Memo::new(move |_| {
            ws.state
                .with(|s| s.schedule.people.iter().find(|p| p.id == id).cloned())
                .unwrap_or_default()
        })
    };
    let edit = move |f: &dyn Fn(&mut Person)| {
        let mut p = person.get_untracked();
        f(&mut p);
        ws.put_week(WeekValue::Person(p));
    };
    let zone = RwSignal::new(person.get_untracked().time_zone);
    let zone_error = RwSignal::new(false);
    let key = id.clone();
    let field = move |what: &str| format!("{what}-{key}");
    let open_dashboard = {
        let (id, navigate) = (id.clone(), leptos_router::hooks::use_navigate());
        move |_| {
            if let Some(doc) = ws.dashboard_for(&id) {
                navigate(&format!("/shared/{doc}"), Default::default())
            }
        }
    };
    view! {
        <li class="person-row">
            <div class="field-row">
                <div class="grow">
                    <label for=field("pname")>"Name"</label>
                    <input id=field("pname") type="text" maxlength="80" prop:value=move || person.with(|p| p.name.clone())
                        on:change=move |ev| { let v = event_target_value(&ev); if !v.trim().is_empty() { edit(&|p| p.name = v.trim().to_owned()) } }/>
                </div>
                <div class="grow">
                    <label for=field("pzone")>"Time zone"</label>
                    <TimeZoneField id=field("pzone") value=zone invalid=zone_error
                        on_change=Callback::new(move |_| match parse_time_zone(&zone.get_untracked()) {
                            Some(tz) => { zone_error.set(false); edit(&|p| p.time_zone = tz.name().to_owned()) }
                            None => zone_error.set(true),
                        })/>
                </div>
                <div>
                    <label for=field("pstart")>"Works from"</label>
                    <input id=field("pstart") type="time" step="900" prop:value=move || person.with(|p| clock(p.hours.start))
                        on:change=move |ev| if let Some(m) = parse_clock(&event_target_value(&ev)) { edit(&|p| p.hours.start = m % 1440) }/>
                </div>
                <div>
                    <label for=field("pend")>"to"</label>
                    <input id=field("pend") type="time" step="900" prop:value=move || person.with(|p| clock(p.hours.end))
                        on:change=move |ev| if let Some(m) = parse_clock(&event_target_value(&ev)) { edit(&|p| p.hours.end = m) }/>
                </div>
            </div>
            <div class="field-row">
                <fieldset class="days">
                    <legend>"Working days"</legend>
                    {(0..7u8).map(|d| {
                        let fid = field(&format!("pday{d}"));
                        view! {
                            <span class="check">
                                <input type="checkbox" id=fid.clone() prop:checked=move || person.with(|p| p.hours.works_on(d))
                                    on:change=move |ev| { let on = event_target_checked(&ev); edit(&|p| if on { p.hours.days |= 1 << d } else { p.hours.days &= !(1 << d) }) }/>
                                <label for=fid title=WEEKDAYS[usize::from(d)]>{WEEKDAYS_SHORT[usize::from(d)]}</label>
                            </span>
                        }
                    }).collect_view()}
                </fieldset>
                <span class="check">
                    <input type="checkbox" id=field("pclient") prop:checked=move || person.with(|p| p.client)
                        on:change=move |ev| { let on = event_target_checked(&ev); edit(&|p| p.client = on) }/>
                    <label for=field("pclient")>"Client"</label>
                </span>
                <Show when=move || person.with(|p| p.client)>
                    <button type="button" class="secondary" on:click=open_dashboard.clone()>{move || format!("Dashboard for {}", person.with(|p| p.name.clone()))}</button>
                </Show>
                <button type="button" class="icon" aria-label=move || format!("Remove {}", person.with(|p| p.name.clone()))
                    on:click=move |_| ws.delete_week(WeekItem::Person, &id)>"✕"</button>
            </div>
        </li>
    }
}

/// Everyone's working hours on one date, as strips in the viewer's local time.
///
/// The viewer's own row is their working hours from Boundaries together with their
/// week: office hours count even outside the working day, leisure and commitments do
/// not (`Member::spans`).
#[component]
fn Overlap() -> impl IntoView {
    let ws = use_workspace();
    let my_zone = Memo::new(move |_| ws.state.with(|s| s.profile.time_zone.clone()));
    let date = RwSignal::new(date_at(&my_zone.get_untracked(), crate::web::now_ms()));
    // Everyone with a known zone, the viewer first, and their names.
    let members = Memo::new(move |_| {
        ws.state.with(|s| {
            let mut rows: Vec<(Member, String)> = Vec::new();
            if let Some(tz) = parse_time_zone(&s.profile.time_zone) {
                let mut me = Member::new("me", tz, s.boundaries.hours);
                me.week = s.schedule.blocks.clone();
                rows.push((me, "You".into()));
            }
            for p in &s.schedule.people {
                if let Some(tz) = parse_time_zone(&p.time_zone) {
                    rows.push((Member::new(p.id.clone(), tz, p.hours), p.name.clone()));
                }
            }
            rows
        })
    });
    let name_of = move |id: &str| {
        members.with(|m| {
            m.iter()
                .find(|(m, _)| m.id == id)
                .map(|(_, n)| n.clone())
                .unwrap_or_default()
        })
    };
    let viewer = Memo::new(move |_| zone_or_utc(&my_zone.get()));
    let input = move || members.with(|m| m.iter().map(|(m, _)| m.clone()).collect::<Vec<_>>());
    let day = Memo::new(move |_| overlap_day(viewer.get(), date.get(), &input()));
    // Minutes from the viewer's midnight as their wall clock: "09:30".
    let at = move |m: u32| {
        let start = day_frame(viewer.get(), date.get()).start;
        fmt::time_of_day(
            local_clock(
                viewer.get(),
                start + chrono::Duration::minutes(i64::from(m)),
            )
            .1,
        )
    };
    let spans_text = move |spans: &[(u32, u32)]| {
        spans
            .iter()
            .map(|(a, b)| format!("{}–{}", at(*a), at(*b)))
            .collect::<Vec<_>>()
            .join(" and ")
    };
    // Wall-clock hour marks placed at real elapsed minutes, so DST days come out right.
    // The ones between the six-hour marks are dropped on narrow screens.
    let ticks = Memo::new(move |_| {
        let tz = viewer.get();
        let d = date.get();
        let frame = day_frame(tz, d);
        (0..24u32)
            .step_by(3)
            .map(|h| {
                let at = local_instant(tz, d, h * 60);
                let m = (at - frame.start)
                    .num_minutes()
                    .clamp(0, i64::from(frame.minutes)) as u32;
                (m, fmt::hour(h), h % 6 != 0)
            })
            .collect::<Vec<_>>()
    });
    let slots = Memo::new(move |_| {
        let input = input();
        if input.len() < 2 {
            return Vec::new();
        }
        suggest_office_hours(viewer.get(), monday_of(date.get()), &input, 60)
    });
    let pairs = Memo::new(move |_| {
        day.with(|d| {
            if d.strips.len() < 3 || !d.common.is_empty() {
                Vec::new()
            } else {
                best_pairs(d)
            }
        })
    });
    let common_text = move || {
        let d = day.get();
        if members.with(|r| r.len() < 2) {
            return "Add people below to see the hours you share.".to_owned();
        }
        if d.common.is_empty() {
            return "Nobody's working hours overlap with everyone else's on this date.".to_owned();
        }
        let parts: Vec<String> = d
            .common
            .iter()
            .map(|(a, b)| format!("{}–{} ({})", at(*a), at(*b), duration(b - a)))
            .collect();
        format!("Everyone is working {} your time.", parts.join(" and "))
    };
    let my_hours = Memo::new(move |_| {
        ws.state
            .with(|s| s.boundaries.hours.describe_with(&fmt::time_of_day))
    });
    let add_slot = move |block: Block, clash: Option<String>| {
        let mut text = format!(
            "Added {} to your week.",
            block.describe_with(&fmt::time_of_day)
        );
        if let Some(c) = clash {
            let _ = write!(text, " It overlaps {c}.");
        }
        if ws.put_week(WeekValue::Block(block)) {
            ws.say(text, None);
        }
    };
    view! {
        <div class="card overlap">
            <div class="overlap-head">
                <h2>"When everyone works"</h2>
                <div>
                    <label for="overlap-date">"Date"</label>
                    <input id="overlap-date" type="date" prop:value=move || date.get().format("%Y-%m-%d").to_string()
                        on:change=move |ev| if let Ok(d) = NaiveDate::parse_from_str(&event_target_value(&ev), "%Y-%m-%d") { date.set(d) }/>
                </div>
            </div>
            <p class="overlap-summary" aria-live="polite">{common_text}</p>
            <Show when=move || pairs.with(|p| !p.is_empty())>
                <h3 id="pairs-title">"Who can meet whom"</h3>
                <ul class="plain-list pairs" aria-labelledby="pairs-title">
                    {move || pairs.get().into_iter().take(5).map(|p| view! {
                        <li>
                            <span class="pair-names">{format!("{} and {}", name_of(&p.first), name_of(&p.second))}</span>
                            <span class="grow">{format!("{} your time ({})", spans_text(&p.spans), duration(p.minutes))}</span>
                        </li>
                    }).collect_view()}
                </ul>
            </Show>
            <div class="strips" aria-hidden="true">
                <div class="strip-row ticks">
                    <span class="strip-name"></span>
                    <div class="strip">
                        {move || ticks.get().into_iter().map(|(m, label, minor)| {
                            let total = day.with(|d| d.frame_minutes);
                            view! { <span class="tick" class:minor=minor style:left=pct(m, total)>{label}</span> }
                        }).collect_view()}
                    </div>
                </div>
                {move || {
                    let d = day.get();
                    let total = d.frame_minutes;
                    let common = d.common.clone();
                    d.strips.into_iter().map(|s| {
                        let common = common.clone();
                        view! {
                            <div class="strip-row">
                                <span class="strip-name">{name_of(&s.person)}<small>{s.offset_note.clone()}</small></span>
                                <div class="strip">
                                    {common.into_iter().map(|(a, b)| view! { <span class="common" style:left=pct(a, total) style:width=pct(b - a, total)></span> }).collect_view()}
                                    {s.spans.into_iter().map(|(a, b)| view! { <span class="work" style:left=pct(a, total) style:width=pct(b - a, total)></span> }).collect_view()}
                                </div>
                            </div>
                        }
                    }).collect_view()
                }}
            </div>
            // The strips in words, for screen readers.
            <ul class="visually-hidden">
                {move || day.get().strips.into_iter().map(|s| {
                    let spans = if s.spans.is_empty() { "not working".to_owned() } else { spans_text(&s.spans) };
                    view! { <li>{format!("{} ({}): {spans} your time", name_of(&s.person), s.offset_note)}</li> }
                }).collect_view()}
            </ul>
            <p class="hint">"Your row is your working hours from "<a href="/boundaries">"Boundaries"</a>" ("{move || my_hours.get()}"), with the office hours in "<a href="/week">"your week"</a>" added and its leisure and commitments left out."</p>
            <Show when=move || slots.with(|s| !s.is_empty())>
                <h3>"Office hours everyone can make this week"</h3>
                <ul class="plain-list suggestions">
                    {move || slots.get().into_iter().take(10).enumerate().map(|(i, s)| {
                        let text = format!("{} {}–{} ({})", WEEKDAYS[usize::from(s.day.min(6))], fmt::time_of_day(s.start), fmt::time_of_day(s.end), duration(s.minutes));
                        // Office hours of at most two hours, from the start of the window.
                        let block = Block {
                            id: crate::workspace::new_id(),
                            day: s.day,
                            start: s.start,
                            minutes: s.minutes.min(120),
                            kind: BlockKind::Manager,
                            label: "Shared office hours".into(),
                        };
                        let added = format!("{} {}–{}", WEEKDAYS[usize::from(s.day.min(6))], fmt::time_of_day(block.start), fmt::time_of_day(block.start + block.minutes));
                        let label = format!("Add as office hours: {added}");
                        // What it would overlap in the week, said before the click.
                        let clash = ws.state.with(|st| {
                            let found = overlapping(&st.schedule.blocks, &block);
                            (!found.is_empty()).then(|| found.iter().map(|b| b.describe_with(&fmt::time_of_day)).collect::<Vec<_>>().join("; "))
                        });
                        let note_id = format!("slot-clash-{i}");
                        let warn = clash.clone().map(|c| view! { <span class="clash" id=note_id.clone()>{format!("Overlaps {c}")}</span> });
                        let described = clash.is_some().then_some(note_id.clone());
                        view! {
                            <li>
                                <span class="grow">{text}{warn}</span>
                                <button type="button" class="secondary" aria-label=label aria-describedby=described
                                    on:click=move |_| add_slot(block.clone(), clash.clone())>"Add as office hours"</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
        </div>
    }
}
