//! A small binary form for the plain values kept whole (dashboards, forms, replies):
//! numbers as LEB128, text and lists with their length first, and each record with its
//! length first, so a later version can add fields at the end of a record and an older
//! copy still reads what it knows and skips the rest; a record that ends early gives its
//! remaining fields their defaults.
//!
//! Chosen over serde with CBOR because serde's derived readers are compiled per type
//! and per format (about 60 KB of wasm for issue 16's types); these are a few lines a
//! type. Reading is bounded by the input: every length is checked against the bytes
//! left before anything is taken, and nothing is reserved from a length read.

use super::leb128::{read_sleb, read_uleb, write_sleb, write_uleb};

/// A value with a binary form.
pub trait Pack: Sized {
    fn pack(&self, out: &mut Vec<u8>);
    fn unpack(input: &mut &[u8]) -> Option<Self>;
}

/// The value's bytes.
pub fn to_bytes<T: Pack>(value: &T) -> Vec<u8> {
    let mut out = Vec::new();
    value.pack(&mut out);
    out
}

/// The value the bytes hold, when they hold exactly one.
pub fn from_bytes<T: Pack>(mut bytes: &[u8]) -> Option<T> {
    let value = T::unpack(&mut bytes)?;
    bytes.is_empty().then_some(value)
}

fn uleb(input: &mut &[u8]) -> Option<u64> {
    let (n, rest) = read_uleb(input)?;
    *input = rest;
    Some(n)
}

/// `n` bytes off the front of the input.
fn take<'a>(input: &mut &'a [u8], n: u64) -> Option<&'a [u8]> {
    let n = usize::try_from(n).ok().filter(|n| *n <= input.len())?;
    let (head, rest) = input.split_at(n);
    *input = rest;
    Some(head)
}

/// Writes a record: its fields' bytes with their length first.
pub fn record(out: &mut Vec<u8>, fields: impl FnOnce(&mut Vec<u8>)) {
    let mut body = Vec::new();
    fields(&mut body);
    write_uleb(out, body.len() as u64);
    out.extend_from_slice(&body);
}

/// Reads a record's bytes, for its fields to be read from in turn (see `field`).
pub fn open_record<'a>(input: &mut &'a [u8]) -> Option<&'a [u8]> {
    let n = uleb(input)?;
    take(input, n)
}

/// The next field of a record, or its default when the record has ended (it was
/// written by an older version).
pub fn field<T: Pack + Default>(body: &mut &[u8]) -> Option<T> {
    if body.is_empty() {
        Some(T::default())
    } else {
        T::unpack(body)
    }
}

impl Pack for u64 {
    fn pack(&self, out: &mut Vec<u8>) {
        write_uleb(out, *self);
    }
    fn unpack(input: &mut &[u8]) -> Option<Self> {
        uleb(input)
    }
}

impl Pack for u32 {
    fn pack(&self, out: &mut Vec<u8>) {
        write_uleb(out, u64::from(*self));
    }
    fn unpack(input: &mut &[u8]) -> Option<Self> {
        u32::try_from(uleb(input)?).ok()
    }
}

impl Pack for u8 {
    fn pack(&self, out: &mut Vec<u8>) {
        write_uleb(out, u64::from(*self));
    }
    fn unpack(input: &mut &[u8]) -> Option<Self> {
        u8::try_from(uleb(input)?).ok()
    }
}

impl Pack for bool {
    fn pack(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }
    fn unpack(input: &mut &[u8]) -> Option<Self> {
        match take(input, 1)? {
            [0] => Some(false),
            [1] => Some(true),
            _ => None,
        }
    }
}

impl Pack for i64 {
    fn pack(&self, out: &mut Vec<u8>) {
        write_sleb(out, *self);
    }
    fn unpack(input: &mut &[u8]) -> Option<Self> {
        let (n, rest) = read_sleb(input)?;
        *input = rest;
        Some(n)
    }
}

impl Pack for i32 {
    fn pack(&self, out: &mut Vec<u8>) {
        i64::from(*self).pack(out);
    }
    fn unpack(input: &mut &[u8]) -> Option<Self> {
        i32::try_from(i64::unpack(input)?).ok()
    }
}

impl Pack for f64 {
    fn pack(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }
    fn unpack(input: &mut &[u8]) -> Option<Self> {
        Some(f64::from_le_bytes(take(input, 8)?.try_into().ok()?))
    }
}

impl Pack for String {
    fn pack(&self, out: &mut Vec<u8>) {
        write_uleb(out, self.len() as u64);
        out.extend_from_slice(self.as_bytes());
    }
    fn unpack(input: &mut &[u8]) -> Option<Self> {
        let n = uleb(input)?;
        String::from_utf8(take(input, n)?.to_vec()).ok()
    }
}

