//! The student's saved progress: answers, scores, lessons done and the last position in
//! a quiz run, kept as JSON under one versioned key.
//!
//! [`Progress`] is the data and its rules; [`ProgressStore`] loads and saves it through
//! any [`KeyValue`] storage. The browser's `localStorage` adapter lives with the quiz
//! components; here everything is plain, so loading corrupt, foreign or old data and
//! surviving a storage that throws are tested natively.
//!
//! Two tabs share one storage. Every save reads what is stored first and merges it
//! with this tab's copy (see [`crate::model::progress_merge`]), and [`ProgressStore::sync`]
//! takes in what another tab saved, so neither tab's answers are lost.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::model::progress_merge::merge;
use crate::model::quiz::clip;
use crate::model::quiz_run::QuizRun;

/// The storage key. The version is in the key, so a future format can live beside this
/// one instead of misreading it.
pub const STORAGE_KEY: &str = "switchboard.progress.v1";

/// The format version written in the data itself.
pub const VERSION: u64 = 1;

/// Most answers kept; more than the course could ever have means the data is not ours.
const MAX_ANSWERS: usize = 5_000;

/// Scores kept, newest last.
pub(crate) const MAX_SCORES: usize = 50;

/// Longest key, lesson id or student id accepted from storage.
const MAX_ID_CHARS: usize = 200;

/// What the student has done so far.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// The format version, [`VERSION`].
    pub version: u64,
    /// A random id made once per browser; it keys the stable shuffle of choices.
    pub student: String,
    /// The latest answer to each question, by `lesson-id/question-id`.
    pub answers: BTreeMap<String, AnswerRecord>,
    /// Finished quiz runs, oldest first.
    pub scores: Vec<ScoreRecord>,
    /// Ids of the lessons the student has finished.
    pub lessons_done: BTreeSet<String>,
    /// The quiz run in progress, to resume after a reload.
    pub last: Option<QuizRun>,
}

/// The latest answer to one question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerRecord {
    /// Whether it was right.
    pub correct: bool,
    /// What the student gave: the picked choices, the typed text or the schedule played.
    pub given: Vec<String>,
    /// How many times the question has been answered.
    pub tries: u32,
}

/// The score of one finished quiz run.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreRecord {
    /// Which questions the run asked (`all`, `lesson:ID`, `wrong`, `retry`).
    pub scope: String,
    /// Right answers.
    pub right: u32,
    /// Questions asked.
    pub total: u32,
}

impl Progress {
    /// Progress with nothing done yet.
    pub fn fresh(student: String) -> Progress {
        Progress {
            version: VERSION,
            student,
            answers: BTreeMap::new(),
            scores: Vec::new(),
            lessons_done: BTreeSet::new(),
            last: None,
        }
    }

    /// The JSON written to storage.
    pub fn to_json(&self) -> String {
        // Serializing plain maps, vectors and strings cannot fail; an empty object is a
        // safe fallback that reads back as "foreign data, reset".
        serde_json::to_string(self).unwrap_or_else(|_| "{}".to_string())
    }

    /// Reads saved progress. Whatever cannot be read is reset and reported in the
    /// [`Repair`]; the rest is kept. `new_student` makes an id when there is none.
    pub fn from_json(
        text: &str,
        new_student: impl FnOnce() -> String,
    ) -> (Progress, Option<Repair>) {
        let value: Value = match serde_json::from_str(text) {
            Ok(value) => value,
            Err(_) => return (Progress::fresh(new_student()), Some(Repair::Unreadable)),
        };
        let Value::Object(object) = value else {
            return (Progress::fresh(new_student()), Some(Repair::Foreign));
        };
        match object.get("version").and_then(Value::as_u64) {
            Some(VERSION) => {}
            Some(other) => {
                return (
                    Progress::fresh(new_student()),
                    Some(Repair::OtherVersion(other)),
                )
            }
            None => return (Progress::fresh(new_student()), Some(Repair::Foreign)),
        }
        let mut reset = Vec::new();
        let student = match object.get("student").and_then(Value::as_str) {
            Some(id) if is_student_id(id) => id.to_string(),
            _ => {
                reset.push("your choice order");
                new_student()
            }
        };
        let mut progress = Progress::fresh(student);
        progress.answers = read_answers(&object, &mut reset);
        progress.scores = read_list(&object, "scores", "scores", &mut reset, |v| {
            serde_json::from_value::<ScoreRecord>(v.clone())
                .ok()
                .filter(|s| s.right <= s.total && s.scope.len() <= MAX_ID_CHARS)
        });
        let excess = progress.scores.len().saturating_sub(MAX_SCORES);
        progress.scores.drain(..excess);
        progress.lessons_done =
            read_list(&object, "lessons_done", "lessons done", &mut reset, |v| {
                v.as_str().filter(|id| is_id(id)).map(str::to_string)
            })
            .into_iter()
            .collect();
        progress.last = match object.get("last") {
            None | Some(Value::Null) => None,
            Some(v) => match serde_json::from_value::<QuizRun>(v.clone()) {
                Ok(run) if run.keys.iter().all(|k| is_id(k)) && run.keys.len() <= MAX_ANSWERS => {
                    Some(run)
                }
                _ => {
                    reset.push("your place in the quiz");
                    None
                }
            },
        };
        let repair = (!reset.is_empty()).then_some(Repair::Parts(reset));
        (progress, repair)
    }

