//! Share links for a realistic collaboration document: how long the links are next to
//! the same content as deflated JSON (the "floor" no Automerge encoding can beat by
//! much), and how long a large link takes to open. The figures are printed once, before
//! the timings; they go in the README.
//!
//! The document is built the way teammates build one: the owner writes it and sends the
//! full link, each teammate opens it in their own session (their own Automerge actor),
//! comments, votes and answers the poll, and replies with a reply link the owner opens.

#[cfg(not(target_arch = "wasm32"))]
mod benches {
    use std::io::Write;

    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;
    use criterion::{criterion_group, BatchSize, Criterion};
    use unhurried::doc::shared::SharedDoc;
    use unhurried::model::ids::Heads;
    use unhurried::model::shared::TextField;
    use unhurried::model::shared::{Comment, SharedState};
    use unhurried::share::exchange::{full_link, hex, receive, reply_link, Received};
    use unhurried::share::link::Share;

    /// What a link adds around its fragment: `https://host/#`, roughly.
    const URL_OVERHEAD: usize = 30;
    /// Milliseconds: the app stores times as Unix milliseconds.
    const T0: i64 = 1_760_000_000_000;
    const MINUTE: i64 = 60_000;

    const PROBLEM: &str = "Our release lead time has crept from four days to almost three weeks \
        since spring. Most of the wait is not engineering work: changes sit in review queues, \
        the staging environment is shared by three teams and is broken about one day in five, \
        and the sign-off from support happens in a meeting that only runs on Thursdays. \
        Customers notice: two of our largest accounts asked for fixes that were finished in \
        days but reached them a month later. We want to agree on at most three changes we \
        can make this quarter, who owns each one, and how we will know whether it worked.";

    const IDEAS: [&str; 10] = [
        "Give every team its own short-lived staging environment, created per pull request",
        "Replace the Thursday support sign-off with an async checklist in the release ticket",
        "Set a review-time goal of one working day and show the queue on the team dashboard",
        "Ship behind feature flags so unfinished work can merge without blocking a release",
        "Release twice a week on a fixed schedule instead of when someone finds the time",
        "Pair a developer with support for one day a sprint so fixes are verified sooner",
        "Automate the smoke tests that support runs by hand before every release",
        "Split the monolith's deploy so the billing service can ship on its own",
        "Track lead time per change and review the slowest five every month",
        "Let the on-call engineer approve urgent fixes without waiting for a second review",
    ];

    const COMMENTS: [&str; 20] = [
        "The staging problem is the big one for us. Last sprint we lost two full days waiting for it to be fixed.",
        "I like the async checklist, but support needs a way to say no before the release goes out.",
        "Per-PR environments sound expensive. Does anyone have a rough monthly cost for our setup?",
        "We tried feature flags in 2022 and ended up with forty stale flags. We'd need an owner for cleanup.",
        "A fixed release schedule would help customer success plan their announcements too.",
        "Review time is mostly a focus problem: people batch reviews on Friday afternoon.",
        "+1 to measuring lead time first, otherwise we won't know which change helped.",
        "Could we start with the billing service split? It's the one customers complain about.",
        "Smoke tests are about 30 minutes of clicking. Automating even half would free up support.",
        "On-call approval worries me for anything touching payments. Maybe limit it to low-risk areas?",
        "I can share the numbers from the last quarter: median lead time was 17 days, p90 was 29.",
        "Twice a week is a lot for the mobile apps, since store review adds its own delay.",
        "The dashboard idea is cheap to try. We already have the data in the review tool.",
        "If we go with flags, let's agree on a naming scheme and an expiry date on every flag.",
        "Support would happily drop the Thursday meeting. It's an hour every week for six people.",
        "Pairing with support was great when we did it last year, but it faded out after a month.",
        "Can we timebox this? Pick three ideas by the end of next week and review in six weeks.",
        "For the staging cost question: a rough estimate from ops is 400 to 600 euros a month.",
        "I'd rather fix the shared staging than build a new system. Most breakages have one cause.",
        "Agree with the timebox. I'll draft the lead-time tracking so we have a baseline first.",
    ];

    const THREE_MORE: [&str; 3] = [
        "Ops confirmed the staging breakages: four of the last five came from the same migration job.",
        "I booked thirty minutes with support on Tuesday to walk through the async checklist draft.",
        "Lead-time tracking is live on the dashboard now; the first weekly numbers arrive on Monday.",
    ];

