//! Boundaries: availability, response times per channel, what is urgent, the
//! escalation path, tools, do-not-disturb, and publishing them as a page.

use chrono::{Datelike, Duration, NaiveDateTime, TimeZone, Timelike, Utc};
use leptos::prelude::*;

use crate::model::boundaries::{
    next_back_at, starter_channels, Boundaries, Channel, EscalationStep, ResponseUnit,
};
use crate::model::profile::zone_or_utc;
use crate::model::schedule::WeekItem;
use crate::model::schedule::{clock, parse_clock, WEEKDAYS, WEEKDAYS_SHORT};
use crate::ui::fmt;
use crate::ui::widgets::keyed_list::{id_of, row_key, KeyedList};
use crate::ui::widgets::page_publisher::PagePublisher;
use crate::workspace::{use_workspace, WeekValue};

#[component]
pub fn BoundariesPage() -> impl IntoView {
    crate::web::set_title("Boundaries");
    let ws = use_workspace();
    let b = Memo::new(move |_| ws.state.with(|s| s.boundaries.clone()));
    let zone = Memo::new(move |_| ws.state.with(|s| s.profile.time_zone.clone()));
    let edit = move |f: &dyn Fn(&mut Boundaries)| {
        let mut v = b.get_untracked();
        f(&mut v);
        ws.set_boundaries(v);
    };
    view! {
        <section class="page boundaries-page">
            <header class="page-head">
                <h1>"Boundaries"</h1>
                <p class="lede">"Say when you are available and how fast you answer, so nobody has to ask, and nobody expects an instant reply."</p>
            </header>
            <DoNotDisturb/>
            <div class="card">
                <h2>"Working hours"</h2>
                <div class="field-row">
                    <div>
                        <label for="work-start">"From"</label>
                        <input id="work-start" type="time" step="900" prop:value=move || b.with(|b| clock(b.hours.start))
                            on:change=move |ev| if let Some(m) = parse_clock(&event_target_value(&ev)) { edit(&|b| b.hours.start = m % 1440) }/>
                    </div>
                    <div>
                        <label for="work-end">"To"</label>
                        <input id="work-end" type="time" step="900" prop:value=move || b.with(|b| clock(b.hours.end))
                            on:change=move |ev| if let Some(m) = parse_clock(&event_target_value(&ev)) { edit(&|b| b.hours.end = m) }/>
                    </div>
                    <fieldset class="days">
                        <legend>"Days"</legend>
                        {(0..7u8).map(|d| {
                            let id = format!("work-day-{d}");
                            view! {
                                <span class="check">
                                    <input type="checkbox" id=id.clone() prop:checked=move || b.with(|b| b.hours.works_on(d))
                                        on:change=move |ev| { let on = event_target_checked(&ev); edit(&|b| if on { b.hours.days |= 1 << d } else { b.hours.days &= !(1 << d) }) }/>
                                    <label for=id title=WEEKDAYS[usize::from(d)]>{WEEKDAYS_SHORT[usize::from(d)]}</label>
                                </span>
                            }
                        }).collect_view()}
                    </fieldset>
                </div>
                <p class="hint">{move || format!("In your time zone, {}.", zone.get())}</p>
                <label for="availability">"Availability, in your words"</label>
                <textarea id="availability" rows="2" maxlength="1000" placeholder="Fridays are for deep work; I check messages at 11:00 and 16:00."
                    prop:value=move || b.with(|b| b.availability.clone())
                    on:change=move |ev| { let v = event_target_value(&ev); edit(&|b| b.availability = v.clone()) }></textarea>
            </div>
            <Channels/>
            <div class="card">
                <h2>"What counts as urgent"</h2>
                <label for="urgent" class="visually-hidden">"What counts as urgent"</label>
                <textarea id="urgent" rows="3" maxlength="2000" placeholder="The site is down, a client cannot pay, or someone is hurt. Everything else can wait for office hours."
                    prop:value=move || b.with(|b| b.urgent.clone())
                    on:change=move |ev| { let v = event_target_value(&ev); edit(&|b| b.urgent = v.clone()) }></textarea>
            </div>
            <Escalation/>
            <div class="card">
                <h2>"Tools we use"</h2>
                <label for="tools">"One per line"</label>
                <textarea id="tools" rows="3" maxlength="2000" placeholder="Slack for quick questions\nNotion for documents\nLinear for tasks"
                    prop:value=move || b.with(|b| b.tools.clone())
                    on:change=move |ev| { let v = event_target_value(&ev); edit(&|b| b.tools = v.clone()) }></textarea>
            </div>
            <PagePublisher/>
        </section>
    }
}

