package org.callguard.app.ui

import android.app.Activity
import android.app.AlertDialog
import android.os.Bundle
import android.view.View
import android.view.ViewGroup
import android.widget.BaseAdapter
import android.widget.ListView
import android.widget.TextView
import org.callguard.app.R
import org.callguard.app.wording.Wording
import org.callguard.app.wording.texts
import org.callguard.bridge.CallGuard
import org.callguard.bridge.HistoryEntry
import org.callguard.bridge.ReportCategory

/**
 * The screened calls, newest first: number, label, what was done, when, and the reasons in
 * words. Tapping a call offers to report it, block it or allow it.
 */
class HistoryActivity : Activity() {
    private lateinit var empty: TextView
    private val adapter = HistoryAdapter()

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        setContentView(R.layout.activity_history)
        fitSystemBars()
        empty = requireViewById(R.id.history_empty)
        val list = requireViewById<ListView>(R.id.history_list)
        list.adapter = adapter
        list.setOnItemClickListener { _, _, position, _ -> offerActions(adapter.getItem(position)) }
    }

    override fun onResume() {
        super.onResume()
        withEngineOrError({ engine -> engine.history(HISTORY_LIMIT) }) { entries ->
            adapter.entries = entries
            empty.visibility = if (entries.isEmpty()) View.VISIBLE else View.GONE
        }
    }

    private fun offerActions(entry: HistoryEntry) {
        val number = entry.number
        if (number.isEmpty()) {
            toast(getString(R.string.history_no_number))
            return
        }
        val choices = arrayOf(
            getString(R.string.history_action_report),
            getString(R.string.history_action_block),
            getString(R.string.history_action_allow),
        )
        AlertDialog.Builder(this)
            .setTitle(number)
            .setItems(choices) { _, which ->
                when (which) {
                    0 -> chooseCategory(number)
                    1 -> act({ it.block(number) }, getString(R.string.history_blocked, number))
                    else -> act({ it.allow(number) }, getString(R.string.history_allowed, number))
                }
            }
            .setNegativeButton(R.string.button_cancel, null)
            .show()
    }

    private fun chooseCategory(number: String) {
        val categories = ReportCategory.entries
        val labels = categories.map { getString(Wording.category(it)) }.toTypedArray()
        AlertDialog.Builder(this)
            .setTitle(R.string.report_title)
            .setItems(labels) { _, which ->
                act({ it.report(number, categories[which]) }, getString(R.string.history_reported, number))
            }
            .setNegativeButton(R.string.button_cancel, null)
            .show()
    }

    private fun act(change: (CallGuard) -> Unit, done: String) {
        withEngineOrError(change) { toast(done) }
    }

    private inner class HistoryAdapter : BaseAdapter() {
        var entries: List<HistoryEntry> = emptyList()
            set(value) {
                field = value
                notifyDataSetChanged()
            }

        override fun getCount(): Int = entries.size

        override fun getItem(position: Int): HistoryEntry = entries[position]

        override fun getItemId(position: Int): Long = position.toLong()

        override fun getView(position: Int, convertView: View?, parent: ViewGroup): View {
            val view = convertView ?: layoutInflater.inflate(R.layout.item_history, parent, false)
            val entry = entries[position]
            view.requireViewById<TextView>(R.id.history_number).text =
                entry.number.ifEmpty { getString(R.string.notification_hidden_number) }
            view.requireViewById<TextView>(R.id.history_label).text = getString(
                R.string.history_label_action,
                getString(Wording.label(entry.label)),
                getString(Wording.action(entry.action)),
            )
            view.requireViewById<TextView>(R.id.history_time).text = formatTime(entry.timeMillis)
            view.requireViewById<TextView>(R.id.history_reasons).text = Wording.reasons(entry.reasons, texts())
            return view
        }
    }

    private companion object {
        const val HISTORY_LIMIT = 500
    }
}
