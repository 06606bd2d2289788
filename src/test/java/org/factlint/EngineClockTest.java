package org.factlint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.factlint.model.Document;
import org.junit.jupiter.api.Test;

/**
 * Checks on the engine's clock: a desk session on Drools' pseudo clock escalates a claim still unconfirmed as the
 * clock moves on, exactly as one check at that time would; a check on no clock runs no time rule.
 */
class EngineClockTest {
    static final Checker CHECKER = Factlint.checker();
    static final Instant PUBLISHED = Instant.parse("2023-05-10T08:00:00Z");

    static final Document ANONYMOUS = Factlint.parse("""
            {"article": {"id": "a", "outlet": "wire-a", "headline": "Petrov resigns, source says",
                         "publishedAt": "2023-05-10T08:00:00Z"},
             "sources": [{"id": "wire-a", "name": "Wire A", "kind": "wire_agency"},
                         {"id": "insider", "name": "a source close to the ministry", "kind": "anonymous"}],
             "entities": [{"id": "minister", "name": "Ivan Petrov", "party": "Ruritania"}],
             "claims": [{"id": "c1", "text": "Ivan Petrov has resigned, a source close to the ministry said.",
                         "subject": "minister", "predicate": "resign",
                         "attribution": [{"source": "insider", "cue": "said"}]}]}
            """).documents().get(0);

    static final Document CONFIRMATION = Factlint.parse("""
            {"article": {"id": "b", "outlet": "wire-b", "headline": "Petrov resigns",
                         "publishedAt": "2023-05-11T20:00:00Z"},
             "sources": [{"id": "wire-b", "name": "Wire B", "kind": "wire_agency"}],
             "entities": [{"id": "minister", "name": "Ivan Petrov", "party": "Ruritania"}],
             "claims": [{"id": "c1", "text": "Ivan Petrov has resigned.", "subject": "minister",
                         "predicate": "resign"}]}
            """).documents().get(0);

    static List<String> codes(List<Flag> flags) {
        return flags.stream().map(Flag::code).sorted().toList();
    }

    @Test
    void aDeskSessionOnTheClock_escalatesAsTheClockMovesOn_likeOneCheckAtThatTime() {
        try (DeskSession desk = CHECKER.at(PUBLISHED.plus(Duration.ofHours(1))).openDesk()) {
            assertThat(codes(desk.add(ANONYMOUS))).containsExactly("UNC-ANONYMOUS");
            assertThat(codes(desk.advanceTo(PUBLISHED.plus(Duration.ofHours(23).plusMinutes(59)))))
                    .containsExactly("UNC-ANONYMOUS");

            Instant day = PUBLISHED.plus(Duration.ofHours(24));
            List<Flag> escalated = desk.advanceTo(day);

            assertThat(desk.now()).isEqualTo(day);
            assertThat(codes(escalated)).containsExactly("UNC-ANONYMOUS", "UNC-STILL-UNCONFIRMED");
            assertThat(escalated).isEqualTo(CHECKER.at(day).check(ANONYMOUS).flags());
            assertThat(desk.add(CONFIRMATION)).isEmpty(); // the confirmation takes both away
        }
    }

    @Test
    void theClockNeverGoesBack_andASessionOnNoClockCannotBeMoved() {
        try (DeskSession desk = CHECKER.at(PUBLISHED).openDesk()) {
            assertThatThrownBy(() -> desk.advanceTo(PUBLISHED.minusSeconds(1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the clock cannot go back: it reads 2023-05-10T08:00:00Z, not 2023-05-10T07:59:59Z");
        }
        try (DeskSession desk = CHECKER.openDesk()) {
            assertThat(desk.now()).isNull();
            assertThatThrownBy(() -> desk.advanceTo(PUBLISHED)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("this desk session runs on no clock: open it with checker.at(now).openDesk()");
        }
    }

    @Test
    void aCheckOnNoClock_runsNoTimeRule_howeverOldTheClaim() {
        assertThat(CHECKER.now()).isNull();
        assertThat(codes(CHECKER.check(ANONYMOUS).flags())).containsExactly("UNC-ANONYMOUS");
        assertThat(codes(CHECKER.at(Instant.parse("2030-01-01T00:00:00Z")).check(ANONYMOUS).flags()))
                .containsExactly("UNC-ANONYMOUS", "UNC-STILL-UNCONFIRMED");
    }
}
