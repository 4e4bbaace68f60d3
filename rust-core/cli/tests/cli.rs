//! The `callguard` command as a user meets it: the decision JSON contract of DESIGN §6, each
//! command's happy path and failure path, exit codes (2 and one line for bad input), and the
//! default database created on first use.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn callguard(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("callguard").unwrap();
    cmd.env_remove("CALLGUARD_DB")
        .env("LANG", "en_US.UTF-8")
        .arg("--db")
        .arg(db);
    cmd
}

fn json(out: &[u8]) -> Value {
    serde_json::from_slice(out)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(out)))
}

fn run_ok(db: &Path, args: &[&str]) -> String {
    let out = callguard(db)
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

/// Runs a command that must fail with exit `code` and exactly one line on stderr.
fn run_fails(db: &Path, args: &[&str], code: i32) -> String {
    let out = callguard(db)
        .args(args)
        .assert()
        .code(code)
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.trim_end().lines().count(), 1, "{args:?}: {stderr:?}");
    stderr
}

#[test]
fn screen_json_is_exactly_the_decision_object() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cg.db");
    let d = json(run_ok(&db, &["--lang", "zh", "screen", "--json", "+86 10085"]).as_bytes());
    let keys: Vec<&str> = d.as_object().unwrap().keys().map(String::as_str).collect();
    let mut want = vec![
        "number",
        "label",
        "carrier",
        "category",
        "risk",
        "reasons",
        "action",
        "skip_call_log",
        "skip_notification",
        "banner",
    ];
    want.sort();
    let mut keys = keys;
    keys.sort();
    assert_eq!(keys, want);
    let mut number_keys: Vec<&str> = d["number"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    number_keys.sort();
    assert_eq!(
        number_keys,
        [
            "area_code",
            "carrier_hint",
            "country_code",
            "e164",
            "kind",
            "location",
            "masked",
            "normalized",
            "raw"
        ]
    );
    assert_eq!(d["label"], "carrier_marketing");
    assert_eq!(d["carrier"], "china_mobile");
    assert_eq!(d["action"], "allow");
    assert!(d["banner"]["warning"].as_str().unwrap().contains("验证码"));
    let en = json(run_ok(&db, &["--lang", "en", "screen", "--json", "+86 10085"]).as_bytes());
    assert!(en["banner"]["warning"]
        .as_str()
        .unwrap()
        .contains("verification code"));
}

#[test]
fn screen_shows_a_person_the_banner_label_action_and_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_ok(
        &dir.path().join("cg.db"),
        &["--lang", "en", "screen", "+44 10086"],
    );
    for needle in [
        "[danger]",
        "Carrier look-alike",
        "+4410086",
        "Label:",
        "carrier_lookalike",
        "Action:",
        "foreign_country_code",
        "verification code",
    ] {
        assert!(out.contains(needle), "{needle} missing from:\n{out}");
    }
    // A caller nothing is known about ends on a reason, not on a bare heading.
    let db = dir.path().join("cg.db");
    let unknown = run_ok(&db, &["--lang", "en", "screen", "0755 2345 6789"]);
    assert!(unknown.contains("0755****6789"), "{unknown}");
    assert!(unknown.trim_end().ends_with("Reasons:  none"), "{unknown}");
    let zh = run_ok(&db, &["--lang", "zh", "screen", "0755 2345 6789"]);
    assert!(zh.trim_end().ends_with("原因：无"), "{zh}");
}

#[test]
fn bad_flag_values_exit_2_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cg.db");
    assert!(
        run_fails(&db, &["screen", "--presentation", "maybe", "10086"], 2)
            .contains("--presentation")
    );
    assert!(run_fails(&db, &["--lang", "fr", "screen", "10086"], 2).contains("--lang"));
    assert!(run_fails(&db, &["screen", "--at", "yesterday", "10086"], 2).contains("RFC 3339"));
    run_fails(&db, &["no-such-command"], 2);
    run_fails(&db, &["report", "13800138000", "--category", "spam"], 2);
}

