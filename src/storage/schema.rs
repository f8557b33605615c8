//! The database's schema: its name, its version and the named migration that brings each version
//! about. A new version adds a migration here; old ones never change.

use wasm_bindgen::JsValue;
use web_sys::{IdbDatabase, IdbObjectStoreParameters, IdbTransaction};

/// The database of the app.
pub const DB_NAME: &str = "manyi";
/// The object store of responses, keyed by the response UUID (`id`).
pub const RESPONSES: &str = "responses";
/// Index of `responses` by questionnaire id.
pub const BY_QUESTIONNAIRE: &str = "by_questionnaire";
/// Index of `responses` by status (draft, complete, break_off).
pub const BY_STATUS: &str = "by_status";
/// Index of `responses` by low-score follow-up (`queued` for a call-back, `flagged`); responses
/// without one are not in it. The callback workspace reads the queued ones through it.
pub const BY_FOLLOW_UP: &str = "by_follow_up";
/// The object store of the kiosk's settings, one record under the key [`SETTINGS_KEY`].
pub const KIOSK: &str = "kiosk";
/// The key of the settings record in [`KIOSK`].
pub const SETTINGS_KEY: &str = "settings";
/// The object store of questionnaires made or imported on the device, keyed by `[id, version]`.
pub const QUESTIONNAIRES: &str = "questionnaires";
/// The object store of an evaluation visit's stopwatches, keyed by the response UUID (`response`).
pub const STOPWATCHES: &str = "stopwatches";

/// The object store of callback cases, keyed by the case key as text (`GD001`, `kiosk-…`).
pub const CALLBACK_CASES: &str = "callback_cases";
/// The object store of problem records (the closed loop), keyed by the problem UUID.
pub const CALLBACK_PROBLEMS: &str = "callback_problems";
/// The callback call in progress (one slot), so a reload resumes it.
pub const CALLBACK_CALLS: &str = "callback_calls";
/// Index of the callback stores by status (cases open/closed, problems open/closed).
pub const BY_CALLBACK_STATUS: &str = "by_status";

/// The analyst workspace's imported export files, keyed by import order (`id`).
pub const ANALYSIS_FILES: &str = "analysis_files";

/// The sync's change log: one entry per save of a record the server should get, keyed by the
/// device's change counter (`seq`, IndexedDB's key generator: it only rises); an entry leaves the
/// log once the server has confirmed the save or a later one.
pub const SYNC_LOG: &str = "sync_log";
/// Index of [`SYNC_LOG`] by document id.
pub const BY_DOC: &str = "by_doc";
/// What the server confirmed, keyed by document id (`doc`): the revision and when.
pub const SYNC_MARKS: &str = "sync_marks";
/// The sync's settings, status and checkpoints, one record per key (`settings`, `status`, …).
pub const SYNC_STATE: &str = "sync_state";

/// One step of the schema.
pub struct Migration {
    /// The version it brings the database to.
    pub version: u32,
    /// What it does, for error messages.
    pub name: &'static str,
    run: fn(&IdbDatabase, &IdbTransaction) -> Result<(), JsValue>,
}

/// Every migration, in version order, starting at 1. Versions are reserved per workspace (see
/// DEVELOPERS.md) so that work on several workspaces can land in any order; a gap is allowed.
pub const MIGRATIONS: &[Migration] = &[
    Migration { version: 1, name: "v1: responses store with questionnaire and status indexes", run: v1 },
    Migration { version: 2, name: "v2: kiosk settings store; responses indexed by follow-up", run: v2 },
    Migration { version: 3, name: "v3: callback cases, problem records and the call in progress", run: v3 },
    Migration { version: 4, name: "v4: questionnaires by id and version; evaluation stopwatches", run: v4 },
    Migration { version: 5, name: "v5: the analyst workspace's imported files", run: v5 },
    Migration { version: 6, name: "v6: the sync's change log, confirmed revisions and state", run: v6 },
];

