use super::*;

#[test]
fn brat_lines() {
    assert!(looks_like_brat(
        "T1\tPerson 0 3\tAda\nR1\tKnows Arg1:T1 Arg2:T2\n#1\tAnnotatorNotes T1\tx\n"
    ));
    assert!(!looks_like_brat("Ada B-PER\n"));
    assert!(!looks_like_brat("TX\tPerson\n"));
    assert!(!looks_like_brat(""));
}

#[test]
fn conll_lines() {
    assert!(looks_like_conll(
        "-DOCSTART- -X- O O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n",
        false
    ));
    assert!(looks_like_conll("# text = a\nAda\tB-PER\n", false));
    assert!(!looks_like_conll(
        "1\tAda\tAda\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n",
        true
    ));
    assert!(!looks_like_conll(
        "Just some prose.\nAnd more of it.\n",
        false
    ));
    assert!(!looks_like_conll("a x\nb y\nc O\n", false));
    assert!(looks_like_conll("a x\nb O\nc O\n", true));
    assert!(!looks_like_conll("", true));
}
