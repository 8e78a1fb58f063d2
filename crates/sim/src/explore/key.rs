//! The canonical key of a state: a stream of 64-bit words, and its 128-bit hash.
//!
//! The fingerprint code writes a state's canonical form as a stream of words that is hashed
//! as it goes (no buffer, no allocation). The explorer keys its state
//! table by the 128-bit hash; with [`super::ExploreConfig::exact_keys`] it also keeps the whole
//! word stream and compares it on every hit, so a hash collision can be ruled out in tests.
//!
//! ## Collision reasoning
//!
//! The hash runs two independent lanes over the words. Each lane's update is a bijection of
//! its 64-bit state for a fixed word (xor or add the word, multiply by an odd constant,
//! rotate), so no word can collapse a lane; the lanes use different operations, constants and
//! rotations, and the length is mixed in at the end, followed by a full avalanche of each lane
//! and a cross-mix. Treating the result as a random 128-bit value, the chance that any two of
//! `n` distinct states collide is about `n² / 2¹²⁹`: for 10⁸ states, below 10⁻²¹. It is not a
//! cryptographic hash; the inputs are simulator states, not chosen by an adversary.

use std::hash::{BuildHasherDefault, Hasher};

/// Lane starts of the hash.
const LANE_A: u64 = 0x243f_6a88_85a3_08d3;
const LANE_B: u64 = 0x1319_8a2e_0370_7344;

/// A stream of canonical words, hashed as it is written.
///
/// The two lanes take each word as it comes, so a fingerprint costs a few multiplies per word
/// and no buffer; the words themselves are kept only when asked for (exact keys).
pub(crate) struct Words {
    a: u64,
    b: u64,
    n: u64,
    /// Whether `buf` keeps the words.
    keep: bool,
    pub(crate) buf: Vec<u64>,
}

impl Default for Words {
    fn default() -> Words {
        Words {
            a: LANE_A,
            b: LANE_B,
            n: 0,
            keep: false,
            buf: Vec::new(),
        }
    }
}

impl Words {
    /// Starts a new stream; `keep` keeps its words in `buf` as well.
    pub(crate) fn start(&mut self, keep: bool) {
        self.a = LANE_A;
        self.b = LANE_B;
        self.n = 0;
        self.keep = keep;
        self.buf.clear();
    }

    /// Whether the words themselves are kept (exact keys).
    pub(crate) fn keeps(&self) -> bool {
        self.keep
    }

    #[inline(always)]
    pub(crate) fn word(&mut self, w: u64) {
        self.a = (self.a ^ w)
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
            .rotate_left(31);
        self.b = self
            .b
            .wrapping_add(w)
            .wrapping_mul(0xc2b2_ae3d_27d4_eb4f)
            .rotate_left(27)
            ^ 0x1656_67b1_9e37_79f9;
        self.n += 1;
        if self.keep {
            self.buf.push(w);
        }
    }

    /// A tag that separates parts, so two parts cannot run into each other.
    #[inline(always)]
    pub(crate) fn tag(&mut self, t: u8) {
        self.word(0x5eed_0000_0000_0000 | u64::from(t));
    }

    /// The 128-bit hash of the words so far.
    pub(crate) fn hash128(&self) -> u128 {
        let n = self.n;
        let a = fmix(self.a ^ n);
        let b = fmix(self.b.wrapping_add(n.rotate_left(17)));
        let hi = a ^ fmix(b ^ 0x85eb_ca6b_c2b2_ae35);
        (u128::from(hi) << 64) | u128::from(b ^ a.rotate_left(13))
    }
}

/// MurmurHash3's 64-bit finaliser: every input bit affects every output bit.
fn fmix(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
    k ^= k >> 33;
    k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    k ^ (k >> 33)
}

/// Lets any `Hash` value write itself into the word stream (values, statuses, texts).
impl Hasher for Words {
    fn finish(&self) -> u64 {
        self.hash128() as u64
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(chunk);
            self.word(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.word(u64::from_le_bytes(w));
        }
        self.word(0xff00_0000_0000_0000 | bytes.len() as u64);
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.word(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.word(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.word(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.word(i as u64);
    }

    #[inline]
    fn write_i64(&mut self, i: i64) {
        self.word(i as u64);
    }
}

/// A state's key in the state table: its hash, and with exact keys its whole canonical form.
#[derive(Clone, Debug)]
pub(crate) struct StateKey {
    pub(crate) hash: u128,
    pub(crate) words: Option<Box<[u64]>>,
}

impl PartialEq for StateKey {
    fn eq(&self, other: &StateKey) -> bool {
        self.hash == other.hash && self.words == other.words
    }
}

impl Eq for StateKey {}

impl std::hash::Hash for StateKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash as u64);
    }
}

/// The table's own hasher: the key is already a good hash, so it is passed through.
#[derive(Default)]
pub(crate) struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, i: u64) {
        self.0 = i;
    }

    fn write_u128(&mut self, i: u128) {
        // Either half of a 128-bit state hash is already well mixed.
        self.0 = i as u64;
    }
}

/// Builds [`PassThrough`] hashers.
pub(crate) type BuildPassThrough = BuildHasherDefault<PassThrough>;

/// A hasher for small integer keys (pairs packed into a `u64`): one avalanche per key.
#[derive(Default)]
pub(crate) struct Mix(u64);

impl Hasher for Mix {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = fmix(self.0 ^ u64::from(b));
        }
    }

    fn write_u64(&mut self, i: u64) {
        self.0 = fmix(i);
    }

    fn write_u32(&mut self, i: u32) {
        self.0 = fmix(u64::from(i));
    }
}

/// Builds [`Mix`] hashers.
pub(crate) type BuildMix = BuildHasherDefault<Mix>;
