package org.callguard.app.banner

/**
 * Masks a phone number for places the user did not ask to see it in full: notifications on a
 * lock screen, logs (DESIGN §5, §8). The four digits before the last four are hidden, as
 * Chinese services print numbers: "13800138000" → "138****8000", "075512345678" →
 * "0755****5678". Short codes (10086, 95555, 12321) are public and stay readable.
 */
object PhoneMask {
    private const val HIDDEN = 4
    private const val SHOWN_TAIL = 4
    private const val SHORT = 7

    /** The masked form of [number]; numbers of 7 digits or fewer are returned unchanged. */
    fun mask(number: String): String {
        val digits = number.count { it.isDigit() }
        if (digits <= SHORT) return number
        val firstHidden = digits - SHOWN_TAIL - HIDDEN + 1
        val lastHidden = digits - SHOWN_TAIL
        var seen = 0
        return buildString(number.length) {
            for (c in number) {
                if (c.isDigit()) {
                    seen += 1
                    append(if (seen in firstHidden..lastHidden) '*' else c)
                } else {
                    append(c)
                }
            }
        }
    }
}
