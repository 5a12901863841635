//! Client dashboards and intake forms as the UI sees them (issue 16): the owner's
//! drafts and replies in the personal document, publishing them as signed snapshots,
//! a reader's copy of one, the answers a respondent is typing, and reply links both
//! ways (answers and picks to a form's owner, a client's question to a dashboard's).

use leptos::prelude::*;

use super::shared::my_ids;
use super::Workspace;
use crate::codec::chunks::check_stored;
use crate::codec::pack::to_bytes;
use crate::doc::clients::{DASHBOARD, FILL, FORM, PICKS, QUESTION, RESPONSE};
use crate::doc::publication::{Meta, PublicationDoc};
use crate::model::dashboard::{ClientQuestion, Dashboard};
use crate::model::form::Answer;
use crate::model::ids::DocId;
use crate::model::intake::{IntakeForm, PublishedForm, ReplyBody, Response, MAX_PICKS};
use crate::model::kind::DocKind;
use crate::model::HeldDoc;
use crate::share::link::{PayloadKind, Share};
use crate::share::page_link::{self, Received, Trusted};
use crate::web::now_ms;

use super::page::Published;

fn key(prefix: &str, id: DocId) -> String {
    format!("{prefix}{id}")
}

/// A reply's own id: the first bytes of its document's head, so the same link read
/// twice is kept once.
fn reply_id(doc: &mut PublicationDoc) -> String {
    let heads = doc.heads();
    heads
        .hashes()
        .first()
        .map(|h| crate::share::exchange::hex(&h[..8]))
        .unwrap_or_default()
}

impl Workspace {
    // ---- The owner's dashboards ----

    /// Whether `id` is one of one's own dashboards or forms, and which.
    pub fn owned_kind(self, id: DocId) -> Option<DocKind> {
        self.clients.track();
        self.inner.with_value(|i| {
            if i.doc.has_item(&key(DASHBOARD, id)) {
                Some(DocKind::Dashboard)
            } else if i.doc.has_item(&key(FORM, id)) {
                Some(DocKind::Form)
            } else {
                None
            }
        })
    }

    /// Every dashboard: (its id, the client's person id, the dashboard).
    pub fn dashboards(self) -> Vec<(DocId, String, Dashboard)> {
        self.clients.track();
        self.inner.with_value(|i| {
            i.doc
                .items::<(String, Dashboard)>(DASHBOARD)
                .into_iter()
                .filter_map(|(id, (client, d))| Some((DocId::parse(&id)?, client, d)))
                .collect()
        })
    }

    /// The dashboard for a client, made empty the first time it is asked for.
    pub fn dashboard_for(self, client: &str) -> Option<DocId> {
        if let Some((id, _, _)) = self.dashboards().into_iter().find(|(_, c, _)| c == client) {
            return Some(id);
        }
        let id = crate::doc::random_doc_id();
        self.put_dashboard(id, client, &Dashboard::default())
            .then_some(id)
    }

    pub fn dashboard(self, id: DocId) -> Option<(String, Dashboard)> {
        self.clients.track();
        self.inner.with_value(|i| i.doc.item(&key(DASHBOARD, id)))
    }

    pub fn put_dashboard(self, id: DocId, client: &str, dashboard: &Dashboard) -> bool {
        let value = (client.to_owned(), dashboard.clone());
        let done = self
            .edit(|d| d.put_item(&key(DASHBOARD, id), &value))
            .is_some();
        self.clients.notify();
        done
    }

    /// The items under `prefix` in the personal document, followed by the caller.
    fn tracked_items<T: crate::codec::pack::Pack>(self, prefix: String) -> Vec<(String, T)> {
        self.clients.track();
        self.inner.with_value(|i| i.doc.items(&prefix))
    }

    /// Questions clients sent back from a dashboard, newest first.
    pub fn client_questions(self, id: DocId) -> Vec<(String, ClientQuestion)> {
        let mut out: Vec<(String, ClientQuestion)> = self.tracked_items(format!("{QUESTION}{id}/"));
        crate::model::order::sort_by_key(&mut out, |(_, q)| std::cmp::Reverse(q.sent));
        out
    }

    /// Publishes a dashboard as a signed snapshot and returns its link.
    pub fn publish_dashboard(self, id: DocId) -> Result<Published, String> {
        let (_, dashboard) = self
            .dashboard(id)
            .ok_or_else(|| "This dashboard is not in your data.".to_owned())?;
        self.publish(id, DocKind::Dashboard, to_bytes(&dashboard))
    }

    // ---- The owner's forms ----

