//! Ideas ranked by votes: anyone adds ideas; each person gives at most one vote per
//! idea (within the owner's budget) and can take it back; the owner shortlists.

use leptos::prelude::*;

use crate::doc::collab::{ItemList, MAX_TEXT};
use crate::ui::pages::collab::{me, shown_state};
use crate::ui::widgets::comment_thread::CommentThread;
use crate::workspace::use_workspace;

#[component]
pub fn IdeaBoard(is_owner: Signal<bool>) -> impl IntoView {
    let ws = use_workspace();
    let state = shown_state();
    let me = me();
    let draft = RwSignal::new(String::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = draft.get_untracked();
        if text.trim().is_empty() {
            return;
        }
        if ws
            .collab_edit(|doc, me, name, now| doc.add_idea(me, name, now, text.trim()))
            .is_some()
        {
            draft.set(String::new());
        }
    };
    let me_budget = me.clone();
    let budget_line = move || {
        state.with(|s| {
            s.votes_left(&me_budget)
                .map(|left| {
                    format!(
                        "You have {left} of {} {} left.",
                        s.budget,
                        if s.budget == 1 { "vote" } else { "votes" }
                    )
                })
                .unwrap_or_else(|| "One vote per idea; click again to take it back.".into())
        })
    };
    let news = move || {
        ws.shared.with(|v| {
            v.as_ref()
                .map(|v| (v.news.ideas.clone(), v.news.votes.clone()))
                .unwrap_or_default()
        })
    };
    let ideas = move || {
        state.with(|s| {
            s.ranked_ideas()
                .into_iter()
                .map(|i| {
                    (
                        i.clone(),
                        s.name_of(&i.by),
                        s.hide_votes,
                        s.comments_on(Some(&i.id)).count(),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="card" aria-labelledby="ideas-head">
            <h2 id="ideas-head">"Ideas"</h2>
            <p class="hint">{budget_line}</p>
            {move || state.with(|s| s.hide_votes).then(|| view! {
                <p class="hint">"Vote totals are hidden until the owner reveals them. This only hides them on screen: the votes themselves are in the document, which anyone with the link can read."</p>
            })}
            <ol class="ideas">
                <For each=ideas key=|(i, name, hidden, n)| (i.id.clone(), i.votes.clone(), i.shortlisted, name.clone(), *hidden, *n) let:item>
                    {
                        let (idea, author, hidden, comment_count) = item;
                        let id = idea.id.clone();
                        let voted = idea.votes.contains_key(&me);
                        let count = idea.votes.len();
                        let is_new = { let id = id.clone(); move || news().0.contains(&id) };
                        let new_votes = { let id = id.clone(); move || news().1.iter().filter(|(i, _)| *i == id).count() };
                        let vote_id = id.clone();
                        let short_id = id.clone();
                        let delete_id = id.clone();
                        let mine = idea.by == me;
                        let shortlisted = idea.shortlisted;
                        view! {
                            <li class="idea" class:new={let is_new = is_new.clone(); move || is_new()} class:shortlisted=shortlisted>
                                <div class="idea-head">
                                    <button type="button" class="vote" aria-pressed=voted.to_string()
                                        aria-label=format!("{} for: {}", if voted { "Take back your vote" } else { "Vote" }, idea.text)
                                        on:click=move |_| { ws.collab_edit(|doc, me, name, now| doc.set_vote(me, name, now, &vote_id, !voted)); }>
                                        <span aria-hidden="true">{if voted { "▲" } else { "△" }}</span>
                                        <span class="vote-count">{if hidden { if voted { "✓".to_owned() } else { "–".to_owned() } } else { count.to_string() }}</span>
                                    </button>
                                    <div class="idea-body">
                                        <p class="idea-text">{idea.text.clone()}</p>
                                        <p class="task-meta">
                                            {format!("from {author}")}
                                            {(!hidden).then(|| format!(" · {count} {}", if count == 1 { "vote" } else { "votes" }))}
                                            {shortlisted.then(|| view! { " · " <span class="tag">"Shortlisted"</span> })}
                                            {let is_new = is_new.clone(); move || is_new().then(|| view! { " " <span class="tag new">"New"</span> })}
                                            {move || { let n = new_votes(); (n > 0 && !hidden).then(|| view! { " " <span class="tag new">{format!("+{n} new {}", if n == 1 { "vote" } else { "votes" })}</span> }) }}
                                        </p>
                                    </div>
                                </div>
                                <div class="idea-actions">
                                    <Show when=move || is_owner.get()>
                                        {
                                            let short_id = short_id.clone();
                                            view! {
                                                <button type="button" class="quiet small" aria-pressed=shortlisted.to_string()
                                                    on:click=move |_| { ws.collab_edit(|doc, _, _, _| doc.set_shortlisted(&short_id, !shortlisted)); }>
                                                    {if shortlisted { "Remove from shortlist" } else { "Shortlist" }}
                                                </button>
                                            }
                                        }
                                    </Show>
                                    <Show when=move || mine || is_owner.get()>
                                        {
                                            let delete_id = delete_id.clone();
                                            view! {
                                                <button type="button" class="quiet small" on:click=move |_| {
                                                    if ws.collab_edit(|doc, _, _, _| doc.set_gone(ItemList::Ideas, &delete_id, true)).is_some() {
                                                        ws.say("Idea removed.".into(), None);
                                                    }
                                                }>"Remove"</button>
                                            }
                                        }
                                    </Show>
                                </div>
                                <details class="idea-comments">
                                    <summary>{match comment_count { 0 => "Comment".to_owned(), 1 => "1 comment".to_owned(), n => format!("{n} comments") }}</summary>
                                    <CommentThread on=Some(id.clone())/>
                                </details>
                            </li>
                        }
                    }
                </For>
            </ol>
            <form class="inline-form" on:submit=add>
                <div class="grow">
                    <label for="new-idea">"Add an idea"</label>
                    <textarea id="new-idea" rows="2" maxlength=MAX_TEXT prop:value=move || draft.get() on:input=move |ev| draft.set(event_target_value(&ev))></textarea>
                </div>
                <button type="submit">"Add idea"</button>
            </form>
        </section>
    }
}
