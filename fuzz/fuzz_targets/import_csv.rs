//! CSV import (`number_or_pattern,kind,category,note`) of arbitrary bytes into a database that
//! already holds the user's data: never panics; on error nothing changes; what is accepted
//! survives export → import.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| callguard_fuzz::check_import(data, "csv"));
