package org.factlint.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.factlint.model.Article;
import org.factlint.model.Claim;
import org.factlint.model.CueCategory;
import org.factlint.model.Document;
import org.factlint.model.Entity;
import org.factlint.model.EventTime;
import org.factlint.model.Factuality;
import org.factlint.model.Qualifier;
import org.factlint.model.RelationType;
import org.factlint.model.Source;
import org.factlint.model.SourceKind;

/**
 * A synthetic news archive with the shape of a real one, as validated {@link Document}s:
 * <ul>
 * <li>events about Zipf-distributed subjects and objects (a few people are in most stories), 24 predicates, dates over
 *     ten years, a place for 40%, a figure (with a qualifier) for 15%, a single-valued fact for 10%;</li>
 * <li>each event told by 1-5 reports in different articles (50 claims each) of 12 outlets, half of them attributed to
 *     one of 32 sources that speak for 8 parties (ministries, press services, state media, wires, unnamed sources);</li>
 * <li>a few percent of reports contradict the others: a disjoint figure, another value, a negation; some carry cues
 *     (hedges, forecasts, non-confirmations, "the only"), some relations (denies, confirms, questions), some
 *     headlines repeat a body claim, some spell the subject another way.</li>
 * </ul>
 * The entity pool grows with the archive (one entity per 20 claims): a bigger archive covers more people, as real
 * ones do, while the Zipf head keeps a few subjects in thousands of claims. Deterministic for a seed.
 */
public final class ArchiveGenerator {
    static final int CLAIMS_PER_ARTICLE = 50;
    private static final String[] PREDICATES = {"visit", "meet", "attend", "invite", "call", "sign", "announce",
            "deny", "host", "appoint", "dismiss", "sanction", "fund", "criticise", "praise", "arrest", "release",
            "elect", "propose", "reject", "launch", "close", "open", "ban"};
    /**
     * The letters of the generated names: one consonant of each class the name conventions fold (b, not p or v; d, not
     * t; k, not g, q or c; f, l, m, n, which none folds; no s, z, h, j, w, x, y, r) and the vowels a, i, u, which none
     * folds into another (no e, which Arabic and Persian forms read as a; no o, which akanye reads as a and Arabic
     * forms as u). {@code GeneratedNamesTest} checks that no two generated people share a key.
     */
    static final String CONSONANTS = "bdfklmn";
    static final String VOWELS = "aiu";
    /** The surnames: one of four, told apart by a vowel or the last consonant. */
    private static final String[] SURNAMES = {"Talav", "Taliv", "Taluv", "Talan"};
    private static final LocalDate EPOCH = LocalDate.of(2014, 1, 1);

    private final Random random;
    private final List<Source> outlets = new ArrayList<>();
    private final List<Source> sources = new ArrayList<>();
    private final Map<String, Source> sourceById = new LinkedHashMap<>();

    public ArchiveGenerator(long seed) {
        this.random = new Random(seed);
        String[] outletNames = {"Daily Ledger", "Morning Post", "Evening Star", "The Courier", "Global Wire Review",
                "City Herald", "The Observer Desk", "North Times", "South Gazette", "Capital Report", "Free Press",
                "The Chronicle"};
        for (int i = 0; i < outletNames.length; i++) {
            outlets.add(new Source("outlet-" + i, outletNames[i], i % 3 == 0 ? SourceKind.INDEPENDENT_MEDIA
                    : SourceKind.OUTLET, null));
        }
        for (int p = 0; p < 8; p++) {
            String party = "Party " + name(p + 1000);
            sources.add(new Source("ministry-" + p, "the ministry of " + party, SourceKind.OFFICIAL, party));
            sources.add(new Source("press-" + p, "the press service of " + party, SourceKind.PRESS_SERVICE, party));
            sources.add(new Source("state-media-" + p, "the state agency of " + party, SourceKind.STATE_MEDIA, party));
        }
        for (int w = 0; w < 4; w++) {
            sources.add(new Source("wire-" + w, "Wire agency " + name(w + 2000), SourceKind.WIRE_AGENCY, null));
        }
        for (int a = 0; a < 4; a++) {
            sources.add(new Source("anon-" + a, "unnamed officials (" + a + ")", SourceKind.ANONYMOUS, null));
        }
        // Sources the newsroom's table knows: one declared as the table says, one declared otherwise.
        sources.add(new Source("ria-novosti", "RIA Novosti", SourceKind.STATE_MEDIA, "Russia"));
        sources.add(new Source("tass", "TASS", SourceKind.WIRE_AGENCY, null));
        outlets.forEach(s -> sourceById.put(s.id(), s));
        sources.forEach(s -> sourceById.put(s.id(), s));
    }

