//! The embedded default store: one SQLite file in WAL mode with `synchronous = FULL`, so that a
//! commit is on disk before the receiver answers. One writer thread commits whatever records
//! are waiting in one transaction (group commit): one disk flush for many records.

use super::{Filter, Incoming, Receipt, Row, Store, StoreError};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};
use std::path::{Path, PathBuf};
use std::sync::{mpsc, Mutex};

/// `PRAGMA application_id` of a keukentafel database ("KTAF"): another SQLite file is refused.
const APPLICATION_ID: i64 = 0x4B54_4146;
const SCHEMA_VERSION: i64 = 1;
/// At most this many records in one transaction.
const BATCH: usize = 512;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS records (
    hash         TEXT PRIMARY KEY,
    record_id    TEXT NOT NULL,
    kind         TEXT NOT NULL,
    kid          TEXT NOT NULL,
    professional TEXT,
    dossier      TEXT NOT NULL,
    received_at  TEXT NOT NULL,
    keep_until   TEXT,
    withdraws    TEXT,
    withdrawn_by TEXT,
    received     BLOB,
    jws          TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS records_dossier ON records (dossier);
CREATE INDEX IF NOT EXISTS records_withdraws ON records (withdraws);
CREATE INDEX IF NOT EXISTS records_keep_until ON records (keep_until);
";

/// A fault injected by the tests (`KEUKENTAFEL_TEST_FAULT`): the process dies at that point,
/// as a power cut or `kill -9` would make it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    None,
    /// After the records are written, before the commit.
    BeforeCommit,
    /// After the commit, before anyone is answered.
    AfterCommit,
}

impl Fault {
    pub fn from_env() -> Fault {
        match std::env::var("KEUKENTAFEL_TEST_FAULT").as_deref() {
            Ok("before-commit") => Fault::BeforeCommit,
            Ok("after-commit") => Fault::AfterCommit,
            _ => Fault::None,
        }
    }
}

type Reply = Result<(Receipt, bool), StoreError>;

struct Job {
    record: Incoming,
    reply: mpsc::SyncSender<Reply>,
}

pub struct Sqlite {
    path: PathBuf,
    writer: Option<Mutex<mpsc::Sender<Job>>>,
    reader: Mutex<Connection>,
}

fn error(e: rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode::*;
    match e.sqlite_error_code() {
        Some(DiskFull) => StoreError::Full,
        Some(DatabaseBusy | DatabaseLocked) => StoreError::Busy,
        _ => StoreError::Database(e.to_string()),
    }
}

fn open_error(path: &Path, e: rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode::*;
    let reason = match e.sqlite_error_code() {
        Some(NotADatabase) => "het bestand is geen SQLite-database".to_owned(),
        Some(CannotOpen) => "het bestand of de map bestaat niet of is niet toegankelijk".to_owned(),
        Some(ReadOnly) => "alleen-lezen".to_owned(),
        Some(DiskFull) => "de schijf is vol".to_owned(),
        _ => e.to_string(),
    };
    StoreError::Open {
        path: path.display().to_string(),
        reason,
    }
}

/// Refuses a SQLite file that is not a keukentafel database (or a newer one).
fn check_identity(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let fail = |reason: String| StoreError::Open {
        path: path.display().to_string(),
        reason,
    };
    let app: i64 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(|e| open_error(path, e))?;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| open_error(path, e))?;
    if app != APPLICATION_ID {
        return Err(fail("dit is geen keukentafel-database".into()));
    }
    if version > SCHEMA_VERSION {
        return Err(fail(format!(
            "de database is van een nieuwere keukentafel (schemaversie {version})"
        )));
    }
    Ok(())
}

