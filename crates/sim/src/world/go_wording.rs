//! Go's own wording for the run-time faults the simulator reports, so a Go program's crash
//! can be shown next to what `go run` prints.

use super::WorldStatus;

/// What Go prints when every goroutine is blocked.
pub const GO_DEADLOCK: &str = "fatal error: all goroutines are asleep - deadlock!";

/// Go's message for a crash reason of ours, when Go has one: `panic: send on closed channel`,
/// `fatal error: sync: unlock of unlocked mutex`, `panic: sync: negative WaitGroup counter`,
/// `panic: runtime error: index out of range [5] with length 3`, and so on.
pub fn go_message(reason: &str) -> Option<String> {
    if reason.starts_with("send on closed channel") {
        return Some("panic: send on closed channel".into());
    }
    if reason.starts_with("close of closed channel") {
        return Some("panic: close of closed channel".into());
    }
    if reason.starts_with("release of lock") && reason.ends_with("which is not locked") {
        return Some("fatal error: sync: unlock of unlocked mutex".into());
    }
    if reason == "sync: negative WaitGroup counter" {
        return Some("panic: sync: negative WaitGroup counter".into());
    }
    if reason == super::heap::NIL_DEREFERENCE {
        return Some(format!("panic: runtime error: {reason}"));
    }
    if reason.starts_with("runtime error: ") {
        return Some(format!("panic: {reason}"));
    }
    if reason.starts_with("non-positive interval for NewTicker") {
        return Some("panic: non-positive interval for NewTicker".into());
    }
    if reason.starts_with("division by zero") {
        return Some("panic: runtime error: integer divide by zero".into());
    }
    if reason.starts_with("expected a map, got") && reason.ends_with("<nil>") {
        return Some("panic: assignment to entry in nil map".into());
    }
    // "index 5 out of range for a list of 3 elements"
    let rest = reason.strip_prefix("index ")?;
    let (index, rest) = rest.split_once(" out of range for a ")?;
    let length = rest.split_whitespace().nth(2)?;
    Some(format!(
        "panic: runtime error: index out of range [{index}] with length {length}"
    ))
}

/// Go's message for how a run ended, when Go prints one (a deadlock).
pub fn go_status_message(status: &WorldStatus) -> Option<&'static str> {
    match status {
        WorldStatus::Deadlock => Some(GO_DEADLOCK),
        _ => None,
    }
}
