// Reads the calendars written by tests/interop_ics.rs with ical.js (Mozilla's iCalendar
// parser, as Thunderbird uses it) and checks them against what that test computed from
// chrono-tz: an independent reader proves the files are plain RFC 5545. Every
// occurrence of every block, for over a year from the exported week (including exports
// made in the weeks New York and London change their clocks), must run from the block's
// wall-clock start to its wall-clock end; on a night the clocks change that is an hour
// more or less of real time, written as an overriding instance (RECURRENCE-ID), which
// is related to its event here as Thunderbird does. The notes at the end list what the
// change nights show.
//
//   CARGO_TARGET_DIR=... cargo test --test interop_ics && node tests/interop/read_ics.mjs
//
// The files are read from $INTEROP_DIR, else $CARGO_TARGET_DIR/interop, else
// target/interop (relative to the working directory). Each file's time zone comes from
// its own VTIMEZONE, registered with ICAL.TimezoneService: ical.js has no zone data of
// its own. Exits 1 when any check fails.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { checks, eq } from './checks.mjs';

const DIR = process.env.INTEROP_DIR
  ?? (process.env.CARGO_TARGET_DIR ? join(process.env.CARGO_TARGET_DIR, 'interop') : 'target/interop');

const MAX_OCTETS = 75;

// ---- The checks ----

const { check, abort, finish } = checks('interop (ics)');
function ensure(ok, what) {
  if (!ok) throw new Error(what);
}
/** Fails with the first few problems listed, if there are any. */
function none(problems) {
  const more = problems.length > 6 ? `\n  … and ${problems.length - 6} more` : '';
  ensure(problems.length === 0, problems.slice(0, 6).join('\n  ') + more);
}

/** A label short enough for a check's name. */
const short = (text) => JSON.stringify([...text].length > 48 ? `${[...text].slice(0, 47).join('')}…` : text);

/** An ICAL.Time as an ISO instant in UTC, to the second. */
const iso = (t) => new Date(t.toUnixTime() * 1000).toISOString().replace('.000Z', 'Z');

/** Problems with the physical lines: each must end in CRLF and hold at most 75 octets. */
function lineProblems(text) {
  const problems = [];
  if (!text.endsWith('\r\n')) problems.push('the file does not end with CRLF');
  text.replace(/\r\n$/, '').split('\r\n').forEach((line, i) => {
    if (/[\r\n]/.test(line)) problems.push(`line ${i + 1} has a bare CR or LF`);
    const octets = Buffer.byteLength(line, 'utf8');
    if (octets > MAX_OCTETS) problems.push(`line ${i + 1} has ${octets} octets: ${JSON.stringify(line)}`);
  });
  return problems;
}

let expected;
try {
  expected = JSON.parse(readFileSync(join(DIR, 'ics-expected.json'), 'utf8'));
} catch (e) {
  abort(`reading ${DIR} (run \`cargo test --test interop_ics\` first): ${e.message}`);
}

const handChecked = [];
const changeNights = [];
const folds = [];