    pub fn forms(self) -> Vec<(DocId, IntakeForm)> {
        self.clients.track();
        self.inner.with_value(|i| {
            i.doc
                .items::<IntakeForm>(FORM)
                .into_iter()
                .filter_map(|(id, f)| Some((DocId::parse(&id)?, f)))
                .collect()
        })
    }

    pub fn form(self, id: DocId) -> Option<IntakeForm> {
        self.clients.track();
        self.inner.with_value(|i| i.doc.item(&key(FORM, id)))
    }

    /// A new form, begun with the question a booked call needs (an e-mail).
    pub fn new_form(self) -> Option<DocId> {
        use crate::model::form::{Ask, Form, Question, Section};
        let id = crate::doc::random_doc_id();
        let short = || crate::doc::random_id()[..8].to_owned();
        let form = IntakeForm {
            title: "Start a project with me".into(),
            form: Form {
                sections: vec![Section {
                    id: short(),
                    title: "About you".into(),
                    questions: vec![Question {
                        id: short(),
                        text: "Your e-mail".into(),
                        ask: Ask::Email,
                        required: true,
                    }],
                }],
                skips: Vec::new(),
            },
            ..IntakeForm::default()
        };
        self.put_form(id, &form).then_some(id)
    }

    /// Starts a discussion from a reply: its title names the respondent and the form,
    /// and the answers are its first comment.
    pub fn discuss_reply(self, title: &str, answers: String) -> Option<DocId> {
        let doc = self.create_shared(DocKind::Discussion, title)?;
        self.show_shared(doc).ok()?;
        self.shared_edit(crate::doc::shared::edit::SharedEdit::AddComment {
            reply_to: None,
            text: answers,
        });
        Some(doc)
    }

    pub fn put_form(self, id: DocId, form: &IntakeForm) -> bool {
        let done = self.edit(|d| d.put_item(&key(FORM, id), form)).is_some();
        self.clients.notify();
        done
    }

    /// Replies to a form, oldest first.
    pub fn responses(self, id: DocId) -> Vec<(String, Response)> {
        let mut out: Vec<(String, Response)> = self.tracked_items(format!("{RESPONSE}{id}/"));
        crate::model::order::sort_by_key(&mut out, |(_, r)| r.sent);
        out
    }

    /// Confirms one of a reply's picked slots (or, with `None`, takes it back).
    pub fn confirm_pick(self, form: DocId, response: &str, start: Option<i64>) -> bool {
        let k = format!("{RESPONSE}{form}/{response}");
        let Some(mut r) = self.inner.with_value(|i| i.doc.item::<Response>(&k)) else {
            return false;
        };
        r.confirmed = start.filter(|s| r.picks.contains(s));
        let done = self.edit(|d| d.put_item(&k, &r)).is_some();
        self.clients.notify();
        done
    }

    /// Deletes one reply to a form.
    pub fn remove_response(self, form: DocId, response: &str) {
        let k = format!("{RESPONSE}{form}/{response}");
        self.edit(|d| d.remove_item(&k));
        self.clients.notify();
    }

    /// Publishes a form (with the office hours and confirmed calls, when it offers
    /// slots) and returns its link.
    pub fn publish_form(self, id: DocId) -> Result<Published, String> {
        let form = self
            .form(id)
            .ok_or_else(|| "This form is not in your data.".to_owned())?;
        let taken = form.held(&self.responses(id));
        let offer = self
            .state
            .with_untracked(|s| form.offer(&s.schedule.blocks, &taken));
        self.publish(id, DocKind::Form, to_bytes(&PublishedForm { form, offer }))
    }

    /// Signs a snapshot of `kind` with the packed `body` under `id`; unchanged since the
    /// last publication, the same link again, so readers see no update.
    fn publish(self, id: DocId, kind: DocKind, body: Vec<u8>) -> Result<Published, String> {
        let (_, name, sender) = my_ids(self);
        let (_, secret, public) = self.author_key()?;
        let time_zone = self.state.with_untracked(|s| s.profile.time_zone.clone());
        let last = self
            .read_snapshot(id)
            .ok()
            .filter(|b| !b.is_empty())
            .and_then(|b| PublicationDoc::from_stored(&b, kind).ok());
        let same = last.as_ref().is_some_and(|l| {
            let m = l.meta();
            l.body_bytes().as_ref() == Some(&body)
                && m.author_name == name
                && m.time_zone == time_zone
                && m.author_key == public
        });
        let (mut doc, changed) = match last {
            Some(doc) if same => (doc, false),
            last => {
                let published = last.map_or(0, |l| l.meta().published + 1).max(now_ms());
                let meta = Meta {
                    id: Some(id),
                    author_key: public,
                    author_name: name,
                    time_zone,
                    published,
                };
                (PublicationDoc::snapshot_bytes(kind, &meta, body), true)
            }
        };
        if changed {
            self.store_snapshot(id, &doc.save());
        }
        let share = page_link::signed_link(&mut doc, &secret, sender).map_err(|e| e.to_string())?;
        Ok(Published {
            link: Self::link_for(&share.to_fragment()),
            changed,
        })
    }

