// The Android app: CallScreeningService, banner, settings, history and onboarding, on framework
// APIs only. Kotlin is compiled by AGP's built-in Kotlin support (AGP 9+), so no Kotlin plugin
// is applied here.
plugins {
    alias(libs.plugins.android.application)
}

android {
    namespace = "org.callguard.app"
    compileSdk = libs.versions.compileSdk.get().toInt()
    ndkVersion = libs.versions.ndk.get()

    defaultConfig {
        applicationId = "org.callguard.app"
        minSdk = libs.versions.minSdk.get().toInt()
        targetSdk = libs.versions.targetSdk.get().toInt()
        versionCode = 1
        versionName = "0.1.0"
        ndk {
            // The ABIs cargoNdk builds; keep the two lists together.
            abiFilters += listOf("arm64-v8a", "armeabi-v7a", "x86_64")
        }
    }

    buildTypes {
        release {
            isMinifyEnabled = true
            isShrinkResources = true
            proguardFiles(
                getDefaultProguardFile("proguard-android-optimize.txt"),
                "proguard-rules.pro",
            )
        }
    }

    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }

    packaging {
        // Stored uncompressed and 16 KB-aligned in the APK, loaded straight from it.
        jniLibs.useLegacyPackaging = false
    }

    lint {
        abortOnError = true
    }
}

dependencies {
    implementation(project(":bridge"))
}

// Builds libcallguard_jni.so for every shipped ABI from rust-core/jni into src/main/jniLibs.
// Needs `cargo install cargo-ndk`, the three rustup targets and an NDK (r28+); the NDK of this
// build (ndkVersion above) is used unless ANDROID_NDK_HOME is already set.
val repoRoot = rootProject.layout.projectDirectory.dir("..")
val jniLibsDir = layout.projectDirectory.dir("src/main/jniLibs")
val ndkDirectory = androidComponents.sdkComponents.ndkDirectory
val cargoNdk = tasks.register<Exec>("cargoNdk") {
    group = "build"
    description = "Builds the Rust JNI library (callguard-jni) for every ABI with cargo-ndk."
    workingDir = repoRoot.asFile
    inputs.dir(repoRoot.dir("rust-core"))
    inputs.file(repoRoot.file("Cargo.toml"))
    inputs.file(repoRoot.file("Cargo.lock"))
    outputs.dir(jniLibsDir)
    commandLine(
        "cargo", "ndk",
        "-t", "arm64-v8a",
        "-t", "armeabi-v7a",
        "-t", "x86_64",
        "--platform", libs.versions.minSdk.get(),
        "-o", jniLibsDir.asFile.absolutePath,
        "build", "--release", "-p", "callguard-jni",
    )
    val presetNdk = System.getenv("ANDROID_NDK_HOME")
    doFirst {
        if (presetNdk.isNullOrEmpty()) {
            environment("ANDROID_NDK_HOME", ndkDirectory.get().asFile.absolutePath)
        }
    }
}

// The native libraries must exist before AGP merges them into the APK.
tasks.matching { it.name.startsWith("merge") && it.name.endsWith("JniLibFolders") }.configureEach {
    dependsOn(cargoNdk)
}