#[test]
fn screen_options_reach_the_decision() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cg.db");
    let hidden =
        json(run_ok(&db, &["screen", "--json", "--presentation", "restricted"]).as_bytes());
    assert_eq!(hidden["label"], "hidden");
    let contact = json(run_ok(&db, &["screen", "--json", "--contact", "13800138000"]).as_bytes());
    assert_eq!(contact["label"], "contact");
    // Strict mode rejects a caller only when a contacts lookup answered "not a contact".
    run_ok(&db, &["settings", "set", "block_non_contacts", "true"]);
    let stranger =
        json(run_ok(&db, &["screen", "--json", "--not-contact", "13700137000"]).as_bytes());
    assert_eq!(stranger["action"], "reject");
    let unknown = json(run_ok(&db, &["screen", "--json", "13600136000"]).as_bytes());
    assert_eq!(unknown["action"], "allow");
    assert!(unknown["reasons"]
        .as_array()
        .unwrap()
        .contains(&serde_json::json!("contacts_unknown")));
    run_fails(
        &db,
        &["screen", "--contact", "--not-contact", "13600136000"],
        2,
    );
    run_ok(&db, &["settings", "set", "block_non_contacts", "false"]);
    let spoofed = json(
        run_ok(
            &db,
            &["screen", "--json", "--verification", "failed", "10086"],
        )
        .as_bytes(),
    );
    assert_eq!(spoofed["label"], "carrier_lookalike");
    run_ok(
        &db,
        &["screen", "--at", "2026-11-30T09:15:00+08:00", "13900139000"],
    );
    let history = json(run_ok(&db, &["history", "--json"]).as_bytes());
    assert!(history
        .as_array()
        .unwrap()
        .iter()
        .any(|h| h["time"] == 1_796_001_300_000_i64));
}

#[test]
fn screen_batch_answers_every_line_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("numbers.txt");
    let mut text = String::new();
    for i in 0..100_000u32 {
        text += &match i % 5 {
            0 => "10085".to_owned(),
            1 => "+44 10086".to_owned(),
            2 => format!("138{i:08}"),
            3 => "not a number at all 📞".to_owned(),
            _ => String::new(),
        };
        text.push('\n');
    }
    fs::write(&input, text).unwrap();
    let out = run_ok(
        &dir.path().join("cg.db"),
        &["screen-batch", input.to_str().unwrap()],
    );
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 100_000);
    let labels = [
        "carrier_marketing",
        "carrier_lookalike",
        "unknown",
        "unknown",
        "hidden",
    ];
    for (i, line) in lines.iter().enumerate().step_by(997) {
        assert_eq!(
            json(line.as_bytes())["label"],
            labels[i % 5],
            "line {}",
            i + 1
        );
    }
    // Bulk classification is not a call: it leaves no history.
    assert_eq!(
        run_ok(&dir.path().join("cg.db"), &["history", "--json"]).trim(),
        "[]"
    );
}

#[test]
fn screen_batch_reads_stdin_and_survives_invalid_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let out = callguard(&dir.path().join("cg.db"))
        .args(["screen-batch", "-"])
        .write_stdin(b"10086\n\xff\xfe\n110\n".to_vec())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let labels: Vec<Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| json(l.as_bytes())["label"].clone())
        .collect();
    assert_eq!(labels, ["carrier_hotline", "unknown", "emergency"]);
    run_fails(
        &dir.path().join("cg.db"),
        &["screen-batch", "/no/such/file"],
        2,
    );
}

#[test]
fn rules_commands() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cg.db");
    assert!(run_ok(&db, &["block", "170*", "--note", "MVNO"]).contains("170*"));
    run_ok(&db, &["allow", "17012345678"]);
    run_ok(&db, &["block", "0755????????"]);
    run_fails(&db, &["block", "*"], 2);
    run_ok(&db, &["block", "*", "--force"]);
    run_ok(&db, &["unblock", "*"]);
    run_fails(&db, &["block", "138abc"], 2);
    run_fails(&db, &["unblock", "13900000000"], 2);
    let rules = json(run_ok(&db, &["rules", "--json"]).as_bytes());
    assert_eq!(rules.as_array().unwrap().len(), 3);
    assert_eq!(
        json(run_ok(&db, &["screen", "--json", "17099999999"]).as_bytes())["action"],
        "reject"
    );
    assert_eq!(
        json(run_ok(&db, &["screen", "--json", "17012345678"]).as_bytes())["label"],
        "user_allowed"
    );
    assert!(run_ok(&db, &["rules"]).contains("MVNO"));
}

