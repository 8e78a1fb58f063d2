//! Go slices on the heap: backing arrays, header arithmetic (`make`, literals, `len`, `cap`,
//! re-slicing) as local work, and element reads, writes, `append` and `copy` as visible
//! steps whose every element access the detectors see.

use crate::ir::{ArrayId, Expr, HeaderPart, Local, Pid, SliceOp, SliceRef, Span, Value};

use super::action::Flow;
use super::eval::{crash, Eval, Fault};
use super::memory::{Array, Location};
use super::World;
use crate::detect::BudgetKind;

/// Go's allocator size classes up to 32 KiB: a grown backing array takes the whole class, so
/// `cap` after `append` is what these allow (`runtime/sizeclasses.go`).
const SIZE_CLASSES: &[u64] = &[
    8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352,
    384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048,
    2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728,
    10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672,
    32768,
];

/// Bytes Go allocates for a request of `bytes`: the size class, or whole 8 KiB pages beyond.
fn round_up_size(bytes: u64) -> u64 {
    match SIZE_CLASSES.iter().find(|c| **c >= bytes) {
        Some(c) => *c,
        None => bytes.div_ceil(8192).saturating_mul(8192),
    }
}

/// The capacity `append` gives a slice of capacity `old_cap` that must hold `new_len`
/// elements of `elem_size` bytes: Go's `growslice` rule (double while small, then grow by
/// about a quarter plus 192), rounded up to the allocator's size class.
pub(crate) fn grown_capacity(old_cap: u64, new_len: u64, elem_size: u32) -> u64 {
    const THRESHOLD: u64 = 256;
    let double = old_cap.saturating_mul(2);
    let mut cap = if new_len > double {
        new_len
    } else if old_cap < THRESHOLD {
        double
    } else {
        let mut c = old_cap;
        while c < new_len {
            c = c.saturating_add((c + 3 * THRESHOLD) / 4);
        }
        c
    };
    if cap == 0 {
        cap = new_len;
    }
    let size = u64::from(elem_size.max(1));
    round_up_size(cap.saturating_mul(size)) / size
}

impl World {
    /// Allocates a backing array named after the slot it is made in.
    pub(crate) fn alloc_array(&mut self, pid: Pid, dst: Local, items: Vec<Value>) -> Eval<ArrayId> {
        if items.len() as u64 > self.opts.budgets.max_value_size {
            return Err(Fault::Budget(
                BudgetKind::ValueSize,
                format!(
                    "a slice grew past the size budget of {} elements",
                    self.opts.budgets.max_value_size
                ),
            ));
        }
        let base = self.slot_name(pid, dst);
        let name = self.unique_name(&base);
        self.mem.arrays.push(Array { name, items });
        Ok(ArrayId(self.mem.arrays.len() as u32 - 1))
    }

    fn slice_in(&self, pid: Pid, e: &Expr) -> Eval<SliceRef> {
        match self.eval_in(pid, e)? {
            Value::Slice(s) => Ok(*s),
            // A nil of unknown type used as a slice.
            Value::Unit => Ok(SliceRef::NIL),
            other => crash(format!(
                "expected a slice, got {}",
                other.repr(self.program.style)
            )),
        }
    }

    fn count_in(&self, pid: Pid, e: &Expr, what: &str) -> Eval<i64> {
        match self.eval_in(pid, e)? {
            Value::Int(n) => Ok(n),
            other => crash(format!(
                "{what} must be an integer, got {}",
                other.repr(self.program.style)
            )),
        }
    }

    /// The location of `s[i]`, or Go's index panic.
    fn elem_location(&self, pid: Pid, slice: &Expr, index: &Expr) -> Eval<Location> {
        let s = self.slice_in(pid, slice)?;
        let i = self.count_in(pid, index, "an index")?;
        match (s.array, u32::try_from(i)) {
            (Some(a), Ok(i)) if i < s.len => Ok(Location::Elem(a, s.offset + i)),
            (_, Err(_)) if i < 0 => crash(format!("runtime error: index out of range [{i}]")),
            _ => crash(format!(
                "runtime error: index out of range [{i}] with length {}",
                s.len
            )),
        }
    }

