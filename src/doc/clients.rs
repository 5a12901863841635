//! Client dashboards, intake forms, their replies, and the answers a respondent is
//! typing, inside the personal document (issue 16):
//! ```text
//! { "dash/<doc id>": bytes,            // (client's person id, Dashboard)
//!   "dashq/<doc id>/<id>": bytes,      // a client's question, ClientQuestion
//!   "form/<doc id>": bytes,            // IntakeForm
//!   "resp/<doc id>/<id>": bytes,       // a reply as kept, Response
//!   "fill/<doc id>/<question id>": bytes, // an answer being typed, Answer
//!   "fill/<doc id>/#picks": bytes }    // the slots picked, Vec<i64>
//! ```
//! Flat root values, one per item: two devices add replies or dashboards offline and
//! both are kept. An item is written whole; only its author edits a dashboard or form,
//! so the last device's edit of one item wins, and replies are never edited but for
//! the confirmed slot. Each value is in `codec::pack`'s binary form, whose impls for the
//! model's values are at the end of this module (a record's fields in the order listed
//! there; new fields only ever go at the end).

use automerge::transaction::Transactable;
use automerge::{ReadDoc, ScalarValue, Value, ROOT};

use super::{DocError, PersonalDoc};
use crate::codec::pack::{from_bytes, open_record, record, to_bytes, Pack};
use crate::model::booking::SlotRules;
use crate::model::dashboard::{ClientQuestion, Dashboard, Deliverable, Kpi, Stage};
use crate::model::form::{Answer, Ask, Form, Question, Section, Skip};
use crate::model::ids::RecordingId;
use crate::model::intake::{Booking, IntakeForm, Offer, PublishedForm, ReplyBody, Response};
use crate::model::recording::Recording;
use crate::pack_record;

pub const DASHBOARD: &str = "dash/";
pub const QUESTION: &str = "dashq/";
pub const FORM: &str = "form/";
pub const RESPONSE: &str = "resp/";
pub const FILL: &str = "fill/";
pub const PICKS: &str = "#picks";

impl PersonalDoc {
    /// The value stored under `key`, when it holds one of `T`.
    pub fn item<T: Pack>(&self, key: &str) -> Option<T> {
        match self.raw().get(ROOT, key).ok()?? {
            (Value::Scalar(s), _) => match s.as_ref() {
                ScalarValue::Bytes(b) => from_bytes(b),
                _ => None,
            },
            _ => None,
        }
    }

    /// Whether anything is stored under `key`.
    pub fn has_item(&self, key: &str) -> bool {
        self.raw().get(ROOT, key).ok().flatten().is_some()
    }

    /// Every value under `prefix` that holds a `T`, as (the rest of its key, value), in
    /// key order.
    pub fn items<T: Pack>(&self, prefix: &str) -> Vec<(String, T)> {
        let mut end = prefix.to_owned();
        // '/' + 1: every key that starts with the prefix sorts before it.
        end.pop();
        end.push('0');
        let doc = self.raw();
        doc.map_range(&ROOT, prefix.to_owned()..end)
            .filter_map(|item| {
                let rest = item.key.get(prefix.len()..)?.to_owned();
                Some((rest, self.item(&item.key)?))
            })
            .collect()
    }

    /// Writes `value` under `key`, unless it is already there.
    pub fn put_item<T: Pack>(&mut self, key: &str, value: &T) -> Result<(), DocError> {
        let bytes = to_bytes(value);
        let same = matches!(
            self.raw().get(ROOT, key),
            Ok(Some((Value::Scalar(s), _))) if matches!(s.as_ref(), ScalarValue::Bytes(b) if *b == bytes)
        );
        if !same {
            self.writable()?.put(ROOT, key, ScalarValue::Bytes(bytes))?;
            self.commit("client item");
        }
        Ok(())
    }

    /// Removes the value under `key`, if there is one.
    pub fn remove_item(&mut self, key: &str) -> Result<(), DocError> {
        if self.has_item(key) {
            self.writable()?.delete(ROOT, key)?;
            self.commit("client item");
        }
        Ok(())
    }
}

