//! One step of an SOP: for its owner, its fields in place (instruction, minutes, who,
//! what to record, a link) with ↑ ↓, a drag handle (pointer events) and Remove; for everyone else, the
//! step as words, marked when it changed since they last looked. Both can open its
//! comments.

use leptos::prelude::*;
use std::fmt::Write as _;

use crate::model::shared::sop::{Capture, Performer, SopPart, Step};
use crate::model::shared::ItemList;
use crate::ui::focus::focus_after_render;
use crate::ui::shared::{shown_news, shown_state};
use crate::ui::widgets::field::{Choice, Field};
use crate::ui::widgets::shared::comment_thread::CommentThread;
use crate::workspace::{use_workspace, SopEdit};

/// The step being dragged, shared by the rows of one list (the list makes it).
#[derive(Clone, Copy)]
pub struct Dragged(pub RwSignal<Option<String>>);

/// Who can do a step, as (key, label) for the chooser.
const WHO: [(&str, &str); 3] = [
    ("owner", "Owner"),
    ("delegate", "Delegate"),
    ("role", "A named role"),
];

fn performer_key(p: &Performer) -> &'static str {
    match p {
        Performer::Owner => "owner",
        Performer::Delegate => "delegate",
        Performer::Role(_) => "role",
    }
}

/// The kinds of input a step can ask for, as (stored key, label) for the chooser.
const CAPTURES: [(&str, &str); 6] = [
    ("", "Nothing"),
    ("text", "Short text"),
    ("number", "A number"),
    ("yesno", "Yes or no"),
    ("date", "A date"),
    ("choice:", "A choice"),
];

fn capture_key(c: &Capture) -> &'static str {
    match c {
        Capture::Nothing => "",
        Capture::Text => "text",
        Capture::Number => "number",
        Capture::YesNo => "yesno",
        Capture::Date => "date",
        Capture::Choice(_) => "choice:",
    }
}

/// One step of the SOP on screen, read where it is shown. (Not a memo: a memo type of
/// its own costs more wasm than finding a step among a few dozen at each edit.)
#[derive(Clone, Copy)]
struct StepAt {
    procedure: Memo<SopPart>,
    id: StoredValue<String>,
}

impl StepAt {
    /// `f` of the step's place, the number of steps and the step (a blank step once it
    /// is gone).
    fn with<R>(self, f: impl FnOnce(usize, usize, &Step) -> R) -> R {
        self.procedure.with(|sop| {
            let id = self.id.get_value();
            match sop.steps.iter().position(|st| st.id == id) {
                Some(n) => f(n, sop.steps.len(), &sop.steps[n]),
                None => f(0, sop.steps.len(), &Step::default()),
            }
        })
    }
}

#[component]
pub fn StepRow(id: String, is_owner: Signal<bool>, dragged: Dragged) -> impl IntoView {
    let state = shown_state();
    let news = shown_news();
    let id = StoredValue::new(id);
    let procedure = super::procedure();
    let step = StepAt { procedure, id };
    let changed = move || news.with(|n| n.steps.contains(&id.get_value()));
    let comments = move || state.with(|s| s.comments_on(Some(&id.get_value())).count());
    let show_comments = RwSignal::new(false);
    let Dragged(dragged) = dragged;
    view! {
        <li class="sop-step" class:changed=changed data-step=id.get_value()
            class:dragging=move || dragged.with(|d| d.as_deref() == Some(id.get_value().as_str()))>
            {move || if is_owner.get() {
                view! { <OwnerStep id=id.get_value() step dragged/> }.into_any()
            } else {
                view! { <ReadStep step/> }.into_any()
            }}
            <div class="step-foot">
                {move || changed().then(|| view! { <span class="tag new">"Changed"</span> })}
                <button type="button" class="quiet small" aria-expanded=move || show_comments.get().to_string()
                    on:click=move |_| show_comments.update(|v| *v = !*v)>
                    {move || match comments() { 0 => "Comment".to_owned(), n => format!("Comments ({n})") }}
                </button>
            </div>
            {move || (show_comments.get()).then(|| view! {
                <CommentThread on=Some(id.get_value()) about="this step"/>
            })}
        </li>
    }
}

/// The step as words, for everyone but the owner.
#[component]
fn ReadStep(step: StepAt) -> impl IntoView {
    view! {
        {move || step.with(|_, _, st| {
            let mut meta = format!("{} min · {}", st.minutes, st.who.label());
            if st.capture != Capture::Nothing {
                let _ = write!(meta, " · records {}", st.capture.label().to_lowercase());
            }
            view! {
                <p class="step-text">{st.text.clone()}</p>
                <p class="task-meta">{meta}
                    {(!st.link.is_empty()).then(|| view! { " · " <a href=st.link.clone() target="_blank" rel="noopener noreferrer">"Open link"</a> })}
                </p>
            }
        })}
    }
}

