//! Plain-list import (one number or pattern a line, in UTF-8, UTF-16 or GBK) of arbitrary bytes
//! into a database that already holds the user's data: never panics; on error nothing changes;
//! what is accepted survives export → import.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| callguard_fuzz::check_import(data, "txt"));
