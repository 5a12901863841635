//! An intake form as its owner writes it: the title and introduction, sections of
//! questions of eight types, the answer that skips a section, slots in office hours at
//! the end; publishing it as a signed link; and the replies that came back.

use leptos::prelude::*;

use crate::model::booking::SlotRules;
use crate::model::form::{Ask, Question, Section, Skip};
use crate::model::ids::DocId;
use crate::model::intake::{Booking, IntakeForm};
use crate::model::schedule::BlockKind;
use crate::ui::widgets::field::{Check, Choice, Field};
use crate::ui::widgets::form_responses::FormResponses;
use crate::ui::widgets::keyed_list::KeyedList;
use crate::ui::widgets::publish_card::PublishCard;
use crate::workspace::use_workspace;

/// The question types as the chooser offers them: (value, label).
const ASKS: [(&str, &str); 8] = [
    ("short", "Short text"),
    ("long", "Long text"),
    ("one", "One choice"),
    ("several", "Several choices"),
    ("number", "Number"),
    ("date", "Date"),
    ("email", "E-mail"),
    ("link", "Web link"),
];

fn ask_key(a: &Ask) -> &'static str {
    match a {
        Ask::ShortText => "short",
        Ask::LongText => "long",
        Ask::OneChoice(_) => "one",
        Ask::SeveralChoices(_) => "several",
        Ask::Number => "number",
        Ask::Date => "date",
        Ask::Email => "email",
        Ask::Link => "link",
    }
}

fn options_of(a: &Ask) -> Option<&Vec<String>> {
    match a {
        Ask::OneChoice(o) | Ask::SeveralChoices(o) => Some(o),
        _ => None,
    }
}

fn ask_of(key: &str, options: Vec<String>) -> Ask {
    match key {
        "long" => Ask::LongText,
        "one" => Ask::OneChoice(options),
        "several" => Ask::SeveralChoices(options),
        "number" => Ask::Number,
        "date" => Ask::Date,
        "email" => Ask::Email,
        "link" => Ask::Link,
        _ => Ask::ShortText,
    }
}

fn new_id() -> String {
    crate::workspace::new_id()[..8].to_owned()
}

/// A slot rule as a number field: (id, label, read, write).
type RuleField = (
    &'static str,
    &'static str,
    fn(&SlotRules) -> u32,
    fn(&mut SlotRules, u32),
    (u32, u32),
);

/// Separates a question's id from a choice in a skip chooser's value.
const SEP: char = '\u{1f}';

