package org.factlint.internal.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Defence in depth after compiling a verified pack: reads the bytecode of every class the compiler made of the pack
 * (consequences, their invokers, functions) and refuses any reference outside the allow-list: classes named in the
 * constant pool, class constants, fields and methods called, invokedynamic bootstraps. The engine's own classes are
 * allowed, but not the members that reach the runtime, the KieBase or other rules' facts. Not API.
 */
public final class BytecodeCheck {
    /** Members of Drools and KIE classes a compiled checked pack may never use. */
    private static final Set<String> ENGINE_DENIED = Set.of("getKieRuntime", "getKnowledgeRuntime", "getKieBase",
            "getKnowledgeBase", "getWorkingMemory", "getReteEvaluator", "halt", "delete", "retract", "getEntryPoint",
            "getChannels", "setGlobal", "getGlobal", "getGlobals", "removeRule", "removeKiePackage", "dispose",
            "getSession", "getKieSession", "run", "getProcessContext", "getContext");
    /** Bootstraps of invokedynamic allowed: string concatenation only. */
    private static final Set<String> BOOTSTRAPS = Set.of("java/lang/invoke/StringConcatFactory");
    /** JDK classes generated code uses beyond the allow-list (the invoker's plumbing). */
    private static final Set<String> JDK_PLUMBING = Set.of("java/lang/Object", "java/lang/Throwable",
            "java/lang/Exception", "java/lang/RuntimeException", "java/lang/Error", "java/lang/Iterable",
            "java/lang/Class");
    /**
     * Methods of {@code java.lang.Class} the generated invokers call (their equals and names); any other use of a
     * class object (reflection, loading, resources) is refused.
     */
    private static final Set<String> CLASS_METHODS = Set.of("getName", "getSimpleName", "equals", "hashCode",
            "isInstance");

    /**
     * Drools' template makes each function a class implementing {@code java.io.Externalizable} with empty
     * {@code writeExternal(ObjectOutput)} and {@code readExternal(ObjectInput)}: that interface and those two
     * signatures are allowed (their bodies are checked like any other; no call on those types is).
     */
    private static final String FUNCTION_INTERFACE = "java/io/Externalizable";
    private static final Set<String> FUNCTION_PLUMBING = Set.of("writeExternal(Ljava/io/ObjectOutput;)V",
            "readExternal(Ljava/io/ObjectInput;)V");

    private BytecodeCheck() {
    }

    /** The refusals, as "class: reference"; empty when every compiled class of the pack keeps to the list. */
    public static List<String> check(KieBase kieBase) {
        List<String> refusals = new ArrayList<>();
        Set<String> declared = new java.util.HashSet<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (org.kie.api.definition.type.FactType t : pkg.getFactTypes()) {
                declared.add(t.getName().replace('.', '/') + ".class"); // the pack's declared types
            }
        }
        for (KiePackage pkg : kieBase.getKiePackages()) {
            Map<String, byte[]> store = new java.util.HashMap<>(store(pkg));
            Set<String> own = new java.util.HashSet<>(store.keySet());
            own.addAll(declared);
            for (Map.Entry<String, byte[]> c : store.entrySet()) {
                if (c.getKey().endsWith(".class")) {
                    check(c.getKey(), c.getValue(), own, refusals);
                }
            }
        }
        return refusals;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, byte[]> store(KiePackage pkg) {
        try {
            Object registry = pkg.getClass().getMethod("getDialectRuntimeRegistry").invoke(pkg);
            Object data = registry.getClass().getMethod("getDialectData", String.class).invoke(registry, "java");
            if (data instanceof org.drools.core.rule.JavaDialectRuntimeData java) {
                return java.getStore();
            }
            return Map.of();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the compiled classes of package " + pkg.getName(), e);
        }
    }