    /** One article of {@code claims} claims, as a newsroom would check it. */
    public Document article(int claims) {
        return generate(claims, claims).get(0);
    }

    /** An archive of exactly {@code claims} claims in articles of 50. */
    public List<Document> archive(int claims) {
        return generate(claims, CLAIMS_PER_ARTICLE);
    }

    private List<Document> generate(int total, int perArticle) {
        int articles = Math.max(1, (total + perArticle - 1) / perArticle);
        int entities = Math.max(200, total / 20);
        Zipf subjects = new Zipf(entities, 1.0, random);
        Zipf objects = new Zipf(entities, 0.9, random);
        Zipf predicates = new Zipf(PREDICATES.length, 0.8, random);
        int places = Math.max(20, entities / 50);
        int groups = 6;
        // Entities: ids e<n>; the first 8 per 100 lead a party; 5% belong to a group (g<k>); places are p<n>.
        List<List<Claim>> byArticle = new ArrayList<>(articles);
        List<Integer> outletOf = new ArrayList<>(articles);
        for (int a = 0; a < articles; a++) {
            byArticle.add(new ArrayList<>(perArticle));
            outletOf.add(random.nextInt(outlets.size()));
        }
        int made = 0;
        int event = 0;
        Slots slots = new Slots(articles, perArticle);
        while (made < total) {
            int subject = subjects.next();
            String predicate = PREDICATES[predicates.next()];
            Integer object = random.nextDouble() < 0.8 ? objects.next() : null;
            if (object != null && object == subject) {
                object = (object + 1) % entities;
            }
            boolean dated = random.nextDouble() < 0.92;
            LocalDate day = EPOCH.plusDays(random.nextInt(3650));
            LocalDate until = random.nextDouble() < 0.1 ? day.plusDays(1 + random.nextInt(3)) : day;
            Integer place = random.nextDouble() < 0.4 ? random.nextInt(places) : null;
            double figure = random.nextDouble() < 0.15 ? roundFigure() : -1;
            String value = random.nextDouble() < 0.10 ? "on " + day.getDayOfMonth() + " " + day.getMonth() : null;
            int reports = 1 + Math.min(4, (int) (-Math.log(1 - random.nextDouble()) * 1.2));
            List<String> reportIds = new ArrayList<>();
            for (int r = 0; r < reports && made < total; r++) {
                int art = slots.take(random);
                int claimNo = slots.taken(art) - 1;
                String id = "c" + claimNo;
                Claim.Builder b = Claim.builder(id, "e" + subject, predicate);
                // a few sentences carry a cue word that only the pack's lexicon finds
                double lex = random.nextDouble();
                String cueWord = lex < 0.02 ? " reportedly" : lex < 0.03 ? " is expected to" : "";
                b.text("Report " + event + "." + r + ": " + name(subject) + cueWord + " " + predicate + "s"
                        + (object == null ? "" : " " + name(object)) + ".");
                if (object != null) {
                    b.object("e" + object);
                }
                if (place != null) {
                    b.place("p" + place);
                }
                if (dated) {
                    // now and then a report gets the day wrong
                    LocalDate d = random.nextDouble() < 0.02 ? day.plusDays(1) : day;
                    b.when(new EventTime(d, until.isBefore(d) ? d : until));
                }
                double roll = random.nextDouble();
                if (figure >= 0) {
                    double f = roll < 0.04 ? figure * 3 : figure; // a few percent give a figure that cannot fit
                    Qualifier q = Qualifier.values()[random.nextInt(4)];
                    b.quantity(f, "people", q);
                }
                if (value != null) {
                    b.value(roll < 0.04 ? "on " + (day.getDayOfMonth() % 28 + 1) + " " + day.getMonth() : value);
                }
                if (roll > 0.97) {
                    b.negated();
                }
                double fact = random.nextDouble();
                if (fact < 0.02) {
                    b.factuality(Factuality.UNKNOWN);
                } else if (fact < 0.07) {
                    b.factuality(Factuality.PROBABLE);
                } else if (fact < 0.09) {
                    b.factuality(Factuality.POSSIBLE);
                }
                if (random.nextDouble() < 0.5) {
                    b.saidBy(sources.get(random.nextInt(sources.size())).id(), "said");
                }
                double cue = random.nextDouble();
                if (cue < 0.05) {
                    b.cue(CueCategory.HEDGE, "reportedly");
                } else if (cue < 0.07) {
                    b.cue(CueCategory.EXPECTATION, "is expected to");
                } else if (cue < 0.08) {
                    b.cue(CueCategory.UNSPECIFIED, "did not specify whether");
                } else if (cue < 0.09) {
                    b.cue(CueCategory.UNDECIDED, "has not yet decided whether");
                } else if (cue < 0.10) {
                    b.cue(CueCategory.NON_CONFIRMATION, "has not confirmed");
                } else if (cue < 0.105) {
                    b.cue(CueCategory.EXCLUSIVITY, "the only one");
                } else if (cue < 0.11) {
                    b.cue(CueCategory.WEASEL, "some say");
                }
                if (!reportIds.isEmpty() && random.nextDouble() < 0.03) {
                    String target = reportIds.get(random.nextInt(reportIds.size()));
                    if (!target.startsWith("a" + art + ":")) {
                        RelationType type = switch (random.nextInt(3)) {
                            case 0 -> RelationType.DENIES;
                            case 1 -> RelationType.CONFIRMS;
                            default -> RelationType.QUESTIONS;
                        };
                        b.relation(type, target);
                        if (type == RelationType.DENIES) {
                            b.cue(CueCategory.DENIAL, "denied");
                        }
                    }
                }
                if (random.nextDouble() < 0.02) {
                    b.mention(variant(subject));
                }
                byArticle.get(art).add(b.build());
                reportIds.add("a" + art + ":" + id);
                made++;
            }
            if (subject % 20 == 3 && dated && made < total && random.nextDouble() < 0.15) {
                // A member of a group did it: another report says "none of the group did", or another member claims
                // to be "the only one" who did.
                int art = slots.take(random);
                int claimNo = slots.taken(art) - 1;
                boolean none = random.nextBoolean();
                int other = subject + 120 < entities ? subject + 120 : subject - 120;
                Claim.Builder b = Claim.builder("c" + claimNo, none ? "g" + subject % 6 : "e" + Math.max(3, other),
                        predicate).text("Report " + event + ".x").on(day);
                if (object != null) {
                    b.object("e" + object);
                }
                if (none) {
                    b.negated();
                } else {
                    b.cue(CueCategory.EXCLUSIVITY, "the only one");
                }
                b.saidBy(sources.get(random.nextInt(sources.size())).id(), "said");
                byArticle.get(art).add(b.build());
                made++;
            }
            event++;
        }
        List<Document> docs = new ArrayList<>(articles);
        for (int a = 0; a < articles; a++) {
            List<Claim> claims = byArticle.get(a);
            if (claims.isEmpty()) {
                continue;
            }
            if (random.nextDouble() < 0.2) {
                // the first claim stands in the headline
                Claim c = claims.get(0);
                claims.set(0, new Claim(c.id(), c.text(), c.span(), c.subject(), c.subjectMention(), c.predicate(),
                        c.object(), c.value(), c.place(), c.when(), c.quantity(), c.polarity(), c.factuality(),
                        c.attribution(), c.cues(), true, c.relations()));
            }
            docs.add(document(a, outletOf.get(a), claims, entities, groups));
        }
        return docs;
    }

