package org.factlint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.factlint.internal.JoinKeys;
import org.factlint.model.Document;
import org.factlint.model.SourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The pack declares what its rules join (joins.csv); a split check by that declaration flags what one session does. */
class JoinKeysTest {
    static Stream<SplitCheck.Given> scenarios() throws IOException {
        return SplitCheck.scenarios(Path.of("rules")).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyScenario_checkedOneComponentPerSession_flagsWhatOneSessionFlags(SplitCheck.Given scenario) {
        RulePack pack = RulePack.bundled();

        assertThat(SplitCheck.finestSplit(pack, SplitCheck.joins(pack), scenario.documents()))
                .containsExactlyElementsOf(SplitCheck.oneSession(pack, scenario.documents()));
    }

    @Test
    void theSeedsAreReallySplit() throws IOException {
        JoinKeys keys = SplitCheck.joins(RulePack.bundled());
        List<Document> seeds = Factlint.read(Path.of("seeds/moscow-times.claims.json"),
                Path.of("seeds/constructed-followup.claims.json"), Path.of("seeds/constructed-archive.claims.json"))
                .documents();

        assertThat(SplitCheck.parts(keys, seeds)).isGreaterThan(5);
        assertThat(SplitCheck.finestSplit(RulePack.bundled(), keys, seeds))
                .containsExactlyElementsOf(SplitCheck.oneSession(RulePack.bundled(), seeds));
    }

    @Test
    void withoutTheGroupEventOrEntityKeys_someScenarioLosesFlags() throws IOException {
        String joins = Files.readString(Path.of("rules/joins.csv"));
        // "event": both event rows (the dated claims' weeks and the undated claims' anchor)
        for (String dropped : List.of("group-event,", "event", "entity,ClaimFact,")) {
            String text = joins.lines().filter(l -> !l.startsWith(dropped)).collect(Collectors.joining("\n"));
            List<RuleProblem> problems = new ArrayList<>();
            JoinKeys weaker = JoinKeys.read(Map.of("joins.csv", text), problems);
            assertThat(problems).isEmpty();

            long differ = scenarios().filter(s -> !SplitCheck.finestSplit(RulePack.bundled(), weaker, s.documents())
                    .equals(SplitCheck.oneSession(RulePack.bundled(), s.documents()))).count();

            assertThat(differ).as("scenarios that miss flags without %s rows", dropped).isPositive();
        }
    }

    private static final String PAIR_RULE = """
            package custom;
            import java.util.List;
            import org.factlint.facts.ClaimFact;
            import org.factlint.rules.Flags;
            // Two claims about one subject from different origins.
            rule "Pair"
                @code("X-PAIR") @category("contradiction") @severity("high") @message("{claim} and {claim2}.")
            when
                $a : ClaimFact()
                $b : ClaimFact( subjectKey == $a.subjectKey, id > $a.id, origin != $a.origin )
            then
                insertLogical( Flags.flag( kcontext, List.of( $a, $b ), List.of() ) );
            end
            """;

    private static final String PAIR_JOINS = """
            key,fact,value,when,role
            subject,ClaimFact,subjectKey,,
            subject,EntityFact,key,,
            subject,MemberFact,group,,
            subject,MentionFact,entityKey,,
            claim,CueFact,claim,,
            claim,RelationFact,from,,
            claim,ArticleSource,firstClaim,,
            """;

    private static List<Document> pairDocuments() {
        List<Document> docs = new ArrayList<>();
        for (String a : List.of("a", "b", "c")) {
            docs.add(DocBuilder.article(a).source("wire", SourceKind.WIRE_AGENCY, null)
                    .entity("x", "Xavier Example").entity("y", "Yolanda Example")
                    .claim(DocBuilder.claim("c1", "x", "visit").saidBy(a.equals("a") ? "wire" : a + "-outlet", "said"))
                    .claim(DocBuilder.claim("c2", "y", "resign"))
                    .build());
        }
        return docs;
    }

    @Test
    void aCustomPackWithDeclaredKeys_isSplit_andFlagsWhatOneSessionFlags() {
        RulePack pack = RulePack.of("custom", Map.of("pair.drl", PAIR_RULE, "joins.csv", PAIR_JOINS));
        List<Document> docs = pairDocuments();

        List<Flag> one = SplitCheck.oneSession(pack, docs);
        Report inParts = new Checker(pack, CheckerOptions.defaults(), List.of(), 1, 3).check(docs);

        assertThat(SplitCheck.parts(SplitCheck.joins(pack), docs)).isEqualTo(2); // subject x, subject y
        assertThat(one).extracting(Flag::code).containsOnly("X-PAIR").hasSize(6); // 3 pairs per subject
        assertThat(inParts.flags()).containsExactlyElementsOf(one);
        assertThat(SplitCheck.finestSplit(pack, SplitCheck.joins(pack), docs)).containsExactlyElementsOf(one);
    }

    @Test
    void aCustomPackWithoutJoinKeys_isCheckedInOneSession() {
        RulePack pack = RulePack.of("custom", Map.of("pair.drl", PAIR_RULE));

        assertThat(SplitCheck.joins(pack)).isNull();
        assertThat(new Checker(pack, CheckerOptions.defaults(), List.of(), 1, 3).check(pairDocuments()).flags())
                .containsExactlyElementsOf(SplitCheck.oneSession(pack, pairDocuments())).hasSize(6);
    }

    @Test
    void aFactTypeTheDeclarationLeavesOut_meansOneSession_notAWrongSplit() {
        String partial = PAIR_JOINS.lines().filter(l -> !l.startsWith("claim,ArticleSource"))
                .collect(Collectors.joining("\n"));
        RulePack pack = RulePack.of("custom", Map.of("pair.drl", PAIR_RULE, "joins.csv", partial));

        assertThatThrownBy(() -> SplitCheck.parts(SplitCheck.joins(pack), pairDocuments()))
                .hasMessage("joins.csv declares no key for facts of type ArticleSource");
        assertThat(new Checker(pack, CheckerOptions.defaults(), List.of(), 1, 3).check(pairDocuments()).flags())
                .containsExactlyElementsOf(SplitCheck.oneSession(pack, pairDocuments()));
    }

    @Test
    void mistakesInTheDeclaration_areLocated() {
        String bad = """
                key,fact,value,when,role
                subject,ClaimFakt,subjectKey,,
                subject,ClaimFact,subjektKey,,
                Subject,ClaimFact,subjectKey,,
                claim,CueFact,claim.predicat,,
                claim,CueFact,claim,category,
                claim,CueFact,claim,,always
                claim,CueFact
                """;

        assertThatThrownBy(() -> RulePack.of("custom", Map.of("pair.drl", PAIR_RULE, "joins.csv", bad)))
                .isInstanceOf(RulePackException.class)
                .satisfies(e -> assertThat(((RulePackException) e).problems()).extracting(RuleProblem::toString)
                        .containsExactly(
                                "joins.csv:2:9: unknown fact type 'ClaimFakt' (a record of org.factlint.facts such as"
                                        + " ClaimFact or CueFact)",
                                "joins.csv:3:19: ClaimFact has no field 'subjektKey' (fields: id, article, text,"
                                        + " subjectKey, subjectName, predicate, objectKey, objectName, value, eventKey,"
                                        + " placeKey, placeName, from, to, polarity, factuality, lo, hi, unit, figure,"
                                        + " origin, originName, originKind, originParty, subjectParty, objectParty,"
                                        + " chain, headline, published, publishedDay, nearFrom, nearTo)",
                                "joins.csv:4:1: 'Subject' is not a key name (lower case, digits, '-')",
                                "joins.csv:5:15: ClaimFact has no field 'predicat' (fields: id, article, text,"
                                        + " subjectKey, subjectName, predicate, objectKey, objectName, value, eventKey,"
                                        + " placeKey, placeName, from, to, polarity, factuality, lo, hi, unit, figure,"
                                        + " origin, originName, originKind, originParty, subjectParty, objectParty,"
                                        + " chain, headline, published, publishedDay, nearFrom, nearTo)",
                                "joins.csv:6:21: 'category' is not a filter: write field=VALUE or field!=VALUE (several joined by ';')",
                                "joins.csv:7:22: unknown role 'always' (expected blank, anchor, member, lookup or uses)",
                                "joins.csv:8:1: expected 5 columns (key,fact,value,when,role) but found 2"));
    }
}
