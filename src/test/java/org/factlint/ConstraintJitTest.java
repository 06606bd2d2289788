package org.factlint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drools.base.reteoo.NodeTypeEnums;
import org.drools.core.reteoo.AlphaNode;
import org.drools.core.reteoo.EntryPointNode;
import org.drools.core.reteoo.ObjectSink;
import org.drools.core.reteoo.ObjectTypeNode;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.mvel.MVELConstraint;
import org.junit.jupiter.api.Test;

/**
 * The bytecode check reads the classes the compiler makes of a checked pack; Drools would also make classes at run
 * time, JIT-compiling each MVEL constraint after 20 evaluations, which no check after compiling could see. For a
 * checked pack it never does: its constraints stay interpreted, and no class appears in its class loader however
 * often they are evaluated. The same pack trusted gets its constraint compiled, so the test can fail.
 */
class ConstraintJitTest {
    static final String PACK = RunawayRulesTest.HEADER + """
            rule "Long predicate"
                @code("T-LONG") @category("unconfirmed") @severity("low") @message("{claim} has a long predicate.")
            when
                $c : ClaimFact( predicate.length() > 3 )
            then
                insertLogical( Flags.flag( kcontext, List.of( $c ), List.of() ) );
            end
            """;

    @Test
    void aCheckedPacksConstraintsAreNeverCompiledToClassesAtRunTime() throws Exception {
        RulePack pack = RulePack.of("jit-checked", Map.of("long.drl", PACK), Trust.CHECKED);

        Report report = evaluateOften(pack);

        assertThat(report.flags()).hasSize(100);
        assertThat(constraints(pack)).isNotEmpty().allSatisfy(c -> assertThat(jitted(c)).isFalse());
        Thread.sleep(500); // Drools compiles on a background thread once it has decided to
        assertThat(constraints(pack)).allSatisfy(c -> assertThat(evaluatorClass(c))
                .isEqualTo("org.drools.mvel.MVELConditionEvaluator"));
    }

    @Test
    void theSamePackTrusted_getsItsConstraintCompiledToAClass_soTheTestCanFail() throws Exception {
        RulePack pack = RulePack.of("jit-trusted", Map.of("long.drl", PACK), Trust.TRUSTED);

        Report report = evaluateOften(pack);

        assertThat(report.flags()).hasSize(100);
        assertThat(constraints(pack)).anySatisfy(c -> assertThat(jitted(c)).isTrue());
        long until = System.nanoTime() + 10_000_000_000L;
        while (generated(pack).isEmpty() && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        // a class Drools generated at run time, defined in the pack's class loader: no compile-time check saw it
        assertThat(generated(pack)).singleElement().asString().startsWith("ConditionEvaluator");
    }

    /** 100 claims, checked one by one in new sessions: the constraint is evaluated 100 times in one KieBase. */
    private static Report evaluateOften(RulePack pack) {
        Checker checker = Factlint.checker(pack);
        List<Flag> flags = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            flags.addAll(checker.check(RunawayRulesTest.doc("a" + i, "attend")).flags());
        }
        return new Report(flags, 100, 100, 0, 100, List.of());
    }

    /** The evaluators of the pack's constraints that are not Drools' own classes: those it generated at run time. */
    private static List<String> generated(RulePack pack) {
        return constraints(pack).stream().map(ConstraintJitTest::evaluatorClass)
                .filter(n -> !n.startsWith("org.drools.")).toList();
    }

    private static String evaluatorClass(MVELConstraint c) {
        try {
            java.lang.reflect.Field f = MVELConstraint.class.getDeclaredField("conditionEvaluator");
            f.setAccessible(true);
            Object evaluator = f.get(c);
            return evaluator == null ? "none" : evaluator.getClass().getName();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean jitted(MVELConstraint c) {
        try {
            java.lang.reflect.Field f = MVELConstraint.class.getDeclaredField("jitted");
            f.setAccessible(true);
            return f.getBoolean(c);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static List<MVELConstraint> constraints(RulePack pack) {
        List<MVELConstraint> found = new ArrayList<>();
        for (EntryPointNode ep : ((InternalKnowledgeBase) pack.kieBase()).getRete().getEntryPointNodes().values()) {
            for (ObjectTypeNode otn : ep.getObjectTypeNodes().values()) {
                collect(otn.getObjectSinkPropagator().getSinks(), found);
            }
        }
        return found;
    }

    private static void collect(ObjectSink[] sinks, List<MVELConstraint> found) {
        for (ObjectSink sink : sinks) {
            if (sink.getType() == NodeTypeEnums.AlphaNode) {
                AlphaNode alpha = (AlphaNode) sink;
                if (alpha.getConstraint() instanceof MVELConstraint c) {
                    found.add(c);
                }
                collect(alpha.getObjectSinkPropagator().getSinks(), found);
            }
        }
    }
}
