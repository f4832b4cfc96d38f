use super::*;

#[test]
fn softmax_sums_to_one_and_survives_large_logits() {
    let p = softmax(&[1000.0, 1000.0, -1000.0]);
    assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    assert!((p[0] - 0.5).abs() < 1e-12 && p[2] < 1e-300);
}

#[test]
fn an_untrained_model_is_uniform_and_training_moves_it() {
    let mut m = Softmax::new(4, 3, 0.5, 1e-4);
    let x: Features = vec![(1, 0.6), (7, 0.8)];
    let before = m.probabilities(&x);
    assert!(before.iter().all(|p| (p - 1.0 / 3.0).abs() < 1e-9));
    for _ in 0..50 {
        m.step(&x, 2);
    }
    let after = m.probabilities(&x);
    assert!(after[2] > 0.9, "{after:?}");
    m.reset();
    assert!((m.probabilities(&x)[2] - 1.0 / 3.0).abs() < 1e-9);
}

#[test]
fn strong_decay_keeps_weights_finite() {
    let mut m = Softmax::new(2, 2, 1.0, 0.9);
    let x: Features = vec![(0, 1.0)];
    for i in 0..10_000 {
        m.step(&x, i % 2);
    }
    assert!(m.probabilities(&x).iter().all(|p| p.is_finite()));
    m.add_class();
    assert_eq!(m.classes(), 3);
}
