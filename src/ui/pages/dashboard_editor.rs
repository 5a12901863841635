//! A client's dashboard as its owner writes it: the project, status and contacts,
//! deliverables (typed, or picked from a stand-up board's cards), KPIs with values typed
//! or pasted from a spreadsheet, the glossary and next steps; publishing it as a signed
//! link; the client's questions; and a preview of what the client reads.

use leptos::prelude::*;

use crate::model::dashboard::{Dashboard, Deliverable, Kpi, Stage};
use crate::model::ids::DocId;
use crate::model::kind::DocKind;
use crate::model::kpi::parse_pasted;
use crate::model::shared::Body;
use crate::ui::widgets::dashboard_view::DashboardView;
use crate::ui::widgets::field::{Check, Choice, Field};
use crate::ui::widgets::keyed_list::KeyedList;
use crate::ui::widgets::publish_card::PublishCard;
use crate::ui::widgets::recording::{recordings::Recordings, RecordingChange};
use crate::workspace::use_workspace;

/// The dashboard's text fields: (id, label, long).
const TEXTS: [(&str, &str, bool); 9] = [
    ("d-project", "Project", false),
    ("d-status", "Status in words", true),
    ("d-ours", "Your point of contact", false),
    ("d-theirs", "The client's point of contact", false),
    ("d-next-ours", "Next steps for you (one a line)", true),
    (
        "d-next-theirs",
        "Next steps for the client (one a line)",
        true,
    ),
    ("d-recs", "Recommendations (one a line)", true),
    ("d-more", "More we can do (optional, one a line)", true),
    (
        "d-glossary",
        "Glossary: a term and its meaning a line, such as “Churn: customers who leave in a month”",
        true,
    ),
];

const STAGES: [(&str, &str); 3] = [
    ("Planned", "Planned"),
    ("In progress", "In progress"),
    ("Delivered", "Delivered"),
];

fn text_of(d: &Dashboard, n: usize) -> &String {
    match n {
        0 => &d.project,
        1 => &d.status,
        2 => &d.our_contact,
        3 => &d.their_contact,
        4 => &d.next_ours,
        5 => &d.next_theirs,
        6 => &d.recommendations,
        7 => &d.more,
        _ => &d.glossary,
    }
}

fn text_mut(d: &mut Dashboard, n: usize) -> &mut String {
    match n {
        0 => &mut d.project,
        1 => &mut d.status,
        2 => &mut d.our_contact,
        3 => &mut d.their_contact,
        4 => &mut d.next_ours,
        5 => &mut d.next_theirs,
        6 => &mut d.recommendations,
        7 => &mut d.more,
        _ => &mut d.glossary,
    }
}

