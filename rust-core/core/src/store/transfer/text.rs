//! Reading an imported file as text, whatever it was saved as: UTF-8 (with or without the BOM
//! spreadsheet programs on Windows write), UTF-16 with a BOM (Notepad's "Unicode"), or GBK —
//! what Excel and most tools on Chinese Windows write by default — chosen when the bytes are not
//! valid UTF-8. `encoding_rs` decodes; this module only decides which decoder to use.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use encoding_rs_io::{DecodeReaderBytes, DecodeReaderBytesBuilder};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The text encoding an imported file was read in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TextEncoding {
    /// UTF-8, with or without a byte-order mark.
    #[default]
    #[serde(rename = "utf-8")]
    Utf8,
    /// UTF-16, little-endian, announced by its byte-order mark.
    #[serde(rename = "utf-16le")]
    Utf16Le,
    /// UTF-16, big-endian, announced by its byte-order mark.
    #[serde(rename = "utf-16be")]
    Utf16Be,
    /// GBK (read as its superset GB 18030): the bytes were not valid UTF-8.
    #[serde(rename = "gbk")]
    Gbk,
}

impl TextEncoding {
    /// The encoding's usual name.
    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf16Le => "UTF-16LE",
            TextEncoding::Utf16Be => "UTF-16BE",
            TextEncoding::Gbk => "GBK",
        }
    }
}

/// A file opened as UTF-8 text.
pub(crate) struct Text {
    /// What the file was read as.
    pub encoding: TextEncoding,
    /// How many lines the file holds, where they can be counted from its bytes (not in UTF-16).
    pub lines: Option<u64>,
    /// The file's text, decoded to UTF-8, without a byte-order mark.
    pub reader: DecodeReaderBytes<BufReader<File>, Vec<u8>>,
}

/// How much of the file one pass reads at a time.
const CHUNK: usize = 256 * 1024;

/// Opens `path` as text: one pass over its bytes decides the encoding and counts the lines (a
/// few milliseconds for a million rows), then the file is read again through the decoder.
pub(crate) fn open(path: &Path) -> Result<Text> {
    let cannot_read =
        |e: std::io::Error| Error::InvalidInput(format!("cannot read {}: {e}", path.display()));
    let (encoding, lines) = sniff(File::open(path).map_err(cannot_read)?).map_err(|e| match e {
        Sniffed::Io(e) => cannot_read(e),
        Sniffed::BadUtf8AfterBom(line) => Error::InvalidInput(format!(
            "line {line}: the file says it is UTF-8 (it starts with a byte-order mark) but is not"
        )),
    })?;
    let builder = match encoding {
        // Checked already: passed through as it is, without the byte-order mark.
        TextEncoding::Utf8 => DecodeReaderBytesBuilder::new()
            .utf8_passthru(true)
            .strip_bom(true)
            .clone(),
        TextEncoding::Gbk => DecodeReaderBytesBuilder::new()
            .encoding(Some(encoding_rs::GB18030))
            .clone(),
        // The byte-order mark picks the decoder.
        TextEncoding::Utf16Le | TextEncoding::Utf16Be => {
            DecodeReaderBytesBuilder::new().strip_bom(true).clone()
        }
    };
    let file = File::open(path).map_err(cannot_read)?;
    Ok(Text {
        encoding,
        lines,
        reader: builder.build(BufReader::with_capacity(CHUNK, file)),
    })
}

enum Sniffed {
    Io(std::io::Error),
    /// The line of the first byte that is not UTF-8, in a file that starts with a UTF-8 BOM.
    BadUtf8AfterBom(u64),
}

