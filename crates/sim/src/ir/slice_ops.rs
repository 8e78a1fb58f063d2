//! Go slices: a header value (backing array, offset, length, capacity) and the instructions
//! that make, index, re-slice, append to and copy between them.
//!
//! The backing array lives on the world's heap; each element is a shared location, so two
//! goroutines writing `s[i]` race, and writing different elements does not. Making a slice and
//! re-slicing only compute a header and touch nothing shared, so they are local; reading,
//! writing, appending and copying elements are visible steps.

use serde::{Deserialize, Serialize};

use super::expr::Expr;
use super::ids::Local;

/// A backing array on the heap.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct ArrayId(pub u32);

impl ArrayId {
    /// The handle as a table index.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A slice header: a window `[offset, offset + len)` of a backing array that may grow to
/// `offset + cap`. The nil slice has no array and length and capacity 0.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct SliceRef {
    /// The backing array; `None` for the nil slice.
    pub array: Option<ArrayId>,
    /// Index of the slice's first element in the array.
    pub offset: u32,
    /// `len(s)`.
    pub len: u32,
    /// `cap(s)`.
    pub cap: u32,
}

impl SliceRef {
    /// The nil slice (`var s []int`).
    pub const NIL: SliceRef = SliceRef {
        array: None,
        offset: 0,
        len: 0,
        cap: 0,
    };
}

/// Which part of a header [`SliceOp::Header`] reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum HeaderPart {
    /// `len(s)`.
    Len,
    /// `cap(s)`.
    Cap,
}

/// An instruction on slices. `Literal`, `Make`, `Header` and `Reslice` are local; the others
/// are visible steps.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum SliceOp {
    /// `[]T{a, b, c}`: a new array holding the items; length and capacity are their number.
    Literal {
        /// Where the header goes.
        dst: Local,
        /// The elements.
        items: Vec<Expr>,
    },
    /// `make([]T, len, cap)`: a new array of `cap` zero values (`cap` defaults to `len`).
    /// A negative length or a length above the capacity panics as Go does.
    Make {
        /// Where the header goes.
        dst: Local,
        /// The length.
        len: Expr,
        /// The capacity.
        cap: Option<Expr>,
        /// The element type's zero value.
        zero: Expr,
    },
    /// `len(s)` / `cap(s)`: reads the header only (the header is the variable's value).
    Header {
        /// Destination.
        dst: Local,
        /// The slice.
        slice: Expr,
        /// Which part.
        part: HeaderPart,
    },
    /// `s[low:high:max]`: a new header on the same array, bounds checked with Go's panics.
    Reslice {
        /// Destination.
        dst: Local,
        /// The slice.
        slice: Expr,
        /// Start (default 0).
        low: Option<Expr>,
        /// End (default `len(s)`).
        high: Option<Expr>,
        /// Capacity limit (default `cap(s)`).
        max: Option<Expr>,
    },
    /// `v := s[i]`: a shared read of one element.
    Get {
        /// Destination.
        dst: Local,
        /// The slice.
        slice: Expr,
        /// The index.
        index: Expr,
    },
    /// `s[i] = v`: a shared write of one element.
    Put {
        /// The slice.
        slice: Expr,
        /// The index.
        index: Expr,
        /// The new value.
        value: Expr,
    },
    /// `append(s, items...)`: writes into `s`'s array when the capacity allows (so slices
    /// sharing it see the change), else copies into a new array whose capacity follows Go's
    /// growth rule for elements of `elem_size` bytes. With `spread`, the elements of that
    /// slice are appended after `items` (`append(a, b...)`).
    Append {
        /// Where the new header goes.
        dst: Local,
        /// The slice appended to.
        slice: Expr,
        /// Values appended.
        items: Vec<Expr>,
        /// A slice whose elements are appended too.
        spread: Option<Expr>,
        /// Size of one element in bytes as Go lays it out (8 for `int`, 16 for `string`).
        elem_size: u32,
        /// The element type's zero value (fills the grown array's spare capacity).
        zero: Expr,
    },
    /// `n := copy(dst, src)`: copies `min(len(dst), len(src))` elements, as if through a
    /// temporary (overlapping slices copy correctly); the count goes to `count`.
    Copy {
        /// Where the number of elements copied goes.
        count: Option<Local>,
        /// The destination slice.
        to: Expr,
        /// The source slice.
        from: Expr,
    },
    // ---- added for Go ----
    /// A new array holding the items of a list value, its length and capacity their number
    /// (Go `[]rune(s)`, `[]byte(s)`: the conversion copies, touching nothing shared).
    FromList {
        /// Where the header goes.
        dst: Local,
        /// The list.
        list: Expr,
    },
}

impl SliceOp {
    /// Whether the instruction is a visible step.
    pub fn is_visible(&self) -> bool {
        matches!(
            self,
            SliceOp::Get { .. }
                | SliceOp::Put { .. }
                | SliceOp::Append { .. }
                | SliceOp::Copy { .. }
        )
    }

    /// Every expression inside (for validation).
    pub fn exprs(&self) -> Vec<&Expr> {
        match self {
            SliceOp::Literal { items, .. } => items.iter().collect(),
            SliceOp::Make { len, cap, zero, .. } => {
                let mut out = vec![len, zero];
                out.extend(cap);
                out
            }
            SliceOp::Header { slice, .. } => vec![slice],
            SliceOp::Reslice {
                slice,
                low,
                high,
                max,
                ..
            } => {
                let mut out = vec![slice];
                out.extend(low.iter().chain(high).chain(max));
                out
            }
            SliceOp::Get { slice, index, .. } => vec![slice, index],
            SliceOp::Put {
                slice,
                index,
                value,
            } => vec![slice, index, value],
            SliceOp::Append {
                slice,
                items,
                spread,
                zero,
                ..
            } => {
                let mut out = vec![slice, zero];
                out.extend(items.iter().chain(spread));
                out
            }
            SliceOp::Copy { to, from, .. } => vec![to, from],
            SliceOp::FromList { list, .. } => vec![list],
        }
    }

    /// Every local slot the instruction writes (for validation).
    pub fn locals(&self) -> Vec<Local> {
        match self {
            SliceOp::Literal { dst, .. }
            | SliceOp::Make { dst, .. }
            | SliceOp::Header { dst, .. }
            | SliceOp::Reslice { dst, .. }
            | SliceOp::Get { dst, .. }
            | SliceOp::Append { dst, .. }
            | SliceOp::FromList { dst, .. } => vec![*dst],
            SliceOp::Put { .. } => Vec::new(),
            SliceOp::Copy { count, .. } => count.iter().copied().collect(),
        }
    }
}