#[component]
pub fn FormEditor(id: DocId) -> impl IntoView {
    let ws = use_workspace();
    let Some(start) = ws.form(id) else {
        return view! { <p class="empty">"This form is not in your data."</p> }.into_any();
    };
    crate::web::set_title(if start.title.is_empty() {
        "Form"
    } else {
        &start.title
    });
    let draft = RwSignal::new(start);
    let save = move |f: &dyn Fn(&mut IntakeForm)| {
        draft.update(|d| f(d));
        draft.with_untracked(|d| ws.put_form(id, d));
    };
    let section_ids = Signal::derive(move || {
        draft.with(|d| d.form.sections.iter().map(|s| s.id.clone()).collect())
    });
    let section_row = Callback::new(move |sid: String| section_editor(sid, draft, save).into_any());
    let booking = move || draft.with(|d| d.booking.clone());
    let rule = move |f: &dyn Fn(&mut SlotRules)| {
        save(&|d| {
            if let Some(b) = d.booking.as_mut() {
                f(&mut b.rules)
            }
        })
    };
    let office_hours = move || {
        ws.state.with(|s| {
            s.schedule
                .blocks
                .iter()
                .filter(|b| b.kind == BlockKind::Manager)
                .count()
        })
    };
    // (id, label, value, write) for the slot rules, in minutes (notice in hours).
    // (id, label, read, write, the range the editor keeps it in); `SlotRules::clamped`
    // holds readers to the same ranges.
    let numbers: [RuleField; 5] = [
        (
            "b-minutes",
            "Call length (minutes)",
            |r| r.minutes,
            |r, v| r.minutes = v,
            (5, 240),
        ),
        (
            "b-before",
            "Free before (minutes)",
            |r| r.before,
            |r, v| r.before = v,
            (0, 120),
        ),
        (
            "b-after",
            "Free after (minutes)",
            |r| r.after,
            |r, v| r.after = v,
            (0, 120),
        ),
        (
            "b-notice",
            "Notice (hours)",
            |r| r.notice_minutes / 60,
            |r, v| r.notice_minutes = v * 60,
            (0, 24 * 30),
        ),
        (
            "b-weeks",
            "Weeks ahead",
            |r| u32::from(r.weeks),
            |r, v| r.weeks = v as u8,
            (1, 8),
        ),
    ];
    view! {
        <section class="page form-editor">
            <header class="page-head">
                <h1>{move || draft.with(|d| if d.title.is_empty() { "New form".to_owned() } else { d.title.clone() })}</h1>
                <p class="lede">"Questions instead of a discovery call. Whoever you send it to answers in their own time, with no account, and sends the answers back to you by a reply link."</p>
            </header>
            <div class="card">
                <Field id="f-title" label="Title" maxlength=200 value=Signal::derive(move || draft.with(|d| d.title.clone()))
                    on_change=Callback::new(move |v: String| save(&|d| d.title = v.trim().to_owned()))/>
                <Field id="f-intro" label="Introduction: who it is for and what happens next" rows=3 maxlength=5000
                    value=Signal::derive(move || draft.with(|d| d.intro.clone()))
                    on_change=Callback::new(move |v: String| save(&|d| d.intro = v.trim().to_owned()))/>
            </div>
            <KeyedList ids=section_ids row=section_row/>
            <button type="button" class="secondary" on:click=move |_| save(&|d| d.form.sections.push(Section { id: new_id(), title: String::new(), questions: Vec::new() }))>"Add a section"</button>
            <div class="card">
                <h2>"A call, when one is needed"</h2>
                <Check id="b-on" label="Offer a slot in my office hours at the end of the form" checked=Signal::derive(move || booking().is_some())
                    on_change=Callback::new(move |on: bool| save(&|d| d.booking = on.then(|| d.booking.clone().unwrap_or(Booking { rules: SlotRules::default(), email: String::new() }))))/>
                <Show when=move || booking().is_some()>
                    <p class="hint">{move || match office_hours() {
                        0 => "You have no office hours in your week yet: add some on the Week page, or no slot can be offered.".to_owned(),
                        n => format!("Slots come from your {n} office-hours blocks, on your clock; readers see them on theirs."),
                    }}</p>
                    <div class="field-row">
                        {numbers.into_iter().map(|(fid, label, get, set, (low, high))| view! {
                            <Field id=fid label=label kind="number" value=Signal::derive(move || booking().map(|b| get(&b.rules).to_string()).unwrap_or_default())
                                on_change=Callback::new(move |v: String| match v.trim().parse::<u32>() {
                                    Ok(n) => {
                                        let kept = n.clamp(low, high);
                                        if kept != n {
                                            ws.say(format!("{label}: kept between {low} and {high}."), None);
                                        }
                                        rule(&|r| set(r, kept))
                                    }
                                    Err(_) => ws.say(format!("{label}: type a whole number; it stays as it was."), None),
                                })/>
                        }).collect_view()}
                    </div>
                    <Field id="b-email" label="Your e-mail, for the invitation" kind="email" maxlength=200
                        value=Signal::derive(move || booking().map(|b| b.email).unwrap_or_default())
                        on_change=Callback::new(move |v: String| save(&|d| if let Some(b) = d.booking.as_mut() { b.email = v.trim().to_owned() }))/>
                </Show>
            </div>
            <PublishCard hint="The link carries the form, signed by your app, so nobody can change the questions. Publish again after changes (and after confirming a call, so its time is no longer offered)."
                done="Published. Send the link to whoever should fill it in." link_id="form-link" link_label="Link to the form"
                publish=Callback::new(move |()| ws.publish_form(id))/>
            <FormResponses id form=draft.into()/>
        </section>
    }
    .into_any()
}

