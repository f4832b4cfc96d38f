use super::*;

#[test]
fn parses_and_refuses() {
    let s = parse("train=.8,dev=.1,test=.1", 7).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s.parts.len(), 3);
    assert_eq!(s.seed, 7);
    assert!(parse("train=.8,dev=.1", 0).is_err(), "adds up to .9");
    assert!(parse("train=.5,train=.5", 0).is_err());
    assert!(parse("train", 0).is_err());
    assert!(parse("a/b=1", 0).is_err());
    assert!(parse("train=0,dev=1", 0).is_err());
}

#[test]
fn sizes_follow_the_shares_and_seeds_decide_who_goes_where() {
    let ids: Vec<String> = (0..10).map(|i| format!("doc{i}.txt")).collect();
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let s = parse("train=.8,dev=.1,test=.1", 1).unwrap_or_else(|e| panic!("{e}"));
    let a = s.assign(&ids);
    let count = |v: &[usize], p: usize| v.iter().filter(|&&x| x == p).count();
    assert_eq!((count(&a, 0), count(&a, 1), count(&a, 2)), (8, 1, 1));
    assert_eq!(s.assign(&ids), a, "deterministic");
    let other = Split {
        seed: 2,
        ..s.clone()
    }
    .assign(&ids);
    let moved = (0..10).filter(|&i| other[i] != a[i]).count();
    assert!(moved > 0, "another seed, another split");
    let five = s.assign(&ids[..5]);
    assert_eq!(count(&five, 0), 4);
    assert_eq!(count(&five, 1) + count(&five, 2), 1);
}