pack_record!(Dashboard {
    project,
    status,
    our_contact,
    their_contact,
    deliverables,
    kpis,
    glossary,
    next_ours,
    next_theirs,
    recommendations,
    more,
    recordings
});
pack_record!(Recording { id, title, ms, url });

/// A recording's id as its hex; one that does not read is the zero id, which matches no
/// recording on any device.
impl Pack for RecordingId {
    fn pack(&self, out: &mut Vec<u8>) {
        self.to_string().pack(out);
    }
    fn unpack(input: &mut &[u8]) -> Option<Self> {
        Some(RecordingId::parse(&String::unpack(input)?).unwrap_or_default())
    }
}
pack_record!(Deliverable { text, stage });
pack_record!(Kpi {
    id,
    name,
    unit,
    target,
    lower_is_better,
    note,
    values
});
pack_record!(ClientQuestion { from, text, sent });
pack_record!(IntakeForm {
    title,
    intro,
    form,
    booking
});
pack_record!(Booking { rules, email });
pack_record!(SlotRules {
    minutes,
    before,
    after,
    notice_minutes,
    weeks
});
pack_record!(Form { sections, skips });
pack_record!(Section {
    id,
    title,
    questions
});
pack_record!(Question {
    id,
    text,
    ask,
    required
});
pack_record!(Skip {
    question,
    choice,
    skips
});
pack_record!(Offer {
    office_hours,
    taken
});
pack_record!(PublishedForm { form, offer });
pack_record!(Response {
    from,
    zone,
    sent,
    answers,
    picks,
    confirmed
});

/// An enum as its variant's number and, as a record, what the variant holds; a number
/// this version does not know reads as `None`.
fn variant(out: &mut Vec<u8>, tag: u8, fields: impl FnOnce(&mut Vec<u8>)) {
    tag.pack(out);
    record(out, fields);
}

fn open_variant<'a>(input: &mut &'a [u8]) -> Option<(u8, &'a [u8])> {
    let tag = u8::unpack(input)?;
    Some((tag, open_record(input)?))
}

impl Pack for Stage {
    fn pack(&self, out: &mut Vec<u8>) {
        (Stage::ALL.iter().position(|s| s == self).unwrap_or(0) as u8).pack(out);
    }
    fn unpack(input: &mut &[u8]) -> Option<Self> {
        // A stage a newer version added reads as planned.
        Some(
            Stage::ALL
                .get(usize::from(u8::unpack(input)?))
                .copied()
                .unwrap_or_default(),
        )
    }
}

impl Pack for Ask {
    fn pack(&self, out: &mut Vec<u8>) {
        let (tag, options) = match self {
            Ask::ShortText => (0, None),
            Ask::LongText => (1, None),
            Ask::OneChoice(o) => (2, Some(o)),
            Ask::SeveralChoices(o) => (3, Some(o)),
            Ask::Number => (4, None),
            Ask::Date => (5, None),
            Ask::Email => (6, None),
            Ask::Link => (7, None),
        };
        variant(out, tag, |b| {
            if let Some(o) = options {
                o.pack(b)
            }
        });
    }
    fn unpack(input: &mut &[u8]) -> Option<Self> {
        let (tag, mut body) = open_variant(input)?;
        let mut options = || crate::codec::pack::field::<Vec<String>>(&mut body);
        Some(match tag {
            1 => Ask::LongText,
            2 => Ask::OneChoice(options()?),
            3 => Ask::SeveralChoices(options()?),
            4 => Ask::Number,
            5 => Ask::Date,
            6 => Ask::Email,
            7 => Ask::Link,
            // Short text, or a kind of answer a newer version added: asked as text.
            _ => Ask::ShortText,
        })
    }
}

impl Pack for Answer {
    fn pack(&self, out: &mut Vec<u8>) {
        match self {
            Answer::Text(t) => variant(out, 0, |b| t.pack(b)),
            Answer::Choices(c) => variant(out, 1, |b| c.pack(b)),
        }
    }
    fn unpack(input: &mut &[u8]) -> Option<Self> {
        let (tag, mut body) = open_variant(input)?;
        match tag {
            0 => Some(Answer::Text(crate::codec::pack::field(&mut body)?)),
            1 => Some(Answer::Choices(crate::codec::pack::field(&mut body)?)),
            _ => None,
        }
    }
}

