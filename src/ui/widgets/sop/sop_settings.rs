//! An SOP's purpose, what 'done' means, when it runs and what automation covers: edited
//! by its owner, read by everyone else (with the next run in the reader's own time).

use leptos::prelude::*;

use crate::model::shared::sop::{Automation, Cadence, SopSchedule};
use crate::model::shared::TextField;
use crate::ui::fmt;
use crate::ui::shared::shown_state;
use crate::ui::widgets::shared::collab_text::CollabText;
use crate::workspace::{use_workspace, SopEdit};

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The schedule in words, its time on the owner's clock in the reader's locale, and the
/// next run in the reader's zone.
fn when_line(schedule: &SopSchedule, reader_zone: &str, now: i64) -> String {
    if schedule.cadence == Cadence::OnDemand {
        return "Runs when needed.".into();
    }
    let mut line = format!(
        "{} at {} ({})",
        schedule.days_in_words(),
        fmt::time_of_day(schedule.minute),
        fmt::zone_name(&schedule.zone)
    );
    if let Some(next) = schedule.next_after(now) {
        line.push_str(&format!(
            ". Next: {} your time",
            fmt::local_moment(next, reader_zone)
        ));
    }
    line.push('.');
    line
}

#[component]
pub fn SopSettings(is_owner: Signal<bool>) -> impl IntoView {
    let ws = use_workspace();
    let state = shown_state();
    let now = expect_context::<crate::ui::app::Now>().0;
    let zone = Memo::new(move |_| ws.state.with(|s| s.profile.time_zone.clone()));
    let schedule = Memo::new(move |_| state.with(|s| s.sop().schedule.clone()));
    // The minute matters only for 'next run'; a memo of the minute keeps the line from
    // redrawing every second.
    let minute = Memo::new(move |_| now.get() / 60_000);
    let about = Memo::new(move |_| {
        state.with(|s| {
            let sop = s.sop();
            (
                sop.purpose.clone(),
                sop.output.clone(),
                sop.automation.clone(),
            )
        })
    });
    let when = Signal::derive(move || {
        minute.track();
        when_line(&schedule.get(), &zone.get(), now.get_untracked())
    });
    view! {
        {move || if is_owner.get() {
            view! { <OwnerFields schedule zone when/> }.into_any()
        } else {
            view! {
                <div class="sop-about">
                    {move || about.with(|(purpose, output, automation)| {
                        view! {
                            {(!purpose.trim().is_empty()).then(|| view! { <p class="words">{purpose.trim().to_owned()}</p> })}
                            {(!output.trim().is_empty()).then(|| view! { <p><strong>"Done means: "</strong>{output.trim().to_owned()}</p> })}
                            {automation.clone().map(|a| view! {
                                <p>{format!("Automated with {}", a.tool)}
                                    {(!a.link.is_empty()).then(|| view! { " · " <a href=a.link.clone() target="_blank" rel="noopener noreferrer">"Open the automation"</a> })}
                                </p>
                            })}
                        }
                    })}
                    <p class="hint" data-testid="sop-when">{when}</p>
                </div>
            }.into_any()
        }}
    }
}

