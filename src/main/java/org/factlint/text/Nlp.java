package org.factlint.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

/**
 * Sentences, tokens, part-of-speech tags and lemmas with Apache OpenNLP's English models, read from the model jars on
 * the classpath (never the network). The models are loaded once per JVM and shared: OpenNLP models are thread-safe,
 * the {@code *ME} tools that use them are not, so each thread keeps its own (made once per thread: building a
 * tagger costs more than tagging a sentence).
 */
final class Nlp {
    /**
     * One token: its character range in the text, its Universal Dependencies tag (PROPN is Penn's NNP) and its lemma
     * (lower case).
     */
    record Token(int start, int end, String text, String tag, String lemma) {
        boolean verb() {
            return tag.equals("VERB");
        }

        boolean noun() {
            return tag.equals("NOUN") || tag.equals("PROPN");
        }
    }

    /** One sentence: its character range and its tokens (offsets are into the whole text). */
    record Sentence(int start, int end, List<Token> tokens) {
    }

    private Nlp() {
    }

    /** Lazily loaded on first use; the class-holder idiom makes the load happen once, safely, without locks after. */
    private static final class Models {
        static final SentenceModel SENTENCES;
        static final TokenizerModel TOKENS;
        static final POSModel TAGS;
        static final LemmatizerModel LEMMAS;

