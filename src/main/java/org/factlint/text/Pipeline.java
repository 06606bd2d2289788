package org.factlint.text;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The text front end as a pipeline of small stages, each declaring what it needs and what it adds (as CoreNLP's
 * annotators and spaCy's components do), with its knowledge in a data file next to this class. A pipeline is
 * checked when built: a stage whose needs no earlier stage adds is a mistake named at once.
 *
 * <ol>
 *   <li>{@code headline} ({@link HeadlineStage}, {@code words.csv} and the lexicons): a Title Case or ALL CAPS
 *   headline folded for tagging, names kept.</li>
 *   <li>{@code sentences} ({@link Nlp}): sentences, tokens (contractions split), tags, lemmas; quotes folded.</li>
 *   <li>{@code cues} ({@link CueFinder}, {@code cues.csv}): hedges, non-confirmations, denials and other cues.</li>
 *   <li>{@code attribution} ({@link Attributor}, {@code reporting.csv}): sources and cues of attribution.</li>
 *   <li>{@code numbers} ({@link NumberStage}, {@code units.csv}): dates, times and typed quantities.</li>
 *   <li>{@code factuality} ({@link FactualityStage}, {@code factuality.csv}): a value per predicate.</li>
 *   <li>{@code names} ({@link NameStage}, {@code words.csv}, {@code titles.csv}, {@code places.csv}): mentions,
 *   names grouped by person, roles resolved to their holders; groups ({@code groups.csv}: "foreign leader",
 *   "guests").</li>
 *   <li>{@code coreference} ({@link CorefStage}, {@code words.csv}): pronouns, "the president", role phrases and
 *   event nouns ("the celebrations") in reading order, never from inside a quotation to its speaker nor an object
 *   to its own clause's subject; the host of the event a group is met at, and the group's members.</li>
 *   <li>{@code claims} ({@link SourceStage}, {@code sources.csv}; {@link Extractor} for quotation
 *   speakers; {@link ClaimStage}, {@code predicates.csv}, {@code words.csv}, the pack's verb forms and synonyms
 *   through {@link PredicateForms}; {@link Clauses} for the clauses of a sentence, {@code figures.csv} for what a
 *   figure counts): declared sources with kinds and parties, claims, one per clause and figure.</li>
 * </ol>
 */
final class Pipeline {
    /** What a stage reads or writes. */
    enum Layer { TEXT, HEADLINE, SENTENCES, TOKENS, TAGS, LEMMAS, QUOTES, CUES, SOURCES, DATES, QUANTITIES, FACTUALITY,
        MENTIONS, ENTITIES, COREFERENCE, GROUPS, CLAIMS }

    /** One stage: its name, what it needs and what it adds. */
    record Stage(String name, Set<Layer> needs, Set<Layer> adds) {
        Stage {
            needs = Set.copyOf(needs);
            adds = Set.copyOf(adds);
        }
    }

    static final Stage HEADLINE = new Stage("headline", Set.of(Layer.TEXT), Set.of(Layer.HEADLINE));
    static final Stage SENTENCES = new Stage("sentences", Set.of(Layer.TEXT),
            Set.of(Layer.SENTENCES, Layer.TOKENS, Layer.TAGS, Layer.LEMMAS));
    static final Stage CUES = new Stage("cues", Set.of(Layer.TEXT, Layer.SENTENCES), Set.of(Layer.CUES));
    static final Stage ATTRIBUTION = new Stage("attribution", Set.of(Layer.TOKENS, Layer.TAGS),
            Set.of(Layer.QUOTES, Layer.SOURCES));
    static final Stage NUMBERS = new Stage("numbers", Set.of(Layer.TOKENS, Layer.TAGS, Layer.SOURCES),
            Set.of(Layer.DATES, Layer.QUANTITIES));
    static final Stage FACTUALITY = new Stage("factuality", Set.of(Layer.TOKENS, Layer.TAGS),
            Set.of(Layer.FACTUALITY));
    static final Stage NAMES = new Stage("names", Set.of(Layer.TOKENS, Layer.TAGS, Layer.SOURCES),
            Set.of(Layer.MENTIONS, Layer.ENTITIES));
    static final Stage COREFERENCE = new Stage("coreference", Set.of(Layer.QUOTES, Layer.MENTIONS, Layer.ENTITIES),
            Set.of(Layer.COREFERENCE, Layer.GROUPS));
    static final Stage CLAIMS = new Stage("claims", Set.of(Layer.TOKENS, Layer.TAGS, Layer.LEMMAS, Layer.QUOTES,
            Layer.CUES, Layer.SOURCES, Layer.DATES, Layer.QUANTITIES, Layer.FACTUALITY, Layer.MENTIONS,
            Layer.ENTITIES, Layer.COREFERENCE, Layer.HEADLINE), Set.of(Layer.CLAIMS));

    /** The front end's stages in the order {@link Extractor} runs them. */
    static final Pipeline DEFAULT = new Pipeline(List.of(HEADLINE, SENTENCES, CUES, ATTRIBUTION, NUMBERS, FACTUALITY, NAMES,
            COREFERENCE, CLAIMS));

    private final List<Stage> stages;

    /**
     * @throws IllegalStateException naming the first stage that needs a layer no earlier stage adds
     */
    Pipeline(List<Stage> stages) {
        Set<Layer> have = EnumSet.of(Layer.TEXT);
        List<String> before = new ArrayList<>();
        for (Stage s : stages) {
            Set<Layer> missing = EnumSet.noneOf(Layer.class);
            for (Layer l : s.needs()) {
                if (!have.contains(l)) {
                    missing.add(l);
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("stage '" + s.name() + "' needs " + names(missing)
                        + ", which no stage before it adds (before it: "
                        + (before.isEmpty() ? "none" : String.join(", ", before)) + ")");
            }
            have.addAll(s.adds());
            before.add(s.name());
        }
        this.stages = List.copyOf(stages);
    }

    List<Stage> stages() {
        return stages;
    }

    private static String names(Set<Layer> layers) {
        return layers.stream().map(l -> l.name().toLowerCase(java.util.Locale.ROOT)).collect(Collectors.joining(", "));
    }
}
