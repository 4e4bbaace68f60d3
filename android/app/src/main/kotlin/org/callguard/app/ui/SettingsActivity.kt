package org.callguard.app.ui

import android.Manifest
import android.app.Activity
import android.app.AlertDialog
import android.content.Intent
import android.content.pm.PackageManager
import android.net.Uri
import android.os.Bundle
import android.text.InputType
import android.view.LayoutInflater
import android.view.View
import android.widget.Button
import android.widget.EditText
import android.widget.LinearLayout
import android.widget.Switch
import android.widget.TextView
import org.callguard.app.R
import org.callguard.app.screening.CallFacts
import org.callguard.app.sms.SmsGuard
import org.callguard.app.wording.Wording
import org.callguard.bridge.Carrier
import org.callguard.bridge.Refusal
import org.callguard.bridge.Settings
import java.time.LocalDate
import java.util.Locale

/**
 * Every engine setting, read from and written to the core (no copy in SharedPreferences), plus
 * the marketing refusals, the SMS guard switch, import / export through the Storage Access
 * Framework, sharing the complaint evidence, and the way to the block and allow lists.
 */
class SettingsActivity : Activity() {
    private lateinit var rows: LinearLayout
    private lateinit var refusalRows: LinearLayout
    private lateinit var smsSwitch: Switch
    private lateinit var inflater: LayoutInflater

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        setContentView(R.layout.activity_settings)
        fitSystemBars()
        inflater = layoutInflater
        rows = requireViewById(R.id.setting_rows)
        refusalRows = requireViewById(R.id.refusal_rows)
        smsSwitch = requireViewById(R.id.sms_guard_switch)
        smsSwitch.setOnClickListener { onSmsGuardSwitched(smsSwitch.isChecked) }
        requireViewById<Button>(R.id.rules_button).setOnClickListener { startActivity(Intent(this, RulesActivity::class.java)) }
        requireViewById<Button>(R.id.import_button).setOnClickListener { pickImport() }
        requireViewById<Button>(R.id.export_button).setOnClickListener { pickExport() }
        requireViewById<Button>(R.id.evidence_button).setOnClickListener { shareEvidence() }
    }

    override fun onResume() {
        super.onResume()
        smsSwitch.isChecked = SmsGuard.isOn(this) && SmsGuard.hasPermission(this)
        load()
    }

    private fun load() {
        withEngineOrError({ engine -> engine.settings() to engine.refusals() }) { (settings, refusals) ->
            showSettings(settings)
            showRefusals(refusals)
        }
    }

    // Engine settings.

    private fun showSettings(settings: Settings) {
        rows.removeAllViews()
        for (section in SettingsSection.entries) {
            val specs = SettingSpecs.ALL.filter { it.section == section }
            if (specs.isEmpty()) continue
            val header = inflater.inflate(R.layout.row_section, rows, false) as TextView
            header.setText(section.title)
            rows.addView(header)
            for (spec in specs) rows.addView(rowFor(spec, SettingSpecs.valueOf(settings, spec.key)))
        }
    }

    private fun rowFor(spec: SettingSpec, value: String): View =
        when (spec.kind) {
            SettingKind.SWITCH -> inflater.inflate(R.layout.row_setting_switch, rows, false).apply {
                val switch = requireViewById<Switch>(R.id.setting_switch)
                switch.setText(spec.title)
                switch.isChecked = value == "true"
                switch.setOnClickListener { save(spec.key, switch.isChecked.toString()) }
                requireViewById<TextView>(R.id.setting_summary).setText(spec.summary)
            }
            SettingKind.NUMBER, SettingKind.CHOICE -> inflater.inflate(R.layout.row_setting_value, rows, false).apply {
                requireViewById<TextView>(R.id.setting_title).setText(spec.title)
                requireViewById<TextView>(R.id.setting_value).text = describe(spec, value)
                requireViewById<TextView>(R.id.setting_summary).setText(spec.summary)
                setOnClickListener { edit(spec, value) }
            }
        }

    private fun describe(spec: SettingSpec, value: String): String =
        when (spec.kind) {
            SettingKind.NUMBER -> (value.toIntOrNull() ?: 0).let { n -> resources.getQuantityString(spec.unit, n, n) }
            SettingKind.CHOICE -> spec.choices.firstOrNull { it.value == value }?.let { getString(it.label) } ?: value
            SettingKind.SWITCH -> value
        }

    private fun edit(spec: SettingSpec, current: String) {
        if (spec.kind == SettingKind.CHOICE) {
            val labels = spec.choices.map { getString(it.label) }.toTypedArray()
            AlertDialog.Builder(this)
                .setTitle(spec.title)
                .setSingleChoiceItems(labels, spec.choices.indexOfFirst { it.value == current }) { dialog, which ->
                    dialog.dismiss()
                    save(spec.key, spec.choices[which].value)
                }
                .setNegativeButton(R.string.button_cancel, null)
                .show()
        } else {
            val input = EditText(this).apply {
                inputType = InputType.TYPE_CLASS_NUMBER
                setText(current)
                contentDescription = getString(spec.title)
            }
            AlertDialog.Builder(this)
                .setTitle(spec.title)
                .setView(input)
                .setPositiveButton(R.string.button_ok) { _, _ -> save(spec.key, input.text.toString().trim()) }
                .setNegativeButton(R.string.button_cancel, null)
                .show()
        }
    }

    private fun save(key: String, value: String) {
        withEngine({ engine ->
            engine.setSetting(key, value)
            engine.settings()
        }) { result ->
            result.onFailure(::showError)
            // Show what the core holds now, whether or not the change went through.
            load()
        }
    }

    // Marketing refusals.

    private fun showRefusals(refusals: List<Refusal>) {
        refusalRows.removeAllViews()
        for ((carrier, number) in MarketingNumbers.ALL) {
            val latest = refusals.filter { it.carrier == carrier }.maxOfOrNull { it.refusedAt }
            val row = inflater.inflate(R.layout.row_refusal, refusalRows, false)
            row.requireViewById<TextView>(R.id.refusal_carrier).text =
                getString(R.string.refusal_carrier, getString(Wording.carrier(carrier)), number)
            row.requireViewById<TextView>(R.id.refusal_state).text =
                if (latest == null) getString(R.string.refusal_none) else getString(R.string.refusal_on, formatDay(latest))
            row.requireViewById<Button>(R.id.refusal_button).setOnClickListener { confirmRefusal(carrier) }
            refusalRows.addView(row)
        }
    }

    private fun confirmRefusal(carrier: Carrier) {
        AlertDialog.Builder(this)
            .setMessage(getString(R.string.refusal_confirm, getString(Wording.carrier(carrier))))
            .setPositiveButton(R.string.button_record) { _, _ ->
                withEngineOrError({ engine -> engine.refuseMarketing(carrier) }) { load() }
            }
            .setNegativeButton(R.string.button_cancel, null)
            .show()
    }

    // SMS guard: an Android component, switched here; the permission is asked when it is turned on.

    private fun onSmsGuardSwitched(on: Boolean) {
        if (!on) {
            SmsGuard.set(this, false)
        } else if (SmsGuard.hasPermission(this)) {
            SmsGuard.set(this, true)
        } else {
            requestPermissions(arrayOf(Manifest.permission.RECEIVE_SMS), REQUEST_SMS)
        }
    }

    override fun onRequestPermissionsResult(requestCode: Int, permissions: Array<out String>, grantResults: IntArray) {
        super.onRequestPermissionsResult(requestCode, permissions, grantResults)
        if (requestCode != REQUEST_SMS) return
        val granted = grantResults.isNotEmpty() && grantResults[0] == PackageManager.PERMISSION_GRANTED
        SmsGuard.set(this, granted)
        smsSwitch.isChecked = granted
        if (!granted) toast(getString(R.string.sms_permission_denied))
    }

    // Import, export, evidence.

    private fun pickImport() {
        val intent = Intent(Intent.ACTION_OPEN_DOCUMENT)
            .addCategory(Intent.CATEGORY_OPENABLE)
            .setType("*/*")
            .putExtra(Intent.EXTRA_MIME_TYPES, DocumentNames.IMPORT_TYPES)
        startActivityForResult(intent, REQUEST_IMPORT)
    }

    private fun pickExport() {
        val intent = Intent(Intent.ACTION_CREATE_DOCUMENT)
            .addCategory(Intent.CATEGORY_OPENABLE)
            .setType(DocumentNames.EXPORT_TYPE)
            .putExtra(Intent.EXTRA_TITLE, DocumentNames.exportName(LocalDate.now()))
        startActivityForResult(intent, REQUEST_EXPORT)
    }

    override fun onActivityResult(requestCode: Int, resultCode: Int, data: Intent?) {
        super.onActivityResult(requestCode, resultCode, data)
        val uri = data?.data
        if (resultCode != RESULT_OK || uri == null) return
        when (requestCode) {
            REQUEST_IMPORT -> importFrom(uri)
            REQUEST_EXPORT -> exportTo(uri)
        }
    }

    private fun importFrom(uri: Uri) {
        val app = applicationContext
        withEngineOrError({ engine ->
            val copy = Documents.copyToCache(app, uri) ?: throw IllegalArgumentException(getString(R.string.import_unknown_format))
            try {
                engine.importFile(copy.path)
            } finally {
                copy.delete()
            }
        }) { summary ->
            fun count(plural: Int, n: Int) = resources.getQuantityString(plural, n, n)
            toast(
                getString(
                    R.string.import_done,
                    count(R.plurals.count_rules, summary.rules),
                    count(R.plurals.count_reports, summary.reports),
                    count(R.plurals.count_refusals, summary.refusals),
                    count(R.plurals.count_settings, summary.settings),
                ),
            )
            load()
        }
    }

    private fun exportTo(uri: Uri) {
        val app = applicationContext
        withEngineOrError({ engine ->
            val file = Documents.exportFile(app)
            try {
                engine.exportFile(file.path).also { Documents.copyFromFile(app, file, uri) }
            } finally {
                file.delete()
            }
        }) { summary -> toast(resources.getQuantityString(R.plurals.export_done, summary.rows, summary.rows)) }
    }

    private fun shareEvidence() {
        withEngineOrError({ engine ->
            engine.evidence(CallFacts.languageFor(engine.settings().language, Locale.getDefault()))
        }) { evidence ->
            val send = Intent(Intent.ACTION_SEND)
                .setType("text/plain")
                .putExtra(Intent.EXTRA_SUBJECT, getString(R.string.evidence_subject))
                .putExtra(Intent.EXTRA_TEXT, evidence.text)
            startActivity(Intent.createChooser(send, getString(R.string.evidence_chooser)))
        }
    }

    private companion object {
        const val REQUEST_IMPORT = 10
        const val REQUEST_EXPORT = 11
        const val REQUEST_SMS = 12
    }
}
