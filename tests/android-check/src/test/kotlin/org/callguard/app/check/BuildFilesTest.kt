package org.callguard.app.check

// Gradle cannot run here, so this proves what can be read from the Gradle files: both modules
// are in the build, the SDK levels and Kotlin version agree with what this check compiles and
// links with, and the typed CargoNdk task builds every ABI the APK ships into a generated
// jniLibs directory of each variant, configuration-cache safe, 16 KB-page aligned.

import java.io.File
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class BuildFilesTest {
    private val android = File(Repo.root, "android")
    private val catalog = File(android, "gradle/libs.versions.toml").readText()
    private val appBuild = File(Repo.app, "build.gradle.kts").readText()
    private val pom = File(Repo.root, "tests/android-check/pom.xml").readText()
    private val cargoTask = File(android, "buildSrc/src/main/kotlin/CargoNdk.kt").readText()
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
    fun `the shipped ABIs are the ones cargo-ndk builds`() {
        val abis = Regex("""val shippedAbis = listOf\(([^)]*)\)""").find(appBuild)!!.groupValues[1]
        assertEquals(listOf("arm64-v8a", "armeabi-v7a", "x86_64"), Regex(""""([^"]+)"""").findAll(abis).map { it.groupValues[1] }.toList())
        assertTrue("abiFilters += shippedAbis" in appBuild)
        assertTrue("abis.set(shippedAbis)" in appBuild)
        assertTrue("cargoPackage.set(\"callguard-jni\")" in appBuild)
        assertTrue("platform.set(libs.versions.minSdk)" in appBuild)
    }

    @Test
    fun `each variant gets the libraries as a generated jniLibs directory, nothing in src`() {
        assertTrue("onVariants { variant ->" in appBuild)
        assertTrue("variant.sources.jniLibs?.addGeneratedSourceDirectory(cargoNdk, CargoNdk::outputDirectory)" in appBuild)
        assertFalse("src/main/jniLibs" in appBuild, "libraries written into the source tree")
        assertFalse("dependsOn(" in appBuild, "task wiring by hand instead of through the generated source")
    }

    @Test
    fun `the task is typed, declares inputs and outputs, and keeps off the Project at execution`() {
        assertTrue("abstract class CargoNdk @Inject constructor(" in cargoTask)
        assertTrue("private val exec: ExecOperations" in cargoTask)
        for (annotation in listOf("@get:InputFiles", "@get:OutputDirectory", "@get:Input", "@TaskAction", "@get:PathSensitive")) {
            assertTrue(annotation in cargoTask, annotation)
        }
        val action = cargoTask.substringAfter("@TaskAction").substringBefore("companion object")
        for (forbidden in listOf("project", "doFirst", "System.getenv")) {
            assertFalse(forbidden in action, "the task action uses $forbidden")
        }
        assertFalse("doFirst" in appBuild || "System.getenv" in appBuild, "script objects captured in task actions")
        assertTrue("org.gradle.configuration-cache=true" in File(android, "gradle.properties").readText())
    }

    @Test
    fun `old NDKs are refused and 64-bit libraries are 16 KB aligned`() {
        assertTrue("const val MIN_NDK_MAJOR = 28" in cargoTask)
        assertTrue("major < MIN_NDK_MAJOR" in cargoTask && "throw GradleException(" in cargoTask)
        assertTrue("""val SIXTEEN_KB_TARGETS = listOf("aarch64-linux-android", "x86_64-linux-android")""" in cargoTask)
        assertTrue("-C link-arg=-Wl,-z,max-page-size=16384" in cargoTask)
        assertTrue("environment(\"ANDROID_NDK_HOME\", ndk)" in cargoTask, "the configured NDK is passed explicitly")
        assertTrue("ndkDirectory.set(configuredNdk)" in appBuild && "androidComponents.sdkComponents.ndkDirectory" in appBuild)
        assertTrue(version("ndk").substringBefore('.').toInt() >= 28)
    }

    @Test
    fun `no AndroidX or Material dependency`() {
        val all = catalog + appBuild + File(android, "gradle.properties").readText()
        assertTrue("androidx." !in all.replace("android.useAndroidX=false", ""))
        assertTrue("com.google.android.material" !in all)
    }
}
