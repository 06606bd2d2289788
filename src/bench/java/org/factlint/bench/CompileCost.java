package org.factlint.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.factlint.RulePack;
import org.factlint.internal.ConstraintTypes;
import org.factlint.internal.PackFiles;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.ReleaseId;

/**
 * Where the seconds of compiling a pack from a directory go, in a cold JVM (one run per JVM, as the CLI does it):
 * {@code java -cp target/factlint.jar:target/benchmarks.jar org.factlint.bench.CompileCost rules}. Prints each
 * stage's milliseconds; then, in the same JVM, a second and a third whole {@code RulePack.load} (warm).
 */
public final class CompileCost {
    private CompileCost() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "rules");
        long t0 = System.nanoTime();
        Map<String, String> all = PackFiles.read(dir);
        Map<String, String> drl = PackFiles.drl(all);
        long t1 = System.nanoTime();
        org.factlint.internal.verify.PackVerifier.verify(drl);
        long t2 = System.nanoTime();
        ConstraintTypes.check(drl, new ArrayList<>());
        long t3 = System.nanoTime();
        KieServices ks = KieServices.get();
        long t4 = System.nanoTime();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId id = ks.newReleaseId("org.factlint.bench", "cost", "1.0.0");
        kfs.generateAndWritePomXML(id);
        drl.forEach((f, text) -> kfs.write("src/main/resources/" + PackFiles.packageFolder(text)
                + f.substring(f.lastIndexOf('/') + 1), text));
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        long t5 = System.nanoTime();
        KieBase base = ks.newKieContainer(id).getKieBase();
        long t6 = System.nanoTime();
        base.newKieSession().dispose();
        long t7 = System.nanoTime();
        List<String> stages = List.of("read files", "safety scan", "constraint types", "KieServices bootstrap",
                "DRL parse + build (KieBuilder.buildAll)", "KieBase (Rete network)", "first session");
        long[] at = {t0, t1, t2, t3, t4, t5, t6, t7};
        for (int i = 0; i < stages.size(); i++) {
            System.out.printf("%-42s %6d ms%n", stages.get(i), (at[i + 1] - at[i]) / 1_000_000);
        }
        System.out.printf("%-42s %6d ms (%d messages)%n", "total, cold", (t7 - t0) / 1_000_000,
                builder.getResults().getMessages().size());
        for (int i = 0; i < 2; i++) {
            long s = System.nanoTime();
            RulePack.load(dir);
            System.out.printf("%-42s %6d ms%n", "RulePack.load again, warm", (System.nanoTime() - s) / 1_000_000);
        }
    }
}
