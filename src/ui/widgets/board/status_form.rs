//! The person's status card for a day: done, doing next, blocked by, a tag and a note.
//! The day is the date on the person's own clock (their profile's zone) unless they pick
//! another; posting again for the same day updates the same card.

use leptos::prelude::*;

use crate::model::profile::parse_time_zone;
use crate::model::shared::board::{StatusCard, StatusTag};
use crate::ui::shared::{me, shown_state};
use crate::workspace::{use_workspace, BoardEdit};

#[component]
pub fn StatusForm(today: Signal<String>) -> impl IntoView {
    let ws = use_workspace();
    let state = shown_state();
    let me = me();
    let date = RwSignal::new(today.get_untracked());
    // Left open past midnight, the form moves on to the new day, unless the person chose
    // another day themselves.
    Effect::new(move |previous: Option<String>| {
        let t = today.get();
        if previous.is_some_and(|p| date.get_untracked() == p) {
            date.set(t.clone());
        }
        t
    });
    let draft = RwSignal::new(StatusCard::default());
    // A memo, so other people's cards and card moves leave the draft alone.
    let posted = Memo::new(move |_| state.with(|s| s.board().status(&me, &date.get()).cloned()));
    // The form shows the card already posted for the chosen day, if any.
    Effect::new(move |_| {
        let card = posted.get().unwrap_or_else(|| StatusCard {
            date: date.get_untracked(),
            ..StatusCard::default()
        });
        draft.set(card);
    });
    let post = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut card = draft.get_untracked();
        card.date = date.get_untracked();
        // The zone the date was read in (UTC when the profile's is unknown, as `zones::date_at`),
        // so others can tell a card written for its own day from one filled in later.
        card.zone = ws.state.with_untracked(|s| {
            parse_time_zone(&s.profile.time_zone)
                .map_or("UTC", |tz| tz.name())
                .to_owned()
        });
        if ws
            .shared_edit(BoardEdit::PostStatus(card.clone()))
            .is_some()
        {
            ws.say(
                "Status posted. Share the reply link so the others see it.".into(),
                None,
            );
        }
    };
    let field = move |label: &'static str,
                      id: &'static str,
                      hint: &'static str,
                      get: fn(&StatusCard) -> String,
                      set: fn(&mut StatusCard, String)| {
        view! {
            <label for=id>{label}</label>
            <textarea id=id rows="2" maxlength="2000" placeholder=hint
                prop:value=move || draft.with(get)
                on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| set(d, v)); }></textarea>
        }
    };
    view! {
        <form class="card status-form" on:submit=post aria-labelledby="status-head">
            <h2 id="status-head">"Your status"</h2>
            <label for="status-date">"Day"</label>
            <input id="status-date" type="date" prop:value=move || date.get() on:change=move |ev| date.set(event_target_value(&ev))/>
            {field("Done", "status-done", "What you finished", |d| d.done.clone(), |d, v| d.done = v)}
            {field("Doing next", "status-doing", "What you are on now", |d| d.doing.clone(), |d, v| d.doing = v)}
            {field("Blocked by", "status-blocked", "What stops you, and who can unblock it", |d| d.blocked.clone(), |d, v| d.blocked = v)}
            <fieldset class="tags">
                <legend>"How it is going"</legend>
                {StatusTag::ALL.into_iter().map(|tag| {
                    let id = format!("status-tag-{}", tag.key());
                    view! {
                        <span class="radio">
                            <input type="radio" name="status-tag" id=id.clone() prop:checked=move || draft.with(|d| d.tag == tag)
                                on:change=move |_| draft.update(|d| d.tag = tag)/>
                            <label for=id>{tag.label()}</label>
                        </span>
                    }
                }).collect_view()}
            </fieldset>
            {field("Note", "status-note", "Anything else", |d| d.note.clone(), |d, v| d.note = v)}
            <div class="form-foot">
                <button type="submit">{move || if posted.with(Option::is_some) { "Update status" } else { "Post status" }}</button>
            </div>
        </form>
    }
}
