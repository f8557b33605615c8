//! Files in and out of the browser: offering bytes as a download, and reading the text of a file
//! the person picked. Exports leave the device only this way.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Offers `bytes` as a download called `name` of type `mime`.
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|e| format!("{e:?}"))?;
    download_blob(name, &blob)
}

/// Offers `blob` (a file made elsewhere, e.g. by a web worker) as a download called `name`.
pub fn download_blob(name: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let describe = |e: wasm_bindgen::JsValue| format!("{e:?}");
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(describe)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(describe)?.dyn_into().map_err(|_| "not a link")?;
    link.set_href(&url);
    link.set_download(name);
    link.set_class_name("visually-hidden");
    // In the document while clicked: some browsers ignore a click on a detached link.
    let body = document.body().ok_or("no body")?;
    body.append_child(&link).map_err(describe)?;
    link.click();
    link.remove();
    // The browser reads the blob after this turn: let it go a while later, not at once.
    yew::platform::spawn_local(async move {
        yew::platform::time::sleep(std::time::Duration::from_secs(60)).await;
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    Ok(())
}

/// The text (UTF-8) of the first file picked in the `<input type=file>` of `event`, with its name.
pub async fn picked_text(event: &web_sys::Event) -> Option<Result<(String, String), String>> {
    let input: web_sys::HtmlInputElement = event.target()?.dyn_into().ok()?;
    let file = input.files()?.get(0)?;
    // Picking the same file again must fire `change` again.
    input.set_value("");
    let name = file.name();
    Some(match JsFuture::from(file.text()).await {
        Ok(text) => Ok((name, text.as_string().unwrap_or_default())),
        Err(e) => Err(format!("{name}: {e:?}")),
    })
}
