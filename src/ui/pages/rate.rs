//! The hourly rate: typed in, or worked out from yearly income; and what each task costs.

use leptos::prelude::*;

use crate::model::inventory::{format_hours, minutes_per_year_to_hours_per_month, InventoryTotals};
use crate::model::rate::{amount_for_input, parse_amount, Rate, RateMode, COMMON_CURRENCIES};
use crate::ui::fmt;
use crate::ui::widgets::checked_input::{whole_number_in, whole_number_message, CheckedInput};
use crate::workspace::{display_title, use_workspace};

/// Applies a typed amount: empty means none (0); anything else must parse.
fn apply_amount(text: &str, set: impl Fn(i64)) -> bool {
    match parse_amount(text) {
        Some(cents) => set(cents),
        None if text.trim().is_empty() => set(0),
        None => return false,
    }
    true
}

const AMOUNT_MESSAGE: &str = "Enter an amount such as 45 or 45.50.";

/// The rate page.
#[component]
pub fn RatePage() -> impl IntoView {
    crate::web::set_title("Hourly rate");
    let ws = use_workspace();
    let rate = Memo::new(move |_| ws.state.with(|s| s.rate.clone()));
    let edit = move |f: &dyn Fn(&mut Rate)| {
        let mut r = ws.state.with_untracked(|s| s.rate.clone());
        f(&mut r);
        ws.set_rate(r);
    };
    let mode_is = move |m: RateMode| move || rate.with(|r| r.mode == m);

    view! {
        <section class="page rate-page">
            <header class="page-head">
                <h1>"Hourly rate"</h1>
                <p class="lede">"What an hour of your time is worth, so you can see what each task and each meeting costs."</p>
            </header>
            <div class="card">
                <p class="privacy">"Your rate stays in this browser. It is never put in a shared document or a link."</p>
                <fieldset class="mode">
                    <legend>"How do you want to give it?"</legend>
                    <div class="check">
                        <input type="radio" id="mode-direct" name="mode" prop:checked=mode_is(RateMode::Direct)
                            on:change=move |_| edit(&|r| r.mode = RateMode::Direct)/>
                        <label for="mode-direct">"I know my hourly rate"</label>
                    </div>
                    <div class="check">
                        <input type="radio" id="mode-income" name="mode" prop:checked=mode_is(RateMode::FromIncome)
                            on:change=move |_| edit(&|r| r.mode = RateMode::FromIncome)/>
                        <label for="mode-income">"Work it out from my yearly income"</label>
                    </div>
                </fieldset>
                <div class="field-row">
                    <div>
                        <label for="currency">"Currency"</label>
                        <select id="currency" on:change=move |ev| { let c = event_target_value(&ev); edit(&|r| r.currency = c.clone()) }>
                            {COMMON_CURRENCIES.iter().map(|c| {
                                let c = *c;
                                view! { <option value=c selected=move || rate.with(|r| r.currency == c)>{c}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <Show when=mode_is(RateMode::Direct)>
                        <div>
                            <CheckedInput id="rate-hourly" label="Rate per hour" inputmode="decimal" message=AMOUNT_MESSAGE
                                initial=amount_for_input(rate.with_untracked(|r| r.direct_cents_per_hour))
                                apply=move |v| apply_amount(v, |c| edit(&|r| r.direct_cents_per_hour = c))/>
                        </div>
                    </Show>
                </div>
                <Show when=mode_is(RateMode::FromIncome)>
                    <div class="field-row">
                        <div>
                            <CheckedInput id="rate-income" label="Yearly income" inputmode="decimal" message=AMOUNT_MESSAGE
                                initial=amount_for_input(rate.with_untracked(|r| r.yearly_income_cents))
                                apply=move |v| apply_amount(v, |c| edit(&|r| r.yearly_income_cents = c))/>
                        </div>
                        <div>
                            <CheckedInput id="rate-hours" label="Working hours a week" inputmode="numeric" message=whole_number_message(1, 100)
                                initial=rate.with_untracked(|r| r.hours_per_week).to_string()
                                apply=move |v| whole_number_in(v, 1, 100).map(|n| edit(&|r| r.hours_per_week = n)).is_some()/>
                        </div>
                        <div>
                            <CheckedInput id="rate-weeks" label="Working weeks a year" inputmode="numeric" message=whole_number_message(1, 52)
                                initial=rate.with_untracked(|r| r.weeks_per_year).to_string()
                                apply=move |v| whole_number_in(v, 1, 52).map(|n| edit(&|r| r.weeks_per_year = n)).is_some()/>
                        </div>
                    </div>
                </Show>
                <p class="result" data-testid="effective-rate" aria-live="polite">
                    {move || rate.with(|r| if r.is_set() {
                        format!("{} an hour", fmt::money(r.cents_per_hour(), &r.currency))
                    } else {
                        "Enter your rate to see costs.".into()
                    })}
                </p>
            </div>
            {move || {
                let evidence = ws.run_evidence(crate::web::now_ms());
                let (rows, totals, r) = ws.state.with(|s| {
                    let rows = s.tasks.iter().map(|t| (display_title(&t.title), t.hours_per_month(), t.minutes_per_year(), t.is_live())).collect::<Vec<_>>();
                    (rows, InventoryTotals::measured(&s.tasks, &evidence), s.rate.clone())
                });
                (r.is_set() && !rows.is_empty()).then(|| {
                    let cost = |m: u64| fmt::money(r.monthly_cost_cents(m), &r.currency);
                    let h = |m: u64| format_hours(minutes_per_year_to_hours_per_month(m));
                    view! {
                        <section class="card">
                            <h2>"What your work costs each month"</h2>
                            <div class="table-wrap">
                                <table class="costs">
                                    <thead><tr><th scope="col">"Task"</th><th scope="col">"Hours"</th><th scope="col">"Cost"</th></tr></thead>
                                    <tbody>
                                        {rows.into_iter().map(|(title, hours, m, live)| view! {
                                            <tr><td>{title}{live.then(|| view! { " " <span class="tag live">"Live"</span> })}</td>
                                                <td>{format_hours(hours)}</td><td>{cost(m)}</td></tr>
                                        }).collect_view()}
                                    </tbody>
                                    <tfoot>
                                        <tr><th scope="row">"All recurring work"</th><td>{h(totals.total_minutes_per_year)}</td><td data-testid="total-cost">{cost(totals.total_minutes_per_year)}</td></tr>
                                        <tr><th scope="row">"Work that needs live contact"</th><td>{h(totals.live_minutes_per_year)}</td><td data-testid="live-cost-table">{cost(totals.live_minutes_per_year)}</td></tr>
                                        {[
                                            ("Freed, planned: once automate, delegate and drop are carried out", "freed-cost-table", totals.decided.freed_minutes_per_year),
                                            ("Freed, done: carried out so far, and SOP runs others did", "freed-done-cost-table", totals.done.freed_minutes_per_year),
                                        ].into_iter().map(|(label, id, m)| view! {
                                            <tr><th scope="row">{label}</th><td>{h(m)}</td><td data-testid=id>{cost(m)}</td></tr>
                                        }).collect_view()}
                                    </tfoot>
                                </table>
                            </div>
                        </section>
                    }
                })
            }}
        </section>
    }
}