impl<T: Pack> Pack for Vec<T> {
    fn pack(&self, out: &mut Vec<u8>) {
        write_uleb(out, self.len() as u64);
        for item in self {
            item.pack(out);
        }
    }
    fn unpack(input: &mut &[u8]) -> Option<Self> {
        let n = uleb(input)?;
        // Each item takes a byte at least: a count beyond the bytes left is a lie.
        if n > input.len() as u64 {
            return None;
        }
        let mut out = Vec::new();
        for _ in 0..n {
            out.push(T::unpack(input)?);
        }
        Some(out)
    }
}

impl<T: Pack> Pack for Option<T> {
    fn pack(&self, out: &mut Vec<u8>) {
        match self {
            None => out.push(0),
            Some(v) => {
                out.push(1);
                v.pack(out);
            }
        }
    }
    fn unpack(input: &mut &[u8]) -> Option<Self> {
        match bool::unpack(input)? {
            false => Some(None),
            true => Some(Some(T::unpack(input)?)),
        }
    }
}

impl<A: Pack, B: Pack> Pack for (A, B) {
    fn pack(&self, out: &mut Vec<u8>) {
        self.0.pack(out);
        self.1.pack(out);
    }
    fn unpack(input: &mut &[u8]) -> Option<Self> {
        Some((A::unpack(input)?, B::unpack(input)?))
    }
}

impl<A: Pack, B: Pack, C: Pack> Pack for (A, B, C) {
    fn pack(&self, out: &mut Vec<u8>) {
        self.0.pack(out);
        self.1.pack(out);
        self.2.pack(out);
    }
    fn unpack(input: &mut &[u8]) -> Option<Self> {
        Some((A::unpack(input)?, B::unpack(input)?, C::unpack(input)?))
    }
}

/// `Pack` for a struct with `Default`: its fields in order, as one record.
#[macro_export]
macro_rules! pack_record {
    ($t:ty { $($f:ident),* $(,)? }) => {
        impl $crate::codec::pack::Pack for $t {
            fn pack(&self, out: &mut Vec<u8>) {
                $crate::codec::pack::record(out, |b| { $( $crate::codec::pack::Pack::pack(&self.$f, b); )* });
            }
            fn unpack(input: &mut &[u8]) -> Option<Self> {
                let mut body = $crate::codec::pack::open_record(input)?;
                Some(Self { $( $f: $crate::codec::pack::field(&mut body)?, )* })
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Default, PartialEq, Clone)]
    struct Old {
        a: String,
        b: Vec<(i32, f64)>,
    }
    #[derive(Debug, Default, PartialEq, Clone)]
    struct New {
        a: String,
        b: Vec<(i32, f64)>,
        c: Option<u32>,
        d: bool,
    }
    crate::pack_record!(Old { a, b });
    crate::pack_record!(New { a, b, c, d });

    #[test]
    fn values_round_trip_and_versions_read_each_other() {
        let new = New {
            a: "Orders, ₹".into(),
            b: vec![(-739_000, 1.5), (i32::MAX, f64::MIN)],
            c: Some(7),
            d: true,
        };
        assert_eq!(from_bytes::<New>(&to_bytes(&new)), Some(new));
        for n in [0, 1, -1, 63, 64, -64, -65, i64::MAX, i64::MIN] {
            assert_eq!(from_bytes::<i64>(&to_bytes(&n)), Some(n));
        }
        // An older copy reads a newer record, skipping what it does not know; a newer
        // one reads an older record with defaults.
        let old = Old {
            a: "x".into(),
            b: vec![(1, 2.0)],
        };
        let newer = New {
            a: "x".into(),
            b: vec![(1, 2.0)],
            c: Some(3),
            d: true,
        };
        assert_eq!(from_bytes::<Old>(&to_bytes(&newer)), Some(old.clone()));
        assert_eq!(
            from_bytes::<Vec<New>>(&to_bytes(&vec![old.clone(), old.clone()])),
            Some(vec![
                New {
                    a: "x".into(),
                    b: vec![(1, 2.0)],
                    ..New::default()
                };
                2
            ])
        );
    }

    #[test]
    fn damaged_or_hostile_bytes_are_refused_without_panicking() {
        let good = to_bytes(&New {
            a: "abc".into(),
            b: vec![(1, 1.0)],
            c: None,
            d: false,
        });
        for cut in 0..good.len() {
            assert_eq!(from_bytes::<New>(&good[..cut]), None, "cut at {cut}");
        }
        // A list claiming four billion items in a few bytes.
        let mut lie = Vec::new();
        write_uleb(&mut lie, u64::from(u32::MAX));
        assert_eq!(from_bytes::<Vec<String>>(&lie), None);
        // Text that is not UTF-8, a bool that is neither, trailing bytes.
        assert_eq!(from_bytes::<String>(&[2, 0xff, 0xfe]), None);
        assert_eq!(from_bytes::<bool>(&[2]), None);
        assert_eq!(from_bytes::<u32>(&[1, 0]), None);
    }
}
