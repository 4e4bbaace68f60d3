import org.gradle.api.DefaultTask
import org.gradle.api.GradleException
import org.gradle.api.file.ConfigurableFileCollection
import org.gradle.api.file.DirectoryProperty
import org.gradle.api.file.FileSystemOperations
import org.gradle.api.provider.ListProperty
import org.gradle.api.provider.Property
import org.gradle.api.tasks.CacheableTask
import org.gradle.api.tasks.Input
import org.gradle.api.tasks.InputFiles
import org.gradle.api.tasks.Internal
import org.gradle.api.tasks.OutputDirectory
import org.gradle.api.tasks.PathSensitive
import org.gradle.api.tasks.PathSensitivity
import org.gradle.api.tasks.TaskAction
import org.gradle.process.ExecOperations
import javax.inject.Inject

/**
 * Builds the Rust JNI library (`callguard-jni`) for every shipped ABI with cargo-ndk, into
 * [outputDirectory] as `<abi>/libcallguard_jni.so`. The app wires that directory into each
 * variant's jniLibs as a generated source (`variant.sources.jniLibs.addGeneratedSourceDirectory`),
 * so nothing is written under `src/main` and the merge task depends on this one by itself.
 *
 * Configuration-cache safe: every value is a declared property set at configuration time;
 * the action uses only the injected [ExecOperations] and [FileSystemOperations], never the
 * Project. Inputs are the Rust sources and manifests, the ABIs, the platform and the NDK's
 * revision; the output is the directory of libraries.
 *
 * 16 KB pages: Android 15+ devices may use 16 KB memory pages, and a library whose LOAD segments
 * are aligned to 4 KB does not load there. NDK r28+ links 16 KB-aligned by default; this task
 * refuses an older NDK, passes the configured NDK explicitly (a stale `ANDROID_NDK_HOME` from
 * the environment never wins), and sets `-z max-page-size=16384` itself for the two 64-bit ABIs.
 */
@CacheableTask
abstract class CargoNdk @Inject constructor(
    private val exec: ExecOperations,
    private val files: FileSystemOperations,
) : DefaultTask() {
    /** The Cargo workspace root (the repository root). Not an input itself: [sources] are. */
    @get:Internal
    abstract val workspace: DirectoryProperty

    /** Rust sources, Cargo.toml files and Cargo.lock of the crates the library is built from. */
    @get:InputFiles
    @get:PathSensitive(PathSensitivity.RELATIVE)
    abstract val sources: ConfigurableFileCollection

    /** Android ABIs, as `abiFilters` names them (arm64-v8a, armeabi-v7a, x86_64). */
    @get:Input
    abstract val abis: ListProperty<String>

    /** The minimum API level the library links against (minSdk). */
    @get:Input
    abstract val platform: Property<String>

    /** The Cargo package to build. */
    @get:Input
    abstract val cargoPackage: Property<String>

    /** The NDK of this build (`android.ndkVersion`, from `androidComponents.sdkComponents`). */
    @get:Internal
    abstract val ndkDirectory: DirectoryProperty

    /** `Pkg.Revision` from the NDK's source.properties, e.g. "28.2.13676358". */
    @get:Input
    abstract val ndkRevision: Property<String>

    /** Where the libraries go: `<abi>/lib<name>.so`. */
    @get:OutputDirectory
    abstract val outputDirectory: DirectoryProperty

    @TaskAction
    fun build() {
        val revision = ndkRevision.get()
        val major = revision.substringBefore('.').toIntOrNull()
        if (major == null || major < MIN_NDK_MAJOR) {
            throw GradleException(
                "NDK $revision at ${ndkDirectory.get().asFile} is older than r$MIN_NDK_MAJOR: its libraries are not " +
                    "16 KB-page aligned and fail to load on 16 KB-page devices. Set android.ndkVersion to r$MIN_NDK_MAJOR+.",
            )
        }
        val out = outputDirectory.get().asFile
        // Libraries of an ABI that was dropped must not linger in the APK.
        files.delete { delete(out) }
        out.mkdirs()
        val ndk = ndkDirectory.get().asFile.absolutePath
        exec.exec {
            workingDir = workspace.get().asFile
            // Only the configured NDK: cargo-ndk also reads these, and an old one must not win.
            for (name in listOf("ANDROID_NDK_ROOT", "ANDROID_NDK_PATH", "NDK_HOME")) environment.remove(name)
            environment("ANDROID_NDK_HOME", ndk)
            // RUSTFLAGS would override the per-target flags below.
            environment.remove("RUSTFLAGS")
            environment.remove("CARGO_ENCODED_RUSTFLAGS")
            for (triple in SIXTEEN_KB_TARGETS) {
                environment("CARGO_TARGET_${triple.uppercase().replace('-', '_')}_RUSTFLAGS", MAX_PAGE_SIZE_FLAGS)
            }
            val targets = abis.get().flatMap { listOf("-t", it) }
            commandLine(
                listOf("cargo", "ndk") + targets +
                    listOf("--platform", platform.get(), "-o", out.absolutePath, "build", "--release", "-p", cargoPackage.get()),
            )
        }
    }

    companion object {
        /** The first NDK that links 16 KB page-aligned libraries by default. */
        const val MIN_NDK_MAJOR = 28

        /** The 64-bit targets that run on 16 KB-page devices (32-bit ARM stays on 4 KB pages). */
        val SIXTEEN_KB_TARGETS = listOf("aarch64-linux-android", "x86_64-linux-android")

        /** Linker flags for 16 KB-page alignment of every LOAD segment. */
        const val MAX_PAGE_SIZE_FLAGS = "-C link-arg=-Wl,-z,max-page-size=16384"

        /** `Pkg.Revision` out of an NDK's source.properties text, or "" when it is missing. */
        fun revisionOf(sourceProperties: String): String =
            sourceProperties.lineSequence()
                .map { it.trim() }
                .firstOrNull { it.startsWith("Pkg.Revision") }
                ?.substringAfter('=')
                ?.trim()
                .orEmpty()
    }
}