/** "Sat 2026-03-07 23:00": a time on the zone's wall clock. */
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
function wall(t, zone) {
  const w = t.convertToZone(zone);
  const pad = (n) => String(n).padStart(2, '0');
  return `${DAYS[w.dayOfWeek() - 1]} ${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
}

for (const want of expected.files) {
  const name = want.file;
  let text;
  let calendar;
  let zone;

  check(`${name}: reads as UTF-8`, () => {
    text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(join(DIR, name)));
  });
  if (text === undefined) continue;

  check(`${name}: every line ends in CRLF and holds at most ${MAX_OCTETS} octets`, () => {
    none(lineProblems(text));
    const lines = text.split('\r\n').length - 1;
    const folded = text.split('\r\n ').length - 1;
    ensure(folded > 0, 'no folded line: the long label should fold');
    return `${lines} lines, ${folded} of them continuations`;
  });

  check(`${name}: parses as a VCALENDAR with the publishing headers`, () => {
    calendar = new ICAL.Component(ICAL.parse(text));
    eq(calendar.name, 'vcalendar', 'root component');
    const prop = (p) => calendar.getFirstPropertyValue(p);
    eq(
      [prop('version'), prop('prodid'), prop('calscale'), prop('method'), prop('x-wr-calname'), prop('x-wr-timezone')],
      ['2.0', expected.prodid, 'GREGORIAN', 'PUBLISH', want.calname, want.tzid],
      'VERSION, PRODID, CALSCALE, METHOD, X-WR-CALNAME, X-WR-TIMEZONE',
    );
  });
  if (!calendar) continue;

  check(`${name}: one VTIMEZONE ${want.tzid}, registered with ICAL.TimezoneService from the file`, () => {
    const zones = calendar.getAllSubcomponents('vtimezone');
    eq(zones.length, 1, 'VTIMEZONE components');
    eq(zones[0].getFirstPropertyValue('tzid'), want.tzid, 'TZID');
    ensure(!ICAL.TimezoneService.has(want.tzid), `ical.js already knew ${want.tzid}`);
    ICAL.TimezoneService.register(zones[0]);
    zone = ICAL.TimezoneService.get(want.tzid);
    ensure(zone instanceof ICAL.Timezone && zone.component === zones[0], 'registered zone is not the file\'s');
    const obs = zones[0].getAllSubcomponents().map((c) => {
      const how = c.hasProperty('rrule') ? 'RRULE' : c.hasProperty('rdate') ? `${c.getAllProperties('rdate').length} RDATE` : 'once';
      return `${c.name.toUpperCase()} ${c.getFirstProperty('tzoffsetto').toICALString().split(':')[1]} ${how}`;
    });
    return obs.join(', ');
  });
  if (!zone) continue;

  check(`${name}: the registered VTIMEZONE puts ${want.offsets.length} wall times around offset changes at the right instants`, () => {
    const wrong = [];
    for (const { local, utc } of want.offsets) {
      const [date, time] = local.split('T');
      const [year, month, day] = date.split('-').map(Number);
      const [hour, minute, second] = time.split(':').map(Number);
      const t = ICAL.Time.fromData({ year, month, day, hour, minute, second, isDate: false }, zone);
      if (iso(t) !== utc) wrong.push(`${local} ${want.tzid}: expected ${utc}, read ${iso(t)}`);
    }
    none(wrong);
  });

  const vevents = calendar.getAllSubcomponents('vevent');
  // One event per UID, and the overriding instances (RECURRENCE-ID) of each.
  const masters = vevents.filter((v) => !v.hasProperty('recurrence-id'));
  const overrides = vevents.filter((v) => v.hasProperty('recurrence-id'));
  const byUid = new Map(masters.map((v) => [v.getFirstPropertyValue('uid'), v]));

  check(`${name}: ${want.events.length + want.deadlines.length} events (blocks and dated deadlines) with unique UIDs, overriding instances of blocks only, DTSTAMP`, () => {
    eq(masters.length, want.events.length + want.deadlines.length, 'VEVENTs without RECURRENCE-ID');
    eq(byUid.size, masters.length, 'distinct UIDs');
    eq(
      [...byUid.keys()].sort(),
      [...want.events.map((e) => e.uid), ...want.deadlines.map((d) => d.uid)].sort(),
      'UIDs',
    );
    const blockUids = new Set(want.events.map((e) => e.uid));
    for (const v of overrides) ensure(blockUids.has(v.getFirstPropertyValue('uid')), `an override of ${v.getFirstPropertyValue('uid')}`);
    for (const v of vevents) eq(iso(v.getFirstPropertyValue('dtstamp')), expected.dtstamp, 'DTSTAMP');
    return `${overrides.length} change nights written as overriding instances`;
  });

  for (const ev of want.events) {
    check(`${name}: ${ev.uid} — SUMMARY ${short(ev.summary)}, CATEGORIES, TRANSP, ${expected.weeks} weekly occurrences`, () => {
      const comp = byUid.get(ev.uid);
      ensure(comp, 'no such event');
      // An overriding instance belongs to the event with its UID (RFC 5545 3.8.4.4), as
      // calendar apps match them. Given a component alone, ical.js would relate every
      // RECURRENCE-ID in the file to it, whatever its UID, so the event's own are passed.
      const own = overrides.filter((v) => v.getFirstPropertyValue('uid') === ev.uid);
      for (const o of own) {
        const instance = new ICAL.Event(o);
        eq([instance.summary, o.getFirstPropertyValue('transp')], [ev.summary, ev.transp], 'an override\'s SUMMARY and TRANSP');
        eq(instance.recurrenceId.zone?.tzid, want.tzid, 'zone of RECURRENCE-ID');
      }
      const event = new ICAL.Event(comp, { exceptions: own, strictExceptions: true });
      eq(event.summary, ev.summary, 'SUMMARY, unescaped');
      eq(comp.getFirstPropertyValue('categories'), ev.category, 'CATEGORIES');
      eq(comp.getFirstPropertyValue('transp'), ev.transp, 'TRANSP');
      const description = comp.getFirstPropertyValue('description');
      ensure(/\n/.test(description) && description.includes('Unhurried'), `DESCRIPTION ${JSON.stringify(description)}`);
      ensure(event.isRecurring(), 'not recurring');
      eq(comp.getFirstPropertyValue('rrule').toString(), 'FREQ=WEEKLY', 'RRULE');
      for (const t of [event.startDate, event.endDate]) {
        ensure(!t.isDate, 'a date, not a date-time');
        eq(t.zone?.tzid, want.tzid, 'zone of DTSTART/DTEND');
      }

      const it = event.iterator();
      const got = [];
      for (let i = 0; i < expected.weeks; i++) {
        const next = it.next();
        ensure(next, `the rule stops after ${i} occurrences`);
        const d = event.getOccurrenceDetails(next);
        got.push({ start: iso(d.startDate), end: iso(d.endDate), d, override: d.item !== event });
      }
      const wrong = [];
      const nights = [];
      for (const o of ev.occurrences) {
        const g = got[o.n];
        const what = `occurrence ${o.n}`;
        for (const part of ['start', 'end']) {
          if (g[part] === o[part]) continue;
          // A wall time that happens twice: ical.js takes the second instant, RFC 5545
          // the first; both are the same wall clock.
          if (g[part] === o[`${part}_fold`]) {
            folds.push(`${name} ${ev.uid} #${o.n} ${part}`);
            continue;
          }
          wrong.push(`${what} ${part}: expected ${o[part]}${o[`${part}_fold`] ? ` or ${o[`${part}_fold`]}` : ''}, read ${g[part]}`);
        }
        if (Boolean(o.change) !== g.override) {
          wrong.push(`${what} ${o.change ? 'is a change night but not' : 'is no change night but'} an overriding instance`);
        }
        if (o.change) {
          const hours = (g.d.endDate.toUnixTime() - g.d.startDate.toUnixTime()) / 3600;
          nights.push(`${wall(g.d.startDate, zone)} to ${wall(g.d.endDate, zone).slice(-5)}, ${hours} h`);
        }
        if (o.hand) handChecked.push({ name, uid: ev.uid, n: o.n, want: [o.start, o.end], got: [g.start, g.end], fold: [o.start_fold, o.end_fold] });
      }
      none(wrong);
      if (nights.length) changeNights.push(`${name} (week of ${want.monday}) ${ev.uid}: ${nights.join('; ')}`);
      const first = got[0];
      return `first ${first.start} to ${first.end}${nights.length ? `; ${nights.length} change nights, see notes` : ''}`;
    });
  }

  for (const dl of want.deadlines) {
    check(`${name}: ${dl.uid} — all-day ${dl.date}, SUMMARY ${short(dl.summary)}, TRANSP:TRANSPARENT`, () => {
      const comp = byUid.get(dl.uid);
      ensure(comp, 'no such event');
      const event = new ICAL.Event(comp);
      ensure(event.startDate.isDate && event.endDate.isDate, 'DTSTART/DTEND are not dates');
      eq([event.startDate.toString(), event.endDate.toString()], [dl.date, dl.end], 'DTSTART, DTEND');
      eq(event.summary, dl.summary, 'SUMMARY, unescaped');
      eq(comp.getFirstPropertyValue('transp'), 'TRANSPARENT', 'TRANSP');
      ensure(!event.isRecurring(), 'a deadline recurs');
    });
  }

  ICAL.TimezoneService.remove(want.tzid);
}