impl Pack for ReplyBody {
    fn pack(&self, out: &mut Vec<u8>) {
        match self {
            ReplyBody::Answers { answers, picks } => variant(out, 0, |b| {
                answers.pack(b);
                picks.pack(b);
            }),
            ReplyBody::Question(text) => variant(out, 1, |b| text.pack(b)),
        }
    }
    fn unpack(input: &mut &[u8]) -> Option<Self> {
        use crate::codec::pack::field;
        let (tag, mut body) = open_variant(input)?;
        match tag {
            0 => Some(ReplyBody::Answers {
                answers: field(&mut body)?,
                picks: field(&mut body)?,
            }),
            1 => Some(ReplyBody::Question(field(&mut body)?)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::form::Answer;

    #[test]
    fn items_are_kept_by_key_and_read_back_by_prefix() {
        let mut doc = PersonalDoc::new();
        doc.put_item("fill/a/q1", &Answer::Text("one".into()))
            .unwrap();
        doc.put_item("fill/a/q2", &Answer::Choices(vec!["x".into()]))
            .unwrap();
        doc.put_item("fill/ab/q1", &Answer::Text("other form".into()))
            .unwrap();
        doc.put_item("fill/a/#picks", &vec![5_i64]).unwrap();
        let answers: Vec<(String, Answer)> = doc.items("fill/a/");
        assert_eq!(
            answers,
            vec![
                ("q1".into(), Answer::Text("one".into())),
                ("q2".into(), Answer::Choices(vec!["x".into()])),
            ]
        );
        assert_eq!(doc.item::<Vec<i64>>("fill/a/#picks"), Some(vec![5]));
        // Writing the same value again writes nothing.
        let before = doc.save();
        doc.put_item("fill/a/q1", &Answer::Text("one".into()))
            .unwrap();
        assert_eq!(doc.save(), before);
        // One answer goes alone, even where another key begins with its key.
        doc.put_item("fill/a/q10", &Answer::Text("ten".into()))
            .unwrap();
        doc.remove_item("fill/a/q1").unwrap();
        assert_eq!(doc.items::<Answer>("fill/a/").len(), 2);
        assert_eq!(doc.items::<Answer>("fill/ab/").len(), 1);
    }

    #[test]
    fn a_dashboard_keeps_its_recordings_and_one_written_before_them_still_reads() {
        use crate::model::ids::RecordingId;
        let dash = Dashboard {
            project: "Site".into(),
            recordings: vec![Recording {
                id: RecordingId::from_bytes([3; 16]),
                title: "Month in review".into(),
                ms: 90_000,
                url: "https://videos.example/m".into(),
            }],
            ..Dashboard::default()
        };
        assert_eq!(
            from_bytes::<Dashboard>(&to_bytes(&dash)),
            Some(dash.clone())
        );
        // The same dashboard as the version before recordings wrote it.
        let mut old = to_bytes(&Dashboard {
            recordings: vec![],
            ..dash.clone()
        });
        assert_eq!(old.pop(), Some(0), "the empty list is the last byte");
        old[0] -= 1;
        let read = from_bytes::<Dashboard>(&old).unwrap();
        assert_eq!(read.project, "Site");
        assert!(read.recordings.is_empty());
        // An id that does not read becomes the zero id rather than losing the dashboard.
        let mut bad = Vec::new();
        record(&mut bad, |b| {
            "not hex".to_owned().pack(b);
            "T".to_owned().pack(b);
        });
        let r = from_bytes::<Recording>(&bad).unwrap();
        assert_eq!((r.id, r.title.as_str()), (RecordingId::default(), "T"));
    }

    #[test]
    fn two_devices_adding_replies_offline_keep_both() {
        use crate::codec::chunks::check_stored;
        let mut a = PersonalDoc::new();
        let mut b = PersonalDoc::new();
        a.put_item("resp/f/1", &"Ben".to_owned()).unwrap();
        b.put_item("resp/f/2", &"Chie".to_owned()).unwrap();
        a.merge_bytes(check_stored(&b.save()).unwrap()).unwrap();
        assert_eq!(a.items::<String>("resp/f/").len(), 2);
    }
}