    private static void check(String file, byte[] bytes, Set<String> own, List<String> refusals) {
        String self = file.substring(0, file.length() - ".class".length());
        Set<String> found = new TreeSet<>();
        Refs refs = new Refs(own, found);
        new ClassReader(bytes).accept(refs, ClassReader.SKIP_DEBUG);
        for (String f : found) {
            refusals.add(self.replace('/', '.') + ": " + f);
        }
    }

    private static boolean allowedClass(String internal, Set<String> own) {
        String name = internal;
        while (name.startsWith("[")) {
            name = name.substring(1);
        }
        if (name.length() == 1) {
            return true; // a primitive array
        }
        if (name.startsWith("L") && name.endsWith(";")) {
            name = name.substring(1, name.length() - 1);
        }
        if (own.contains(name + ".class") || JDK_PLUMBING.contains(name)) {
            return true;
        }
        if (name.startsWith("org/drools/") || name.startsWith("org/kie/")) {
            return true; // members are checked by name
        }
        return AllowList.CLASSES.containsKey(name.replace('/', '.').replace('$', '.'));
    }

    private static final class Refs extends ClassVisitor {
        private final Set<String> own;
        private final Set<String> found;

        Refs(Set<String> own, Set<String> found) {
            super(Opcodes.ASM9);
            this.own = own;
            this.found = found;
        }

        void type(String internal) {
            if (internal != null && !allowedClass(internal, own)) {
                found.add("class " + internal.replace('/', '.'));
            }
        }

        void descriptor(String desc) {
            Type t = Type.getType(desc);
            if (t.getSort() == Type.METHOD) {
                for (Type a : t.getArgumentTypes()) {
                    object(a);
                }
                object(t.getReturnType());
            } else {
                object(t);
            }
        }

        private void object(Type t) {
            Type e = t.getSort() == Type.ARRAY ? t.getElementType() : t;
            if (e.getSort() == Type.OBJECT) {
                type(e.getInternalName());
            }
        }

        void member(String owner, String name) {
            type(owner);
            if (owner.equals("java/lang/Class") && !CLASS_METHODS.contains(name)) {
                found.add("reflection java.lang.Class." + name);
            }
            if ((owner.startsWith("org/drools/") || owner.startsWith("org/kie/")) && ENGINE_DENIED.contains(name)) {
                found.add("engine member " + owner.replace('/', '.') + "." + name);
            }
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                          String[] interfaces) {
            type(superName);
            if (interfaces != null) {
                for (String i : interfaces) {
                    if (!i.equals(FUNCTION_INTERFACE)) {
                        type(i);
                    }
                }
            }
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            descriptor(descriptor);
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            if (!FUNCTION_PLUMBING.contains(name + descriptor)) {
                descriptor(descriptor);
            }
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitTypeInsn(int opcode, String type) {
                    type(type);
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String fieldName, String desc) {
                    member(owner, fieldName);
                    descriptor(desc);
                }

                @Override
                public void visitMethodInsn(int opcode, String owner, String methodName, String desc, boolean itf) {
                    member(owner, methodName);
                    descriptor(desc);
                }

                @Override
                public void visitLdcInsn(Object value) {
                    if (value instanceof Type t) {
                        object(t); // a class constant
                    } else if (value instanceof Handle h) {
                        found.add("method handle " + h.getOwner().replace('/', '.') + "." + h.getName());
                    }
                }

                @Override
                public void visitInvokeDynamicInsn(String indyName, String desc, Handle bsm, Object... args) {
                    if (!BOOTSTRAPS.contains(bsm.getOwner())) {
                        found.add("invokedynamic bootstrap " + bsm.getOwner().replace('/', '.') + "." + bsm.getName());
                    }
                    descriptor(desc);
                }

                @Override
                public void visitMultiANewArrayInsn(String desc, int dims) {
                    descriptor(desc);
                }

                @Override
                public void visitTryCatchBlock(org.objectweb.asm.Label start, org.objectweb.asm.Label end,
                                               org.objectweb.asm.Label handler, String type) {
                    type(type);
                }
            };
        }
    }
}
