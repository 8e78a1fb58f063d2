//! Printing a whole map, as Go's `fmt` prints one: `map[k:v k:v]` with the keys sorted.
//! Printing reads every entry, so it is one step the detectors see as a read of the map's
//! key set and of each entry (a print racing with a write is a race, as in Go).

use crate::ir::{Expr, Local, Pid, Span, Style, Value};

use super::action::Flow;
use super::eval::Eval;
use super::memory::Location;
use super::World;

impl World {
    /// `dst = ` the Go text of the map `map`, in one visible step.
    pub(crate) fn map_show(&mut self, pid: Pid, dst: Local, map: &Expr, span: Span) -> Eval<Flow> {
        // A nil map prints as an empty one and reads nothing.
        if self.eval_in(pid, map)? == Value::Unit {
            self.set_local(pid, dst, Value::str("map[]"));
            return Ok(Flow::Next);
        }
        let m = self.map_of(pid, map)?;
        let mut entries: Vec<(u32, Value, Value)> = self
            .mem
            .maps
            .get(m.index())
            .map(|map| {
                map.keys
                    .iter()
                    .zip(&map.values)
                    .enumerate()
                    .filter_map(|(i, (k, v))| Some((i as u32, k.clone(), v.clone()?)))
                    .collect()
            })
            .unwrap_or_default();
        // fmt sorts the keys: numbers by value, strings byte by byte, false before true.
        entries.sort_by(|a, b| a.1.cmp(&b.1));
        let step = self.steps;
        let mut text = String::from("map[");
        for (n, (entry, key, value)) in entries.iter().enumerate() {
            let loc = Location::Entry(m, *entry);
            self.lost.read(pid, loc, value);
            for f in self.races.read(pid, loc, step, span) {
                self.report(pid, span, f);
            }
            if n > 0 {
                text.push(' ');
            }
            let shown = |v: &Value| {
                super::heap::render(&self.mem.records, &self.mem.arrays, v, Style::Go, false)
            };
            text.push_str(&shown(key));
            text.push(':');
            text.push_str(&shown(value));
        }
        text.push(']');
        self.shared_read(pid, Location::Keys(m), Value::str(&text), dst, span, None);
        Ok(Flow::Next)
    }
}
