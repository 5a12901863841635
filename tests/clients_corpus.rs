#![cfg(not(target_arch = "wasm32"))]
//! Issue 16's documents as people will have them: a signed dashboard link, a signed form
//! link, the replies to each, and a personal backup holding an owner's dashboard, form
//! and replies and a respondent's half-typed answers. The files in `tests/fixtures/` were
//! written once by the version their names date (`cargo test --test clients_corpus --
//! --ignored` writes missing ones) and must always open. Then the binary form's
//! properties: any value reads back as written, and no byte string makes a reader panic.

use std::path::PathBuf;

use proptest::prelude::*;
use unhurried::codec::chunks::check_stored;
use unhurried::codec::pack::{from_bytes, to_bytes};
use unhurried::doc::publication::{Meta, PublicationDoc};
use unhurried::doc::PersonalDoc;
use unhurried::model::booking::SlotRules;
use unhurried::model::dashboard::{ClientQuestion, Dashboard, Deliverable, Kpi, Stage};
use unhurried::model::form::{Answer, Ask, Form, Question, Section, Skip};
use unhurried::model::ids::DocId;
use unhurried::model::intake::{Booking, IntakeForm, Offer, PublishedForm, ReplyBody, Response};
use unhurried::model::kind::DocKind;
use unhurried::share::link::{PayloadKind, Share};
use unhurried::share::page_link::{public_of, receive_signed, signed_link, Received};
use unhurried::share::{encode_file, read_any_file, FileContent};