fn section_editor(
    sid: String,
    draft: RwSignal<IntakeForm>,
    save: impl Fn(&dyn Fn(&mut IntakeForm)) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let sid = StoredValue::new(sid);
    let get = move || {
        draft.with(|d| {
            sid.with_value(|id| d.form.sections.iter().find(|s| s.id == *id).cloned())
                .unwrap_or(Section {
                    id: String::new(),
                    title: String::new(),
                    questions: Vec::new(),
                })
        })
    };
    let edit = move |f: &dyn Fn(&mut Section)| {
        save(&|d: &mut IntakeForm| {
            if let Some(n) = sid.with_value(|id| d.form.sections.iter().position(|s| s.id == *id)) {
                f(&mut d.form.sections[n])
            }
        })
    };
    let field = move |name: &str| sid.with_value(|id| format!("s-{name}-{id}"));
    let question_ids =
        Signal::derive(move || get().questions.iter().map(|q| q.id.clone()).collect());
    let question_row =
        Callback::new(move |qid: String| question_editor(sid, qid, draft, edit).into_any());
    // One-choice questions of earlier sections, whose answers can skip this one.
    // A memo: the chooser is drawn again only when the choices change, not when one is
    // chosen (which would drop the keyboard's focus).
    let skip_choices = Memo::new(move |_| {
        draft.with(|d| {
            let me = sid.get_value();
            d.form
                .sections
                .iter()
                .take_while(|s| s.id != me)
                .flat_map(|s| &s.questions)
                .filter_map(|q| match &q.ask {
                    Ask::OneChoice(o) => Some(
                        o.iter()
                            .map(|c| (format!("{}{SEP}{c}", q.id), format!("“{}” is {c}", q.text)))
                            .collect::<Vec<_>>(),
                    ),
                    _ => None,
                })
                .flatten()
                .collect::<Vec<_>>()
        })
    });
    let skip_now = move || {
        draft.with(|d| {
            let me = sid.get_value();
            d.form
                .skips
                .iter()
                .find(|s| s.skips.contains(&me))
                .map(|s| format!("{}{SEP}{}", s.question, s.choice))
                .unwrap_or_default()
        })
    };
    let set_skip = move |value: String| {
        let me = sid.get_value();
        save(&|d| {
            d.form.skips.retain(|s| !s.skips.contains(&me));
            if let Some((q, c)) = value.split_once(SEP) {
                d.form.skips.push(Skip {
                    question: q.to_owned(),
                    choice: c.to_owned(),
                    skips: vec![me.clone()],
                });
            }
        })
    };
    view! {
        <fieldset class="card section-editor">
            <legend>{move || { let t = get().title; if t.is_empty() { "Section".to_owned() } else { t } }}</legend>
            <Field id=field("title") label="Section title" maxlength=200 value=Signal::derive(move || get().title)
                on_change=Callback::new(move |v: String| edit(&|s| s.title = v.trim().to_owned()))/>
            {move || { let choices = skip_choices.get(); (!choices.is_empty()).then(|| view! {
                <label for=field("skip")>"Skip this section when"</label>
                <select id=field("skip") on:change=move |ev| set_skip(event_target_value(&ev))>
                    <option value="" selected=move || skip_now().is_empty()>"Never: always show it"</option>
                    {choices.into_iter().map(|(v, label)| { let v2 = v.clone(); view! {
                        <option value=v selected=move || skip_now() == v2>{label}</option>
                    }}).collect_view()}
                </select>
            })}}
            <ol class="questions-editor"><KeyedList ids=question_ids row=question_row/></ol>
            <div class="actions">
                <button type="button" class="secondary" on:click=move |_| edit(&|s| s.questions.push(Question { id: new_id(), text: String::new(), ask: Ask::ShortText, required: false }))>"Add a question"</button>
                <button type="button" class="quiet" on:click=move |_| {
                    let me = sid.get_value();
                    save(&|d| { d.form.sections.retain(|s| s.id != me); d.form.skips.retain(|s| !s.skips.contains(&me)); })
                }>"Remove this section"</button>
            </div>
        </fieldset>
    }
}

fn question_editor(
    sid: StoredValue<String>,
    qid: String,
    draft: RwSignal<IntakeForm>,
    edit: impl Fn(&dyn Fn(&mut Section)) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let field = {
        let qid = qid.clone();
        move |name: &str| format!("q-{name}-{qid}")
    };
    let opt_id = field("options");
    let qid = StoredValue::new(qid);
    let get = move || {
        draft.with(|d| {
            let (s, q) = (sid.get_value(), qid.get_value());
            d.form
                .sections
                .iter()
                .find(|x| x.id == s)
                .and_then(|x| x.questions.iter().find(|x| x.id == q).cloned())
                .unwrap_or(Question {
                    id: String::new(),
                    text: String::new(),
                    ask: Ask::ShortText,
                    required: false,
                })
        })
    };
    let change = move |f: &dyn Fn(&mut Question)| {
        edit(&|s: &mut Section| {
            if let Some(n) = qid.with_value(|id| s.questions.iter().position(|q| q.id == *id)) {
                f(&mut s.questions[n])
            }
        })
    };
    view! {
        <li class="question-editor">
            <div class="field-row">
                <Field id=field("text") label="Question" grow=true value=Signal::derive(move || get().text)
                    on_change=Callback::new(move |v: String| change(&|q| q.text = v.trim().to_owned()))/>
                <Choice id=field("ask") label="Kind of answer" options=&ASKS value=Signal::derive(move || ask_key(&get().ask).to_owned())
                    on_change=Callback::new(move |key: String| change(&|q| q.ask = ask_of(&key, options_of(&q.ask).cloned().unwrap_or_default())))/>
            </div>
            <Show when=move || options_of(&get().ask).is_some()>
                <Field id=opt_id.clone() label="Options, one a line" rows=3 maxlength=5000
                    value=Signal::derive(move || options_of(&get().ask).map(|o| o.join("\n")).unwrap_or_default())
                    on_change=Callback::new(move |v: String| {
                        let options: Vec<String> = v.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect();
                        change(&|q| q.ask = ask_of(ask_key(&q.ask), options.clone()))
                    })/>
            </Show>
            <div class="actions">
                <Check id=field("required") label="Needs an answer" checked=Signal::derive(move || get().required)
                    on_change=Callback::new(move |on: bool| change(&|q| q.required = on))/>
                <button type="button" class="quiet" aria-label=move || { let t = get().text; if t.is_empty() { "Remove this question".to_owned() } else { format!("Remove the question “{t}”") } }
                    on:click=move |_| edit(&|s| qid.with_value(|id| s.questions.retain(|q| q.id != *id)))>"Remove"</button>
            </div>
        </li>
    }
}
