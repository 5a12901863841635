//! A feedback request's body. Its owner sets what it asks and reads the answers; anyone
//! they sent it to answers it, then sends the answers back by reply link.

use leptos::prelude::*;

use crate::ui::widgets::feedback::{
    answer_form::AnswerForm, answer_list::AnswerList, question_editor::QuestionEditor,
};
use crate::ui::widgets::shared::{
    owner_settings::OwnerSettings, people_panel::PeoplePanel, share_panel::SharePanel,
};

#[component]
pub fn FeedbackBody(is_owner: Signal<bool>) -> impl IntoView {
    let is_owner: Signal<bool> = Memo::new(move |_| is_owner.get()).into();
    view! {
        <div class="collab-layout">
            <div class="collab-main">
                {move || if is_owner.get() {
                    view! { <QuestionEditor/><AnswerList/> }.into_any()
                } else {
                    view! { <AnswerForm/> }.into_any()
                }}
            </div>
            <aside class="collab-side">
                <SharePanel/>
                <PeoplePanel is_owner=is_owner/>
                <Show when=move || is_owner.get()>
                    <OwnerSettings/>
                </Show>
            </aside>
        </div>
    }
}
