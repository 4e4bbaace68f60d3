// :bridge — the engine's Kotlin API and the native declarations of libcallguard_jni. Plain JVM
// code (no android.* imports): the app depends on it, and tests/jvm-bridge compiles these same
// sources on a host JVM against the host-built library (that is where its tests live). The .so
// files come from the app module's jniLibs; src/main/resources/META-INF/proguard keeps the
// classes the native code finds by name.
import org.jetbrains.kotlin.gradle.dsl.JvmTarget

plugins {
    alias(libs.plugins.kotlin.jvm)
}

java {
    sourceCompatibility = JavaVersion.VERSION_17
    targetCompatibility = JavaVersion.VERSION_17
}

kotlin {
    compilerOptions {
        jvmTarget.set(JvmTarget.JVM_17)
    }
}

dependencies {
    // org.json is part of the Android platform: compile against it, never package it.
    compileOnly(libs.org.json)
}
