//! Default thread names follow CPython 3.11, which numbers only the threads it names itself
//! (expected output recorded with CPython 3.11).

mod common;

use common::output;
use lang::Dialect;

#[test]
fn a_named_thread_does_not_use_up_a_default_number() {
    let src = "import threading\n\ndef work():\n    pass\n\na = threading.Thread(target=work, name=\"first\")\nb = threading.Thread(target=work)\nc = threading.Thread(target=work)\nprint(a.name, b.name, c.name)\n";
    assert_eq!(
        output(Dialect::Python, src),
        vec!["first Thread-1 (work) Thread-2 (work)"]
    );
}
