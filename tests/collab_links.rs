#![cfg(not(target_arch = "wasm32"))]
//! Property: three teammates editing one collaboration document offline and passing
//! share links around in any order (reply links relative to what each last heard from
//! the other, full links, links meant for someone else, links pasted twice) end up with
//! the same document once everyone has sent everyone a full link, and nothing anyone
//! did is lost or doubled on the way.

use std::collections::BTreeMap;

use proptest::prelude::*;
use unhurried::doc::shared::{SharedDoc, SharedError};
use unhurried::model::ids::Heads;
use unhurried::model::shared::SharedState;
use unhurried::model::shared::TextField;
use unhurried::share::exchange::{full_link, hex, receive, reply_link, ReceiveError, Received};
use unhurried::share::link::Share;

const PEOPLE: usize = 3;
const NAMES: [&str; PEOPLE] = ["Ana", "Ben", "Cy"];
const INITIAL_IDEAS: usize = 3;
const POLL_OPTIONS: usize = 3;

/// Each person's 16-byte id, as in their personal document.
fn person_bytes(i: usize) -> [u8; 16] {
    let mut b = [0u8; 16];
    for (n, byte) in b.iter_mut().enumerate() {
        *byte = (0x3d_u8)
            .wrapping_mul(i as u8 + 1)
            .wrapping_add((n as u8).wrapping_mul(17));
    }
    b
}

fn person(i: usize) -> String {
    hex(&person_bytes(i))
}

#[derive(Clone, Debug)]
enum TextOp {
    Append(String),
    Insert { at: usize, word: String },
    Delete { at: usize, len: usize },
}

#[derive(Clone, Debug)]
enum Edit {
    Comment {
        on_idea: Option<usize>,
    },
    /// Toggle the replica owner's vote on the idea at this index (modulo the count).
    ToggleVote(usize),
    /// `None` takes the answer back.
    Answer(Option<usize>),
    AddIdea,
    Problem(TextOp),
}

#[derive(Clone, Debug)]
enum Step {
    Edit {
        who: usize,
        edit: Edit,
    },
    /// `from` sends `to` a link: a reply relative to what `from` last heard from `to`,
    /// or the full link.
    Send {
        from: usize,
        to: usize,
        full: bool,
    },
    /// `from` posts one link for both others (a reply covering what either lacks).
    Group {
        from: usize,
        full: bool,
    },
    /// `from` makes a reply for the third person, but it reaches `to` (a link meant for
    /// someone else, read in a group chat).
    Misdirected {
        from: usize,
        to: usize,
    },
    /// `who` opens the last link they took in once more.
    Reopen {
        who: usize,
    },
}

fn text_op() -> impl Strategy<Value = TextOp> {
    prop_oneof![
        "[a-z]{1,6}".prop_map(TextOp::Append),
        (0usize..200, "[a-z]{1,6}").prop_map(|(at, word)| TextOp::Insert { at, word }),
        (0usize..200, 1usize..8).prop_map(|(at, len)| TextOp::Delete { at, len }),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => prop::option::of(0usize..16).prop_map(|on_idea| Edit::Comment { on_idea }),
        4 => (0usize..16).prop_map(Edit::ToggleVote),
        2 => prop::option::weighted(0.8, 0usize..POLL_OPTIONS).prop_map(Edit::Answer),
        1 => Just(Edit::AddIdea),
        2 => text_op().prop_map(Edit::Problem),
    ]
}

fn pair() -> impl Strategy<Value = (usize, usize)> {
    (0..PEOPLE, 1..PEOPLE).prop_map(|(from, d)| (from, (from + d) % PEOPLE))
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        6 => (0..PEOPLE, edit()).prop_map(|(who, edit)| Step::Edit { who, edit }),
        5 => (pair(), prop::bool::weighted(0.2))
            .prop_map(|((from, to), full)| Step::Send { from, to, full }),
        2 => (0..PEOPLE, prop::bool::weighted(0.2)).prop_map(|(from, full)| Step::Group { from, full }),
        3 => pair().prop_map(|(from, to)| Step::Misdirected { from, to }),
        1 => (0..PEOPLE).prop_map(|who| Step::Reopen { who }),
    ]
}

