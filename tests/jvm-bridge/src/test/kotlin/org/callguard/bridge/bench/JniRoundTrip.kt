// The JNI round trip benchmark (issue 6, DESIGN §9: p50 ≤ 30 µs): a Kotlin call
// `CallGuard.screen(request)` to the decoded `Decision`, timed call by call over the native
// benchmarks' data set and call mix, split into its parts. Run it through bench.sh, which builds
// the release library, the data set and the mix; it is not a JUnit test and asserts no timing.
@file:JvmName("JniRoundTrip")

package org.callguard.bridge.bench

import org.callguard.bridge.CallGuard
import org.callguard.bridge.Json
import org.callguard.bridge.Label
import org.callguard.bridge.NativeBridge
import org.callguard.bridge.ScreenRequest
import java.io.File
import java.lang.management.ManagementFactory
import java.util.EnumMap
import java.util.Locale
import kotlin.system.exitProcess

private const val USAGE = "usage: JniRoundTrip --db PATH --mix FILE [--warmup N] [--name TEXT]"

/** The JNI round trip target of DESIGN §9, in microseconds. */
private const val TARGET_P50_MICROS = 30.0

/** What a run measures, from the command line. */
private class Options(
    val db: String,
    val mix: List<String>,
    val warmup: Int,
    val name: String,
)

/** The per-call times of one step, in nanoseconds, and the garbage collections during it. */
private class Samples(
    val step: String,
    val nanos: LongArray,
    val collections: Long,
) {
    private val sorted = nanos.sortedArray()

    /** The [p] quantile, picked as the native benchmarks pick it (nearest rank, rounded). */
    fun percentile(p: Double): Long = sorted[((sorted.size - 1) * p + 0.5).toInt()]

    val max: Long get() = sorted.last()

    val mean: Double get() = nanos.sum().toDouble() / nanos.size
}

/** Keeps the JIT from discarding work whose result is otherwise unused (a static field). */
private var sink: Long = 0

fun main(args: Array<String>) {
    val options =
        try {
            parse(args)
        } catch (e: IllegalArgumentException) {
            System.err.println("JniRoundTrip: ${e.message}\n$USAGE")
            exitProcess(2)
        }
    run(options)
}

private fun parse(args: Array<String>): Options {
    var db: String? = null
    var mix: String? = null
    var warmup = 20_000
    var name = "data set"
    var i = 0
    while (i < args.size) {
        val arg = args[i++]

        fun value(): String = args.getOrNull(i++) ?: throw IllegalArgumentException("$arg needs a value")
        when (arg) {
            "--db" -> db = value()
            "--mix" -> mix = value()
            "--warmup" -> warmup = value().toIntOrNull()?.takeIf { it >= 0 } ?: throw IllegalArgumentException("--warmup: not a count")
            "--name" -> name = value()
            else -> throw IllegalArgumentException("unknown argument: $arg")
        }
    }
    requireNotNull(db) { "--db is required" }
    requireNotNull(mix) { "--mix is required" }
    // One number a line; an empty line is a hidden call, so empty lines count.
    val numbers = File(mix).readLines()
    require(numbers.isNotEmpty()) { "the mix $mix is empty" }
    return Options(db, numbers, warmup, name)
}

private fun run(options: Options) {
    val jvmArgs = ManagementFactory.getRuntimeMXBean().inputArguments
    val checkJni = jvmArgs.any { it.startsWith("-Xcheck:jni") }
    val gcs = ManagementFactory.getGarbageCollectorMXBeans().joinToString("+") { it.name }
    println(
        "JNI round trip: ${options.name}, ${options.mix.size} calls timed one by one after a warm-up of " +
            "${options.warmup} (every step)",
    )
    println(
        "JVM: ${System.getProperty("java.vm.name")} ${System.getProperty("java.runtime.version")}, GC $gcs, " +
            "${Runtime.getRuntime().availableProcessors()} CPUs; -Xcheck:jni ${if (checkJni) "ON (distorts timing)" else "off"}",
    )
    println("library: ${System.getProperty("callguard.lib") ?: "callguard_jni from java.library.path"} (version ${CallGuard.version()})")

    CallGuard.open(options.db).use { guard ->
        guard.warnings.forEach { println("open warning: $it") }
        val handle = handleOf(guard)
        val warmup = List(options.warmup) { options.mix[it % options.mix.size] }
        measure(guard, handle, warmup)
        val results = measure(guard, handle, options.mix)
        report(results.first, results.second)
    }
}

/** The engine handle inside [guard], for timing the native call without the Kotlin around it. */
private fun handleOf(guard: CallGuard): Long {
    val field = CallGuard::class.java.getDeclaredField("handle")
    field.isAccessible = true
    return field.getLong(guard)
}

/**
 * Times every step over [numbers], one call at a time: the whole `CallGuard.screen`, then its
 * parts (encoding the request, the native call with JSON in and out, decoding the answer), then
 * the bare JNI round trip (`version()`) and the timer itself. Returns the samples and the labels
 * `CallGuard.screen` gave.
 */
