//! A feedback request's body. Its owner sets what it asks and reads the answers; anyone
//! they sent it to answers it, then sends the answers back by reply link.

use leptos::prelude::*;

use crate::ui::widgets::feedback::{
    answer_form::AnswerForm, answer_list::AnswerList, question_editor::QuestionEditor,
};
use crate::ui::widgets::shared::sharing::Sharing;

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
                <Sharing is_owner people=true/>
            </aside>
        </div>
    }
}
