//! One process at a time per data folder for the commands that write its
//! search index (`serve`, `reindex`): the index has a single writer, and
//! without this lock a second process fails deep inside the index library.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::Path;

use anyhow::Context;

/// The file in the data folder that the running process holds locked.
const LOCK_FILE: &str = "kizuna.lock";

/// Held while a command uses the data folder's search index; the operating
/// system releases it when the process ends, however it ends.
#[derive(Debug)]
pub struct DataDirLock {
    _file: File,
}

impl DataDirLock {
    /// Takes the data folder for `command` (`serve`, `reindex`), or explains
    /// which process holds it and what to do.
    pub fn acquire(data_dir: &Path, command: &str) -> anyhow::Result<Self> {
        std::fs::create_dir_all(data_dir)
            .with_context(|| format!("creating the data folder {}", data_dir.display()))?;
        let path = data_dir.join(LOCK_FILE);
        // Never truncate on open: the holder's line must stay readable to the
        // process that is refused.
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .with_context(|| format!("opening {}", path.display()))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                return Err(in_use(data_dir, holder.trim(), command));
            }
            Err(TryLockError::Error(e)) => {
                return Err(e).with_context(|| format!("locking {}", path.display()));
            }
        }
        let holder = format!("pid {} (kizuna {command})\n", std::process::id());
        file.set_len(0)
            .and_then(|()| file.rewind())
            .and_then(|()| file.write_all(holder.as_bytes()))
            .with_context(|| format!("writing {}", path.display()))?;
        Ok(DataDirLock { _file: file })
    }
}

fn in_use(data_dir: &Path, holder: &str, command: &str) -> anyhow::Error {
    let who = if holder.is_empty() {
        "another kizuna process".to_owned()
    } else {
        format!("another kizuna process, {holder},")
    };
    let advice = if command == "reindex" {
        "A running `kizuna serve` keeps its search index up to date by itself; \
         stop it first if you want to rebuild the index from scratch."
    } else {
        "Stop that process first, or give this one a data folder of its own with \
         --data-dir (several servers may share one PostgreSQL database, each with \
         its own data folder)."
    };
    anyhow::anyhow!(
        "the data folder {} is in use: {who} holds its search index. {advice}",
        data_dir.display()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_is_told_who_has_the_folder() {
        let dir = std::env::temp_dir().join(format!("kizuna-lock-{}", std::process::id()));
        let first = DataDirLock::acquire(&dir, "serve").unwrap();
        let refused = DataDirLock::acquire(&dir, "reindex")
            .unwrap_err()
            .to_string();
        assert!(refused.contains(&dir.display().to_string()), "{refused}");
        assert!(
            refused.contains(&format!("pid {} (kizuna serve)", std::process::id())),
            "{refused}"
        );
        assert!(
            refused.contains("keeps its search index up to date"),
            "{refused}"
        );
        drop(first);
        DataDirLock::acquire(&dir, "reindex").expect("free again once the holder is gone");
        std::fs::remove_dir_all(&dir).ok();
    }
}
