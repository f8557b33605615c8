//! The analyst workspace's kept files in IndexedDB: kept whole, read back in import order, cleared.

use manyi::storage::analysis::KeptFile;
use manyi::storage::Store;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
async fn kept_files_come_back_in_import_order_byte_for_byte_and_clear() {
    let name = format!("manyi-test-{}", uuid::Uuid::new_v4());
    let store = Store::open_named(&name).await.expect("open a fresh database");
    assert!(store.analysis_files().await.unwrap().is_empty());
    let file = |id: &str, name: &str, bytes: &[u8]| KeptFile {
        id: id.into(),
        name: name.into(),
        bytes: bytes.to_vec(),
    };
    // Kept out of order: the key orders them.
    let second = file("000000000000002-00000", "b.json", "\u{feff}{\"format\":\"manyi\"} 城东".as_bytes());
    let first = file("000000000000001-00001", "a.json", b"{}");
    store.keep_analysis_file(&second, "2026-11-22T10:00:00+08:00").await.unwrap();
    store.keep_analysis_file(&first, "2026-11-22T10:00:00+08:00").await.unwrap();
    assert_eq!(store.analysis_files().await.unwrap(), vec![first, second]);
    store.clear_analysis_files().await.unwrap();
    assert!(store.analysis_files().await.unwrap().is_empty());
    store.close();
    Store::delete_named(&name).await.expect("delete the test database");
}