check(`hand-checked instants (${handChecked.length}) read as computed by hand`, () => {
  ensure(handChecked.length > 0, 'none in the expected file');
  const wrong = handChecked.filter((h) => h.got.some((g, i) => g !== h.want[i] && g !== h.fold[i]));
  ensure(wrong.length === 0, wrong.map((h) => `${h.name} ${h.uid} #${h.n}: ${h.want} read as ${h.got}`).join('\n  '));
});

/** Reads `<name>-expected.json` and the calendar it names, checks the calendar's lines,
 *  and returns [expected, the parsed VCALENDAR]. */
function singleFile(name) {
  let want;
  try {
    want = JSON.parse(readFileSync(join(DIR, `${name}-expected.json`), 'utf8'));
  } catch (e) {
    abort(`reading the ${name} file (run \`cargo test --test interop_ics\` first): ${e.message}`);
  }
  const text = readFileSync(join(DIR, want.file), 'utf8');
  check(`${want.file}: lines end in CRLF and hold at most 75 octets`, () => none(lineProblems(text)));
  return [want, new ICAL.Component(ICAL.parse(text))];
}

// Reminders: each a single event at its UTC instant, with a display alarm at its start.
{
  const [rem, cal] = singleFile('reminders');
  const vevents = cal.getAllSubcomponents('vevent');
  check(`reminders.ics: ${rem.events.length} events`, () => eq(vevents.length, rem.events.length, 'events'));
  for (const want of rem.events.filter((e) => e.cancelled)) {
    check(`reminder ${want.uid}: done, so cancelled, with a higher SEQUENCE and no alarm`, () => {
      const comp = vevents.find((v) => v.getFirstPropertyValue('uid') === want.uid);
      ensure(comp, 'no such event');
      eq(comp.getFirstPropertyValue('status'), 'CANCELLED', 'STATUS');
      eq(comp.getFirstPropertyValue('sequence'), 1, 'SEQUENCE');
      eq(comp.getAllSubcomponents('valarm').length, 0, 'VALARMs');
    });
  }
  for (const want of rem.events.filter((e) => !e.cancelled)) {
    check(`reminder ${want.uid}: at ${want.start}, with an alarm at its start`, () => {
      const comp = vevents.find((v) => v.getFirstPropertyValue('uid') === want.uid);
      ensure(comp, 'no such event');
      const event = new ICAL.Event(comp);
      eq(iso(event.startDate), want.start, 'DTSTART');
      ensure(!event.isRecurring(), 'a reminder recurs');
      eq(event.summary, want.summary, 'SUMMARY, unescaped');
      const alarms = comp.getAllSubcomponents('valarm');
      eq(alarms.length, 1, 'VALARMs');
      eq(alarms[0].getFirstPropertyValue('action'), 'DISPLAY', 'ACTION');
      const trigger = alarms[0].getFirstPropertyValue('trigger');
      eq(trigger.toSeconds(), 0, 'TRIGGER, seconds from the start');
      ensure(alarms[0].getFirstPropertyValue('description'), 'an alarm needs a DESCRIPTION (RFC 5545 3.6.6)');
    });
  }
}