    const ACTIONS: [(&str, &str, &str); 5] = [
        (
            "Draft the async release checklist and trial it for two releases",
            "Chloé",
            "2025-10-24",
        ),
        (
            "Fix the staging migration job and add an alert when staging breaks",
            "Dev",
            "2025-10-31",
        ),
        (
            "Publish lead time per change on the team dashboard",
            "Ana",
            "2025-10-17",
        ),
        (
            "Estimate cost of per-PR environments with ops",
            "Eli",
            "2025-11-07",
        ),
        (
            "Review results in six weeks and decide on the next change",
            "Ana",
            "2025-12-05",
        ),
    ];

    const NAMES: [&str; 8] = [
        "Ana", "Ben", "Chloé", "Dev", "Eli", "Farah", "Goran", "Hana",
    ];

    /// A tiny deterministic generator, so ids look random but runs are repeatable.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    #[derive(Clone)]
    struct Person {
        id: String,
        bytes: [u8; 16],
        name: &'static str,
    }

    fn people() -> Vec<Person> {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        NAMES
            .iter()
            .map(|&name| {
                let mut bytes = [0u8; 16];
                for b in &mut bytes {
                    *b = rng.next() as u8;
                }
                Person {
                    id: hex(&bytes),
                    bytes,
                    name,
                }
            })
            .collect()
    }

    fn via_link(share: &Share) -> Share {
        Share::from_fragment(&share.to_fragment()).expect("own link decodes")
    }

    fn heads_of(share: &Share) -> Heads {
        Heads::new(share.heads.clone())
    }

    /// A new editing session on a stored copy, as when the app is opened again.
    fn reopen(doc: &mut SharedDoc) -> SharedDoc {
        SharedDoc::from_stored(&doc.save()).expect("own save loads")
    }

    fn open_new(share: &Share) -> SharedDoc {
        match receive(&via_link(share), None).expect("full link opens") {
            Received::New(doc) => *doc,
            Received::Merged(_) => unreachable!(),
        }
    }

    /// The realistic document, in the owner's hands, with the teammates' copies and
    /// the heads each teammate last received from the owner.
    struct Team {
        people: Vec<Person>,
        owner: SharedDoc,
        copies: Vec<SharedDoc>,
        /// heads the owner last heard from each teammate, and vice versa
        owner_heard: Vec<Heads>,
        copy_heard: Vec<Heads>,
    }

    impl Team {
        /// Teammate `i` (1-based) sends the owner a reply; the owner opens it.
        fn reply_to_owner(&mut self, i: usize) {
            let p = &self.people[i];
            let heard = self.copy_heard[i - 1].clone();
            if let Some(reply) = reply_link(&mut self.copies[i - 1], p.bytes, &[heard]) {
                let reply = via_link(&reply);
                receive(&reply, Some(&mut self.owner)).expect("reply opens");
                self.owner_heard[i - 1] = heads_of(&reply);
            }
        }

        /// The owner sends teammate `i` what they lack; they open it.
        fn owner_to(&mut self, i: usize) {
            let owner = self.people[0].bytes;
            let heard = self.owner_heard[i - 1].clone();
            if let Some(reply) = reply_link(&mut self.owner, owner, &[heard]) {
                let reply = via_link(&reply);
                receive(&reply, Some(&mut self.copies[i - 1])).expect("reply opens");
                self.copy_heard[i - 1] = heads_of(&reply);
            }
        }
    }

