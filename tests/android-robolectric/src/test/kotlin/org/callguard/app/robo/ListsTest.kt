package org.callguard.app.robo

import android.app.Activity
import android.content.DialogInterface
import android.content.Intent
import android.widget.Button
import android.widget.EditText
import android.widget.ListView
import android.widget.TextView
import org.callguard.app.R
import org.callguard.app.engine.EngineHolder
import org.callguard.app.ui.DocumentNames
import org.callguard.app.ui.RulesActivity
import org.callguard.app.ui.SettingsActivity
import org.callguard.bridge.Carrier
import org.callguard.bridge.ReportCategory
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Before
import org.junit.Test
import org.robolectric.Robolectric
import org.robolectric.Shadows.shadowOf
import org.robolectric.shadows.ShadowAlertDialog
import java.io.File
import java.nio.file.Files

/**
 * Lists: a block list imported through Android's document flow (the picker's answer supplied
 * by the test) shows on the rules screen, one page at a time and filtered by the digits typed;
 * a backup exported through the same flow restores the same state into a fresh install.
 */
class ListsTest : AppTest() {
    private lateinit var documents: File

    @Before
    fun picker() {
        documents = Files.createTempDirectory("picked").toFile().apply { deleteOnExit() }
        PickedDocuments.folder = documents
        Robolectric.setupContentProvider(PickedDocuments::class.java, PickedDocuments.AUTHORITY)
    }

    private fun settings(): SettingsActivity {
        val activity = Robolectric.buildActivity(SettingsActivity::class.java).setup().get()
        settle()
        return activity
    }

    /**
     * Taps [button]; checks the app asked Android's picker with [action]; answers with
     * [document]. Returns the error the app showed, or null.
     */
    private fun pick(activity: Activity, button: Int, action: String, document: String): String? {
        activity.requireViewById<Button>(button).performClick()
        val request = shadowOf(activity).nextStartedActivityForResult
        assertEquals(action, request.intent.action)
        assertTrue(request.intent.hasCategory(Intent.CATEGORY_OPENABLE))
        shadowOf(activity).receiveResult(request.intent, Activity.RESULT_OK, Intent().setData(PickedDocuments.uriOf(document)))
        settle()
        return ShadowAlertDialog.getLatestAlertDialog()?.takeIf { it.isShowing }?.let { shadowOf(it).message.toString() }
    }

    @Test
    fun `an imported block list shows on the rules screen, paged and filtered`() {
        val csv = buildString {
            appendLine("number_or_pattern,kind,category,note")
            for (i in 0 until 1200) appendLine("170%08d,block,,imported".format(i))
            appendLine("400*,block,,all 400 numbers")
            appendLine("13800138000,allow,,my bank")
        }
        File(documents, "blocklist.csv").writeText(csv)
        val activity = settings()
        // The result is the transfer dialog's message, which survives rotation (TransferDialogs).
        assertEquals(
            string(
                R.string.import_done,
                plural(R.plurals.count_rules, 1202),
                plural(R.plurals.count_reports, 0),
                plural(R.plurals.count_refusals, 0),
                plural(R.plurals.count_settings, 0),
            ),
            pick(activity, R.id.import_button, Intent.ACTION_OPEN_DOCUMENT, "blocklist.csv"),
        )
        assertEquals(
            "Imported 1202 rules, 0 reports, 0 refusals and 0 settings.",
            shadowOf(ShadowAlertDialog.getLatestAlertDialog()).message.toString(),
        )
        assertTrue("the cache copy is deleted", app.cacheDir.listFiles().orEmpty().none { it.name.startsWith("import-") })

        val rules = Robolectric.buildActivity(RulesActivity::class.java).setup().get()
        settle()
        val list = rules.requireViewById<ListView>(R.id.rules_list)
        val count = rules.requireViewById<TextView>(R.id.rules_count)
        assertEquals("one page", 500, list.adapter.count)
        assertEquals(plural(R.plurals.rules_showing, 1202, 500, 1202), count.text.toString())

        rules.requireViewById<EditText>(R.id.rule_input).setText("1700000001")
        settle()
        assertEquals((10..19).map { "170%08d".format(it) }, (0 until list.adapter.count).map { list.adapter.getItem(it).let { r -> (r as org.callguard.bridge.Rule).pattern } })
        assertTrue("all shown: no count line", count.visibility != android.view.View.VISIBLE)

        rules.requireViewById<EditText>(R.id.rule_input).setText("400")
        settle()
        val item = list.adapter.getView(0, null, list)
        assertEquals("400*", item.requireViewById<TextView>(R.id.rule_pattern).text.toString())
        assertTrue(item.requireViewById<TextView>(R.id.rule_detail).text.toString().contains("all 400 numbers"))
    }