/// Values as the editor shows them: a date and a value a line.
fn values_text(k: &Kpi) -> String {
    k.dated()
        .iter()
        .map(|(d, v)| format!("{d}\t{v}"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[component]
pub fn DashboardEditor(id: DocId) -> impl IntoView {
    let ws = use_workspace();
    let Some((client, start)) = ws.dashboard(id) else {
        return view! { <p class="empty">"This dashboard is not in your data."</p> }.into_any();
    };
    let client_name = ws.state.with_untracked(|s| {
        s.schedule
            .people
            .iter()
            .find(|p| p.id == client)
            .map(|p| p.name.clone())
            .unwrap_or_default()
    });
    crate::web::set_title(&format!("Dashboard for {client_name}"));
    let draft = RwSignal::new(start);
    let client = StoredValue::new(client);
    let save = move |f: &dyn Fn(&mut Dashboard)| {
        draft.update(|d| f(d));
        draft.with_untracked(|d| client.with_value(|c| ws.put_dashboard(id, c, d)));
    };
    let texts = TEXTS
        .iter()
        .enumerate()
        .map(|(n, (fid, label, long))| {
            view! {
                <Field id=*fid label=*label rows=if *long { 3 } else { 0 } maxlength=5000
                    value=Signal::derive(move || draft.with(|d| text_of(d, n).clone()))
                    on_change=Callback::new(move |v: String| save(&|d| *text_mut(d, n) = v.trim().to_owned()))/>
            }
        })
        .collect_view();
    let kpi_ids =
        Signal::derive(move || draft.with(|d| d.kpis.iter().map(|k| k.id.clone()).collect()));
    let kpi_row = Callback::new(move |kid: String| kpi_editor(kid, draft, save).into_any());
    let deliverable_ids = Signal::derive(move || {
        draft.with(|d| (0..d.deliverables.len()).map(|n| n.to_string()).collect())
    });
    let deliverable_row = Callback::new(move |n: String| {
        let n: usize = n.parse().unwrap_or(0);
        let get = move || draft.with(|d| d.deliverables.get(n).cloned().unwrap_or_default());
        view! {
            <li class="field-row">
                <Field id=format!("dl-{n}") label="Deliverable" grow=true value=Signal::derive(move || get().text)
                    on_change=Callback::new(move |v: String| save(&|d| if let Some(x) = d.deliverables.get_mut(n) { x.text = v.trim().to_owned() }))/>
                <Choice id=format!("ds-{n}") label="State" options=&STAGES value=Signal::derive(move || get().stage.words().to_owned())
                    on_change=Callback::new(move |v: String| {
                        let stage = Stage::ALL.into_iter().find(|s| s.words() == v).unwrap_or_default();
                        save(&|d| if let Some(x) = d.deliverables.get_mut(n) { x.stage = stage });
                    })/>
                <button type="button" class="quiet" aria-label=move || format!("Remove {}", get().text)
                    on:click=move |_| save(&|d| { if n < d.deliverables.len() { d.deliverables.remove(n); } })>"Remove"</button>
            </li>
        }
        .into_any()
    });
    // Cards of the stand-up boards this person holds, to pick deliverables from.
    let cards = move || {
        ws.held_states(DocKind::Board)
            .into_iter()
            .flat_map(|(_, s)| match s.body {
                Body::Board(b) => b.cards,
                _ => Vec::new(),
            })
            .collect::<Vec<_>>()
    };
    let pick_card = move |ev: leptos::ev::Event| {
        let title = event_target_value(&ev);
        let Some(card) = cards().into_iter().find(|c| c.title == title) else {
            return;
        };
        use crate::model::shared::board::Column;
        let stage = match card.column {
            Column::Todo => Stage::Planned,
            Column::Doing | Column::Blocked => Stage::InProgress,
            Column::Done => Stage::Delivered,
        };
        save(&|d| {
            d.deliverables.push(Deliverable {
                text: card.title.clone(),
                stage,
            })
        });
    };
    let questions = move || ws.client_questions(id);
    let recordings = Signal::derive(move || draft.with(|d| d.recordings.clone()));
    let on_recording = Callback::new(move |change: RecordingChange| {
        match change {
            RecordingChange::Add(rec) => save(&|d| d.recordings.push(rec.clone())),
            RecordingChange::Edit {
                id: rid,
                title,
                url,
            } => save(&|d| {
                if let Some(r) = d.recordings.iter_mut().find(|r| r.id == rid) {
                    r.title = title.clone();
                    r.url = url.clone();
                }
            }),
            RecordingChange::Remove(rid) => save(&|d| d.recordings.retain(|r| r.id != rid)),
        }
        true
    });
    view! {
        <section class="page dashboard-editor">
            <header class="page-head">
                <h1>{format!("Dashboard for {client_name}")}</h1>
                <p class="lede">"What you report instead of a status call. Your client reads it in their own time zone and language, with no account; only you can change it."</p>
            </header>
            <div class="card">
                <h2>"Project"</h2>
                {texts}
            </div>
            <div class="card">
                <h2>"Deliverables"</h2>
                <ul class="plain-list"><KeyedList ids=deliverable_ids row=deliverable_row/></ul>
                <div class="actions">
                    <button type="button" class="secondary" on:click=move |_| save(&|d| d.deliverables.push(Deliverable::default()))>"Add a deliverable"</button>
                    {move || { let cs = cards(); (!cs.is_empty()).then(|| view! {
                        <label for="from-board">"Add from a stand-up board"</label>
                        <select id="from-board" on:change=pick_card>
                            <option value="">"Pick a card…"</option>
                            {cs.into_iter().map(|c| view! { <option>{c.title}</option> }).collect_view()}
                        </select>
                    })}}
                </div>
            </div>
            <div class="card">
                <h2>"KPIs"</h2>
                <p class="hint">"Plain names, no acronyms. Values are a date and a number a line, typed or pasted from two spreadsheet columns."</p>
                <KeyedList ids=kpi_ids row=kpi_row/>
                <button type="button" class="secondary" on:click=move |_| save(&|d| d.kpis.push(Kpi { id: crate::workspace::new_id()[..8].to_owned(), ..Kpi::default() }))>"Add a KPI"</button>
            </div>
            <div class="card">
                <Recordings doc=id list=recordings on_change=on_recording/>
                <p class="hint">"Your client sees a recording once it has an address: upload the downloaded video where they can watch it."</p>
            </div>
            <PublishCard hint="Your client gets a read-only copy as it is now. Publish again after changes and send the new link."
                done="Published. Send the link to your client." link_id="dashboard-link" link_label="Link to the dashboard"
                publish=Callback::new(move |()| ws.publish_dashboard(id))/>
            <div class="card">
                <h2>"Questions from your client"</h2>
                {move || { let qs = questions(); if qs.is_empty() {
                    view! { <p class="empty">"None yet. Your client can ask one from the dashboard; it arrives by reply link."</p> }.into_any()
                } else {
                    view! { <ul class="questions">{qs.into_iter().map(|(_, q)| view! {
                        <li><strong>{q.from}</strong>" ("{crate::ui::fmt::local_moment(q.sent, &ws.state.with_untracked(|s| s.profile.time_zone.clone()))}"): "{q.text}</li>
                    }).collect_view()}</ul> }.into_any()
                }}}
            </div>
            <h2>"What your client sees"</h2>
            <DashboardView dashboard=draft author=String::new() published=0/>
        </section>
    }
    .into_any()
}

fn kpi_editor(
    kid: String,
    draft: RwSignal<Dashboard>,
    save: impl Fn(&dyn Fn(&mut Dashboard)) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let field = {
        let kid = kid.clone();
        move |name: &str| format!("k-{name}-{kid}")
    };
    let kid = StoredValue::new(kid);
    let get = move || {
        draft.with(|d| {
            kid.with_value(|id| d.kpis.iter().find(|k| k.id == *id).cloned())
                .unwrap_or_default()
        })
    };
    let edit = move |f: &dyn Fn(&mut Kpi)| {
        save(&|d: &mut Dashboard| {
            if let Some(k) = kid.with_value(|id| d.kpis.iter().position(|k| k.id == *id)) {
                f(&mut d.kpis[k])
            }
        })
    };
    let error = RwSignal::new(None::<String>);
    let text = move |f: fn(&Kpi) -> String| Signal::derive(move || f(&get()));
    view! {
        <fieldset class="kpi-editor">
            <legend>{move || { let n = get().name; if n.is_empty() { "New KPI".to_owned() } else { n } }}</legend>
            <div class="field-row">
                <Field id=field("name") label="Name" grow=true maxlength=120 value=text(|k| k.name.clone())
                    on_change=Callback::new(move |v: String| edit(&|k| k.name = v.trim().to_owned()))/>
                <Field id=field("unit") label="Unit" maxlength=20 placeholder="%" value=text(|k| k.unit.clone())
                    on_change=Callback::new(move |v: String| edit(&|k| k.unit = v.trim().to_owned()))/>
                <Field id=field("target") label="Target or benchmark" mode="decimal" maxlength=20
                    value=text(|k| k.target.map(|t| t.to_string()).unwrap_or_default())
                    on_change=Callback::new(move |v: String| {
                        let v = v.trim().replace(',', ".");
                        match v.parse::<f64>() {
                            Ok(t) if t.is_finite() => { error.set(None); edit(&|k| k.target = Some(t)) }
                            _ if v.is_empty() => { error.set(None); edit(&|k| k.target = None) }
                            _ => error.set(Some("The target is not a number, such as 180 or 2.5; it stays as it was.".into())),
                        }
                    })/>
            </div>
            <Check id=field("lower") label="Lower is better" checked=Signal::derive(move || get().lower_is_better)
                on_change=Callback::new(move |on: bool| edit(&|k| k.lower_is_better = on))/>
            <Field id=field("note") label="How to read this" rows=2 maxlength=1000 value=text(|k| k.note.clone())
                on_change=Callback::new(move |v: String| edit(&|k| k.note = v.trim().to_owned()))/>
            <Field id=field("values") label="Values: a date and a number a line" rows=4 maxlength=100000
                described_by=field("values-error") value=text(values_text)
                on_change=Callback::new(move |v: String| match parse_pasted(&v) {
                    Ok(values) => { error.set(None); edit(&|k| k.set_dated(&values)) }
                    Err(e) => error.set(Some(e.to_string())),
                })/>
            <p class="field-error" id=field("values-error") role="alert">{move || error.get()}</p>
            <button type="button" class="quiet" on:click=move |_| {
                save(&|d| kid.with_value(|id| d.kpis.retain(|k| k.id != *id)))
            }>"Remove this KPI"</button>
        </fieldset>
    }
}
