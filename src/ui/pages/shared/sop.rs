//! An SOP's body: the run in progress (or the button that starts one), the procedure
//! (its settings, steps and quality checks), the history of runs, comments and
//! sharing. On paper it is a one-page checklist: the print styles keep the steps and
//! checks, each with a box, and leave out the rest.

use leptos::prelude::*;

use crate::ui::shared::{me, shown_state};
use crate::ui::widgets::shared::{
    comment_thread::CommentThread, owner_settings::OwnerSettings, share_panel::SharePanel,
    shared_recordings::SharedRecordings,
};
use crate::ui::widgets::sop::{
    check_editor::CheckEditor, run_checklist::RunChecklist, run_history::RunHistory,
    sop_settings::SopSettings, step_editor::StepEditor, Procedure,
};

#[component]
pub fn SopBody(is_owner: Signal<bool>) -> impl IntoView {
    let state = shown_state();
    // Whether this person owns it, as a memo: the frame's signal fires at every edit, and
    // the owner's forms must not be drawn again at each tick of a run.
    let is_owner: Signal<bool> = Memo::new(move |_| is_owner.get()).into();
    provide_context(Procedure(Memo::new(move |_| {
        state.with(|s| s.sop().procedure())
    })));
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
                <div class="card"><SharedRecordings/></div>
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
                {move || (is_owner.get()).then(|| view! {
                    <OwnerSettings/>
                })}
            </aside>
        </div>
    }
}
