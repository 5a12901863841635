//! An SOP's body: the run in progress (or the button that starts one), the procedure
//! (its settings, steps and quality checks), the history of runs, comments and
//! sharing, and a one-page checklist for print.

use leptos::prelude::*;

use crate::model::shared::sop::SopPart;

use crate::ui::shared::{me, shown_state};
use crate::ui::widgets::shared::{
    comment_thread::CommentThread, owner_settings::OwnerSettings, share_panel::SharePanel,
};
use crate::ui::widgets::sop::{
    check_editor::CheckEditor, run_checklist::RunChecklist, run_history::RunHistory,
    sop_settings::SopSettings, step_editor::StepEditor,
};

#[component]
pub fn SopBody(is_owner: Signal<bool>) -> impl IntoView {
    let state = shown_state();
    let me = me();
    // The run this person has open, if any: a memo, so ticking a step redraws the
    // checklist's rows, not the whole checklist.
    let open_run = Memo::new(move |_| {
        state.with(|s| {
            s.sop()
                .runs
                .iter()
                .rev()
                .find(|r| r.by == me && r.ended.is_none())
                .map(|r| r.id.clone())
        })
    });
    view! {
        <div class="collab-layout sop-screen">
            <div class="collab-main">
                <RunChecklist open_run/>
                <section class="card" aria-labelledby="procedure-head">
                    <h2 id="procedure-head">"The procedure"</h2>
                    <SopSettings is_owner/>
                    <StepEditor is_owner/>
                    <CheckEditor is_owner/>
                </section>
                <RunHistory/>
                <section class="card" aria-labelledby="comments-head">
                    <h2 id="comments-head">"Comments"</h2>
                    <CommentThread on=None/>
                </section>
            </div>
            <aside class="collab-side">
                <section class="card">
                    <h2>"Print"</h2>
                    <p class="hint">"The steps and quality checks as a one-page checklist."</p>
                    <button type="button" class="secondary" on:click=move |_| crate::web::print()>"Print the checklist"</button>
                </section>
                <SharePanel/>
                <Show when=move || is_owner.get()>
                    <OwnerSettings/>
                </Show>
            </aside>
        </div>
        <PrintedChecklist/>
    }
}

/// The checklist as printed: every step with a box to tick, its minutes and who does
/// it, then the quality checks. Shown only on paper.
#[component]
fn PrintedChecklist() -> impl IntoView {
    let state = shown_state();
    // Only what is printed: ticking a run's steps must not rebuild it.
    let procedure = Memo::new(move |_| {
        state.with(|s| {
            let sop = s.sop();
            SopPart {
                purpose: sop.purpose.clone(),
                output: sop.output.clone(),
                schedule: sop.schedule.clone(),
                steps: sop.steps.clone(),
                checks: sop.checks.clone(),
                ..SopPart::default()
            }
        })
    });
    view! {
        <section class="print-only sop-print" aria-hidden="true">
            {move || procedure.with(|sop| {
                view! {
                    <p>{sop.purpose.trim().to_owned()}</p>
                    <p>{format!("{} · about {} minutes", sop.schedule.days_in_words(), sop.expected_minutes())}</p>
                    {(!sop.output.trim().is_empty()).then(|| view! { <p><strong>"Done means: "</strong>{sop.output.trim().to_owned()}</p> })}
                    <ol class="print-steps">
                        {sop.steps.iter().map(|st| view! {
                            <li><span class="box"></span>{st.text.clone()}<span class="task-meta">{format!(" · {} min · {}", st.minutes, st.who.label())}</span></li>
                        }).collect_view()}
                    </ol>
                    {(!sop.checks.is_empty()).then(|| view! {
                        <h2>"Quality checks"</h2>
                        <ul class="print-steps">
                            {sop.checks.iter().map(|c| view! { <li><span class="box"></span>{c.text.clone()}</li> }).collect_view()}
                        </ul>
                    })}
                }
            })}
        </section>
    }
}
