//! Browser tests (wasm-bindgen-test in headless Chromium) of the IndexedDB store, issue
//! 17's first step: bytes kept by key exactly, batches, a value far beyond what
//! localStorage holds, and two handles (two tabs) seeing each other's writes.
#![cfg(target_arch = "wasm32")]

use unhurried::store::idb::Idb;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A database of this test's own, emptied first.
async fn fresh(name: &str) -> Idb {
    Idb::delete(name).await.unwrap();
    Idb::open(name).await.unwrap()
}

#[wasm_bindgen_test]
async fn bytes_are_kept_by_key_exactly_and_outlive_the_handle() {
    let db = fresh("test-bytes").await;
    let every_byte: Vec<u8> = (0..=255).collect();
    db.write(
        &[
            ("b".into(), every_byte.clone()),
            ("a".into(), Vec::new()),
            ("c".into(), vec![0, 0, 1]),
        ],
        &[],
    )
    .await
    .unwrap();
    assert_eq!(
        db.entries().await.unwrap(),
        vec![
            ("a".to_owned(), Vec::new()),
            ("b".to_owned(), every_byte.clone()),
            ("c".to_owned(), vec![0, 0, 1]),
        ]
    );
    // A batch that replaces one entry and removes another, in one transaction.
    db.write(&[("c".into(), vec![9])], &["a".into()])
        .await
        .unwrap();
    db.close();
    let again = Idb::open("test-bytes").await.unwrap();
    assert_eq!(again.get("a").await.unwrap(), None);
    assert_eq!(again.get("b").await.unwrap(), Some(every_byte));
    assert_eq!(again.get("c").await.unwrap(), Some(vec![9]));
    again.close();
    Idb::delete("test-bytes").await.unwrap();
}

#[wasm_bindgen_test]
async fn a_value_beyond_what_local_storage_holds_is_kept() {
    let db = fresh("test-large").await;
    // 12 MB: localStorage holds about 5 MB of text in all.
    let big: Vec<u8> = (0..12 * 1024 * 1024u32).map(|i| (i % 251) as u8).collect();
    db.write(&[("big".into(), big.clone())], &[]).await.unwrap();
    assert_eq!(
        db.get("big").await.unwrap().map(|v| v.len()),
        Some(big.len())
    );
    assert_eq!(db.get("big").await.unwrap(), Some(big));
    db.close();
    Idb::delete("test-large").await.unwrap();
}

#[wasm_bindgen_test]
async fn two_handles_see_each_others_writes() {
    let one = fresh("test-tabs").await;
    let two = Idb::open("test-tabs").await.unwrap();
    one.write(&[("from-one".into(), vec![1])], &[])
        .await
        .unwrap();
    two.write(&[("from-two".into(), vec![2])], &[])
        .await
        .unwrap();
    let keys = |e: Vec<(String, Vec<u8>)>| e.into_iter().map(|(k, _)| k).collect::<Vec<_>>();
    assert_eq!(keys(one.entries().await.unwrap()), ["from-one", "from-two"]);
    assert_eq!(keys(two.entries().await.unwrap()), ["from-one", "from-two"]);
    one.close();
    two.close();
    Idb::delete("test-tabs").await.unwrap();
}

#[wasm_bindgen_test]
async fn a_closed_database_refuses_in_words_and_keeps_what_it_had() {
    use unhurried::store::StoreError;
    let db = fresh("test-closed").await;
    db.write(&[("kept".into(), vec![7])], &[]).await.unwrap();
    db.close();
    let refused = db.write(&[("lost".into(), vec![8])], &[]).await;
    assert!(
        matches!(&refused, Err(StoreError::Unavailable(why)) if why.contains("InvalidStateError")),
        "{refused:?}"
    );
    let again = Idb::open("test-closed").await.unwrap();
    assert_eq!(
        again.entries().await.unwrap(),
        vec![("kept".to_owned(), vec![7])]
    );
    again.close();
    Idb::delete("test-closed").await.unwrap();
}