    /// The local slice instructions: header arithmetic and allocation.
    pub(crate) fn slice_local(&mut self, pid: Pid, op: &SliceOp) -> Eval<()> {
        match op {
            SliceOp::Literal { dst, items } => {
                let values = items
                    .iter()
                    .map(|e| self.eval_in(pid, e))
                    .collect::<Eval<Vec<_>>>()?;
                let n = values.len() as u32;
                let a = self.alloc_array(pid, *dst, values)?;
                self.set_local(pid, *dst, slice_value(a, 0, n, n));
            }
            SliceOp::FromList { dst, list } => {
                let values = match self.eval_in(pid, list)? {
                    Value::List(items) => items.items().to_vec(),
                    other => {
                        return crash(format!(
                            "expected a list, got {}",
                            other.repr(self.program.style)
                        ))
                    }
                };
                let n = values.len() as u32;
                let a = self.alloc_array(pid, *dst, values)?;
                self.set_local(pid, *dst, slice_value(a, 0, n, n));
            }
            SliceOp::Make {
                dst,
                len,
                cap,
                zero,
            } => {
                let n = self.count_in(pid, len, "a slice length")?;
                let c = match cap {
                    Some(c) => self.count_in(pid, c, "a slice capacity")?,
                    None => n,
                };
                if n < 0 {
                    return crash("runtime error: makeslice: len out of range");
                }
                if c < n {
                    return crash("runtime error: makeslice: cap out of range");
                }
                let (Ok(n), Ok(c)) = (u32::try_from(n), u32::try_from(c)) else {
                    return crash("runtime error: makeslice: len out of range");
                };
                let zero = self.eval_in(pid, zero)?;
                let a = self.alloc_array(pid, *dst, vec![zero; c as usize])?;
                self.set_local(pid, *dst, slice_value(a, 0, n, c));
            }
            SliceOp::Header { dst, slice, part } => {
                let s = self.slice_in(pid, slice)?;
                let n = match part {
                    HeaderPart::Len => s.len,
                    HeaderPart::Cap => s.cap,
                };
                self.set_local(pid, *dst, Value::Int(i64::from(n)));
            }
            SliceOp::Reslice {
                dst,
                slice,
                low,
                high,
                max,
            } => {
                let s = self.slice_in(pid, slice)?;
                let v = self.reslice(pid, s, low.as_ref(), high.as_ref(), max.as_ref())?;
                self.set_local(pid, *dst, v);
            }
            // Visible ones run as steps.
            _ => {}
        }
        Ok(())
    }

    /// `s[low:high:max]` with Go's bounds checks and panic wording.
    fn reslice(
        &self,
        pid: Pid,
        s: SliceRef,
        low: Option<&Expr>,
        high: Option<&Expr>,
        max: Option<&Expr>,
    ) -> Eval<Value> {
        let get = |e: Option<&Expr>| -> Eval<Option<i64>> {
            e.map(|e| self.count_in(pid, e, "a slice index"))
                .transpose()
        };
        let (l, h, m) = (get(low)?, get(high)?, get(max)?);
        let cap = i64::from(s.cap);
        let three = max.is_some();
        let mx = m.unwrap_or(cap);
        if three && (mx < 0 || mx > cap) {
            return crash(format!(
                "runtime error: slice bounds out of range [::{mx}] with capacity {cap}"
            ));
        }
        let hi = h.unwrap_or(i64::from(s.len));
        if hi < 0 || hi > mx {
            return crash(match (three, h.is_some()) {
                (true, _) => format!("runtime error: slice bounds out of range [:{hi}:{mx}]"),
                _ => {
                    format!("runtime error: slice bounds out of range [:{hi}] with capacity {cap}")
                }
            });
        }
        let lo = l.unwrap_or(0);
        if lo < 0 || lo > hi {
            return crash(if three {
                format!("runtime error: slice bounds out of range [{lo}:{hi}:]")
            } else {
                format!("runtime error: slice bounds out of range [{lo}:{hi}]")
            });
        }
        // The bounds are within the capacity, which fits in u32.
        let (lo, hi, mx) = (lo as u32, hi as u32, mx as u32);
        Ok(match s.array {
            Some(a) => slice_value(a, s.offset + lo, hi - lo, mx - lo),
            None => Value::slice(SliceRef::NIL),
        })
    }