/// Everything the three devices hold, plus what the people meant to do.
struct World {
    docs: Vec<SharedDoc>,
    /// `heard[x][y]`: the heads on the last link `x` took in from `y`.
    heard: Vec<Vec<Option<Heads>>>,
    /// The last link each one took in, as its fragment.
    last_opened: Vec<Option<String>>,
    now: i64,
    comments_added: usize,
    ideas_added: usize,
    /// (person, idea id) to the vote that person last gave or took back.
    vote_intent: BTreeMap<(usize, String), bool>,
    /// Each person's last answer to the poll (`None`: taken back).
    answer_intent: BTreeMap<usize, Option<String>>,
    poll: String,
    fallbacks: usize,
}

fn sender_index(share: &Share) -> usize {
    (0..PEOPLE)
        .find(|&i| person_bytes(i) == share.sender)
        .expect("a link from one of the three")
}

fn to_heads(share: &Share) -> Heads {
    Heads::new(share.heads.clone())
}

impl World {
    fn new() -> World {
        let mut a = SharedDoc::create(&person(0), NAMES[0], "Where do we hold the offsite?", 1);
        for (i, text) in ["Lisbon", "The office", "A farm near Utrecht"]
            .iter()
            .enumerate()
        {
            a.as_discussion()
                .unwrap()
                .add_idea(&person(0), NAMES[0], 2 + i as i64, text)
                .unwrap();
        }
        let options: Vec<String> = (0..POLL_OPTIONS)
            .map(|i| format!("Week {}", i + 1))
            .collect();
        let poll = a
            .as_discussion()
            .unwrap()
            .add_poll(&person(0), NAMES[0], 9, "Which week?", false, &options)
            .unwrap();
        let mut world = World {
            docs: vec![a],
            heard: vec![vec![None; PEOPLE]; PEOPLE],
            last_opened: vec![None; PEOPLE],
            now: 10,
            comments_added: 0,
            ideas_added: INITIAL_IDEAS,
            vote_intent: BTreeMap::new(),
            answer_intent: BTreeMap::new(),
            poll,
            fallbacks: 0,
        };
        // B and C open A's full link: new documents on their devices.
        let fragment = full_link(&mut world.docs[0], person_bytes(0)).to_fragment();
        for who in 1..PEOPLE {
            let share = Share::from_fragment(&format!("#{fragment}")).unwrap();
            match receive(&share, None) {
                Ok(Received::New(doc)) => world.docs.push(*doc),
                _ => panic!("a full link opens as a new document"),
            }
            world.heard[who][0] = Some(to_heads(&share));
            world.last_opened[who] = Some(fragment.clone());
        }
        world
    }

