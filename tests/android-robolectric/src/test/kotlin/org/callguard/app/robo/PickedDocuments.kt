package org.callguard.app.robo

import android.content.ContentProvider
import android.content.ContentValues
import android.database.Cursor
import android.database.MatrixCursor
import android.net.Uri
import android.os.ParcelFileDescriptor
import android.provider.OpenableColumns
import java.io.File

/**
 * Stands in for the documents provider behind Android's file picker: the documents the user
 * picks (or creates) are files in [folder], served as `content://` URIs with a display name, a
 * type, and streams to read and write — what the app gets back from ACTION_OPEN_DOCUMENT and
 * ACTION_CREATE_DOCUMENT.
 */
class PickedDocuments : ContentProvider() {
    override fun onCreate(): Boolean = true

    override fun query(uri: Uri, projection: Array<out String>?, selection: String?, args: Array<out String>?, sort: String?): Cursor {
        val columns = projection ?: arrayOf(OpenableColumns.DISPLAY_NAME, OpenableColumns.SIZE)
        val file = fileOf(uri)
        return MatrixCursor(columns).apply {
            addRow(columns.map { if (it == OpenableColumns.SIZE) file.length() else file.name })
        }
    }

    override fun getType(uri: Uri): String? =
        when (fileOf(uri).extension) {
            "csv" -> "text/csv"
            "json" -> "application/json"
            else -> null
        }

    override fun openFile(uri: Uri, mode: String): ParcelFileDescriptor =
        ParcelFileDescriptor.open(fileOf(uri), ParcelFileDescriptor.parseMode(mode))

    override fun insert(uri: Uri, values: ContentValues?): Uri? = null

    override fun delete(uri: Uri, selection: String?, args: Array<out String>?): Int = 0

    override fun update(uri: Uri, values: ContentValues?, selection: String?, args: Array<out String>?): Int = 0

    companion object {
        const val AUTHORITY = "org.callguard.test.documents"

        /** Where the picked documents live (set by the test). */
        lateinit var folder: File

        fun uriOf(name: String): Uri = Uri.parse("content://$AUTHORITY/$name")

        private fun fileOf(uri: Uri) = File(folder, checkNotNull(uri.lastPathSegment))
    }
}
