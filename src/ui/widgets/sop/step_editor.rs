//! An SOP's steps: the owner edits, adds and reorders them (with the ↑ ↓ buttons from
//! the keyboard, or by dragging the handle with a mouse or a finger); everyone else reads them, with the steps
//! changed since they last looked marked, and can comment on each.

use leptos::prelude::*;

use crate::model::shared::sop::Step;
use crate::ui::shared::shown_state;
use crate::ui::widgets::keyed_list::KeyedList;
use crate::ui::widgets::sop::step_row::{Dragged, StepRow};
use crate::workspace::{use_workspace, SopEdit};

#[component]
pub fn StepEditor(is_owner: Signal<bool>) -> impl IntoView {
    let ws = use_workspace();
    let state = shown_state();
    provide_context(Dragged(RwSignal::new(None)));
    let text = RwSignal::new(String::new());
    let minutes = RwSignal::new("5".to_owned());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = text.get_untracked();
        if t.trim().is_empty() {
            return;
        }
        let step = Step {
            text: t.trim().to_owned(),
            minutes: minutes.get_untracked().trim().parse().unwrap_or(5),
            rank: state.with_untracked(|s| s.sop().rank_at_end()),
            ..Step::default()
        };
        if ws.shared_edit(SopEdit::AddStep(step)).is_some() {
            text.set(String::new());
            crate::ui::focus::focus_after_render("step-new");
        }
    };
    let ids = Signal::derive(move || {
        state.with(|s| {
            s.sop()
                .steps
                .iter()
                .map(|st| st.id.clone())
                .collect::<Vec<_>>()
        })
    });
    view! {
        <h3 id="steps-head">"Steps"</h3>
        <p class="hint">{move || state.with(|s| {
            let sop = s.sop();
            format!("{} steps, about {} minutes in all.", sop.steps.len(), sop.expected_minutes())
        })}</p>
        <ol class="sop-steps" aria-labelledby="steps-head">
            <KeyedList ids row={Callback::new(move |id: String| view! { <StepRow id is_owner/> }.into_any())}/>
        </ol>
        {move || (is_owner.get()).then(|| view! {
            <form class="inline-form" on:submit=add>
                <div class="grow">
                    <label for="step-new">"New step"</label>
                    <input id="step-new" type="text" maxlength="500" placeholder="e.g. Export last month's hours"
                        prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))/>
                </div>
                <div>
                    <label for="step-new-minutes">"Minutes"</label>
                    <input id="step-new-minutes" type="number" min="0" max="1440" inputmode="numeric"
                        prop:value=move || minutes.get() on:input=move |ev| minutes.set(event_target_value(&ev))/>
                </div>
                <button type="submit">"Add step"</button>
            </form>
        })}
    }
}
