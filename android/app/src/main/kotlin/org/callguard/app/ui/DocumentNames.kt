package org.callguard.app.ui

import java.time.LocalDate

/**
 * The file names CallGuard gives the core. The core reads and writes paths and picks the
 * format by extension, while the Storage Access Framework hands out content URIs with a display
 * name and a MIME type; this decides the extension of the cache copy.
 */
object DocumentNames {
    /** MIME types offered in the import picker. */
    val IMPORT_TYPES = arrayOf(
        "text/csv",
        "text/comma-separated-values",
        "application/json",
        "text/plain",
        "application/octet-stream",
    )

    /** The MIME type of an export (a JSON backup of everything). */
    const val EXPORT_TYPE = "application/json"

    /** "json", "csv" or "txt" (a plain list) for a picked document, or null when it is none of them. */
    fun importExtension(displayName: String?, mimeType: String?): String? {
        val name = displayName?.lowercase().orEmpty()
        return when {
            name.endsWith(".json") -> "json"
            name.endsWith(".csv") -> "csv"
            name.endsWith(".txt") -> "txt"
            mimeType == "application/json" -> "json"
            mimeType == "text/csv" || mimeType == "text/comma-separated-values" -> "csv"
            mimeType == "text/plain" -> "txt"
            else -> null
        }
    }

    /** The suggested name of a backup made on [day]. */
    fun exportName(day: LocalDate): String = "callguard-backup-$day.json"
}
