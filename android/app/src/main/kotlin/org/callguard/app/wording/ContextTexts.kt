package org.callguard.app.wording

import android.content.Context
import android.content.res.Configuration
import org.callguard.bridge.Language
import java.util.Locale

/** This context's string resources as a [TextSource]. */
fun Context.texts(): TextSource = TextSource { id, args -> getString(id, *args) }

/**
 * The app's string resources in [language], whatever the phone's language: for a notification
 * whose banner text the engine wrote in [language], so its title, summary and buttons match.
 */
fun Context.textsIn(language: Language): TextSource {
    val config = Configuration(resources.configuration)
    config.setLocale(localeOf(language))
    return createConfigurationContext(config).texts()
}

/** The resource locale for an engine language: values-zh-rCN for Chinese, values for English. */
fun localeOf(language: Language): Locale =
    when (language) {
        Language.ZH -> Locale.SIMPLIFIED_CHINESE
        Language.EN -> Locale.ENGLISH
    }