    // ---- A reader's copies ----

    /// A held dashboard or form as this browser stores it.
    pub fn publication(self, id: DocId, kind: DocKind) -> Result<PublicationDoc, String> {
        let bytes = self.read_snapshot(id)?;
        if bytes.is_empty() {
            return Err("This is listed in your data, but its content is not in this browser. Open its link again and it will be here.".into());
        }
        check_stored(&bytes)
            .map_err(crate::doc::DocError::from)
            .and_then(|c| PublicationDoc::load(c, kind))
            .map_err(|e| format!("This could not be read ({e})."))
    }

    /// A held dashboard's or form's author and content, as the reader's screen shows it;
    /// `what` names it in the message when it cannot be read.
    pub fn published<T: crate::codec::pack::Pack>(
        self,
        id: DocId,
        kind: DocKind,
        what: &str,
    ) -> Result<(Meta, T), String> {
        let doc = self.publication(id, kind)?;
        let body = doc
            .body::<T>()
            .ok_or_else(|| format!("This {what} could not be read."))?;
        Ok((doc.meta(), body))
    }

    /// Takes in a signed dashboard or form link: new, a newer publication, or refused
    /// when not signed by the key this device already trusts for it.
    pub(super) fn receive_published(self, share: Share) -> Result<(DocId, String), String> {
        let kind = match DocKind::from_code(share.kind) {
            Some(kind @ (DocKind::Dashboard | DocKind::Form)) => kind,
            _ => return Err(crate::share::link::LinkError::Damaged.to_string()),
        };
        let id = share.doc_id;
        // One's own dashboard or form, opened from its link: nothing to take in.
        if self.owned_kind(id).is_some() {
            return Ok((id, "This is yours: here it is as you keep it.".into()));
        }
        let held = self.held(id);
        if held.as_ref().is_some_and(|h| h.kind != kind) {
            return Err("This link belongs to a different document than the one it claims. Nothing was changed.".into());
        }
        let local = self.publication(id, kind).ok();
        let trusted = held
            .as_ref()
            .map(|h| h.key.clone())
            .filter(|k| !k.is_empty())
            .map(|key| Trusted {
                key,
                name: String::new(),
            });
        let outcome = page_link::receive_signed(&share, local.as_ref(), trusted, kind)
            .map_err(|e| e.to_string())?;
        let (mut doc, changed) = match outcome {
            Received::New(doc) | Received::Newer(doc) => (*doc, true),
            Received::Unchanged => (local.expect("compared with a local copy"), false),
        };
        if changed {
            self.store_snapshot(id, &doc.save());
        }
        let meta = doc.meta();
        let title = match kind {
            DocKind::Dashboard => doc
                .body::<Dashboard>()
                .map(|d| d.project)
                .filter(|p| !p.trim().is_empty())
                .unwrap_or_else(|| format!("{}'s dashboard", meta.author_name)),
            _ => doc
                .body::<PublishedForm>()
                .map(|f| f.form.title)
                .unwrap_or_default(),
        };
        let mut entry = held.unwrap_or_else(|| HeldDoc {
            id,
            kind,
            added: now_ms(),
            ..HeldDoc::default()
        });
        let was_new = entry.key.is_empty();
        entry.title = title.clone();
        entry.seen = doc.heads();
        entry.key = meta.author_key;
        self.put_held_entry(entry);
        self.clients.notify();
        Ok((id, super::page::received_words(&title, was_new, changed)))
    }

    /// The version of a held document this device has, tracked: a screen that reads a
    /// snapshot from storage reads it again when a newer one arrives.
    pub fn held_version(self, id: DocId) -> Option<crate::model::ids::Heads> {
        self.state
            .with(|s| s.held.iter().find(|h| h.id == id).map(|h| h.seen.clone()))
    }

    // ---- A respondent's answers ----

    /// The answers typed so far into a form and the slots picked.
    pub fn fill(self, form: DocId) -> (Vec<(String, Answer)>, Vec<i64>) {
        self.clients.track();
        self.inner.with_value(|i| {
            (
                // The picks sit beside the answers, under a key no question has.
                i.doc
                    .items::<Answer>(&format!("{FILL}{form}/"))
                    .into_iter()
                    .filter(|(q, _)| q.as_str() != PICKS)
                    .collect(),
                i.doc
                    .item::<Vec<i64>>(&format!("{FILL}{form}/{PICKS}"))
                    .unwrap_or_default(),
            )
        })
    }