    private Document document(int a, int outlet, List<Claim> claims, int entities, int groups) {
        String articleId = "a" + a;
        Source out = outlets.get(outlet);
        Set<String> sourceIds = new LinkedHashSet<>();
        sourceIds.add(out.id());
        Map<String, Entity> declared = new LinkedHashMap<>();
        for (Claim c : claims) {
            c.attribution().forEach(at -> sourceIds.add(at.source()));
            entity(c.subject(), declared);
            if (c.object() != null) {
                entity(c.object(), declared);
            }
            if (c.place() != null) {
                entity(c.place(), declared);
            }
        }
        List<Source> srcs = sourceIds.stream().map(sourceById::get).toList();
        Article article = new Article(articleId, out.id(), "Article " + a, EPOCH.plusDays(a % 3650), null, null);
        return new Document(article, srcs, List.copyOf(declared.values()), claims);
    }

    private void entity(String id, Map<String, Entity> declared) {
        if (declared.containsKey(id)) {
            return;
        }
        if (id.startsWith("p")) {
            declared.put(id, new Entity(id, "City " + name(Integer.parseInt(id.substring(1)) + 500_000)));
            return;
        }
        if (id.startsWith("g")) {
            declared.put(id, new Entity(id, "group " + name(Integer.parseInt(id.substring(1)) + 900_000)));
            return;
        }
        int n = Integer.parseInt(id.substring(1));
        String party = n % 100 < 8 ? "Party " + name(1000 + n % 8) : null;
        List<String> memberOf = n % 20 == 3 ? List.of("g" + (n % 6)) : List.of();
        memberOf.forEach(g -> entity(g, declared));
        declared.put(id, new Entity(id, name(n), List.of(), party, memberOf));
    }

