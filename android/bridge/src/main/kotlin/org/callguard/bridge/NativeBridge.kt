package org.callguard.bridge

/**
 * The native functions of `libcallguard_jni` (rust-core/jni), one per engine call, with JSON
 * strings for everything structured. Use [CallGuard] instead: it owns the handle and decodes
 * the JSON.
 *
 * The library is loaded from the path in the system property `callguard.lib` when it is set
 * (the host JVM tests), otherwise by name from the app's native libraries.
 *
 * Every function throws, instead of crashing the process:
 * [IllegalArgumentException] for null, malformed or unknown arguments; [IllegalStateException]
 * for a zero, closed or foreign handle; [CallGuardException] when the database fails;
 * [AssertionError] when the native code panics. String parameters are nullable on purpose:
 * null is rejected by the native side, which the misuse tests prove.
 *
 * Keep in sync with the exports in `rust-core/jni/src/lib.rs`.
 */
object NativeBridge {
    init {
        val path = System.getProperty("callguard.lib")
        if (path.isNullOrEmpty()) {
            System.loadLibrary("callguard_jni")
        } else {
            System.load(path)
        }
    }

    /** The library's version, e.g. "0.1.0". */
    @JvmStatic external fun version(): String

    /** Every code the engine can emit, by enum: `{"labels": [...], "reasons": [...], ...}`. */
    @JvmStatic external fun codes(): String

    /** Opens (creating if needed) the database at [dbPath]; returns a non-zero handle. */
    @JvmStatic external fun open(dbPath: String?): Long

    /** Closes [handle]; a second close of the same handle throws [IllegalStateException]. */
    @JvmStatic external fun close(handle: Long)

    /** Problems found while opening, as a JSON array of strings. */
    @JvmStatic external fun warnings(handle: Long): String

    /** Decides a call: a ScreenRequest JSON in, a Decision JSON out. */
    @JvmStatic external fun screen(
        handle: Long,
        requestJson: String?,
    ): String

    /** Records a report of [number] in the category with code [category], now. */
    @JvmStatic external fun report(
        handle: Long,
        number: String?,
        category: String?,
        note: String?,
    )

    /** Adds a block rule; returns the Rule JSON. */
    @JvmStatic external fun block(
        handle: Long,
        pattern: String?,
        note: String?,
        force: Boolean,
    ): String

    /** Adds an allow rule; returns the Rule JSON. */
    @JvmStatic external fun allow(
        handle: Long,
        pattern: String?,
        note: String?,
        force: Boolean,
    ): String

    /** Removes the rule for [pattern]; true if there was one. */
    @JvmStatic external fun unblock(
        handle: Long,
        pattern: String?,
    ): Boolean

    /** All rules, as a JSON array of Rule. */
    @JvmStatic external fun rules(handle: Long): String

    /** One page of the rules whose pattern starts with [filter], as a RulePage JSON object. */
    @JvmStatic external fun rulePage(
        handle: Long,
        filter: String,
        offset: Int,
        limit: Int,
    ): String

    /** Records that the user refused marketing from the carrier with code [carrier], now. */
    @JvmStatic external fun refuseMarketing(
        handle: Long,
        carrier: String?,
    ): String

    /** All refusals, as a JSON array of Refusal. */
    @JvmStatic external fun refusals(handle: Long): String

    /** All settings, as the Settings JSON object. */
    @JvmStatic external fun settingsList(handle: Long): String

    /** One setting's value, as text. */
    @JvmStatic external fun settingsGet(
        handle: Long,
        key: String?,
    ): String

    /** Changes one setting; [value] is text ("true", "5", "reject"). */
    @JvmStatic external fun settingsSet(
        handle: Long,
        key: String?,
        value: String?,
    )

    /**
     * The newest [limit] screened calls, as a JSON array of HistoryEntry, located in [lang]
     * ("zh" or "en"); a null [lang] follows the language setting.
     */
    @JvmStatic external fun history(
        handle: Long,
        limit: Int,
        lang: String?,
    ): String

    /**
     * Imports a .csv or .txt list or a .json backup, telling [listener] (if any) how far it has
     * come; returns the ImportSummary JSON.
     */
    @JvmStatic external fun importFile(
        handle: Long,
        path: String?,
        listener: ProgressListener?,
    ): String

    /**
     * Writes a .json backup (or a .csv list) to [path], telling [listener] (if any) how far it has
     * come; returns the ExportSummary JSON.
     */
    @JvmStatic external fun exportFile(
        handle: Long,
        path: String?,
        listener: ProgressListener?,
    ): String

    /** The complaint evidence in the language with code [lang]; returns the Evidence JSON. */
    @JvmStatic external fun evidence(
        handle: Long,
        lang: String?,
    ): String

    /**
     * Checks an incoming SMS against recent calls; returns the SmsVerdict JSON. A null [lang]
     * follows the language setting.
     */
    @JvmStatic external fun checkSms(
        handle: Long,
        sender: String?,
        body: String?,
        atMillis: Long,
        lang: String?,
    ): String

    /**
     * Panics inside the native code. Present only in libraries built with the cargo feature
     * `test-panic` (the JVM suite's); elsewhere calling it throws [UnsatisfiedLinkError].
     */
    @JvmStatic external fun panicForTest()
}