        static {
            Map<String, URL> byName = modelFiles();
            try {
                SENTENCES = new SentenceModel(open(byName, "-sentence-"));
                TOKENS = alphanumericShortcut(new TokenizerModel(open(byName, "-tokens-")));
                TAGS = TopKBeamSearch.wrap(new POSModel(open(byName, "-pos-")));
                LEMMAS = new LemmatizerModel(open(byName, "-lemmas-"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load the OpenNLP English models from the classpath", e);
            }
        }
    }

    /**
     * The tokenizer model asks its classifier whether to split at every character inside every word; a word of
     * letters and digits only ("Putin", "2023") it never splits, so OpenNLP's alphanumeric shortcut (off in the
     * shipped model) gives the same tokens (all of PolNeAR's dev texts: identical) at a sixth of the cost.
     */
    private static TokenizerModel alphanumericShortcut(TokenizerModel m) {
        if (m.useAlphaNumericOptimization()) {
            return m;
        }
        return new TokenizerModel(m.getMaxentModel(), new HashMap<>(),
                new opennlp.tools.tokenize.TokenizerFactory(m.getLanguage(), m.getAbbreviations(), true, null));
    }

    /** One thread's tools over the shared models. */
    private static final class Tools {
        final SentenceDetectorME sentences = new SentenceDetectorME(Models.SENTENCES);
        final TokenizerME tokenizer = new TokenizerME(Models.TOKENS);
        final POSTaggerME tagger = new POSTaggerME(Models.TAGS, POSTagFormat.UD);
        final LemmatizerME lemmatizer = new LemmatizerME(Models.LEMMAS);
    }

    private static final ThreadLocal<Tools> TOOLS = ThreadLocal.withInitial(Tools::new);

    /**
     * Every OpenNLP model jar has a {@code model.properties} at its root naming its model file and checksum; collect
     * them all (one per jar) and resolve each file inside the same jar.
     */
    private static Map<String, URL> modelFiles() {
        Map<String, URL> out = new HashMap<>();
        try {
            Enumeration<URL> props = Nlp.class.getClassLoader().getResources("model.properties");
            while (props.hasMoreElements()) {
                URL url = props.nextElement();
                Properties p = new Properties();
                try (InputStream in = url.openStream()) {
                    p.load(in);
                }
                String name = p.getProperty("model.name");
                if (name == null || !"en".equals(p.getProperty("model.language"))) {
                    continue;
                }
                String base = url.toString();
                URL model = new URL(base.substring(0, base.length() - "model.properties".length()) + name);
                out.put(name + "#" + p.getProperty("model.sha256", ""), model);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list OpenNLP models on the classpath", e);
        }
        modelsInOwnJar(out);
        return out;
    }

    /**
     * In the self-contained CLI jar the model jars' {@code model.properties} (all at the root) overwrite each other:
     * there, take the model files at the jar's root by name (without a checksum to compare).
     */
    private static void modelsInOwnJar(Map<String, URL> out) {
        try {
            java.security.CodeSource src = Nlp.class.getProtectionDomain().getCodeSource();
            if (src == null || !src.getLocation().getPath().endsWith(".jar")) {
                return;
            }
            try (java.util.jar.JarFile jar = new java.util.jar.JarFile(new java.io.File(src.getLocation().toURI()))) {
                jar.stream().map(java.util.jar.JarEntry::getName).filter(n -> n.matches("opennlp-en-[^/]+\\.bin"))
                        .forEach(n -> out.putIfAbsent(n + "#", Nlp.class.getClassLoader().getResource(n)));
            }
        } catch (IOException | java.net.URISyntaxException | SecurityException e) {
            // not a jar we can list: the model.properties found above are all there is
        }
    }

    private static InputStream open(Map<String, URL> byName, String kind) throws IOException {
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, URL> e : byName.entrySet()) {
            if (e.getKey().contains(kind)) {
                found.add(e.getKey());
            }
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("no OpenNLP English model matching '" + kind + "' on the classpath"
                    + " (expected the opennlp-models-*-en jars; found " + byName.keySet() + ")");
        }
        found.sort(null);
        String key = found.get(found.size() - 1);
        String[] nameAndSum = key.split("#", 2);
        byte[] bytes = read(byName.get(key));
        if (!nameAndSum[1].isEmpty()) {
            String sum = sha256(bytes);
            if (!sum.equalsIgnoreCase(nameAndSum[1])) {
                throw new IllegalStateException("OpenNLP model '" + nameAndSum[0] + "' is corrupt: sha256 " + sum
                        + ", expected " + nameAndSum[1]);
            }
        }
        return new java.io.ByteArrayInputStream(bytes);
    }

    private static byte[] read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Splits one block of text (a paragraph) into sentences and tokens. The text should already be
     * {@linkplain #normalize normalized}; offsets are shifted by {@code offset} so they point into the whole article
     * (and, as normalizing keeps lengths, into the original).
     */
    static List<Sentence> analyse(String text, int offset) {
        Tools tools = TOOLS.get();
        SentenceDetectorME sentences = tools.sentences;
        TokenizerME tokenizer = tools.tokenizer;
        POSTaggerME tagger = tools.tagger;
        List<Sentence> out = new ArrayList<>();
        for (Span s : mergeAbbreviations(text, sentences.sentPosDetect(text))) {
            String sentence = text.substring(s.getStart(), s.getEnd());
            List<Span> spans = split(sentence, tokenizer.tokenizePos(sentence));
            String[] words = Span.spansToStrings(spans.toArray(Span[]::new), sentence);
            for (int i = 0; i < words.length; i++) {
                words[i] = CONTRACTED.getOrDefault(words[i].toLowerCase(java.util.Locale.ROOT), words[i]);
            }
            String[] tags = tagger.tag(words);
            String[] lemmas = lemmas(words, tags);
            List<Token> tokens = new ArrayList<>(spans.size());
            for (int i = 0; i < spans.size(); i++) {
                int start = offset + s.getStart() + spans.get(i).getStart();
                int end = offset + s.getStart() + spans.get(i).getEnd();
                tokens.add(new Token(start, end, words[i], tags[i], lemmas[i].toLowerCase(java.util.Locale.ROOT)));
            }
            out.add(new Sentence(offset + s.getStart(), offset + s.getEnd(), List.copyOf(tokens)));
        }
        return out;
    }

    /**
     * Tags words that are already tokenized (a corpus's own tokens): part-of-speech tags and lemmas only, offsets
     * counted as if the words were joined by single spaces.
     */
    static List<Token> tag(List<String> words) {
        POSTaggerME tagger = TOOLS.get().tagger;
        String[] w = words.toArray(String[]::new);
        for (int i = 0; i < w.length; i++) {
            w[i] = CONTRACTED.getOrDefault(w[i].toLowerCase(java.util.Locale.ROOT), w[i]);
        }
        String[] tags = tagger.tag(w);
        String[] lemmas = lemmas(w, tags);
        List<Token> out = new ArrayList<>(w.length);
        int at = 0;
        for (int i = 0; i < w.length; i++) {
            out.add(new Token(at, at + words.get(i).length(), w[i], tags[i],
                    lemmas[i].toLowerCase(java.util.Locale.ROOT)));
            at += words.get(i).length() + 1;
        }
        return out;
    }

    /**
     * Lemmas by word and tag, in two generations of at most {@value #LEMMA_GENERATION} entries: when the young one is
     * full it becomes the old one and the old one is dropped, so the words in use stay and memory stays bounded.
     * Every value is a function of its key alone, so what the cache holds never changes a result. Races between
     * threads can only lose an entry.
     */
    private static final int LEMMA_GENERATION = 8_192;
    private static volatile Map<String, String> youngLemmas = new java.util.concurrent.ConcurrentHashMap<>();
    private static volatile Map<String, String> oldLemmas = Map.of();

    private static String cachedLemma(String key) {
        String l = youngLemmas.get(key);
        if (l == null) {
            l = oldLemmas.get(key);
            if (l != null) {
                rememberLemma(key, l);
            }
        }
        return l;
    }

    private static void rememberLemma(String key, String lemma) {
        Map<String, String> young = youngLemmas;
        if (young.size() >= LEMMA_GENERATION) {
            synchronized (Nlp.class) {
                if (youngLemmas == young) {
                    oldLemmas = young;
                    youngLemmas = new java.util.concurrent.ConcurrentHashMap<>();
                }
            }
            young = youngLemmas;
        }
        young.put(key, lemma);
    }

    /**
     * The lemma of each word with its tag. OpenNLP's lemmatizer is a sequence model whose every step weighs several
     * hundred edit scripts: decoding it over each sentence took more time than all the rest of the front end. Here
     * it decodes each word with its tag alone, once per JVM: the lemma of a (word, tag) pair, the same wherever the
     * word stands and whatever was read before (decoded in context, 0.6% of the tokens of PolNeAR's dev texts get
     * another lemma, right as often as wrong: "climbed" climb/climbed, "endorsed" endors/endorse).
     */
    static String[] lemmas(String[] words, String[] tags) {
        String[] out = new String[words.length];
        for (int i = 0; i < words.length; i++) {
            String key = words[i] + '\u0000' + tags[i];
            String lemma = cachedLemma(key);
            if (lemma == null) {
                lemma = TOOLS.get().lemmatizer.lemmatize(new String[] {words[i]}, new String[] {tags[i]})[0];
                rememberLemma(key, lemma);
            }
            out[i] = lemma;
        }
        return out;
    }

    /**
     * The sentence model ends sentences after some abbreviations ("on Jan." | "12 for talks"): join a sentence that
     * ends in a title ("Mr.", "Gen.") to the next, and one that ends in another abbreviation to a next one starting
     * with a digit or a lower-case letter.
     */
    private static List<Span> mergeAbbreviations(String text, Span[] spans) {
        List<Span> out = new ArrayList<>();
        for (Span s : spans) {
            if (!out.isEmpty()) {
                Span prev = out.get(out.size() - 1);
                String before = text.substring(prev.getStart(), prev.getEnd());
                String lastWord = before.substring(before.lastIndexOf(' ') + 1);
                char next = text.charAt(s.getStart());
                if (TITLES.contains(lastWord) || lastWord.matches("\\p{Lu}\\.") && Character.isUpperCase(next)
                        || ABBREVIATIONS.contains(lastWord)
                        && (Character.isDigit(next) || Character.isLowerCase(next))) {
                    out.set(out.size() - 1, new Span(prev.getStart(), s.getEnd()));
                    continue;
                }
            }
            out.add(s);
        }
        return out;
    }

    private static final java.util.Set<String> TITLES = java.util.Set.of("Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "Col.",
            "Lt.", "Sgt.", "Gov.", "Sen.", "Rep.", "St.", "Prof.");

    /**
     * The English tokenizer model keeps a possessive with its noun ("Putin's") and may keep the full stop with the
     * last word ("Japarov."): split both off so the tagger sees the name alone. Abbreviations ("U.S.", "Jan.") keep
     * their stops: only a last token with no other stop inside is split.
     */
    private static List<Span> split(String sentence, Span[] spans) {
        List<Span> out = new ArrayList<>();
        for (int i = 0; i < spans.length; i++) {
            Span t = spans[i];
            String w = sentence.substring(t.getStart(), t.getEnd());
            if (w.length() > 3 && w.toLowerCase(java.util.Locale.ROOT).endsWith("n't")) {
                // "won't" is will + not, "doesn't" does + not: negation the later stages can see
                out.add(new Span(t.getStart(), t.getEnd() - 3));
                out.add(new Span(t.getEnd() - 3, t.getEnd()));
            } else if (w.length() > 2 && (w.endsWith("'s") || w.endsWith("'S"))) {
                out.add(new Span(t.getStart(), t.getEnd() - 2));
                out.add(new Span(t.getEnd() - 2, t.getEnd()));
            } else if (i == spans.length - 1 && w.length() > 1 && w.endsWith(".")
                    && w.indexOf('.') == w.length() - 1 && Character.isLetter(w.charAt(0))
                    && !ABBREVIATIONS.contains(w)) {
                out.add(new Span(t.getStart(), t.getEnd() - 1));
                out.add(new Span(t.getEnd() - 1, t.getEnd()));
            } else {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * The halves of contractions as the words they stand for ("won't" is read will + not, "can't" can + not); each
     * token keeps its span in the text, so "wo" reads "will" and points at "wo".
     */
    private static final Map<String, String> CONTRACTED = Map.of("wo", "will", "ca", "can", "sha", "shall",
            "n't", "not", "ai", "is");

    private static final java.util.Set<String> ABBREVIATIONS = java.util.Set.of("Mr.", "Mrs.", "Ms.", "Dr.", "Jr.",
            "Sr.", "St.", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.",
            "Dec.", "Inc.", "Ltd.", "Co.", "Corp.", "Gen.", "Col.", "Lt.", "Sgt.", "Gov.", "Sen.", "Rep.", "etc.", "Prof.",
            "No.", "U.S.", "U.K.", "U.N.", "E.U.");

    /**
     * The text the models see: typographic quotes and apostrophes become ASCII ones, and non-breaking and other
     * Unicode spaces become plain spaces. A double quotation mark written as two apostrophes (''so-called'', a
     * house style of some papers) becomes a space and a {@code "} where it opens, a {@code "} and a space where it
     * closes: the tokenizer would otherwise glue it to the word ("'name") and the quotation would not be seen. One
     * character for one, so offsets stay valid in the original.
     */
    static String normalize(String text) {
        char[] out = text.toCharArray();
        for (int i = 0; i < out.length; i++) {
            char c = out[i];
            out[i] = switch (c) {
                case '\u2018', '\u2019', '\u201a', '\u201b', '\u2032', '\u02bc' -> '\'';
                case '\u201c', '\u201d', '\u201e', '\u201f', '\u00ab', '\u00bb', '\u2033' -> '"';
                case '\u2013', '\u2014' -> '-';
                case '\u00a0', '\u2007', '\u202f', '\u2009', '\u200a', '\u2002', '\u2003', '\u3000' -> ' ';
                default -> c;
            };
        }
        for (int i = 0; i + 1 < out.length; i++) {
            if (text.charAt(i) == '\'' && text.charAt(i + 1) == '\'' && (i + 2 >= out.length || out[i + 2] != '\'')) {
                boolean opens = i == 0 || Character.isWhitespace(out[i - 1]) || "([{-\"".indexOf(out[i - 1]) >= 0;
                out[i] = opens ? ' ' : '"';
                out[i + 1] = opens ? '"' : ' ';
                i++;
            }
        }
        return new String(out);
    }
}
