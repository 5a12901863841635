//! Unsigned and signed LEB128, as Automerge and the app's link and file frames write numbers.

/// Appends `n` as unsigned LEB128.
pub fn write_uleb(out: &mut Vec<u8>, mut n: u64) {
    loop {
        let b = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

/// Writes a signed LEB128 number.
pub fn write_sleb(out: &mut Vec<u8>, mut n: i64) {
    loop {
        let b = (n & 0x7f) as u8;
        n >>= 7;
        // Done once the rest is all sign bits and this byte's top bit says the same.
        if (n == 0 && b & 0x40 == 0) || (n == -1 && b & 0x40 != 0) {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

/// Reads an unsigned LEB128 number from the front of `bytes`, with what follows it; `None`
/// when it ends early or does not fit 64 bits.
pub fn read_uleb(bytes: &[u8]) -> Option<(u64, &[u8])> {
    let mut value: u64 = 0;
    for (i, &b) in bytes.iter().enumerate().take(10) {
        let part = u64::from(b & 0x7f);
        if i == 9 && part > 1 {
            return None;
        }
        value |= part << (7 * i);
        if b & 0x80 == 0 {
            return Some((value, &bytes[i + 1..]));
        }
    }
    None
}

/// Reads a signed LEB128 number from the front of `bytes`, with what follows it; `None`
/// when it ends early or does not fit 64 bits.
pub fn read_sleb(bytes: &[u8]) -> Option<(i64, &[u8])> {
    let mut value: i64 = 0;
    let mut shift = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if shift >= 64 {
            return None;
        }
        value |= i64::from(b & 0x7f) << shift;
        shift += 7;
        if b & 0x80 == 0 {
            if shift < 64 && b & 0x40 != 0 {
                value |= -1i64 << shift;
            }
            return Some((value, &bytes[i + 1..]));
        }
    }
    None
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn unsigned_round_trips(n in any::<u64>(), tail in proptest::collection::vec(any::<u8>(), 0..4)) {
            let mut bytes = Vec::new();
            write_uleb(&mut bytes, n);
            let len = bytes.len();
            bytes.extend_from_slice(&tail);
            let (read, rest) = read_uleb(&bytes).unwrap();
            prop_assert_eq!(read, n);
            prop_assert_eq!(rest, &bytes[len..]);
        }

        #[test]
        fn never_panics_on_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..16)) {
            let _ = read_uleb(&bytes);
            let _ = read_sleb(&bytes);
        }
    }

    #[test]
    fn known_values() {
        assert_eq!(read_uleb(&[0xe5, 0x8e, 0x26]), Some((624_485, &[][..])));
        assert_eq!(read_sleb(&[0xc0, 0xbb, 0x78]), Some((-123_456, &[][..])));
        assert_eq!(read_sleb(&[0x7f]), Some((-1, &[][..])));
        assert_eq!(read_uleb(&[0x80]), None);
        // Eleven bytes cannot be a 64-bit number.
        assert_eq!(read_uleb(&[0xff; 11]), None);
    }
}
