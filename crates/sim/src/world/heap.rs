//! Records on the heap (Go structs and pointers to them): allocation, field reads and writes
//! as shared-memory steps, value copies, and Go-style printing of their contents.

use std::fmt::Write as _;

use crate::ir::{Expr, Local, Op, Pid, RecordId, Span, Style, Text, Value};

use super::action::Flow;
use super::eval::{crash, Eval};
use super::memory::{Array, Location, Record};
use super::World;

/// Deep values are cut off here so printing a cyclic structure ends.
const MAX_DEPTH: u32 = 32;

/// Go's wording for a dereference of `nil`.
pub(crate) const NIL_DEREFERENCE: &str = "invalid memory address or nil pointer dereference";

impl World {
    /// Allocates a record; its name comes from the slot it is made in.
    pub(crate) fn alloc_record(
        &mut self,
        name: &str,
        type_name: &str,
        fields: Vec<(Text, Value)>,
    ) -> RecordId {
        let name = self.unique_name(name);
        let (fields, values) = fields.into_iter().unzip();
        self.mem.records.push(Record {
            name,
            type_name: Text::new(type_name),
            fields,
            values,
        });
        RecordId(self.mem.records.len() as u32 - 1)
    }

    fn record_of(&self, pid: Pid, e: &Expr) -> Eval<RecordId> {
        match self.eval_in(pid, e)? {
            Value::Record(r) if r.index() < self.mem.records.len() => Ok(r),
            Value::Unit => crash(NIL_DEREFERENCE),
            other => crash(format!(
                "expected a struct, got {}",
                other.repr(self.program.style)
            )),
        }
    }

    fn field_location(&self, pid: Pid, record: &Expr, field: u32) -> Eval<Location> {
        let r = self.record_of(pid, record)?;
        let count = self
            .mem
            .records
            .get(r.index())
            .map_or(0, |r| r.values.len());
        if field as usize >= count {
            return crash(format!("the struct has no field number {field}"));
        }
        Ok(Location::Field(r, field))
    }

    /// The visible record instructions: field read, field write, copy.
    pub(crate) fn record_step(&mut self, pid: Pid, op: &Op, span: Span) -> Eval<Flow> {
        match op {
            Op::FieldRead { dst, record, field } => {
                let loc = self.field_location(pid, record, *field)?;
                let value = self.mem.load(loc).unwrap_or_default();
                self.shared_read(pid, loc, value, *dst, span, None);
                Ok(Flow::Next)
            }
            Op::FieldWrite {
                record,
                field,
                value,
            } => {
                let loc = self.field_location(pid, record, *field)?;
                let value = self.eval_in(pid, value)?;
                self.shared_write(pid, loc, value, span);
                Ok(Flow::Next)
            }
            Op::CopyRecord { dst, record } => {
                self.copy_record(pid, *dst, record, span)?;
                Ok(Flow::Next)
            }
            _ => Ok(Flow::Next),
        }
    }

    /// Reads every field of the source (each a read the detectors see), then allocates the
    /// copy. Nested structs are copied too, as Go copies a struct value with its struct
    /// fields; the front-end marks pointer fields by keeping them as references.
    fn copy_record(&mut self, pid: Pid, dst: Local, record: &Expr, span: Span) -> Eval<()> {
        let r = self.record_of(pid, record)?;
        let Some(src) = self.mem.records.get(r.index()).cloned() else {
            return crash(NIL_DEREFERENCE);
        };
        let step = self.steps;
        for (i, v) in src.values.iter().enumerate() {
            let loc = Location::Field(r, i as u32);
            self.lost.read(pid, loc, v);
            for f in self.races.read(pid, loc, step, span) {
                self.report(pid, span, f);
            }
        }
        let name = self.slot_name(pid, dst);
        let fields = src.fields.into_iter().zip(src.values).collect();
        let copy = self.alloc_record(&name, &src.type_name, fields);
        self.set_local(pid, dst, Value::Record(copy));
        Ok(())
    }

