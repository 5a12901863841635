//! A meeting document's body: the pre-meeting brief, 'could this be async?', the cost,
//! the agenda and its timer, notes, action items and the follow-up.

use leptos::prelude::*;

use crate::model::profile::parse_time_zone;
use crate::model::reminder::parse_local;
use crate::model::shared::checked_link;
use crate::model::shared::meeting::BOOKED_MINUTES;
use crate::model::shared::TextField;
use crate::ui::fmt::local_moment;
use crate::ui::shared::shown_state;
use crate::ui::widgets::{
    meeting::agenda_editor::AgendaEditor, meeting::async_check::AsyncCheck,
    meeting::follow_up::FollowUp, meeting::meeting_cost::MeetingCost,
    meeting::meeting_timer::MeetingTimer, shared::action_plan::ActionPlan,
    shared::collab_text::CollabText, shared::shared_recordings::SharedRecordings,
    shared::sharing::Sharing,
};
use crate::workspace::{use_workspace, MeetingEdit};

#[component]
pub fn MeetingBody(is_owner: Signal<bool>) -> impl IntoView {
    let ws = use_workspace();
    let state = shown_state();
    // Memos, so typing in the notes does not rewrite these fields under the person.
    let stored_recording = Memo::new(move |_| state.with(|s| s.meeting().recording.clone()));
    let when = Memo::new(move |_| {
        state.with(|s| (s.meeting().when.clone(), s.meeting().when_zone.clone()))
    });
    let recording = RwSignal::new(stored_recording.get_untracked());
    // A teammate's new link, merged in, replaces what the field shows.
    Effect::new(move |_| recording.set(stored_recording.get()));
    let recording_error = RwSignal::new(None::<&'static str>);
    let my_zone = move || ws.state.with(|s| s.profile.time_zone.clone());
    // The time on the reader's clock, when the organiser set it on another.
    let for_me = move || {
        let (at, zone) = when.get();
        let mine = my_zone();
        if at.is_empty() || zone.is_empty() || zone == mine {
            return None;
        }
        let tz = parse_time_zone(&zone)?;
        let instant = parse_local(tz, &at)?;
        Some(format!(
            "That is {} for you ({mine}).",
            local_moment(instant, &mine)
        ))
    };
    let save_recording = move |_| {
        let url = recording.get_untracked();
        if !url.trim().is_empty() {
            if let Err(m) = checked_link(&url) {
                recording_error.set(Some(m.message()));
                return;
            }
        }
        recording_error.set(None);
        ws.shared_edit(MeetingEdit::SetRecording(url));
    };
    let moved_to = move || state.with(|s| s.meeting().moved_to);
    view! {
        {move || {
            moved_to().map(|id| view! {
                <div class="banner info" role="status"><p>"This meeting was turned into a discussion. "<a href=format!("/shared/{id}")>"Open the discussion"</a></p></div>
            })
        }}
        <div class="collab-layout">
            <div class="collab-main">
                <section class="card" aria-labelledby="brief-head">
                    <h2 id="brief-head">"Before the meeting"</h2>
                    <label for="meeting-when">{move || {
                        let zone = when.with(|w| w.1.clone());
                        if zone.is_empty() { "When".to_owned() } else { format!("When ({zone} time)") }
                    }}</label>
                    <input id="meeting-when" type="datetime-local" prop:value=move || when.with(|w| w.0.clone())
                        aria-describedby="meeting-when-local"
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            // Set on the clock of whoever sets it, and said so.
                            let zone = my_zone();
                            ws.shared_edit(MeetingEdit::SetWhen { when: v, zone });
                        }/>
                    <p class="hint" id="meeting-when-local">{for_me}</p>
                    <label for="meeting-booked">"Without this agenda it would be booked for (minutes)"</label>
                    <input id="meeting-booked" type="number" min="1" max="480" inputmode="numeric" aria-describedby="meeting-booked-hint"
                        prop:value=move || state.with(|s| s.meeting().booked.unwrap_or(BOOKED_MINUTES).to_string())
                        on:change=move |ev| { if let Ok(m) = event_target_value(&ev).trim().parse::<u32>() { ws.shared_edit(MeetingEdit::SetBooked(m)); } }/>
                    <p class="hint" id="meeting-booked-hint">"The monthly review counts the time the agenda saves against this, and all of it if the meeting turns into a discussion."</p>
                    <CollabText field=TextField::Data label="What everyone must know" visible_label=true rows=5
                        hint="The data and context to read before joining, so the meeting spends no time on it."/>
                    <CollabText field=TextField::Questions label="Questions this meeting must answer" visible_label=true rows=3
                        hint="One per line. If there are none, it may not need a meeting."/>
                    <CollabText field=TextField::Dates label="Important dates" visible_label=true rows=3
                        hint="One per line, such as 2026-12-01 launch."/>
                    <label for="meeting-recording">"Recording link (optional)"</label>
                    <div class="inline-form">
                        <input id="meeting-recording" class="grow" type="url" inputmode="url" placeholder="https://"
                            aria-describedby="recording-error"
                            prop:value=move || recording.get() on:input=move |ev| recording.set(event_target_value(&ev))/>
                        <button type="button" class="secondary" on:click=save_recording>"Save link"</button>
                    </div>
                    <p id="recording-error" class="error" role="alert">{move || recording_error.get()}</p>
                    {move || {
                        let url = state.with(|s| s.meeting().recording.clone());
                        (!url.is_empty()).then(|| view! {
                            <p><a href=url.clone() target="_blank" rel="noopener noreferrer">"Open the recording"</a></p>
                        })
                    }}
                    <SharedRecordings/>
                </section>
                <AgendaEditor/>
                <MeetingTimer/>
                <section class="card" aria-labelledby="notes-head">
                    <h2 id="notes-head">"Notes"</h2>
                    <CollabText field=TextField::Notes label="Meeting notes" rows=8
                        hint="Anyone can write here during or after the meeting; typing at the same time merges."/>
                </section>
                <ActionPlan/>
                <FollowUp/>
            </div>
            <aside class="collab-side">
                <AsyncCheck/>
                <MeetingCost/>
                <Sharing is_owner/>
            </aside>
        </div>
    }
}
