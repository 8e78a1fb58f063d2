//! Small copyable handles. Each is an index into a table of the program or the world.

use serde::{Deserialize, Serialize};

macro_rules! handle {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub u32);

        impl $name {
            /// The handle as a table index.
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }
    };
}

handle!(
    /// A process address. Pids are handed out in creation order: initial processes first.
    Pid
);
handle!(
    /// A channel made by `MakeChan` or declared as a global.
    ChanId
);
handle!(
    /// A lock (mutex) made by `MakeLock` or declared as a global.
    LockId
);
handle!(
    /// A Go-style WaitGroup.
    WaitGroupId
);
handle!(
    /// A shared map (dict). Its entries are shared memory locations.
    MapId
);
handle!(
    /// A shared cell: one mutable location, e.g. a Go variable captured by reference.
    CellId
);
handle!(
    /// A record (struct) on the heap. Its fields are shared memory locations.
    RecordId
);
handle!(
    /// A function of the program: an index into `Program::functions`.
    FuncId
);
handle!(
    /// A global (shared) variable: an index into `Program::globals`.
    GlobalId
);
handle!(
    /// A local slot of a function frame. Parameters occupy the first slots.
    Local
);
handle!(
    /// A jump target: an instruction index inside the same function.
    Label
);
handle!(
    /// A message sent between actors, numbered in send order.
    MsgId
);
handle!(
    /// A unique reference (`make_ref()`, a monitor's reference), numbered in creation order.
    RefId
);
