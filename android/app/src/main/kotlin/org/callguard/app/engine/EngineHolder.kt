package org.callguard.app.engine

import android.content.Context
import org.callguard.bridge.CallGuard
import java.io.File

/**
 * The process-wide engine: one [CallGuard] over the database in the app's files directory,
 * opened lazily by whichever component needs it first (the screening service, a receiver or
 * a screen) and kept open for the life of the process.
 *
 * A failed open is not remembered: the next caller tries again, so a passing failure (a full
 * disk, a locked file) costs one call, not the process's life. CallGuard is not direct-boot
 * aware: before the first unlock after a reboot Android starts none of it (calls ring
 * unscreened), and the credential-encrypted files directory is always readable here.
 */
object EngineHolder {
    /** The database file in `Context.getFilesDir()`; the backup rules name it too. */
    const val DATABASE_NAME = "callguard.db"

    @Volatile
    private var engine: CallGuard? = null

    /** The engine, opening the database on first use. Throws what [CallGuard.open] throws. */
    fun get(context: Context): CallGuard {
        engine?.let { return it }
        return synchronized(this) {
            engine ?: CallGuard.open(databaseFile(context).path).also { engine = it }
        }
    }

    /** The engine if it is already open, without opening it. */
    fun peek(): CallGuard? = engine

    /** Where the database lives. */
    fun databaseFile(context: Context): File = File(context.applicationContext.filesDir, DATABASE_NAME)
}
