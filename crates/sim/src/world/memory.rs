//! Shared memory: globals, cells and map entries, each a [`Location`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::ir::{ArrayId, CellId, GlobalId, MapId, RecordId, Text, Value};

/// A shared memory location: what the race and lost-update detectors track.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Location {
    /// A global variable.
    Global(GlobalId),
    /// A cell (a variable captured by reference).
    Cell(CellId),
    /// Entry number `1` of map `0` (entries are numbered by first insertion).
    Entry(MapId, u32),
    /// The set of keys of a map: what `len(m)` reads and writing a new key changes.
    Keys(MapId),
    /// Field number `1` of record `0`.
    Field(RecordId, u32),
    /// Element number `1` of backing array `0` (a Go slice's storage).
    Elem(ArrayId, u32),
}

/// A slice's backing array: the elements, each a shared location.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub(crate) struct Array {
    /// The name it was made under (the variable), for narration: `cars[2]`.
    pub(crate) name: Text,
    pub(crate) items: Vec<Value>,
}

/// A record on the heap: a struct's fields by declaration order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub(crate) struct Record {
    /// The name it was made under (the variable), for narration.
    pub(crate) name: Text,
    /// Its type's name.
    pub(crate) type_name: Text,
    pub(crate) fields: Vec<Text>,
    pub(crate) values: Vec<Value>,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct SharedMap {
    pub(crate) name: Text,
    pub(crate) keys: Vec<Value>,
    pub(crate) values: Vec<Option<Value>>,
    pub(crate) index: BTreeMap<Value, u32>,
}

impl SharedMap {
    /// The number of keys that hold a value (entries made by a read of a missing key do not
    /// count).
    pub(crate) fn len(&self) -> usize {
        self.values.iter().filter(|v| v.is_some()).count()
    }

    pub(crate) fn entry(&mut self, key: &Value) -> u32 {
        if let Some(i) = self.index.get(key) {
            return *i;
        }
        let i = self.keys.len() as u32;
        self.keys.push(key.clone());
        self.values.push(None);
        self.index.insert(key.clone(), i);
        i
    }
}

#[derive(Clone, Debug, Default)]
pub(crate) struct Memory {
    pub(crate) globals: Vec<Value>,
    pub(crate) cells: Vec<(Text, Value)>,
    pub(crate) maps: Vec<SharedMap>,
    pub(crate) records: Vec<Record>,
    pub(crate) arrays: Vec<Array>,
    /// Thread objects made without a `name=`, which CPython numbers `Thread-N` in order.
    /// Derived from `records` (records are never freed), so fingerprints need not hash it;
    /// kept so naming a thread costs O(1) instead of a scan of every record.
    pub(crate) unnamed_threads: u32,
}

impl Memory {
    pub(crate) fn load(&self, loc: Location) -> Option<Value> {
        match loc {
            Location::Global(g) => self.globals.get(g.index()).cloned(),
            Location::Cell(c) => self.cells.get(c.index()).map(|(_, v)| v.clone()),
            Location::Entry(m, e) => self
                .maps
                .get(m.index())
                .and_then(|m| m.values.get(e as usize).cloned().flatten()),
            Location::Keys(m) => self
                .maps
                .get(m.index())
                .map(|m| Value::Int(i64::try_from(m.len()).unwrap_or(i64::MAX))),
            Location::Field(r, f) => self
                .records
                .get(r.index())
                .and_then(|r| r.values.get(f as usize).cloned()),
            Location::Elem(a, i) => self
                .arrays
                .get(a.index())
                .and_then(|a| a.items.get(i as usize).cloned()),
        }
    }

    /// Stores and returns the previous value (`Unit` when the entry was missing).
    pub(crate) fn store(&mut self, loc: Location, value: Value) -> Value {
        let slot = match loc {
            Location::Global(g) => self.globals.get_mut(g.index()),
            Location::Cell(c) => self.cells.get_mut(c.index()).map(|(_, v)| v),
            Location::Entry(m, e) => {
                let Some(map) = self.maps.get_mut(m.index()) else {
                    return Value::Unit;
                };
                let Some(slot) = map.values.get_mut(e as usize) else {
                    return Value::Unit;
                };
                return slot.replace(value).unwrap_or_default();
            }
            Location::Field(r, f) => self
                .records
                .get_mut(r.index())
                .and_then(|r| r.values.get_mut(f as usize)),
            Location::Elem(a, i) => self
                .arrays
                .get_mut(a.index())
                .and_then(|a| a.items.get_mut(i as usize)),
            // The key set changes only through entries.
            Location::Keys(_) => return Value::Unit,
        };
        match slot {
            Some(slot) => std::mem::replace(slot, value),
            None => Value::Unit,
        }
    }
}
