// Proves that every label of DESIGN §3 comes through the bridge and decodes in Kotlin, for the
// numbers of the spec: each row is a number (with its setup) and the label it must get.
package org.callguard.bridge

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertAll
import org.junit.jupiter.api.io.TempDir
import java.nio.file.Path

class EveryLabelTest {
    @TempDir
    lateinit var dir: Path

    private data class Row(
        val number: String,
        val label: Label,
        val contact: ContactStatus = ContactStatus.NOT_CONTACT,
    )

    private val rows =
        listOf(
            Row("", Label.HIDDEN),
            Row("110", Label.EMERGENCY),
            Row("12321", Label.PUBLIC_SERVICE),
            Row("10086", Label.CARRIER_HOTLINE),
            Row("10085", Label.CARRIER_MARKETING),
            Row("100861", Label.CARRIER_LOOKALIKE),
            Row("13800138001", Label.CONTACT, contact = ContactStatus.CONTACT),
            Row(BLOCKED, Label.USER_BLOCKED),
            Row(ALLOWED, Label.USER_ALLOWED),
            Row(PLAN_OFFER, Label.SUSPICIOUS_PLAN_OFFER),
            Row(FRAUD, Label.REPORTED),
            Row("+44 20 7946 0958", Label.INTERNATIONAL),
            Row("4001234567", Label.SUSPICIOUS),
            Row("95588", Label.SERVICE_NUMBER),
            Row("13800138000", Label.UNKNOWN),
        )

    @Test
    fun `each label comes through the bridge`() {
        openEngine(dir).use { engine ->
            engine.block(BLOCKED)
            engine.allow(ALLOWED)
            engine.report(PLAN_OFFER, ReportCategory.PLAN_OFFER)
            engine.report(FRAUD, ReportCategory.FRAUD)
            assertAll(
                rows.map { row ->
                    {
                        val decision = engine.screenNumber(row.number, contact = row.contact)
                        assertEquals(row.label, decision.label, "\"${row.number}\": $decision")
                        // The app shows numbers only as the engine masked them.
                        val digits = decision.number.normalized.filter(Char::isDigit)
                        if (digits.length >= 7 && decision.number.kind != NumberKind.SHORT_CODE) {
                            assertTrue('*' in decision.number.masked, "\"${row.number}\" shown as ${decision.number.masked}")
                        }
                    }
                },
            )
        }
    }

    @Test
    fun `the rows cover every label`() {
        assertEquals(Label.entries.toSet(), rows.map { it.label }.toSet())
    }

    @Test
    fun `decisions carry the details of the spec`() {
        openEngine(dir).use { engine ->
            engine.block(BLOCKED)
            val marketing = engine.screenNumber("+86 10085")
            assertEquals(Label.CARRIER_MARKETING, marketing.label)
            assertEquals(Carrier.CHINA_MOBILE, marketing.carrier)
            assertTrue(Reason.COUNTRY_PREFIX_STRIPPED in marketing.reasons, "${marketing.reasons}")
            assertNotNull(marketing.banner?.warning, "carrier banners warn about codes")

            val lookalike = engine.screenNumber("100861")
            assertEquals(Risk.HIGH, lookalike.risk)
            assertTrue(Reason.EXTRA_DIGITS_AFTER_CARRIER_CODE in lookalike.reasons, "${lookalike.reasons}")
            assertEquals(Severity.DANGER, lookalike.banner?.severity)

            val blocked = engine.screenNumber(BLOCKED)
            assertEquals(Action.REJECT, blocked.action)
            assertEquals(NumberKind.MOBILE, blocked.number.kind)
            assertEquals(BLOCKED, blocked.number.normalized)

            val emergency = engine.screenNumber("110")
            assertEquals(Action.ALLOW, emergency.action)
            assertEquals(Risk.NONE, emergency.risk)
        }
    }

    private companion object {
        const val BLOCKED = "13912345678"
        const val ALLOWED = "13712345678"
        const val PLAN_OFFER = "13612345678"
        const val FRAUD = "13512345678"
    }
}
