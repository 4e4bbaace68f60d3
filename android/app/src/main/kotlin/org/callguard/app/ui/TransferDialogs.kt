package org.callguard.app.ui

import android.app.Activity
import android.app.AlertDialog
import android.content.DialogInterface
import android.widget.LinearLayout
import android.widget.ProgressBar
import android.widget.TextView
import org.callguard.app.R
import org.callguard.app.engine.EngineProblem
import org.callguard.app.engine.Transfers
import org.callguard.bridge.ImportFormat
import org.callguard.bridge.ImportSummary
import org.callguard.bridge.TextEncoding
import java.text.NumberFormat

/**
 * Shows the process's import or export ([Transfers]) on a screen: a dialog with a progress bar
 * and a Cancel button while it runs, then a dialog with the result. The screen attaches in
 * onResume and detaches in onPause; a rotated screen attaches again and finds the same transfer,
 * so the dialog survives rotation and the result is shown once the user has seen it.
 */
internal class TransferDialogs(
    private val activity: Activity,
    private val onImported: () -> Unit,
) {
    private var progress: AlertDialog? = null
    private var bar: ProgressBar? = null
    private var line: TextView? = null
    private var result: AlertDialog? = null
    private val numbers = NumberFormat.getIntegerInstance()
    private val observer: (Transfers.State) -> Unit = ::render

    /** Starts showing the transfer, whatever state it is in. */
    fun attach() {
        Transfers.observe(observer)
    }

    /** Stops showing it (the transfer itself goes on). */
    fun detach() {
        Transfers.stopObserving(observer)
        progress?.dismiss()
        progress = null
        result?.dismiss()
        result = null
    }

    private fun render(state: Transfers.State) {
        if (state is Transfers.State.Running) {
            showProgress(state)
            return
        }
        progress?.dismiss()
        progress = null
        if (result == null) showResult(state)
    }

    private fun showProgress(state: Transfers.State.Running) {
        if (progress == null) buildProgress(state.kind)
        val bar = bar ?: return
        val known = state.total > 0
        bar.isIndeterminate = !known
        if (known) bar.progress = (state.done * PARTS / state.total).toInt().coerceIn(0, PARTS)
        val unit =
            when (state.kind) {
                Transfers.Kind.IMPORT -> R.string.transfer_lines
                Transfers.Kind.EXPORT -> R.string.transfer_rows
            }
        line?.text =
            if (known) {
                activity.getString(unit, numbers.format(state.done), numbers.format(state.total))
            } else {
                activity.getString(R.string.transfer_so_far, numbers.format(state.done))
            }
    }

    private fun buildProgress(kind: Transfers.Kind) {
        val pad = activity.resources.getDimensionPixelSize(R.dimen.screen_padding)
        val bar = ProgressBar(activity, null, android.R.attr.progressBarStyleHorizontal).apply { max = PARTS }
        val line = TextView(activity).apply { setPadding(0, pad / 2, 0, 0) }
        val content =
            LinearLayout(activity).apply {
                orientation = LinearLayout.VERTICAL
                setPadding(pad, pad, pad, 0)
                addView(bar)
                addView(line)
            }
        val dialog =
            AlertDialog
                .Builder(activity)
                .setTitle(
                    when (kind) {
                        Transfers.Kind.IMPORT -> R.string.transfer_importing
                        Transfers.Kind.EXPORT -> R.string.transfer_exporting
                    },
                ).setView(content)
                .setCancelable(false)
                .setNegativeButton(R.string.button_cancel, null)
                .show()
        // Cancel stops the work at its next report; the dialog stays until the work says so
        // (and says "Cancelling…" again when a rotated screen rebuilds it meanwhile).
        val cancel = dialog.getButton(DialogInterface.BUTTON_NEGATIVE)
        val showCancelling = {
            cancel.isEnabled = false
            dialog.setTitle(R.string.transfer_cancelling)
        }
        cancel.setOnClickListener {
            Transfers.cancel()
            showCancelling()
        }
        if (Transfers.cancelling) showCancelling()
        this.bar = bar
        this.line = line
        progress = dialog
    }

    private fun showResult(state: Transfers.State) {
        val (title, message) =
            when (state) {
                is Transfers.State.Imported -> {
                    onImported()
                    R.string.transfer_import_done to importMessage(state.summary)
                }
                is Transfers.State.Exported ->
                    R.string.transfer_export_done to activity.resources.getQuantityString(R.plurals.export_done, state.summary.rows, state.summary.rows)
                is Transfers.State.Cancelled ->
                    R.string.transfer_cancelled_title to
                        activity.getString(
                            when (state.kind) {
                                Transfers.Kind.IMPORT -> R.string.transfer_import_cancelled
                                Transfers.Kind.EXPORT -> R.string.transfer_export_cancelled
                            },
                        )
                is Transfers.State.Failed ->
                    R.string.error_title to
                        activity.getString(R.string.error_message, EngineProblem.describe(activity, state.error))
                is Transfers.State.Running -> return
            }
        result =
            AlertDialog
                .Builder(activity)
                .setTitle(title)
                .setMessage(message)
                .setPositiveButton(R.string.button_ok) { _, _ -> Transfers.acknowledge() }
                .setOnCancelListener { Transfers.acknowledge() }
                .show()
    }

    private fun count(
        plural: Int,
        n: Int,
    ): String = activity.resources.getQuantityString(plural, n, n)

    /** What an import added, and how the file was read where that was not a UTF-8 CSV or backup. */
    private fun importMessage(summary: ImportSummary): String {
        val parts =
            mutableListOf(
                activity.getString(
                    R.string.import_done,
                    count(R.plurals.count_rules, summary.rules),
                    count(R.plurals.count_reports, summary.reports),
                    count(R.plurals.count_refusals, summary.refusals),
                    count(R.plurals.count_settings, summary.settings),
                ),
            )
        if (summary.format == ImportFormat.PLAIN_LIST) parts += activity.getString(R.string.import_plain_list)
        when (summary.encoding) {
            TextEncoding.UTF_8 -> {}
            TextEncoding.GBK -> parts += activity.getString(R.string.import_read_as_gbk)
            else -> parts += activity.getString(R.string.import_read_as, summary.encoding.displayName)
        }
        return parts.joinToString("\n\n")
    }

    private companion object {
        /** The bar's resolution: tenths of a percent. */
        const val PARTS = 1000
    }
}
