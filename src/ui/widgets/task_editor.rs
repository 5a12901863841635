//! Editing one task: what it is, how often, what makes it live, and the decision.
//! Every change is saved at once.

use leptos::prelude::*;

use chrono::NaiveDate;

use crate::model::inventory::{DecisionKind, Frequency, FrequencyKind, SyncReason, Task, TaskId};
use crate::model::zones::date_at;
use crate::ui::focus::focus_now;
use crate::ui::widgets::checked_input::{whole_number_in, whole_number_message, CheckedInput};
use crate::workspace::use_workspace;

/// The editor for the task `id`; closes itself when the task is deleted.
#[component]
pub fn TaskEditor(
    /// The task being edited.
    id: TaskId,
    /// Cleared to close the editor.
    selected: RwSignal<Option<TaskId>>,
    /// Whether to move the focus (and so the scroll) to the editor when it opens.
    focus: bool,
) -> impl IntoView {
    let ws = use_workspace();
    let title_ref = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let (true, Some(input)) = (focus, title_ref.get()) {
            let _ = input.focus();
        }
    });
    let lookup_id = id.clone();
    let task = Memo::new(move |_| {
        ws.state
            .with(|s| s.tasks.iter().find(|t| t.id == lookup_id).cloned())
    });
    // Applies a change to the latest stored version of the task.
    let change = move |f: &dyn Fn(&mut Task)| {
        if let Some(mut t) = task.get_untracked() {
            f(&mut t);
            ws.update_task(t);
        }
    };
    let field = |name: &str| format!("task-{name}");
    let task_id = StoredValue::new(id.clone());
    let close = move || {
        selected.set(None);
        focus_now(&row_button_id(&task_id.get_value()));
    };
    let delete = move |_| {
        selected.set(None);
        ws.delete_task(&task_id.get_value());
        focus_now("new-task");
    };

    view! {
        <Show when=move || task.with(Option::is_some)>
            <section class="editor card" aria-labelledby="editor-heading"
                on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" { ev.prevent_default(); close() }>
                <div class="editor-head">
                    <h2 id="editor-heading">"Edit task"</h2>
                    <button type="button" class="quiet" on:click=move |_| close() aria-keyshortcuts="Escape">"Close"</button>
                </div>
                <label for=field("title")>"What is it?"</label>
                <input id=field("title") type="text" maxlength="200" node_ref=title_ref
                    prop:value=move || task.with(|t| t.as_ref().map(|t| t.title.clone()).unwrap_or_default())
                    on:input=move |ev| { let v = event_target_value(&ev); change(&|t| t.title = v.clone()) }/>

                <div class="field-row">
                    <div>
                        <label for=field("freq")>"How often"</label>
                        <select id=field("freq")
                            on:change=move |ev| {
                                let key = event_target_value(&ev);
                                if let Some(kind) = FrequencyKind::from_key(&key) {
                                    change(&|t| {
                                        let n = match t.frequency { Frequency::TimesPerMonth(n) => n, _ => 2 };
                                        t.frequency = kind.with_count(n);
                                    })
                                }
                            }>
                            {FrequencyKind::ALL.iter().map(|k| {
                                let k = *k;
                                view! {
                                    <option value=k.key()
                                        selected=move || task.with(|t| t.as_ref().is_some_and(|t| t.frequency.kind() == k))>
                                        {k.label()}
                                    </option>
                                }
                            }).collect_view()}
                        </select>
                    </div>
                    <Show when=move || task.with(|t| t.as_ref().is_some_and(|t| t.frequency.kind() == FrequencyKind::TimesPerMonth))>
                        <div>
                            <CheckedInput id=field("times") label="Times a month" inputmode="numeric"
                                message=whole_number_message(1, 31)
                                initial=task.with_untracked(|t| match t.as_ref().map(|t| t.frequency) {
                                    Some(Frequency::TimesPerMonth(n)) => n,
                                    _ => 2,
                                }).to_string()
                                apply=move |v| whole_number_in(v, 1, 31)
                                    .map(|n| change(&|t| t.frequency = Frequency::TimesPerMonth(n)))
                                    .is_some()/>
                        </div>
                    </Show>
                    <div>
                        <CheckedInput id=field("minutes") label="Minutes each time" inputmode="numeric"
                            message=whole_number_message(1, 1440)
                            initial=task.with_untracked(|t| t.as_ref().map(|t| t.minutes).unwrap_or(30)).to_string()
                            apply=move |v| whole_number_in(v, 1, 1440).map(|m| change(&|t| t.minutes = m)).is_some()/>
                    </div>
                </div>

                <fieldset>
                    <legend>"What makes it synchronous?"</legend>
                    <p class="hint">"Tick any that apply. None ticked means it can be done on your own time."</p>
                    {SyncReason::ALL.iter().map(|r| {
                        let r = *r;
                        let input_id = format!("reason-{}", r.key());
                        view! {
                            <div class="check">
                                <input type="checkbox" id=input_id.clone()
                                    prop:checked=move || task.with(|t| t.as_ref().is_some_and(|t| t.reasons.contains(&r)))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        change(&|t| { if on { t.reasons.insert(r); } else { t.reasons.remove(&r); } })
                                    }/>
                                <label for=input_id>{r.label()}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>

                <label for=field("decision")>"Decision"</label>
                <select id=field("decision")
                    on:change=move |ev| {
                        if let Some(kind) = DecisionKind::from_key(&event_target_value(&ev)) {
                            change(&|t| { let detail = t.decision.detail().to_owned(); t.set_decision(kind.with_detail(&detail)) })
                        }
                    }>
                    {DecisionKind::ALL.iter().map(|k| {
                        let k = *k;
                        view! {
                            <option value=k.key() selected=move || task.with(|t| t.as_ref().is_some_and(|t| t.decision.kind() == k))>
                                {k.label()}
                            </option>
                        }
                    }).collect_view()}
                </select>
                {move || {
                    let kind = task.with(|t| t.as_ref().map(|t| t.decision.kind()));
                    let label = match kind {
                        Some(DecisionKind::Automate) => "With which tool?",
                        Some(DecisionKind::Delegate) => "To whom?",
                        _ => return None,
                    };
                    Some(view! {
                        <label for=field("detail")>{label}</label>
                        <input id=field("detail") type="text" maxlength="200"
                            prop:value=move || task.with(|t| t.as_ref().map(|t| t.decision.detail().to_owned()).unwrap_or_default())
                            on:input=move |ev| {
                                let v = event_target_value(&ev);
                                change(&|t| t.set_decision(t.decision.kind().with_detail(&v)))
                            }/>
                    })
                }}
                <Show when=move || task.with(|t| t.as_ref().is_some_and(|t| t.decision.kind().is_action()))>
                    <CarriedOut task=task change=change/>
                </Show>
                {move || {
                    let (id, kind) = task.with(|t| t.as_ref().map(|t| (t.id.clone(), t.decision.kind())))?;
                    if !matches!(kind, DecisionKind::WriteSop | DecisionKind::Delegate | DecisionKind::Automate) {
                        return None;
                    }
                    Some(match ws.sop_of_task(&id) {
                        Some(sop) => view! {
                            <p class="sop-link"><a class="button secondary" href=format!("/shared/{sop}")>"Open its SOP"</a></p>
                        }.into_any(),
                        None => {
                            let navigate = leptos_router::hooks::use_navigate();
                            view! {
                                <p class="sop-link">
                                    <button type="button" class="secondary" on:click=move |_| {
                                        if let Some(sop) = ws.create_sop_from_task(&id) {
                                            navigate(&format!("/shared/{sop}"), Default::default());
                                        }
                                    }>"Write the SOP"</button>
                                    <span class="hint">" Steps to run as a checklist, and a link to hand them over."</span>
                                </p>
                            }.into_any()
                        }
                    })
                }}
                <fieldset class="done-means">
                    <legend>"What 'done' means"</legend>
                    <label for=field("done-output")>"The output"</label>
                    <input id=field("done-output") type="text" maxlength="500" placeholder="e.g. The invoice is in the client's inbox"
                        prop:value=move || task.with(|t| t.as_ref().map(|t| t.done_output.clone()).unwrap_or_default())
                        on:input=move |ev| { let v = event_target_value(&ev); change(&|t| t.done_output = v.clone()) }/>
                    <label for=field("done-checks")>"Quality checks, one a line"</label>
                    <textarea id=field("done-checks") rows="3" maxlength="2000" placeholder="The amounts match the hours"
                        prop:value=move || task.with(|t| t.as_ref().map(|t| t.done_checks.clone()).unwrap_or_default())
                        on:input=move |ev| { let v = event_target_value(&ev); change(&|t| t.done_checks = v.clone()) }></textarea>
                </fieldset>
                <label for=field("note")>"Note"</label>
                <textarea id=field("note") rows="3" maxlength="2000"
                    prop:value=move || task.with(|t| t.as_ref().map(|t| t.note.clone()).unwrap_or_default())
                    on:input=move |ev| { let v = event_target_value(&ev); change(&|t| t.note = v.clone()) }></textarea>
                <div class="editor-foot">
                    <button type="button" class="danger" on:click=delete>"Delete task"</button>
                </div>
            </section>
        </Show>
    }
}

/// Whether the decision has been carried out, and on which day: a checkbox, and a
/// date that starts at today in the person's zone and may not be later than today.
#[component]
fn CarriedOut(
    task: Memo<Option<Task>>,
    change: impl Fn(&dyn Fn(&mut Task)) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let ws = use_workspace();
    let today = move || {
        ws.state
            .with_untracked(|s| date_at(&s.profile.time_zone, crate::web::now_ms()))
    };
    let day = move || task.with(|t| t.as_ref().and_then(|t| t.carried_out));
    // Only ticking or clearing re-draws the date input; picking a day keeps it (and its focus).
    let done = Memo::new(move |_| day().is_some());
    let invalid = RwSignal::new(false);
    view! {
        <div class="carried-out">
            <div class="check">
                <input type="checkbox" id="task-carried-out"
                    prop:checked=move || done.get()
                    on:change=move |ev| {
                        let on = event_target_checked(&ev).then(today);
                        invalid.set(false);
                        change(&|t| t.carried_out = on)
                    }/>
                <label for="task-carried-out">"Carried out"</label>
            </div>
            {move || match done.get() {
                false => view! {
                    <p class="hint">"Tick it once it is done: until then the overview counts it as decided, not done."</p>
                }.into_any(),
                true => view! {
                    <div class="carried-on">
                        <label for="task-carried-on">"On"</label>
                        <input type="date" id="task-carried-on" required max=today().to_string()
                            aria-describedby="task-carried-on-error"
                            aria-invalid=move || invalid.get().to_string()
                            prop:value=move || day().map(|d| d.to_string()).unwrap_or_default()
                            on:input=move |ev| {
                                let typed = NaiveDate::parse_from_str(&event_target_value(&ev), "%Y-%m-%d")
                                    .ok()
                                    .filter(|d| *d <= today());
                                invalid.set(typed.is_none());
                                if typed.is_some() {
                                    change(&|t| t.carried_out = typed)
                                }
                            }/>
                    </div>
                    <span id="task-carried-on-error" class="field-error" aria-live="polite">
                        {move || invalid.get().then_some("Enter a day no later than today. Until then the last valid day is kept.")}
                    </span>
                }.into_any(),
            }}
        </div>
    }
}

/// The id of a task's button in the list, so focus can return to it.
pub fn row_button_id(id: &TaskId) -> String {
    format!("task-{id}")
}
