//! Damaged stored data and backup files are refused with an error, never a panic.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use unhurried::doc::PersonalDoc;
use unhurried::model::inventory::{Task, TaskId};
use unhurried::model::kind::DocKind;
use unhurried::share::{decode_file, encode_file};

fn saved() -> Vec<u8> {
    let mut doc = PersonalDoc::new();
    for i in 0..5 {
        doc.put_task(&Task::new(
            TaskId::new(format!("t{i}")),
            format!("Task {i}"),
            i,
        ))
        .unwrap();
    }
    doc.save()
}

#[test]
fn every_truncation_of_a_saved_document_is_handled() {
    let bytes = saved();
    for n in 0..bytes.len() {
        // Either an error or (for a prefix that happens to be whole) a document: never a panic.
        let _ = PersonalDoc::from_stored(&bytes[..n]);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn bit_flips_in_a_saved_document_are_handled(flips in prop::collection::vec((any::<prop::sample::Index>(), 0u8..8), 1..4)) {
        let mut bytes = saved();
        for (index, bit) in flips {
            let i = index.index(bytes.len());
            bytes[i] ^= 1 << bit;
        }
        let _ = PersonalDoc::from_stored(&bytes);
        if let Ok(document) = decode_file(&encode_file(DocKind::Personal, &bytes), DocKind::Personal) {
            let _ = PersonalDoc::from_stored(document);
        }
    }

    #[test]
    fn random_bytes_are_refused(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        prop_assert!(PersonalDoc::from_stored(&bytes).is_err());
        prop_assert!(decode_file(&bytes, DocKind::Personal).is_err() || bytes.starts_with(b"UNHURRIED"));
    }
}
