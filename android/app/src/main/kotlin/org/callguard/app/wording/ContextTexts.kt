package org.callguard.app.wording

import android.content.Context

/** This context's string resources as a [TextSource]. */
fun Context.texts(): TextSource = TextSource { id, args -> getString(id, *args) }
