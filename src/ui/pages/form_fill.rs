//! An intake form as a respondent fills it: offline, no account, every answer kept in
//! their browser as they type; sections skipped by an earlier answer hidden; slots in
//! the owner's office hours shown on the reader's clock with the owner's beside them;
//! and 'Send', which checks the answers and makes the reply link (with an e-mail, and a
//! file when too long).

use chrono::Utc;
use leptos::prelude::*;

use crate::model::form::{check, Answer, Ask, Question};
use crate::model::ids::DocId;
use crate::model::intake::{PublishedForm, ReplyBody, MAX_PICKS};
use crate::model::kind::DocKind;
use crate::model::profile::parse_time_zone;
use crate::ui::fmt::local_moment;
use crate::ui::widgets::field::{Check, Field};
use crate::ui::widgets::keyed_list::KeyedList;
use crate::ui::widgets::made_link::{Made, MadeLink};
use crate::workspace::use_workspace;

/// The answers typed so far and the slots picked.
type Filled = (Vec<(String, Answer)>, Vec<i64>);

#[component]
pub fn FormFill(id: DocId) -> impl IntoView {
    let ws = use_workspace();
    let version = Memo::new(move |_| ws.held_version(id));
    // Read again only when a newer publication arrives (the version changes).
    let read = move || {
        version.track();
        ws.published::<PublishedForm>(id, DocKind::Form, "form")
    };
    view! {
        <section class="page form-fill">
            {move || match read() {
                Err(e) => view! { <p class="banner warn" role="alert">{e}</p> }.into_any(),
                Ok((meta, published)) => {
                    crate::web::set_title(if published.form.title.is_empty() { "Form" } else { &published.form.title });
                    view! { <Filling id author=meta.author_name owner_zone=meta.time_zone published/> }.into_any()
                }
            }}
        </section>
    }
}

