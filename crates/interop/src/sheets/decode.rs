//! Text files as people's programs save them: UTF-8 with or without a byte
//! order mark, UTF-16 (what Excel writes as "Unicode text"), Windows-1252
//! (Excel's "CSV" on a Western Windows) and Shift_JIS (the same in Japan).

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

use super::SheetError;
use crate::Message;

/// The text of `bytes` and the name of the encoding it was read as.
///
/// A byte order mark decides; then UTF-16 without one (every other byte
/// zero); then valid UTF-8; otherwise chardetng guesses among the legacy
/// encodings from the bytes themselves.
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str), SheetError> {
    let encoding = if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        encoding
    } else if let Some(encoding) = utf16_without_bom(bytes) {
        encoding
    } else if std::str::from_utf8(bytes).is_ok() {
        UTF_8
    } else {
        let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        detector.feed(bytes, true);
        detector.guess(None, chardetng::Utf8Detection::Deny)
    };
    // `decode` strips a BOM of the encoding it was given.
    let (text, _, _) = encoding.decode(bytes);
    if text.contains('\0') {
        return Err(SheetError::NotASheet(Message::coded(
            "sheet-binary",
            &[],
            "the file holds binary data, not text",
        )));
    }
    Ok((text.into_owned(), encoding.name()))
}

/// UTF-16 without a byte order mark: most ASCII characters leave one byte of
/// each pair zero, on the same side.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let zero_at = |offset: usize| {
        sample
            .chunks_exact(2)
            .filter(|pair| pair[offset] == 0 && pair[1 - offset] != 0)
            .count()
    };
    let (even, odd) = (zero_at(0), zero_at(1));
    if odd * 10 >= pairs * 6 && even == 0 {
        Some(UTF_16LE)
    } else if even * 10 >= pairs * 6 && odd == 0 {
        Some(UTF_16BE)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_common_encoding_reads_as_the_same_text() {
        let text = "Lärosäte;東京大学\r\nKarolinska Institutet;Tōkyō\r\n";
        let mut utf8_bom = vec![0xEF, 0xBB, 0xBF];
        utf8_bom.extend(text.as_bytes());
        let utf16le_bom: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let utf16le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let utf16be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for (bytes, name) in [
            (text.as_bytes().to_vec(), "UTF-8"),
            (utf8_bom, "UTF-8"),
            (utf16le_bom, "UTF-16LE"),
            (utf16le, "UTF-16LE"),
            (utf16be, "UTF-16BE"),
        ] {
            assert_eq!(decode(&bytes).unwrap(), (text.to_owned(), name));
        }
    }

    #[test]
    fn legacy_encodings_are_guessed_from_the_bytes() {
        let western = "Namn;Lärosäte;Giltig från\nKarolinska;Göteborgs universitet;2027-09-01\n";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(western);
        assert_eq!(
            decode(&bytes).unwrap(),
            (western.to_owned(), "windows-1252")
        );
        let japanese = "名称,国\n東京大学,JP\n京都大学,JP\n大阪大学,JP\n";
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(japanese);
        assert_eq!(decode(&bytes).unwrap(), (japanese.to_owned(), "Shift_JIS"));
    }

    #[test]
    fn binary_data_is_not_text() {
        let zip = b"PK\x03\x04\x14\x00\x00\x00\x08\x00\x00\x00\xff\xfe\x00\x01\x02";
        assert!(decode(zip).is_err());
    }
}
