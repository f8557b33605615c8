//! Decoding text files as they come: UTF-8 with or without a BOM, or GB18030 (which covers GBK
//! and GB2312), as saved by Excel on Chinese Windows and by older Chinese systems.

use std::borrow::Cow;

/// The encoding a file was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    /// UTF-8 (a BOM, if any, removed).
    Utf8,
    /// GB18030 / GBK / GB2312.
    Gb18030,
}

/// The text of a file: UTF-8 when it is valid UTF-8 (BOM stripped), else GB18030. GB18030 maps
/// every byte sequence, so this never fails; a file in yet another encoding shows up as
/// garbled text, which the readers report as bad values.
pub fn decode(bytes: &[u8]) -> (String, TextEncoding) {
    let (text, encoding) = decode_borrowed(bytes);
    (text.into_owned(), encoding)
}

/// [`decode`] without a copy of a UTF-8 file.
pub fn decode_borrowed(bytes: &[u8]) -> (Cow<'_, str>, TextEncoding) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => (Cow::Borrowed(s), TextEncoding::Utf8),
        Err(_) => {
            let (text, _, _) = encoding_rs::GB18030.decode(bytes);
            (Cow::Owned(text.into_owned()), TextEncoding::Gb18030)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom_and_gbk() {
        assert_eq!(decode("营业厅".as_bytes()), ("营业厅".to_owned(), TextEncoding::Utf8));
        assert_eq!(decode(b"\xEF\xBB\xBFa,b"), ("a,b".to_owned(), TextEncoding::Utf8));
        // 营业厅 in GBK, bytes from the GB2312 code table: D3AA D2B5 CCFC.
        assert_eq!(decode(b"\xD3\xAA\xD2\xB5\xCC\xFC"), ("营业厅".to_owned(), TextEncoding::Gb18030));
    }
}
