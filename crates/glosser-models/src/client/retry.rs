//! When to try a request again and how long to wait first.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Statuses worth another try: timeouts, rate limits and server-side failures.
pub fn retryable_status(status: u16) -> bool {
    matches!(status, 408 | 429 | 500 | 502 | 503 | 504)
}

/// The wait before retry number `attempt` (0 for the first retry): exponential from
/// `initial`, capped at `max`, with up to 25 % jitter so parallel workers spread out; a
/// server's `Retry-After` (seconds) wins when it asks for longer, up to one minute.
pub fn backoff(
    attempt: u32,
    initial: Duration,
    max: Duration,
    retry_after: Option<Duration>,
) -> Duration {
    let exponential = initial.saturating_mul(1u32 << attempt.min(16)).min(max);
    let jitter = exponential.mul_f64(jitter_fraction(attempt) * 0.25);
    let wait = exponential + jitter;
    match retry_after {
        Some(asked) => wait.max(asked.min(Duration::from_secs(60))),
        None => wait,
    }
}

/// `Retry-After` as seconds (the HTTP-date form is ignored).
pub fn parse_retry_after(value: &str) -> Option<Duration> {
    value.trim().parse::<u64>().ok().map(Duration::from_secs)
}

fn jitter_fraction(attempt: u32) -> f64 {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let mut x = u64::from(nanos) ^ (u64::from(attempt) << 32) ^ 0x9e37_79b9_7f4a_7c15;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    (x % 1000) as f64 / 1000.0
}

#[cfg(test)]
mod tests;