/// The do-not-disturb switch with its 'back at' time.
#[component]
fn DoNotDisturb() -> impl IntoView {
    let ws = use_workspace();
    let now = RwSignal::new(crate::web::now_ms());
    // Re-check each minute, so the switch turns itself off at the 'back at' time.
    let tick = set_interval_with_handle(
        move || now.set(crate::web::now_ms()),
        std::time::Duration::from_secs(30),
    );
    on_cleanup(move || {
        if let Ok(t) = tick {
            t.clear();
        }
    });
    let b = Memo::new(move |_| ws.state.with(|s| s.boundaries.clone()));
    let zone = Memo::new(move |_| ws.state.with(|s| s.profile.time_zone.clone()));
    let on = move || b.with(|b| b.dnd_on(now.get()));
    let set_until = move |ms: i64| {
        let mut v = b.get_untracked();
        v.dnd_until = ms;
        ws.set_boundaries(v);
        now.set(crate::web::now_ms());
    };
    let toggle = move |_| {
        if on() {
            set_until(0);
        } else {
            // Back at the start of the next working window, on the person's own clock.
            let zone = zone.get_untracked();
            let tz = zone_or_utc(&zone);
            let now_utc = Utc
                .timestamp_millis_opt(crate::web::now_ms())
                .single()
                .unwrap_or_default();
            let local = now_utc.with_timezone(&tz);
            let hours = b.with_untracked(|b| b.hours);
            let minute = local.hour() * 60 + local.minute();
            let day = local.weekday().num_days_from_monday() as u8;
            let (ahead, at) = next_back_at(&hours, day, minute);
            let date = local.date_naive() + Duration::days(i64::from(ahead));
            let back = crate::model::zones::local_instant(tz, date, at);
            set_until(back.timestamp_millis());
        }
    };
    let local_input = move || {
        let ms = b.with(|b| b.dnd_until);
        let tz = zone_or_utc(&zone.get());
        Utc.timestamp_millis_opt(ms)
            .single()
            .map(|t| t.with_timezone(&tz).format("%Y-%m-%dT%H:%M").to_string())
            .unwrap_or_default()
    };
    view! {
        <div class="card dnd" class:on=on>
            <div class="dnd-row">
                <button type="button" role="switch" id="dnd-switch" aria-checked=move || on().to_string() on:click=toggle>
                    <span class="switch-track" aria-hidden="true"><span class="switch-thumb"></span></span>
                    "Do not disturb"
                </button>
                <p class="dnd-status" aria-live="polite">{move || if on() {
                    format!("On. Back at {} (your time). Others see this in their own time zone.", fmt::local_moment(b.with(|b| b.dnd_until), &zone.get()))
                } else {
                    "Off. Switch it on to tell people you are heads-down; it turns itself off when you are back.".to_owned()
                }}</p>
            </div>
            <Show when=on>
                <div class="field-row">
                    <div>
                        <label for="dnd-until">"Back at"</label>
                        <input id="dnd-until" type="datetime-local" prop:value=local_input
                            on:change=move |ev| {
                                let tz = zone_or_utc(&zone.get_untracked());
                                if let Ok(t) = NaiveDateTime::parse_from_str(&event_target_value(&ev), "%Y-%m-%dT%H:%M") {
                                    let at = crate::model::zones::local_instant(tz, t.date(), t.hour() * 60 + t.minute());
                                    set_until(at.timestamp_millis());
                                }
                            }/>
                    </div>
                </div>
                <p class="hint">"Share your page again so others see the new time."</p>
            </Show>
        </div>
    }
}

#[component]
fn Channels() -> impl IntoView {
    let ws = use_workspace();
    let channels = Memo::new(move |_| ws.state.with(|s| s.boundaries.channels.clone()));
    let next_order =
        move || channels.with_untracked(|c| c.iter().map(|c| c.order).max().unwrap_or(0) + 1);
    let add = move |name: &str, within: u32, unit: ResponseUnit| {
        ws.put_week(WeekValue::Channel(Channel {
            id: crate::workspace::new_id(),
            name: name.to_owned(),
            within,
            unit,
            note: String::new(),
            order: next_order(),
        }));
    };
    view! {
        <div class="card">
            <h2>"Expected response time"</h2>
            <ul class="channel-list">
                <KeyedList ids=Signal::derive(move || channels.with(|c| c.iter().map(|c| c.id.clone()).collect()))
                    row=Callback::new(|id: String| view! { <ChannelRow id/> }.into_any())/>
            </ul>
            <div class="actions">
                <Show when=move || channels.with(|c| c.is_empty())>
                    <button type="button" class="secondary" on:click=move |_| {
                        for (name, within, unit) in starter_channels() { add(name, within, unit) }
                    }>"Start from email, chat, comments and phone"</button>
                </Show>
                <button type="button" class="secondary" on:click=move |_| {
                    add("", 1, ResponseUnit::Hours);
                    request_animation_frame(move || {
                        let last = channels.with_untracked(|c| c.last().map(|c| c.id.clone()));
                        if let Some(el) = last.and_then(|id| document().get_element_by_id(&format!("ch-name-{id}"))) {
                            use wasm_bindgen::JsCast;
                            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() { let _ = el.focus(); }
                        }
                    });
                }>"Add a channel"</button>
            </div>
        </div>
    }
}

