package org.factlint.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundled pack as an executable model, generated at build time by {@link ModelGenerator}: loading it is loading
 * classes, where compiling the DRL at start-up parses, type-checks and compiles every constraint and consequence.
 *
 * <p>The model is found through an index next to the pack's DRL ({@value #INDEX}) that names the generated model
 * classes and carries a digest of the DRL they were generated from. A model generated from other DRL than the one
 * shipped beside it (a stale build) is not used: the caller compiles the DRL instead, so the rules that run are always
 * the rules that are shown.
 */
public final class PrebuiltModel {
    private static final Logger LOG = LoggerFactory.getLogger(PrebuiltModel.class);
    /** The index file's name, inside the bundled pack's resource folder; not a DRL or table, so packs ignore it. */
    public static final String INDEX = "prebuilt-model.properties";

    private PrebuiltModel() {
    }

    /**
     * The knowledge base of the prebuilt model for the DRL files {@code drl} (relative name to text), or null when the
     * folder has no index or the index was generated from other DRL; the reason is logged.
     */
    public static KieBase load(String folder, Map<String, String> drl) {
        String indexPath = folder + INDEX;
        Properties index = new Properties();
        try (InputStream in = PrebuiltModel.class.getClassLoader().getResourceAsStream(indexPath)) {
            if (in == null) {
                LOG.warn("the bundled rule pack has no prebuilt model ({} is missing): compiling its DRL", indexPath);
                return null;
            }
            index.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + indexPath, e);
        }
        String expected = digest(drl);
        if (!expected.equals(index.getProperty("digest"))) {
            LOG.warn("the bundled rule pack's prebuilt model was generated from other DRL (digest {}, DRL {}):"
                    + " compiling its DRL", index.getProperty("digest"), expected);
            return null;
        }
        List<Model> models = new ArrayList<>();
        for (String name : index.getProperty("models", "").split(",")) {
            try {
                models.add((Model) Class.forName(name.strip(), true, PrebuiltModel.class.getClassLoader())
                        .getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException | LinkageError e) {
                LOG.warn("the bundled rule pack's prebuilt model class {} cannot be loaded ({}): compiling its DRL",
                        name, e.toString());
                return null;
            }
        }
        return KieBaseBuilder.createKieBaseFromModel(models);
    }

    /** SHA-256 over the DRL files in name order: what the model was generated from. */
    public static String digest(Map<String, String> drl) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> file : new TreeMap<>(drl).entrySet()) {
                sha.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                // line endings do not change the rules: a checkout with CRLF must not invalidate the model
                sha.update(file.getValue().replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
