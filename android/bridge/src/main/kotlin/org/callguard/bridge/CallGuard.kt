package org.callguard.bridge

/**
 * One open CallGuard database and the engine over it: the app's only door to the Rust core.
 *
 * Thread-safe: every method may be called from any thread at the same time. [close] is
 * synchronized and idempotent; a call made on a closed instance throws [IllegalStateException],
 * and a call already running when another thread closes finishes normally (the native side
 * keeps the engine alive until it returns).
 *
 * Every method may throw, and never crashes the process:
 * - [IllegalArgumentException] for bad input: an unknown setting key or value, a bad pattern,
 *   text that is not valid Unicode (unpaired surrogates), an unreadable import file;
 * - [IllegalStateException] when this instance is closed;
 * - [CallGuardException] when the database cannot be read or written;
 * - [AssertionError] when the native code panicked (a bug; the next call works again).
 *
 * [screen] never fails because of the number: any string gets a decision (DESIGN §2).
 */
class CallGuard private constructor(
    @Volatile private var handle: Long,
) : AutoCloseable {
    companion object {
        /** Opens the database at [dbPath], creating it with default settings on first use. */
        @JvmStatic
        fun open(dbPath: String): CallGuard = CallGuard(NativeBridge.open(dbPath))

        /** The native library's version. */
        @JvmStatic
        fun version(): String = NativeBridge.version()
    }

    /** Problems found while opening, e.g. a corrupt database that was moved aside. */
    val warnings: List<String>
        get() = Json.strings(NativeBridge.warnings(live()))

    /** Whether [close] has been called. */
    val isClosed: Boolean
        get() = handle == 0L

    /** Decides what an incoming call is and what to do with it. */
    fun screen(request: ScreenRequest): Decision = Json.decision(NativeBridge.screen(live(), Json.request(request)))

    /** Records the user's (or a list's) report that [number] called about [category]. */
    fun report(
        number: String,
        category: ReportCategory,
        note: String? = null,
    ) {
        NativeBridge.report(live(), number, category.code, note)
    }

    /**
     * Blocks [pattern] (a number, a prefix like "400*", or a wildcard like "170????1234").
     * [force] is needed for a pattern the engine would otherwise refuse (e.g. an emergency number).
     */
    fun block(
        pattern: String,
        note: String? = null,
        force: Boolean = false,
    ): Rule = Json.rule(NativeBridge.block(live(), pattern, note, force))

    /** Always lets [pattern] ring (within what the settings allow). */
    fun allow(
        pattern: String,
        note: String? = null,
        force: Boolean = false,
    ): Rule = Json.rule(NativeBridge.allow(live(), pattern, note, force))

    /** Removes the rule for [pattern], block or allow; true if there was one. */
    fun unblock(pattern: String): Boolean = NativeBridge.unblock(live(), pattern)

    /** Every rule. */
    fun rules(): List<Rule> = Json.rules(NativeBridge.rules(live()))

    /**
     * One page of the rules whose pattern starts with [filter] (digits), in pattern order, and how
     * many match in all: what a list screen shows of a million-rule list. At most 1000 a page.
     */
    fun rulePage(
        filter: String = "",
        offset: Int = 0,
        limit: Int = 200,
    ): RulePage = Json.rulePage(NativeBridge.rulePage(live(), filter, offset, limit))

    /** Records that the user clearly refused [carrier]'s marketing, now. */
    fun refuseMarketing(carrier: Carrier): Refusal = Json.refusal(NativeBridge.refuseMarketing(live(), carrier.code))

    /** Every marketing refusal. */
    fun refusals(): List<Refusal> = Json.refusals(NativeBridge.refusals(live()))

    /** Every setting, typed. */
    fun settings(): Settings = Json.settings(NativeBridge.settingsList(live()))

    /** One setting's value as text, by its snake_case key ("block_lookalike"). */
    fun setting(key: String): String = NativeBridge.settingsGet(live(), key)

    /** Changes one setting: [value] is text ("true", "5", "reject", "zh"). */
    fun setSetting(
        key: String,
        value: String,
    ) {
        NativeBridge.settingsSet(live(), key, value)
    }

    /**
     * The newest [limit] screened calls, newest first, with where each number is from in
     * [language]; a null [language] follows the language setting.
     */
    fun history(
        limit: Int = 100,
        language: Language? = null,
    ): List<HistoryEntry> {
        require(limit >= 0) { "limit must not be negative: $limit" }
        return Json.history(NativeBridge.history(live(), limit, language?.code))
    }

    /**
     * Imports a CSV or plain-text list or a JSON backup (by the file's extension), in UTF-8,
     * UTF-16 or GBK, telling [listener] how far it has come. All of it or nothing: a bad row
     * throws [IllegalArgumentException] naming its line, a listener returning false throws
     * [java.util.concurrent.CancellationException].
     */
    fun importFile(
        path: String,
        listener: ProgressListener? = null,
    ): ImportSummary = Json.importSummary(NativeBridge.importFile(live(), path, listener))

    /** Exports everything to a JSON backup (or the rules and reports to a CSV list). */
    fun exportFile(
        path: String,
        listener: ProgressListener? = null,
    ): ExportSummary = Json.exportSummary(NativeBridge.exportFile(live(), path, listener))

    /** The complaint material for 12300 / 12321, written in [language]. */
    fun evidence(language: Language): Evidence = Json.evidence(NativeBridge.evidence(live(), language.code))

    /**
     * Checks an incoming SMS: a verification code arriving soon after a suspicious call gets a
     * warning. A null [language] follows the language setting.
     */
    fun checkSms(
        sender: String,
        body: String,
        timeMillis: Long = System.currentTimeMillis(),
        language: Language? = null,
    ): SmsVerdict = Json.smsVerdict(NativeBridge.checkSms(live(), sender, body, timeMillis, language?.code))

    /** Closes the database; later calls throw [IllegalStateException]. Safe to call again. */
    @Synchronized
    override fun close() {
        val open = handle
        if (open != 0L) {
            handle = 0L
            NativeBridge.close(open)
        }
    }

    private fun live(): Long {
        val open = handle
        check(open != 0L) { "CallGuard is closed" }
        return open
    }
}
