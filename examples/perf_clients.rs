//! Data for the clients timing script (`tests/perf/clients_timing.mjs`): a person with a
//! client whose dashboard has 10 KPIs over 36 months, and a form of 30 questions, as a
//! backup to restore on the welcome page. Prints the sizes of the links those make: the
//! dashboard's, the form's, and a reply carrying 30 answers.
//!
//! Run: `cargo run --release --example perf_clients -- <out-dir>`
#[cfg(not(target_arch = "wasm32"))]
#[path = "common/mod.rs"]
mod common;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use unhurried::doc::publication::{Meta, PublicationDoc};
    use unhurried::doc::PersonalDoc;
    use unhurried::model::dashboard::{Dashboard, Kpi};
    use unhurried::model::form::{Answer, Ask, Form, Question, Section};
    use unhurried::model::ids::DocId;
    use unhurried::model::intake::{IntakeForm, PublishedForm, ReplyBody};
    use unhurried::model::kind::DocKind;
    use unhurried::model::profile::Profile;
    use unhurried::model::schedule::{Person, WorkingHours};
    use unhurried::share::encode_file;
    use unhurried::share::exchange::hex;
    use unhurried::share::link::{PayloadKind, Share};
    use unhurried::share::page_link::{new_author_key, signed_link};

    const ORIGIN: &str = "https://unhurried.example/#";
    let out = common::out_dir();
    let dash_id = DocId::parse("d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1").unwrap();
    let form_id = DocId::parse("f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0").unwrap();
    let mut doc = PersonalDoc::new();
    doc.set_profile(&Profile {
        display_name: "Priya".into(),
        time_zone: "Asia/Kolkata".into(),
        actor_id: hex(&[1; 16]),
    })
    .unwrap();
    doc.put_person(&Person {
        id: "ben".into(),
        name: "Ben".into(),
        time_zone: "America/New_York".into(),
        hours: WorkingHours::default(),
        client: true,
    })
    .unwrap();
    // Monthly values from January 2024, like a KPI a spreadsheet keeps.
    let first = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    let kpis = (0..10)
        .map(|k| {
            let mut kpi = Kpi {
                id: format!("k{k}"),
                name: format!("Measure number {k}"),
                unit: "%".into(),
                target: Some(50.0),
                note: "Higher is better: the share of visits that end in an order.".into(),
                ..Kpi::default()
            };
            let values: Vec<_> = (0..36)
                .map(|m| {
                    let date = first.checked_add_months(chrono::Months::new(m)).unwrap();
                    (date, 20.0 + f64::from(m) * 0.9 + f64::from(k) * 1.37)
                })
                .collect();
            kpi.set_dated(&values);
            kpi
        })
        .collect();
    let dashboard = Dashboard {
        project: "Shop relaunch".into(),
        status: "On track for January.".into(),
        kpis,
        ..Dashboard::default()
    };
    doc.put_item(
        &format!("dash/{dash_id}"),
        &("ben".to_owned(), dashboard.clone()),
    )
    .unwrap();
    let questions: Vec<Question> = (0..30)
        .map(|n| Question {
            id: format!("q{n:02}"),
            text: format!("Question number {n}: what would you like us to know about this?"),
            ask: if n % 5 == 0 {
                Ask::OneChoice(vec!["Yes".into(), "No".into(), "Not sure".into()])
            } else {
                Ask::LongText
            },
            required: n % 3 == 0,
        })
        .collect();
    let form = IntakeForm {
        title: "Start a project with me".into(),
        form: Form {
            sections: questions
                .chunks(10)
                .enumerate()
                .map(|(n, q)| Section {
                    id: format!("s{n}"),
                    title: format!("Part {n}"),
                    questions: q.to_vec(),
                })
                .collect(),
            skips: Vec::new(),
        },
        ..IntakeForm::default()
    };
    doc.put_item(&format!("form/{form_id}"), &form).unwrap();
    let path = std::path::Path::new(&out).join("clients.unhurried");
    std::fs::write(&path, encode_file(DocKind::Personal, &doc.save())).unwrap();
    println!("{}", path.display());

    let (secret, public) = new_author_key();
    let meta = |id| Meta {
        id: Some(id),
        author_key: public.clone(),
        author_name: "Priya".into(),
        time_zone: "Asia/Kolkata".into(),
        published: 1_764_600_000_000,
    };
    let mut dash = PublicationDoc::snapshot(DocKind::Dashboard, &meta(dash_id), &dashboard);
    let dash_link = signed_link(&mut dash, &secret, [1; 16])
        .unwrap()
        .to_fragment();
    let mut published = PublicationDoc::snapshot(
        DocKind::Form,
        &meta(form_id),
        &PublishedForm {
            form: form.clone(),
            offer: Default::default(),
        },
    );
    let form_link = signed_link(&mut published, &secret, [1; 16])
        .unwrap()
        .to_fragment();
    let answers = ReplyBody::Answers {
        answers: questions
            .iter()
            .map(|q| {
                let a = match q.ask {
                    Ask::OneChoice(_) => Answer::Choices(vec!["Not sure".into()]),
                    _ => Answer::Text(
                        "We sell handmade ceramics online and want the shop to be faster on phones."
                            .into(),
                    ),
                };
                (q.id.clone(), a)
            })
            .collect(),
        picks: vec![1_764_682_200_000, 1_764_684_900_000],
    };
    let mut reply = PublicationDoc::snapshot(
        DocKind::Reply,
        &Meta {
            id: Some(form_id),
            author_name: "Ben".into(),
            time_zone: "America/New_York".into(),
            published: 1_764_600_000_000,
            ..Meta::default()
        },
        &answers,
    );
    let reply_link = Share {
        payload: PayloadKind::Document,
        kind: DocKind::Reply.code(),
        doc_id: form_id,
        sender: [2; 16],
        heads: reply.heads().hashes().to_vec(),
        bytes: reply.save_for_link(),
        signature: None,
    }
    .to_fragment();
    for (what, fragment) in [
        ("dashboard, 10 KPIs x 36 months", &dash_link),
        ("form, 30 questions", &form_link),
        ("reply with 30 answers and 2 picks", &reply_link),
    ] {
        println!(
            "{what}: link of {} characters",
            ORIGIN.len() + fragment.len()
        );
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