#[component]
fn Filling(
    id: DocId,
    author: String,
    owner_zone: String,
    published: PublishedForm,
) -> impl IntoView {
    let ws = use_workspace();
    let published = StoredValue::new(published);
    let fill = Memo::new(move |_| ws.fill(id));
    let tried = RwSignal::new(false);
    let made = RwSignal::new(None::<Made>);
    let my_zone = move || ws.state.with(|s| s.profile.time_zone.clone());
    let owner_tz = parse_time_zone(&owner_zone);
    let slots = owner_tz
        .map(|tz| published.with_value(|p| p.slots(tz, Utc::now())))
        .unwrap_or_default();
    let has_booking = published.with_value(|p| p.form.booking.is_some());
    let problems = move || {
        fill.with(|(answers, _)| {
            published.with_value(|p| {
                let get = |q: &str| answers.iter().find(|(k, _)| k == q).map(|(_, a)| a);
                p.form
                    .form
                    .problems(&get)
                    .into_iter()
                    .map(|(q, e)| (q.to_owned(), e))
                    .collect::<Vec<_>>()
            })
        })
    };
    // The ids of the sections shown: the list is drawn again only when an answer changes
    // which sections show, so typing never rebuilds the field being typed in.
    let shown = Memo::new(move |_| {
        fill.with(|(answers, _)| {
            published.with_value(|p| {
                let get = |q: &str| answers.iter().find(|(k, _)| k == q).map(|(_, a)| a);
                let mut ids: Vec<String> = Vec::new();
                // Once each: a form from a link could repeat an id, and a keyed list needs
                // every key once.
                for s in p.form.form.shown(&get) {
                    if !ids.contains(&s.id) {
                        ids.push(s.id.clone());
                    }
                }
                ids
            })
        })
    });
    let section = Callback::new(move |sid: String| {
        let Some(s) =
            published.with_value(|p| p.form.form.sections.iter().find(|s| s.id == sid).cloned())
        else {
            return ().into_any();
        };
        view! {
            <fieldset class="card">
                <legend>{s.title.clone()}</legend>
                {s.questions.into_iter().map(|q| question_input(id, q, fill, tried)).collect_view()}
            </fieldset>
        }
        .into_any()
    });
    let author2 = author.clone();
    let send = move |_| {
        tried.set(true);
        if let Some((q, _)) = problems().first() {
            crate::ui::focus::focus_now(&format!("a-{q}"));
            return;
        }
        if !ws.state.with_untracked(|s| s.profile.is_set_up()) {
            crate::web::remember_writer();
            ws.name_wanted.set(true);
            return;
        }
        let (answers, picks) = fill.get_untracked();
        // Only the sections shown: an answer left in a skipped section stays here.
        let kept: Vec<String> = published.with_value(|p| {
            shown.with_untracked(|ids| {
                p.form
                    .form
                    .sections
                    .iter()
                    .filter(|s| ids.contains(&s.id))
                    .flat_map(|s| s.questions.iter().map(|q| q.id.clone()))
                    .collect()
            })
        });
        let answers = answers
            .into_iter()
            .filter(|(q, _)| kept.contains(q))
            .collect();
        let (link, bytes) = ws.reply_link(id, &ReplyBody::Answers { answers, picks });
        let to: Vec<String> = published
            .with_value(|p| p.form.booking.as_ref().map(|b| b.email.clone()))
            .filter(|e| crate::model::shared::envelope::plausible_email(e))
            .into_iter()
            .collect();
        let title = published.with_value(|p| p.form.title.clone());
        let mailto = crate::model::shared::meeting::mailto(
            &to,
            &format!("My answers: {title}"),
            &format!("Hello {author2},\n\nMy answers to “{title}” are in this link; open it in Unhurried to read them in:\n\n{link}\n"),
        );
        made.set(Some(Made {
            link,
            mailto: Some(mailto),
            file: Some((bytes, "answers.unhurried".into())),
        }));
    };
    let (title, intro) = published.with_value(|p| (p.form.title.clone(), p.form.intro.clone()));
    view! {
        <header class="page-head">
            <h1>{if title.is_empty() { "Form".to_owned() } else { title }}</h1>
            <p class="hint">{format!("From {author}. Your answers are kept in this browser as you type, even offline; nothing is sent until you send the reply link yourself.")}</p>
            {(!intro.is_empty()).then(|| view! { <p class="lede">{intro}</p> })}
        </header>
        <KeyedList ids=shown row=section/>
        {has_booking.then(|| {
            let owner_zone = owner_zone.clone();
            view! {
                <fieldset class="card slots">
                    <legend>"A call, if you need one"</legend>
                    <p class="hint">{format!("Pick one or two times that suit you. Times are on your clock, with {author}'s beside them. The time is confirmed when you receive the invitation.")}</p>
                    {if slots.is_empty() {
                        view! { <p class="empty">"No time is free in the weeks offered. Send your answers, and they will suggest one."</p> }.into_any()
                    } else {
                        view! { <ul class="slot-list">{slots.iter().map(|s| {
                            let start = s.start.timestamp_millis();
                            let theirs = local_moment(start, &owner_zone);
                            let field = format!("slot-{start}");
                            let label = format!("{} ({theirs} for {author})", local_moment(start, &my_zone()));
                            view! {
                                <li>
                                    <Check id=field label
                                        checked=Signal::derive(move || fill.with(|(_, p)| p.contains(&start)))
                                        disabled=Signal::derive(move || fill.with(|(_, p)| !p.contains(&start) && p.len() >= MAX_PICKS))
                                        on_change=Callback::new(move |on: bool| {
                                            let mut picks = fill.with_untracked(|(_, p)| p.clone());
                                            picks.retain(|p| *p != start);
                                            if on { picks.push(start); }
                                            ws.put_picks(id, picks);
                                        })/>
                                </li>
                            }
                        }).collect_view()}</ul> }.into_any()
                    }}
                </fieldset>
            }
        })}
        <div class="card">
            {move || (tried.get() && !problems().is_empty()).then(|| view! {
                <p class="banner warn" role="alert">{format!("{} answers need a look before this can be sent.", problems().len())}</p>
            })}
            <button type="button" id="send-answers" on:click=send>"Send my answers"</button>
            {move || made.get().map(|m| view! {
                <p class="hint">"Send this link to them; when they open it, your answers arrive on their copy of the form. Anyone who holds the link can read your answers, so send it only to them."</p>
                <MadeLink id="answers-link" label="Reply link with your answers" made=m/>
            })}
        </div>
    }
}

