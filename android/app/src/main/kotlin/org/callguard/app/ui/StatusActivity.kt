package org.callguard.app.ui

import android.Manifest
import android.app.Activity
import android.app.role.RoleManager
import android.content.Intent
import android.content.pm.PackageManager
import android.os.Build
import android.os.Bundle
import android.provider.Settings
import android.view.View
import android.widget.Button
import android.widget.TextView
import org.callguard.app.R
import org.callguard.app.banner.BannerState
import org.callguard.app.banner.Channel
import org.callguard.app.banner.Notifier
import org.callguard.app.engine.EngineProblem
import org.callguard.app.screening.FailOpenRecord
import org.callguard.app.wording.Wording
import org.callguard.bridge.HistoryEntry

/**
 * The launcher screen: first-run setup and health at a glance. It asks for the call-screening
 * role, the notification permission (Android 13+) and, optionally, the contacts; shows whether
 * each is granted, the last screened call and any database problem; and tells the user how to
 * keep the phone maker's battery manager from killing CallGuard.
 */
class StatusActivity : Activity() {
    private lateinit var roleStatus: TextView
    private lateinit var roleButton: Button
    private lateinit var roleFallback: TextView
    private lateinit var roleSettingsButton: Button
    private lateinit var notificationStatus: TextView
    private lateinit var notificationButton: Button
    private lateinit var contactsStatus: TextView
    private lateinit var contactsButton: Button
    private lateinit var lastCall: TextView
    private lateinit var engineStatus: TextView
    private val vendor = Vendor.detect(Build.MANUFACTURER, Build.BRAND)
    private var askedForNotifications = false

    /** The last role request came back without the role: offer Android's default-apps page. */
    private var roleRefused = false

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        setContentView(R.layout.activity_status)
        fitSystemBars()
        roleStatus = requireViewById(R.id.role_status)
        roleButton = requireViewById(R.id.role_button)
        roleFallback = requireViewById(R.id.role_fallback)
        roleSettingsButton = requireViewById(R.id.role_settings_button)
        notificationStatus = requireViewById(R.id.notification_status)
        notificationButton = requireViewById(R.id.notification_button)
        contactsStatus = requireViewById(R.id.contacts_status)
        contactsButton = requireViewById(R.id.contacts_button)
        lastCall = requireViewById(R.id.last_call)
        engineStatus = requireViewById(R.id.engine_status)

