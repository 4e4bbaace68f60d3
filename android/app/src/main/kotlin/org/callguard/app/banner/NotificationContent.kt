package org.callguard.app.banner

import android.app.NotificationManager
import org.callguard.app.R
import org.callguard.app.screening.ResponsePlan
import org.callguard.app.wording.TextSource
import org.callguard.app.wording.Wording
import org.callguard.bridge.Banner
import org.callguard.bridge.Decision
import org.callguard.bridge.Label
import org.callguard.bridge.Severity
import org.callguard.bridge.SmsVerdict

/**
 * The notification channels, with their ids (stable: Android keeps the user's choices by id, and
 * a channel's sound and vibration cannot be changed by the app once it exists — a new sound
 * needs a new id).
 */
enum class Channel(val id: String, val importance: Int, val silent: Boolean) {
    /**
     * Heads-up banner over the ringing call: high importance (so it peeks), but silent and still
     * — the phone is already ringing, and a notification sound on top of the ringtone is noise.
     */
    RINGING("ringing_banner", NotificationManager.IMPORTANCE_HIGH, silent = true),

    /** Summaries of silenced and rejected calls: low importance (no sound by importance). */
    SCREENED("screened_calls", NotificationManager.IMPORTANCE_LOW, silent = true),

    /** Verification-code SMS after a suspicious call: high importance, with sound. */
    SMS_WARNING("sms_warning", NotificationManager.IMPORTANCE_HIGH, silent = false),
    ;

    companion object {
        /**
         * Ids of channels earlier versions created, deleted at start: `ringing_call` was the
         * ringing banner with the default notification sound, played over the ringtone.
         */
        val RETIRED: Set<String> = setOf("ringing_call")
    }
}

/** Whether the ringing banner can actually appear over a call, as the status screen says it. */
enum class BannerState {
    /** Notifications on and the banner channel at high importance: it pops up. */
    SHOWN,

    /** All of CallGuard's notifications are off. */
    NOTIFICATIONS_OFF,

    /** The user switched the banner channel off. */
    CHANNEL_OFF,

    /** The channel's importance was lowered: it only lands in the shade, no pop-up. */
    NOT_HEADS_UP,
    ;

    companion object {
        /**
         * The state from `areNotificationsEnabled()` and the banner channel's current importance
         * (null when the channel does not exist yet: it is created at high importance).
         */
        fun of(notificationsEnabled: Boolean, channelImportance: Int?): BannerState =
            when {
                !notificationsEnabled -> NOTIFICATIONS_OFF
                channelImportance == null -> SHOWN
                channelImportance == NotificationManager.IMPORTANCE_NONE -> CHANNEL_OFF
                channelImportance < NotificationManager.IMPORTANCE_HIGH -> NOT_HEADS_UP
                else -> SHOWN
            }
    }
}

/** What the user can do from the banner after the call. */
enum class BannerAction(val intentAction: String, val title: Int) {
    /** "Offered a plan / SIM card": report as a plan offer and block. */
    REPORT_PLAN_OFFER("org.callguard.app.action.REPORT_PLAN_OFFER", R.string.notification_action_report_plan),
    BLOCK("org.callguard.app.action.BLOCK", R.string.notification_action_block),
    MARK_SAFE("org.callguard.app.action.MARK_SAFE", R.string.notification_action_mark_safe),
    ;

    companion object {
        /** The action for an intent's action string, or null. */
        fun fromIntentAction(value: String?): BannerAction? = entries.firstOrNull { it.intentAction == value }
    }
}

/**
 * Everything one notification shows, as plain data; `Notifier` turns it into an Android
 * `Notification`. [number] is the full normalised number the actions act on, never shown:
 * the visible texts carry only masked numbers.
 */
data class NotificationContent(
    val channel: Channel,
    val title: String,
    val text: String,
    /** The expanded text (BigTextStyle): body, then the verification-code warning. */
    val bigText: String,
    /** ARGB accent colour. */
    val color: Int,
    val actions: List<BannerAction>,
    /** The buttons' words, one per action, in the same language as the rest of the notification. */
    val actionTitles: List<String>,
    val number: String,
    /** [number] as the engine masks it for display ("138****8000"), for the action's reply. */
    val shownNumber: String,
    /** When the call or message came, ms since the epoch. */
    val timeMillis: Long,
    /** Where the caller's number is registered ("广东省深圳市"), shown in the header; null if unknown. */
    val subText: String? = null,
) {
    init {
        require(actionTitles.size == actions.size) { "one title per action" }
    }
}

