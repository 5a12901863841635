//! Ideas ranked by votes: anyone adds ideas; each person gives at most one vote per
//! idea (within the owner's budget) and can take it back; the owner shortlists.

use leptos::prelude::*;

use crate::model::shared::{ItemList, MAX_TEXT};
use crate::ui::shared::{me, shown_news, shown_state};
use crate::ui::widgets::add_form::{AddForm, AddInput};
use crate::ui::widgets::keyed_list::KeyedList;
use crate::ui::widgets::shared::comment_thread::CommentThread;
use crate::workspace::{use_workspace, DiscussionEdit};

const NEW_IDEA: [AddInput; 1] = [AddInput {
    kind: "textarea",
    max: "20000",
    grow: true,
    ..AddInput::text("new-idea", "Add an idea")
}];
// The form's limit, written out as text.
const _: () = assert!(MAX_TEXT == 20_000);

#[component]
pub fn IdeaBoard(is_owner: Signal<bool>) -> impl IntoView {
    let ws = use_workspace();
    let state = shown_state();
    let me = me();
    let add = Callback::new(move |typed: Vec<String>| {
        ws.shared_edit(DiscussionEdit::AddIdea(typed[0].clone()))
            .is_some()
    });
    let me_budget = me.clone();
    let budget_line = move || {
        state.with(|s| {
            s.discussion()
                .votes_left(&me_budget)
                .map(|left| {
                    format!(
                        "You have {left} of {} {} left.",
                        s.discussion().budget,
                        if s.discussion().budget == 1 {
                            "vote"
                        } else {
                            "votes"
                        }
                    )
                })
                .unwrap_or_else(|| "One vote per idea; click again to take it back.".into())
        })
    };
    let news = shown_news();
    // Keyed by id alone, so a card keeps its open comments while its votes change.
    let ids = move || {
        state.with(|s| {
            s.discussion()
                .ranked_ideas()
                .into_iter()
                .map(|i| i.id.clone())
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="card" aria-labelledby="ideas-head">
            <h2 id="ideas-head">"Ideas"</h2>
            <p class="hint">{budget_line}</p>
            {move || state.with(|s| s.discussion().hide_votes).then(|| view! {
                <p class="hint">"Vote totals are hidden until the owner reveals them. This only hides them on screen: the votes themselves are in the document, which anyone with the link can read."</p>
            })}
            <ol class="ideas">
                <KeyedList ids=Signal::derive(ids) row={Callback::new(move |id: String| {
                        let me = me.clone();
                        let card = Memo::new({
                            let id = id.clone();
                            move |_| state.with(|s| s.discussion().idea(&id).map(|i| (i.clone(), s.name_of(&i.by), s.discussion().hide_votes)))
                        });
                        let text = move || card.with(|c| c.as_ref().map(|c| c.0.text.clone()).unwrap_or_default());
                        let hidden = move || card.with(|c| c.as_ref().is_some_and(|c| c.2));
                        let count = move || card.with(|c| c.as_ref().map(|c| c.0.votes.len()).unwrap_or(0));
                        let voted = { let me = me.clone(); move || card.with(|c| c.as_ref().is_some_and(|c| c.0.votes.contains_key(&me))) };
                        let shortlisted = move || card.with(|c| c.as_ref().is_some_and(|c| c.0.shortlisted));
                        let mine = card.with_untracked(|c| c.as_ref().is_some_and(|c| c.0.by == me));
                        let author = move || card.with(|c| c.as_ref().map(|c| c.1.clone()).unwrap_or_default());
                        let is_new = { let id = id.clone(); move || news.with(|n| n.ideas.contains(&id)) };
                        let new_votes = { let id = id.clone(); move || news.with(|n| n.votes.iter().filter(|(i, _)| *i == id).count()) };
                        let comment_count = { let id = id.clone(); move || state.with(|s| s.comments_on(Some(&id)).count()) };
                        let vote_id = id.clone();
                        let short_id = id.clone();
                        let delete_id = id.clone();
                        let voted_click = voted.clone();
                        let voted_label = voted.clone();
                        let voted_count = voted.clone();
                        view! {
                            <li class="idea" class:new={let is_new = is_new.clone(); move || is_new()} class:shortlisted=shortlisted>
                                <div class="idea-head">
                                    <div class="vote-box">
                                        <button type="button" class="vote" aria-pressed=move || voted().to_string()
                                            aria-label=move || format!("{} for: {}", if voted_label() { "Take back your vote" } else { "Vote" }, text())
                                            on:click=move |_| { let v = !voted_click(); ws.shared_edit(DiscussionEdit::Vote { idea: vote_id.clone(), on: v }); }>
                                            <span aria-hidden="true">{let voted = voted_count.clone(); move || if voted() { "▲" } else { "△" }}</span>
                                        </button>
                                        // Outside the button, so the button's name holds all its visible text.
                                        <span class="vote-count" aria-hidden="true">{let voted = voted_count.clone(); move || if hidden() { if voted() { "✓".to_owned() } else { "–".to_owned() } } else { count().to_string() }}</span>
                                    </div>
                                    <div class="idea-body">
                                        <p class="idea-text">{text}</p>
                                        <p class="task-meta">
                                            {move || format!("from {}", author())}
                                            {move || (!hidden()).then(|| { let n = count(); format!(" · {n} {}", if n == 1 { "vote" } else { "votes" }) })}
                                            {move || shortlisted().then(|| view! { " · " <span class="tag">"Shortlisted"</span> })}
                                            {let is_new = is_new.clone(); move || is_new().then(|| view! { " " <span class="tag new">"New"</span> })}
                                            {move || { let n = new_votes(); (n > 0 && !hidden()).then(|| view! { " " <span class="tag new">{format!("+{n} new {}", if n == 1 { "vote" } else { "votes" })}</span> }) }}
                                        </p>
                                    </div>
                                </div>
                                <div class="idea-actions">
                                    <Show when=move || is_owner.get()>
                                        {
                                            let short_id = short_id.clone();
                                            view! {
                                                <button type="button" class="quiet small" aria-pressed=move || shortlisted().to_string()
                                                    on:click=move |_| { let v = !shortlisted(); ws.shared_edit(DiscussionEdit::Shortlist { idea: short_id.clone(), on: v }); }>
                                                    {move || if shortlisted() { "Remove from shortlist" } else { "Shortlist" }}
                                                </button>
                                            }
                                        }
                                    </Show>
                                    <Show when=move || mine || is_owner.get()>
                                        {
                                            let delete_id = delete_id.clone();
                                            view! {
                                                <button type="button" class="quiet small" on:click=move |_| {
                                                    ws.delete_shared_item(ItemList::Ideas, &delete_id, "Idea");
                                                }>"Remove"</button>
                                            }
                                        }
                                    </Show>
                                </div>
                                <details class="idea-comments">
                                    <summary>{move || match comment_count() { 0 => "Comment".to_owned(), 1 => "1 comment".to_owned(), n => format!("{n} comments") }}</summary>
                                    <CommentThread on=Some(id.clone())/>
                                </details>
                            </li>
                        }
                    }.into_any())}/>
            </ol>
            <AddForm inputs=&NEW_IDEA submit="Add idea" on_add=add/>
        </section>
    }
}
