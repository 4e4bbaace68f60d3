package org.callguard.bridge

import org.json.JSONArray
import org.json.JSONException
import org.json.JSONObject

/**
 * Decoding the engine's JSON answers (shapes in rust-core/core) into the types of Model.kt, and
 * encoding the screen request. The library and this module ship together, so JSON that does
 * not decode is a build mismatch: it throws [IllegalStateException] naming the field.
 */
internal object Json {
    fun decision(text: String): Decision = decode(text) { decision(JSONObject(it)) }

    fun settings(text: String): Settings = decode(text) { settings(JSONObject(it)) }

    fun rule(text: String): Rule = decode(text) { rule(JSONObject(it)) }

    fun rules(text: String): List<Rule> = decode(text) { JSONArray(it).objects().map(::rule) }

    fun rulePage(text: String): RulePage =
        decode(text) {
            val o = JSONObject(it)
            RulePage(total = o.getLong("total"), rules = o.getJSONArray("rules").objects().map(::rule))
        }

    fun refusal(text: String): Refusal = decode(text) { refusal(JSONObject(it)) }

    fun refusals(text: String): List<Refusal> = decode(text) { JSONArray(it).objects().map(::refusal) }

    fun strings(text: String): List<String> = decode(text) { JSONArray(it).strings() }

    fun history(text: String): List<HistoryEntry> =
        decode(text) {
            JSONArray(it).objects().map { o ->
                HistoryEntry(
                    timeMillis = o.getLong("time"),
                    number = o.getString("number"),
                    label = o.code("label", Label::fromCode),
                    action = o.code("action", Action::fromCode),
                    reasons = o.getJSONArray("reasons").strings().map { r -> code("reason", r, Reason::fromCode) },
                    location = o.stringOrNull("location"),
                    carrierHint = o.codeOrNull("carrier_hint", Carrier::fromCode),
                )
            }
        }

    fun evidence(text: String): Evidence =
        decode(text) {
            val o = JSONObject(it)
            Evidence(
                refusals =
                    o.getJSONArray("refusals").objects().map { r ->
                        RefusalEvidence(
                            carrier = r.code("carrier", Carrier::fromCode),
                            refusedAt = r.getLong("refused_at"),
                            calls =
                                r.getJSONArray("calls").objects().map { c ->
                                    EvidenceCall(timeMillis = c.getLong("time"), number = c.getString("number"))
                                },
                        )
                    },
                reported =
                    o.getJSONArray("reported").objects().map { r ->
                        ReportedEvidence(
                            number = r.getString("number"),
                            category = r.code("category", ReportCategory::fromCode),
                            count = r.getInt("count"),
                            callTimes = r.getJSONArray("call_times").longs(),
                        )
                    },
                text = o.getString("text"),
            )
        }

    fun smsVerdict(text: String): SmsVerdict =
        decode(text) {
            val o = JSONObject(it)
            SmsVerdict(
                isCode = o.getBoolean("is_code"),
                codeLength = if (o.isNull("code_length")) null else o.getInt("code_length"),
                senderName = o.stringOrNull("sender_name"),
                warning =
                    o.objectOrNull("warning")?.let { w ->
                        SmsWarning(
                            title = w.getString("title"),
                            body = w.getString("body"),
                            severity = w.code("severity", Severity::fromCode),
                        )
                    },
            )
        }

    fun importSummary(text: String): ImportSummary =
        decode(text) {
            val o = JSONObject(it)
            ImportSummary(
                rules = o.getInt("rules"),
                reports = o.getInt("reports"),
                refusals = o.getInt("refusals"),
                settings = o.getInt("settings"),
                format = o.code("format", ImportFormat::fromCode),
                encoding = o.code("encoding", TextEncoding::fromCode),
            )
        }

    fun exportSummary(text: String): ExportSummary = decode(text) { ExportSummary(JSONObject(it).getInt("rows")) }

    /** The ScreenRequest JSON the native `screen` takes. */
    fun request(request: ScreenRequest): String =
        JSONObject()
            .put("number", request.number)
            .put("presentation", request.presentation.code)
            .put("contact", request.contact.code)
            .put("time", request.timeMillis)
            .put("verification", request.verification?.code ?: JSONObject.NULL)
            .put("lang", request.language?.code ?: JSONObject.NULL)
            .toString()

