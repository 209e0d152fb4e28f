//! One run at a time per text output directory, and the temporary files of killed runs.
//!
//! A `-o DIR` run holds an advisory lock on `DIR` itself (`flock`, which the system releases
//! when the process ends, however it ends) from before it reads the directory's manifest until
//! it has written the new one. A second run into the same `DIR` meanwhile is refused (exit 2)
//! instead of removing the first run's fresh files as stale ones. Where the file system cannot
//! lock (some network mounts), the run goes on without the lock.
//!
//! A process killed outright (SIGKILL, the OOM killer, a power cut) cannot remove the
//! temporary file it was writing (`.NAME.deboil-PID.tmp`, see [`super::AtomicFile`]). The next
//! run removes such files once it knows their process has ended (on systems with `/proc`):
//! every one under `DIR` when it takes the lock, the one beside a `-o FILE`, `--report` or
//! other single-file target when it starts writing that target, and the copies of streams
//! (`deboil-spool-PID-...` in the temporary folder) when it copies a stream. Elsewhere they
//! are left.

use std::fs::File;
use std::path::Path;

use crate::error::Error;

/// The lock a run holds on its text output directory; released when dropped.
#[derive(Debug)]
pub struct DirLock {
    _held: Option<File>,
}

impl DirLock {
    /// Locks `dir` (an existing directory) for this run, or says which run holds it.
    pub fn take(dir: &Path) -> Result<DirLock, Error> {
        #[cfg(unix)]
        {
            let f = File::open(dir).map_err(|e| Error::io(dir, e))?;
            match f.try_lock() {
                Ok(()) => Ok(DirLock { _held: Some(f) }),
                Err(std::fs::TryLockError::WouldBlock) => Err(Error::Usage(format!(
                    "-o {}: another deboil run is writing into this directory right now (it \
                     holds the directory's lock); wait for it to end, or write to another \
                     directory",
                    dir.display()
                ))),
                // a file system without locks: the run goes on unlocked
                Err(std::fs::TryLockError::Error(_)) => Ok(DirLock { _held: None }),
            }
        }
        #[cfg(not(unix))]
        {
            let _ = dir;
            Ok(DirLock { _held: None })
        }
    }
}

/// The target's name and the process id in `name` when it is a temporary file's name as
/// [`super::AtomicFile`] gives it: `.NAME.deboil-PID.tmp`.
fn temp_owner(name: &str) -> Option<(&str, u32)> {
    let rest = name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let (target, pid) = rest.rsplit_once(".deboil-")?;
    if target.is_empty() || pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((target, pid.parse().ok()?))
}

/// Whether process `pid` has ended, where `/proc` can tell; `false` when it cannot.
fn has_ended(pid: u32) -> bool {
    let proc_dir = Path::new("/proc");
    pid != std::process::id()
        && proc_dir.join("self").exists()
        && !proc_dir.join(pid.to_string()).exists()
}

/// Removes `path` (named `name`) when it is a temporary file of an ended run.
fn remove_if_dead_temp(path: &Path, name: &str) -> bool {
    temp_owner(name).is_some_and(|(_, pid)| has_ended(pid)) && std::fs::remove_file(path).is_ok()
}

/// Removes the temporary files of ended runs anywhere under `dir` (links are not followed).
/// Returns how many it removed.
pub fn sweep_dir(dir: &Path) -> usize {
    let mut removed = 0;
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                folders.push(entry.path());
            } else if kind.is_file() {
                let name = entry.file_name();
                if remove_if_dead_temp(&entry.path(), &name.to_string_lossy()) {
                    removed += 1;
                }
            }
        }
    }
    removed
}

/// Removes the temporary files of ended runs that were writing `dest` (a file's path, links
/// resolved): those in its folder named `.NAME.deboil-PID.tmp` for its name.
pub fn sweep_beside(dest: &Path) -> usize {
    let (Some(folder), Some(name)) = (dest.parent(), dest.file_name()) else {
        return 0;
    };
    let name = name.to_string_lossy();
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    let Ok(entries) = std::fs::read_dir(folder) else {
        return 0;
    };
    entries
        .flatten()
        .filter(|e| {
            let n = e.file_name();
            let n = n.to_string_lossy();
            temp_owner(&n).is_some_and(|(target, _)| target == name)
                && e.file_type().is_ok_and(|k| k.is_file())
                && remove_if_dead_temp(&e.path(), &n)
        })
        .count()
}

