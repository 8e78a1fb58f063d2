//! Embeds the course: every `*.md` file of the lessons folder becomes a
//! `(file name, text)` pair compiled into the app, so the static site needs no
//! server to read lessons.
//!
//! The folder is `lessons/` unless `SWITCHBOARD_LESSONS` names another (`make serve
//! LESSONS=…` sets it). A folder may hold a `course.toml`:
//!
//! ```toml
//! title = "Concurrency for second years"
//! lessons = ["intro.md", "actors.md"]   # order; files not listed are left out
//! quiz = ["intro.md"]                   # the lessons the quiz draws from
//! ```
//!
//! Without one, every `*.md` file is used in file-name order.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

use serde::Deserialize;

/// What a `course.toml` may say.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct CourseFile {
    /// The course's title.
    title: Option<String>,
    /// The lesson files in order.
    lessons: Option<Vec<String>>,
    /// The lesson files the quiz draws from.
    quiz: Option<Vec<String>>,
}

fn main() {
    println!("cargo:rerun-if-env-changed=SWITCHBOARD_LESSONS");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = match env::var("SWITCHBOARD_LESSONS") {
        Ok(d) if !d.trim().is_empty() => root.join(d.trim()),
        _ => root.join("lessons"),
    };
    println!("cargo:rerun-if-changed={}", dir.display());
    let course = read_course_file(&dir).unwrap_or_else(|e| fail(&e));
    let files = lesson_files(&dir, &course).unwrap_or_else(|e| fail(&e));

    let mut out = String::from("/// The bundled lesson files, in course order.\n");
    out.push_str("pub static LESSON_FILES: &[(&str, &str)] = &[\n");
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        writeln!(out, "    ({name:?}, include_str!({:?})),", path.display()).unwrap();
    }
    out.push_str("];\n");
    writeln!(
        out,
        "/// True when `course.toml` sets the lesson order (it then outranks `order =`).\npub static COURSE_ORDERED: bool = {};",
        course.lessons.is_some()
    )
    .unwrap();
    writeln!(
        out,
        "/// The course's title from `course.toml`, if it names one.\npub static COURSE_TITLE: Option<&str> = {:?};",
        course.title
    )
    .unwrap();
    writeln!(
        out,
        "/// The lesson files the quiz draws from, when `course.toml` narrows them.\npub static QUIZ_FILES: Option<&[&str]> = {};",
        match &course.quiz {
            Some(q) => format!("Some(&{q:?})"),
            None => "None".to_string(),
        }
    )
    .unwrap();

    let dest = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("lessons.rs");
    fs::write(dest, out).expect("write the embedded course");
}

/// Stops the build with a message naming the course folder's problem.
fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1);
}

/// The folder's `course.toml`, or the defaults when there is none.
fn read_course_file(dir: &Path) -> Result<CourseFile, String> {
    let path = dir.join("course.toml");
    println!("cargo:rerun-if-changed={}", path.display());
    match fs::read_to_string(&path) {
        Ok(text) => toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display())),
        Err(_) => Ok(CourseFile::default()),
    }
}

/// The lesson files in course order: `course.toml`'s list, or every `*.md` by name.
fn lesson_files(dir: &Path, course: &CourseFile) -> Result<Vec<PathBuf>, String> {
    let mut found: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("cannot read the lessons folder {}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    found.sort();
    let Some(order) = &course.lessons else {
        return Ok(found);
    };
    let named = |file: &String| {
        found
            .iter()
            .find(|p| p.file_name().is_some_and(|n| n.to_string_lossy() == *file))
            .cloned()
            .ok_or_else(|| {
                format!(
                    "{}: `{file}` is not a .md file in {} (hint: list file names such as \"01-intro.md\")",
                    dir.join("course.toml").display(),
                    dir.display()
                )
            })
    };
    for file in course.quiz.iter().flatten() {
        if !order.contains(file) {
            named(file)?;
        }
    }
    order.iter().map(named).collect()
}
