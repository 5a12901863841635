//! An SOP's purpose, what 'done' means, when it runs and what automation covers: edited
//! by its owner, read by everyone else (with the next run in the reader's own time).

use leptos::prelude::*;
use std::fmt::Write as _;

use crate::model::schedule::WEEKDAYS;
use crate::model::shared::sop::{Automation, Cadence, SopPart, SopSchedule};
use crate::model::shared::TextField;
use crate::ui::fmt;
use crate::ui::widgets::field::{Choice, Field};
use crate::ui::widgets::shared::collab_text::CollabText;
use crate::workspace::{use_workspace, SopEdit};

const CADENCES: [(&str, &str); 4] = [
    ("demand", "When needed"),
    ("workdays", "Every working day"),
    ("weekly", "Weekly, on given days"),
    ("monthly", "Monthly, on a day"),
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
        let _ = write!(
            line,
            ". Next: {} your time",
            fmt::local_moment(next, reader_zone)
        );
    }
    line.push('.');
    line
}

#[component]
pub fn SopSettings(is_owner: Signal<bool>) -> impl IntoView {
    let procedure = super::procedure();
    let now = expect_context::<crate::ui::app::Now>().0;
    let zone = super::reader_zone();
    // The minute matters only for 'next run'; a memo of the minute keeps the line from
    // redrawing every second.
    let minute = super::minute();
    let when = Signal::derive(move || {
        // Read, not only tracked: a memo nobody has read yet never subscribes to its own sources.
        minute.with(|_| ());
        procedure.with(|p| when_line(&p.schedule, &zone.get(), now.get_untracked()))
    });
    view! {
        {move || if is_owner.get() {
            view! { <OwnerFields zone when/> }.into_any()
        } else {
            view! {
                <div class="sop-about">
                    {move || procedure.with(|SopPart { purpose, output, automation, .. }| {
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
fn OwnerFields(zone: Memo<String>, when: Signal<String>) -> impl IntoView {
    let ws = use_workspace();
    let procedure = super::procedure();
    let set = move |change: &dyn Fn(&mut SopSchedule)| {
        let mut s = procedure.with_untracked(|p| p.schedule.clone());
        change(&mut s);
        // A schedule keeps the owner's zone of the moment it was set.
        if s.zone.is_empty() || s.cadence == Cadence::OnDemand {
            s.zone = zone.get_untracked();
        }
        ws.shared_edit(SopEdit::SetSchedule(s));
    };
    // The typed fields read memos of their own value, so that another edit never resets
    // what is being typed.
    let text_of = move |f: fn(&SopPart) -> String| Memo::new(move |_| procedure.with(f));
    let time = text_of(|p| {
        format!(
            "{:02}:{:02}",
            p.schedule.minute / 60,
            p.schedule.minute % 60
        )
    });
    let day = text_of(|p| match p.schedule.cadence {
        Cadence::Monthly(d) => d.to_string(),
        _ => "1".into(),
    });
    // The fields that depend on the cadence are drawn again only when it changes.
    let cadence = text_of(|p| {
        match p.schedule.cadence {
            Cadence::OnDemand => "demand",
            Cadence::Workdays => "workdays",
            Cadence::Weekly(_) => "weekly",
            Cadence::Monthly(_) => "monthly",
        }
        .to_owned()
    });
    let tool = text_of(|p| {
        p.automation
            .as_ref()
            .map(|a| a.tool.clone())
            .unwrap_or_default()
    });
    let tool_link = text_of(|p| {
        p.automation
            .as_ref()
            .map(|a| a.link.clone())
            .unwrap_or_default()
    });
    let set_automation = move |change: &dyn Fn(&mut Automation)| {
        let mut a = procedure.with_untracked(|p| p.automation.clone().unwrap_or_default());
        change(&mut a);
        ws.shared_edit(SopEdit::SetAutomation(a));
    };
    view! {
        <CollabText field=TextField::Purpose label="Purpose" hint="Why this exists, and for whom." visible_label=true rows=2/>
        <CollabText field=TextField::Output label="What 'done' means" hint="The output of a run: what exists when it is finished." visible_label=true rows=2/>
        <fieldset class="sop-schedule">
            <legend>"When it runs"</legend>
            <div class="field-row">
                <Choice id="sop-cadence" label="How often" options=&CADENCES
                    value=cadence
                    on_change=Callback::new(move |v: String| set(&|s| s.cadence = match v.as_str() {
                        "workdays" => Cadence::Workdays,
                        "weekly" => Cadence::Weekly(1),
                        "monthly" => Cadence::Monthly(1),
                        _ => Cadence::OnDemand,
                    }))/>
                {move || (cadence.get() != "demand").then(|| view! {
                    <Field id="sop-time" label="At" kind="time"
                        value=time
                        on_change=Callback::new(move |v: String| {
                            if let Some((h, m)) = v.split_once(':').and_then(|(h, m)| Some((h.parse::<u32>().ok()?, m.parse::<u32>().ok()?))) {
                                set(&|s| s.minute = (h * 60 + m).min(24 * 60 - 1));
                            }
                        })/>
                })}
                {move || (cadence.get() == "monthly").then(|| view! {
                    <Field id="sop-day" label="Day of the month (the last day in shorter months)" kind="number"
                        value=day
                        on_change=Callback::new(move |v: String| {
                            let d = v.trim().parse::<u8>().unwrap_or(1).clamp(1, 31);
                            set(&|s| s.cadence = Cadence::Monthly(d));
                        })/>
                })}
            </div>
            {move || (cadence.get() == "weekly").then(|| view! {
                <div class="repeat-days" role="group" aria-label="On these days">
                    {WEEKDAYS.iter().enumerate().map(|(n, day)| {
                        let bit = 1u8 << n;
                        let id = format!("sop-day-{n}");
                        view! {
                            <span class="check">
                                <input type="checkbox" id=id.clone()
                                    prop:checked=move || procedure.with(|p| matches!(p.schedule.cadence, Cadence::Weekly(m) if m & bit != 0))
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
            })}
            <p class="hint" data-testid="sop-when">{when}</p>
        </fieldset>
        <details class="sop-automation" open=move || procedure.with(|p| p.automation.is_some())>
            <summary>"Automation"</summary>
            <div class="field-row">
                <Field id="sop-tool" label="Tool" placeholder="e.g. Zapier" value=tool
                    on_change=Callback::new(move |v: String| set_automation(&|a| a.tool = v.trim().to_owned()))/>
                <Field id="sop-tool-link" label="Link to the automation" kind="url" placeholder="https://" grow=true
                    value=tool_link
                    on_change=Callback::new(move |v: String| set_automation(&|a| a.link = v.trim().to_owned()))/>
            </div>
            <fieldset class="plain">
                <legend>"Steps it covers"</legend>
                {move || procedure.with(|p| p.steps.iter().enumerate().map(|(n, st)| {
                    let (id, text) = (&st.id, &st.text);
                    let id = id.clone();
                    let input = format!("covers-{id}");
                    let covered = p.automation.as_ref().is_some_and(|a| a.covers.contains(&id));
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
