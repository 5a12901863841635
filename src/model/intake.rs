//! An intake form as the owner writes it, the slots it offers, the replies it gets, and
//! what the owner reads off them (issue 16): responses by question, slots picked that
//! clash with another reply or a confirmed call, and the CSV export.

use crate::model::zone::Zone;
use chrono::{DateTime, TimeDelta, Utc};

use super::booking::{clashes, slots, OfferedSlot, SlotRules};
use super::form::{Answer, Form};
use super::schedule::{Block, BlockKind};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct IntakeForm {
    pub title: String,
    /// Shown above the questions: who it is for and what happens next.
    pub intro: String,
    pub form: Form,
    /// Slots in office hours offered at the end, when on.
    pub booking: Option<Booking>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Booking {
    pub rules: SlotRules,
    /// The owner's address, the invitation's organiser.
    pub email: String,
}

/// What a published form carries beside the questions when it offers slots: the
/// owner's office hours (as day, start and length on their wall clock) and the calls
/// already confirmed, so readers are not offered them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Offer {
    pub office_hours: Vec<(u8, u32, u32)>,
    /// Confirmed calls as (start, end) in ms, buffers included.
    pub taken: Vec<(i64, i64)>,
}

/// The body of a published form.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PublishedForm {
    pub form: IntakeForm,
    pub offer: Offer,
}

/// What a reply carries: a respondent's answers and picked slots, or a client's
/// question on a dashboard. Nothing else travels back.
#[derive(Clone, Debug, PartialEq)]
pub enum ReplyBody {
    Answers {
        answers: Vec<(String, Answer)>,
        /// Starts of the picked slots (ms), one or two.
        picks: Vec<i64>,
    },
    Question(String),
}

/// Picks beyond this are dropped: the reader is asked for one or two.
pub const MAX_PICKS: usize = 2;

/// A reply as the owner keeps it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Response {
    pub from: String,
    /// The respondent's IANA zone, as their browser gave it.
    pub zone: String,
    /// When it was sent (ms).
    pub sent: i64,
    pub answers: Vec<(String, Answer)>,
    pub picks: Vec<i64>,
    /// The pick the owner confirmed (its start, ms).
    pub confirmed: Option<i64>,
}

impl Response {
    pub fn answer(&self, question: &str) -> Option<&Answer> {
        self.answers
            .iter()
            .find(|(q, _)| q == question)
            .map(|(_, a)| a)
    }

    /// The first e-mail address among the answers: where the invitation goes.
    pub fn email(&self, form: &Form) -> Option<&str> {
        form.sections
            .iter()
            .flat_map(|s| &s.questions)
            .filter(|q| q.ask == super::form::Ask::Email)
            .find_map(|q| match self.answer(&q.id) {
                Some(Answer::Text(t)) if !t.trim().is_empty() => Some(t.trim()),
                _ => None,
            })
    }
}

impl Answer {
    /// The answer as one line of text, choices joined with "; ".
    pub fn words(&self) -> String {
        match self {
            Answer::Text(t) => t.clone(),
            Answer::Choices(c) => c.join("; "),
        }
    }
}

impl IntakeForm {
    /// The office hours a published form offers slots in.
    pub fn offer(&self, blocks: &[Block], confirmed: &[(i64, i64)]) -> Offer {
        match &self.booking {
            None => Offer::default(),
            Some(_) => Offer {
                office_hours: blocks
                    .iter()
                    .filter(|b| b.kind == BlockKind::Manager)
                    .map(|b| (b.day, b.start, b.minutes))
                    .collect(),
                taken: confirmed.to_vec(),
            },
        }
    }

    /// Answers from a reply as the owner keeps them: only answers to this form's
    /// questions, one each, text cut to the longest answer kept and choices to the
    /// question's number of options. A reply is written by anyone holding the form.
    pub fn kept_answers(&self, answers: Vec<(String, Answer)>) -> Vec<(String, Answer)> {
        let mut out: Vec<(String, Answer)> = Vec::new();
        for (id, answer) in answers {
            let Some(q) = self
                .form
                .sections
                .iter()
                .flat_map(|s| &s.questions)
                .find(|q| q.id == id)
            else {
                continue;
            };
            if out.iter().any(|(k, _)| *k == id) {
                continue;
            }
            let answer = match answer {
                Answer::Text(t) => Answer::Text(t.chars().take(super::form::MAX_ANSWER).collect()),
                Answer::Choices(mut c) => {
                    let most = match &q.ask {
                        super::form::Ask::OneChoice(o) | super::form::Ask::SeveralChoices(o) => {
                            o.len()
                        }
                        _ => 0,
                    };
                    c.truncate(most);
                    Answer::Choices(c)
                }
            };
            out.push((id, answer));
        }
        out
    }