#[component]
fn ChannelRow(id: String) -> impl IntoView {
    let ws = use_workspace();
    let c = {
        let id = id.clone();
        Memo::new(move |_| {
            ws.state
                .with(|s| s.boundaries.channels.iter().find(|c| c.id == id).cloned())
                .unwrap_or_default()
        })
    };
    let edit = move |f: &dyn Fn(&mut Channel)| {
        let mut v = c.get_untracked();
        f(&mut v);
        ws.put_week(WeekValue::Channel(v));
    };
    let fid = |what: &str| format!("ch-{what}-{id}");
    let (name_id, within_id, unit_id, note_id) =
        (fid("name"), fid("within"), fid("unit"), fid("note"));
    view! {
        <li class="field-row channel-row">
            <div class="grow">
                <label for=name_id.clone()>"Channel"</label>
                <input id=name_id type="text" maxlength="60" placeholder="Email" prop:value=move || c.with(|c| c.name.clone())
                    on:change=move |ev| { let v = event_target_value(&ev); edit(&|c| c.name = v.trim().to_owned()) }/>
            </div>
            <div class="narrow">
                <label for=within_id.clone()>"Within"</label>
                <input id=within_id type="number" min="0" max="999" inputmode="numeric" prop:value=move || c.with(|c| c.within.to_string())
                    on:change=move |ev| { let n: Option<u32> = event_target_value(&ev).trim().parse().ok(); if let Some(n) = n { edit(&|c| c.within = n.min(999)) } }/>
            </div>
            <div>
                <label for=unit_id.clone()>"Unit"</label>
                <select id=unit_id prop:value=move || c.with(|c| c.unit.key()) on:change=move |ev| { let u = ResponseUnit::from_key(&event_target_value(&ev)).unwrap_or_default(); edit(&|c| c.unit = u) }>
                    {ResponseUnit::ALL.iter().map(|u| { let u = *u; view! {
                        <option value=u.key() selected=move || c.with(|c| c.unit == u)>{u.label()}</option>
                    }}).collect_view()}
                </select>
            </div>
            <div class="grow">
                <label for=note_id.clone()>"Note"</label>
                <input id=note_id type="text" maxlength="200" placeholder="0 means when I can" prop:value=move || c.with(|c| c.note.clone())
                    on:change=move |ev| { let v = event_target_value(&ev); edit(&|c| c.note = v.trim().to_owned()) }/>
            </div>
            <button type="button" class="icon" aria-label=move || format!("Remove the channel {}", c.with(|c| c.name.clone()))
                on:click=move |_| ws.delete_week(WeekItem::Channel, &id)>"✕"</button>
        </li>
    }
}

#[component]
fn Escalation() -> impl IntoView {
    let ws = use_workspace();
    let steps = Memo::new(move |_| ws.state.with(|s| s.boundaries.escalation.clone()));
    let who = RwSignal::new(String::new());
    let how = RwSignal::new(String::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if who.get_untracked().trim().is_empty() {
            return;
        }
        let order = steps.with_untracked(|s| s.iter().map(|s| s.order).max().unwrap_or(0) + 1);
        if ws.put_week(WeekValue::Step(EscalationStep {
            id: crate::workspace::new_id(),
            who: who.get_untracked().trim().to_owned(),
            how: how.get_untracked().trim().to_owned(),
            order,
        })) {
            who.set(String::new());
            how.set(String::new());
        }
    };
    view! {
        <div class="card">
            <h2>"In an emergency"</h2>
            <p class="hint">"Who to reach, in order, and how, when something urgent cannot wait for you."</p>
            <ol class="steps">
                <KeyedList ids=Signal::derive(move || steps.with(|v| v.iter().map(|s| row_key(&[&s.id, &s.who, &s.how])).collect()))
                    row=Callback::new(move |key: String| {
                        let Some(s) = steps.with_untracked(|v| v.iter().find(|s| s.id == id_of(&key)).cloned()) else {
                            return ().into_any();
                        };
                        let id = s.id.clone();
                        let label = format!("Remove the step {}", s.who);
                        view! {
                            <li>
                                <span class="grow"><strong>{s.who.clone()}</strong>" "{s.how.clone()}</span>
                                <button type="button" class="icon" aria-label=label on:click=move |_| ws.delete_week(WeekItem::Step, &id)>"✕"</button>
                            </li>
                        }.into_any()
                    })/>
            </ol>
            <form class="field-row" on:submit=add>
                <div class="grow">
                    <label for="step-who">"Who"</label>
                    <input id="step-who" type="text" maxlength="80" placeholder="Sam (team lead)" prop:value=move || who.get() on:input=move |ev| who.set(event_target_value(&ev))/>
                </div>
                <div class="grow">
                    <label for="step-how">"How"</label>
                    <input id="step-how" type="text" maxlength="200" placeholder="Call +44 20 7946 0000" prop:value=move || how.get() on:input=move |ev| how.set(event_target_value(&ev))/>
                </div>
                <button type="submit">"Add step"</button>
            </form>
        </div>
    }
}