    private fun decision(o: JSONObject) =
        Decision(
            number = phoneNumber(o.getJSONObject("number")),
            label = o.code("label", Label::fromCode),
            carrier = o.codeOrNull("carrier", Carrier::fromCode),
            category = o.stringOrNull("category"),
            risk = o.code("risk", Risk::fromCode),
            reasons = o.getJSONArray("reasons").strings().map { code("reason", it, Reason::fromCode) },
            action = o.code("action", Action::fromCode),
            skipCallLog = o.getBoolean("skip_call_log"),
            skipNotification = o.getBoolean("skip_notification"),
            banner =
                o.objectOrNull("banner")?.let { b ->
                    Banner(
                        title = b.getString("title"),
                        body = b.getString("body"),
                        warning = b.stringOrNull("warning"),
                        severity = b.code("severity", Severity::fromCode),
                    )
                },
        )

    private fun phoneNumber(o: JSONObject) =
        PhoneNumber(
            raw = o.getString("raw"),
            normalized = o.getString("normalized"),
            e164 = o.stringOrNull("e164"),
            kind = o.code("kind", NumberKind::fromCode),
            countryCode = o.stringOrNull("country_code"),
            areaCode = o.stringOrNull("area_code"),
            carrierHint = o.codeOrNull("carrier_hint", Carrier::fromCode),
            location = o.stringOrNull("location"),
            masked = o.getString("masked"),
        )

    private fun settings(o: JSONObject) =
        Settings(
            blockLookalike = o.getBoolean("block_lookalike"),
            blockReported = o.getBoolean("block_reported"),
            blockInternational = o.getBoolean("block_international"),
            blockHidden = o.getBoolean("block_hidden"),
            blockSuspicious = o.getBoolean("block_suspicious"),
            blockNonContacts = o.getBoolean("block_non_contacts"),
            afterRefusalAction = o.code("after_refusal_action", Action::fromCode),
            repeatedCallMinutes = o.getInt("repeated_call_minutes"),
            bannerForUnknown = o.getBoolean("banner_for_unknown"),
            language = o.code("language", LanguageSetting::fromCode),
            skipNotificationOnReject = o.getBoolean("skip_notification_on_reject"),
            skipCallLogOnReject = o.getBoolean("skip_call_log_on_reject"),
            paused = o.getBoolean("paused"),
            historyEnabled = o.getBoolean("history_enabled"),
            historyDays = o.getInt("history_days"),
            smsGuardMinutes = o.getInt("sms_guard_minutes"),
        )

    private fun rule(o: JSONObject) =
        Rule(
            pattern = o.getString("pattern"),
            kind = o.code("kind", RuleKind::fromCode),
            effect = o.code("effect", RuleEffect::fromCode),
            note = o.stringOrNull("note"),
            createdAt = o.getLong("created_at"),
        )

    private fun refusal(o: JSONObject) = Refusal(carrier = o.code("carrier", Carrier::fromCode), refusedAt = o.getLong("refused_at"))

    private inline fun <T> decode(
        text: String,
        block: (String) -> T,
    ): T =
        try {
            block(text)
        } catch (e: JSONException) {
            throw IllegalStateException("native answer does not match the bridge: ${e.message}", e)
        }

    private fun <T> code(
        field: String,
        value: String,
        fromCode: (String) -> T?,
    ): T = fromCode(value) ?: throw IllegalStateException("unknown $field code from the native library: \"$value\"")

    private fun <T> JSONObject.code(
        key: String,
        fromCode: (String) -> T?,
    ): T = code(key, getString(key), fromCode)

    private fun <T> JSONObject.codeOrNull(
        key: String,
        fromCode: (String) -> T?,
    ): T? = if (isNull(key)) null else code(key, fromCode)

    private fun JSONObject.stringOrNull(key: String): String? = if (isNull(key)) null else getString(key)

    private fun JSONObject.objectOrNull(key: String): JSONObject? = if (isNull(key)) null else getJSONObject(key)

    private fun JSONArray.objects(): List<JSONObject> = (0 until length()).map { getJSONObject(it) }

    private fun JSONArray.strings(): List<String> = (0 until length()).map { getString(it) }

    private fun JSONArray.longs(): List<Long> = (0 until length()).map { getLong(it) }
}