/// The author's signing key in these fixtures (never used anywhere else).
const SECRET: &str = "5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed";
const ANA: [u8; 16] = [0xa1; 16];
const BEN: [u8; 16] = [0xb2; 16];
const DASH_ID: &str = "d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1";
const FORM_ID: &str = "f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0";
const SLOT: i64 = 1_764_682_200_000;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn link(name: &str) -> Share {
    let text = std::fs::read(dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    Share::from_fragment(std::str::from_utf8(&text).unwrap()).unwrap()
}

fn meta(id: &str, published: i64) -> Meta {
    Meta {
        id: DocId::parse(id),
        author_key: public_of(SECRET).unwrap(),
        author_name: "Priya".into(),
        time_zone: "Asia/Kolkata".into(),
        published,
    }
}

fn dashboard() -> Dashboard {
    Dashboard {
        project: "Shop relaunch".into(),
        status: "On track for January.".into(),
        our_contact: "Priya".into(),
        their_contact: "Ben".into(),
        deliverables: vec![Deliverable {
            text: "New checkout".into(),
            stage: Stage::InProgress,
        }],
        kpis: vec![Kpi {
            id: "k1".into(),
            name: "Weekly orders".into(),
            unit: String::new(),
            target: Some(180.0),
            lower_is_better: false,
            note: "Orders placed in the week to Sunday.".into(),
            values: vec![(739_768, 150.0), (739_799, 185.0)],
        }],
        glossary: "Checkout: the steps from basket to payment".into(),
        next_ours: "Ship the new checkout".into(),
        next_theirs: "Send the product photos".into(),
        recommendations: "Add a gift option".into(),
        more: "Newsletter design".into(),
        recordings: Vec::new(),
    }
}

fn form() -> IntakeForm {
    IntakeForm {
        title: "Start a project with me".into(),
        intro: "A few questions instead of a call.".into(),
        form: Form {
            sections: vec![
                Section {
                    id: "s1".into(),
                    title: "About you".into(),
                    questions: vec![
                        Question {
                            id: "mail".into(),
                            text: "Your e-mail".into(),
                            ask: Ask::Email,
                            required: true,
                        },
                        Question {
                            id: "fits".into(),
                            text: "Which of these fits you?".into(),
                            ask: Ask::OneChoice(vec!["A company".into(), "A person".into()]),
                            required: true,
                        },
                    ],
                },
                Section {
                    id: "s2".into(),
                    title: "Your company".into(),
                    questions: vec![Question {
                        id: "size".into(),
                        text: "How many people work there?".into(),
                        ask: Ask::Number,
                        required: true,
                    }],
                },
            ],
            skips: vec![Skip {
                question: "fits".into(),
                choice: "A person".into(),
                skips: vec!["s2".into()],
            }],
        },
        booking: Some(Booking {
            rules: SlotRules::default(),
            email: "priya@example.com".into(),
        }),
    }
}

fn published_form() -> PublishedForm {
    PublishedForm {
        form: form(),
        offer: Offer {
            office_hours: vec![(2, 19 * 60, 120)],
            taken: vec![],
        },
    }
}

fn answers() -> ReplyBody {
    ReplyBody::Answers {
        answers: vec![
            ("mail".into(), Answer::Text("ben@example.com".into())),
            ("fits".into(), Answer::Choices(vec!["A company".into()])),
            ("size".into(), Answer::Text("12".into())),
        ],
        picks: vec![SLOT],
    }
}

fn reply(to: &str, from: [u8; 16], body: &ReplyBody) -> Share {
    let mut doc = PublicationDoc::snapshot(
        DocKind::Reply,
        &Meta {
            id: DocId::parse(to),
            author_name: "Ben".into(),
            time_zone: "America/New_York".into(),
            published: 1_764_600_000_000,
            ..Meta::default()
        },
        body,
    );
    Share {
        payload: PayloadKind::Document,
        kind: DocKind::Reply.code(),
        doc_id: DocId::parse(to).unwrap(),
        sender: from,
        heads: doc.heads().hashes().to_vec(),
        bytes: doc.save_for_link(),
        signature: None,
    }
}

fn owner_and_respondent() -> PersonalDoc {
    let mut doc = PersonalDoc::new();
    doc.put_item(
        &format!("dash/{DASH_ID}"),
        &("client-ben".to_owned(), dashboard()),
    )
    .unwrap();
    doc.put_item(
        &format!("dashq/{DASH_ID}/q1"),
        &ClientQuestion {
            from: "Ben".into(),
            text: "Orders by country?".into(),
            sent: 1_764_600_000_000,
        },
    )
    .unwrap();
    doc.put_item(&format!("form/{FORM_ID}"), &form()).unwrap();
    let ReplyBody::Answers { answers, picks } = answers() else {
        unreachable!()
    };
    doc.put_item(
        &format!("resp/{FORM_ID}/r1"),
        &Response {
            from: "Ben".into(),
            zone: "America/New_York".into(),
            sent: 1_764_600_000_000,
            answers,
            picks,
            confirmed: Some(SLOT),
        },
    )
    .unwrap();
    doc.put_item(
        &format!("fill/{FORM_ID}/mail"),
        &Answer::Text("half typed".into()),
    )
    .unwrap();
    doc.put_item(&format!("fill/{FORM_ID}/#picks"), &vec![SLOT])
        .unwrap();
    doc
}

#[test]
#[ignore = "writes the corpus files that are missing"]
fn write_missing_client_fixtures() {
    let mut dash = PublicationDoc::snapshot(
        DocKind::Dashboard,
        &meta(DASH_ID, 1_764_500_000_000),
        &dashboard(),
    );
    let mut intake = PublicationDoc::snapshot(
        DocKind::Form,
        &meta(FORM_ID, 1_764_500_000_000),
        &published_form(),
    );
    for (name, bytes) in [
        (
            "2026-12-02-dashboard-link.txt",
            signed_link(&mut dash, SECRET, ANA)
                .unwrap()
                .to_fragment()
                .into_bytes(),
        ),
        (
            "2026-12-02-form-link.txt",
            signed_link(&mut intake, SECRET, ANA)
                .unwrap()
                .to_fragment()
                .into_bytes(),
        ),
        (
            "2026-12-02-form-reply.txt",
            reply(FORM_ID, BEN, &answers()).to_fragment().into_bytes(),
        ),
        (
            "2026-12-02-dashboard-question.txt",
            reply(
                DASH_ID,
                BEN,
                &ReplyBody::Question("Orders by country?".into()),
            )
            .to_fragment()
            .into_bytes(),
        ),
        (
            "2026-12-02-personal-clients-backup-format1.unhurried",
            encode_file(DocKind::Personal, &owner_and_respondent().save()),
        ),
    ] {
        let path = dir().join(name);
        if !path.exists() {
            std::fs::write(path, bytes).unwrap();
        }
    }
}

fn opened(name: &str, kind: DocKind) -> PublicationDoc {
    let share = link(name);
    let Ok(Received::New(doc)) = receive_signed::<PublicationDoc>(&share, None, None, kind) else {
        panic!("{name} opens as a new {kind:?}")
    };
    // The same link again, on the copy it made, changes nothing.
    assert!(matches!(
        receive_signed(&share, Some(&*doc), None, kind),
        Ok(Received::Unchanged)
    ));
    *doc
}

#[test]
fn signed_dashboard_and_form_links_still_open() {
    let dash = opened("2026-12-02-dashboard-link.txt", DocKind::Dashboard);
    assert_eq!(dash.meta(), meta(DASH_ID, 1_764_500_000_000));
    assert_eq!(dash.body::<Dashboard>(), Some(dashboard()));
    let intake = opened("2026-12-02-form-link.txt", DocKind::Form);
    assert_eq!(intake.body::<PublishedForm>(), Some(published_form()));
    // A dashboard link is not a form link, whatever it is called.
    let mut renamed = link("2026-12-02-dashboard-link.txt");
    renamed.kind = DocKind::Form.code();
    assert!(receive_signed::<PublicationDoc>(&renamed, None, None, DocKind::Form).is_err());
}

#[test]
fn replies_still_read_back() {
    for (name, to, body) in [
        ("2026-12-02-form-reply.txt", FORM_ID, answers()),
        (
            "2026-12-02-dashboard-question.txt",
            DASH_ID,
            ReplyBody::Question("Orders by country?".into()),
        ),
    ] {
        let share = link(name);
        assert_eq!(share.doc_id, DocId::parse(to).unwrap());
        let doc = PublicationDoc::load(share.checked().unwrap(), DocKind::Reply).unwrap();
        assert_eq!(doc.meta().id, DocId::parse(to));
        assert_eq!(doc.meta().author_name, "Ben");
        assert_eq!(doc.meta().time_zone, "America/New_York");
        assert_eq!(doc.body::<ReplyBody>(), Some(body));
    }
}

#[test]
fn a_backup_with_dashboards_forms_and_answers_still_opens() {
    let bytes =
        std::fs::read(dir().join("2026-12-02-personal-clients-backup-format1.unhurried")).unwrap();
    let FileContent::Personal(doc) = read_any_file(&bytes).unwrap() else {
        panic!("a personal backup")
    };
    let doc = PersonalDoc::load(check_stored(doc).unwrap()).unwrap();
    let dashboards: Vec<(String, (String, Dashboard))> = doc.items("dash/");
    assert_eq!(
        dashboards,
        vec![(DASH_ID.to_owned(), ("client-ben".to_owned(), dashboard()))]
    );
    assert_eq!(
        doc.items::<ClientQuestion>(&format!("dashq/{DASH_ID}/"))
            .len(),
        1
    );
    assert_eq!(
        doc.item::<IntakeForm>(&format!("form/{FORM_ID}")),
        Some(form())
    );
    let replies: Vec<(String, Response)> = doc.items(&format!("resp/{FORM_ID}/"));
    assert_eq!(replies[0].1.confirmed, Some(SLOT));
    assert_eq!(replies[0].1.email(&form().form), Some("ben@example.com"));
    assert_eq!(
        doc.items::<Answer>(&format!("fill/{FORM_ID}/")),
        vec![("mail".to_owned(), Answer::Text("half typed".into()))]
    );
    assert_eq!(
        doc.item::<Vec<i64>>(&format!("fill/{FORM_ID}/#picks")),
        Some(vec![SLOT])
    );
}

fn text() -> impl Strategy<Value = String> {
    "[a-zé₹ ]{0,12}"
}

fn arb_ask() -> impl Strategy<Value = Ask> {
    prop_oneof![
        Just(Ask::ShortText),
        Just(Ask::LongText),
        prop::collection::vec(text(), 0..4).prop_map(Ask::OneChoice),
        prop::collection::vec(text(), 0..4).prop_map(Ask::SeveralChoices),
        Just(Ask::Number),
        Just(Ask::Date),
        Just(Ask::Email),
        Just(Ask::Link),
    ]
}

fn arb_form() -> impl Strategy<Value = IntakeForm> {
    let question =
        (text(), text(), arb_ask(), any::<bool>()).prop_map(|(id, text, ask, required)| Question {
            id,
            text,
            ask,
            required,
        });
    let section = (text(), text(), prop::collection::vec(question, 0..4)).prop_map(
        |(id, title, questions)| Section {
            id,
            title,
            questions,
        },
    );
    let booking = prop::option::of((1u32..240, 0u32..60, any::<u8>(), text()).prop_map(
        |(minutes, after, weeks, email)| Booking {
            rules: SlotRules {
                minutes,
                after,
                weeks,
                ..SlotRules::default()
            },
            email,
        },
    ));
    (text(), prop::collection::vec(section, 0..3), booking).prop_map(
        |(title, sections, booking)| IntakeForm {
            title,
            intro: String::new(),
            form: Form {
                sections,
                skips: Vec::new(),
            },
            booking,
        },
    )
}

fn arb_dashboard() -> impl Strategy<Value = Dashboard> {
    let kpi = (
        text(),
        prop::option::of(-1e9f64..1e9),
        any::<bool>(),
        prop::collection::vec((any::<i32>(), -1e12f64..1e12), 0..8),
    )
        .prop_map(|(name, target, lower_is_better, values)| Kpi {
            name,
            target,
            lower_is_better,
            values,
            ..Kpi::default()
        });
    (text(), prop::collection::vec(kpi, 0..4), text()).prop_map(|(project, kpis, glossary)| {
        Dashboard {
            project,
            kpis,
            glossary,
            ..Dashboard::default()
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn values_read_back_as_written(form in arb_form(), dash in arb_dashboard(), picks in prop::collection::vec(any::<i64>(), 0..3)) {
        prop_assert_eq!(from_bytes::<IntakeForm>(&to_bytes(&form)), Some(form));
        prop_assert_eq!(from_bytes::<Dashboard>(&to_bytes(&dash)), Some(dash));
        let body = ReplyBody::Answers { answers: vec![("q".into(), Answer::Choices(vec!["a".into()]))], picks };
        prop_assert_eq!(from_bytes::<ReplyBody>(&to_bytes(&body)), Some(body));
    }

    #[test]
    fn no_bytes_make_a_reader_panic(bytes in prop::collection::vec(any::<u8>(), 0..256), form in arb_form(), cut in any::<prop::sample::Index>(), flip in any::<u8>()) {
        let _ = from_bytes::<Dashboard>(&bytes);
        let _ = from_bytes::<PublishedForm>(&bytes);
        let _ = from_bytes::<ReplyBody>(&bytes);
        let _ = from_bytes::<Response>(&bytes);
        // A real value, damaged at one byte.
        let mut real = to_bytes(&form);
        if !real.is_empty() {
            let at = cut.index(real.len());
            real[at] ^= flip;
            let _ = from_bytes::<IntakeForm>(&real);
        }
    }
}