#[test]
fn report_refuse_and_evidence_commands() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cg.db");
    run_ok(
        &db,
        &[
            "report",
            "13912345678",
            "--category",
            "plan_offer",
            "--note",
            "5G upgrade",
        ],
    );
    run_fails(&db, &["report", "170*", "--category", "fraud"], 2);
    assert_eq!(
        json(run_ok(&db, &["screen", "--json", "13912345678"]).as_bytes())["label"],
        "suspicious_plan_offer"
    );
    run_ok(
        &db,
        &[
            "refuse-marketing",
            "china_telecom",
            "--at",
            "2026-11-01T10:00:00+08:00",
        ],
    );
    run_fails(&db, &["refuse-marketing", "china_broadnet"], 2);
    run_fails(&db, &["refuse-marketing", "acme"], 2);
    let later = json(run_ok(&db, &["screen", "--json", "10001"]).as_bytes());
    assert_eq!(later["action"], "silence");
    let evidence = json(run_ok(&db, &["evidence", "--json"]).as_bytes());
    assert_eq!(evidence["refusals"][0]["carrier"], "china_telecom");
    assert_eq!(
        evidence["refusals"][0]["calls"].as_array().unwrap().len(),
        1
    );
    assert_eq!(evidence["reported"][0]["number"], "13912345678");
    let zh = run_ok(&db, &["--lang", "zh", "evidence"]);
    assert!(
        zh.contains("12300") && zh.contains("中国电信") && zh.contains("12321"),
        "{zh}"
    );
}

#[test]
fn settings_commands() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cg.db");
    assert_eq!(run_ok(&db, &["settings", "list"]).lines().count(), 16);
    assert_eq!(
        run_ok(&db, &["settings", "get", "repeated_call_minutes"]).trim(),
        "3"
    );
    run_ok(&db, &["settings", "set", "block_lookalike", "true"]);
    assert_eq!(
        run_ok(&db, &["settings", "get", "block_lookalike"]).trim(),
        "true"
    );
    run_fails(&db, &["settings", "set", "block_lookalike", "maybe"], 2);
    run_fails(&db, &["settings", "set", "volume", "11"], 2);
    run_fails(&db, &["settings", "get", "volume"], 2);
    assert_eq!(
        run_ok(&db, &["settings", "get", "block_lookalike"]).trim(),
        "true"
    );
    assert_eq!(
        json(run_ok(&db, &["screen", "--json", "100861"]).as_bytes())["action"],
        "reject"
    );
}

#[test]
fn history_command() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cg.db");
    run_ok(&db, &["screen", "10085"]);
    run_ok(&db, &["screen", "13800138000"]);
    let h = json(run_ok(&db, &["history", "--json", "--limit", "1"]).as_bytes());
    assert_eq!(h.as_array().unwrap().len(), 1);
    assert_eq!(h[0]["number"], "13800138000");
    let text = run_ok(&db, &["history"]);
    assert!(
        text.contains("138****8000") && !text.contains("13800138000"),
        "{text}"
    );
    run_fails(&db, &["history", "--limit", "lots"], 2);
}

#[test]
fn import_and_export_commands() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cg.db");
    let csv = dir.path().join("list.csv");
    fs::write(&csv, "number_or_pattern,kind,category,note\n13800138000,block,,\n13912345678,report,sim_offer,\n").unwrap();
    assert!(run_ok(&db, &["import", csv.to_str().unwrap()]).contains("1 rule(s), 1 report(s)"));
    let bad = dir.path().join("bad.csv");
    fs::write(&bad, "13700137000,block,,\n13600136000,block,,\nx,y\n").unwrap();
    assert!(run_fails(&db, &["import", bad.to_str().unwrap()], 2).contains("line 3"));
    assert_eq!(
        json(run_ok(&db, &["screen", "--json", "13700137000"]).as_bytes())["label"],
        "unknown"
    );
    run_fails(
        &db,
        &["import", dir.path().join("missing.csv").to_str().unwrap()],
        2,
    );
    let backup = dir.path().join("backup.json");
    run_ok(&db, &["export", backup.to_str().unwrap()]);
    let other = dir.path().join("other.db");
    run_ok(&other, &["import", backup.to_str().unwrap()]);
    assert_eq!(
        run_ok(&other, &["rules", "--json"]),
        run_ok(&db, &["rules", "--json"])
    );
    run_fails(&db, &["export", dir.path().to_str().unwrap()], 2);
    run_fails(
        &db,
        &["export", dir.path().join("x.txt").to_str().unwrap()],
        2,
    );
}