    fn edit(&mut self, who: usize, edit: &Edit) {
        self.now += 1;
        let (me, name, now) = (person(who), NAMES[who], self.now);
        let state = self.docs[who].state();
        let doc = &mut self.docs[who];
        match edit {
            Edit::Comment { on_idea } => {
                let on = on_idea.and_then(|i| {
                    (!state.discussion().ideas.is_empty()).then(|| {
                        state.discussion().ideas[i % state.discussion().ideas.len()]
                            .id
                            .clone()
                    })
                });
                let text = format!("comment {now} from {name}");
                doc.add_comment(&me, name, now, on.as_deref(), &text)
                    .unwrap();
                self.comments_added += 1;
            }
            Edit::ToggleVote(i) => {
                let idea = &state.discussion().ideas[i % state.discussion().ideas.len()];
                let vote = !idea.votes.contains_key(&me);
                doc.as_discussion()
                    .unwrap()
                    .set_vote(&me, name, now, &idea.id, vote)
                    .unwrap();
                self.vote_intent.insert((who, idea.id.clone()), vote);
            }
            Edit::Answer(choice) => {
                let chosen: Vec<String> = choice.iter().map(|c| format!("o{c}")).collect();
                doc.as_discussion()
                    .unwrap()
                    .answer_poll(&me, name, &self.poll, &chosen)
                    .unwrap();
                self.answer_intent.insert(who, chosen.first().cloned());
            }
            Edit::AddIdea => {
                doc.as_discussion()
                    .unwrap()
                    .add_idea(&me, name, now, &format!("idea {now} from {name}"))
                    .unwrap();
                self.ideas_added += 1;
            }
            Edit::Problem(op) => {
                let mut chars: Vec<char> = state.discussion().problem.chars().collect();
                match op {
                    TextOp::Append(word) => {
                        if !chars.is_empty() {
                            chars.push(' ');
                        }
                        chars.extend(word.chars());
                    }
                    TextOp::Insert { at, word } => {
                        let at = at % (chars.len() + 1);
                        chars.splice(at..at, word.chars());
                    }
                    TextOp::Delete { at, len } => {
                        if !chars.is_empty() {
                            let at = at % chars.len();
                            let end = (at + len).min(chars.len());
                            chars.drain(at..end);
                        }
                    }
                }
                let value: String = chars.into_iter().collect();
                doc.set_text(TextField::Problem, &me, name, &value).unwrap();
                assert_eq!(doc.state().discussion().problem, value);
            }
        }
    }

    /// `from`'s link for the given peers: a reply when `from` has heard from all of them
    /// and `full` is not asked for, else the full link. `None` when a reply would be empty.
    fn make_link(&mut self, from: usize, peers: &[usize], full: bool) -> Option<Share> {
        let known: Option<Vec<Heads>> =
            peers.iter().map(|&p| self.heard[from][p].clone()).collect();
        match known {
            Some(heads) if !full => reply_link(&mut self.docs[from], person_bytes(from), &heads),
            _ => Some(full_link(&mut self.docs[from], person_bytes(from))),
        }
    }

    /// `to` opens `share`'s link. A reply that builds on history `to` lacks is refused
    /// whole; then `to` asks `from` for the full link, as a person would.
    fn deliver(&mut self, from: usize, to: usize, share: &Share) {
        let fragment = share.to_fragment();
        match self.open(to, &fragment) {
            Ok(()) => {}
            Err(ReceiveError::Collab(SharedError::MissingHistory)) => {
                self.fallbacks += 1;
                let full = full_link(&mut self.docs[from], person_bytes(from)).to_fragment();
                self.open(to, &full).expect("a full link always opens");
            }
            Err(e) => panic!("link from {from} to {to} refused: {e}"),
        }
    }

    fn open(&mut self, to: usize, fragment: &str) -> Result<(), ReceiveError> {
        let share = Share::from_fragment(&format!("#{fragment}")).expect("link decodes");
        assert_ne!(sender_index(&share), to, "nobody sends themselves links");
        let before = self.docs[to].heads();
        let outcome = receive(&share, Some(&mut self.docs[to]));
        // Nothing may be left waiting on missing changes, invisible and lost on save.
        assert!(self.docs[to].is_complete(), "changes left queued");
        match outcome {
            Ok(Received::Merged(changed)) => {
                assert_eq!(changed, self.docs[to].heads() != before);
                self.heard[to][sender_index(&share)] = Some(to_heads(&share));
                self.last_opened[to] = Some(fragment.to_owned());
                Ok(())
            }
            Ok(Received::New(_)) => panic!("a link with a local copy opened as new"),
            Err(e) => {
                // The state is a function of the changes applied, so equal heads and
                // nothing queued mean nothing changed.
                assert_eq!(
                    self.docs[to].heads(),
                    before,
                    "a refused link changed things"
                );
                Err(e)
            }
        }
    }

