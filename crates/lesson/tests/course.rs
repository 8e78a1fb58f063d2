//! The bundled course must pass the checker: a broken lesson fails CI.

use std::path::Path;

fn lesson_files() -> Vec<(String, String)> {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../lessons"));
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("the lessons/ folder exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .map(|p| {
            let name = format!("lessons/{}", p.file_name().expect("name").to_string_lossy());
            (name, std::fs::read_to_string(&p).expect("readable lesson"))
        })
        .collect();
    files.sort();
    files
}

#[test]
fn every_bundled_lesson_passes_the_checker() {
    let files = lesson_files();
    assert!(files.len() >= 10, "the course covers ten sections");
    let checks = lesson::check::check_course(&files);
    let problems: Vec<String> = checks
        .iter()
        .flat_map(|c| c.diagnostics.iter())
        .map(ToString::to_string)
        .collect();
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_course_parses_into_ordered_lessons_with_a_glossary() {
    let (course, diagnostics) = lesson::Course::parse(&lesson_files());
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let orders: Vec<u32> = course.lessons.iter().map(|l| l.meta.order).collect();
    let mut sorted = orders.clone();
    sorted.sort_unstable();
    assert_eq!(orders, sorted);
    assert!(course.define("mailbox").is_some());
    assert!(
        course.define("mutex").is_some(),
        "aliases work as tooltips too"
    );
}

#[test]
fn every_program_of_the_course_is_simulator_checked() {
    let checks = lesson::check::check_course(&lesson_files());
    let mut total = lesson::check::LessonSummary::default();
    for c in &checks {
        total += c.summary;
    }
    assert_eq!(total.programs, total.programs_ok, "{total:?}");
    assert!(total.computed_answers >= 10, "{total:?}");
    assert!(total.challenges_won >= 8, "{total:?}");
}

#[test]
fn every_exploration_expectation_of_the_course_holds() {
    let checks = lesson::check::check_course(&lesson_files());
    let written: usize = checks.iter().map(|c| c.summary.explorations).sum();
    let proved: usize = checks.iter().map(|c| c.summary.explorations_ok).sum();
    // The lessons' claims about every / some / no schedule: at least those of 02, 04, 05,
    // 06 and 07.
    assert!(written >= 16, "only {written} explore= clauses");
    assert_eq!(proved, written);
}
