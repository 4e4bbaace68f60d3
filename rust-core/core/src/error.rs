//! The core's errors: bad input the caller can fix, and storage failures it cannot.

/// Everything that can go wrong outside screening (which never fails: it fails open).
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum Error {
    /// The input was wrong: a bad pattern, key, value, file or row. Nothing was changed.
    #[error("{0}")]
    InvalidInput(String),
    /// The database could not be read or written.
    #[error("{0}")]
    Storage(String),
}

impl Error {
    /// The database was locked by another connection: trying again later may work.
    pub fn is_busy(&self) -> bool {
        matches!(self, Error::Storage(m) if m.contains("database is locked") || m.contains("database is busy"))
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        Error::Storage(format!("database error: {e}"))
    }
}

/// The core's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