/// The current version: the last migration's.
pub const VERSION: u32 = match MIGRATIONS.last() {
    Some(m) => m.version,
    None => 0,
};

fn v1(db: &IdbDatabase, _tx: &IdbTransaction) -> Result<(), JsValue> {
    let params = IdbObjectStoreParameters::new();
    params.set_key_path(&JsValue::from_str("id"));
    let store = db.create_object_store_with_optional_parameters(RESPONSES, &params)?;
    store.create_index_with_str(BY_QUESTIONNAIRE, "questionnaire")?;
    store.create_index_with_str(BY_STATUS, "status")?;
    Ok(())
}

fn v2(db: &IdbDatabase, tx: &IdbTransaction) -> Result<(), JsValue> {
    db.create_object_store(KIOSK)?;
    tx.object_store(RESPONSES)?.create_index_with_str(BY_FOLLOW_UP, "follow_up")?;
    Ok(())
}

fn v3(db: &IdbDatabase, _tx: &IdbTransaction) -> Result<(), JsValue> {
    let params = IdbObjectStoreParameters::new();
    params.set_key_path(&JsValue::from_str("id"));
    for name in [CALLBACK_CASES, CALLBACK_PROBLEMS] {
        let store = db.create_object_store_with_optional_parameters(name, &params)?;
        store.create_index_with_str(BY_CALLBACK_STATUS, "status")?;
    }
    db.create_object_store_with_optional_parameters(CALLBACK_CALLS, &params)?;
    Ok(())
}

fn v4(db: &IdbDatabase, _tx: &IdbTransaction) -> Result<(), JsValue> {
    let params = IdbObjectStoreParameters::new();
    let key = js_sys::Array::of2(&JsValue::from_str("id"), &JsValue::from_str("version"));
    params.set_key_path(&key);
    db.create_object_store_with_optional_parameters(QUESTIONNAIRES, &params)?;
    let params = IdbObjectStoreParameters::new();
    params.set_key_path(&JsValue::from_str("response"));
    db.create_object_store_with_optional_parameters(STOPWATCHES, &params)?;
    Ok(())
}

fn v5(db: &IdbDatabase, _tx: &IdbTransaction) -> Result<(), JsValue> {
    let params = IdbObjectStoreParameters::new();
    params.set_key_path(&JsValue::from_str("id"));
    db.create_object_store_with_optional_parameters(ANALYSIS_FILES, &params)?;
    Ok(())
}

fn v6(db: &IdbDatabase, _tx: &IdbTransaction) -> Result<(), JsValue> {
    let params = IdbObjectStoreParameters::new();
    params.set_key_path(&JsValue::from_str("seq"));
    params.set_auto_increment(true);
    let log = db.create_object_store_with_optional_parameters(SYNC_LOG, &params)?;
    log.create_index_with_str(BY_DOC, "doc")?;
    let params = IdbObjectStoreParameters::new();
    params.set_key_path(&JsValue::from_str("doc"));
    db.create_object_store_with_optional_parameters(SYNC_MARKS, &params)?;
    db.create_object_store(SYNC_STATE)?;
    Ok(())
}

/// Runs the migrations after `old` up to [`VERSION`], in order.
pub fn upgrade(db: &IdbDatabase, tx: &IdbTransaction, old: u32) -> Result<(), JsValue> {
    for m in MIGRATIONS.iter().filter(|m| m.version > old && m.version <= VERSION) {
        (m.run)(db, tx).map_err(|e| {
            let reason = super::StorageError::describe(&e);
            JsValue::from_str(&format!("migration {} failed: {reason}", m.name))
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_rise_strictly_from_one_to_the_version() {
        let versions: Vec<u32> = MIGRATIONS.iter().map(|m| m.version).collect();
        assert_eq!(versions.first(), Some(&1));
        assert!(versions.windows(2).all(|w| w[0] < w[1]), "{versions:?}");
        assert_eq!(versions.last(), Some(&VERSION));
    }
}
