//! What the convergence property tests share: replicas of a shared document passing
//! reply links to one another.

use unhurried::codec::chunks::{check, Limits};
use unhurried::doc::shared::SharedDoc;

/// The reply-link path: `from` sends what `to` lacks, and `to` applies it whole.
pub fn sync(replicas: &mut [SharedDoc], from: usize, to: usize) {
    if from == to {
        return;
    }
    let heads = replicas[to].heads();
    let bytes = replicas[from].changes_for(&[heads]);
    if !bytes.is_empty() {
        replicas[to]
            .apply_changes(check(&bytes, Limits::SHARED).unwrap())
            .expect("a reply applies");
    }
}

/// Everyone sends to everyone, senders in `order`, twice round: afterwards every
/// replica has every change.
#[allow(dead_code)]
pub fn exchange_all(replicas: &mut [SharedDoc], order: &[usize]) {
    for _ in 0..2 {
        for &from in order {
            for to in 0..replicas.len() {
                sync(replicas, from, to);
            }
        }
    }
}
