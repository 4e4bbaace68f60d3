package org.callguard.app.robo

import android.Manifest
import android.content.ContentProvider
import android.content.ContentValues
import android.database.Cursor
import android.database.MatrixCursor
import android.net.Uri
import android.provider.BaseColumns
import android.provider.ContactsContract
import org.robolectric.Robolectric
import org.robolectric.RuntimeEnvironment
import org.robolectric.Shadows.shadowOf

/**
 * A contacts provider for the tests: answers `PhoneLookup` the way the phone's does — a row per
 * contact whose number matches — or, when [broken], fails the query as a provider can.
 */
class FakeContacts : ContentProvider() {
    override fun onCreate() = true

    override fun query(uri: Uri, projection: Array<out String>?, selection: String?, args: Array<out String>?, sort: String?): Cursor? {
        if (broken) throw IllegalStateException("contacts database unavailable")
        val asked = uri.lastPathSegment.orEmpty()
        val cursor = MatrixCursor(arrayOf(BaseColumns._ID))
        if (asked in numbers) cursor.addRow(arrayOf<Any>(1L))
        return cursor
    }

    override fun getType(uri: Uri): String? = null

    override fun insert(uri: Uri, values: ContentValues?): Uri? = null

    override fun delete(uri: Uri, selection: String?, args: Array<out String>?) = 0

    override fun update(uri: Uri, values: ContentValues?, selection: String?, args: Array<out String>?) = 0

    companion object {
        /** The numbers in the address book. */
        @Volatile
        var numbers: Set<String> = emptySet()

        /** Every query throws. */
        @Volatile
        var broken: Boolean = false

        /** Grants READ_CONTACTS and installs the provider with [numbers]. */
        fun install(vararg numbers: String, broken: Boolean = false) {
            this.numbers = numbers.toSet()
            this.broken = broken
            shadowOf(RuntimeEnvironment.getApplication()).grantPermissions(Manifest.permission.READ_CONTACTS)
            Robolectric.setupContentProvider(FakeContacts::class.java, ContactsContract.AUTHORITY)
        }
    }
}
