//! The analyst workspace's kept files in IndexedDB: kept whole (as Blobs), read back in import order
//! byte for byte, cleared.

use manyi::storage::analysis::KeptFile;
use manyi::storage::Store;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
async fn kept_files_come_back_in_import_order_byte_for_byte_and_clear() {
    let name = format!("manyi-test-{}", uuid::Uuid::new_v4());
    let store = Store::open_named(&name).await.expect("open a fresh database");
    assert!(store.analysis_files().await.unwrap().is_empty());
    let blob = |bytes: &[u8]| {
        let array = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
        web_sys::Blob::new_with_u8_array_sequence(&array).unwrap()
    };
    let file = |id: &str, name: &str, bytes: &[u8]| KeptFile {
        id: id.into(),
        name: name.into(),
        contents: blob(bytes),
    };
    // Kept out of order: the key orders them.
    let b = "\u{feff}{\"format\":\"manyi\"} 城东".as_bytes();
    store
        .keep_analysis_file(&file("000000000000002-00000", "b.json", b), "2026-11-22T10:00:00+08:00")
        .await
        .unwrap();
    store
        .keep_analysis_file(&file("000000000000001-00001", "a.json", b"{}"), "2026-11-22T10:00:00+08:00")
        .await
        .unwrap();
    let mut back = Vec::new();
    for f in store.analysis_files().await.unwrap() {
        back.push((
            f.id.clone(),
            f.name.clone(),
            js_sys::Uint8Array::new(&f.bytes().await.unwrap()).to_vec(),
        ));
    }
    assert_eq!(
        back,
        [
            ("000000000000001-00001".to_owned(), "a.json".to_owned(), b"{}".to_vec()),
            ("000000000000002-00000".to_owned(), "b.json".to_owned(), b.to_vec()),
        ]
    );
    store.clear_analysis_files().await.unwrap();
    assert!(store.analysis_files().await.unwrap().is_empty());
    store.close();
    Store::delete_named(&name).await.expect("delete the test database");
}
