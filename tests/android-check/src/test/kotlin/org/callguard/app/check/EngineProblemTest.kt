package org.callguard.app.check

// Proves that what went wrong inside the engine reaches the user as words to act on: a missing
// or foreign native library says to reinstall, a storage failure names the database, anything
// else is an internal error — never an exception's class name or message, in either language.

import org.callguard.app.R
import org.callguard.app.engine.EngineProblem
import org.callguard.bridge.CallGuardException
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.MethodSource
import java.util.stream.Stream

class EngineProblemTest {
    companion object {
        @JvmStatic
        fun failures(): Stream<Array<Any>> =
            Stream.of(
                arrayOf(UnsatisfiedLinkError("dlopen failed: library \"libcallguard_jni.so\" not found"), EngineProblem.MISSING_ENGINE),
                arrayOf(NoClassDefFoundError("Could not initialize class org.callguard.bridge.NativeBridge"), EngineProblem.MISSING_ENGINE),
                arrayOf(ExceptionInInitializerError(UnsatisfiedLinkError("wrong ELF class")), EngineProblem.MISSING_ENGINE),
                arrayOf(CallGuardException("database disk image is malformed"), EngineProblem.DATABASE),
                arrayOf(AssertionError("native panic: index out of bounds"), EngineProblem.INTERNAL),
                arrayOf(IllegalStateException("engine is closed"), EngineProblem.INTERNAL),
                arrayOf(OutOfMemoryError(), EngineProblem.INTERNAL),
            )
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("failures")
    fun `each failure is the problem a user can act on`(failure: Throwable, problem: EngineProblem) {
        assertEquals(problem, EngineProblem.of(failure))
    }

    @Test
    fun `the status note of an older version, or a garbled one, reads as an internal error`() {
        assertEquals(EngineProblem.DATABASE, EngineProblem.named("DATABASE"))
        assertEquals(EngineProblem.INTERNAL, EngineProblem.named("ExceptionInInitializerError"))
        assertEquals(EngineProblem.INTERNAL, EngineProblem.named(null))
    }

    @Test
    fun `every problem says what still happens and what to do, in both languages`() {
        val names = R.string::class.java.fields.associate { it.getInt(null) to it.name }
        for (problem in EngineProblem.entries) {
            val status = names.getValue(problem.statusText)
            val short = names.getValue(problem.shortText)
            assertTrue("every call rings" in StringResources.english[status], status)
            assertTrue("所有来电都会放行" in StringResources.chinese[status], status)
            for (text in listOf(StringResources.english[status], StringResources.chinese[status], StringResources.english[short], StringResources.chinese[short])) {
                assertTrue(listOf("Exception", "Error", "%").none { it in text }, text)
            }
        }
    }
}
