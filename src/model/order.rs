//! One stable sort for the whole app.
//!
//! The standard library's stable sort is generic over the element and the comparison, so
//! every `sort_by` call with its own closure is compiled into its own copy of the whole
//! algorithm (about 4 KB of wasm each; the app had some forty). Here the algorithm runs
//! once, on indices, behind a `dyn` comparison, and only the small permutation step is
//! generic. Lists in the app are at most a few thousand items, where the indirect call
//! costs nothing a person could notice.

use std::cmp::Ordering;

/// Sorts `items` by `cmp`, keeping equal items in their order (as `slice::sort_by`).
pub fn sort_by<T>(items: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = {
        let view: &[T] = items;
        sorted_indices(items.len(), &mut |a, b| cmp(&view[a], &view[b]))
    };
    permute(items, order);
}

/// Sorts `items` by the key `key` gives each one, keeping equal items in their order.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The only instance of the standard sort: indices in the order `cmp` gives them.
fn sorted_indices(len: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Moves `items` so that position `i` holds what was at `order[i]`, by following each
/// cycle of the permutation with swaps (no copies, no `Clone` needed).
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..items.len() {
        let mut at = start;
        loop {
            let from = order[at];
            order[at] = at;
            if from == start || from == at {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The same result as the standard stable sort, equal keys included.
        #[test]
        fn matches_the_standard_stable_sort(keys in proptest::collection::vec((0u8..6, any::<u16>()), 0..120)) {
            let mut ours = keys.clone();
            let mut std_sorted = keys;
            sort_by_key(&mut ours, |k| k.0);
            std_sorted.sort_by_key(|k| k.0);
            prop_assert_eq!(ours, std_sorted);
        }
    }

    #[test]
    fn sorts_values_that_are_not_clone() {
        struct Item(u32, &'static str);
        let mut items = vec![Item(3, "c"), Item(1, "a"), Item(2, "b"), Item(1, "a2")];
        sort_by(&mut items, |a, b| a.0.cmp(&b.0));
        let got: Vec<&str> = items.iter().map(|i| i.1).collect();
        assert_eq!(got, ["a", "a2", "b", "c"]);
    }

    #[test]
    fn natural_order_and_reverse() {
        let mut words = vec!["pear", "apple", "fig"];
        sort(&mut words);
        assert_eq!(words, ["apple", "fig", "pear"]);
        sort_by(&mut words, |a, b| b.cmp(a));
        assert_eq!(words, ["pear", "fig", "apple"]);
    }
}
