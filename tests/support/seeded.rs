//! What the randomized loop tests share: a small deterministic generator (xorshift), so a failing
//! run can be replayed by its seed, and the numbered lines their articles are made of.

pub struct Random(pub u64);

impl Random {
    pub fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

pub fn line(n: usize) -> String {
    format!("Line number {n} says something.")
}