    /// The visible slice instructions.
    pub(crate) fn slice_step(&mut self, pid: Pid, op: &SliceOp, span: Span) -> Eval<Flow> {
        match op {
            SliceOp::Get { dst, slice, index } => {
                let loc = self.elem_location(pid, slice, index)?;
                let value = self.mem.load(loc).unwrap_or_default();
                self.shared_read(pid, loc, value, *dst, span, None);
            }
            SliceOp::Put {
                slice,
                index,
                value,
            } => {
                let loc = self.elem_location(pid, slice, index)?;
                let value = self.eval_in(pid, value)?;
                self.shared_write(pid, loc, value, span);
            }
            SliceOp::Append {
                dst,
                slice,
                items,
                spread,
                elem_size,
                zero,
            } => {
                let s = self.slice_in(pid, slice)?;
                let mut values = items
                    .iter()
                    .map(|e| self.eval_in(pid, e))
                    .collect::<Eval<Vec<_>>>()?;
                if let Some(src) = spread {
                    let src = self.slice_in(pid, src)?;
                    values.extend(self.read_elements(pid, src, span));
                }
                let zero = self.eval_in(pid, zero)?;
                let v = self.append(pid, *dst, s, values, *elem_size, zero, span)?;
                self.set_local(pid, *dst, v);
            }
            SliceOp::Copy { count, to, from } => {
                let to = self.slice_in(pid, to)?;
                let from = self.slice_in(pid, from)?;
                let n = to.len.min(from.len);
                let values = self.read_elements(pid, SliceRef { len: n, ..from }, span);
                if let Some(a) = to.array {
                    for (i, v) in values.into_iter().enumerate() {
                        let loc = Location::Elem(a, to.offset + i as u32);
                        self.shared_write(pid, loc, v, span);
                    }
                }
                if let Some(c) = count {
                    self.set_local(pid, *c, Value::Int(i64::from(n)));
                }
            }
            // Local ones never reach here except in expand mode.
            other => self.slice_local(pid, other)?,
        }
        Ok(Flow::Next)
    }

    /// Reads every element of `s`, each a read the detectors see.
    fn read_elements(&mut self, pid: Pid, s: SliceRef, span: Span) -> Vec<Value> {
        let Some(a) = s.array else {
            return Vec::new();
        };
        let step = self.steps;
        let mut out = Vec::with_capacity(s.len as usize);
        for i in 0..s.len {
            let loc = Location::Elem(a, s.offset + i);
            let v = self.mem.load(loc).unwrap_or_default();
            self.lost.read(pid, loc, &v);
            for f in self.races.read(pid, loc, step, span) {
                self.report(pid, span, f);
            }
            out.push(v);
        }
        out
    }

    /// `append`: in place when the capacity allows, else into a new, grown array.
    #[allow(clippy::too_many_arguments)]
    fn append(
        &mut self,
        pid: Pid,
        dst: Local,
        s: SliceRef,
        values: Vec<Value>,
        elem_size: u32,
        zero: Value,
        span: Span,
    ) -> Eval<Value> {
        let extra = values.len() as u64;
        let new_len = u64::from(s.len) + extra;
        if let (Some(a), true) = (s.array, new_len <= u64::from(s.cap)) {
            for (i, v) in values.into_iter().enumerate() {
                let loc = Location::Elem(a, s.offset + s.len + i as u32);
                self.shared_write(pid, loc, v, span);
            }
            return Ok(slice_value(a, s.offset, new_len as u32, s.cap));
        }
        if extra == 0 {
            return Ok(Value::slice(s));
        }
        let cap = grown_capacity(u64::from(s.cap), new_len, elem_size);
        let Ok(cap32) = u32::try_from(cap) else {
            return crash("runtime error: growslice: len out of range");
        };
        let mut items = self.read_elements(pid, s, span);
        items.extend(values);
        items.resize(cap as usize, zero);
        let a = self.alloc_array(pid, dst, items)?;
        // The new elements are written by this step (the copied ones too: the array is new).
        let step = self.steps;
        for i in 0..new_len as u32 {
            for f in self.races.write(pid, Location::Elem(a, i), step, span) {
                self.report(pid, span, f);
            }
        }
        Ok(slice_value(a, 0, new_len as u32, cap32))
    }
}

fn slice_value(array: ArrayId, offset: u32, len: u32, cap: u32) -> Value {
    Value::slice(SliceRef {
        array: Some(array),
        offset,
        len,
        cap,
    })
}

#[cfg(test)]
mod tests {
    use super::grown_capacity;

    #[test]
    fn growth_doubles_small_slices_and_rounds_to_size_classes() {
        // Worked out from Go's rule: 3 ints (24 bytes) doubled is 6 (48 bytes, a size class).
        assert_eq!(grown_capacity(3, 4, 8), 6);
        // Appending 5 ints to nil asks for 40 bytes; the 48-byte class holds 6.
        assert_eq!(grown_capacity(0, 5, 8), 6);
        // 3 strings (16 bytes each) doubled is 6: 96 bytes, a size class.
        assert_eq!(grown_capacity(3, 5, 16), 6);
        // One int into nil: 8 bytes, capacity 1.
        assert_eq!(grown_capacity(0, 1, 8), 1);
        // 4 ints doubled: 64 bytes, capacity 8.
        assert_eq!(grown_capacity(4, 5, 8), 8);
    }
}
