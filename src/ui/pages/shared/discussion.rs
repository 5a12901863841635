//! A discussion: the problem, its context, ideas and votes, polls, comments, the action
//! plan, who has answered, and sharing.

use leptos::prelude::*;

use crate::model::shared::TextField;
use crate::ui::widgets::{
    discussion::idea_board::IdeaBoard, discussion::poll_section::PollSection,
    shared::action_plan::ActionPlan, shared::collab_text::CollabText,
    shared::comment_thread::CommentThread, shared::context_links::ContextLinks,
    shared::shared_recordings::SharedRecordings, shared::sharing::Sharing,
};

/// A discussion's body: the problem, ideas, polls, comments, the action plan.
#[component]
pub fn DiscussionBody(is_owner: Signal<bool>) -> impl IntoView {
    view! {
                <div class="collab-layout">
                    <div class="collab-main">
                        <section class="card" aria-labelledby="problem-head">
                            <h2 id="problem-head">"The problem"</h2>
                            <CollabText field=TextField::Problem label="Problem statement" hint="Set the context: what is the problem, why now, what is known. Anyone can edit; typing at the same time merges."/>
                            <ContextLinks/>
                            <SharedRecordings/>
                        </section>
                        <IdeaBoard is_owner=is_owner/>
                        <PollSection/>
                        <section class="card" aria-labelledby="comments-head">
                            <h2 id="comments-head">"Comments"</h2>
                            <CommentThread on=None/>
                        </section>
                        <ActionPlan/>
                        <section class="card" aria-labelledby="summary-head">
                            <h2 id="summary-head">"Closing summary"</h2>
                            <CollabText field=TextField::Summary label="What was decided" hint="Write it once the discussion settles; it closes the Markdown export."/>
                        </section>
                    </div>
                    <aside class="collab-side">
                        <Sharing is_owner people=true/>
                    </aside>
                </div>
    }
}