    /// The type name, field names and current values of a record (for the UI and for
    /// formatting `%v`, `%+v`, `%T`).
    pub fn record_view(&self, r: RecordId) -> Option<(&str, Vec<(&str, &Value)>)> {
        let rec = self.mem.records.get(r.index())?;
        let fields = rec
            .fields
            .iter()
            .map(|t| t.as_str())
            .zip(rec.values.iter())
            .collect();
        Some((rec.type_name.as_str(), fields))
    }
}

/// Renders a value whose records are shown with their fields, Go-style: `{1 2}`, or
/// `{A:1 B:2}` with `names` (`%+v`). Lists and tuples inside are rendered the same way.
pub(crate) fn render(
    records: &[Record],
    arrays: &[Array],
    v: &Value,
    style: Style,
    names: bool,
) -> String {
    let mut out = String::new();
    let heap = HeapView {
        records,
        arrays,
        quoted: false,
    };
    render_into(&mut out, &heap, v, style, names, false, 0);
    out
}

/// Renders a value as Go's `%q` does: like [`render`], with every string inside quoted
/// (`["tusk" "mane"]`).
pub(crate) fn render_quoted(
    records: &[Record],
    arrays: &[Array],
    v: &Value,
    style: Style,
) -> String {
    let mut out = String::new();
    let heap = HeapView {
        records,
        arrays,
        quoted: true,
    };
    render_into(&mut out, &heap, v, style, false, false, 0);
    out
}

/// What printing a value can look into: records and slices' backing arrays.
struct HeapView<'a> {
    records: &'a [Record],
    arrays: &'a [Array],
    /// Strings are quoted wherever they are (`%q`).
    quoted: bool,
}

fn render_into(
    out: &mut String,
    heap: &HeapView<'_>,
    v: &Value,
    style: Style,
    names: bool,
    nested: bool,
    depth: u32,
) {
    if depth > MAX_DEPTH {
        out.push('…');
        return;
    }
    match v {
        Value::Slice(sl) => {
            out.push('[');
            let items = sl
                .array
                .and_then(|a| heap.arrays.get(a.index()))
                .map(|a| {
                    let start = (sl.offset as usize).min(a.items.len());
                    let end = (start + sl.len as usize).min(a.items.len());
                    &a.items[start..end]
                })
                .unwrap_or(&[]);
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                render_into(out, heap, item, style, names, true, depth + 1);
            }
            out.push(']');
        }
        Value::Record(r) => match heap.records.get(r.index()) {
            Some(rec) => {
                // A pointer inside another value prints as an address in Go; a record
                // reference here is the front-end's struct value, shown by content.
                out.push('{');
                for (i, (f, fv)) in rec.fields.iter().zip(&rec.values).enumerate() {
                    if i > 0 {
                        out.push(' ');
                    }
                    if names {
                        let _ = write!(out, "{f}:");
                    }
                    render_into(out, heap, fv, style, names, true, depth + 1);
                }
                out.push('}');
            }
            None => out.push_str(&v.show(style)),
        },
        Value::List(items) | Value::Tuple(items) if style == Style::Go => {
            let (open, close) = if matches!(v, Value::List(_)) {
                ("[", "]")
            } else {
                ("{", "}")
            };
            out.push_str(open);
            for (i, item) in items.items().iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                render_into(out, heap, item, style, names, true, depth + 1);
            }
            out.push_str(close);
        }
        other if heap.quoted || (nested && style != Style::Go) => out.push_str(&other.repr(style)),
        other => out.push_str(&other.show(style)),
    }
}

/// Whether a value holds a record anywhere inside (only then is the heap needed to print it).
pub(crate) fn holds_record(v: &Value) -> bool {
    match v {
        Value::Record(_) | Value::Slice(_) => true,
        Value::List(s) | Value::Tuple(s) => s.items().iter().any(holds_record),
        _ => false,
    }
}