    fn realistic() -> Team {
        let people = people();
        let ana = &people[0];
        let mut t = T0;
        let mut owner = SharedDoc::create(
            &ana.id,
            ana.name,
            "How do we cut release lead time this quarter?",
            t,
        );
        // The problem written in two sittings: a draft, then the rest.
        let cut = PROBLEM.find(" Customers notice").unwrap();
        owner
            .set_text(TextField::Problem, &ana.id, ana.name, &PROBLEM[..cut])
            .unwrap();
        let mut owner = reopen(&mut owner);
        owner
            .set_text(TextField::Problem, &ana.id, ana.name, PROBLEM)
            .unwrap();
        for idea in &IDEAS[..4] {
            t += MINUTE;
            owner
                .as_discussion()
                .unwrap()
                .add_idea(&ana.id, ana.name, t, idea)
                .unwrap();
        }
        let options: Vec<String> = [
            "Tuesday mornings",
            "Wednesday after lunch",
            "Thursday, replacing the sign-off",
            "No meeting, async only",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        t += MINUTE;
        let poll = owner
            .as_discussion()
            .unwrap()
            .add_poll(
                &ana.id,
                ana.name,
                t,
                "When should the weekly release review happen?",
                false,
                &options,
            )
            .unwrap();
        owner.set_due("2025-10-17").unwrap();
        // Everyone gets the full link and opens it in their own session.
        let full = full_link(&mut owner, ana.bytes);
        let mut copies: Vec<SharedDoc> = people[1..].iter().map(|_| open_new(&full)).collect();
        let mut team = Team {
            people: people.clone(),
            owner,
            owner_heard: vec![Heads::default(); people.len() - 1],
            copy_heard: vec![heads_of(&full); people.len() - 1],
            copies: Vec::new(),
        };
        // Ideas from five teammates, then replies.
        let idea_authors = [1, 1, 2, 2, 3, 4];
        for (k, &who) in idea_authors.iter().enumerate() {
            t += 7 * MINUTE;
            let p = &people[who];
            copies[who - 1]
                .as_discussion()
                .unwrap()
                .add_idea(&p.id, p.name, t, IDEAS[4 + k])
                .unwrap();
        }
        team.copies = copies;
        for i in 1..people.len() {
            team.reply_to_owner(i);
        }
        // A day later everyone catches up, then comments, votes and answers, each in a
        // new session.
        let commenters = [1, 2, 3, 0];
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        for i in 1..people.len() {
            team.owner_to(i);
            team.copies[i - 1] = reopen(&mut team.copies[i - 1]);
        }
        team.owner = reopen(&mut team.owner);
        let ideas: Vec<String> = team
            .owner
            .state()
            .discussion()
            .ideas
            .iter()
            .map(|i| i.id.clone())
            .collect();
        for (c, text) in COMMENTS.iter().enumerate() {
            t += 23 * MINUTE;
            let who = commenters[c % commenters.len()];
            let p = &people[who];
            let on = (c % 3 != 0).then(|| ideas[rng.below(ideas.len())].clone());
            let doc = if who == 0 {
                &mut team.owner
            } else {
                &mut team.copies[who - 1]
            };
            doc.add_comment(&p.id, p.name, t, on.as_deref(), text)
                .unwrap();
        }
        for (who, p) in people.iter().enumerate() {
            let doc = if who == 0 {
                &mut team.owner
            } else {
                &mut team.copies[who - 1]
            };
            let n = 2 + who % 3;
            let mut chosen: Vec<usize> = Vec::new();
            while chosen.len() < n {
                let k = rng.below(ideas.len());
                if !chosen.contains(&k) {
                    chosen.push(k);
                }
            }
            for k in chosen {
                t += 3 * MINUTE;
                doc.as_discussion()
                    .unwrap()
                    .set_vote(&p.id, p.name, t, &ideas[k], true)
                    .unwrap();
            }
            doc.as_discussion()
                .unwrap()
                .answer_poll(&p.id, p.name, &poll, &[format!("o{}", rng.below(4))])
                .unwrap();
        }
        for i in 1..people.len() {
            team.reply_to_owner(i);
        }
        // The owner writes the plan in a new session, and everyone catches up.
        team.owner = reopen(&mut team.owner);
        for (text, who, due) in ACTIONS {
            t += 11 * MINUTE;
            team.owner
                .add_action(&ana.id, ana.name, t, text, who, due)
                .unwrap();
        }
        for i in 1..people.len() {
            team.owner_to(i);
        }
        let s = team.owner.state();
        assert_eq!(s.discussion().ideas.len(), 10);
        assert_eq!(s.comments.len(), 20);
        assert_eq!(s.discussion().polls[0].answers.len(), 8);
        assert_eq!(s.actions.len(), 5);
        assert_eq!(s.people.len(), 8);
        for copy in &team.copies {
            assert_eq!(copy.state(), s);
        }
        team
    }

    /// More comments, `per_round` at a time, from six people in turn, each round in a
    /// new session and sent to the owner as a reply. Returns the owner's saved copy
    /// after each round.
    fn grow(team: &mut Team, comments: usize, per_round: usize) -> Vec<Vec<u8>> {
        let mut rng = Rng(0xd1b5_4a32_d192_ed03);
        let mut t = T0 + 30 * 24 * 60 * MINUTE;
        let ideas: Vec<String> = team
            .owner
            .state()
            .discussion()
            .ideas
            .iter()
            .map(|i| i.id.clone())
            .collect();
        let mut saves = Vec::new();
        let mut made = 0;
        let mut round = 0;
        while made < comments {
            let who = 1 + round % 6;
            round += 1;
            team.owner_to(who);
            team.copies[who - 1] = reopen(&mut team.copies[who - 1]);
            let p = team.people[who].clone();
            for _ in 0..per_round.min(comments - made) {
                t += 17 * MINUTE;
                let on = (rng.below(3) != 0).then(|| ideas[rng.below(ideas.len())].clone());
                let text = sentence(&mut rng);
                team.copies[who - 1]
                    .add_comment(&p.id, p.name, t, on.as_deref(), &text)
                    .unwrap();
                made += 1;
            }
            team.reply_to_owner(who);
            saves.push(team.owner.save());
        }
        saves
    }

    /// Varied comment prose (about 60 to 160 characters), from pieces a team would use.
    fn sentence(rng: &mut Rng) -> String {
        const OPEN: [&str; 10] = [
            "I think",
            "From what I saw last sprint,",
            "Honestly,",
            "Quick note:",
            "To be fair,",
            "Looking at the numbers again,",
            "After talking to ops,",
            "For the mobile team,",
            "One more thought:",
            "Agree with the point above, and",
        ];
        const SUBJECT: [&str; 12] = [
            "the shared staging environment",
            "the review queue",
            "the Thursday sign-off",
            "feature flags",
            "the billing deploy",
            "the smoke tests",
            "on-call approval",
            "the release schedule",
            "lead-time tracking",
            "the support checklist",
            "the migration job",
            "per-PR environments",
        ];
        const CLAIM: [&str; 12] = [
            "is still the main source of delay",
            "could be fixed in a week if someone owned it",
            "needs a clear owner before we commit to it",
            "would save support a few hours every week",
            "worries me for anything touching payments",
            "looks cheaper than I expected",
            "has broken twice since Monday",
            "is fine as long as we measure the effect",
            "should wait until the baseline numbers are in",
            "is what customers actually notice",
            "might need a budget conversation with finance",
            "was tried before and faded out after a month",
        ];
        const CLOSE: [&str; 10] = [
            ".",
            ", so I'd put it first.",
            "; happy to take that on.",
            ", but let's timebox it to six weeks.",
            ". Can we discuss it on Tuesday?",
            ", at least for the web app.",
            ". I've added the details to the ticket.",
            ", if ops agrees.",
            ". Numbers are on the dashboard.",
            ", which matches what support told us.",
        ];
        format!(
            "{} {} {}{}",
            OPEN[rng.below(OPEN.len())],
            SUBJECT[rng.below(SUBJECT.len())],
            CLAIM[rng.below(CLAIM.len())],
            CLOSE[rng.below(CLOSE.len())]
        )
    }

    // ---- the floor: the same content as JSON, deflated and base64url-encoded ----

    fn js(out: &mut String, s: &str) {
        out.push('"');
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
                c => out.push(c),
            }
        }
        out.push('"');
    }

    fn comment_json(out: &mut String, c: &Comment) {
        out.push_str("{\"id\":");
        js(out, &c.id);
        out.push_str(",\"on\":");
        match &c.on {
            Some(on) => js(out, on),
            None => out.push_str("null"),
        }
        out.push_str(",\"by\":");
        js(out, &c.by);
        out.push_str(&format!(",\"at\":{},\"text\":", c.at));
        js(out, &c.text);
        out.push_str(&format!(",\"edited\":{}}}", c.edited));
    }

    fn list<T>(out: &mut String, items: &[T], mut each: impl FnMut(&mut String, &T)) {
        out.push('[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            each(out, item);
        }
        out.push(']');
    }

    fn state_json(s: &SharedState) -> String {
        let mut o = String::new();
        o.push_str("{\"id\":");
        js(&mut o, &s.id.to_string());
        o.push_str(",\"owner\":");
        js(&mut o, &s.owner);
        o.push_str(&format!(",\"created\":{},\"title\":", s.created));
        js(&mut o, &s.title);
        o.push_str(",\"problem\":");
        js(&mut o, &s.discussion().problem);
        o.push_str(",\"due\":");
        js(&mut o, &s.due);
        o.push_str(",\"summary\":");
        js(&mut o, &s.discussion().summary);
        o.push_str(&format!(
            ",\"budget\":{},\"hide_votes\":{},\"people\":{{",
            s.discussion().budget,
            s.discussion().hide_votes
        ));
        for (i, (id, name)) in s.people.iter().enumerate() {
            if i > 0 {
                o.push(',');
            }
            js(&mut o, id);
            o.push(':');
            js(&mut o, name);
        }
        o.push_str("},\"invited\":");
        list(&mut o, &s.invited, |o, (id, name)| {
            o.push('[');
            js(o, id);
            o.push(',');
            js(o, name);
            o.push(']');
        });
        o.push_str(",\"links\":");
        list(&mut o, &s.links, |o, l| {
            o.push_str("{\"id\":");
            js(o, &l.id);
            o.push_str(",\"url\":");
            js(o, &l.url);
            o.push_str(",\"label\":");
            js(o, &l.label);
            o.push_str(",\"by\":");
            js(o, &l.by);
            o.push_str(&format!(",\"at\":{}}}", l.at));
        });
        o.push_str(",\"comments\":");
        list(&mut o, &s.comments, comment_json);
        o.push_str(",\"ideas\":");
        list(&mut o, &s.discussion().ideas, |o, idea| {
            o.push_str("{\"id\":");
            js(o, &idea.id);
            o.push_str(",\"text\":");
            js(o, &idea.text);
            o.push_str(",\"by\":");
            js(o, &idea.by);
            o.push_str(&format!(
                ",\"at\":{},\"shortlisted\":{},\"votes\":{{",
                idea.at, idea.shortlisted
            ));
            for (i, (who, at)) in idea.votes.iter().enumerate() {
                if i > 0 {
                    o.push(',');
                }
                js(o, who);
                o.push_str(&format!(":{at}"));
            }
            o.push_str("}}");
        });
        o.push_str(",\"polls\":");
        list(&mut o, &s.discussion().polls, |o, p| {
            o.push_str("{\"id\":");
            js(o, &p.id);
            o.push_str(",\"question\":");
            js(o, &p.question);
            o.push_str(&format!(",\"multiple\":{},\"by\":", p.multiple));
            js(o, &p.by);
            o.push_str(&format!(",\"at\":{},\"options\":", p.at));
            list(o, &p.options, |o, opt| {
                o.push_str("{\"id\":");
                js(o, &opt.id);
                o.push_str(",\"text\":");
                js(o, &opt.text);
                o.push('}');
            });
            o.push_str(",\"answers\":{");
            for (i, (who, chosen)) in p.answers.iter().enumerate() {
                if i > 0 {
                    o.push(',');
                }
                js(o, who);
                o.push(':');
                list(o, chosen, |o, c| js(o, c));
            }
            o.push_str("}}");
        });
        o.push_str(",\"actions\":");
        list(&mut o, &s.actions, |o, a| {
            o.push_str("{\"id\":");
            js(o, &a.id);
            o.push_str(",\"text\":");
            js(o, &a.text);
            o.push_str(",\"owner\":");
            js(o, &a.owner);
            o.push_str(",\"due\":");
            js(o, &a.due);
            o.push_str(&format!(",\"done\":{},\"by\":", a.done));
            js(o, &a.by);
            o.push_str(&format!(",\"at\":{}}}", a.at));
        });
        o.push('}');
        o
    }

    /// Characters of `json` deflated as links deflate and base64url-encoded.
    fn floor(json: &str) -> usize {
        let mut enc = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
        enc.write_all(json.as_bytes()).unwrap();
        URL_SAFE_NO_PAD.encode(enc.finish().unwrap()).len()
    }

    fn report(_: &mut Criterion) {
        let mut team = realistic();
        let ana = team.people[0].clone();
        let ben = team.people[1].clone();
        let state = team.owner.state();
        let full = full_link(&mut team.owner, ana.bytes);
        let full_fragment = full.to_fragment();
        let full_chars = full_fragment.len() + URL_OVERHEAD;
        let json = state_json(&state);
        let full_floor = floor(&json);

        // Ben adds three comments and replies relative to what he last got from Ana.
        let heard = team.copy_heard[0].clone();
        let ben_doc = &mut team.copies[0];
        let before = ben_doc.state().comments.len();
        for (k, text) in THREE_MORE.iter().enumerate() {
            ben_doc
                .add_comment(
                    &ben.id,
                    ben.name,
                    T0 + 40 * 24 * 60 * MINUTE + k as i64,
                    None,
                    text,
                )
                .unwrap();
        }
        let reply = reply_link(ben_doc, ben.bytes, &[heard]).unwrap();
        let reply_chars = reply.to_fragment().len() + URL_OVERHEAD;
        let new_comments: Vec<Comment> = ben_doc.state().comments[before..].to_vec();
        assert_eq!(new_comments.len(), 3);
        let mut three = String::new();
        list(&mut three, &new_comments, comment_json);
        let reply_floor = floor(&three);

        let mut big = realistic();
        let saves = grow(&mut big, 1_000, 10);
        let big_full = full_link(&mut big.owner, ana.bytes);
        let big_fragment = big_full.to_fragment();
        let big_json = state_json(&big.owner.state());
        let big_chars = big_fragment.len() + URL_OVERHEAD;
        let big_floor = floor(&big_json);

        println!();
        println!("Share link sizes (characters, including ~{URL_OVERHEAD} for https://host/#)");
        println!(
            "  realistic doc: {} bytes uncompressed Automerge, {} bytes JSON",
            full.bytes.len(),
            json.len()
        );
        println!("  full link:                  {full_chars}");
        println!("  floor (deflated JSON, b64): {full_floor}");
        println!(
            "  full / floor:               {:.2}",
            full_chars as f64 / full_floor as f64
        );
        println!(
            "  reply link, 3 comments:     {reply_chars} ({} heads, {} bytes of changes)",
            reply.heads.len(),
            reply.bytes.len()
        );
        println!(
            "  floor of the 3 comments:    {reply_floor} ({} bytes JSON)",
            three.len()
        );
        println!(
            "  reply / floor:              {:.2}",
            reply_chars as f64 / reply_floor as f64
        );
        println!(
            "  1,000 more comments: full link {} characters, floor {}, ratio {:.2}; {} bytes uncompressed Automerge, {} bytes JSON",
            big_chars,
            big_floor,
            big_chars as f64 / big_floor as f64,
            big_full.bytes.len(),
            big_json.len()
        );
        println!(
            "  ({} owner saves, older copy lacks the last 100 comments)",
            saves.len()
        );
        println!();
    }

    fn encode(c: &mut Criterion) {
        let mut team = realistic();
        let sender = team.people[0].bytes;
        c.bench_function("encode full link (realistic doc)", |b| {
            b.iter(|| full_link(&mut team.owner, sender).to_fragment())
        });
        let fragment = full_link(&mut team.owner, sender).to_fragment();
        c.bench_function("decode + open full link, new (realistic doc)", |b| {
            b.iter(|| {
                let share = Share::from_fragment(&fragment).unwrap();
                receive(&share, None).unwrap()
            })
        });
    }

    fn open_large(c: &mut Criterion) {
        let mut team = realistic();
        let saves = grow(&mut team, 1_000, 10);
        // An older copy: the owner's copy before the last ten rounds (100 comments).
        let older = saves[saves.len() - 11].clone();
        let sender = team.people[0].bytes;
        let fragment = full_link(&mut team.owner, sender).to_fragment();
        let expected = team.owner.state();
        {
            let share = Share::from_fragment(&fragment).unwrap();
            let mut local = SharedDoc::from_stored(&older).unwrap();
            assert_eq!(local.state().comments.len(), 920);
            receive(&share, Some(&mut local)).unwrap();
            assert_eq!(local.state(), expected);
            assert_eq!(expected.comments.len(), 1_020);
        }
        c.bench_function(
            "decode + open full link, merge into older copy (1,000 comments)",
            |b| {
                b.iter_batched(
                    || SharedDoc::from_stored(&older).unwrap(),
                    |mut local| {
                        let share = Share::from_fragment(&fragment).unwrap();
                        let merged = receive(&share, Some(&mut local)).unwrap();
                        (merged, local)
                    },
                    BatchSize::LargeInput,
                )
            },
        );
        c.bench_function("decode + open full link, new (1,000 comments)", |b| {
            b.iter(|| {
                let share = Share::from_fragment(&fragment).unwrap();
                receive(&share, None).unwrap()
            })
        });
        c.bench_function("decode fragment only (1,000 comments)", |b| {
            b.iter(|| Share::from_fragment(&fragment).unwrap())
        });
        let mut local = SharedDoc::from_stored(&older).unwrap();
        let share = Share::from_fragment(&fragment).unwrap();
        receive(&share, Some(&mut local)).unwrap();
        c.bench_function("state() after opening (1,000 comments)", |b| {
            b.iter(|| local.state())
        });
    }

    criterion_group! {
        name = all;
        config = Criterion::default().sample_size(20);
        targets = report, encode, open_large
    }
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(benches::all);

#[cfg(target_arch = "wasm32")]
fn main() {}
