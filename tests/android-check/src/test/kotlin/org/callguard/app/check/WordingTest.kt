package org.callguard.app.check

// Proves that every code the engine can emit has words in English and Chinese: the codes are
// read from the Rust source (rust-core/core/src/decision.rs), decoded by the bridge's enums,
// and looked up through Wording, whose string names follow the enum constants.

import org.callguard.app.wording.Wording
import org.callguard.bridge.Action
import org.callguard.bridge.Carrier
import org.callguard.bridge.Label
import org.callguard.bridge.Reason
import org.callguard.bridge.ReportCategory
import org.callguard.bridge.RuleEffect
import org.callguard.bridge.RuleKind
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Assertions.fail
import org.junit.jupiter.api.Test
import java.io.File

class WordingTest {
    private val en = StringResources.english
    private val zh = StringResources.chinese

    /** The codes of `code_enum! { pub enum NAME { … } }` in a Rust file. */
    private fun rustCodes(file: File, enum: String): List<String> {
        val text = file.readText()
        val start = text.indexOf("pub enum $enum {")
        check(start >= 0) { "no enum $enum in $file" }
        val body = text.substring(start, text.indexOf("\n    }", start))
        return Regex("""\w+\s*=\s*"([a-z0-9_]+)"""").findAll(body).map { it.groupValues[1] }.toList()
    }

    private val decisionRs = File(Repo.root, "rust-core/core/src/decision.rs")

    private fun <E : Enum<E>> assertWords(values: Array<E>, prefix: String, id: (E) -> Int) {
        for (value in values) {
            val name = StringResources.nameOf(id(value))
            assertEquals("${prefix}_${value.name.lowercase()}", name, "$value")
            assertTrue(en[name].isNotBlank())
            assertTrue(zh[name].isNotBlank())
        }
    }

    @Test
    fun `every label the engine emits decodes and has words`() {
        val codes = rustCodes(decisionRs, "Label")
        assertEquals(Label.entries.size, codes.size, "Rust and Kotlin label lists differ")
        for (code in codes) {
            val label = Label.fromCode(code) ?: fail("label $code does not decode")
            assertTrue(en[StringResources.nameOf(Wording.label(label))].isNotBlank())
        }
        assertWords(Label.entries.toTypedArray(), "label", Wording::label)
    }

    @Test
    fun `every reason the engine emits decodes and has words`() {
        val codes = rustCodes(decisionRs, "Reason")
        assertTrue(codes.size >= 30, "read only ${codes.size} reasons")
        for (code in codes) {
            val reason = Reason.fromCode(code) ?: fail("reason $code does not decode")
            assertTrue(zh[StringResources.nameOf(Wording.reason(reason))].isNotBlank())
        }
        assertWords(Reason.entries.toTypedArray(), "reason", Wording::reason)
    }

    @Test
    fun `actions, carriers, categories and rules have words`() {
        assertWords(Action.entries.toTypedArray(), "action", Wording::action)
        assertWords(Carrier.entries.toTypedArray(), "carrier", Wording::carrier)
        assertWords(ReportCategory.entries.toTypedArray(), "category", Wording::category)
        assertWords(RuleEffect.entries.toTypedArray(), "rule_effect", Wording::effect)
        assertWords(RuleKind.entries.toTypedArray(), "rule_kind", Wording::ruleKind)
    }

    @Test
    fun `the seven carrier labels read as the product means them`() {
        assertEquals("Fake carrier number", en[StringResources.nameOf(Wording.label(Label.CARRIER_LOOKALIKE))])
        assertEquals("冒充运营商的号码", zh[StringResources.nameOf(Wording.label(Label.CARRIER_LOOKALIKE))])
        assertEquals("中国移动", zh[StringResources.nameOf(Wording.carrier(Carrier.CHINA_MOBILE))])
    }

    @Test
    fun `reasons are listed one per line`() {
        val text = Wording.reasons(listOf(Reason.EXTRA_DIGITS_AFTER_CARRIER_CODE, Reason.USER_RULE), en.texts())
        assertEquals(
            "• A carrier number with extra digits after it: not an official line.\n• Matches one of your block or allow rules.",
            text,
        )
    }
}
