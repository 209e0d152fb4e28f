//! The manifest of a `-o DIR` run: `DIR/.deboil-manifest` lists, one JSON string per line, the
//! files (relative to `DIR`) that the last run into `DIR` wrote. A rerun into the same `DIR`
//! removes the files the previous run listed and this run did not write again, so documents that
//! are gone from the input do not linger; files deboil did not write are never touched.
//!
//! While a run writes, each file's name is also appended to `DIR/.deboil-manifest.partial` (the
//! journal) as soon as the file is in place; a run that ends writes the manifest and removes
//! the journal. So a run that is interrupted (Ctrl-C, a crash, a full disk) leaves its files
//! listed, and the next run into `DIR` removes those it does not write again too.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

use super::AtomicFile;
use crate::error::Error;

/// The manifest's file name inside the output directory.
pub const MANIFEST: &str = ".deboil-manifest";

/// The journal's file name inside the output directory: the files a run has written so far.
pub const JOURNAL: &str = ".deboil-manifest.partial";

const HEADER: &str =
    "# deboil: the files the last `deboil clean -o` run wrote into this directory; \
                      the next run into it removes those it does not write again";

/// The files earlier runs listed in `dir`'s manifest and journal (none when there is neither).
/// Lines that are not a JSON string (a journal line cut short included), and paths that could
/// leave `dir` (absolute, `..`), are skipped.
pub fn read(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let mut files = Vec::new();
    for name in [MANIFEST, JOURNAL] {
        let path = dir.join(name);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(Error::io(&path, e)),
        };
        files.extend(
            text.lines()
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .filter_map(|l| serde_json::from_str::<String>(l).ok())
                .map(PathBuf::from)
                .filter(|p| is_inside(p)),
        );
    }
    Ok(files)
}

/// The journal of a run writing into a directory: appends each file's name once the file is in
/// place (opened on the first one, so a run that writes nothing leaves none).
#[derive(Debug, Default)]
pub struct Journal {
    file: Option<std::fs::File>,
}

impl Journal {
    /// Appends `rel` (a file just written into `dir`) to `dir`'s journal.
    pub fn add(&mut self, dir: &Path, rel: &Path) -> Result<(), Error> {
        let path = dir.join(JOURNAL);
        if self.file.is_none() {
            let f = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&path)
                .map_err(|e| Error::io(&path, e))?;
            self.file = Some(f);
        }
        let mut line = serde_json::to_string(&rel.to_string_lossy()).unwrap_or_default();
        line.push('\n');
        match self.file.as_mut() {
            Some(f) => f
                .write_all(line.as_bytes())
                .map_err(|e| Error::io(&path, e)),
            None => Ok(()),
        }
    }
}

/// Whether `rel` names something below its directory: only plain components.
fn is_inside(rel: &Path) -> bool {
    rel.components().next().is_some() && rel.components().all(|c| matches!(c, Component::Normal(_)))
}

/// The files of `previous` that `written` does not hold again, in `previous`'s order.
pub fn stale(previous: &[PathBuf], written: &[PathBuf]) -> Vec<PathBuf> {
    let now: HashSet<&PathBuf> = written.iter().collect();
    let mut seen = HashSet::new();
    previous
        .iter()
        .filter(|p| !now.contains(p) && seen.insert(*p))
        .cloned()
        .collect()
}

/// Writes `dir`'s manifest listing `written` (atomically).
pub fn write(dir: &Path, written: &[PathBuf]) -> Result<(), Error> {
    let path = dir.join(MANIFEST);
    let mut f = AtomicFile::create(&path)?;
    let mut body = format!("{HEADER}\n");
    for p in written {
        let s = serde_json::to_string(&p.to_string_lossy()).unwrap_or_default();
        body.push_str(&s);
        body.push('\n');
    }
    f.writer()
        .write_all(body.as_bytes())
        .map_err(|e| Error::io(&path, e))?;
    f.commit()
}

/// Removes the folders of `rel` (a file just removed from `dir`) that the removal left empty,
/// deepest first, up to `dir` itself, which stays. A folder holding anything else stops it
/// (`remove_dir` removes only an empty directory, and no link).
fn remove_emptied_folders(dir: &Path, rel: &Path) {
    for folder in rel.ancestors().skip(1) {
        if folder.as_os_str().is_empty() || std::fs::remove_dir(dir.join(folder)).is_err() {
            break;
        }
    }
}

