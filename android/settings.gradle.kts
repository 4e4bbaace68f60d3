// CallGuard's Android build: the plain-JVM bridge to the Rust core, and the app around it.
// Everything comes from Google's Maven (the Android Gradle plugin) and Maven Central.
pluginManagement {
    repositories {
        google()
        mavenCentral()
        gradlePluginPortal()
    }
}

dependencyResolutionManagement {
    repositoriesMode.set(RepositoriesMode.FAIL_ON_PROJECT_REPOS)
    repositories {
        google()
        mavenCentral()
    }
}

rootProject.name = "CallGuard"

include(":bridge")
include(":app")