/// The owner's fields for one step.
#[component]
fn OwnerStep(id: String, step: StepAt, dragged: RwSignal<Option<String>>) -> impl IntoView {
    let ws = use_workspace();
    let state = shown_state();
    let id = StoredValue::new(id);
    let field = move |name: &str| format!("step-{}-{name}", id.get_value());
    let save = move |change: &dyn Fn(&mut Step)| {
        let mut st = untrack(|| step.with(|_, _, s| s.clone()));
        change(&mut st);
        ws.shared_edit(SopEdit::UpdateStep(st));
    };
    // The typed fields read memos of their own value, so an edit elsewhere in the SOP
    // (another step, or a teammate's merged in) never resets what is being typed here.
    let text_of = move |f: fn(&Step) -> String| Memo::new(move |_| step.with(|_, _, s| f(s)));
    let title = text_of(|s| s.text.clone());
    let minutes = text_of(|s| s.minutes.to_string());
    let link = text_of(|s| s.link.clone());
    let who = text_of(|s| performer_key(&s.who).to_owned());
    let capture = text_of(|s| capture_key(&s.capture).to_owned());
    let role_name = text_of(|s| match &s.who {
        Performer::Role(r) => r.clone(),
        _ => String::new(),
    });
    let choices = text_of(|s| match &s.capture {
        Capture::Choice(o) => o.join(" | "),
        _ => String::new(),
    });
    let shift = move |by: i64| {
        let to = untrack(|| step.with(|n, _, _| (n as i64 + by).max(0) as usize));
        let ranks = state.with_untracked(|s| s.sop().moved_to(&id.get_value(), to));
        if !ranks.is_empty() {
            ws.shared_edit(SopEdit::RankSteps(ranks));
            focus_after_render(&format!(
                "step-{}-{}",
                id.get_value(),
                if by < 0 { "up" } else { "down" }
            ));
        }
    };
    // Memos: the fields they show are drawn again only when the answer changes, not at
    // every edit of the step (which would take the focus).
    let flag_of = move |f: fn(&Step) -> bool| Memo::new(move |_| step.with(|_, _, s| f(s)));
    let has_role = flag_of(|s| matches!(s.who, Performer::Role(_)));
    let has_choices = flag_of(|s| matches!(s.capture, Capture::Choice(_)));
    view! {
        <div class="step-line">
            // Pointer events, not HTML drag and drop, so a finger on a phone can drag too.
            <span class="drag-handle" title="Drag to reorder" aria-hidden="true"
                on:pointerdown=move |ev: leptos::ev::PointerEvent| {
                    ev.prevent_default();
                    if let Some(el) = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok()) {
                        let _ = el.set_pointer_capture(ev.pointer_id());
                    }
                    dragged.set(Some(id.get_value()));
                }
                on:pointerup=move |ev: leptos::ev::PointerEvent| {
                    dragged.set(None);
                    let Some(to) = crate::web::data_at_point(ev.client_x(), ev.client_y(), "li.sop-step", "data-step") else { return };
                    let ranks = state.with_untracked(|s| {
                        let sop = s.sop();
                        sop.steps.iter().position(|st| st.id == to).map(|n| sop.moved_to(&id.get_value(), n)).unwrap_or_default()
                    });
                    if !ranks.is_empty() {
                        ws.shared_edit(SopEdit::RankSteps(ranks));
                    }
                }
                on:pointercancel=move |_| dragged.set(None)>"⠿"</span>
            <span class="step-number">{move || format!("{}.", step.with(|n, _, _| n) + 1)}</span>
            <label class="visually-hidden" for=field("text")>{move || format!("Step {}", step.with(|n, _, _| n) + 1)}</label>
            <input id=field("text") class="grow" type="text" maxlength="500" prop:value=title
                on:change=move |ev| { let v = event_target_value(&ev); save(&|s| s.text = v.trim().to_owned()); }/>
            <label class="agenda-minutes">
                <input type="number" min="0" max="1440" inputmode="numeric" prop:value=minutes
                    aria-label=move || format!("Minutes for {}", title.get())
                    on:change=move |ev| { let m = event_target_value(&ev).trim().parse::<u32>().ok(); if let Some(m) = m { save(&|s| s.minutes = m); } }/>
                <span>"min"</span>
            </label>
            <span class="agenda-buttons">
                <button type="button" id=field("up") class="quiet small" disabled=move || step.with(|n, _, _| n == 0)
                    aria-label=move || format!("Move {} up", title.get()) on:click=move |_| shift(-1)>"↑"</button>
                <button type="button" id=field("down") class="quiet small" disabled=move || step.with(|n, len, _| n + 1 >= len)
                    aria-label=move || format!("Move {} down", title.get()) on:click=move |_| shift(1)>"↓"</button>
                <button type="button" class="quiet small" aria-label=move || format!("Remove {}", title.get())
                    on:click=move |_| ws.delete_shared_item(ItemList::Steps, &id.get_value(), "Step")>"Remove"</button>
            </span>
        </div>
        <div class="step-details field-row">
            <Choice id=field("who") label="Who does it" options=&WHO
                value=who
                on_change=Callback::new(move |v: String| save(&|s| s.who = match v.as_str() {
                    "delegate" => Performer::Delegate,
                    "role" => Performer::Role(Some(role_name.get_untracked()).filter(|r| !r.is_empty()).unwrap_or_else(|| "Role".into())),
                    _ => Performer::Owner,
                }))/>
            {move || has_role.get().then(|| view! {
                <Field id=field("role") label="Role" value=role_name
                    on_change=Callback::new(move |v: String| save(&|s| s.who = Performer::parse(&format!("role:{}", v.trim()))))/>
            })}
            <Choice id=field("capture") label="Record" options=&CAPTURES
                value=capture
                on_change=Callback::new(move |v: String| save(&|s| s.capture = if v == "choice:" { Capture::Choice(vec!["Yes".into(), "No".into()]) } else { Capture::parse(&v) }))/>
            {move || has_choices.get().then(|| view! {
                <Field id=field("choices") label="Choices, separated by |" grow=true
                    value=choices
                    on_change=Callback::new(move |v: String| save(&|s| s.capture = Capture::parse(&format!("choice:{v}"))))/>
            })}
            <Field id=field("link") label="Link" kind="url" placeholder="https://" grow=true
                value=link
                on_change=Callback::new(move |v: String| save(&|s| s.link = v.trim().to_owned()))/>
        </div>
    }
}
