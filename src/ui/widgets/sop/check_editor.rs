//! An SOP's quality checks, ticked at the end of every run: the owner edits, adds and
//! removes them; everyone else reads them.

use leptos::prelude::*;

use crate::model::shared::ItemList;
use crate::ui::widgets::add_form::{AddForm, AddInput};
use crate::workspace::{use_workspace, SopEdit};

const NEW_CHECK: [AddInput; 1] = [AddInput {
    placeholder: "e.g. The invoice PDF is attached",
    grow: true,
    ..AddInput::text("check-new", "New quality check")
}];

#[component]
pub fn CheckEditor(is_owner: Signal<bool>) -> impl IntoView {
    let ws = use_workspace();
    // Drawn again only when the procedure changes, not at each tick of a run.
    let procedure = super::procedure();
    let add = Callback::new(move |typed: Vec<String>| {
        ws.shared_edit(SopEdit::AddCheck(typed[0].trim().to_owned()))
            .is_some()
    });
    view! {
        <h3 id="checks-head">"Quality checks"</h3>
        <p class="hint">"Ticked at the end of every run."</p>
        <ul class="plain-list sop-checks" aria-labelledby="checks-head">
            {move || {
                let owner = is_owner.get();
                procedure.with(|sop| sop.checks.iter().map(|c| {
                    let id = c.id.clone();
                    if owner {
                        let (edit_id, remove_id) = (id.clone(), id.clone());
                        let label = c.text.clone();
                        view! {
                            <li class="field-row">
                                <label class="visually-hidden" for=format!("check-{id}")>"Quality check"</label>
                                <input id=format!("check-{id}") class="grow" type="text" maxlength="500" prop:value=c.text.clone()
                                    on:change=move |ev| { ws.shared_edit(SopEdit::UpdateCheck { id: edit_id.clone(), text: event_target_value(&ev) }); }/>
                                <button type="button" class="quiet small" aria-label=format!("Remove {label}")
                                    on:click=move |_| ws.delete_shared_item(ItemList::Checks, &remove_id, "Quality check")>"Remove"</button>
                            </li>
                        }.into_any()
                    } else {
                        view! { <li>{format!("☐ {}", c.text)}</li> }.into_any()
                    }
                }).collect_view())
            }}
        </ul>
        {move || (is_owner.get()).then(|| view! {
            <AddForm inputs=&NEW_CHECK submit="Add check" on_add=add/>
        })}
    }
}