    fn step(&mut self, step: &Step) {
        match *step {
            Step::Edit { who, ref edit } => self.edit(who, edit),
            Step::Send { from, to, full } => match self.make_link(from, &[to], full) {
                Some(share) => self.deliver(from, to, &share),
                None => {
                    // Nothing to reply: `to` already has all `from` has.
                    let full = full_link(&mut self.docs[from], person_bytes(from));
                    let before = self.docs[to].heads();
                    assert!(matches!(
                        receive(&full, Some(&mut self.docs[to])),
                        Ok(Received::Merged(false))
                    ));
                    assert_eq!(self.docs[to].heads(), before);
                }
            },
            Step::Group { from, full } => {
                let others: Vec<usize> = (0..PEOPLE).filter(|&p| p != from).collect();
                if let Some(share) = self.make_link(from, &others, full) {
                    for to in others {
                        self.deliver(from, to, &share);
                    }
                }
            }
            Step::Misdirected { from, to } => {
                let meant_for = (0..PEOPLE).find(|&p| p != from && p != to).unwrap();
                if let Some(share) = self.make_link(from, &[meant_for], false) {
                    self.deliver(from, to, &share);
                }
            }
            Step::Reopen { who } => {
                if let Some(fragment) = self.last_opened[who].clone() {
                    let share = Share::from_fragment(&fragment).unwrap();
                    let before = self.docs[who].heads();
                    assert!(
                        matches!(
                            receive(&share, Some(&mut self.docs[who])),
                            Ok(Received::Merged(false))
                        ),
                        "opening a link twice changes nothing the second time"
                    );
                    assert_eq!(self.docs[who].heads(), before);
                }
            }
        }
    }

    /// Everyone sends everyone a full link.
    fn settle(&mut self) {
        for from in 0..PEOPLE {
            for to in 0..PEOPLE {
                if from != to {
                    let share = full_link(&mut self.docs[from], person_bytes(from));
                    self.deliver(from, to, &share);
                }
            }
        }
    }