// A booked call (issue 16): an invitation both sides import, at the right instant.
{
  const [inv, cal] = singleFile('invitation');
  check('invitation.ics: METHOD:REQUEST with one event', () => {
    eq(cal.getFirstPropertyValue('method'), 'REQUEST', 'METHOD');
    eq(cal.getAllSubcomponents('vevent').length, 1, 'events');
  });
  const comp = cal.getFirstSubcomponent('vevent');
  check(`invitation ${inv.uid}: ${inv.start} to ${inv.end}, ${inv.reader_wall} on the reader's clock in ${inv.reader_zone}`, () => {
    const event = new ICAL.Event(comp);
    eq(event.uid, inv.uid, 'UID');
    eq(iso(event.startDate), inv.start, 'DTSTART');
    eq(iso(event.endDate), inv.end, 'DTEND');
    // The reader's wall clock, from Node's own zone data (not the app's).
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
      timeZone: inv.reader_zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    }).formatToParts(event.startDate.toJSDate()).map((p) => [p.type, p.value]));
    eq(`${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`, inv.reader_wall, 'wall clock');
  });
  check('invitation: the owner organises, the reader is asked to answer', () => {
    const org = comp.getFirstProperty('organizer');
    eq(org.getFirstValue(), inv.organizer, 'ORGANIZER');
    eq(org.getParameter('cn'), inv.organizer_cn, 'ORGANIZER CN');
    const att = comp.getFirstProperty('attendee');
    eq(att.getFirstValue(), inv.attendee, 'ATTENDEE');
    eq(att.getParameter('cn'), inv.attendee_cn, 'ATTENDEE CN, quoted');
    eq(att.getParameter('partstat'), 'NEEDS-ACTION', 'PARTSTAT');
    eq(att.getParameter('rsvp'), 'TRUE', 'RSVP');
    eq(comp.getFirstPropertyValue('status'), 'CONFIRMED', 'STATUS');
  });
}

if (changeNights.length) {
  console.log('# notes: on a night the clocks change, a block still runs from its wall-clock start to its');
  console.log('# wall-clock end, so it is an hour shorter or longer in real time (a time the clocks skip is');
  console.log('# the instant they jump, a time they repeat the first of the two). Each such night is an');
  console.log('# overriding instance (RECURRENCE-ID); every other week keeps the plain length. As ical.js read');
  console.log(`# them, on the wall clock of each file's zone, over the first ${expected.weeks} weeks:`);
  for (const n of changeNights) console.log(`#   ${n}`);
}
if (folds.length) {
  console.log('# notes: a wall time the clocks repeat (a fall-back fold) is written as the wall clock; ical.js');
  console.log('# reads it as the second of its two instants, RFC 5545 and the app as the first, so these read');
  console.log('# an hour later than the app\'s instant, on the same wall clock:');
  for (const f of folds) console.log(`#   ${f}`);
}

finish();
