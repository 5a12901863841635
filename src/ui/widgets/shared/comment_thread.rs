//! Comments on the document or on one idea: each shows its author and time; people
//! edit or delete their own.

use leptos::prelude::*;

use crate::ui::widgets::keyed_list::{id_of, row_key, KeyedList};
use crate::ui::widgets::remind_me::RemindMe;

use crate::model::shared::{ItemList, MAX_TEXT};
use crate::ui::shared::{me, shown_news, shown_state};
use crate::workspace::{use_workspace, SharedEdit};

/// Comments shown at first, and added per click on "Show earlier".
const PAGE: usize = 50;

#[component]
pub fn CommentThread(
    /// The idea (or step) these comments are about; `None` for the document.
    on: Option<String>,
    /// What `on` is, for the field's label: "this idea", "this step".
    #[prop(default = "this idea")]
    about: &'static str,
) -> impl IntoView {
    let ws = use_workspace();
    let state = shown_state();
    let me = me();
    let draft = RwSignal::new(String::new());
    let editing = RwSignal::new(None::<(String, String)>);
    let zone = ws.state.with_untracked(|s| s.profile.time_zone.clone());
    let on_key = on.clone().unwrap_or_else(|| "doc".into());
    let input_id = format!("comment-{on_key}");
    let target = on.clone();
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = draft.get_untracked();
        if text.trim().is_empty() {
            return;
        }
        let on = target.clone();
        if ws
            .shared_edit(SharedEdit::AddComment {
                reply_to: on,
                text: text.clone(),
            })
            .is_some()
        {
            draft.set(String::new());
        }
    };
    let news = shown_news();
    let on_filter = on.clone();
    // A long discussion shows its latest comments first; earlier ones on request, so a
    // thousand comments do not all have to be laid out before the page can be read.
    let shown = RwSignal::new(PAGE);
    let total = {
        let on = on_filter.clone();
        move || state.with(|s| s.comments_on(on.as_deref()).count())
    };
    let comments = move || {
        state.with(|s| {
            let all: Vec<_> = s.comments_on(on_filter.as_deref()).collect();
            let skip = all.len().saturating_sub(shown.get());
            all[skip..]
                .iter()
                .map(|c| ((*c).clone(), s.name_of(&c.by)))
                .collect::<Vec<_>>()
        })
    };
    let hidden_count = {
        let total = total.clone();
        move || total().saturating_sub(shown.get())
    };
    view! {
        {
            let hidden_count = hidden_count.clone();
            let total = total.clone();
            move || {
                let n = hidden_count();
                (n > 0).then(|| view! {
                    <p class="hint earlier">
                        {format!("Showing the latest {} of {} comments. ", shown.get(), total())}
                        <button type="button" class="quiet small" on:click=move |_| shown.update(|s| *s += PAGE * 4)>
                            {format!("Show {} earlier", n.min(PAGE * 4))}
                        </button>
                    </p>
                })
            }
        }
        <ul class="comments">
            <KeyedList ids=Signal::derive(move || comments().iter().map(|(c, name)| row_key(&[&c.id, &c.text, &c.edited.to_string(), name])).collect())
                row=Callback::new(move |key: String| {
                    let found = state.with_untracked(|s| s.comments.iter().find(|c| c.id == id_of(&key)).map(|c| (c.clone(), s.name_of(&c.by))));
                    let Some((c, name)) = found else { return ().into_any() };
                    let name_for_reminder = name.clone();
                    let mine = c.by == me;
                    let id = c.id.clone();
                    let is_new = { let id = id.clone(); move || news.with(|n| n.comments.contains(&id)) };
                    let when = crate::web::format_time(c.at as f64, &zone);
                    let edit_id = id.clone();
                    let delete_id = id.clone();
                    let text = c.text.clone();
                    let this_editing = { let id = id.clone(); move || editing.with(|e| e.as_ref().is_some_and(|(i, _)| *i == id)) };
                    view! {
                        <li class="comment" class:new={let is_new = is_new.clone(); move || is_new()}>
                            <p class="comment-meta">
                                <strong>{name}</strong>" · "<span>{when}</span>
                                {(c.edited > 0).then_some(" · edited")}
                                {let is_new = is_new.clone(); move || is_new().then(|| view! { <span class="tag new">"New"</span> })}
                            </p>
                            <Show when=this_editing.clone() fallback=move || view! { <p class="comment-text">{text.clone()}</p> }>
                                <form class="comment-edit" on:submit={ let id = edit_id.clone(); move |ev: leptos::ev::SubmitEvent| {
                                    ev.prevent_default();
                                    let Some((_, text)) = editing.get_untracked() else { return };
                                    if ws.shared_edit(SharedEdit::EditComment { id: id.clone(), text }).is_some() {
                                        editing.set(None);
                                    }
                                }}>
                                    <label class="visually-hidden" for=format!("edit-{}", edit_id)>"Edit your comment"</label>
                                    <textarea id=format!("edit-{}", edit_id) rows="3" maxlength=MAX_TEXT
                                        prop:value=move || editing.with(|e| e.as_ref().map(|(_, t)| t.clone()).unwrap_or_default())
                                        on:input=move |ev| { let v = event_target_value(&ev); editing.update(|e| if let Some((_, t)) = e { *t = v; }); }></textarea>
                                    <div class="actions">
                                        <button type="submit">"Save"</button>
                                        <button type="button" class="quiet" on:click=move |_| editing.set(None)>"Cancel"</button>
                                    </div>
                                </form>
                            </Show>
                            <div class="comment-actions">
                                <RemindMe what=reminder_text(&name_for_reminder, &c.text) kind="comment"/>
                                {mine.then(|| {
                                    let id = id.clone();
                                    let text = c.text.clone();
                                    let delete_id = delete_id.clone();
                                    view! {
                                        <button type="button" class="quiet small" on:click=move |_| editing.set(Some((id.clone(), text.clone())))>"Edit"</button>
                                        <button type="button" class="quiet small" on:click=move |_| {
                                            ws.delete_shared_item(ItemList::Comments, &delete_id, "Comment");
                                        }>"Delete"</button>
                                    }
                                })}
                            </div>
                        </li>
                    }.into_any()
                })/>
        </ul>
        <form class="comment-form" on:submit=add>
            <label for=input_id.clone() class="visually-hidden">{if on.is_some() { format!("Comment on {about}") } else { "Add a comment".to_owned() }}</label>
            <textarea id=input_id rows="2" maxlength=MAX_TEXT placeholder=if on.is_some() { format!("Comment on {about}…") } else { "Add a comment…".to_owned() }
                prop:value=move || draft.get() on:input=move |ev| draft.set(event_target_value(&ev))></textarea>
            <button type="submit">"Comment"</button>
        </form>
    }
}

/// "Ben's comment: Can we ship Monday?", shortened for the reminder list.
fn reminder_text(name: &str, text: &str) -> String {
    let short: String = text.chars().take(120).collect();
    let more = if text.chars().count() > 120 {
        "…"
    } else {
        ""
    };
    format!("{name}'s comment: {short}{more}")
}