    /// A call starting at `start` (ms), as the form's rules make it; `None` for an
    /// instant no calendar has.
    pub fn call(&self, start: i64) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        let rules = self.booking.as_ref()?.rules.clamped();
        let start = DateTime::from_timestamp_millis(start)?;
        Some((
            start,
            start.checked_add_signed(TimeDelta::minutes(i64::from(rules.minutes)))?,
        ))
    }

    /// Picks from a reply as the owner keeps them: at most two, each within a year of
    /// `now` (a slot is offered weeks ahead; anything else was not offered by this app).
    pub fn kept_picks(picks: Vec<i64>, now: i64) -> Vec<i64> {
        const YEAR: i64 = 366 * 24 * 3_600_000;
        picks
            .into_iter()
            .filter(|p| (now.saturating_sub(YEAR)..=now.saturating_add(YEAR)).contains(p))
            .take(MAX_PICKS)
            .collect()
    }

    /// The calls confirmed among `responses`, with the buffers the rules keep around
    /// them, as (start, end) in ms.
    pub fn held(&self, responses: &[(String, Response)]) -> Vec<(i64, i64)> {
        let Some(b) = &self.booking else {
            return Vec::new();
        };
        let rules = b.rules.clamped();
        responses
            .iter()
            .filter_map(|(_, r)| r.confirmed)
            .map(|s| {
                (
                    s.saturating_sub(i64::from(rules.before) * 60_000),
                    s.saturating_add(i64::from(rules.minutes + rules.after) * 60_000),
                )
            })
            .collect()
    }
}

impl PublishedForm {
    /// The slots a reader can pick now, in time order.
    pub fn slots(&self, tz: Zone, now: DateTime<Utc>) -> Vec<OfferedSlot> {
        let Some(booking) = &self.form.booking else {
            return Vec::new();
        };
        let blocks: Vec<Block> = self
            .offer
            .office_hours
            .iter()
            .map(|&(day, start, minutes)| Block {
                day,
                start,
                minutes,
                kind: BlockKind::Manager,
                ..Block::default()
            })
            .collect();
        let taken: Vec<_> = self
            .offer
            .taken
            .iter()
            .filter_map(|&(a, b)| {
                Some((
                    DateTime::from_timestamp_millis(a)?,
                    DateTime::from_timestamp_millis(b)?,
                ))
            })
            .collect();
        slots(&blocks, tz, &booking.rules, now, &taken)
    }
}

/// A pick that cannot be confirmed as well as another: (response id, pick start) and
/// what it clashes with, in words for the owner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clash {
    pub response: String,
    pub start: i64,
    /// Whom the other pick is from, or that the time is already confirmed.
    pub with: String,
    /// The other pick's response id.
    pub other: String,
    /// Whether the other is a call already confirmed (so this pick cannot be).
    pub taken: bool,
}

/// Picks that overlap a pick in another reply, or a call already confirmed (for a
/// reply not yet confirmed). Each pick is listed once per clash, both sides listed.
pub fn pick_clashes(form: &IntakeForm, responses: &[(String, Response)]) -> Vec<Clash> {
    let mut picks: Vec<(usize, i64)> = Vec::new();
    let mut spans = Vec::new();
    for (n, (_, r)) in responses.iter().enumerate() {
        let chosen: Vec<i64> = match r.confirmed {
            Some(c) => vec![c],
            None => r.picks.clone(),
        };
        for p in chosen {
            if let Some(span) = form.call(p) {
                picks.push((n, p));
                spans.push(span);
            }
        }
    }
    let mut out = Vec::new();
    for (a, b) in clashes(&spans) {
        let ((na, pa), (nb, pb)) = (picks[a], picks[b]);
        if na == nb {
            continue;
        }
        for ((me, start), (them, _)) in [((na, pa), (nb, pb)), ((nb, pb), (na, pa))] {
            let other = &responses[them].1;
            // A confirmed call is not in question; only the picks against it are.
            if responses[me].1.confirmed.is_some() {
                continue;
            }
            let with = if other.confirmed.is_some() {
                format!("the call confirmed with {}", other.from)
            } else {
                format!("{}'s pick", other.from)
            };
            out.push(Clash {
                response: responses[me].0.clone(),
                start,
                with,
                other: responses[them].0.clone(),
                taken: other.confirmed.is_some(),
            });
        }
    }
    out
}

