package org.callguard.app.check

// Proves the app runs on its minSdk (29, Android 10) although it compiles against API 35: every
// android.* and org.json class, method and field that the shipped classes (app and bridge) use
// exists in the Android 10 framework (android-all 10), unless the method that uses it reads
// Build.VERSION.SDK_INT — the shape of a version guard. A lint-style NewApi check without the
// SDK. android-all carries no java.* (Robolectric runs on the host's JDK), so Java library
// APIs (e.g. List.of, API 30) are not covered here.

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.objectweb.asm.ClassReader
import org.objectweb.asm.Type
import org.objectweb.asm.tree.ClassNode
import org.objectweb.asm.tree.FieldInsnNode
import org.objectweb.asm.tree.LdcInsnNode
import org.objectweb.asm.tree.MethodInsnNode
import org.objectweb.asm.tree.MethodNode
import org.objectweb.asm.tree.TypeInsnNode
import java.io.File
import java.util.zip.ZipFile

class ApiLevelTest {
    private val framework = ZipFile(File(System.getProperty("callguard.minSdkFramework")))
    private val classes = File(System.getProperty("callguard.classes"))
    private val cache = HashMap<String, ClassNode?>()

    /** Packages of the phone's framework that android-all holds; Kotlin and our code ship in the APK. */
    private fun isPlatform(owner: String) = owner.startsWith("android/") || owner.startsWith("org/json/")

    /** The class as API 29 has it; java.* superclasses (Throwable, Object) come from the host JDK. */
    private fun platformClass(name: String): ClassNode? =
        cache.getOrPut(name) {
            val bytes = framework.getEntry("$name.class")?.let { framework.getInputStream(it).readBytes() }
                ?: if (name.startsWith("java/")) ClassLoader.getSystemResourceAsStream("$name.class")?.readBytes() else null
            bytes?.let { ClassNode().also { node -> ClassReader(it).accept(node, ClassReader.SKIP_CODE) } }
        }

    private fun hasMember(owner: String, name: String, desc: String, field: Boolean): Boolean {
        val node = platformClass(owner) ?: return false
        val found = if (field) {
            node.fields.any { it.name == name && it.desc == desc }
        } else {
            node.methods.any { it.name == name && it.desc == desc }
        }
        if (found) return true
        return listOfNotNull(node.superName).plus(node.interfaces).any { hasMember(it, name, desc, field) }
    }

    private fun readsSdkInt(method: MethodNode): Boolean =
        method.instructions.any { it is FieldInsnNode && it.owner == "android/os/Build\$VERSION" && it.name == "SDK_INT" }

    private fun elementType(type: Type): Type = if (type.sort == Type.ARRAY) type.elementType else type

    /** Every reference to the platform missing from API 29, as "Class.method: owner.member". */
    private fun missingReferences(): List<String> {
        val shipped = classes.walkTopDown().filter { it.isFile && it.extension == "class" }.toList()
        assertTrue(shipped.size > 40, "only ${shipped.size} classes under $classes")
        val missing = mutableListOf<String>()
        for (file in shipped) {
            val node = ClassNode().also { ClassReader(file.readBytes()).accept(it, 0) }
            val supers = listOfNotNull(node.superName) + node.interfaces
            supers.filter { isPlatform(it) && platformClass(it) == null }.forEach { missing += "${node.name}: extends $it" }
            for (method in node.methods) {
                if (readsSdkInt(method)) continue
                for (insn in method.instructions) {
                    val problem = when (insn) {
                        is MethodInsnNode -> insn.takeIf { isPlatform(it.owner) && !it.owner.startsWith("[") }
                            ?.takeUnless { hasMember(it.owner, it.name, it.desc, field = false) }
                            ?.let { "${it.owner}.${it.name}${it.desc}" }
                        is FieldInsnNode -> insn.takeIf { isPlatform(it.owner) }
                            ?.takeUnless { hasMember(it.owner, it.name, it.desc, field = true) }
                            ?.let { "${it.owner}.${it.name}" }
                        is TypeInsnNode -> elementType(Type.getObjectType(insn.desc)).internalName
                            .takeIf { isPlatform(it) && platformClass(it) == null }
                        is LdcInsnNode -> (insn.cst as? Type)?.let { elementType(it).internalName }
                            ?.takeIf { isPlatform(it) && platformClass(it) == null }
                        else -> null
                    }
                    if (problem != null) missing += "${node.name}.${method.name}: $problem"
                }
            }
        }
        return missing.distinct()
    }

    @Test
    fun `nothing newer than API 29 is used without a version check`() {
        assertEquals(emptyList<String>(), missingReferences())
    }

    @Test
    fun `the check sees a newer API when there is one`() {
        // API 30: what CallGuardScreeningService reads only behind its SDK_INT check.
        assertTrue(!hasMember("android/telecom/Call\$Details", "getCallerNumberVerificationStatus", "()I", field = false))
        assertTrue(hasMember("android/telecom/Call\$Details", "getHandlePresentation", "()I", field = false))
        val roleIntent = "(Ljava/lang/String;)Landroid/content/Intent;"
        assertTrue(hasMember("android/app/role/RoleManager", "createRequestRoleIntent", roleIntent, field = false))
        // Inherited members resolve through superclasses.
        val systemService = "(Ljava/lang/Class;)Ljava/lang/Object;"
        assertTrue(hasMember("android/telecom/CallScreeningService", "getSystemService", systemService, field = false))
    }
}