/** Builds notification content from the engine's answers. */
object NotificationContents {
    // Accent colours by severity (Material red 700, amber 800, blue 600); grey for summaries.
    const val COLOR_INFO = 0xFF1E88E5.toInt()
    const val COLOR_WARNING = 0xFFF9A825.toInt()
    const val COLOR_DANGER = 0xFFD32F2F.toInt()
    const val COLOR_NEUTRAL = 0xFF757575.toInt()

    /** Calls whose number must never be blocked from a banner, or that cannot be (no number). */
    private val NOT_ACTIONABLE = setOf(Label.EMERGENCY, Label.PUBLIC_SERVICE, Label.HIDDEN)

    /** The accent colour for a severity. */
    fun colorOf(severity: Severity): Int =
        when (severity) {
            Severity.INFO -> COLOR_INFO
            Severity.WARNING -> COLOR_WARNING
            Severity.DANGER -> COLOR_DANGER
        }

    /**
     * The heads-up banner for a call that rings, or null when the engine gave no banner or the
     * call was silenced or rejected (those get [screened] instead). It stays after the call
     * with the report / block / mark-safe actions, worded by [text]: the language the engine
     * wrote the banner in, so one notification never mixes two languages.
     */
    fun ringing(decision: Decision, plan: ResponsePlan, timeMillis: Long, text: TextSource): NotificationContent? {
        val banner = decision.banner ?: return null
        if (!plan.rings) return null
        val actions = actionsFor(decision)
        return NotificationContent(
            channel = Channel.RINGING,
            title = banner.title,
            text = banner.body,
            bigText = expanded(banner),
            color = colorOf(banner.severity),
            actions = actions,
            actionTitles = actions.map { text.get(it.title) },
            number = decision.number.normalized,
            shownNumber = decision.number.masked,
            timeMillis = timeMillis,
            subText = decision.number.location,
        )
    }

    /**
     * The quiet summary of a call CallGuard silenced or rejected, or null for a call that rang;
     * [text] must be in the banner's language (see [ringing]).
     */
    fun screened(decision: Decision, plan: ResponsePlan, timeMillis: Long, text: TextSource): NotificationContent? {
        if (plan.rings) return null
        val title = text.get(
            if (plan.disallow) R.string.notification_screened_rejected else R.string.notification_screened_silenced,
        )
        val label = text.get(Wording.label(decision.label))
        val number = decision.number.normalized
        val masked = if (number.isEmpty()) label else text.get(R.string.notification_screened_text, decision.number.masked, label)
        val where = Wording.whereFrom(decision.number.location, decision.number.carrierHint, text)
        val line = if (where == null) masked else "$masked · $where"
        val banner = decision.banner
        // A rejected call already is blocked; offer the other way out, and the report.
        val actions = actionsFor(decision).filter { it != BannerAction.BLOCK || !plan.disallow }
        return NotificationContent(
            channel = Channel.SCREENED,
            title = title,
            text = line,
            bigText = if (banner == null) line else line + "\n\n" + expanded(banner),
            color = banner?.let { colorOf(it.severity) } ?: COLOR_NEUTRAL,
            actions = actions,
            actionTitles = actions.map { text.get(it.title) },
            number = decision.number.normalized,
            shownNumber = decision.number.masked,
            timeMillis = timeMillis,
            subText = decision.number.location,
        )
    }

    /** The high-priority warning over a verification-code SMS, or null when the core raised none. */
    fun smsWarning(verdict: SmsVerdict, sender: String, timeMillis: Long): NotificationContent? {
        val warning = verdict.warning ?: return null
        return NotificationContent(
            channel = Channel.SMS_WARNING,
            title = warning.title,
            text = warning.body,
            bigText = warning.body,
            color = colorOf(warning.severity),
            actions = emptyList(),
            actionTitles = emptyList(),
            number = sender,
            // No actions, so no reply that would show the sender.
            shownNumber = "",
            timeMillis = timeMillis,
        )
    }

    /** Report / block / mark safe, as far as they make sense for this call. */
    fun actionsFor(decision: Decision): List<BannerAction> {
        if (decision.label in NOT_ACTIONABLE || decision.number.normalized.isEmpty()) return emptyList()
        return buildList {
            add(BannerAction.REPORT_PLAN_OFFER)
            if (decision.label != Label.USER_BLOCKED) add(BannerAction.BLOCK)
            if (decision.label != Label.USER_ALLOWED && decision.label != Label.CONTACT) add(BannerAction.MARK_SAFE)
        }
    }

    private fun expanded(banner: Banner): String =
        if (banner.warning.isNullOrBlank()) banner.body else banner.body + "\n\n" + banner.warning
}
