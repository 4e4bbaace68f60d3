//! Crossing values over JNI: Java strings in (checked for null and for valid Unicode), JSON in
//! and out, snake_case codes in. Every failure here is the caller's, so it is
//! [`BridgeError::InvalidArgument`].

use std::borrow::Cow;

use jni::objects::JString;
use jni::Env;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::error::BridgeError;

/// A required string argument; null or invalid Unicode (an unpaired surrogate) is rejected.
pub fn string_arg(env: &Env<'_>, value: &JString<'_>, name: &str) -> Result<String, BridgeError> {
    let bytes = mutf8_bytes(env, value, name)?;
    decode_strict(&bytes, name)
}

/// An optional string argument: null is `None`, otherwise as [`string_arg`].
pub fn optional_string_arg(
    env: &Env<'_>,
    value: &JString<'_>,
    name: &str,
) -> Result<Option<String>, BridgeError> {
    if value.is_null() {
        return Ok(None);
    }
    string_arg(env, value, name).map(Some)
}

/// A required string argument where broken Unicode is replaced by U+FFFD instead of rejected:
/// for the screening request, so that every call still gets a decision (DESIGN §2).
pub fn string_arg_lossy(
    env: &Env<'_>,
    value: &JString<'_>,
    name: &str,
) -> Result<String, BridgeError> {
    let bytes = mutf8_bytes(env, value, name)?;
    Ok(simd_cesu8::mutf8::decode_lossy(&bytes).into_owned())
}

/// A JSON argument decoded into `T`.
pub fn json_arg<T: DeserializeOwned>(text: &str, name: &str) -> Result<T, BridgeError> {
    serde_json::from_str(text)
        .map_err(|err| BridgeError::InvalidArgument(format!("{name} is not valid JSON: {err}")))
}

/// A JSON object argument decoded into `T`: serde would also take a struct from a JSON array,
/// which no caller means.
pub fn json_object_arg<T: DeserializeOwned>(text: &str, name: &str) -> Result<T, BridgeError> {
    if !text.trim_start().starts_with('{') {
        return Err(BridgeError::InvalidArgument(format!(
            "{name} must be a JSON object"
        )));
    }
    json_arg(text, name)
}

/// A snake_case code argument (a carrier, a category, a language) parsed by `from_code`.
pub fn code_arg<T>(
    text: &str,
    name: &str,
    from_code: impl FnOnce(&str) -> Option<T>,
) -> Result<T, BridgeError> {
    from_code(text).ok_or_else(|| BridgeError::InvalidArgument(format!("unknown {name}: {text:?}")))
}

/// A Rust string as a new Java string.
pub fn java_string<'local>(
    env: &mut Env<'local>,
    text: &str,
) -> Result<JString<'local>, BridgeError> {
    Ok(JString::from_str(env, text)?)
}

/// A value serialised to JSON, as a new Java string.
pub fn json_result<'local, T: Serialize + ?Sized>(
    env: &mut Env<'local>,
    value: &T,
) -> Result<JString<'local>, BridgeError> {
    let text = serde_json::to_string(value)
        .map_err(|err| BridgeError::Internal(format!("could not encode the result: {err}")))?;
    java_string(env, &text)
}

/// The modified UTF-8 bytes of a non-null Java string.
fn mutf8_bytes(env: &Env<'_>, value: &JString<'_>, name: &str) -> Result<Vec<u8>, BridgeError> {
    if value.is_null() {
        return Err(BridgeError::InvalidArgument(format!(
            "{name} must not be null"
        )));
    }
    let chars = value.mutf8_chars(env)?;
    Ok(chars.to_bytes().to_vec())
}

/// Decodes modified UTF-8, rejecting what no Rust string can hold (unpaired surrogates).
fn decode_strict(bytes: &[u8], name: &str) -> Result<String, BridgeError> {
    match simd_cesu8::mutf8::decode(bytes) {
        Ok(Cow::Borrowed(s)) => Ok(s.to_owned()),
        Ok(Cow::Owned(s)) => Ok(s),
        Err(_) => Err(BridgeError::InvalidArgument(format!(
            "{name} is not valid Unicode (it has an unpaired surrogate)"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "a" + lone high surrogate U+D800 + "b", as the JVM encodes it.
    const LONE_HIGH: &[u8] = &[b'a', 0xED, 0xA0, 0x80, b'b'];
    /// A lone low surrogate U+DC00.
    const LONE_LOW: &[u8] = &[0xED, 0xB0, 0x80];
    /// U+1F600 as a surrogate pair (D83D DE00), as the JVM encodes it.
    const PAIR: &[u8] = &[0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80];

    #[test]
    fn plain_and_cjk_text_decodes_unchanged() {
        assert_eq!(decode_strict(b"10086", "n"), Ok("10086".to_owned()));
        let cjk = "中国移动 １３８";
        assert_eq!(decode_strict(cjk.as_bytes(), "n"), Ok(cjk.to_owned()));
    }

    #[test]
    fn surrogate_pairs_and_nul_decode() {
        assert_eq!(decode_strict(PAIR, "n"), Ok("\u{1F600}".to_owned()));
        assert_eq!(decode_strict(&[0xC0, 0x80], "n"), Ok("\0".to_owned()));
    }

    #[test]
    fn unpaired_surrogates_are_invalid_arguments() {
        for bytes in [LONE_HIGH, LONE_LOW] {
            let err = decode_strict(bytes, "number");
            assert!(
                matches!(&err, Err(BridgeError::InvalidArgument(m)) if m.starts_with("number ")),
                "{err:?}"
            );
        }
    }

    #[test]
    fn lossy_decoding_replaces_unpaired_surrogates() {
        let text = simd_cesu8::mutf8::decode_lossy(LONE_HIGH);
        assert!(text.starts_with('a') && text.ends_with('b'), "{text}");
        assert!(text.contains('\u{FFFD}'));
    }

    #[test]
    fn bad_json_and_unknown_codes_are_invalid_arguments() {
        let err = json_arg::<serde_json::Value>("{not json", "request");
        assert!(matches!(err, Err(BridgeError::InvalidArgument(m)) if m.contains("request")));
        for not_an_object in ["[]", " [\"10086\"]", "null", "42", ""] {
            let err = json_object_arg::<serde_json::Value>(not_an_object, "request");
            assert!(
                matches!(err, Err(BridgeError::InvalidArgument(_))),
                "{not_an_object}"
            );
        }
        assert!(json_object_arg::<serde_json::Value>(" {}", "request").is_ok());
        let err = code_arg("martian", "carrier", |_| None::<u8>);
        assert_eq!(
            err,
            Err(BridgeError::InvalidArgument(
                "unknown carrier: \"martian\"".into()
            ))
        );
        assert_eq!(code_arg("x", "carrier", |_| Some(7)), Ok(7));
    }
}