    /// The latest answer to a question.
    pub fn answer(&self, key: &str) -> Option<&AnswerRecord> {
        self.answers.get(key)
    }

    /// True when the latest answer to a question was wrong.
    pub fn is_wrong(&self, key: &str) -> bool {
        self.answer(key).is_some_and(|a| !a.correct)
    }

    /// Records an answer, replacing the previous one and counting the try.
    pub fn record_answer(&mut self, key: &str, correct: bool, given: Vec<String>) {
        let tries = self.answer(key).map_or(0, |a| a.tries).saturating_add(1);
        let given = given.iter().map(|g| clip(g)).collect();
        self.answers.insert(
            key.to_string(),
            AnswerRecord {
                correct,
                given,
                tries,
            },
        );
    }

    /// Marks a lesson done once every one of its questions has an answer. Returns true
    /// when this call marked it.
    pub fn note_answered(&mut self, lesson: &str, keys: &[String]) -> bool {
        if keys.is_empty() || !keys.iter().all(|k| self.answers.contains_key(k)) {
            return false;
        }
        self.lessons_done.insert(lesson.to_string())
    }

    /// Marks a lesson done or not done by hand.
    pub fn set_done(&mut self, lesson: &str, done: bool) {
        if done {
            self.lessons_done.insert(lesson.to_string());
        } else {
            self.lessons_done.remove(lesson);
        }
    }

    /// Whether a lesson is done.
    pub fn is_done(&self, lesson: &str) -> bool {
        self.lessons_done.contains(lesson)
    }

    /// Records a finished run's score.
    pub fn record_score(&mut self, scope: &str, right: usize, total: usize) {
        self.scores.push(ScoreRecord {
            scope: scope.to_string(),
            right: right as u32,
            total: total as u32,
        });
        let excess = self.scores.len().saturating_sub(MAX_SCORES);
        self.scores.drain(..excess);
    }

    /// The latest score for a scope.
    pub fn last_score(&self, scope: &str) -> Option<&ScoreRecord> {
        self.scores.iter().rev().find(|s| s.scope == scope)
    }

    /// Forgets everything but the student id (so choices keep their order).
    pub fn reset(&mut self) {
        *self = Progress::fresh(std::mem::take(&mut self.student));
    }
}

/// Reads the `answers` object, entry by entry, keeping every entry that makes sense.
fn read_answers(
    object: &Map<String, Value>,
    reset: &mut Vec<&'static str>,
) -> BTreeMap<String, AnswerRecord> {
    let mut out = BTreeMap::new();
    let Some(Value::Object(answers)) = object.get("answers") else {
        reset.push("answers");
        return out;
    };
    let mut bad = answers.len() > MAX_ANSWERS;
    for (key, value) in answers.iter().take(MAX_ANSWERS) {
        match serde_json::from_value::<AnswerRecord>(value.clone()) {
            Ok(mut record) if is_key(key) && record.tries > 0 => {
                record.given = record.given.iter().take(64).map(|g| clip(g)).collect();
                out.insert(key.clone(), record);
            }
            _ => bad = true,
        }
    }
    if bad {
        reset.push("answers");
    }
    out
}

