// Plugins are declared once here with their versions (gradle/libs.versions.toml) and applied in
// the modules. The Kotlin plugin on this classpath is also the one AGP's built-in Kotlin uses.
plugins {
    alias(libs.plugins.android.application) apply false
    alias(libs.plugins.kotlin.jvm) apply false
}
