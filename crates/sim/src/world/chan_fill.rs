//! The step that reads a channel's fill level or capacity (`len(ch)`, `cap(ch)`).

use crate::ir::{ChanFill, Pid, Span, Value};
use crate::trace::EventKind;

use super::action::Flow;
use super::eval::Eval;
use super::World;

impl World {
    /// Writes the number of buffered values (or the capacity) of the channel to `dst`.
    /// An unbounded queue has no capacity limit; `cap` of one gives -1.
    pub(crate) fn chan_fill_step(&mut self, pid: Pid, op: &ChanFill, span: Span) -> Eval<Flow> {
        let v = self.eval_in(pid, &op.chan)?;
        let c = self.chan_of(v)?;
        let Some(ch) = self.chans.get(c.index()) else {
            return Ok(Flow::Stay);
        };
        let n = if op.capacity {
            ch.capacity.map_or(-1, |k| k as i64)
        } else {
            ch.buf.len() as i64
        };
        let value = Value::Int(n);
        self.set_local(pid, op.dst, value.clone());
        let local = self.local_ref(pid, op.dst);
        self.emit(pid, span, EventKind::Compute { local, value });
        Ok(Flow::Next)
    }
}