impl Sqlite {
    /// Opens (or creates) the database for receiving: WAL, `synchronous = FULL`, one writer.
    pub fn open(path: &Path) -> Result<Sqlite, StoreError> {
        let conn = Connection::open(path).map_err(|e| open_error(path, e))?;
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(error)?;
        let tables: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
            .map_err(|e| open_error(path, e))?;
        if tables == 0 {
            conn.execute_batch(&format!(
                "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {SCHEMA_VERSION};"
            ))
            .map_err(|e| open_error(path, e))?;
        }
        check_identity(&conn, path)?;
        conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;")
            .map_err(|e| open_error(path, e))?;
        conn.execute_batch(SCHEMA)
            .map_err(|e| open_error(path, e))?;
        if let Some(pages) = std::env::var("KEUKENTAFEL_TEST_MAX_PAGES")
            .ok()
            .and_then(|v| v.parse::<u64>().ok())
        {
            // A test makes the database "full" at this size: SQLITE_FULL, as a full disk gives.
            conn.pragma_update(None, "max_page_count", pages)
                .map_err(error)?;
        }
        let reader = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| open_error(path, e))?;
        let (tx, rx) = mpsc::channel::<Job>();
        let fault = Fault::from_env();
        std::thread::Builder::new()
            .name("keukentafel-writer".into())
            .spawn(move || writer(conn, rx, fault))
            .map_err(|e| StoreError::Database(e.to_string()))?;
        Ok(Sqlite {
            path: path.to_owned(),
            writer: Some(Mutex::new(tx)),
            reader: Mutex::new(reader),
        })
    }

    /// Opens an existing database for the back office's commands, read-only.
    pub fn open_read_only(path: &Path) -> Result<Sqlite, StoreError> {
        if !path.exists() {
            return Err(StoreError::Open {
                path: path.display().to_string(),
                reason: "het bestand bestaat niet (start eerst keukentafel serve, of geef --db)"
                    .into(),
            });
        }
        let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|e| open_error(path, e))?;
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(error)?;
        check_identity(&conn, path)?;
        Ok(Sqlite {
            path: path.to_owned(),
            writer: None,
            reader: Mutex::new(conn),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn read<T>(&self, f: impl FnOnce(&Connection) -> rusqlite::Result<T>) -> Result<T, StoreError> {
        let conn = self.reader.lock().unwrap_or_else(|p| p.into_inner());
        f(&conn).map_err(error)
    }
}

fn writer(conn: Connection, rx: mpsc::Receiver<Job>, fault: Fault) {
    while let Ok(first) = rx.recv() {
        let mut batch = vec![first];
        while batch.len() < BATCH {
            match rx.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        match commit(&conn, &batch, fault) {
            Ok(results) => {
                if fault == Fault::AfterCommit {
                    std::process::abort();
                }
                for (job, r) in batch.into_iter().zip(results) {
                    let _ = job.reply.send(Ok(r));
                }
            }
            Err(e) => {
                let _ = conn.execute_batch("ROLLBACK");
                let e = error(e);
                for job in batch {
                    let _ = job.reply.send(Err(match &e {
                        StoreError::Full => StoreError::Full,
                        StoreError::Busy => StoreError::Busy,
                        other => StoreError::Database(other.to_string()),
                    }));
                }
            }
        }
    }
}

/// One transaction for the batch: each record is stored unless its hash is there already, and
/// withdrawals are linked to their consent (in whichever order the two arrive).
fn commit(
    conn: &Connection,
    batch: &[Job],
    fault: Fault,
) -> rusqlite::Result<Vec<(Receipt, bool)>> {
    conn.execute_batch("BEGIN IMMEDIATE")?;
    let mut out = Vec::with_capacity(batch.len());
    for Job { record: r, .. } in batch {
        let existing = conn
            .prepare_cached("SELECT record_id, kind, received_at FROM records WHERE hash = ?1")?
            .query_row([&r.hash], |row| {
                Ok(Receipt {
                    hash: r.hash.clone(),
                    record_id: row.get(0)?,
                    record_type: row.get(1)?,
                    received_at: row.get(2)?,
                })
            })
            .optional()?;
        if let Some(receipt) = existing {
            out.push((receipt, false));
            continue;
        }
        conn.prepare_cached(
            "INSERT INTO records (hash, record_id, kind, kid, professional, dossier, received_at,
                                  keep_until, withdraws, received, jws)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?
        .execute(params![
            r.hash,
            r.record_id,
            r.kind,
            r.kid,
            r.professional,
            r.dossier,
            r.received_at,
            r.keep_until.map(|d| d.to_string()),
            r.withdraws,
            r.received,
            r.jws,
        ])?;
        if let Some(consent) = &r.withdraws {
            // The consent may be here already: it is withdrawn by this record, whose
            // retention follows the consent's.
            conn.prepare_cached("UPDATE records SET withdrawn_by = ?1 WHERE hash = ?2")?
                .execute([&r.hash, consent])?;
            conn.prepare_cached(
                "UPDATE records SET keep_until = (SELECT keep_until FROM records WHERE hash = ?2)
                 WHERE hash = ?1 AND EXISTS (SELECT 1 FROM records WHERE hash = ?2)",
            )?
            .execute([&r.hash, consent])?;
        }
        if r.kind == "consent" {
            // Withdrawals that arrived before their consent.
            conn.prepare_cached(
                "UPDATE records SET withdrawn_by =
                    (SELECT hash FROM records WHERE withdraws = ?1 ORDER BY received_at DESC, rowid DESC LIMIT 1)
                 WHERE hash = ?1",
            )?
            .execute([&r.hash])?;
            conn.prepare_cached("UPDATE records SET keep_until = ?2 WHERE withdraws = ?1")?
                .execute(params![r.hash, r.keep_until.map(|d| d.to_string())])?;
        }
        out.push((
            Receipt {
                hash: r.hash.clone(),
                record_id: r.record_id.clone(),
                record_type: r.kind.to_owned(),
                received_at: r.received_at.clone(),
            },
            true,
        ));
    }
    if fault == Fault::BeforeCommit {
        std::process::abort();
    }
    conn.execute_batch("COMMIT")?;
    Ok(out)
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    Ok(Row {
        hash: r.get(0)?,
        record_id: r.get(1)?,
        kind: r.get(2)?,
        kid: r.get(3)?,
        professional: r.get(4)?,
        dossier: r.get(5)?,
        received_at: r.get(6)?,
        keep_until: r.get(7)?,
        withdraws: r.get(8)?,
        withdrawn_by: r.get(9)?,
    })
}

impl Store for Sqlite {
    fn put(&self, record: Incoming) -> Result<(Receipt, bool), StoreError> {
        let Some(writer) = &self.writer else {
            return Err(StoreError::Database(
                "de database is alleen-lezen geopend".into(),
            ));
        };
        let (reply, answer) = mpsc::sync_channel(1);
        writer
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .send(Job { record, reply })
            .map_err(|_| StoreError::Stopped)?;
        answer.recv().map_err(|_| StoreError::Stopped)?
    }

    fn list(&self, filter: &Filter) -> Result<Vec<Row>, StoreError> {
        let expired = filter.expired_on.map(|d| d.to_string());
        self.read(|c| {
            let mut stmt = c.prepare_cached(
                "SELECT hash, record_id, kind, kid, professional, dossier, received_at, keep_until,
                        withdraws, withdrawn_by
                 FROM records
                 WHERE (?1 IS NULL OR kind = ?1)
                   AND (?2 IS NULL OR dossier = ?2)
                   AND (?3 IS NULL OR (keep_until IS NOT NULL AND keep_until < ?3))
                 ORDER BY received_at, rowid",
            )?;
            let rows = stmt.query_map(params![filter.kind, filter.dossier, expired], row)?;
            rows.collect()
        })
    }

    fn jws(&self, hash: &str) -> Result<Option<String>, StoreError> {
        self.read(|c| {
            c.prepare_cached("SELECT jws FROM records WHERE hash = ?1")?
                .query_row([hash], |r| r.get(0))
                .optional()
        })
    }

    fn received(&self, hash: &str) -> Result<Option<Vec<u8>>, StoreError> {
        self.read(|c| {
            // NULL: the JWS itself was received.
            c.prepare_cached(
                "SELECT coalesce(received, CAST(jws AS BLOB)) FROM records WHERE hash = ?1",
            )?
            .query_row([hash], |r| r.get(0))
            .optional()
        })
    }

    fn all_jws(&self, kind: &str) -> Result<Vec<(String, String)>, StoreError> {
        self.read(|c| {
            let mut stmt = c.prepare_cached(
                "SELECT hash, jws FROM records WHERE kind = ?1 ORDER BY received_at, rowid",
            )?;
            let rows = stmt.query_map([kind], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect()
        })
    }

    fn count(&self) -> Result<u64, StoreError> {
        self.read(|c| c.query_row("SELECT count(*) FROM records", [], |r| r.get(0)))
    }
}