    /** A round figure as news gives them: 8,000, 10 thousand, 125. */
    private double roundFigure() {
        int digits = 1 + random.nextInt(5);
        return (1 + random.nextInt(9)) * Math.pow(10, digits);
    }

    /**
     * A unique pronounceable name for n: a given name of consonant-vowel syllables that spells n (Ba, Dika, Fulima)
     * and one of four surnames. The letters are those no transliteration convention folds into one another
     * ({@link #CONSONANTS}), so no two entities share a matching key under any reading of the name tables: the
     * generated archive has exactly as many people as ids.
     */
    static String name(int n) {
        StringBuilder first = new StringBuilder();
        int x = n;
        do {
            first.append(CONSONANTS.charAt(x % CONSONANTS.length()));
            x /= CONSONANTS.length();
            first.append(VOWELS.charAt(x % VOWELS.length()));
            x /= VOWELS.length();
        } while (x > 0);
        first.setCharAt(0, Character.toUpperCase(first.charAt(0)));
        return first + " " + SURNAMES[n % SURNAMES.length];
    }

    /** Another spelling of the subject's name that folds to the same key (a doubled consonant). */
    static String variant(int n) {
        String name = name(n);
        int i = name.indexOf(' ') + 1;
        return name.substring(0, i) + "Ttal" + name.substring(i + 3);
    }

    /** Zipf(s) over 0..n-1 by inverse CDF. */
    static final class Zipf {
        private final double[] cdf;
        private final Random random;

        Zipf(int n, double s, Random random) {
            this.random = random;
            cdf = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += 1 / Math.pow(i + 1, s);
                cdf[i] = sum;
            }
            for (int i = 0; i < n; i++) {
                cdf[i] /= sum;
            }
        }

        int next() {
            int i = Arrays.binarySearch(cdf, random.nextDouble());
            return Math.min(cdf.length - 1, i >= 0 ? i : -i - 1);
        }
    }

    /** Claim slots of the articles: a random article with room left, the last ones filling up in order. */
    private static final class Slots {
        private final int perArticle;
        private final int[] fill;
        private final int[] order; // open articles first
        private final int[] position;
        private int open; // articles not yet full

        Slots(int articles, int perArticle) {
            this.perArticle = perArticle;
            this.fill = new int[articles];
            this.order = new int[articles];
            this.position = new int[articles];
            this.open = articles;
            for (int i = 0; i < articles; i++) {
                order[i] = i;
                position[i] = i;
            }
        }

        /** Takes one slot of a random open article and returns that article. */
        int take(java.util.Random random) {
            int art = order[random.nextInt(open)];
            if (++fill[art] == perArticle) {
                // swap the full article out of the open range
                int at = position[art];
                int last = order[open - 1];
                order[at] = last;
                position[last] = at;
                order[open - 1] = art;
                position[art] = open - 1;
                open--;
            }
            return art;
        }

        int taken(int art) {
            return fill[art];
        }
    }
}
