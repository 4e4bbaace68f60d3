// The Android app: CallScreeningService, banner, settings, history and onboarding, on framework
// APIs only. Kotlin is compiled by AGP's built-in Kotlin support (AGP 9+), so no Kotlin plugin
// is applied here.
plugins {
    alias(libs.plugins.android.application)
}

/** The ABIs the APK ships, and the CargoNdk tasks build (below). */
val shippedAbis = listOf("arm64-v8a", "armeabi-v7a", "x86_64")

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
            // The ABIs the CargoNdk tasks build (shippedAbis, below).
            abiFilters += shippedAbis
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

// libcallguard_jni.so for every shipped ABI, built from rust-core/jni by the typed CargoNdk task
// (buildSrc) into build/generated/, and handed to each variant as a generated jniLibs source
// directory: AGP then runs the task before it merges native libraries, and nothing is written
// under src/main. Needs `cargo install cargo-ndk`, the three rustup targets, and the NDK of
// this build (ndkVersion above, r28+: the task fails on an older one).
val rustWorkspace = rootProject.layout.projectDirectory.dir("..")
val rustSources = files(
    rustWorkspace.file("Cargo.toml"),
    rustWorkspace.file("Cargo.lock"),
    fileTree(rustWorkspace.dir("rust-core")) {
        include("**/*.rs", "**/Cargo.toml", "**/*.txt", "**/*.csv", "**/*.json")
        exclude("**/target/**")
    },
)
val configuredNdk = androidComponents.sdkComponents.ndkDirectory
val configuredNdkRevision = providers.fileContents(configuredNdk.map { it.file("source.properties") })
    .asText
    .map { CargoNdk.revisionOf(it) }

androidComponents {
    onVariants { variant ->
        val cargoNdk = tasks.register<CargoNdk>("cargoNdk${variant.name.replaceFirstChar { it.uppercase() }}") {
            group = "build"
            description = "Builds the Rust JNI library (callguard-jni) for ${variant.name} with cargo-ndk."
            workspace.set(rustWorkspace)
            sources.from(rustSources)
            abis.set(shippedAbis)
            platform.set(libs.versions.minSdk)
            cargoPackage.set("callguard-jni")
            ndkDirectory.set(configuredNdk)
            ndkRevision.set(configuredNdkRevision)
        }
        variant.sources.jniLibs?.addGeneratedSourceDirectory(cargoNdk, CargoNdk::outputDirectory)
    }
}