/// Reads an array field item by item; a missing field or a bad item resets that part.
fn read_list<T>(
    object: &Map<String, Value>,
    field: &str,
    part: &'static str,
    reset: &mut Vec<&'static str>,
    item: impl Fn(&Value) -> Option<T>,
) -> Vec<T> {
    let Some(Value::Array(values)) = object.get(field) else {
        reset.push(part);
        return Vec::new();
    };
    let out: Vec<T> = values.iter().take(MAX_ANSWERS).filter_map(item).collect();
    if out.len() != values.len() {
        reset.push(part);
    }
    out
}

/// A lesson id or question key as the course writes them.
fn is_id(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= MAX_ID_CHARS
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '/'))
}

/// `lesson-id/question-id`.
fn is_key(text: &str) -> bool {
    is_id(text) && text.split('/').count() == 2 && !text.starts_with('/') && !text.ends_with('/')
}

fn is_student_id(text: &str) -> bool {
    !text.is_empty() && text.len() <= 64 && text.chars().all(|c| c.is_ascii_alphanumeric())
}

/// What had to be reset while loading saved progress.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Repair {
    /// The text under the key is not JSON.
    Unreadable,
    /// JSON, but not Switchboard's progress.
    Foreign,
    /// Progress written by another version of the format.
    OtherVersion(u64),
    /// These parts could not be read; the rest was kept.
    Parts(Vec<&'static str>),
}

impl Repair {
    /// The one-line notice shown to the student.
    pub fn notice(&self) -> String {
        match self {
            Repair::Unreadable | Repair::Foreign => {
                "Your saved progress could not be read, so it was reset.".to_string()
            }
            Repair::OtherVersion(v) => format!(
                "Your saved progress was written by another version of Switchboard (format {v}), so it was reset."
            ),
            Repair::Parts(parts) => format!(
                "Part of your saved progress ({}) could not be read and was reset; the rest is kept.",
                parts.join(", ")
            ),
        }
    }
}

/// A string store, such as the browser's `localStorage`. Errors are messages: a store
/// may refuse to read (storage turned off) or to write (storage full).
pub trait KeyValue {
    /// The text under `key`, if any.
    fn get(&self, key: &str) -> Result<Option<String>, String>;
    /// Stores `value` under `key`.
    fn set(&self, key: &str, value: &str) -> Result<(), String>;
}

/// Whether changes reach storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Saving {
    /// The latest change is saved.
    Saved,
    /// Changes stay in this page only; the text says why.
    Unsaved(String),
}

/// Progress with the storage it is loaded from and saved to.
#[derive(Debug)]
pub struct ProgressStore<S> {
    storage: Option<S>,
    progress: Progress,
    /// What this tab last read from or wrote to storage: the common ancestor when
    /// merging another tab's progress.
    base: Progress,
    notice: Option<String>,
    saving: Saving,
}

impl<S: KeyValue> ProgressStore<S> {
    /// Loads progress from `storage` (`None`: the browser has none). Never fails: bad
    /// data is repaired with a notice, and a store that cannot be read or written leaves
    /// progress working in memory.
    pub fn open(storage: Option<S>, new_student: impl FnOnce() -> String) -> ProgressStore<S> {
        let loaded = match &storage {
            None => Err("this browser offers no storage".to_string()),
            Some(s) => s.get(STORAGE_KEY),
        };
        let (progress, repair, readable) = match loaded {
            Ok(Some(text)) => {
                let (progress, repair) = Progress::from_json(&text, new_student);
                (progress, repair, true)
            }
            Ok(None) => (Progress::fresh(new_student()), None, true),
            Err(_) => (Progress::fresh(new_student()), None, false),
        };
        let mut store = ProgressStore {
            storage,
            base: progress.clone(),
            progress,
            notice: repair.as_ref().map(Repair::notice),
            saving: Saving::Saved,
        };
        if readable {
            // Write straight away: a repaired copy replaces the bad one, and a new student
            // id is kept so the choice order stays put.
            store.save();
        } else {
            store.saving = Saving::Unsaved(unsaved_text());
        }
        store
    }

    /// The progress.
    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// Changes the progress and saves it.
    pub fn update(&mut self, change: impl FnOnce(&mut Progress)) {
        change(&mut self.progress);
        self.save();
    }

