//! A busy stand-up board for the browser timing script (`tests/perf/board_timing.mjs`):
//! 500 work cards and 30 days of status cards from 6 people, built as 30 days of
//! teammates' sessions would build it. Prints the size of the full link and of one
//! day's reply (six status cards and ten card moves), and writes the board as a
//! `.unhurried` file.
//!
//! Run: `cargo run --release --example perf_board -- <out-dir>`

#[cfg(not(target_arch = "wasm32"))]
#[path = "common/mod.rs"]
mod common;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::time::Instant;
    use unhurried::doc::shared::SharedDoc;
    use unhurried::model::kind::DocKind;
    use unhurried::model::shared::board::{Column, StatusCard, StatusTag};
    use unhurried::share::encode_share_file;
    use unhurried::share::exchange::{full_link, hex, reply_link};
    use unhurried::share::link::link_fit;

    let out = common::out_dir();
    let people: Vec<([u8; 16], &str)> = ["Ana", "Ben", "Cy", "Dee", "Eli", "Fay"]
        .into_iter()
        .enumerate()
        .map(|(i, n)| ([i as u8 + 1; 16], n))
        .collect();
    let day_ms = 86_400_000i64;
    let start = 1_777_593_600_000i64; // 1 May 2026
    let mut doc = SharedDoc::create_kind(DocKind::Board, &hex(&people[0].0), "Ana", "Team", start);
    let mut cards = Vec::new();
    // 500 cards over the month, about 17 a day; each day moves some along.
    let status = |day: i64, who: usize| StatusCard {
        date: format!("2026-05-{:02}", day + 1),
        done: format!(
            "Finished task {} and reviewed {}",
            day * 6 + who as i64,
            who
        ),
        doing: format!("Working on card {}", day * 17),
        blocked: if (day + who as i64) % 9 == 0 {
            "Waiting for a review".into()
        } else {
            String::new()
        },
        tag: StatusTag::ALL[((day as usize) + who) % 3],
        note: String::new(),
        ..StatusCard::default()
    };
    let mut day_heads = unhurried::model::ids::Heads::default();
    for day in 0..30i64 {
        let now = start + day * day_ms;
        // Each day is a session: the document goes through storage or a link.
        doc = SharedDoc::from_stored(&doc.save()).expect("reload");
        if day == 29 {
            day_heads = doc.heads();
        }
        for (who, (id, name)) in people.iter().enumerate() {
            doc.as_board()
                .unwrap()
                .post_status(&hex(id), name, now + who as i64, &status(day, who))
                .expect("status");
        }
        let per_day = (500 - cards.len()).div_ceil(30 - day as usize);
        for k in 0..per_day {
            if cards.len() == 500 {
                break;
            }
            let (id, name) = &people[k % people.len()];
            let n = cards.len();
            let card = doc
                .as_board()
                .unwrap()
                .add_card(
                    &hex(id),
                    name,
                    now + k as i64,
                    &format!("Card {n}: update the onboarding checklist"),
                    Column::Todo,
                    n as f64,
                )
                .expect("card");
            cards.push(card);
        }
        for k in 0..10usize {
            let card = &cards[(day as usize * 13 + k * 7) % cards.len()];
            let (id, _) = &people[k % people.len()];
            doc.as_board()
                .unwrap()
                .move_card(
                    &hex(id),
                    now + 1_000 + k as i64,
                    card,
                    Column::ALL[(k + day as usize) % 4],
                    (day * 10 + k as i64) as f64,
                )
                .expect("move");
        }
    }
    let state = doc.state();
    assert_eq!(state.board().cards.len(), 500);
    assert_eq!(state.board().statuses.len(), 180);
    let full = full_link(&mut doc, people[0].0);
    let fragment = full.to_fragment();
    let reply = reply_link(&mut doc, people[1].0, &[day_heads])
        .expect("a day's reply")
        .to_fragment();
    println!(
        "board with 500 cards and 30 days of status cards from 6 people ({} bytes saved):",
        doc.save().len()
    );
    println!(
        "  full link: {} characters ({:?})",
        fragment.len() + 24,
        link_fit(fragment.len() + 24)
    );
    println!(
        "  one day's reply (6 status cards, 10 moves): {} characters ({:?})",
        reply.len() + 24,
        link_fit(reply.len() + 24)
    );
    // The hot path of a move, natively: write the move and read the board back.
    let mut times = Vec::new();
    for i in 0..50 {
        let t = Instant::now();
        doc.as_board()
            .unwrap()
            .move_card(
                &hex(&people[0].0),
                start + 31 * day_ms + i,
                &cards[250],
                Column::ALL[i as usize % 4],
                1e6 + i as f64,
            )
            .expect("move");
        let s = doc.state();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(s.board().cards.len(), 500);
    }
    times.sort_by(f64::total_cmp);
    // What the app does: write the move and re-read only that card.
    let mut fast = Vec::new();
    for i in 0..50 {
        let t = Instant::now();
        doc.as_board()
            .unwrap()
            .move_card(
                &hex(&people[0].0),
                start + 32 * day_ms + i,
                &cards[250],
                Column::ALL[i as usize % 4],
                2e6 + i as f64,
            )
            .expect("move");
        let card = doc.as_board().unwrap().card(&cards[250]).expect("the card");
        fast.push(t.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(card.column, Column::ALL[i as usize % 4]);
    }
    fast.sort_by(f64::total_cmp);
    println!(
        "  move a card and re-read only it, as the app does (native): median {:.3} ms, max {:.3} ms",
        fast[25], fast[49]
    );
    println!(
        "  move a card and read the whole board back (native): median {:.2} ms, max {:.2} ms",
        times[25], times[49]
    );
    std::fs::write(format!("{out}/board.unhurried"), encode_share_file(&full)).expect("write");
}

#[cfg(target_arch = "wasm32")]
fn main() {}
