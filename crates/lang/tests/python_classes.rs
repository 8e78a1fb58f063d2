//! Python classes through the real simulator: objects are shared memory, and each attribute
//! read and write is a step the race detector sees. Expected outputs are what CPython 3.11
//! prints for the same programs (the lost-update outcomes are worked out by hand: two
//! threads each adding 1 twice to an unprotected attribute can end at 2, 3 or 4).

mod common;

use common::*;
use lang::Dialect::Python;

const ACCOUNT: &str = "\
import threading

class Account:
    def __init__(self, owner):
        self.owner = owner
        self.balance = 0

    def deposit(self, amount):
        self.balance += amount

    def report(self):
        return f\"{self.owner}: {self.balance}\"

acct = Account(\"Ines\")

def pay(times):
    for _ in range(times):
        acct.deposit(1)

ts = [threading.Thread(target=pay, args=(2,)) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(acct.report())
";

#[test]
fn an_unprotected_attribute_update_races_and_can_lose_updates() {
    let report = explore_all(&program(Python, ACCOUNT), 200_000);
    assert!(report.complete);
    let outputs: std::collections::BTreeSet<String> = report
        .classes
        .iter()
        .map(|c| c.outcome.output.iter().map(|t| t.to_string()).collect())
        .collect();
    assert!(outputs.contains("Ines: 4"), "{outputs:?}");
    assert!(outputs.contains("Ines: 2"), "{outputs:?}");
    assert!(report.classes.iter().any(|c| c.outcome.race));
}

#[test]
fn a_lock_held_in_the_object_protects_its_attribute() {
    let locked = ACCOUNT
        .replace(
            "        self.balance = 0\n",
            "        self.balance = 0\n        self.lock = threading.Lock()\n",
        )
        .replace(
            "        self.balance += amount",
            "        with self.lock:\n            self.balance += amount",
        );
    let report = explore_all(&program(Python, &locked), 200_000);
    assert!(report.complete);
    for c in &report.classes {
        assert!(!c.outcome.race);
        let out: Vec<String> = c.outcome.output.iter().map(|t| t.to_string()).collect();
        assert_eq!(out, vec!["Ines: 4"]);
    }
}

#[test]
fn attribute_reads_and_writes_are_visible_steps() {
    let w = run_seeded(&program(Python, ACCOUNT), 0);
    assert_finished(&w, ACCOUNT);
    let story: Vec<String> = w.trace().iter().map(|e| e.narrate(&w)).collect();
    assert!(
        story.iter().any(|l| l.contains("reads acct['balance']")),
        "{story:#?}"
    );
    assert!(
        story.iter().any(|l| l.contains("writes acct['balance']")),
        "{story:#?}"
    );
}
