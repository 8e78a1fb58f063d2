//! Actor messages.

use serde::{Deserialize, Serialize};

use crate::detect::VClock;
use crate::ir::{MsgId, Pid, Span, Value};

/// A message between actors, in a mailbox or in flight.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Message {
    /// Its id, in send order.
    pub id: MsgId,
    /// The sender.
    pub from: Pid,
    /// The addressee.
    pub to: Pid,
    /// The content.
    pub value: Value,
    /// Step at which it was sent.
    pub sent_at: u64,
    /// Source of the send.
    pub span: Span,
    /// The sender's clock at the send (empty when race detection is off).
    #[serde(skip)]
    pub(crate) clock: VClock,
    /// Set when this is an exit or `DOWN` signal rather than a message; its reason is
    /// `value`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signal: Option<super::links::Signal>,
}