/// The file's encoding and its number of lines.
fn sniff(mut file: impl Read) -> std::result::Result<(TextEncoding, Option<u64>), Sniffed> {
    let mut buf = vec![0; CHUNK];
    // buf[..start] is a character cut by the end of the previous read; buf[start..end] is new.
    let (mut start, mut end) = (0, 0);
    while end < 3 {
        match read_some(&mut file, &mut buf[end..])? {
            0 => break,
            n => end += n,
        }
    }
    if buf[..end].starts_with(&[0xFF, 0xFE]) {
        return Ok((TextEncoding::Utf16Le, None));
    }
    if buf[..end].starts_with(&[0xFE, 0xFF]) {
        return Ok((TextEncoding::Utf16Be, None));
    }
    let bom = buf[..end].starts_with(&[0xEF, 0xBB, 0xBF]);
    let (mut valid, mut newlines, mut last) = (true, 0u64, b'\n');
    let count = |bytes: &[u8]| bytes.iter().filter(|b| **b == b'\n').count() as u64;
    loop {
        if end == start {
            match read_some(&mut file, &mut buf[start..])? {
                0 => break,
                n => end = start + n,
            }
        }
        newlines += count(&buf[start..end]);
        last = buf[end - 1];
        start = 0;
        if valid {
            match std::str::from_utf8(&buf[..end]) {
                Ok(_) => {}
                // A character cut by the end of the read: its first bytes go round again.
                Err(e) if e.error_len().is_none() => {
                    let cut = e.valid_up_to();
                    buf.copy_within(cut..end, 0);
                    start = end - cut;
                }
                Err(e) if bom => {
                    let line = newlines - count(&buf[e.valid_up_to()..end]) + 1;
                    return Err(Sniffed::BadUtf8AfterBom(line));
                }
                Err(_) => valid = false,
            }
        }
        end = start;
    }
    if start > 0 {
        // The file ends inside a character.
        if bom {
            return Err(Sniffed::BadUtf8AfterBom(newlines + 1));
        }
        valid = false;
    }
    let lines = newlines + u64::from(last != b'\n');
    let encoding = if valid {
        TextEncoding::Utf8
    } else {
        TextEncoding::Gbk
    };
    Ok((encoding, Some(lines)))
}

fn read_some(file: &mut impl Read, buf: &mut [u8]) -> std::result::Result<usize, Sniffed> {
    loop {
        match file.read(buf) {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            read => return read.map_err(Sniffed::Io),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that hands out at most `step` bytes a call, to cut characters between chunks.
    struct Trickle<'a>(&'a [u8], usize);

    impl Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
            let n = self.1.min(self.0.len()).min(out.len());
            out[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    fn sniffed(bytes: &[u8], step: usize) -> (TextEncoding, Option<u64>) {
        match sniff(Trickle(bytes, step)) {
            Ok(found) => found,
            Err(Sniffed::Io(e)) => panic!("{e}"),
            Err(Sniffed::BadUtf8AfterBom(line)) => panic!("bad UTF-8 on line {line}"),
        }
    }

    #[test]
    fn the_bytes_decide_the_encoding_and_the_lines_are_counted() {
        let gbk = encoding_rs::GBK.encode("13800138000,block,,推销\r\n").0;
        let cases: [(&[u8], TextEncoding, Option<u64>); 8] = [
            (b"", TextEncoding::Utf8, Some(0)),
            (b"1", TextEncoding::Utf8, Some(1)),
            (b"1\n2", TextEncoding::Utf8, Some(2)),
            (b"1\r\n2\r\n", TextEncoding::Utf8, Some(2)),
            (
                "\u{feff}号码\n推销\n".as_bytes(),
                TextEncoding::Utf8,
                Some(2),
            ),
            (&gbk, TextEncoding::Gbk, Some(1)),
            (b"\xff\xfe1\x00\n\x00", TextEncoding::Utf16Le, None),
            (b"\xfe\xff\x001\x00\n", TextEncoding::Utf16Be, None),
        ];
        for (bytes, encoding, lines) in cases {
            for step in [1, 2, 3, 7, CHUNK] {
                assert_eq!(
                    sniffed(bytes, step),
                    (encoding, lines),
                    "{bytes:?} read {step} at a time"
                );
            }
        }
    }

    #[test]
    fn a_utf8_bom_over_bytes_that_are_not_utf8_names_the_line() {
        let bytes = b"\xef\xbb\xbf1,block\n2,block\n3,block,,\xc4\xe3\n";
        assert!(matches!(
            sniff(Trickle(bytes, 5)),
            Err(Sniffed::BadUtf8AfterBom(3))
        ));
    }
}