fn question_input(
    form: DocId,
    q: Question,
    fill: Memo<Filled>,
    tried: RwSignal<bool>,
) -> impl IntoView {
    let ws = use_workspace();
    let qid = StoredValue::new(q.id.clone());
    let field = format!("a-{}", q.id);
    let error_id = format!("e-{}", q.id);
    let current = move || {
        fill.with(|(a, _)| {
            qid.with_value(|id| a.iter().find(|(k, _)| k == id).map(|(_, v)| v.clone()))
        })
    };
    let text = move || match current() {
        Some(Answer::Text(t)) => t,
        _ => String::new(),
    };
    let chosen =
        move |c: &str| matches!(current(), Some(Answer::Choices(v)) if v.iter().any(|x| x == c));
    let put = move |a: Option<Answer>| qid.with_value(|id| ws.put_fill(form, id, a));
    let put_text = Callback::new(move |v: String| put((!v.is_empty()).then_some(Answer::Text(v))));
    let q2 = q.clone();
    let problem = move || {
        tried
            .get()
            .then(|| check(&q2, current().as_ref()))
            .flatten()
            .map(|p| p.to_string())
    };
    let label = format!("{}{}", q.text, if q.required { " (needed)" } else { "" });
    let choice = matches!(q.ask, Ask::OneChoice(_) | Ask::SeveralChoices(_));
    if !choice {
        let (kind, mode, rows) = match q.ask {
            Ask::LongText => ("text", "", 4),
            Ask::Number => ("text", "decimal", 0),
            Ask::Date => ("date", "", 0),
            Ask::Email => ("email", "email", 0),
            Ask::Link => ("url", "url", 0),
            _ => ("text", "", 0),
        };
        return view! {
            <div class="field">
                <Field id=field label=label kind mode rows live=true maxlength=10000 described_by=error_id.clone()
                    value=Signal::derive(text) on_change=put_text/>
                <p class="field-error" id=error_id role="alert">{problem}</p>
            </div>
        }
        .into_any();
    }
    let one = matches!(q.ask, Ask::OneChoice(_));
    let options = match &q.ask {
        Ask::OneChoice(o) | Ask::SeveralChoices(o) => o.clone(),
        _ => Vec::new(),
    };
    view! {
        <div class="field">
            <p class="label" id=format!("l-{}", q.id)>{label}</p>
            <div role=if one { "radiogroup" } else { "group" } id=field.clone() aria-labelledby=format!("l-{}", q.id) aria-describedby=error_id.clone() tabindex="-1">
                {options.into_iter().enumerate().map(|(n, c)| {
                    let (c1, c2) = (c.clone(), c.clone());
                    let oid = format!("{}-{n}", field);
                    view! {
                        <span class="check">
                            <input id=oid.clone() type=if one { "radio" } else { "checkbox" } name=field.clone()
                                prop:checked=move || chosen(&c1)
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let mut list = match current() { Some(Answer::Choices(v)) if !one => v, _ => Vec::new() };
                                    list.retain(|x| *x != c2);
                                    if on { list.push(c2.clone()); }
                                    put((!list.is_empty()).then_some(Answer::Choices(list)));
                                }/>
                            <label for=oid>{c}</label>
                        </span>
                    }
                }).collect_view()}
            </div>
            <p class="field-error" id=error_id role="alert">{problem}</p>
        </div>
    }
    .into_any()
}