/// The owner's fields.
#[component]
fn OwnerFields(
    schedule: Memo<SopSchedule>,
    zone: Memo<String>,
    when: Signal<String>,
) -> impl IntoView {
    let ws = use_workspace();
    let state = shown_state();
    let set = move |change: &dyn Fn(&mut SopSchedule)| {
        let mut s = schedule.get_untracked();
        change(&mut s);
        // A schedule keeps the owner's zone of the moment it was set.
        if s.zone.is_empty() || s.cadence == Cadence::OnDemand {
            s.zone = zone.get_untracked();
        }
        ws.shared_edit(SopEdit::SetSchedule(s));
    };
    let cadence_key = move || match schedule.with(|s| s.cadence) {
        Cadence::OnDemand => "demand",
        Cadence::Workdays => "workdays",
        Cadence::Weekly(_) => "weekly",
        Cadence::Monthly(_) => "monthly",
    };
    let automation =
        Memo::new(move |_| state.with(|s| s.sop().automation.clone().unwrap_or_default()));
    let steps = Memo::new(move |_| {
        state.with(|s| {
            s.sop()
                .steps
                .iter()
                .map(|st| (st.id.clone(), st.text.clone()))
                .collect::<Vec<_>>()
        })
    });
    let set_automation = move |change: &dyn Fn(&mut Automation)| {
        let mut a = automation.get_untracked();
        change(&mut a);
        ws.shared_edit(SopEdit::SetAutomation(a));
    };
    view! {
        <CollabText field=TextField::Purpose label="Purpose" hint="Why this exists, and for whom." visible_label=true rows=2/>
        <CollabText field=TextField::Output label="What 'done' means" hint="The output of a run: what exists when it is finished." visible_label=true rows=2/>
        <fieldset class="sop-schedule">
            <legend>"When it runs"</legend>
            <div class="field-row">
                <div>
                    <label for="sop-cadence">"How often"</label>
                    <select id="sop-cadence" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        set(&|s| s.cadence = match v.as_str() {
                            "workdays" => Cadence::Workdays,
                            "weekly" => Cadence::Weekly(1),
                            "monthly" => Cadence::Monthly(1),
                            _ => Cadence::OnDemand,
                        });
                    }>
                        {[("demand", "When needed"), ("workdays", "Every working day"), ("weekly", "Weekly, on given days"), ("monthly", "Monthly, on a day")]
                            .into_iter().map(|(k, label)| view! { <option value=k selected=move || cadence_key() == k>{label}</option> }).collect_view()}
                    </select>
                </div>
                <Show when=move || cadence_key() != "demand">
                    <div>
                        <label for="sop-time">"At"</label>
                        <input id="sop-time" type="time" prop:value=move || schedule.with(|s| format!("{:02}:{:02}", s.minute / 60, s.minute % 60))
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                if let Some((h, m)) = v.split_once(':').and_then(|(h, m)| Some((h.parse::<u32>().ok()?, m.parse::<u32>().ok()?))) {
                                    set(&|s| s.minute = (h * 60 + m).min(24 * 60 - 1));
                                }
                            }/>
                    </div>
                </Show>
                <Show when=move || cadence_key() == "monthly">
                    <div>
                        <label for="sop-day">"Day of the month"</label>
                        <input id="sop-day" type="number" min="1" max="31" inputmode="numeric"
                            prop:value=move || schedule.with(|s| match s.cadence { Cadence::Monthly(d) => d, _ => 1 }.to_string())
                            on:change=move |ev| {
                                let d = event_target_value(&ev).trim().parse::<u8>().unwrap_or(1).clamp(1, 31);
                                set(&|s| s.cadence = Cadence::Monthly(d));
                            }/>
                        <p class="hint">"A month without that day uses its last day."</p>
                    </div>
                </Show>
            </div>
            <Show when=move || cadence_key() == "weekly">
                <div class="repeat-days" role="group" aria-label="On these days">
                    {WEEKDAYS.iter().enumerate().map(|(n, day)| {
                        let bit = 1u8 << n;
                        let id = format!("sop-day-{n}");
                        view! {
                            <span class="check">
                                <input type="checkbox" id=id.clone()
                                    prop:checked=move || schedule.with(|s| matches!(s.cadence, Cadence::Weekly(m) if m & bit != 0))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        set(&|s| if let Cadence::Weekly(m) = s.cadence {
                                            let m = if on { m | bit } else { m & !bit };
                                            // At least one day: unticking the last keeps it.
                                            s.cadence = Cadence::Weekly(if m == 0 { bit } else { m });
                                        });
                                    }/>
                                <label for=id>{*day}</label>
                            </span>
                        }
                    }).collect_view()}
                </div>
            </Show>
            <p class="hint" data-testid="sop-when">{when}</p>
        </fieldset>
        <details class="sop-automation" open=move || automation.with(|a| !a.tool.is_empty())>
            <summary>"Automation"</summary>
            <div class="field-row">
                <div>
                    <label for="sop-tool">"Tool"</label>
                    <input id="sop-tool" type="text" maxlength="80" placeholder="e.g. Zapier" prop:value=move || automation.with(|a| a.tool.clone())
                        on:change=move |ev| { let v = event_target_value(&ev); set_automation(&|a| a.tool = v.trim().to_owned()); }/>
                </div>
                <div class="grow">
                    <label for="sop-tool-link">"Link to the automation"</label>
                    <input id="sop-tool-link" type="url" placeholder="https://" prop:value=move || automation.with(|a| a.link.clone())
                        on:change=move |ev| { let v = event_target_value(&ev); set_automation(&|a| a.link = v.trim().to_owned()); }/>
                </div>
            </div>
            <fieldset class="plain">
                <legend>"Steps it covers"</legend>
                {move || steps.with(|list| list.iter().enumerate().map(|(n, (id, text))| {
                    let id = id.clone();
                    let input = format!("covers-{id}");
                    let covered = automation.with_untracked(|a| a.covers.contains(&id));
                    view! {
                        <span class="check">
                            <input type="checkbox" id=input.clone() prop:checked=covered on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                set_automation(&|a| { a.covers.retain(|c| *c != id); if on { a.covers.push(id.clone()); } });
                            }/>
                            <label for=input>{format!("{}. {text}", n + 1)}</label>
                        </span>
                    }
                }).collect_view())}
            </fieldset>
        </details>
    }
}
