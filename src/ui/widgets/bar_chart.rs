//! A small bar chart drawn as inline SVG, with its numbers in a table under 'Show the
//! numbers' (for screen readers, and for print). Bars with no value are left empty.

use leptos::prelude::*;

/// One bar: its label under it, its value (`None`: nothing to show), and the value in
/// words for the table. Above the bar goes the value alone, as a number and `unit`.
pub type Bar = (String, Option<f64>, String);

const BAR: f64 = 44.0;
const GAP: f64 = 16.0;
const HEIGHT: f64 = 100.0;

#[component]
pub fn BarChart(
    #[prop(into)] title: String,
    bars: Vec<Bar>,
    /// The value of a full-height bar (100 for a share); the largest bar's otherwise.
    #[prop(optional)]
    full: Option<f64>,
    /// What the labels are, heading the table's first column ("Month" unless given).
    #[prop(optional)]
    label: Option<&'static str>,
    /// Written after the value above a bar: "%", " h".
    #[prop(optional)]
    unit: &'static str,
) -> impl IntoView {
    let max = full
        .unwrap_or_else(|| bars.iter().filter_map(|b| b.1).fold(0.0_f64, f64::max))
        .max(f64::EPSILON);
    let width = bars.len() as f64 * (BAR + GAP);
    let count = bars.len();
    let shapes = bars
        .iter()
        .enumerate()
        .map(|(n, (label, value, _))| {
            let x = n as f64 * (BAR + GAP) + GAP / 2.0;
            let h = value.map_or(0.0, |v| (v / max * HEIGHT).max(if v > 0.0 { 2.0 } else { 0.0 }));
            let top = 20.0 + HEIGHT - h;
            view! {
                // A zero-height rect with rounded corners still draws a sliver.
                {(h > 0.0).then(|| view! { <rect class="chart-bar" x=x y=top width=BAR height=h rx="3"/> })}
                <text class="bar-value" x=x + BAR / 2.0 y=top - 5.0 text-anchor="middle">
                    {value.map(|v| {
                        let whole = (v - v.round()).abs() < 0.05;
                        crate::ui::fmt::decimal(v, if whole { 0 } else { 1 }) + unit
                    })}
                </text>
                <text class="bar-label" x=x + BAR / 2.0 y=20.0 + HEIGHT + 16.0 text-anchor="middle">{label.clone()}</text>
            }
        })
        .collect_view();
    let rows = bars
        .into_iter()
        .map(|(label, _, words)| view! { <tr><th scope="row">{label}</th><td>{words}</td></tr> })
        .collect_view();
    view! {
        <figure class="chart">
            <figcaption>{title.clone()}</figcaption>
            // As wide as its bars need (4rem each), so few bars keep the text small; set
            // through the CSSOM, which the CSP allows where a style attribute is not.
            <svg viewBox=format!("0 0 {width} {}", HEIGHT + 44.0) role="img" aria-label=title.clone()
                style:max-width=format!("{}rem", 4 * count)
                preserveAspectRatio="xMinYMin meet">
                <line class="axis" x1="0" x2=width y1=20.0 + HEIGHT y2=20.0 + HEIGHT/>
                {shapes}
            </svg>
            <details class="chart-numbers">
                <summary>"Show the numbers"</summary>
                <table>
                    <thead><tr><th scope="col">{label.unwrap_or("Month")}</th><th scope="col">{title}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </details>
        </figure>
    }
}
