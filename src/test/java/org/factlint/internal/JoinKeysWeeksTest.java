package org.factlint.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.factlint.RuleProblem;
import org.factlint.facts.ClaimFact;
import org.junit.jupiter.api.Test;

/**
 * {@code weeks(from..to)} in joins.csv: one value per week a claim's days cover, so claims whose days overlap share a
 * value (and can be checked together), and claims weeks apart share none.
 */
class JoinKeysWeeksTest {
    static final JoinKeys KEYS = keys("event,ClaimFact,subjectKey+weeks(from..to),from!=null,\n");

    @Test
    void claimsWhoseDaysOverlapShareAWeekEvenAcrossAWeekBoundary() {
        // days 13..15 cover weeks 1 and 2 (7..13, 14..20); day 15 is in week 2
        assertThat(shared(claim("s", 13L, 15L), claim("s", 15L, 15L))).isNotEmpty();
        // a long range meets a single day in its middle
        assertThat(shared(claim("s", 0L, 70L), claim("s", 40L, 40L))).isNotEmpty();
    }

    @Test
    void claimsWeeksApartOrAboutAnotherSubjectShareNone() {
        assertThat(shared(claim("s", 1L, 1L), claim("s", 30L, 31L))).isEmpty();
        assertThat(shared(claim("s", 1L, 1L), claim("x", 1L, 1L))).isEmpty();
    }

    @Test
    void aRangeHasOneValuePerWeekItCovers_andAClaimWithoutDaysNone() {
        assertThat(KEYS.values(claim("a", 6L, 21L), null)).hasSize(4); // day 6 is in week 0, day 21 in week 3
    }

    @Test
    void aClaimThatSaysNoTimeHasNoWeekValue() {
        assertThat(KEYS.values(claim("a", null, null), null)).isEmpty();
    }

    private static Set<String> shared(ClaimFact a, ClaimFact b) {
        Set<String> va = new HashSet<>();
        KEYS.values(a, null).forEach(v -> va.add(v.key() + "=" + v.value()));
        Set<String> out = new HashSet<>();
        KEYS.values(b, null).forEach(v -> {
            if (va.contains(v.key() + "=" + v.value())) {
                out.add(v.value());
            }
        });
        return out;
    }

    private static JoinKeys keys(String rows) {
        List<RuleProblem> problems = new ArrayList<>();
        JoinKeys k = JoinKeys.read(Map.of(JoinKeys.FILE, "key,fact,value,when,role\n" + rows), problems);
        assertThat(problems).isEmpty();
        return k;
    }

    /** A claim with only a subject and days; every other field empty. */
    static ClaimFact claim(String subject, Long from, Long to) {
        RecordComponent[] rc = ClaimFact.class.getRecordComponents();
        Object[] args = new Object[rc.length];
        Class<?>[] types = new Class<?>[rc.length];
        for (int i = 0; i < rc.length; i++) {
            types[i] = rc[i].getType();
            args[i] = switch (rc[i].getName()) {
                case "id" -> subject + from;
                case "subjectKey" -> subject;
                case "from" -> from;
                case "to" -> to;
                default -> types[i] == boolean.class ? false : types[i] == List.class ? List.of() : null;
            };
        }
        try {
            Constructor<ClaimFact> c = ClaimFact.class.getDeclaredConstructor(types);
            return c.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
