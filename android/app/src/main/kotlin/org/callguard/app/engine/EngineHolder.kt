package org.callguard.app.engine

import android.content.Context
import org.callguard.bridge.CallGuard
import java.io.File

/**
 * The process-wide engine: one [CallGuard] over the database in the app's files directory,
 * opened lazily by whichever component needs it first (the screening service, a receiver or
 * a screen) and kept open for the life of the process.
 *
 * A failed open is not remembered: the next caller tries again. That matters right after a
 * reboot, before the user unlocks the phone, when the files directory is not readable yet;
 * screening then fails open and the next call, after unlock, opens the database.
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