#[test]
fn at_takes_the_times_people_type_and_refuses_the_rest_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cg.db");
    // Each of these is 2026-11-30 09:15 Beijing time, which the history shows.
    for at in [
        "2026-11-30T09:15:00+08:00",
        "2026-11-30T01:15:00Z",
        "2026-11-30 09:15",
        "2026-11-30T09:15",
        "20261130T091500+0800",
        "2026-11-29T20:15-05:00",
    ] {
        run_ok(&db, &["screen", "--at", at, "13900139000"]);
        let history = json(run_ok(&db, &["history", "--limit", "1", "--json"]).as_bytes());
        assert_eq!(history[0]["time"], 1_796_001_300_000_i64, "{at}");
    }
    for (at, says) in [
        ("yesterday", "year"),
        ("2025-02-29 10:00", "day"),
        ("2026-11-30T09:15[Asia/Tokyo]", "offset of Asia/Tokyo"),
        ("2026-11-30T09:15+25:00", "UTC offset"),
        ("30/11/2026", "RFC 3339 / ISO 8601"),
    ] {
        let err = run_fails(&db, &["screen", "--at", at, "13900139000"], 2);
        assert!(
            err.contains(says) && err.contains("Beijing time"),
            "{at}: {err}"
        );
    }
}

#[test]
fn import_says_how_it_read_the_file_and_draws_no_bar_into_a_pipe() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cg.db");
    let cases = [
        ("excel-utf8-bom-crlf.csv", "imported 3 rule(s), 3 report(s), 0 refusal(s), 0 setting(s)\n"),
        ("excel-gbk.csv", "imported 3 rule(s), 1 report(s), 0 refusal(s), 0 setting(s) (read as GBK: the file was not UTF-8)\n"),
        ("plain-list.txt", "imported 5 rule(s), 0 report(s), 0 refusal(s), 0 setting(s) (a plain list: every line blocked)\n"),
    ];
    for (file, summary) in cases {
        let out = callguard(&db)
            .args(["import", fixtures.join(file).to_str().unwrap()])
            .assert()
            .success()
            .get_output()
            .clone();
        assert_eq!(String::from_utf8(out.stdout).unwrap(), summary, "{file}");
        assert!(
            out.stderr.is_empty(),
            "{file}: {:?}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let out = callguard(&db)
        .args(["export", dir.path().join("all.csv").to_str().unwrap()])
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(out.stderr.is_empty());
}

#[test]
fn sms_check_command() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cg.db");
    run_ok(
        &db,
        &["screen", "--at", "2026-11-30T09:00:00+08:00", "100861"],
    );
    let body = "【中国联通】验证码 739201，您正在办理号卡业务，请勿泄露。";
    let v = json(
        run_ok(
            &db,
            &[
                "sms-check",
                "--sender",
                "10655",
                "--body",
                body,
                "--at",
                "2026-11-30T09:04:00+08:00",
                "--json",
            ],
        )
        .as_bytes(),
    );
    let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(keys, ["code_length", "is_code", "sender_name", "warning"]);
    assert_eq!(
        (v["is_code"].clone(), v["code_length"].clone()),
        (Value::Bool(true), Value::from(6))
    );
    assert_eq!(v["warning"]["severity"], "danger");
    let none = json(
        run_ok(
            &db,
            &[
                "sms-check",
                "--sender",
                "10010",
                "--body",
                "您本月流量剩余 2GB",
                "--json",
            ],
        )
        .as_bytes(),
    );
    assert_eq!(none["warning"], Value::Null);
    run_fails(&db, &["sms-check", "--body", "x"], 2);
}

#[test]
fn the_default_database_is_created_on_first_use() {
    let home = tempfile::tempdir().unwrap();
    let mut cmd = Command::cargo_bin("callguard").unwrap();
    cmd.env_remove("CALLGUARD_DB")
        .env("XDG_DATA_HOME", home.path())
        .args(["screen", "--json", "10086"]);
    assert_eq!(
        json(&cmd.assert().success().get_output().stdout)["label"],
        "carrier_hotline"
    );
    assert!(home.path().join("callguard/callguard.db").is_file());
    let via_env = home.path().join("env.db");
    Command::cargo_bin("callguard")
        .unwrap()
        .env("CALLGUARD_DB", &via_env)
        .args(["screen", "10086"])
        .assert()
        .success();
    assert!(via_env.is_file());
}

#[test]
fn an_unusable_database_still_screens_but_writes_fail() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("not-a-folder");
    fs::write(&blocker, "x").unwrap();
    let db = blocker.join("cg.db");
    let out = callguard(&db)
        .args(["screen", "--json", "100861"])
        .assert()
        .success()
        .get_output()
        .clone();
    let d = json(&out.stdout);
    assert_eq!(
        (d["label"].clone(), d["action"].clone()),
        (Value::from("carrier_lookalike"), Value::from("allow"))
    );
    assert!(d["reasons"]
        .as_array()
        .unwrap()
        .contains(&Value::from("fail_open")));
    assert!(String::from_utf8_lossy(&out.stderr).contains("built-in rules"));
    callguard(&db)
        .args(["block", "13800138000"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cannot"));
}
