package org.factlint.internal.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The verifier allows instance methods and properties by name, without inferring types. That is sound only if no
 * allowed name, called on an object of an allowed class, hands out an object of a class off the list: then a checked
 * pack can never hold anything but allowed objects. These tests walk every public method of every allowed class.
 */
class AllowListClosureTest {
    /** Views an allowed class's methods return: only their allowed-name methods are reachable, checked below too. */
    private static final Set<Class<?>> VIEWS = Set.of(java.util.NavigableSet.class, java.util.NavigableMap.class);

    private static boolean allowedType(Class<?> r) {
        return r.isPrimitive() || AllowList.CLASSES.containsValue(r) || VIEWS.contains(r);
    }

    private static List<String> escapes(Set<String> names) {
        List<String> out = new ArrayList<>();
        Set<Class<?>> classes = new HashSet<>(AllowList.CLASSES.values());
        classes.addAll(VIEWS);
        for (Class<?> c : classes) {
            for (Method m : c.getMethods()) {
                if (Modifier.isStatic(m.getModifiers()) || m.isBridge() || !names.contains(m.getName())) {
                    continue;
                }
                if (!allowedType(m.getReturnType())) {
                    out.add(c.getName() + "." + m.getName() + " returns " + m.getReturnType().getName());
                }
            }
        }
        return out;
    }

    @Test
    void everyAllowedMethodName_onEveryAllowedClass_returnsAnAllowedType() {
        assertThat(escapes(AllowList.INSTANCE_METHODS)).isEmpty();
    }

    @Test
    void everyPropertyName_readAsAGetterByMvel_returnsAnAllowedType() {
        Set<String> getters = new HashSet<>();
        for (String p : AllowList.PROPERTIES) {
            String cap = Character.toUpperCase(p.charAt(0)) + p.substring(1);
            getters.addAll(List.of(p, "get" + cap, "is" + cap));
        }
        assertThat(escapes(getters)).isEmpty();
    }

    @Test
    void aNameThatLeavesTheList_isFound_soADeclaredFieldCannotMintIt() {
        assertThat(AllowList.methodOwner("getDeclaringClass")).isEqualTo(Enum.class);
        assertThat(AllowList.methodOwner("getClass")).isEqualTo(Object.class);
        assertThat(AllowList.methodOwner("printStackTrace")).isEqualTo(Throwable.class);
        assertThat(AllowList.methodOwner("wait")).isEqualTo(Object.class);
        assertThat(AllowList.methodOwner("getOrDefault")).isNull(); // allowed and stays within the list
        assertThat(AllowList.methodOwner("getColour")).isNull(); // no allowed class has it
    }
}
