//! An SOP's steps: the owner edits, adds and reorders them (with the ↑ ↓ buttons from
//! the keyboard, or by dragging the handle with a mouse or a finger); everyone else reads them, with the steps
//! changed since they last looked marked, and can comment on each.

use leptos::prelude::*;

use crate::model::shared::sop::Step;
use crate::ui::shared::shown_state;
use crate::ui::widgets::add_form::{AddForm, AddInput};
use crate::ui::widgets::keyed_list::KeyedList;
use crate::ui::widgets::sop::step_row::{Dragged, StepRow};
use crate::workspace::{use_workspace, SopEdit};

const NEW_STEP: [AddInput; 2] = [
    AddInput {
        placeholder: "e.g. Export last month's hours",
        grow: true,
        ..AddInput::text("step-new", "New step")
    },
    AddInput {
        kind: "number",
        max: "1440",
        start: "5",
        ..AddInput::text("step-new-minutes", "Minutes")
    },
];

#[component]
pub fn StepEditor(is_owner: Signal<bool>) -> impl IntoView {
    let ws = use_workspace();
    let state = shown_state();
    let dragged = Dragged(RwSignal::new(None));
    let add = Callback::new(move |typed: Vec<String>| {
        let step = Step {
            text: typed[0].trim().to_owned(),
            minutes: typed[1].trim().parse().unwrap_or(5),
            rank: state.with_untracked(|s| s.sop().rank_at_end()),
            ..Step::default()
        };
        ws.shared_edit(SopEdit::AddStep(step)).is_some()
    });
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
            <KeyedList ids row={Callback::new(move |id: String| view! { <StepRow id is_owner dragged/> }.into_any())}/>
        </ol>
        {move || (is_owner.get()).then(|| view! {
            <AddForm inputs=&NEW_STEP submit="Add step" on_add=add/>
        })}
    }
}
