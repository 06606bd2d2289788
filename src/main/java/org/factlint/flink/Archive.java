package org.factlint.flink;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Archive mode's parallel route: the connected components of the pack's join keys computed across tasks, so that
 * only three small serial steps remain (numbering the input lines, names resolved across the archive, and a
 * union-find over key hashes). The records passed between the stages are Flink POJOs (public fields, no-argument
 * constructors).
 *
 * <ol>
 * <li><b>number</b> ({@link Numberer}, one task, cheap): each input line's place in input order ({@link Line});</li>
 * <li><b>read</b> ({@link Reader}, parallel): parses each line's documents, and keeps of each what resolving reads
 *     (the document without its claims, the sources its claims name: {@link Parsed});</li>
 * <li><b>resolve</b> ({@link Resolver}, one task): keeps those; at the end of the input resolves every
 *     entity's name across the archive, in input order, as one check does, and accepts or rejects each document
 *     ({@link Doc}: what the document takes from those before it);</li>
 * <li><b>lines</b> ({@link LineJoin}, parallel, keyed by line): puts each accepted document's line, which the
 *     readers sent past the resolver, back beside its resolution;</li>
 * <li><b>keys</b> ({@link KeyHasher}, parallel): loads each document's facts and hashes each fact's join-key values
 *     ({@link DocKeys});</li>
 * <li><b>place</b> ({@link Placer}, one task): union-find over the facts by key hash (ints and longs only), components
 *     binned into parts of about {@link Router#PART_CLAIMS} claims: each fact's part ({@link Labels}), each part's
 *     size ({@link BinSize});</li>
 * <li><b>assemble</b> ({@link Assembler}, parallel, keyed by document): loads the document's facts again and sends
 *     each to its part ({@link PartFact}); reference data to every part that uses it;</li>
 * <li><b>check</b> ({@link BinChecker}, parallel, keyed by part): checks a part as soon as all its facts are in.</li>
 * </ol>
 * A value hash is 128 bits: two values that collide would only put two components into one part, which changes no
 * flag (no rule joins across components; it only makes that part larger).
 */
final class Archive {
    private Archive() {
    }

    /** The route and the checks: documents in, per-article snapshots of their flags out. */
    static DataStream<Snapshot> check(DataStream<String> documents, String rules) {
        SingleOutputStreamOperator<Parsed> parsed = documents
                .keyBy(line -> 0, Types.INT)
                .process(new Numberer()).name("number").uid("number").setParallelism(1).setMaxParallelism(1)
                .rebalance()
                .process(new Reader()).name("read").uid("read");
        SingleOutputStreamOperator<Doc> resolved = parsed
                .keyBy(p -> 0, Types.INT)
                .process(new Resolver(rules)).name("resolve").uid("resolve").setParallelism(1).setMaxParallelism(1);
        SingleOutputStreamOperator<Doc> docs = parsed.getSideOutput(Reader.LINES).keyBy(l -> l.seq, Types.LONG)
                .connect(resolved.keyBy(d -> d.lineSeq, Types.LONG))
                .process(new LineJoin()).name("lines").uid("lines");
        // the checks' parallelism, when the job sets it, so that the placer can key parts evenly across their tasks
        int checkers = Math.max(0, documents.getExecutionEnvironment().getParallelism());
        int configured = documents.getExecutionEnvironment().getConfig().getMaxParallelism();
        int maxParallelism = configured > 0 ? configured
                : KeyGroupRangeAssignment.computeDefaultMaxParallelism(Math.max(1, checkers));
        // chained to the line join (keyed by line, so spread evenly): a document and its line are not shipped again
        SingleOutputStreamOperator<Labels> labels = docs
                .flatMap(new KeyHasher(rules)).name("keys").uid("keys")
                .keyBy(k -> 0, Types.INT)
                .process(new Placer(checkers, checkers > 0 ? maxParallelism : 0)).name("place").uid("place")
                .setParallelism(1).setMaxParallelism(1);
        DataStream<BinSize> sizes = labels.getSideOutput(Placer.SIZES);
        DataStream<PartFact> facts = docs.keyBy(d -> d.seq, Types.LONG)
                .connect(labels.keyBy(l -> l.seq, Types.LONG))
                .process(new Assembler(rules)).name("assemble").uid("assemble");
        SingleOutputStreamOperator<Snapshot> checked = facts.keyBy(f -> f.bin, Types.INT)
                .connect(sizes.keyBy(s -> s.bin, Types.INT))
                .process(new BinChecker(rules)).name("check").uid("check-archive");
        if (checkers > 0) {
            checked.setMaxParallelism(maxParallelism); // what the placer keyed the parts for
        }
        return checked;
    }

    /** An input line and its place in input order ({@link Numberer}). */
    public static final class Line {
        public long seq;
        public String line;

        public Line() {
        }

        Line(long seq, String line) {
            this.seq = seq;
            this.line = line;
        }
    }

    /**
     * One document of a line as the {@link Resolver} reads it ({@link Reader}): the document without its claims, as
     * JSON, and the sources it names ({@link org.factlint.internal.FactLoader#named}), as a JSON array.
     */
    public static final class Parsed {
        public long seq;
        public int index;
        /** The whole line (null in the resolver's view state: the lines are kept apart). */
        public String line;
        public String view;
        public String named;

        public Parsed() {
        }

        Parsed(long seq, int index, String line, String view, String named) {
            this.seq = seq;
            this.index = index;
            this.line = line;
            this.view = view;
            this.named = named;
        }
    }

    /** One accepted document, with what it takes from the documents before it. */
    public static final class Doc {
        /** Its place in document order (0, 1, ...). */
        public long seq;
        /** The number of its input line ({@link Line#seq}). */
        public long lineSeq;
        /** The input line it came in (null until {@link LineJoin}) and its index among that line's documents. */
        public String line;
        public int index;
        /** What it takes from the documents before it ({@link Resolver.Resolution}). */
        public Resolved resolved;

        public Doc() {
        }

        Doc(long seq, long lineSeq, String line, int index, Resolved resolved) {
            this.seq = seq;
            this.lineSeq = lineSeq;
            this.line = line;
            this.index = index;
            this.resolved = resolved;
        }
    }

    /**
     * {@link Resolver.Resolution} as it is shipped: arrays Flink's POJO serialiser writes as they are, rather than a
     * JSON text per document written by the serial resolver and parsed again by every stage after it.
     */
    public static final class Resolved {
        /** Each entity's key, in the document's order ({@link org.factlint.internal.FactLoader.Resolved}). */
        public String[] keys;
        /** Whether the document inserts each entity's fact. */
        public boolean[] inserts;
        /** The keys of the groups of each entity's key, as the first document to insert it says. */
        public String[][] groups;
        /** The sources the document uses, as first declared, as JSON (a few per document). */
        public String sources;

        public Resolved() {
        }
    }

    /**
     * A document's facts as the union-find needs them: fact {@code i}'s key values are entries {@code start[i]} to
     * {@code start[i + 1]} of {@code hi}, {@code lo} (the two halves of the hash) and {@code role}.
     */
    public static final class DocKeys {
        public long seq;
        public int[] start;
        public long[] hi;
        public long[] lo;
        /** {@link org.factlint.internal.JoinKeys.Role} ordinals. */
        public byte[] role;
        public boolean[] claim;

        public DocKeys() {
        }
    }

    /**
     * The parts of a document's facts: fact {@code i} goes to part {@code bin[i]}, or, when it is reference data
     * ({@code bin[i] < 0}), to parts {@code copies[copyStart[i]]} to {@code copies[copyStart[i + 1] - 1]} (none when
     * no fact uses it).
     */
    public static final class Labels {
        public long seq;
        /** The archive-wide position of the document's first fact: facts are checked in this order. */
        public long base;
        public int[] bin;
        public int[] copyStart;
        public int[] copies;

        public Labels() {
        }
    }

    /**
     * The facts of one document bound for one part, in load order: one record per document and part rather than per
     * fact: fewer records to serialise, ship and keep in the part's state.
     */
    public static final class PartFact {
        public int bin;
        /**
         * The archive-wide position of the first: a part's facts are inserted in load order, as one check inserts
         * them, and a document's facts take the positions from its {@link Labels#base} on, so records sorted by this
         * hold their facts in load order.
         */
        public long order;
        /** Each {@link Codec#fact(Object)}. */
        public String[] facts;

        public PartFact() {
        }

        PartFact(int bin, long order, String[] facts) {
            this.bin = bin;
            this.order = order;
            this.facts = facts;
        }
    }

    /** How many facts a part gets: it is checked when all have come. */
    public static final class BinSize {
        public int bin;
        public int facts;

        public BinSize() {
        }

        BinSize(int bin, int facts) {
            this.bin = bin;
            this.facts = facts;
        }
    }
}