    /// Forgets the student's progress and saves that.
    pub fn reset(&mut self) {
        self.update(Progress::reset);
    }

    /// The one-line notice about repaired data, until dismissed.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    /// Hides the notice.
    pub fn dismiss_notice(&mut self) {
        self.notice = None;
    }

    /// Whether changes are being saved.
    pub fn saving(&self) -> &Saving {
        &self.saving
    }

    /// Takes in progress another tab saved (the browser's `storage` event says when).
    /// Returns true when this tab's progress changed. Stored text that cannot be read
    /// cleanly is left alone: this tab's next save replaces it.
    pub fn sync(&mut self) -> bool {
        let Some(theirs) = self.stored() else {
            return false;
        };
        let merged = merge(&self.base, &self.progress, &theirs);
        let changed = merged != self.progress;
        let behind = merged != theirs;
        self.progress = merged;
        self.base = theirs;
        if behind {
            // This tab had changes the storage lacks (an earlier save failed).
            self.save();
        }
        changed
    }

    /// The progress in storage now, when it reads without repairs.
    fn stored(&self) -> Option<Progress> {
        let text = self.storage.as_ref()?.get(STORAGE_KEY).ok()??;
        match Progress::from_json(&text, String::new) {
            (progress, None) => Some(progress),
            _ => None,
        }
    }

    /// Writes the progress, merged first with whatever another tab saved since this
    /// one last read. A failure keeps everything in memory and is tried again at the
    /// next change (the storage may have room by then).
    fn save(&mut self) {
        if let Some(theirs) = self.stored() {
            self.progress = merge(&self.base, &self.progress, &theirs);
        }
        let Some(storage) = &self.storage else {
            self.saving = Saving::Unsaved(unsaved_text());
            return;
        };
        self.saving = match storage.set(STORAGE_KEY, &self.progress.to_json()) {
            Ok(()) => {
                self.base = self.progress.clone();
                Saving::Saved
            }
            Err(_) => Saving::Unsaved(unsaved_text()),
        };
    }
}

fn unsaved_text() -> String {
    "Your progress cannot be saved in this browser (storage is full or turned off). The quiz still works; answers count for this visit only.".to_string()
}

/// A store in memory that can be told to fail, for tests.
#[derive(Debug, Default)]
pub struct MemoryStore {
    /// The stored texts.
    pub items: std::cell::RefCell<BTreeMap<String, String>>,
    /// When set, reads fail with this message.
    pub fail_reads: Option<String>,
    /// When set, writes fail with this message.
    pub fail_writes: std::cell::Cell<bool>,
}

impl KeyValue for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, String> {
        match &self.fail_reads {
            Some(why) => Err(why.clone()),
            None => Ok(self.items.borrow().get(key).cloned()),
        }
    }

    fn set(&self, key: &str, value: &str) -> Result<(), String> {
        if self.fail_writes.get() {
            return Err("QuotaExceededError".to_string());
        }
        self.items
            .borrow_mut()
            .insert(key.to_string(), value.to_string());
        Ok(())
    }
}

