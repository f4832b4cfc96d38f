//! Tests of `search`.
use super::*;

#[test]
fn shifts_across_words() {
    let mut mask = vec![0_u64, 1];
    shift_right(&mut mask, 1);
    assert_eq!(mask, vec![1 << 63, 0]);
    let mut mask = vec![0b1011_u64, 0];
    shift_right(&mut mask, 64);
    assert_eq!(mask, vec![0, 0]);
    let mut mask = vec![u64::MAX, 0b11];
    assert_eq!(trailing_ones(&mask), 66);
    shift_right(&mut mask, 66);
    assert_eq!(mask, vec![0, 0]);
}
