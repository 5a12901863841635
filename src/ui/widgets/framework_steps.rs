//! The framework's five steps: on the overview, where the person stands in each and a
//! link to the next thing to do; on the welcome, what each step is about. One list, fed
//! by `model::framework::progress`.

use leptos::prelude::*;

use crate::model::framework::{next_step, progress, Status, Step};
use crate::workspace::use_workspace;

/// The five steps as a card. `preview` (the welcome) shows what each is about instead
/// of the person's standing, since nothing is set up yet.
#[component]
pub fn FrameworkSteps(#[prop(optional)] preview: bool) -> impl IntoView {
    let ws = use_workspace();
    let steps = Memo::new(move |_| {
        let shared = ws.page_shared();
        ws.state.with(|s| progress(s, shared))
    });
    let next = Memo::new(move |_| steps.with(|p| next_step(p)));
    let summary = move || {
        let done = steps.with(|p| p.iter().filter(|p| p.status == Status::Done).count());
        match next.get() {
            None => "All five done. Come back when your work changes.".to_owned(),
            Some(step) => format!("{done} of 5 done. Next: {}.", step.title()),
        }
    };
    view! {
        <section class="card framework" aria-labelledby="framework-head" data-testid="framework">
            <h2 id="framework-head">{if preview { "Five steps to calmer work" } else { "Your five steps" }}</h2>
            <p class="framework-summary" data-testid="framework-summary">
                {move || if preview {
                    "Once you start, the overview shows where you stand in each and what to do next.".to_owned()
                } else {
                    summary()
                }}
            </p>
            <ol class="framework-steps">
                {move || steps.get().into_iter().map(|p| {
                    let n = p.step.number();
                    let current = !preview && next.get() == Some(p.step);
                    let class = if preview { "framework-step".to_owned() } else { format!("framework-step {}", p.status.key()) };
                    let mark = if !preview && p.status == Status::Done { "✓".to_owned() } else { n.to_string() };
                    view! {
                        <li class=class aria-current=current.then_some("step") data-testid=format!("step-{n}")>
                            <span class="step-mark" aria-hidden="true">{mark}</span>
                            <div class="step-body">
                                <h3 class="step-title">{p.step.title()}</h3>
                                {if preview {
                                    view! { <p class="step-standing">{p.step.about()}</p> }.into_any()
                                } else {
                                    view! { <StepStanding step=p.step status=p.status standing=p.standing action=p.action current=current/> }.into_any()
                                }}
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}

/// Where the person stands in one step, and the link to what to do there.
#[component]
fn StepStanding(
    step: Step,
    status: Status,
    standing: String,
    action: String,
    current: bool,
) -> impl IntoView {
    view! {
        <p class="step-standing">
            <strong class="step-status" data-testid="step-status">{status.label()}</strong>
            " · "{standing}
        </p>
        <a href=step.path() class=if current { "button small step-action" } else { "step-action" }>{action}</a>
    }
}