    fn check(&mut self) -> SharedState {
        let states: Vec<SharedState> = self.docs.iter().map(|d| d.state()).collect();
        for s in &states[1..] {
            assert_eq!(
                s, &states[0],
                "replicas differ after everyone sent full links"
            );
        }
        // Heads are kept sorted, so equal versions compare equal.
        let heads: Vec<Heads> = self.docs.iter_mut().map(|d| d.heads()).collect();
        assert!(heads.windows(2).all(|w| w[0] == w[1]), "heads differ");
        let s = states.into_iter().next().unwrap();
        let everyone: Vec<String> = (0..PEOPLE).map(person).collect();
        assert!(
            s.people.keys().all(|p| everyone.contains(p)),
            "{:?}",
            s.people
        );
        assert_eq!(s.people.get(&person(0)).map(String::as_str), Some(NAMES[0]));
        assert_eq!(
            s.comments.len(),
            self.comments_added,
            "comments lost or doubled"
        );
        assert_eq!(
            s.discussion().ideas.len(),
            self.ideas_added,
            "ideas lost or doubled"
        );
        for idea in &s.discussion().ideas {
            assert!(idea.votes.len() <= PEOPLE);
            for voter in idea.votes.keys() {
                assert!(everyone.contains(voter), "vote from a stranger {voter}");
            }
            for (p, id) in everyone.iter().enumerate() {
                // Only a person's own device writes their vote, so their last intent
                // is never in conflict with anything and must hold exactly.
                let meant = self
                    .vote_intent
                    .get(&(p, idea.id.clone()))
                    .copied()
                    .unwrap_or(false);
                assert_eq!(
                    idea.votes.contains_key(id),
                    meant,
                    "{}'s vote on {:?}",
                    NAMES[p],
                    idea.text
                );
            }
        }
        for (p, id) in everyone.iter().enumerate() {
            if !self.vote_intent.keys().any(|(q, _)| *q == p) {
                assert_eq!(
                    s.discussion().votes_given_by(id),
                    0,
                    "{} never voted",
                    NAMES[p]
                );
            }
        }
        assert_eq!(s.discussion().polls.len(), 1);
        let poll = &s.discussion().polls[0];
        assert_eq!(poll.id, self.poll);
        assert!(poll.answers.len() <= PEOPLE);
        assert!(poll.answers.values().all(|a| a.len() == 1));
        for (option, names) in unhurried::model::shared::discussion::poll_results(&s, poll) {
            assert!(names.len() <= PEOPLE, "{}", option.text);
        }
        for (p, id) in everyone.iter().enumerate() {
            let meant = self.answer_intent.get(&p).cloned().flatten();
            assert_eq!(
                poll.answers.get(id).map(|a| a[0].clone()),
                meant,
                "{}'s answer",
                NAMES[p]
            );
        }
        s
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn three_teammates_converge_through_links(steps in prop::collection::vec(step(), 0..40)) {
        let mut world = World::new();
        for step in &steps {
            world.step(step);
        }
        world.settle();
        world.check();
    }
}

#[test]
fn votes_never_double() {
    let ana = person(0);
    let mut laptop = SharedDoc::create(&ana, "Ana", "Offsite", 1);
    let idea = laptop
        .as_discussion()
        .unwrap()
        .add_idea(&ana, "Ana", 2, "Lisbon")
        .unwrap();
    // The same person's phone: a copy from the full link.
    let link =
        Share::from_fragment(&full_link(&mut laptop, person_bytes(0)).to_fragment()).unwrap();
    let Ok(Received::New(mut phone)) = receive(&link, None) else {
        panic!("new document");
    };
    let base = laptop.heads();
    // Both devices, offline, vote for the same idea.
    laptop
        .as_discussion()
        .unwrap()
        .set_vote(&ana, "Ana", 3, &idea, true)
        .unwrap();
    phone
        .as_discussion()
        .unwrap()
        .set_vote(&ana, "Ana", 4, &idea, true)
        .unwrap();
    let from_phone = reply_link(&mut phone, person_bytes(0), std::slice::from_ref(&base)).unwrap();
    let from_laptop =
        reply_link(&mut laptop, person_bytes(0), std::slice::from_ref(&base)).unwrap();
    let from_phone = Share::from_fragment(&from_phone.to_fragment()).unwrap();
    let from_laptop = Share::from_fragment(&from_laptop.to_fragment()).unwrap();
    assert!(matches!(
        receive(&from_phone, Some(&mut laptop)),
        Ok(Received::Merged(true))
    ));
    assert!(matches!(
        receive(&from_laptop, Some(&mut *phone)),
        Ok(Received::Merged(true))
    ));
    for s in [laptop.state(), phone.state()] {
        assert_eq!(s.discussion().ideas[0].votes.len(), 1);
        assert_eq!(s.discussion().votes_given_by(&ana), 1);
    }
    assert_eq!(laptop.state(), phone.state());
    // Taking the vote back on one device takes it back everywhere.
    let h = phone.heads();
    laptop
        .as_discussion()
        .unwrap()
        .set_vote(&ana, "Ana", 5, &idea, false)
        .unwrap();
    let back = reply_link(&mut laptop, person_bytes(0), &[h]).unwrap();
    receive(&back, Some(&mut *phone)).unwrap();
    assert!(phone.state().discussion().ideas[0].votes.is_empty());
}

#[test]
fn a_reply_meant_for_someone_else_is_refused_whole_and_the_full_link_repairs_it() {
    let mut world = World::new();
    // Ben comments and sends it to Ana; Ana replies to Ben with her own comment.
    world.edit(1, &Edit::Comment { on_idea: None });
    world.step(&Step::Send {
        from: 1,
        to: 0,
        full: false,
    });
    world.edit(0, &Edit::Comment { on_idea: Some(0) });
    // Ana's reply for Ben builds on Ben's comment, which Cy never saw.
    let share = world.make_link(0, &[1], false).unwrap();
    let cy_before = world.docs[2].state();
    let refused = world.open(2, &share.to_fragment());
    assert!(matches!(
        refused,
        Err(ReceiveError::Collab(SharedError::MissingHistory))
    ));
    assert_eq!(world.docs[2].state(), cy_before);
    world.deliver(0, 2, &share);
    assert_eq!(world.fallbacks, 1);
    assert_eq!(world.docs[2].state(), world.docs[0].state());
    world.settle();
    world.check();
}
