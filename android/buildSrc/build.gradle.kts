// Build logic for the Android build: the typed CargoNdk task (src/main/kotlin). Only the Gradle
// API is needed, so buildSrc has no dependency beyond the kotlin-dsl plugin.
plugins {
    `kotlin-dsl`
}

repositories {
    gradlePluginPortal()
    mavenCentral()
}