        roleButton.setOnClickListener { requestRole() }
        roleSettingsButton.setOnClickListener { RoleRequest.openDefaultApps(this) }
        requireViewById<Button>(R.id.banner_settings_button).setOnClickListener { openBannerSettings() }
        vendor.bannerAdvice?.let { advice ->
            requireViewById<TextView>(R.id.banner_vendor_advice).apply {
                setText(advice)
                visibility = View.VISIBLE
            }
        }
        notificationButton.setOnClickListener { requestNotifications() }
        contactsButton.setOnClickListener {
            requestPermissions(arrayOf(Manifest.permission.READ_CONTACTS), REQUEST_CONTACTS)
        }
        requireViewById<TextView>(R.id.battery_advice).setText(vendor.advice)
        requireViewById<Button>(R.id.battery_button).setOnClickListener { VendorSettings.open(this, vendor) }
        requireViewById<Button>(R.id.settings_button).setOnClickListener {
            startActivity(Intent(this, SettingsActivity::class.java))
        }
        requireViewById<Button>(R.id.history_button).setOnClickListener {
            startActivity(Intent(this, HistoryActivity::class.java))
        }
        Notifier(this).ensureChannels()
    }

    override fun onResume() {
        super.onResume()
        refresh()
    }

    override fun onActivityResult(requestCode: Int, resultCode: Int, data: Intent?) {
        super.onActivityResult(requestCode, resultCode, data)
        if (requestCode == REQUEST_ROLE) {
            roleRefused = RoleRequest.afterRequest(roleHeld())
            refresh()
        }
    }

    override fun onRequestPermissionsResult(requestCode: Int, permissions: Array<out String>, grantResults: IntArray) {
        super.onRequestPermissionsResult(requestCode, permissions, grantResults)
        refresh()
    }

    private fun refresh() {
        val roles: RoleManager? = getSystemService(RoleManager::class.java)
        val roleAvailable = roles != null && roles.isRoleAvailable(RoleManager.ROLE_CALL_SCREENING)
        val roleHeld = roles != null && roleAvailable && roles.isRoleHeld(RoleManager.ROLE_CALL_SCREENING)
        roleStatus.setText(
            when {
                roleHeld -> R.string.status_role_held
                roleAvailable -> R.string.status_role_missing
                else -> R.string.status_role_unavailable
            },
        )
        roleButton.visibility = if (roleAvailable && !roleHeld) View.VISIBLE else View.GONE
        val fallback = if (roleAvailable && !roleHeld && roleRefused) View.VISIBLE else View.GONE
        roleFallback.visibility = fallback
        roleSettingsButton.visibility = fallback

        val banner = Notifier(this).bannerState()
        notificationStatus.setText(
            when (banner) {
                BannerState.SHOWN -> R.string.status_notifications_on
                BannerState.NOTIFICATIONS_OFF -> R.string.status_notifications_off
                BannerState.CHANNEL_OFF -> R.string.status_banner_channel_off
                BannerState.NOT_HEADS_UP -> R.string.status_banner_not_heads_up
            },
        )
        notificationButton.visibility = if (banner == BannerState.NOTIFICATIONS_OFF) View.VISIBLE else View.GONE

        val contactsOn = checkSelfPermission(Manifest.permission.READ_CONTACTS) == PackageManager.PERMISSION_GRANTED
        contactsStatus.setText(if (contactsOn) R.string.status_contacts_on else R.string.status_contacts_off)
        contactsButton.visibility = if (contactsOn) View.GONE else View.VISIBLE

        withEngine({ engine ->
            val settings = engine.settings()
            Health(engine.history(1).firstOrNull(), settings.paused, settings.blockNonContacts && !contactsOn, engine.warnings)
        }) { result ->
            result.fold(::showHealth) { failure ->
                lastCall.text = ""
                engineStatus.visibility = View.VISIBLE
                engineStatus.text = getString(EngineProblem.of(failure).statusText)
            }
        }
    }

    private fun showHealth(health: Health) {
        val last = health.lastCall
        lastCall.text = if (last == null) {
            getString(R.string.status_no_calls)
        } else {
            getString(
                R.string.status_last_call,
                last.number.ifEmpty { getString(R.string.notification_hidden_number) },
                getString(Wording.label(last.label)),
                getString(Wording.action(last.action)),
                formatTime(last.timeMillis),
            )
        }
        val problems = buildList {
            if (health.paused) add(getString(R.string.status_paused))
            if (health.strictWithoutContacts) add(getString(R.string.status_strict_without_contacts))
            health.warnings.forEach { add(getString(R.string.status_engine_warning, it)) }
            unscreenedSince(last)?.let(::add)
        }
        engineStatus.visibility = if (problems.isEmpty()) View.GONE else View.VISIBLE
        engineStatus.text = problems.joinToString("\n")
    }

    /** The last call that rang unscreened, unless a call screened since shows CallGuard works again. */
    private fun unscreenedSince(last: HistoryEntry?): String? {
        val incident = FailOpenRecord.last(this) ?: return null
        if (last != null && last.timeMillis > incident.timeMillis) return null
        val time = formatTime(incident.timeMillis)
        return when (incident.cause) {
            FailOpenRecord.Cause.TIMEOUT -> getString(R.string.status_unscreened_timeout, time)
            FailOpenRecord.Cause.ERROR -> {
                val problem = incident.problem ?: EngineProblem.INTERNAL
                getString(R.string.status_unscreened_error, time, getString(problem.shortText))
            }
        }
    }

    private fun roleHeld(): Boolean =
        getSystemService(RoleManager::class.java)?.isRoleHeld(RoleManager.ROLE_CALL_SCREENING) == true

    private fun requestRole() {
        val roles = getSystemService(RoleManager::class.java) ?: return
        startActivityForResult(roles.createRequestRoleIntent(RoleManager.ROLE_CALL_SCREENING), REQUEST_ROLE)
    }

    /** The banner channel's own page (importance, pop-up, lock screen), else the app's notification page. */
    private fun openBannerSettings() {
        val channel = Intent(Settings.ACTION_CHANNEL_NOTIFICATION_SETTINGS)
            .putExtra(Settings.EXTRA_APP_PACKAGE, packageName)
            .putExtra(Settings.EXTRA_CHANNEL_ID, Channel.RINGING.id)
        val app = Intent(Settings.ACTION_APP_NOTIFICATION_SETTINGS).putExtra(Settings.EXTRA_APP_PACKAGE, packageName)
        Notifier(this).ensureChannels()
        if (!tryStart(channel)) tryStart(app)
    }

    private fun requestNotifications() {
        val needsPermission = Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU &&
            checkSelfPermission(Manifest.permission.POST_NOTIFICATIONS) != PackageManager.PERMISSION_GRANTED
        if (needsPermission && !askedForNotifications) {
            askedForNotifications = true
            requestPermissions(arrayOf(Manifest.permission.POST_NOTIFICATIONS), REQUEST_NOTIFICATIONS)
        } else {
            // Switched off, or already refused (Android stops asking): only the settings page can help.
            startActivity(Intent(Settings.ACTION_APP_NOTIFICATION_SETTINGS).putExtra(Settings.EXTRA_APP_PACKAGE, packageName))
        }
    }

    /** What the status screen shows from the engine. */
    private data class Health(
        val lastCall: HistoryEntry?,
        val paused: Boolean,
        /** Strict mode is on but CallGuard may not read the contacts: it cannot apply. */
        val strictWithoutContacts: Boolean,
        val warnings: List<String>,
    )

    private companion object {
        const val REQUEST_ROLE = 1
        const val REQUEST_NOTIFICATIONS = 2
        const val REQUEST_CONTACTS = 3
    }
}
