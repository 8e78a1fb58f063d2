//! Read-only views of resources and names for the UI and for narration.

use serde::{Deserialize, Serialize};

use crate::ir::{ChanId, LockId, MapId, Pid, Value, WaitGroupId};
use crate::trace::LocalRef;

use super::memory::Location;
use super::World;

/// A channel as the stage draws it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChannelView {
    /// Its name.
    pub name: String,
    /// `Some(0)` unbuffered, `Some(n)` buffered, `None` unbounded.
    pub capacity: Option<usize>,
    /// Buffered values, oldest first.
    pub buffer: Vec<Value>,
    /// Whether it is closed.
    pub closed: bool,
}

/// A lock as the stage draws it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockView {
    /// Its name.
    pub name: String,
    /// Who holds it.
    pub holder: Option<Pid>,
}

/// A WaitGroup as the stage draws it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaitGroupView {
    /// Its name.
    pub name: String,
    /// Its counter.
    pub count: i64,
}

impl World {
    /// Every channel, by id.
    pub fn channels(&self) -> Vec<ChannelView> {
        (0..self.chans.len())
            .filter_map(|i| self.channel(ChanId(i as u32)))
            .collect()
    }

    /// One channel.
    pub fn channel(&self, c: ChanId) -> Option<ChannelView> {
        self.chans.get(c.index()).map(|ch| ChannelView {
            name: ch.name.to_string(),
            capacity: ch.capacity,
            buffer: ch.buf.iter().map(|i| i.value.clone()).collect(),
            closed: ch.closed,
        })
    }

    /// Every lock, by id.
    pub fn locks(&self) -> Vec<LockView> {
        self.locks
            .iter()
            .map(|l| LockView {
                name: l.name.to_string(),
                holder: l.holder,
            })
            .collect()
    }

    /// Every WaitGroup, by id.
    pub fn waitgroups(&self) -> Vec<WaitGroupView> {
        self.wgs
            .iter()
            .map(|w| WaitGroupView {
                name: w.name.to_string(),
                count: w.count,
            })
            .collect()
    }

    /// The name of a channel.
    pub fn chan_name(&self, c: ChanId) -> String {
        self.chans
            .get(c.index())
            .map_or_else(|| format!("chan#{}", c.0), |ch| ch.name.to_string())
    }

    /// The name of a lock.
    pub fn lock_name(&self, l: LockId) -> String {
        self.locks
            .get(l.index())
            .map_or_else(|| format!("lock#{}", l.0), |s| s.name.to_string())
    }

    /// The name of a WaitGroup.
    pub fn waitgroup_name(&self, w: WaitGroupId) -> String {
        self.wgs
            .get(w.index())
            .map_or_else(|| format!("waitgroup#{}", w.0), |s| s.name.to_string())
    }

    /// The name of a map.
    pub fn map_name(&self, m: MapId) -> String {
        self.mem
            .maps
            .get(m.index())
            .map_or_else(|| format!("map#{}", m.0), |map| map.name.to_string())
    }

    /// The name of a shared location: `count`, `x` (a cell), `hits["a"]`, `len(hits)`.
    pub fn location_name(&self, loc: Location) -> String {
        match loc {
            Location::Global(g) => self
                .program
                .globals
                .get(g.index())
                .map_or_else(|| format!("global#{}", g.0), |g| g.name.clone()),
            Location::Cell(c) => self
                .mem
                .cells
                .get(c.index())
                .map_or_else(|| format!("cell#{}", c.0), |(n, _)| n.to_string()),
            Location::Entry(m, e) => match self.mem.maps.get(m.index()) {
                Some(map) => {
                    let key = map
                        .keys
                        .get(e as usize)
                        .map_or_else(|| "?".to_string(), |k| k.repr(self.program.style));
                    format!("{}[{key}]", map.name)
                }
                None => format!("map#{}[?]", m.0),
            },
            Location::Field(r, f) => match self.mem.records.get(r.index()) {
                Some(rec) => {
                    let field = rec.fields.get(f as usize).map_or("?", |n| n.as_str());
                    format!("{}.{field}", rec.name)
                }
                None => format!("record#{}.?", r.0),
            },
            Location::Elem(a, i) => match self.mem.arrays.get(a.index()) {
                Some(arr) => format!("{}[{i}]", arr.name),
                None => format!("array#{}[{i}]", a.0),
            },
            Location::Keys(m) => match self.mem.maps.get(m.index()) {
                Some(map) => format!("len({})", map.name),
                None => format!("len(map#{})", m.0),
            },
        }
    }

    /// The name of a local slot.
    pub fn local_name(&self, r: LocalRef) -> &str {
        self.program
            .function(r.func)
            .and_then(|f| f.locals.get(r.local.index()))
            .map_or("_", |s| s.as_str())
    }
}