/// Ends a run that wrote `written` (relative to `dir`) into `dir`: removes the files the previous
/// run's manifest lists and this run did not write (regular files only; a name that is now a
/// directory or a symlink is left alone) and the folders that leaves empty, then writes the new manifest and removes the journal.
/// A run that wrote nothing into a directory without a manifest leaves the directory as it is.
/// Returns the files removed.
pub fn update(dir: &Path, written: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    let previous = read(dir)?;
    if written.is_empty() && previous.is_empty() && !dir.join(MANIFEST).exists() {
        let _ = std::fs::remove_file(dir.join(JOURNAL));
        return Ok(Vec::new());
    }
    let mut removed = Vec::new();
    let root = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    for rel in stale(&previous, written) {
        let path = dir.join(&rel);
        let is_file = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_file());
        // a folder on the way that is now a link out of `dir` leads to files deboil never wrote
        let inside = path
            .parent()
            .and_then(|p| p.canonicalize().ok())
            .is_some_and(|p| p.starts_with(&root));
        if !is_file || !inside {
            continue;
        }
        match std::fs::remove_file(&path) {
            Ok(()) => {
                remove_emptied_folders(dir, &rel);
                removed.push(rel);
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io(&path, e)),
        }
    }
    write(dir, written)?;
    match std::fs::remove_file(dir.join(JOURNAL)) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(Error::io(dir.join(JOURNAL), e)),
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::TempDir;

    fn paths(v: &[&str]) -> Vec<PathBuf> {
        v.iter().map(PathBuf::from).collect()
    }

    #[test]
    fn stale_is_what_the_previous_run_wrote_and_this_one_did_not() {
        let prev = paths(&["a.txt", "b.0.txt", "sub/c.txt", "a.txt"]);
        let now = paths(&["a.txt", "b.1.txt"]);
        assert_eq!(stale(&prev, &now), paths(&["b.0.txt", "sub/c.txt"]));
        assert!(stale(&[], &now).is_empty());
    }

    #[test]
    fn manifest_round_trips_odd_names_and_skips_paths_outside_the_dir() {
        let dir = TempDir::new("deboil-manifest");
        let names = paths(&["a.txt", "sub/b c.txt", "new\nline.txt", "é~2.txt"]);
        write(&dir, &names).unwrap();
        assert_eq!(read(&dir).unwrap(), names);
        std::fs::write(
            dir.join(MANIFEST),
            "# comment\n\"ok.txt\"\n\"../up.txt\"\n\"/etc/passwd\"\n\"a/../../x\"\nnot json\n\"\"\n",
        )
        .unwrap();
        assert_eq!(read(&dir).unwrap(), paths(&["ok.txt"]));
        let none = TempDir::new("deboil-manifest");
        assert!(read(&none).unwrap().is_empty());
    }

    /// A run that never ended left its files in the journal only: the next run into the
    /// directory removes those it does not write again, and ends with a manifest and no journal.
    #[test]
    fn files_of_an_interrupted_run_are_removed_by_the_next_one() {
        let dir = TempDir::new("deboil-journal");
        write(&dir, &paths(&["old.txt"])).unwrap();
        let mut journal = Journal::default();
        for f in ["old.txt", "a.txt", "gone.txt"] {
            std::fs::write(dir.join(f), f).unwrap();
            journal.add(&dir, Path::new(f)).unwrap();
        }
        drop(journal); // interrupted: no update
        std::fs::write(dir.join("mine.txt"), "not deboil's").unwrap();
        assert_eq!(
            read(&dir).unwrap(),
            paths(&["old.txt", "old.txt", "a.txt", "gone.txt"])
        );
        // the next run writes a.txt only
        let mut journal = Journal::default();
        journal.add(&dir, Path::new("a.txt")).unwrap();
        let removed = update(&dir, &paths(&["a.txt"])).unwrap();
        assert_eq!(removed, paths(&["old.txt", "gone.txt"]));
        assert!(dir.join("a.txt").exists() && dir.join("mine.txt").exists());
        assert!(!dir.join(JOURNAL).exists());
        assert_eq!(read(&dir).unwrap(), paths(&["a.txt"]));
        // a journal line cut short by the interruption is skipped
        std::fs::write(dir.join(JOURNAL), "\"b.txt\"\n\"c.t").unwrap();
        assert_eq!(read(&dir).unwrap(), paths(&["a.txt", "b.txt"]));
    }

    #[test]
    fn update_removes_only_files_the_previous_run_wrote() {
        let dir = TempDir::new("deboil-manifest");
        // nothing written, no manifest: the directory stays as it is
        assert!(update(&dir, &[]).unwrap().is_empty());
        assert!(!dir.join(MANIFEST).exists());
        for f in ["a.txt", "b.txt", "mine.txt", "sub/c.txt"] {
            std::fs::create_dir_all(dir.join(f).parent().unwrap()).unwrap();
            std::fs::write(dir.join(f), f).unwrap();
        }
        std::fs::create_dir(dir.join("was-a-file")).unwrap();
        write(
            &dir,
            &paths(&["a.txt", "b.txt", "sub/c.txt", "gone.txt", "was-a-file"]),
        )
        .unwrap();
        let removed = update(&dir, &paths(&["a.txt"])).unwrap();
        assert_eq!(removed, paths(&["b.txt", "sub/c.txt"]));
        assert!(dir.join("a.txt").is_file());
        assert!(!dir.join("b.txt").exists() && !dir.join("sub/c.txt").exists());
        // the folder the removal emptied goes too
        assert!(!dir.join("sub").exists());
        // a file deboil did not write, and a listed name that is now a directory, stay
        assert!(dir.join("mine.txt").is_file());
        assert!(dir.join("was-a-file").is_dir());
        assert_eq!(read(&dir).unwrap(), paths(&["a.txt"]));
        // a run that writes nothing removes what the previous one wrote
        assert_eq!(update(&dir, &[]).unwrap(), paths(&["a.txt"]));
        assert!(read(&dir).unwrap().is_empty());
        assert!(dir.join("mine.txt").is_file());
    }

    /// Folders a removal empties go, deepest first; one holding anything else stays, and so do
    /// the folders above it.
    #[test]
    fn update_removes_the_folders_it_empties_and_no_other() {
        let dir = TempDir::new("deboil-manifest");
        for f in ["x/y/z.txt", "x/y2/w.txt", "x/mine.txt", "p/q/r.txt"] {
            std::fs::create_dir_all(dir.join(f).parent().unwrap()).unwrap();
            std::fs::write(dir.join(f), f).unwrap();
        }
        std::fs::create_dir(dir.join("empty-before")).unwrap();
        write(&dir, &paths(&["x/y/z.txt", "x/y2/w.txt", "p/q/r.txt"])).unwrap();
        let removed = update(&dir, &paths(&["x/y2/w.txt"])).unwrap();
        assert_eq!(removed, paths(&["x/y/z.txt", "p/q/r.txt"]));
        assert!(!dir.join("x/y").exists() && !dir.join("p").exists());
        assert!(dir.join("x/mine.txt").is_file() && dir.join("x/y2/w.txt").is_file());
        // a folder no removal emptied stays, even empty; and so does the output folder
        assert!(dir.join("empty-before").is_dir());
        assert_eq!(update(&dir, &[]).unwrap(), paths(&["x/y2/w.txt"]));
        assert!(dir.join("x/mine.txt").is_file() && !dir.join("x/y2").exists());
        assert!(dir.is_dir());
    }

    /// A listed folder that is now a link out of the directory: nothing through it is removed.
    #[cfg(unix)]
    #[test]
    fn update_never_removes_through_a_link_out_of_the_directory() {
        let dir = TempDir::new("deboil-manifest");
        let outside = TempDir::new("deboil-outside");
        std::fs::write(outside.join("x.txt"), "not deboil's").unwrap();
        std::os::unix::fs::symlink(&*outside, dir.join("sub")).unwrap();
        write(&dir, &paths(&["sub/x.txt"])).unwrap();
        assert!(update(&dir, &[]).unwrap().is_empty());
        assert!(outside.join("x.txt").is_file());
    }
}