/// The name prefix of the copies a run makes of streams it reads twice, in the system's
/// temporary folder: `deboil-spool-PID-...`.
pub const SPOOL_PREFIX: &str = "deboil-spool-";

/// Removes the stream copies (`deboil-spool-PID-...`) of ended runs from `folder`. Returns
/// how many it removed.
pub fn sweep_spools(folder: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return 0;
    };
    entries
        .flatten()
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            let pid = name
                .strip_prefix(SPOOL_PREFIX)
                .and_then(|rest| rest.split_once('-'))
                .and_then(|(pid, _)| pid.parse::<u32>().ok());
            pid.is_some_and(has_ended)
                && e.file_type().is_ok_and(|k| k.is_file())
                && std::fs::remove_file(e.path()).is_ok()
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::TempDir;

    /// A process id that is surely not running: past the kernel's largest.
    const ENDED: u32 = 4_194_305;

    #[test]
    fn temp_names_are_recognised_with_their_process() {
        assert_eq!(temp_owner(".a.txt.deboil-123.tmp"), Some(("a.txt", 123)));
        assert_eq!(
            temp_owner(".x.deboil-1.deboil-77.tmp"),
            Some(("x.deboil-1", 77))
        );
        for n in [
            "a.txt.deboil-123.tmp",
            ".a.txt.deboil-.tmp",
            ".a.txt.deboil-12x.tmp",
            "..deboil-5.tmp",
            ".a.txt.deboil-5.tmpx",
            ".a.txt",
        ] {
            assert_eq!(temp_owner(n), None, "{n}");
        }
    }

    #[test]
    fn a_second_lock_on_a_directory_is_refused_until_the_first_is_dropped() {
        let dir = TempDir::new("deboil-lock");
        let first = DirLock::take(&dir).unwrap();
        let err = DirLock::take(&dir).unwrap_err().to_string();
        assert!(err.contains("another deboil run"), "{err}");
        drop(first);
        assert!(DirLock::take(&dir).is_ok());
    }

    #[test]
    fn temps_of_ended_runs_are_removed_and_others_stay() {
        if !Path::new("/proc/self").exists() {
            return;
        }
        let dir = TempDir::new("deboil-sweep");
        let sub = dir.join("sub");
        std::fs::create_dir_all(&sub).unwrap();
        let dead = [
            dir.join(format!(".a.txt.deboil-{ENDED}.tmp")),
            sub.join(format!(".b.txt.deboil-{ENDED}.tmp")),
        ];
        let alive = [
            dir.join(format!(".c.txt.deboil-{}.tmp", std::process::id())),
            // the parent of every process on the system
            sub.join(".d.txt.deboil-1.tmp"),
            sub.join(format!("e.deboil-{ENDED}.tmp")),
        ];
        for p in dead.iter().chain(&alive) {
            std::fs::write(p, "x").unwrap();
        }
        assert_eq!(sweep_dir(&dir), 2);
        assert!(dead.iter().all(|p| !p.exists()));
        assert!(alive.iter().all(|p| p.exists()));

        let out = dir.join("out.jsonl");
        let mine = dir.join(format!(".out.jsonl.deboil-{ENDED}.tmp"));
        let other = dir.join(format!(".other.jsonl.deboil-{ENDED}.tmp"));
        std::fs::write(&mine, "x").unwrap();
        std::fs::write(&other, "x").unwrap();
        assert_eq!(sweep_beside(&out), 1);
        assert!(!mine.exists() && other.exists());

        let spools = TempDir::new("deboil-spools");
        let dead_copy = spools.join(format!("{SPOOL_PREFIX}{ENDED}-0-stdin"));
        let live_copy = spools.join(format!("{SPOOL_PREFIX}{}-0-stdin", std::process::id()));
        std::fs::write(&dead_copy, "x").unwrap();
        std::fs::write(&live_copy, "x").unwrap();
        assert_eq!(sweep_spools(&spools), 1);
        assert!(!dead_copy.exists() && live_copy.exists());
    }
}
