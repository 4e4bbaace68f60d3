// Proves that the Kotlin enums and the Rust enums hold the same codes: every code the native
// library can emit (NativeBridge.codes(), built from the core's own `ALL` lists) decodes in
// Kotlin, and every Kotlin code is one the library knows.
package org.callguard.bridge

import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertAll

class EveryCodeDecodesTest {
    private val codes = JSONObject(NativeBridge.codes())

    private class Vocabulary(
        val fromCode: (String) -> Any?,
        val kotlinCodes: Set<String>,
        val exact: Boolean = true,
    )

    /** Rust list name → the Kotlin enum that must decode it. */
    private val vocabularies =
        mapOf(
            "labels" to Vocabulary(Label::fromCode, Label.entries.map { it.code }.toSet()),
            "reasons" to Vocabulary(Reason::fromCode, Reason.entries.map { it.code }.toSet()),
            "risks" to Vocabulary(Risk::fromCode, Risk.entries.map { it.code }.toSet()),
            "actions" to Vocabulary(Action::fromCode, Action.entries.map { it.code }.toSet()),
            "severities" to Vocabulary(Severity::fromCode, Severity.entries.map { it.code }.toSet()),
            "number_kinds" to Vocabulary(NumberKind::fromCode, NumberKind.entries.map { it.code }.toSet()),
            "carriers" to Vocabulary(Carrier::fromCode, Carrier.entries.map { it.code }.toSet()),
            "presentations" to Vocabulary(Presentation::fromCode, Presentation.entries.map { it.code }.toSet()),
            "verifications" to Vocabulary(Verification::fromCode, Verification.entries.map { it.code }.toSet()),
            "contact_statuses" to Vocabulary(ContactStatus::fromCode, ContactStatus.entries.map { it.code }.toSet()),
            "report_categories" to Vocabulary(ReportCategory::fromCode, ReportCategory.entries.map { it.code }.toSet()),
            "rule_effects" to Vocabulary(RuleEffect::fromCode, RuleEffect.entries.map { it.code }.toSet()),
            "rule_kinds" to Vocabulary(RuleKind::fromCode, RuleKind.entries.map { it.code }.toSet()),
            "langs" to Vocabulary(Language::fromCode, Language.entries.map { it.code }.toSet()),
            "language_settings" to Vocabulary(LanguageSetting::fromCode, LanguageSetting.entries.map { it.code }.toSet()),
            // Settings.afterRefusalAction reuses Action: silence and reject only.
            "refusal_actions" to Vocabulary(Action::fromCode, emptySet(), exact = false),
        )

    @Test
    fun `every enum the library lists has a Kotlin counterpart`() {
        assertEquals(vocabularies.keys, codes.keySet())
    }

    @Test
    fun `every Rust code decodes in Kotlin and no Kotlin code is stale`() {
        assertAll(
            vocabularies.map { (name, vocabulary) ->
                {
                    val rust = codes.getJSONArray(name).let { a -> (0 until a.length()).map { a.getString(it) } }
                    assertTrue(rust.isNotEmpty(), name)
                    for (code in rust) assertNotNull(vocabulary.fromCode(code), "$name: \"$code\" does not decode")
                    if (vocabulary.exact) assertEquals(vocabulary.kotlinCodes, rust.toSet(), name)
                }
            },
        )
    }

    @Test
    fun `the library reports its version`() {
        assertTrue(CallGuard.version().matches(Regex("""\d+\.\d+\.\d+.*""")), CallGuard.version())
    }
}
