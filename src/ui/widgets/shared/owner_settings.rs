//! What only the document's owner sets: title, the date input is wanted by, whose input
//! is wanted, the vote budget and whether totals show.

use leptos::prelude::*;

use crate::model::kind::DocKind;
use crate::ui::shared::shown_state;
use crate::workspace::{use_workspace, DiscussionEdit, SharedEdit};

#[component]
pub fn OwnerSettings() -> impl IntoView {
    let ws = use_workspace();
    let state = shown_state();
    let initial = state.get_untracked();
    let title = RwSignal::new(initial.title.clone());
    let invited = RwSignal::new(
        initial
            .invited
            .iter()
            .map(|(_, n)| n.clone())
            .collect::<Vec<_>>()
            .join(", "),
    );
    let save_title = move || {
        let t = title.get_untracked();
        ws.shared_edit(SharedEdit::SetTitle(t));
    };
    let save_invited = move || {
        let names: Vec<String> = invited
            .get_untracked()
            .split([',', '\n'])
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty())
            .collect();
        ws.shared_edit(SharedEdit::SetInvited(names));
    };
    let kind = initial.kind();
    let discussion = kind == DocKind::Discussion;
    let invited_label = if kind == DocKind::Meeting {
        "Who attends"
    } else {
        "Whose input you want"
    };
    view! {
        <section class="card" aria-labelledby="owner-head">
            <h2 id="owner-head">"Settings"</h2>
            <p class="hint">"Only you, the owner, see these."</p>
            <label for="doc-title">"Title"</label>
            <input id="doc-title" type="text" maxlength="500" prop:value=move || title.get()
                on:input=move |ev| title.set(event_target_value(&ev)) on:change=move |_| save_title()/>
            <Show when=move || discussion>
            <label for="doc-due">"Input wanted by"</label>
            <input id="doc-due" type="date" prop:value=move || state.with(|s| s.due.clone())
                on:change=move |ev| { let d = event_target_value(&ev); ws.shared_edit(SharedEdit::SetDue(d)); }/>
            </Show>
            <Show when=move || kind != DocKind::Board>
            <label for="doc-invited">{invited_label}</label>
            <textarea id="doc-invited" rows="2" placeholder="Ana, Ben, Cy" aria-describedby="doc-invited-hint" prop:value=move || invited.get()
                on:input=move |ev| invited.set(event_target_value(&ev)) on:change=move |_| save_invited()></textarea>
            <p class="hint" id="doc-invited-hint">{if kind == DocKind::Meeting {
                "Names as people enter them in Unhurried, separated by commas. Add an address to mail them the follow-up: Ana <ana@example.org>."
            } else {
                "Names as people enter them in Unhurried, separated by commas."
            }}</p>
            </Show>
            <Show when=move || discussion>
            <label for="doc-budget">"Votes per person"</label>
            <select id="doc-budget" on:change=move |ev| {
                let n: u32 = event_target_value(&ev).parse().unwrap_or(0);
                ws.shared_edit(DiscussionEdit::SetBudget(n));
            }>
                {(0..=10u32).map(|n| view! {
                    <option value=n.to_string() selected=move || state.with(|s| s.discussion().budget == n)>
                        {if n == 0 { "One per idea, no limit".to_owned() } else { format!("{n} in all") }}
                    </option>
                }).collect_view()}
            </select>
            <div class="check">
                <input id="doc-hide" type="checkbox" prop:checked=move || state.with(|s| s.discussion().hide_votes)
                    on:change=move |ev| { let h = event_target_checked(&ev); ws.shared_edit(DiscussionEdit::SetHideVotes(h)); }/>
                <label for="doc-hide">"Hide vote totals until I reveal them"</label>
            </div>
            <p class="hint">"Hiding only keeps totals off the screen so early votes do not sway later ones; anyone with the link could still read the votes in the document."</p>
            </Show>
        </section>
    }
}
