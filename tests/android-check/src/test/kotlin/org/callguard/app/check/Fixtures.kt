package org.callguard.app.check

import org.callguard.app.R
import org.callguard.app.wording.TextSource
import org.callguard.bridge.Action
import org.callguard.bridge.Banner
import org.callguard.bridge.Decision
import org.callguard.bridge.Label
import org.callguard.bridge.NumberKind
import org.callguard.bridge.PhoneNumber
import org.callguard.bridge.Reason
import org.callguard.bridge.Risk
import org.callguard.bridge.Severity
import org.w3c.dom.Document
import org.w3c.dom.Element
import java.io.File
import javax.xml.parsers.DocumentBuilderFactory

/** Paths into the repository (surefire sets `callguard.repo`). */
object Repo {
    val root: File = File(System.getProperty("callguard.repo") ?: "../..").canonicalFile
    val app: File = File(root, "android/app")
    val res: File = File(app, "src/main/res")
    val manifest: File = File(app, "src/main/AndroidManifest.xml")
    val appSources: File = File(app, "src/main/kotlin")

    fun xml(file: File): Document =
        DocumentBuilderFactory.newInstance().apply { isNamespaceAware = true }.newDocumentBuilder().parse(file)

    /** Every Kotlin source file of the app. */
    fun kotlinSources(): List<File> = appSources.walkTopDown().filter { it.isFile && it.extension == "kt" }.toList()
}

/** One strings.xml, with Android's escapes undone. */
class StringResources(val file: File) {
    val strings: Map<String, String> = run {
        val nodes = Repo.xml(file).getElementsByTagName("string")
        (0 until nodes.length).associate { i ->
            val element = nodes.item(i) as Element
            element.getAttribute("name") to unescape(element.textContent)
        }
    }

    /** Every `<plurals>`: name → quantity ("one", "other") → text, escapes undone. */
    val plurals: Map<String, Map<String, String>> = run {
        val nodes = Repo.xml(file).getElementsByTagName("plurals")
        (0 until nodes.length).associate { i ->
            val element = nodes.item(i) as Element
            val items = element.getElementsByTagName("item")
            element.getAttribute("name") to (0 until items.length).associate { j ->
                val item = items.item(j) as Element
                item.getAttribute("quantity") to unescape(item.textContent)
            }
        }
    }

    /** The string named [name]; fails the test when it is missing. */
    operator fun get(name: String): String = strings[name] ?: throw AssertionError("no string '$name' in $file")

    /** These strings as a [TextSource] over R.string ids, formatted like `Context.getString`. */
    fun texts(): TextSource = TextSource { id, args -> String.format(get(nameOf(id)), *args) }

    companion object {
        val english = StringResources(File(Repo.res, "values/strings.xml"))
        val chinese = StringResources(File(Repo.res, "values-zh-rCN/strings.xml"))

        private val idToName: Map<Int, String> =
            R.string::class.java.fields.associate { it.getInt(null) to it.name }

        private val pluralIdToName: Map<Int, String> =
            R.plurals::class.java.fields.associate { it.getInt(null) to it.name }

        /** The resource name of an R.string id. */
        fun nameOf(id: Int): String = idToName[id] ?: throw AssertionError("id $id is not an R.string")

        /** The resource name of an R.plurals id. */
        fun pluralNameOf(id: Int): String = pluralIdToName[id] ?: throw AssertionError("id $id is not an R.plurals")

        // aapt2's rules for string values: backslash escapes; unescaped quotes are dropped.
        private fun unescape(raw: String): String {
            val out = StringBuilder()
            var i = 0
            while (i < raw.length) {
                val c = raw[i]
                when {
                    c == '\\' && i + 1 < raw.length -> {
                        out.append(
                            when (val next = raw[i + 1]) {
                                'n' -> '\n'
                                't' -> '\t'
                                else -> next
                            },
                        )
                        i += 2
                        continue
                    }
                    c == '"' -> Unit
                    else -> out.append(c)
                }
                i++
            }
            return out.toString()
        }
    }
}

/** Decisions as the engine would send them. */
object Decisions {
    fun of(
        label: Label = Label.UNKNOWN,
        action: Action = Action.ALLOW,
        number: String = "13800138000",
        masked: String = if (number.length > 7) number.take(3) + "****" + number.takeLast(4) else number,
        skipCallLog: Boolean = false,
        skipNotification: Boolean = false,
        banner: Banner? = null,
        reasons: List<Reason> = emptyList(),
    ) = Decision(
        number = PhoneNumber(
            raw = number,
            normalized = number,
            e164 = if (number.isEmpty()) null else "+86$number",
            kind = if (number.isEmpty()) NumberKind.HIDDEN else NumberKind.MOBILE,
            countryCode = "86",
            areaCode = null,
            carrierHint = null,
            masked = masked,
        ),
        label = label,
        carrier = null,
        category = null,
        risk = Risk.MEDIUM,
        reasons = reasons,
        action = action,
        skipCallLog = skipCallLog,
        skipNotification = skipNotification,
        banner = banner,
    )

    fun banner(severity: Severity = Severity.WARNING, warning: String? = "Never give a verification code to anyone.") =
        Banner(title = "Fake carrier number", body = "138****8000 is not 10086.", warning = warning, severity = severity)
}