impl<S: KeyValue> KeyValue for &S {
    fn get(&self, key: &str) -> Result<Option<String>, String> {
        (*self).get(key)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), String> {
        (*self).set(key, value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::quiz_run::Scope;

    fn id() -> String {
        "abc123".to_string()
    }

    fn sample() -> Progress {
        let mut p = Progress::fresh("s1".to_string());
        p.record_answer("shared-memory/racy-round-robin", true, vec!["1".into()]);
        p.record_answer("actors/send-returns", false, vec!["reply".into()]);
        p.record_answer("actors/send-returns", false, vec!["answer".into()]);
        p.record_score("all", 20, 38);
        p.set_done("cheat-sheet", true);
        p.last = Some(QuizRun::new(
            &Scope::All,
            vec!["actors/send-returns".into()],
        ));
        p
    }

    #[test]
    fn progress_round_trips_through_json() {
        let p = sample();
        let (back, repair) = Progress::from_json(&p.to_json(), id);
        assert_eq!(repair, None);
        assert_eq!(back, p);
        assert_eq!(back.answer("actors/send-returns").map(|a| a.tries), Some(2));
        assert!(back.is_wrong("actors/send-returns"));
        assert!(!back.is_wrong("shared-memory/racy-round-robin"));
    }

    #[test]
    fn unreadable_foreign_and_other_version_data_is_reset_with_a_notice() {
        for (text, repair) in [
            ("{not json", Repair::Unreadable),
            ("", Repair::Unreadable),
            ("[1,2,3]", Repair::Foreign),
            ("\"hello\"", Repair::Foreign),
            ("{\"theme\":\"dark\"}", Repair::Foreign),
            ("{\"version\":\"1\"}", Repair::Foreign),
            ("{\"version\":2,\"answers\":{}}", Repair::OtherVersion(2)),
        ] {
            let (p, got) = Progress::from_json(text, id);
            assert_eq!(got, Some(repair), "{text}");
            assert_eq!(p, Progress::fresh(id()), "{text}");
            assert!(!got.unwrap().notice().is_empty());
        }
    }

    #[test]
    fn a_bad_part_is_reset_and_the_rest_kept() {
        let mut json: Value = serde_json::from_str(&sample().to_json()).unwrap();
        json["answers"]["actors/send-returns"] = Value::String("garbage".into());
        json["scores"] = Value::from(7);
        let (p, repair) = Progress::from_json(&json.to_string(), id);
        assert_eq!(repair, Some(Repair::Parts(vec!["answers", "scores"])));
        assert!(
            p.answer("shared-memory/racy-round-robin").is_some(),
            "good answers kept"
        );
        assert!(
            p.answer("actors/send-returns").is_none(),
            "the bad one dropped"
        );
        assert!(p.scores.is_empty());
        assert!(p.is_done("cheat-sheet"), "lessons done kept");
        assert!(p.last.is_some(), "last position kept");
        assert_eq!(p.student, "s1");
        assert!(repair.unwrap().notice().contains("answers, scores"));
    }

    #[test]
    fn odd_keys_ids_and_counts_are_refused() {
        let mut json: Value = serde_json::from_str(&sample().to_json()).unwrap();
        json["answers"]["<script>"] = json["answers"]["actors/send-returns"].clone();
        json["answers"]["a/b"]["tries"] = Value::from(0);
        json["student"] = Value::from("not an id!");
        json["lessons_done"] = serde_json::json!(["ok-id", 5, "../x"]);
        json["last"] = serde_json::json!({"scope": 1});
        let (p, repair) = Progress::from_json(&json.to_string(), id);
        let Some(Repair::Parts(parts)) = repair else {
            panic!("parts were reset: {repair:?}");
        };
        assert_eq!(
            parts,
            [
                "your choice order",
                "answers",
                "lessons done",
                "your place in the quiz"
            ]
        );
        assert_eq!(p.student, "abc123");
        assert_eq!(p.answers.len(), 2);
        assert_eq!(p.lessons_done.iter().collect::<Vec<_>>(), ["ok-id"]);
        assert_eq!(p.last, None);
    }

    #[test]
    fn a_lesson_is_done_once_all_its_questions_are_answered() {
        let mut p = Progress::fresh(id());
        let keys = vec!["l/a".to_string(), "l/b".to_string()];
        p.record_answer("l/a", true, vec![]);
        assert!(!p.note_answered("l", &keys));
        p.record_answer("l/b", false, vec![]);
        assert!(p.note_answered("l", &keys), "answered, right or wrong");
        assert!(p.is_done("l"));
        assert!(!p.note_answered("l", &keys), "already done");
        assert!(
            !p.note_answered("empty", &[]),
            "no questions: mark it by hand"
        );
        p.set_done("l", false);
        assert!(!p.is_done("l"));
    }

    #[test]
    fn scores_keep_the_latest_fifty() {
        let mut p = Progress::fresh(id());
        for i in 0..60 {
            p.record_score("all", i, 60);
        }
        assert_eq!(p.scores.len(), MAX_SCORES);
        assert_eq!(p.last_score("all").map(|s| s.right), Some(59));
        assert_eq!(p.last_score("wrong"), None);
    }

    #[test]
    fn reset_keeps_only_the_student_id() {
        let mut p = sample();
        p.reset();
        assert_eq!(p, Progress::fresh("s1".to_string()));
    }

    #[test]
    fn the_store_saves_on_open_and_on_every_change() {
        let storage = MemoryStore::default();
        let mut store = ProgressStore::open(Some(&storage), id);
        assert_eq!(store.saving(), &Saving::Saved);
        assert!(
            storage.items.borrow().contains_key(STORAGE_KEY),
            "the new id is kept"
        );
        store.update(|p| p.record_answer("l/q", true, vec!["x".into()]));
        let reopened = ProgressStore::open(Some(&storage), || unreachable!("the id was saved"));
        assert_eq!(reopened.progress(), store.progress());
        assert_eq!(reopened.notice(), None);
    }

    #[test]
    fn the_store_repairs_bad_data_in_storage_and_says_so_once() {
        let storage = MemoryStore::default();
        storage
            .items
            .borrow_mut()
            .insert(STORAGE_KEY.to_string(), "{{{".to_string());
        let mut store = ProgressStore::open(Some(&storage), id);
        assert!(store.notice().is_some_and(|n| n.contains("reset")));
        store.dismiss_notice();
        assert_eq!(store.notice(), None);
        let again = ProgressStore::open(Some(&storage), id);
        assert_eq!(again.notice(), None, "the repaired copy was written back");
    }

    #[test]
    fn the_store_works_unsaved_when_storage_throws() {
        let unreadable = MemoryStore {
            fail_reads: Some("SecurityError".into()),
            ..MemoryStore::default()
        };
        let mut store = ProgressStore::open(Some(&unreadable), id);
        assert!(matches!(store.saving(), Saving::Unsaved(_)));
        store.update(|p| p.record_answer("l/q", true, vec![]));
        assert!(store.progress().answer("l/q").is_some(), "kept in memory");

        let full = MemoryStore::default();
        full.fail_writes.set(true);
        let mut store = ProgressStore::open(Some(&full), id);
        assert!(matches!(store.saving(), Saving::Unsaved(_)));
        store.update(|p| p.set_done("l", true));
        assert!(store.progress().is_done("l"));
        full.fail_writes.set(false);
        store.update(|p| p.set_done("m", true));
        assert_eq!(
            store.saving(),
            &Saving::Saved,
            "saving resumes when there is room"
        );

        let mut none = ProgressStore::<MemoryStore>::open(None, id);
        none.reset();
        assert!(matches!(none.saving(), Saving::Unsaved(_)));
    }

    #[test]
    fn two_tabs_answering_at_once_lose_neither_answer() {
        let storage = MemoryStore::default();
        let mut first = ProgressStore::open(Some(&storage), id);
        let mut second = ProgressStore::open(Some(&storage), || unreachable!("id saved"));
        // Neither tab has heard of the other's answer when it saves its own.
        first.update(|p| p.record_answer("l/a", true, vec!["x".into()]));
        second.update(|p| p.record_answer("l/b", false, vec!["y".into()]));
        let reopened = ProgressStore::open(Some(&storage), id);
        let keys: Vec<&String> = reopened.progress().answers.keys().collect();
        assert_eq!(keys, ["l/a", "l/b"]);
        assert_eq!(
            second.progress().answers.len(),
            2,
            "the saving tab merged too"
        );

        // The first tab hears about the second's answer through sync.
        assert_eq!(first.progress().answers.len(), 1);
        assert!(first.sync(), "the other tab's answer is new here");
        assert!(first.progress().is_wrong("l/b"));
        assert!(!first.sync(), "nothing new the second time");

        // A reset in one tab is not undone by the other tab's next save.
        first.reset();
        second.update(|p| p.set_done("m", true));
        let reopened = ProgressStore::open(Some(&storage), id);
        assert!(reopened.progress().answers.is_empty(), "the reset stands");
        assert!(reopened.progress().is_done("m"), "the later change too");
    }

    #[test]
    fn sync_leaves_unreadable_stored_text_alone() {
        let storage = MemoryStore::default();
        let mut store = ProgressStore::open(Some(&storage), id);
        store.update(|p| p.record_answer("l/a", true, vec![]));
        storage
            .items
            .borrow_mut()
            .insert(STORAGE_KEY.to_string(), "{{{".to_string());
        assert!(!store.sync());
        assert!(store.progress().answer("l/a").is_some());
        store.update(|p| p.record_answer("l/b", true, vec![]));
        let reopened = ProgressStore::open(Some(&storage), id);
        assert_eq!(
            reopened.progress().answers.len(),
            2,
            "the next save replaced it"
        );
    }
}