    /// Keeps one answer as it is typed (an empty one is removed).
    pub fn put_fill(self, form: DocId, question: &str, answer: Option<Answer>) {
        let k = format!("{FILL}{form}/{question}");
        match answer {
            Some(a) => self.edit(|d| d.put_item(&k, &a)),
            None => self.edit(|d| d.remove_item(&k)),
        };
        self.clients.notify();
    }

    pub fn put_picks(self, form: DocId, mut picks: Vec<i64>) {
        picks.truncate(MAX_PICKS);
        let k = format!("{FILL}{form}/{PICKS}");
        self.edit(|d| d.put_item(&k, &picks));
        self.clients.notify();
    }

    /// A reply to a dashboard or form `to`, carrying `body` and nothing else: its link,
    /// and the same as a file for when the link is too long for chat.
    pub fn reply_link(self, to: DocId, body: &ReplyBody) -> (String, Vec<u8>) {
        self.ensure_identity();
        let (_, name, sender) = my_ids(self);
        let meta = Meta {
            id: Some(to),
            author_name: name,
            // The replier's zone, so a respondent turned into a client keeps their hours.
            time_zone: self.state.with_untracked(|s| s.profile.time_zone.clone()),
            published: now_ms(),
            ..Meta::default()
        };
        let mut doc = PublicationDoc::snapshot(DocKind::Reply, &meta, body);
        let share = Share {
            payload: PayloadKind::Document,
            kind: DocKind::Reply.code(),
            doc_id: to,
            sender,
            heads: doc.heads().hashes().to_vec(),
            bytes: doc.save_for_link(),
            signature: None,
        };
        (
            Self::link_for(&share.to_fragment()),
            crate::share::encode_share_file(&share),
        )
    }

    // ---- Replies arriving at the owner ----

    /// Reads a reply link into the dashboard or form it answers. Only the owner's data
    /// holds those, so anyone else is told the reply is not for them.
    pub(super) fn receive_reply(self, share: Share) -> Result<(DocId, String), String> {
        let to = share.doc_id;
        let mut doc = share
            .checked()
            .map_err(|e| e.to_string())
            .and_then(|c| PublicationDoc::load(c, DocKind::Reply).map_err(|e| e.to_string()))?;
        let meta = doc.meta();
        if meta.id != Some(to) {
            return Err(crate::share::link::LinkError::Damaged.to_string());
        }
        let body = doc
            .body::<ReplyBody>()
            .ok_or_else(|| "This reply could not be read. Nothing was changed.".to_owned())?;
        let rid = reply_id(&mut doc);
        let from = if meta.author_name.trim().is_empty() {
            "Someone".to_owned()
        } else {
            meta.author_name.trim().chars().take(80).collect()
        };
        let exists = |k: &str| self.inner.with_value(|i| i.doc.has_item(k));
        match body {
            ReplyBody::Question(text) if self.owned_kind(to) == Some(DocKind::Dashboard) => {
                let k = format!("{QUESTION}{to}/{rid}");
                if exists(&k) {
                    return Ok((to, format!("{from}'s question was already here.")));
                }
                let q = ClientQuestion {
                    from: from.clone(),
                    text: text.chars().take(crate::model::shared::envelope::MAX_TEXT).collect(),
                    sent: meta.published,
                };
                self.edit(|d| d.put_item(&k, &q))
                    .ok_or("The question could not be kept.")?;
                self.clients.notify();
                Ok((to, format!("{from} asked a question about the dashboard.")))
            }
            ReplyBody::Answers { answers, picks } if self.owned_kind(to) == Some(DocKind::Form) => {
                let form = self.form(to).unwrap_or_default();
                let answers = form.kept_answers(answers);
                let k = format!("{RESPONSE}{to}/{rid}");
                if exists(&k) {
                    return Ok((to, format!("{from}'s answers were already here.")));
                }
                let picks = IntakeForm::kept_picks(picks, now_ms());
                // Kept only when it names a zone, so a client made from the reply has one.
                let zone = crate::model::profile::parse_time_zone(&meta.time_zone)
                    .map(|tz| tz.name().to_owned())
                    .unwrap_or_default();
                let r = Response {
                    from: from.clone(),
                    zone,
                    sent: meta.published,
                    answers,
                    picks,
                    confirmed: None,
                };
                self.edit(|d| d.put_item(&k, &r))
                    .ok_or("The answers could not be kept.")?;
                self.clients.notify();
                Ok((to, format!("{from}'s answers arrived.")))
            }
            _ => Err("This is a reply to a form or dashboard made by someone else: only the person who made it can read it in. Nothing was changed.".into()),
        }
    }
}
