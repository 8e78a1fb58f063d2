//! `switchboard check`: every lesson, every program, every question.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use lesson::check::{check_course, LessonSummary};

/// Checks the lessons under `paths` (default `lessons/`), prints diagnostics and one line
/// per lesson, and exits 1 when any lesson has an error.
pub fn check(paths: Vec<PathBuf>) -> Result<ExitCode, String> {
    let paths = if paths.is_empty() {
        vec![PathBuf::from("lessons")]
    } else {
        paths
    };
    let mut files = Vec::new();
    for path in &paths {
        collect(path, &mut files)?;
    }
    if files.is_empty() {
        return Err(format!("no lesson files (*.md) found in {}", show(&paths)));
    }
    files.sort();
    let mut texts = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file)
            .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        texts.push((file.display().to_string(), text));
    }
    let checks = check_course(&texts);
    let mut total = LessonSummary::default();
    let mut errors = 0;
    for (check, (name, text)) in checks.iter().zip(&texts) {
        crate::report::emit(name, text, &check.diagnostics);
        total += check.summary;
        errors += check.errors();
    }
    for check in &checks {
        let s = check.summary;
        let verdict = match (check.errors(), check.warnings()) {
            (0, 0) => "ok".to_string(),
            (0, w) => format!("ok, {w} warning(s)"),
            (e, _) => format!("{e} error(s)"),
        };
        println!(
            "{:<44} {verdict:<12} {} programs, {} questions ({} answers computed, {} challenges winnable)",
            check.file, s.programs, s.questions, s.computed_answers, s.challenges_won
        );
    }
    println!(
        "{} lessons, {} programs, {} questions; {} answers computed by the simulator, {} challenges verified; {errors} error(s)",
        checks.len(),
        total.programs,
        total.questions,
        total.computed_answers,
        total.challenges_won
    );
    Ok(if errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Adds `path` if it is a file, or the `.md` files directly inside it if it is a folder.
fn collect(path: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    if path.is_dir() {
        let entries =
            std::fs::read_dir(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        for entry in entries {
            let p = entry.map_err(|e| e.to_string())?.path();
            if p.extension().is_some_and(|e| e == "md") {
                out.push(p);
            }
        }
        Ok(())
    } else if path.is_file() {
        out.push(path.to_path_buf());
        Ok(())
    } else {
        Err(format!("{} does not exist", path.display()))
    }
}

fn show(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}
