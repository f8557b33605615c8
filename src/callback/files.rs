//! Files at the edge of the browser: reading the file an agent picked (a call list, in any
//! encoding: the bytes, not text), and offering bytes as a download.

use wasm_bindgen_futures::JsFuture;

/// The name and bytes of a picked file.
pub async fn read(file: web_sys::File) -> Result<(String, Vec<u8>), String> {
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|e| format!("{e:?}"))?;
    Ok((file.name(), js_sys::Uint8Array::new(&buffer).to_vec()))
}

/// Offers bytes as a download: the app's one way out (`platform::files`).
pub use crate::platform::files::download;
