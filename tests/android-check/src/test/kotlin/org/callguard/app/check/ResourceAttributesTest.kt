package org.callguard.app.check

// Proves what the API 29 aapt2 link cannot: every android: attribute and framework style the
// manifest and resources use exists in the API 35 framework (android.R of android-all) — in
// particular the attributes manifest_for_api29.py removes before that link.

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.w3c.dom.Element
import java.io.File

class ResourceAttributesTest {
    private val android = "http://schemas.android.com/apk/res/android"

    private val files: List<File> = listOf(Repo.manifest) + Repo.res.walkTopDown().filter { it.isFile && it.extension == "xml" }

    private fun fieldsOf(className: String): Set<String> = Class.forName(className).fields.map { it.name }.toSet()

    private fun androidAttributes(file: File): Set<String> {
        val all = Repo.xml(file).getElementsByTagName("*")
        val names = mutableSetOf<String>()
        for (i in 0 until all.length) {
            val element = all.item(i) as Element
            val attributes = element.attributes
            for (j in 0 until attributes.length) {
                val attribute = attributes.item(j)
                if (attribute.namespaceURI == android) names += attribute.localName
            }
            // <item name="android:colorAccent"> in styles.
            if (element.tagName == "item" && element.getAttribute("name").startsWith("android:")) {
                names += element.getAttribute("name").removePrefix("android:")
            }
        }
        return names
    }

    @Test
    fun `every android attribute exists in the API 35 framework`() {
        val known = fieldsOf("android.R\$attr")
        val unknown = files.flatMap { file -> androidAttributes(file).filter { it !in known }.map { "${file.name}: android:$it" } }
        assertEquals(emptyList<String>(), unknown)
    }

    @Test
    fun `the attributes dropped for the API 29 link are real API 31+ attributes`() {
        val script = File(Repo.root, "tests/android-check/manifest_for_api29.py").readText()
        val dropped = Regex(""""(\w+)":\s*(\d+),""")
            .findAll(script.substringAfter("NEWER_ATTRIBUTES"))
            .map { it.groupValues[1] to it.groupValues[2].toInt() }
            .toList()
        assertTrue(dropped.isNotEmpty())
        val known = fieldsOf("android.R\$attr")
        for ((name, api) in dropped) {
            assertTrue(name in known, "android:$name is not an attribute")
            assertTrue(api > 29, "android:$name is older than API 29; it must not be dropped")
        }
    }

    @Test
    fun `every framework style and colour referenced exists`() {
        val reference = Regex("""@android:(style|color|attr|drawable)/([\w.]+)|\?android:attr/(\w+)""")
        val missing = mutableListOf<String>()
        for (file in files) {
            for (match in reference.findAll(file.readText())) {
                val (kind, name) = if (match.groupValues[3].isNotEmpty()) {
                    "attr" to match.groupValues[3]
                } else {
                    match.groupValues[1] to match.groupValues[2]
                }
                if (name.replace('.', '_') !in fieldsOf("android.R\$$kind")) missing += "${file.name}: ${match.value}"
            }
        }
        assertEquals(emptyList<String>(), missing)
    }
}
