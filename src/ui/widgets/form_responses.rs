//! The replies to a form as its owner reads them: a table, one reply opened with every
//! answer, picked slots that clash with another reply or a confirmed call, confirming
//! one (with the invitation as `.ics` for both sides), the CSV export, and turning a
//! reply into a task, a discussion or a client.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::model::ics::{invitation_ics, Invitee};
use crate::model::ids::DocId;
use crate::model::intake::{pick_clashes, responses_rows, IntakeForm, Response};
use crate::model::profile::{parse_time_zone, zone_or_utc};
use crate::model::schedule::{Person, WorkingHours};
use crate::ui::fmt::local_moment;
use crate::workspace::{use_workspace, WeekValue};

/// A reply's answers as plain text: a question and its answer a paragraph.
fn answers_text(form: &IntakeForm, r: &Response) -> String {
    form.form
        .sections
        .iter()
        .flat_map(|s| &s.questions)
        .filter_map(|q| Some(format!("{}\n{}", q.text, r.answer(&q.id)?.words())))
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[component]
pub fn FormResponses(id: DocId, form: Signal<IntakeForm>) -> impl IntoView {
    let ws = use_workspace();
    let zone = move || ws.state.with(|s| s.profile.time_zone.clone());
    // Closures, not memos: each is read where it is drawn, and a memo of a new type
    // costs more code than reading the replies again.
    let responses = move || ws.responses(id);
    let clashes = move || form.with(|f| pick_clashes(f, &responses()));
    let open = RwSignal::new(None::<String>);
    let export = move |_| {
        let tz = zone_or_utc(&zone());
        let when = |ms: i64| {
            DateTime::<Utc>::from_timestamp_millis(ms)
                .map(|t| t.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string())
                .unwrap_or_default()
        };
        let rows = form.with_untracked(|f| responses_rows(f, &responses(), &when));
        let name = form
            .with_untracked(|f| crate::workspace::file_name(&f.title))
            .replace(".unhurried", ".csv");
        crate::web::download_bytes(
            crate::model::csv::write(&rows).as_bytes(),
            &name,
            "text/csv",
        );
    };
    let row = move |(rid, r): (String, Response)| {
        let rid2 = rid.clone();
        let picks = r
            .picks
            .iter()
            .map(|p| local_moment(*p, &zone()))
            .collect::<Vec<_>>()
            .join("; ");
        let status = match r.confirmed {
            Some(c) => format!("Confirmed for {}", local_moment(c, &zone())),
            None if clashes().iter().any(|c| c.response == rid) => "Clash: see below".to_owned(),
            None if r.picks.is_empty() => String::new(),
            None => "To confirm".to_owned(),
        };
        view! {
            <tr>
                <td>{local_moment(r.sent, &zone())}</td>
                <th scope="row">{r.from.clone()}</th>
                <td>{picks}</td>
                <td>{status}</td>
                <td><button type="button" class="quiet" aria-expanded=move || (open.get().as_deref() == Some(rid2.as_str())).to_string()
                    on:click=move |_| open.update(|o| *o = if o.as_deref() == Some(rid.as_str()) { None } else { Some(rid.clone()) })>
                    {format!("Open {}'s reply", r.from)}</button></td>
            </tr>
        }
    };
    let detail = move |rid: String| {
        let r = responses()
            .into_iter()
            .find(|(id, _)| *id == rid)
            .map(|(_, r)| r)?;
        let f = form.get();
        let mine: Vec<_> = clashes()
            .into_iter()
            .filter(|c| c.response == rid)
            .collect();
        let confirm = {
            let rid = rid.clone();
            Callback::new(move |start: Option<i64>| {
                ws.confirm_pick(id, &rid, start);
            })
        };
        let invitation = {
            let (f, r) = (f.clone(), r.clone());
            Callback::new(move |()| {
                let Some(start) = r.confirmed else { return };
                let Some(span) = f.call(start) else { return };
                let owner = ws.state.with_untracked(|s| s.profile.display_name.clone());
                let owner_mail = f
                    .booking
                    .as_ref()
                    .map(|b| b.email.clone())
                    .unwrap_or_default();
                let (Some(organizer), Some(attendee)) = (
                    Invitee::new(&owner, &owner_mail),
                    Invitee::new(&r.from, r.email(&f.form).unwrap_or("")),
                ) else {
                    ws.say("The invitation needs your e-mail (in the call settings above) and theirs (an e-mail question in the form).".into(), None);
                    return;
                };
                let summary = format!("{} and {}", owner, r.from);
                let ics = invitation_ics(
                    &format!("{id}-{start}"),
                    span,
                    &summary,
                    &f.title,
                    &organizer,
                    &attendee,
                    Utc::now(),
                );
                crate::web::download_bytes(ics.as_bytes(), "invitation.ics", "text/calendar");
            })
        };
        let to_task = {
            let (f, r) = (f.clone(), r.clone());
            Callback::new(move |()| {
                if ws.add_task(&format!("{}: {}", r.from, f.title)).is_some() {
                    ws.say(format!("Added the task “{}: {}”.", r.from, f.title), None);
                }
            })
        };
        let navigate = leptos_router::hooks::use_navigate();
        let to_discussion = {
            let (f, r) = (f.clone(), r.clone());
            Callback::new(move |()| {
                if let Some(doc) =
                    ws.discuss_reply(&format!("{}: {}", r.from, f.title), answers_text(&f, &r))
                {
                    navigate(&format!("/shared/{doc}"), Default::default());
                }
            })
        };
        let to_client = {
            let r = r.clone();
            Callback::new(move |()| {
                let time_zone =
                    parse_time_zone(&r.zone).map_or_else(zone, |tz| tz.name().to_owned());
                if ws.put_week(WeekValue::Person(Person {
                    id: crate::workspace::new_id(),
                    name: r.from.clone(),
                    time_zone,
                    hours: WorkingHours::default(),
                    client: true,
                })) {
                    ws.say(
                        format!("{} is now a client on your Team page.", r.from),
                        None,
                    );
                }
            })
        };
        let remove = {
            let rid = rid.clone();
            Callback::new(move |()| {
                ws.remove_response(id, &rid);
                open.set(None);
            })
        };
        // The reply's actions as data: one button drawn four times.
        let mut actions = vec![
            ("Make it a task", to_task),
            ("Start a discussion with it", to_discussion),
            ("Add them as a client", to_client),
            ("Delete this reply", remove),
        ];
        if r.confirmed.is_some() {
            actions.insert(0, ("Download the invitation (.ics)", invitation));
        }
        let answers: Vec<(String, String)> = f
            .form
            .sections
            .iter()
            .flat_map(|s| &s.questions)
            .map(|q| {
                (
                    q.text.clone(),
                    r.answer(&q.id)
                        .map(|a| a.words())
                        .unwrap_or_else(|| "(no answer)".into()),
                )
            })
            .collect();
        let from = r.from.clone();
        Some(view! {
            <section class="card reply" aria-label=format!("{from}'s reply")>
                <h3>{format!("{from}'s reply")}</h3>
                <dl class="answers">{answers.into_iter().map(|(q, a)| view! { <dt>{q}</dt><dd>{a}</dd> }).collect_view()}</dl>
                {(!r.picks.is_empty()).then(|| view! {
                    <h4>"Times picked"</h4>
                    <ul class="picks">{r.picks.iter().map(|&p| {
                        let clash = mine.iter().filter(|c| c.start == p).map(|c| format!("Clashes with {}.", c.with)).collect::<Vec<_>>().join(" ");
                        // A time already confirmed with someone else cannot be confirmed again.
                        let taken = mine.iter().any(|c| c.start == p && c.taken);
                        let (said, button) = match r.confirmed {
                            Some(c) if c == p => ("Confirmed.", Some(("Take back", None))),
                            None if !taken => ("", Some(("Confirm this time", Some(p)))),
                            _ => ("", None),
                        };
                        view! {
                            <li>
                                {local_moment(p, &zone())}" "
                                {(!clash.is_empty()).then(|| view! { <strong class="clash">{clash}</strong> })}
                                {said}" "
                                {button.map(|(label, to)| view! {
                                    <button type="button" id=format!("pick-{p}") on:click=move |_| {
                                        confirm.run(to);
                                        // The reply is drawn anew: the focus goes back to this time's button.
                                        crate::ui::focus::focus_after_render(&format!("pick-{p}"));
                                    }>{label}</button>
                                })}
                            </li>
                        }
                    }).collect_view()}</ul>
                    {r.confirmed.is_some().then(|| view! {
                        <p class="hint">"Send the invitation to them and open it yourself: both calendars then show the call at the right time. Publish the form again so the time is no longer offered."</p>
                    })}
                })}
                <div class="actions">
                    {actions.into_iter().map(|(label, act)| view! {
                        <button type="button" class="secondary" on:click=move |_| act.run(())>{label}</button>
                    }).collect_view()}
                </div>
            </section>
        })
    };
    view! {
        <div class="card responses">
            <h2>{move || format!("Replies ({})", responses().len())}</h2>
            {move || if responses().is_empty() {
                view! { <p class="empty">"None yet. A reply arrives when you open the reply link someone sent you."</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table class="responses-table">
                            <thead><tr><th scope="col">"Sent"</th><th scope="col">"From"</th><th scope="col">"Times picked"</th><th scope="col">"Call"</th><th scope="col"><span class="visually-hidden">"Open"</span></th></tr></thead>
                            <tbody>{responses().into_iter().map(row).collect_view()}</tbody>
                        </table>
                    </div>
                    <button type="button" class="secondary" on:click=export>"Export all as CSV"</button>
                }.into_any()
            }}
            {move || open.get().and_then(detail)}
        </div>
    }
}
