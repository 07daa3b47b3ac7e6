//! The one reader for files a user's folder supplies (`--data-dir`, the scenarios folder):
//! only regular files are read, never more than a size cap, and every refusal says why.
//!
//! A FIFO, a socket or a device (`/dev/zero`) would block or never end; a symbolic link
//! to nothing would otherwise look like a missing file and fall back silently. Links to
//! regular files are followed. The type is checked on the path, then again on the opened
//! handle, and the read stops one byte past the cap, so a file that grows or is swapped
//! for something else meanwhile is still refused, never read without end.

use std::fmt;
use std::fs::{File, FileType};
use std::io::{self, Read};
use std::path::Path;

use crate::number::group_thousands;

/// The largest data file read from `--data-dir` (16 MiB; the bundled ones are under 100 KB).
pub const MAX_DATA_FILE: u64 = 16 * 1024 * 1024;

/// The largest scenario file read (1 MiB; a saved scenario is a few hundred bytes).
pub const MAX_SCENARIO_FILE: u64 = 1024 * 1024;

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// Nothing is at the path.
    NotFound,
    /// A symbolic link whose target does not exist.
    DanglingLink,
    /// Something other than a regular file (a directory, a FIFO, a device, a socket).
    NotRegular(&'static str),
    /// Larger than the cap.
    TooLarge {
        /// The file's size in bytes, or the cap plus one when it grew while being read.
        size: u64,
        /// The cap in bytes.
        max: u64,
    },
    /// The system refused (permissions, I/O).
    Io(io::Error),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotFound => f.write_str("does not exist"),
            Self::DanglingLink => f.write_str(
                "is a symbolic link to a file that does not exist; fix or remove the link",
            ),
            Self::NotRegular(kind) => {
                write!(
                    f,
                    "is {kind}, not a regular file; only regular files are read"
                )
            }
            Self::TooLarge { size, max } => write!(
                f,
                "is {} bytes, more than the {} bytes a file here may have",
                group_thousands(u128::from(*size)),
                group_thousands(u128::from(*max))
            ),
            Self::Io(e) => write!(f, "cannot be read: {e}"),
        }
    }
}

impl std::error::Error for ReadError {}

/// What a non-regular file is, in words.
fn kind_of(t: FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_dir() {
        "a directory"
    } else {
        "not a regular file"
    }
}

/// Read the regular file at `path` (following links), at most `max` bytes.
///
/// # Errors
/// A [`ReadError`] saying why not: missing, a dangling link, not a regular file, larger
/// than `max`, or refused by the system.
pub fn read_regular(path: &Path, max: u64) -> Result<Vec<u8>, ReadError> {
    let link = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(ReadError::NotFound),
        Err(e) => return Err(ReadError::Io(e)),
    };
    let meta = if link.file_type().is_symlink() {
        match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(ReadError::DanglingLink),
            Err(e) => return Err(ReadError::Io(e)),
        }
    } else {
        link
    };
    if !meta.is_file() {
        return Err(ReadError::NotRegular(kind_of(meta.file_type())));
    }
    if meta.len() > max {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            max,
        });
    }
    let file = File::open(path).map_err(ReadError::Io)?;
    let opened = file.metadata().map_err(ReadError::Io)?;
    if !opened.is_file() {
        return Err(ReadError::NotRegular(kind_of(opened.file_type())));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(opened.len().min(max)).unwrap_or(0));
    file.take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > max {
        return Err(ReadError::TooLarge {
            size: max.saturating_add(1),
            max,
        });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_is_read_and_a_large_one_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.csv");
        std::fs::write(&path, b"12345").unwrap();
        assert_eq!(read_regular(&path, 5).unwrap(), b"12345");
        assert_eq!(
            read_regular(&path, 4).unwrap_err().to_string(),
            "is 5 bytes, more than the 4 bytes a file here may have"
        );
        assert!(matches!(
            read_regular(&dir.path().join("none"), 5),
            Err(ReadError::NotFound)
        ));
        assert_eq!(
            read_regular(dir.path(), 5).unwrap_err().to_string(),
            "is a directory, not a regular file; only regular files are read"
        );
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_dangling_links_are_refused() {
        assert_eq!(
            read_regular(Path::new("/dev/zero"), MAX_DATA_FILE)
                .unwrap_err()
                .to_string(),
            "is a character device, not a regular file; only regular files are read"
        );
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("link.csv");
        std::os::unix::fs::symlink(dir.path().join("gone.csv"), &link).unwrap();
        assert_eq!(
            read_regular(&link, MAX_DATA_FILE).unwrap_err().to_string(),
            "is a symbolic link to a file that does not exist; fix or remove the link"
        );
        let target = dir.path().join("real.csv");
        std::fs::write(&target, b"x").unwrap();
        let good = dir.path().join("good.csv");
        std::os::unix::fs::symlink(&target, &good).unwrap();
        assert_eq!(read_regular(&good, MAX_DATA_FILE).unwrap(), b"x");
    }
}
