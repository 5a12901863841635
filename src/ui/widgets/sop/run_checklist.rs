//! Running an SOP: 'Start a run' (and, for an automated SOP, recording a run the
//! automation did), then the run as a checklist: tick steps, fill in what they ask for,
//! time a step, tick the quality checks, add a note, pause, resume and finish. The run
//! shows the steps as they were when it started.

use leptos::prelude::*;

use crate::model::shared::sop::{Capture, Run};
use crate::ui::fmt;
use crate::ui::shared::shown_state;
use crate::ui::widgets::keyed_list::KeyedList;
use crate::workspace::{use_workspace, SopEdit};

#[component]
pub fn RunChecklist(open_run: Memo<Option<String>>) -> impl IntoView {
    view! {
        <section class="card sop-run" aria-labelledby="run-head">
            {move || match open_run.get() {
                None => view! { <StartRun/> }.into_any(),
                Some(id) => view! { <OpenRun id/> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn StartRun() -> impl IntoView {
    let ws = use_workspace();
    let state = shown_state();
    let now = expect_context::<crate::ui::app::Now>().0;
    let zone = move || ws.state.with(|s| s.profile.time_zone.clone());
    let minute = super::minute();
    let waiting = Memo::new(move |_| {
        // Read, not only tracked: a memo nobody has read yet never subscribes to its own sources.
        minute.with(|_| ());
        state.with(|s| s.sop().waiting(now.get_untracked()))
    });
    let automated = Memo::new(move |_| state.with(|s| s.sop().automation.is_some()));
    let start = move |by_itself: bool| {
        if ws.shared_edit(SopEdit::StartRun { by_itself }).is_some() {
            if by_itself {
                ws.say("A run by the automation is recorded.".into(), None);
            } else {
                crate::ui::focus::focus_after_render("run-head");
            }
        }
    };
    view! {
        <h2 id="run-head" tabindex="-1">"Run it"</h2>
        <p data-testid="run-waiting">{move || match waiting.get() {
            Some(due) => format!("A run was due {}: start it now and it counts for that time.", fmt::local_moment(due, &zone())),
            None => "Start a run whenever it needs doing: it opens as a checklist.".to_owned(),
        }}</p>
        <div class="actions">
            <button type="button" on:click=move |_| start(false)>"Start a run"</button>
            {move || (automated.get()).then(|| view! {
                <button type="button" class="secondary" on:click=move |_| start(true)>"Record a run the automation did"</button>
            })}
        </div>
    }
}

#[component]
fn OpenRun(id: String) -> impl IntoView {
    let ws = use_workspace();
    let state = shown_state();
    let zone = move || ws.state.with(|s| s.profile.time_zone.clone());
    let run_id = StoredValue::new(id);
    let run = Memo::new(move |_| {
        state.with(|s| {
            s.sop()
                .run(&run_id.get_value())
                .cloned()
                .unwrap_or_default()
        })
    });
    let paused = Memo::new(move |_| run.with(Run::is_paused));
    let progress = move || {
        run.with(|r| {
            let done = r.steps_in_order().filter(|(_, s)| s.done).count();
            format!("{done} of {} steps done", r.steps.len())
        })
    };
    let step_ids =
        Signal::derive(move || run.with(|r| r.steps.iter().map(|s| s.id.clone()).collect()));
    let note = RwSignal::new(run.with_untracked(|r| r.note.clone()));
    let edit = move |e: SopEdit| {
        ws.shared_edit(e);
    };
    view! {
        <h2 id="run-head" tabindex="-1">"Run in progress"</h2>
        <p class="hint">
            {move || format!("Started {} · {}", fmt::local_moment(run.with(|r| r.started), &zone()), progress())}
            {move || paused.get().then(|| view! { " " <span class="tag">"Paused"</span> })}
        </p>
        <ol class="run-steps">
            <KeyedList ids=step_ids row={Callback::new(move |step: String| view! { <RunStepRow run step/> }.into_any())}/>
        </ol>
        {move || run.with(|r| (!r.checks.is_empty()).then(|| {
            let checks: Vec<(String, String, bool)> = r.checks.iter()
                .map(|c| (c.id.clone(), c.text.clone(), c.ok))
                .collect();
            view! {
                <fieldset class="plain run-checks">
                    <legend>"Quality checks"</legend>
                    {checks.into_iter().map(|(check, text, ok)| {
                        let input = format!("run-check-{check}");
                        view! {
                            <span class="check">
                                <input type="checkbox" id=input.clone() prop:checked=ok on:change=move |ev| {
                                    edit(SopEdit::TickCheck { run: run_id.get_value(), check: check.clone(), ok: event_target_checked(&ev) });
                                }/>
                                <label for=input>{text}</label>
                            </span>
                        }
                    }).collect_view()}
                </fieldset>
            }
        }))}
        <label for="run-note">"Note"</label>
        <textarea id="run-note" rows="2" maxlength="20000" prop:value=move || note.get()
            on:input=move |ev| note.set(event_target_value(&ev))
            on:change=move |_| edit(SopEdit::SetRunNote { run: run_id.get_value(), note: note.get_untracked() })></textarea>
        <div class="actions">
            <button type="button" on:click=move |_| {
                edit(SopEdit::SetRunNote { run: run_id.get_value(), note: note.get_untracked() });
                if ws.shared_edit(SopEdit::FinishRun(run_id.get_value())).is_some() {
                    let minutes = state.with_untracked(|s| s.sop().run(&run_id.get_value()).and_then(Run::minutes)).unwrap_or(0);
                    ws.say(format!("Run finished in {minutes} min."), None);
                }
            }>"Finish the run"</button>
            <button type="button" class="secondary" on:click=move |_| {
                let pause = !paused.get_untracked();
                edit(SopEdit::PauseRun { run: run_id.get_value(), pause });
            }>{move || if paused.get() { "Resume" } else { "Pause" }}</button>
        </div>
    }
}

/// One step of the run: its tick, what it asks to record, and its timer.
#[component]
fn RunStepRow(run: Memo<Run>, step: String) -> impl IntoView {
    let ws = use_workspace();
    let procedure = super::procedure();
    let now = expect_context::<crate::ui::app::Now>().0;
    let step_id = StoredValue::new(step);
    let this = move || run.with(|r| r.step(&step_id.get_value()).cloned().unwrap_or_default());
    // What to record and the link come from the SOP's step, if it is still there.
    let spec = move || {
        procedure.with(|p| {
            p.step(&step_id.get_value())
                .map(|st| (st.capture.clone(), st.link.clone(), st.who.label()))
                .unwrap_or_default()
        })
    };
    let run_id = move || run.with_untracked(|r| r.id.clone());
    let tick = format!("run-step-{}", step_id.get_value());
    let value_id = format!("run-value-{}", step_id.get_value());
    let set_value = move |value: String| {
        ws.shared_edit(SopEdit::SetStepValue {
            run: run_id(),
            step: step_id.get_value(),
            value,
        });
    };
    let timer = move || {
        let t = this();
        match (t.timing, t.minutes) {
            (Some(since), before) => {
                let m = before.unwrap_or(0) as i64 + (now.get() - since).max(0) / 60_000;
                (true, format!("Stop the timer ({m} min)"))
            }
            (None, Some(m)) => (false, format!("Timed: {m} min · time again")),
            (None, None) => (false, "Time this step".to_owned()),
        }
    };
    view! {
        <li class="run-step" class:done=move || this().done>
            <span class="check">
                <input type="checkbox" id=tick.clone() prop:checked=move || this().done on:change=move |ev| {
                    ws.shared_edit(SopEdit::TickStep { run: run_id(), step: step_id.get_value(), done: event_target_checked(&ev) });
                }/>
                <label for=tick>{move || this().text}</label>
            </span>
            <span class="task-meta">{move || spec().2}
                {move || { let s = spec(); (!s.1.is_empty()).then(|| view! { " · " <a href=s.1.clone() target="_blank" rel="noopener noreferrer">"Open link"</a> }) }}
            </span>
            {move || {
                let capture = spec().0;
                let value = run.with_untracked(|r| r.step(&step_id.get_value()).map(|t| t.value.clone()).unwrap_or_default());
                let id = value_id.clone();
                let label = view! { <label class="visually-hidden" for=id.clone()>{move || format!("Record for: {}", this().text)}</label> };
                let input = |kind: &'static str| view! {
                    <input id=id.clone() type=kind prop:value=value.clone() on:change=move |ev| set_value(event_target_value(&ev))/>
                }.into_any();
                let select = |options: Vec<String>| view! {
                    <select id=id.clone() on:change=move |ev| set_value(event_target_value(&ev))>
                        <option value="" selected=value.is_empty()>"Choose…"</option>
                        {options.into_iter().map(|o| { let sel = o == value; let text = o.clone(); view! { <option value=o selected=sel>{text}</option> } }).collect_view()}
                    </select>
                }.into_any();
                let field = match capture {
                    Capture::Nothing => return None,
                    Capture::Text => input("text"),
                    Capture::Number => input("number"),
                    Capture::Date => input("date"),
                    Capture::YesNo => select(vec!["Yes".into(), "No".into()]),
                    Capture::Choice(options) => select(options),
                };
                Some(view! { <div class="run-value">{label}{field}</div> })
            }}
            <button type="button" class="quiet small" aria-pressed=move || timer().0.to_string() on:click=move |_| {
                let on = !timer().0;
                ws.shared_edit(SopEdit::TimeStep { run: run_id(), step: step_id.get_value(), on });
            }>{move || timer().1}</button>
        </li>
    }
}
