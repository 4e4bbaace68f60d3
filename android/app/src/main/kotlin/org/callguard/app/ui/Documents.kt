package org.callguard.app.ui

import android.content.Context
import android.net.Uri
import android.provider.OpenableColumns
import java.io.File
import java.io.FileNotFoundException

/**
 * Copies between Storage Access Framework documents and private cache files, because the core
 * takes file paths. The cache copies hold the user's lists: callers delete them when done.
 */
object Documents {
    /** Copies the picked document into the cache with the extension the core needs; null if the format is unknown. */
    fun copyToCache(context: Context, uri: Uri): File? {
        val resolver = context.contentResolver
        val extension = DocumentNames.importExtension(displayName(context, uri), resolver.getType(uri)) ?: return null
        val file = File(context.cacheDir, "import-${System.currentTimeMillis()}.$extension")
        val input = resolver.openInputStream(uri) ?: throw FileNotFoundException(uri.toString())
        input.use { source -> file.outputStream().use { source.copyTo(it) } }
        return file
    }

    /** Writes [file] into the document the user created, replacing its content. */
    fun copyFromFile(context: Context, file: File, uri: Uri) {
        val output = context.contentResolver.openOutputStream(uri, "wt") ?: throw FileNotFoundException(uri.toString())
        output.use { sink -> file.inputStream().use { it.copyTo(sink) } }
    }

    /** A fresh cache path for an export. */
    fun exportFile(context: Context): File = File(context.cacheDir, "export-${System.currentTimeMillis()}.json")

    private fun displayName(context: Context, uri: Uri): String? =
        context.contentResolver.query(uri, arrayOf(OpenableColumns.DISPLAY_NAME), null, null, null)?.use { cursor ->
            if (cursor.moveToFirst() && !cursor.isNull(0)) cursor.getString(0) else null
        }
}
