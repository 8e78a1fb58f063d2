//! Reading a channel's fill level or capacity (Go `len(ch)`, `cap(ch)`).

use serde::{Deserialize, Serialize};

use super::expr::Expr;
use super::ids::Local;

/// `dst = len(chan)` (values waiting in the buffer) or, with `capacity`, `dst = cap(chan)`
/// (0 for an unbuffered channel). A visible step: the fill level changes as other processes
/// send and receive, so reading it is an interleaving point.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChanFill {
    /// Where the number goes.
    pub dst: Local,
    /// The channel.
    pub chan: Expr,
    /// Read the capacity instead of the number of buffered values.
    pub capacity: bool,
}
