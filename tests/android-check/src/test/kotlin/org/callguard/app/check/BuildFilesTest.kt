package org.callguard.app.check

// Gradle cannot run here, so this proves what can be read from the Gradle files: both modules
// are in the build, the SDK levels and Kotlin version agree with what this check compiles and
// links with, and the cargo-ndk task builds every ABI the APK ships, before the merge.

import java.io.File
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class BuildFilesTest {
    private val android = File(Repo.root, "android")
    private val catalog = File(android, "gradle/libs.versions.toml").readText()
    private val appBuild = File(Repo.app, "build.gradle.kts").readText()
    private val pom = File(Repo.root, "tests/android-check/pom.xml").readText()
    private val runSh = File(Repo.root, "tests/android-check/run.sh").readText()

    private fun version(name: String): String =
        Regex("""(?m)^$name\s*=\s*"([^"]+)"""").find(catalog)?.groupValues?.get(1) ?: error("no $name in the catalog")

    @Test
    fun `both modules are in the build`() {
        val settings = File(android, "settings.gradle.kts").readText()
        assertTrue("include(\":bridge\")" in settings)
        assertTrue("include(\":app\")" in settings)
        assertTrue("implementation(project(\":bridge\"))" in appBuild)
    }

    @Test
    fun `SDK levels are the product's and match this check`() {
        assertEquals("29", version("minSdk"))
        assertEquals("36", version("targetSdk"))
        assertEquals("36", version("compileSdk"))
        assertTrue("--min-sdk-version 29" in runSh)
        assertTrue("--target-sdk-version 36" in runSh)
        assertTrue(version("ndk").substringBefore('.').toInt() >= 28, "NDK r28+ for 16 KB pages")
    }

    @Test
    fun `Kotlin is 2 and the same as this check compiles with`() {
        val kotlin = version("kotlin")
        assertTrue(kotlin.startsWith("2."))
        assertTrue("<kotlin.version>$kotlin</kotlin.version>" in pom)
        assertTrue("<junit.version>${version("junit")}</junit.version>" in pom)
    }

    @Test
    fun `cargo-ndk builds every shipped ABI into jniLibs before the native libraries are merged`() {
        val abis = listOf("arm64-v8a", "armeabi-v7a", "x86_64")
        val filters = Regex("""abiFilters \+= listOf\(([^)]*)\)""").find(appBuild)!!.groupValues[1]
        assertEquals(abis, Regex(""""([^"]+)"""").findAll(filters).map { it.groupValues[1] }.toList())
        abis.forEach { assertTrue("\"-t\", \"$it\"" in appBuild, it) }
        assertTrue("\"build\", \"--release\", \"-p\", \"callguard-jni\"" in appBuild)
        assertTrue("src/main/jniLibs" in appBuild)
        assertTrue("""it.name.startsWith("merge") && it.name.endsWith("JniLibFolders")""" in appBuild)
        assertTrue("dependsOn(cargoNdk)" in appBuild)
    }

    @Test
    fun `no AndroidX or Material dependency`() {
        val all = catalog + appBuild + File(android, "gradle.properties").readText()
        assertTrue("androidx." !in all.replace("android.useAndroidX=false", ""))
        assertTrue("com.google.android.material" !in all)
    }
}
