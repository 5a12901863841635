//! Every shared document this person holds, new discussions, and opening links and files.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::model::ids::DocId;
use crate::model::kind::DocKind;
use crate::ui::widgets::file_import::FileImport;
use crate::ui::widgets::link_receiver::{LinkError, FILE_FAILED, LINK_FAILED};
use crate::workspace::use_workspace;

fn held_ids(ws: crate::workspace::Workspace) -> Vec<DocId> {
    ws.state
        .with_untracked(|s| s.held.iter().map(|h| h.id).collect())
}

/// The "Shared" page.
#[component]
pub fn SharedList() -> impl IntoView {
    crate::web::set_title("Shared");
    let ws = use_workspace();
    let navigate = use_navigate();
    let title = RwSignal::new(String::new());
    let kind = RwSignal::new(DocKind::Discussion);
    let pasted = RwSignal::new(String::new());
    let link_error = expect_context::<LinkError>().0;
    let unread = Memo::new(move |_| {
        ws.state.track();
        ws.unread_counts()
    });
    let zone = move || ws.state.with(|s| s.profile.time_zone.clone());

    let nav = navigate.clone();
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = title.get_untracked();
        let k = kind.get_untracked();
        let t = if !t.trim().is_empty() {
            t
        } else {
            match k {
                DocKind::Meeting => "Weekly meeting".to_owned(),
                DocKind::Board => "Daily stand-up".to_owned(),
                DocKind::Sop => "Untitled SOP".to_owned(),
                DocKind::Feedback => "How is my work going?".to_owned(),
                _ => "Untitled discussion".to_owned(),
            }
        };
        if let Some(id) = ws.create_shared(k, &t) {
            title.set(String::new());
            nav(&format!("/shared/{id}"), NavigateOptions::default());
        }
    };
    let nav = navigate.clone();
    let open_pasted = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = pasted.get_untracked();
        let fragment = text
            .trim()
            .rsplit_once('#')
            .map(|(_, f)| f.to_owned())
            .unwrap_or_else(|| text.trim().to_owned());
        let held_before = held_ids(ws);
        match ws.receive_fragment(&fragment) {
            Ok((id, message)) => {
                link_error.set(None);
                pasted.set(String::new());
                ws.say(message, None);
                // A new document opens; a reply to one already here merges in place, so
                // several replies can be taken in one after another and read after.
                if !held_before.contains(&id) {
                    nav(&format!("/shared/{id}"), NavigateOptions::default());
                }
            }
            Err(message) => link_error.set(Some((LINK_FAILED, message))),
        }
    };
    let nav = navigate.clone();
    let on_file = move |result: Result<Vec<u8>, String>| {
        let held_before = held_ids(ws);
        let outcome = result.and_then(|bytes| ws.receive_file(&bytes));
        match outcome {
            Ok((Some(id), message)) => {
                link_error.set(None);
                ws.say(message, None);
                if !held_before.contains(&id) {
                    nav(&format!("/shared/{id}"), NavigateOptions::default());
                }
            }
            Ok((None, message)) => ws.say(message, None),
            Err(message) => link_error.set(Some((FILE_FAILED, message))),
        }
    };
    let dropped = on_file.clone();
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        else {
            return;
        };
        let dropped = dropped.clone();
        leptos::task::spawn_local(async move {
            if file.size() > crate::workspace::MAX_FILE_BYTES as f64 {
                dropped(Err("That file is too large to be an Unhurried file.".into()));
                return;
            }
            match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => dropped(Ok(js_sys::Uint8Array::new(&buffer).to_vec())),
                Err(_) => dropped(Err("The browser could not read that file.".into())),
            }
        });
    };

    view! {
        <section class="page" on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=on_drop>
            <div class="page-head">
                <h1>"Shared"</h1>
                <p class="lede">"Discussions, meetings, stand-up boards, SOPs and feedback requests you work on with others. Each travels inside its link: nothing passes through a server, and anyone who holds a link can read that document, so send it only to the people it is for."</p>
            </div>
            <div class="shared-grid">
                <form class="card" on:submit=create>
                    <h2>"Start something shared"</h2>
                    <fieldset class="kind-choice">
                        <legend>"What kind"</legend>
                        {[(DocKind::Discussion, "Discussion", "decide in writing: comments, ideas, votes, polls"),
                          (DocKind::Meeting, "Meeting", "a brief, a 15-minute agenda with a timer, notes"),
                          (DocKind::Board, "Stand-up board", "daily status cards and work cards"),
                          (DocKind::Sop, "SOP", "steps to run as a checklist, handed to a delegate"),
                          (DocKind::Feedback, "Feedback request", "a score and a few questions for clients and co-workers")]
                            .into_iter().map(|(k, label, hint)| {
                                let id = format!("new-kind-{}", k.key());
                                view! {
                                    <span class="radio">
                                        <input type="radio" name="new-kind" id=id.clone() prop:checked=move || kind.get() == k on:change=move |_| kind.set(k)/>
                                        <label for=id>{label}<span class="hint">{format!(": {hint}")}</span></label>
                                    </span>
                                }
                            }).collect_view()}
                    </fieldset>
                    <label for="new-title">{move || match kind.get() {
                        DocKind::Meeting => "What is the meeting about?",
                        DocKind::Board => "Whose stand-up?",
                        DocKind::Sop => "What is the procedure?",
                        DocKind::Feedback => "Who or what is it for?",
                        _ => "What needs deciding?",
                    }}</label>
                    <input id="new-title" type="text" maxlength="500" placeholder=move || match kind.get() {
                            DocKind::Meeting => "e.g. Launch review",
                            DocKind::Board => "e.g. Design team",
                            DocKind::Sop => "e.g. Send the monthly invoices",
                            DocKind::Feedback => "e.g. Acme: how is my work going?",
                            _ => "e.g. Pick a launch date",
                        }
                        prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev))/>
                    <div class="form-foot"><button type="submit">"Start"</button></div>
                </form>
                <form class="card" on:submit=open_pasted>
                    <h2>"Open a link or file"</h2>
                    <label for="paste-link">"Paste a link someone sent you"</label>
                    <input id="paste-link" type="text" autocomplete="off" spellcheck="false"
                        prop:value=move || pasted.get() on:input=move |ev| pasted.set(event_target_value(&ev))/>
                    <div class="form-foot">
                        <button type="submit">"Open link"</button>
                        <FileImport label="Open a file…" id="shared-file" on_file=on_file/>
                    </div>
                    <p class="hint">"You can also drop a .unhurried file on this page."</p>
                </form>
            </div>
            <h2 class="list-head">"Your documents"</h2>
            {move || {
                let held = ws.state.with(|s| s.held.clone());
                if held.is_empty() {
                    return view! { <p class="hint">"None yet. Start a discussion above, or open a link a teammate sent."</p> }.into_any();
                }
                let counts = unread.get();
                view! {
                    <ul class="held-list">
                        {held.into_iter().map(|h| {
                            let n = counts.get(&h.id).copied().unwrap_or(0);
                            let noun = match h.kind {
                                DocKind::Meeting => "Meeting",
                                DocKind::Board => "Stand-up board",
                                DocKind::Sop => "SOP",
                                DocKind::Feedback => "Feedback request",
                                DocKind::Page => "How to work with me",
                                DocKind::Dashboard => "Client dashboard",
                                DocKind::Form => "Form",
                                // A personal document or a reply is never held.
                                DocKind::Discussion | DocKind::Personal | DocKind::Reply => "Discussion",
                            };
                            let title = if h.title.trim().is_empty() { format!("Untitled {}", noun.to_lowercase()) } else { h.title.clone() };
                            view! {
                                <li class="held-row" class:unread={n > 0}>
                                    <a href=format!("/shared/{}", h.id)>{title}</a>
                                    <span class="task-meta">{format!("{noun} · since {}", crate::web::format_time(h.added as f64, &zone()))}</span>
                                    {(n > 0).then(|| view! { <span class="tag new">{format!("{n} new")}</span> })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