/// All responses as CSV rows: when sent, from whom, each question's answer, the picks
/// and the confirmed time, each time through `when`.
pub fn responses_rows(
    form: &IntakeForm,
    responses: &[(String, Response)],
    when: &dyn Fn(i64) -> String,
) -> Vec<Vec<String>> {
    let questions: Vec<_> = form
        .form
        .sections
        .iter()
        .flat_map(|s| &s.questions)
        .collect();
    let mut head = vec!["Sent".to_owned(), "From".to_owned()];
    head.extend(questions.iter().map(|q| q.text.clone()));
    if form.booking.is_some() {
        head.push("Picked times".into());
        head.push("Confirmed".into());
    }
    let mut rows = vec![head];
    for (_, r) in responses {
        let mut row = vec![when(r.sent), r.from.clone()];
        row.extend(
            questions
                .iter()
                .map(|q| r.answer(&q.id).map(Answer::words).unwrap_or_default()),
        );
        if form.booking.is_some() {
            let picks: Vec<String> = r.picks.iter().map(|p| when(*p)).collect();
            row.push(picks.join("; "));
            row.push(r.confirmed.map(when).unwrap_or_default());
        }
        rows.push(row);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::form::{Ask, Question, Section};

    const HOUR: i64 = 3_600_000;

    fn form() -> IntakeForm {
        IntakeForm {
            title: "Start a project".into(),
            form: Form {
                sections: vec![Section {
                    id: "s".into(),
                    title: "You".into(),
                    questions: vec![
                        Question {
                            id: "mail".into(),
                            text: "E-mail".into(),
                            ask: Ask::Email,
                            required: true,
                        },
                        Question {
                            id: "what".into(),
                            text: "What do you need, \"roughly\"?".into(),
                            ask: Ask::SeveralChoices(vec!["Site".into(), "Shop".into()]),
                            required: false,
                        },
                    ],
                }],
                skips: vec![],
            },
            booking: Some(Booking {
                rules: SlotRules {
                    minutes: 30,
                    before: 0,
                    after: 15,
                    ..SlotRules::default()
                },
                email: "ana@example.com".into(),
            }),
            ..IntakeForm::default()
        }
    }

    fn reply(from: &str, picks: &[i64], confirmed: Option<i64>) -> Response {
        Response {
            from: from.into(),
            zone: String::new(),
            sent: 1,
            answers: vec![("mail".into(), Answer::Text(format!(" {from}@example.com ")))],
            picks: picks.to_vec(),
            confirmed,
        }
    }

    #[test]
    fn the_same_slot_picked_twice_clashes_until_one_is_confirmed() {
        let f = form();
        let rs = vec![
            ("b".to_owned(), reply("Ben", &[10 * HOUR, 12 * HOUR], None)),
            ("c".to_owned(), reply("Chie", &[10 * HOUR], None)),
            ("d".to_owned(), reply("Dev", &[14 * HOUR], None)),
        ];
        let clashes = pick_clashes(&f, &rs);
        assert_eq!(clashes.len(), 2);
        assert_eq!(
            (clashes[0].response.as_str(), clashes[0].with.as_str()),
            ("b", "Chie's pick")
        );
        assert_eq!(
            (clashes[1].response.as_str(), clashes[1].with.as_str()),
            ("c", "Ben's pick")
        );
        // Chie's call is confirmed: Ben's pick of the same time now clashes with it,
        // and his other pick is free. A call ending when the next starts does not clash.
        let mut rs = rs;
        rs[1].1.confirmed = Some(10 * HOUR);
        rs[2].1.picks = vec![10 * HOUR + HOUR / 2];
        let clashes = pick_clashes(&f, &rs);
        assert_eq!(clashes.len(), 1);
        assert_eq!(clashes[0].response, "b");
        assert_eq!(clashes[0].start, 10 * HOUR);
        assert_eq!(clashes[0].with, "the call confirmed with Chie");
        assert!(clashes[0].taken);
        // Held with its buffers: 15 minutes after.
        assert_eq!(f.held(&rs), vec![(10 * HOUR, 10 * HOUR + 45 * 60_000)]);
    }

    #[test]
    fn a_reply_keeps_only_answers_to_the_forms_questions_within_bounds() {
        let long = "x".repeat(crate::model::form::MAX_ANSWER + 50);
        let kept = form().kept_answers(vec![
            ("mail".into(), Answer::Text(long)),
            ("mail".into(), Answer::Text("second".into())),
            ("not-a-question".into(), Answer::Text("stuffing".into())),
            (
                "what".into(),
                Answer::Choices(vec!["Site".into(), "Shop".into(), "More".into()]),
            ),
        ]);
        assert_eq!(kept.len(), 2);
        assert!(
            matches!(&kept[0].1, Answer::Text(t) if t.chars().count() == crate::model::form::MAX_ANSWER)
        );
        assert_eq!(
            kept[1],
            (
                "what".into(),
                Answer::Choices(vec!["Site".into(), "Shop".into()])
            )
        );
    }

    #[test]
    fn values_no_calendar_has_are_left_out_instead_of_overflowing() {
        let f = form();
        assert_eq!(f.call(i64::MAX), None);
        assert_eq!(f.call(8_210_266_876_799_999 - 60_000), None);
        let rs = vec![
            (
                "b".to_owned(),
                reply("Ben", &[i64::MAX, i64::MIN], Some(i64::MIN)),
            ),
            ("c".to_owned(), reply("Chie", &[i64::MAX], None)),
        ];
        assert!(pick_clashes(&f, &rs).is_empty());
        assert_eq!(f.held(&rs).len(), 1);
        let now = 1_764_600_000_000;
        assert_eq!(
            IntakeForm::kept_picks(vec![i64::MAX, now + 3_600_000, i64::MIN, now, now + 1], now),
            vec![now + 3_600_000, now]
        );
    }

    #[test]
    fn slots_from_a_hostile_link_stay_few_and_quick() {
        use chrono::TimeZone;
        let mut f = form();
        f.booking.as_mut().unwrap().rules = SlotRules {
            minutes: 1,
            before: 0,
            after: 0,
            notice_minutes: 0,
            weeks: u8::MAX,
        };
        let published = PublishedForm {
            form: f,
            offer: Offer {
                office_hours: vec![(0, u32::MAX, u32::MAX), (1, 0, u32::MAX), (9, 0, 60)],
                taken: vec![(-8_000_000_000_000_000, 8_000_000_000_000_000)],
            },
        };
        let tz: Zone = "Europe/London".parse().unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 29, 0, 0, 0).unwrap();
        // Everything is taken by the all-covering span; without it, whole days of
        // 5-minute calls for 8 weeks at most.
        assert!(published.slots(tz, now).is_empty());
        let open = PublishedForm {
            offer: Offer {
                taken: vec![],
                ..published.offer.clone()
            },
            ..published
        };
        let n = open.slots(tz, now).len();
        assert!(n > 0 && n <= 2 * 8 * 288, "{n}");
    }

    #[test]
    fn the_email_answer_is_where_the_invitation_goes() {
        let r = reply("Ben", &[], None);
        assert_eq!(r.email(&form().form), Some("Ben@example.com"));
        assert_eq!(Response::default().email(&form().form), None);
    }

    #[test]
    fn rows_carry_every_question_and_the_times() {
        let mut r = reply("Ben", &[HOUR], Some(HOUR));
        r.answers.push((
            "what".into(),
            Answer::Choices(vec!["Site".into(), "Shop".into()]),
        ));
        let rows = responses_rows(&form(), &[("b".into(), r)], &|ms| format!("t{ms}"));
        assert_eq!(
            rows,
            vec![
                vec![
                    "Sent",
                    "From",
                    "E-mail",
                    "What do you need, \"roughly\"?",
                    "Picked times",
                    "Confirmed"
                ],
                vec![
                    "t1",
                    "Ben",
                    " Ben@example.com ",
                    "Site; Shop",
                    "t3600000",
                    "t3600000"
                ],
            ]
        );
        let text = crate::model::csv::write(&rows);
        assert_eq!(crate::model::csv::read(&text), Some(rows));
    }

    #[test]
    fn a_published_form_offers_slots_outside_confirmed_calls() {
        use chrono::TimeZone;
        let mut f = form();
        f.booking.as_mut().unwrap().rules.notice_minutes = 0;
        f.booking.as_mut().unwrap().rules.weeks = 1;
        // Monday 10:00-11:30 in Kolkata: 10:00 and 10:45.
        let block = Block {
            day: 0,
            start: 600,
            minutes: 90,
            kind: BlockKind::Manager,
            ..Block::default()
        };
        let tz: Zone = "Asia/Kolkata".parse().unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 29, 0, 0, 0).unwrap();
        let first = tz
            .with_ymd_and_hms(2026, 11, 30, 10, 0, 0)
            .unwrap()
            .timestamp_millis();
        let published = PublishedForm {
            offer: f.offer(std::slice::from_ref(&block), &[]),
            form: f.clone(),
        };
        assert_eq!(published.slots(tz, now).len(), 2);
        let held = f.held(&[("c".into(), reply("Chie", &[], Some(first)))]);
        let published = PublishedForm {
            offer: f.offer(&[block], &held),
            form: f,
        };
        let left = published.slots(tz, now);
        assert_eq!(left.len(), 1);
        assert_eq!(left[0].start.timestamp_millis(), first + 45 * 60_000);
    }
}
