use super::*;

#[test]
fn only_transient_statuses_are_retried() {
    for s in [408, 429, 500, 502, 503, 504] {
        assert!(retryable_status(s), "{s}");
    }
    for s in [200, 400, 401, 403, 404, 422, 501] {
        assert!(!retryable_status(s), "{s}");
    }
}

#[test]
fn backoff_doubles_up_to_the_cap_with_bounded_jitter() {
    let ms = Duration::from_millis;
    for attempt in 0..6 {
        let wait = backoff(attempt, ms(100), ms(1000), None);
        let base = ms(100 * (1 << attempt)).min(ms(1000));
        assert!(
            wait >= base && wait <= base.mul_f64(1.25),
            "{attempt}: {wait:?}"
        );
    }
}

#[test]
fn retry_after_is_honoured_up_to_a_minute() {
    let ms = Duration::from_millis;
    assert!(backoff(0, ms(10), ms(20), Some(Duration::from_secs(2))) >= Duration::from_secs(2));
    assert_eq!(
        backoff(0, ms(10), ms(20), Some(Duration::from_secs(3600))),
        Duration::from_secs(60)
    );
    assert_eq!(parse_retry_after(" 3 "), Some(Duration::from_secs(3)));
    assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), None);
}