    @Test
    fun `a file that is neither a list nor a backup is refused and nothing changes`() {
        File(documents, "notes.pdf").writeText("13800138000\n")
        val activity = settings()
        val error = pick(activity, R.id.import_button, Intent.ACTION_OPEN_DOCUMENT, "notes.pdf")
        assertEquals(string(R.string.error_message, string(R.string.import_unknown_format)), error)
        assertTrue(engine().rules().isEmpty())
    }

    @Test
    fun `a plain list of numbers imports as block rules and says so`() {
        File(documents, "blocked.txt").writeText("13800138000\n400*\n")
        val activity = settings()
        val shown = pick(activity, R.id.import_button, Intent.ACTION_OPEN_DOCUMENT, "blocked.txt").orEmpty()
        assertTrue(shown, shown.contains(string(R.string.import_plain_list)))
        assertEquals(setOf("13800138000", "400*"), engine().rules().map { it.pattern }.toSet())
    }

    @Test
    fun `a backup exported and imported into a fresh install gives the same state`() {
        val engine = engine()
        engine.block("400*", note = "all 400")
        engine.allow("13800138000", note = "bank")
        engine.report("01010086", ReportCategory.CARRIER_IMPERSONATION)
        engine.refuseMarketing(Carrier.CHINA_MOBILE)
        engine.setSetting("block_lookalike", "true")
        engine.setSetting("language", "zh")
        val before = State.of(engine)

        val activity = settings()
        File(documents, "callguard-backup.json").createNewFile()
        activity.requireViewById<Button>(R.id.export_button).performClick()
        val request = shadowOf(activity).nextStartedActivityForResult
        assertEquals(Intent.ACTION_CREATE_DOCUMENT, request.intent.action)
        assertEquals(DocumentNames.EXPORT_TYPE, request.intent.type)
        assertTrue(request.intent.getStringExtra(Intent.EXTRA_TITLE).orEmpty().endsWith(".json"))
        shadowOf(activity).receiveResult(request.intent, Activity.RESULT_OK, Intent().setData(PickedDocuments.uriOf("callguard-backup.json")))
        settle()
        val dialog = ShadowAlertDialog.getLatestAlertDialog()
        val exported = dialog?.let { shadowOf(it).message.toString() }.orEmpty()
        assertTrue(exported, exported.startsWith("Exported "))
        // The user reads the result and taps OK, as the dialog asks.
        dialog!!.getButton(DialogInterface.BUTTON_POSITIVE).performClick()
        settle()
        assertTrue("the backup was written", File(documents, "callguard-backup.json").length() > 100)
        activity.finish()

        // A fresh install: no database.
        EngineHolders.forget()
        EngineHolder.databaseFile(app).parentFile!!.listFiles()!!.filter { it.name.startsWith(EngineHolder.DATABASE_NAME) }.forEach { it.delete() }
        assertTrue(engine().rules().isEmpty())

        val fresh = settings()
        val imported = pick(fresh, R.id.import_button, Intent.ACTION_OPEN_DOCUMENT, "callguard-backup.json").orEmpty()
        assertTrue(imported, imported.startsWith("Imported "))
        assertEquals(before, State.of(engine()))
    }

    /** What a backup carries, without the times it was made. */
    data class State(val rules: List<String>, val refusals: List<Carrier>, val settings: org.callguard.bridge.Settings, val reportedLabel: String) {
        companion object {
            fun of(engine: org.callguard.bridge.CallGuard) = State(
                engine.rules().map { "${it.pattern} ${it.effect} ${it.note}" }.sorted(),
                engine.refusals().map { it.carrier }.sorted(),
                engine.settings(),
                engine.screen(org.callguard.bridge.ScreenRequest("01010086")).reasons.sortedBy { it.name }.joinToString(),
            )
        }
    }
}