private fun measure(
    guard: CallGuard,
    handle: Long,
    numbers: List<String>,
): Pair<List<Samples>, Map<Label, Int>> {
    val n = numbers.size
    val labels = EnumMap<Label, Int>(Label::class.java)
    val whole =
        timeEach("CallGuard.screen(request) → Decision", n) { i ->
            val request = ScreenRequest(number = numbers[i])
            val t = System.nanoTime()
            val decision = guard.screen(request)
            val elapsed = System.nanoTime() - t
            labels.merge(decision.label, 1, Int::plus)
            elapsed
        }
    val requests = arrayOfNulls<String>(n)
    val encode =
        timeEach("  Json.request (encode, Kotlin)", n) { i ->
            val request = ScreenRequest(number = numbers[i])
            val t = System.nanoTime()
            val json = Json.request(request)
            val elapsed = System.nanoTime() - t
            requests[i] = json
            elapsed
        }
    val answers = arrayOfNulls<String>(n)
    val nativeCall =
        timeEach("  NativeBridge.screen (JNI + engine)", n) { i ->
            val json = requests[i]
            val t = System.nanoTime()
            val answer = NativeBridge.screen(handle, json)
            val elapsed = System.nanoTime() - t
            answers[i] = answer
            elapsed
        }
    val decode =
        timeEach("  Json.decision (decode, Kotlin)", n) { i ->
            val answer = answers[i]!!
            val t = System.nanoTime()
            val decision = Json.decision(answer)
            val elapsed = System.nanoTime() - t
            sink += decision.label.ordinal
            elapsed
        }
    val bridge =
        timeEach("CallGuard.version() (bare JNI call)", n) {
            val t = System.nanoTime()
            val version = CallGuard.version()
            val elapsed = System.nanoTime() - t
            sink += version.length
            elapsed
        }
    val timer =
        timeEach("System.nanoTime() pair (timer floor)", n) {
            val t = System.nanoTime()
            System.nanoTime() - t
        }
    return listOf(whole, encode, nativeCall, decode, bridge, timer) to labels
}

/** Runs [call] for each index below [n]; each returns the nanoseconds it timed. */
private inline fun timeEach(
    step: String,
    n: Int,
    call: (Int) -> Long,
): Samples {
    val beans = ManagementFactory.getGarbageCollectorMXBeans()
    val collectionsBefore = beans.sumOf { it.collectionCount }
    val nanos = LongArray(n)
    for (i in 0 until n) {
        nanos[i] = call(i)
    }
    return Samples(step, nanos, beans.sumOf { it.collectionCount } - collectionsBefore)
}

/** A right-aligned table cell, always set off from the one before it. */
private fun cell(text: String): String = " " + text.padStart(9)

private fun micros(nanos: Number): String = "%.2f".format(Locale.ROOT, nanos.toDouble() / 1000.0)

private fun report(
    results: List<Samples>,
    labels: Map<Label, Int>,
) {
    val width = results.maxOf { it.step.length }
    val columns = listOf("calls", "p50", "p99", "p99.9", "max", "mean")
    println()
    println("step".padEnd(width) + columns.joinToString("") { cell(it) } + cell("GCs") + "   (times in µs)")
    for (s in results) {
        val cells =
            listOf(
                s.nanos.size.toString(),
                micros(s.percentile(0.50)),
                micros(s.percentile(0.99)),
                micros(s.percentile(0.999)),
                micros(s.max),
                micros(s.mean),
            )
        println(s.step.padEnd(width) + cells.joinToString("") { cell(it) } + cell(s.collections.toString()))
    }

    val (whole, encode, nativeCall, decode, bridge) = results
    val p50 = whole.percentile(0.50) / 1000.0
    println()
    println(
        "p50 split: encode ${micros(encode.percentile(0.5))} + native ${micros(nativeCall.percentile(0.5))} " +
            "(of which a bare JNI call ${micros(bridge.percentile(0.5))}) + decode ${micros(decode.percentile(0.5))} µs " +
            "= ${micros(encode.percentile(0.5) + nativeCall.percentile(0.5) + decode.percentile(0.5))} µs " +
            "against ${micros(whole.percentile(0.5))} µs measured whole (percentiles do not add exactly)",
    )
    println(
        "target (DESIGN §9): CallGuard.screen p50 ≤ ${TARGET_P50_MICROS.toInt()} µs — " +
            (if (p50 <= TARGET_P50_MICROS) "met" else "NOT met") + " (${micros(whole.percentile(0.5))} µs; informational, not asserted)",
    )
    val total = labels.values.sum()
    println(
        "labels: " +
            labels.entries
                .sortedByDescending { it.value }
                .joinToString(", ") { "${it.key.code} ${"%.1f".format(Locale.ROOT, 100.0 * it.value / total)}%" },
    )
    // The only check: decisions that never hit a rule mean the data set is not the one screened.
    val ruleHits = (labels[Label.USER_BLOCKED] ?: 0) + (labels[Label.USER_ALLOWED] ?: 0)
    check(ruleHits > 0) { "no call hit a user rule: the database does not hold the benchmark data set" }
}
